"""Corrections to the practice's content (issue 12, part 8), as a visitor and a browser see them."""

from __future__ import annotations

import json

import pytest
from browser_site import page_url, site_context
from bs4 import BeautifulSoup
from conftest import build_site
from support import content_with, site_tables, squash, visible_entries

PRICING = site_tables()["pricing"]
DEFINITION = "Ketamine-Assisted Psychotherapy (KAP) is the use of prescribed ketamine as an addition"


def entry(soups, slug: str) -> dict:
    return next(e for e in visible_entries(soups["faq.html"]) if e["id"] == slug)


def test_what_ketamine_feels_like_is_one_answer_again(soups):
    feel = entry(soups, "what-does-ketamine-feel-like")
    assert "dream-like state" in feel["answer"] and "ineffable" in feel["answer"]
    assert len(feel["answer_element"].find_all("p")) == 2
    assert not any("put into words" in e["question"] for e in visible_entries(soups["faq.html"]))


@pytest.mark.parametrize("javascript", [True, False])
def test_the_old_link_to_the_merged_question_opens_the_merged_answer(browser, site_url, javascript):
    with site_context(browser, site_url, java_script_enabled=javascript) as context:
        page = context.new_page()
        page.goto(page_url("faq.html#why-is-it-hard-to-describe"))
        details = page.locator("details#what-does-ketamine-feel-like")
        details.locator(".faq__answer").wait_for(state="visible")
        assert details.evaluate("d => d.open")
        assert details.locator("summary").is_visible()


def test_questions_promise_no_more_than_their_answers(soups):
    safe = entry(soups, "is-an-altered-state-safe")
    assert safe["question"] == "How will I be supported while I’m in an altered state?"
    assert "designed to help you feel safe and supported" in safe["answer"]
    drive = entry(soups, "can-i-drive-home")
    assert drive["question"] == "Can I drive myself home after a medicine session?"


def test_the_home_page_defines_kap_once(soups):
    assert squash(soups["index.html"].main.get_text(" ")).count(DEFINITION) == 1
    anchor = "#how-is-kap-different-from-iv-ketamine"
    link = soups["index.html"].main.find("a", href=lambda h: h and h.endswith(anchor))
    assert link is not None and "IV infusions" in link.get_text()


def test_the_disclaimer_fits_existing_clients_too(soups):
    for name, soup in soups.items():
        disclaimer = squash(soup.footer.select_one(".disclaimer").get_text(" "))
        assert "not medical advice" in disclaimer and "intake" not in disclaimer, name


def test_the_cost_answer_names_the_sessions_pricing_marks_reimbursable(soups):
    kinds = PRICING["reimbursable_sessions"]
    words = " and ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)
    assert f"reimbursed for the {words} sessions" in entry(soups, "what-does-kap-cost")["answer"]


def test_changing_reimbursable_sessions_changes_the_answer_and_the_calculator_together(tmp_path):
    tables = site_tables()
    tables["pricing"]["reimbursable_sessions"] = ["intake", "integration"]
    output = tmp_path / "out"
    result = build_site(output, content=content_with(tmp_path, tables))
    assert result.returncode == 0, result.stderr
    faq = BeautifulSoup((output / "faq.html").read_text(encoding="utf-8"), "html.parser")
    cost = next(e for e in visible_entries(faq) if e["id"] == "what-does-kap-cost")
    assert "reimbursed for the intake and integration sessions" in cost["answer"]
    costs = BeautifulSoup((output / "costs.html").read_text(encoding="utf-8"), "html.parser")
    assert "reimbursed for the intake and integration sessions" in squash(costs.main.get_text(" "))
    model = json.loads(costs.find("script", id="cost-calculator-model").string)
    reimbursable = {line["id"] for line in model["lines"] if line.get("reimbursable")}
    assert reimbursable == {"intake", "integration"}
