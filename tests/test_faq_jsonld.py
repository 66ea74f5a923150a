"""JSON-LD (plugins/practice_site/faq/jsonld.py): one FAQPage that says exactly what the page shows."""

from __future__ import annotations

import json
import re

import extruct
from bs4 import BeautifulSoup
from conftest import SITEURL, build_site, served_build
from practice_site.asset_hashing import unhashed_name
from support import (
    GOOGLE_ANSWER_TAGS,
    content_copy,
    edit,
    faq_file,
    jsonld_blocks,
    squash,
    visible_entries,
)

# What an HTML parser acts on inside <script> (HTML's script data states).
SCRIPT_DATA_MARKUP = re.compile(r"<!|</?script", re.IGNORECASE)
HOSTILE_QUESTION = 'Is it "safe" to type <b>bold</b> </script><script>alert(1)</script> & 🌿 here?'
HOSTILE_ANSWER = (
    'She said "it\'s fine" & <b>bold</b> </script><script>alert(1)</script> 🌿 ünïcödé\n'
    "second line with a backslash \\ and a\u2028line separator."
)


def faq_pages_found_by_extruct(html: str, url: str) -> list[dict]:
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa"], uniform=True)
    found = [item for syntax in data.values() for item in syntax if "FAQPage" in str(item.get("@type"))]
    return found


def test_exactly_one_faqpage_on_the_whole_site_on_the_faq_page(html_pages):
    pages_with_faq = {}
    for name, path in html_pages.items():
        found = faq_pages_found_by_extruct(path.read_text(encoding="utf-8"), f"{SITEURL}/{name}")
        if found:
            pages_with_faq[name] = len(found)
    assert pages_with_faq == {"faq.html": 1}


def test_faqpage_says_exactly_what_the_accordion_shows(html_pages, soups):
    html = html_pages["faq.html"].read_text(encoding="utf-8")
    (faq_page,) = faq_pages_found_by_extruct(html, f"{SITEURL}/faq.html")
    visible = visible_entries(soups["faq.html"])
    questions = faq_page["mainEntity"]
    assert len(questions) == len(visible) == 12
    for question, entry in zip(questions, visible, strict=True):
        assert question["@type"] == "Question"
        assert question["name"] == entry["question"]
        assert question["url"] == f"{SITEURL}/faq.html#{entry['id']}"
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert squash(BeautifulSoup(answer["text"], "html.parser").get_text()) == entry["answer"]


def test_question_urls_point_at_the_canonical_page_and_an_existing_id(soups):
    soup = soups["faq.html"]
    canonical = soup.find("link", rel="canonical")["href"]
    (data,) = jsonld_blocks(soup)
    assert data["url"] == canonical
    for question in data["mainEntity"]:
        page, anchor = question["url"].split("#")
        assert page == canonical
        assert soup.find(id=anchor).name == "details"


def test_answers_use_only_the_tags_google_reads(soups):
    (data,) = jsonld_blocks(soups["faq.html"])
    for question in data["mainEntity"]:
        answer = BeautifulSoup(question["acceptedAnswer"]["text"], "html.parser")
        tags = {tag.name for tag in answer.find_all(True)}
        assert tags <= GOOGLE_ANSWER_TAGS, tags
        assert all(set(tag.attrs) <= {"href"} for tag in answer.find_all(True))
    contraindications = BeautifulSoup(data["mainEntity"][1]["acceptedAnswer"]["text"], "html.parser")
    assert len(contraindications.select("ul > li")) == 8


def test_links_in_answers_become_absolute_and_other_tags_are_reduced(tmp_path):
    content = content_copy(tmp_path)
    edit(
        faq_file(content, "how-should-i-prepare"),
        "setting an intention,",
        "setting an [intention]({filename}/pages/process.md#preparation), `code` <span>span</span>, "
        "[the steps](process.html#intake), [988](tel:988),",
    )
    output = tmp_path / "out"
    result = build_site(output, content=content)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((output / "faq.html").read_text(encoding="utf-8"), "html.parser")
    (data,) = jsonld_blocks(soup)
    question = next(q for q in data["mainEntity"] if q["url"].endswith("#how-should-i-prepare"))
    answer = BeautifulSoup(question["acceptedAnswer"]["text"], "html.parser")
    hrefs = [a["href"] for a in answer.find_all("a")]
    assert hrefs == [f"{SITEURL}/process.html#preparation", f"{SITEURL}/process.html#intake", "tel:988"]
    assert not answer.find(["code", "span"])
    visible = soup.find(id="how-should-i-prepare").select_one(".faq__answer")
    assert visible.find("code") and not visible.find("span")  # the page keeps code; a bare span is unwrapped
    assert squash(answer.get_text()) == squash(visible.get_text())


