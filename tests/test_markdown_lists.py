"""Lists as people type them (plugins/practice_site/markdown_lists.py), through Python-Markdown itself."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from conftest import load_settings


def render(text: str) -> BeautifulSoup:
    """`text` converted with the site's own MARKDOWN extensions (as pages and FAQ answers are)."""
    configs = load_settings()["MARKDOWN"]["extension_configs"]
    html = markdown.markdown(text, extensions=list(configs), extension_configs=configs, output_format="html5")
    return BeautifulSoup(html, "html.parser")


def items(soup, selector: str) -> list[str]:
    return [" ".join(li.find(string=True, recursive=False).split()) for li in soup.select(selector)]


def test_a_list_right_under_a_line_of_text_is_a_list():
    soup = render("Please bring:\n- a blanket\n- socks\n")
    assert soup.p.get_text() == "Please bring:"
    assert items(soup, "ul > li") == ["a blanket", "socks"]


def test_two_space_nesting_nests_and_four_space_nesting_still_does():
    two = render("- water\n  - still\n  - sparkling\n    - cold\n- tea\n")
    four = render("- water\n    - still\n    - sparkling\n        - cold\n- tea\n")
    for soup in (two, four):
        top = soup.find("ul", recursive=False).find_all("li", recursive=False)
        assert [li.find(string=True, recursive=False).strip() for li in top] == ["water", "tea"]
        assert items(soup, "ul ul > li") == ["still", "sparkling", "cold"]
        assert items(soup, "ul ul ul > li") == ["cold"]


def test_a_number_inside_a_sentence_is_not_a_list():
    soup = render("We opened in\n2024. That year we moved.\n")
    assert not soup.find(["ol", "ul"])


def test_fenced_code_and_four_space_list_items_with_paragraphs_are_untouched():
    soup = render("```\nnotes:\n- not a list\n```\n\n1.  ## Intake\n\n    We talk first.\n")
    assert soup.pre.get_text() == "notes:\n- not a list\n"
    assert soup.ol.li.h2.get_text() == "Intake" and soup.ol.li.p.get_text() == "We talk first."
