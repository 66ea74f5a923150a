"""Text is always text: with autoescape on, titles, descriptions, menu labels and practice details
appear exactly as typed everywhere (page, <title>, meta description, Open Graph, JSON-LD, sitemap),
the HTML that Markdown makes stays HTML, and the Nu HTML Checker finds nothing wrong."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import SITEURL, build_site
from support import content_with, ready_tables
from test_gates_html import VNU_JAR, describe, is_artefact

TITLE = 'Is KAP right for "me" & my <family>?'
DESCRIPTION = 'What "set & setting" means'
MENU_LABEL = "\"Me\" & <family> 'too'"
NAME = "Smith & Jones Counseling"
THERAPIST, CREDENTIALS = "Dana O'Neil", "LMFT"
QUESTION = 'Is "set & setting" <really> needed?'
PAGE = "right-for-me-and-family.html"


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    """The real site, plus a page and a question full of & " ' <, for a practice named with &."""
    tmp = tmp_path_factory.mktemp("tricky")
    tables = ready_tables()
    tables["practice"].update(name=NAME, therapist=THERAPIST, credentials=CREDENTIALS)
    content = content_with(tmp, tables)
    (content / "pages" / "tricky.md").write_text(
        f"Title: {TITLE}\nDescription: {DESCRIPTION}\nMenu_label: {MENU_LABEL}\nOrder: 99\n"
        "Slug: right-for-me-and-family\n\n## What it means\n\nA **calm** setting & a <em>kind</em> guide.\n",
        encoding="utf-8",
    )
    (content / "faq" / "set-and-setting.md").write_text(
        f"Title: {QUESTION}\nSlug: set-and-setting\nOrder: 999\n\nYes: *set* & setting.\n", encoding="utf-8"
    )
    output = tmp / "output"
    result = build_site(output, content=content)
    assert result.returncode == 0, result.stderr
    return output


def soup(site, name) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, **attrs) -> str:
    return page.find("meta", attrs=attrs)["content"]


def test_the_page_title_and_description_read_as_typed(tricky_site):
    page = soup(tricky_site, PAGE)
    assert page.title.string == f"{TITLE} | {NAME}"
    assert page.h1.get_text() == TITLE
    assert meta(page, name="description") == DESCRIPTION
    assert meta(page, property="og:title") == f"{TITLE} | {NAME}"
    assert meta(page, property="og:description") == DESCRIPTION
    assert meta(page, property="og:site_name") == NAME
    # Nothing typed became markup: no <family> element, no cut-off attribute.
    assert page.find("family") is None and page.find("really") is None


def test_menu_labels_and_practice_details_read_as_typed(tricky_site):
    page = soup(tricky_site, "index.html")
    labels = [a.get_text() for a in page.select("header nav a")]
    assert MENU_LABEL in labels
    assert page.select_one(".site-name").get_text() == NAME
    contact = " ".join(page.select_one("footer .contact").get_text(" ").split())
    assert f"Contact {NAME}" in contact and f"{THERAPIST}, {CREDENTIALS}" in contact
    assert f"a client of {THERAPIST}, {CREDENTIALS}." in page.select_one(".disclaimer").get_text()


def test_markdown_html_stays_html(tricky_site):
    page = soup(tricky_site, PAGE)
    article = page.select_one("article")
    assert article.h2.get_text() == "What it means"
    assert article.strong.get_text() == "calm" and article.em.get_text() == "kind"
    assert "setting & a kind guide" in article.get_text()


def test_the_faq_question_reads_as_typed_on_the_page_and_in_its_json_ld(tricky_site):
    page = soup(tricky_site, "faq.html")
    questions = [h.get_text() for h in page.select(".faq__question")]
    assert QUESTION in questions
    [block] = page.select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    entry = next(e for e in data["mainEntity"] if e["name"] == QUESTION)
    # The answer is HTML in the JSON (as search engines expect), its text escaped once, not twice.
    assert entry["acceptedAnswer"]["text"] == "<p>Yes: <em>set</em> &amp; setting.</p>"
    answer = page.select_one("#set-and-setting .faq__answer")
    assert answer.em.get_text() == "set"


def test_the_sitemap_is_valid_xml_with_the_page(tricky_site):
    tree = ET.parse(tricky_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert f"{SITEURL}/{PAGE}" in locations


def test_the_html_checker_finds_no_error(tricky_site):
    pages = sorted(str(p) for p in tricky_site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stderr)["messages"]
    problems = [
        describe(m, tricky_site)
        for m in messages
        if m["type"] in ("error", "non-document-error")
        or (m.get("subType") == "warning" and not is_artefact(m))
    ]
    assert not problems, "\n".join(problems)
    assert str(tricky_site / PAGE) in pages