def test_hostile_content_cannot_break_the_page_or_the_json(tmp_path, browser):
    content = content_copy(tmp_path)
    (content / "faq" / "hostile.md").write_text(
        f"Title: {HOSTILE_QUESTION}\nSlug: hostile\nOrder: 1\n\n{HOSTILE_ANSWER}\n", encoding="utf-8"
    )
    output = tmp_path / "out"
    result = build_site(output, content=content)
    assert result.returncode == 0, result.stderr
    html = (output / "faq.html").read_text(encoding="utf-8")

    # The page still parses into the same structure: one JSON-LD block, thirteen entries,
    # and no script element but ours.
    soup = BeautifulSoup(html, "html5lib")
    scripts = soup.find_all("script")
    assert [s.get("type") or unhashed_name(s.get("src", "")).rsplit("/", 1)[-1] for s in scripts] == [
        "application/ld+json",
        "faq.js",
    ]
    entries = visible_entries(soup)
    assert len(entries) == 13 and entries[0]["id"] == "hostile"
    assert entries[0]["question"] == squash(HOSTILE_QUESTION)

    # The JSON-LD parses and says what the page shows, and its block holds nothing an HTML
    # parser acts on inside a script: no "</script", no "<!" and no "<script".
    block = scripts[0].string
    assert "<b>bold</b>" in HOSTILE_ANSWER and "<b>" in block  # a harmless "<" stays as written
    assert not SCRIPT_DATA_MARKUP.search(block)
    (data,) = json.loads(block)["mainEntity"][:1]
    assert data["name"] == entries[0]["question"]
    answer_text = squash(BeautifulSoup(data["acceptedAnswer"]["text"], "html.parser").get_text())
    assert answer_text == entries[0]["answer"]
    assert "🌿" in answer_text and "ünïcödé" in answer_text
    (faq_page,) = faq_pages_found_by_extruct(html, f"{SITEURL}/faq.html")
    assert faq_page["mainEntity"][0]["name"] == squash(HOSTILE_QUESTION)

    # In Chromium nothing runs: no dialog, no error, and the page's own script works.
    with served_build(tmp_path / "served", content) as url:
        context = browser.new_context()
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(f"{url}/faq.html#hostile")
        page.wait_for_load_state("load")
        assert page.locator("#hostile").get_attribute("open") is not None
        page.get_by_role("button", name="Show all answers").click()
        assert page.evaluate("document.querySelectorAll('script').length") == 2
        context.close()
    assert dialogs == [] and errors == []


def test_serialise_escapes_everything_that_could_end_the_script_block():
    from practice_site.faq.jsonld import serialise

    data = {"text": '</script><!-- "quoted" & \u2028 <b> <SCRIPT> \\</p> \\<!x <Script'}
    text = str(serialise(data))
    assert not SCRIPT_DATA_MARKUP.search(text)
    assert "\u2028" not in text
    # Nothing else is escaped ("</p>" cannot end a script): the answers' HTML compresses well.
    assert "<b>" in text and "&" in text and "\\</p>" in text
    assert json.loads(text) == data


def test_a_plain_answer_is_the_same_bytes_in_the_json_ld_and_on_the_page(html_pages):
    # The FAQ page carries every answer twice; when the two copies are the same bytes,
    # the second costs a few bytes of brotli instead of a few at every paragraph break.
    html = html_pages["faq.html"].read_text(encoding="utf-8")
    (block,) = jsonld_blocks(BeautifulSoup(html, "html.parser"))
    plain = re.compile(r"(?:<(/?)(p|ul|ol|li|em|strong)>|[^<])*")  # only tags Google keeps as they are
    checked = 0
    for question in block["mainEntity"]:
        text = question["acceptedAnswer"]["text"]
        if plain.fullmatch(text):
            assert "\n" not in text  # no line breaks between blocks
            assert f'<div class="faq__answer">{text}</div>' in html, question["name"]
            checked += 1
    assert checked >= 8  # most of the practice's answers are paragraphs and lists
