"""Reading (plugins/practice_site/faq/reading.py): the FAQ folder becomes the collection, and only that."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import ROOT, build_site, write_settings
from support import (
    EXPECTED_SLUGS,
    content_copy,
    edit,
    faq_file,
    price,
    squash,
    visible_entries,
)
from test_site import CONTRAINDICATIONS

# The practice's own page, as they gave it to us (their words; headings and questions lost).
BRIEF = ROOT / "tests" / "fixtures" / "practice-page.txt"


def build_and_read(tmp_path, content, **kwargs):
    result = build_site(tmp_path / "out", content=content, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "out" / "faq.html").read_text(encoding="utf-8")
    return visible_entries(BeautifulSoup(html, "html.parser"))


def test_twelve_entries_in_the_order_given(soups):
    entries = visible_entries(soups["faq.html"])
    assert [e["id"] for e in entries] == EXPECTED_SLUGS
    assert all(e["question"].endswith("?") for e in entries)
    assert len({e["question"] for e in entries}) == 12


def test_every_file_in_the_faq_folder_is_one_entry(soups):
    files = sorted((ROOT / "content" / "faq").glob("*.md"))
    assert len(files) == len(visible_entries(soups["faq.html"])) == 12


def test_answers_keep_the_practice_words(soups):
    """Each answer is, word for word, the practice's text (apostrophes typeset by the site's Markdown)."""
    brief = squash(BRIEF.read_text(encoding="utf-8").split("More FAQs", 1)[1]).replace("'", "’")
    for entry in visible_entries(soups["faq.html"]):
        for paragraph in entry["answer_element"].find_all(["p", "li"]):
            assert squash(paragraph.get_text()) in brief, entry["id"]


def test_contraindications_are_a_list_in_their_answer(soups):
    entry = next(e for e in visible_entries(soups["faq.html"]) if e["id"] == "who-should-not-take-ketamine")
    items = [squash(li.get_text()) for li in entry["answer_element"].select("ul > li")]
    assert items == CONTRAINDICATIONS


def test_cost_entry_has_its_slug_and_prices(soups):
    entry = next(e for e in visible_entries(soups["faq.html"]) if e["id"] == "what-does-kap-cost")
    assert f"{price('hourly_rate')}/hour" in entry["answer"]
    assert price("medical_screen_fee") in entry["answer"]


def test_faq_files_are_not_published_on_their_own(site, html_pages):
    for slug in EXPECTED_SLUGS:
        assert not list(site.rglob(f"{slug}*")), slug
    assert not list(site.rglob("*.md"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(slug in sitemap for slug in EXPECTED_SLUGS)
    # Only the site's own pages: nothing from content/faq/ became a page or an article.
    assert set(html_pages) == {
        "404.html",
        "about.html",
        "accessibility.html",
        "contact.html",
        "privacy.html",
        "costs.html",
        "faq.html",
        "how-ketamine-works.html",
        "index.html",
        "is-kap-right-for-me.html",
        "process.html",
    }


def test_faq_files_stay_out_even_if_articles_read_the_whole_content_folder(tmp_path):
    settings = write_settings(
        tmp_path / "allarticles.py",
        'ARTICLE_PATHS = [""]',
        'ARTICLE_SAVE_AS = "{slug}.html"',
        'ARTICLE_URL = "{slug}.html"',
    )
    result = build_site(tmp_path / "out", settings=str(settings))
    assert result.returncode == 0, result.stderr
    assert not any((tmp_path / "out" / f"{slug}.html").exists() for slug in EXPECTED_SLUGS)


def test_answers_go_through_the_sites_markdown_settings(tmp_path):
    """A Markdown extension added to the site's MARKDOWN settings applies to FAQ answers too."""
    content = content_copy(tmp_path)
    edit(
        faq_file(content, "what-should-i-bring"),
        "Comfortable clothing, a journal for notes,",
        "Comfortable clothing,\na journal for notes,",
    )
    settings = write_settings(
        tmp_path / "nl2br.py", 'MARKDOWN["extension_configs"]["markdown.extensions.nl2br"] = {}'
    )
    entries = build_and_read(tmp_path, content, settings=str(settings))
    entry = next(e for e in entries if e["id"] == "what-should-i-bring")
    assert entry["answer_element"].find("br") is not None


def test_slug_is_made_from_the_question_and_order_is_optional(tmp_path):
    content = content_copy(tmp_path)
    path = faq_file(content, "can-i-drive-home")
    edit(path, "Slug: can-i-drive-home\n", "")
    edit(path, "Order: 100\n", "")
    extra = content / "faq" / "zz-any-other.md"
    extra.write_text("Title: Any other question?\n\nAn answer.\n", encoding="utf-8")
    entries = build_and_read(tmp_path, content)
    ids = [e["id"] for e in entries]
    # Unnumbered entries come after the numbered ones, alphabetically by question.
    assert ids[-2:] == ["any-other-question", "can-i-drive-myself-home-after-a-medicine-session"]
    assert ids[:-2] == [s for s in EXPECTED_SLUGS if s != "can-i-drive-home"]


def test_order_sets_the_position(tmp_path):
    content = content_copy(tmp_path)
    edit(faq_file(content, "is-kap-a-quick-fix"), "Order: 130", "Order: 1")
    entries = build_and_read(tmp_path, content)
    assert [e["id"] for e in entries] == ["is-kap-a-quick-fix", *EXPECTED_SLUGS[:-1]]


def test_a_draft_entry_is_not_shown(tmp_path):
    content = content_copy(tmp_path)
    edit(faq_file(content, "what-should-i-bring"), "Order: 110\n", "Order: 110\nStatus: draft\n")
    entries = build_and_read(tmp_path, content)
    assert "what-should-i-bring" not in [e["id"] for e in entries]
    assert len(entries) == 11


def test_a_deleted_entry_is_gone_on_the_next_run_in_the_same_process(tmp_path, monkeypatch):
    """What `make devserver` does: one Pelican instance runs again after a change."""
    import pelican

    monkeypatch.chdir(ROOT)
    content = content_copy(tmp_path)
    output = tmp_path / "out"
    args = pelican.parse_arguments(
        [str(content), "-o", str(output), "-s", str(ROOT / "publishconf.py"), "-q"]
    )
    instance, _ = pelican.get_instance(args)
    instance.run()
    assert 'id="can-i-drive-home"' in (output / "faq.html").read_text(encoding="utf-8")

    faq_file(content, "can-i-drive-home").unlink()
    instance.run()
    html = (output / "faq.html").read_text(encoding="utf-8")
    assert 'id="can-i-drive-home"' not in html
    assert "can-i-drive-home" not in html  # not in the JSON-LD either
    assert len(visible_entries(BeautifulSoup(html, "html.parser"))) == 11


def test_unsafe_html_in_an_answer_is_removed(tmp_path):
    content = content_copy(tmp_path)
    edit(
        faq_file(content, "what-should-i-bring"),
        "like a blanket or pillow.",
        'like a blanket or pillow. <b onmouseover="alert(1)">soft</b>'
        '<a href="javascript:alert(2)">pillow</a><iframe src="https://example.org/"></iframe>',
    )
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "out" / "faq.html").read_text(encoding="utf-8"), "html.parser")
    answer = soup.find(id="what-should-i-bring").select_one(".faq__answer")
    assert answer.find("iframe") is None
    assert not any(re.match("on", attr) for tag in answer.find_all(True) for attr in tag.attrs)
    assert not answer.find("a", href=re.compile("javascript", re.I))
