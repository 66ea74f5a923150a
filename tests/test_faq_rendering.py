"""Rendering: the accordion the theme draws from the collection, and {faq:SLUG} on other pages
(plugins/practice_site/faq/rendering.py, theme/templates/faq.html, components/faq/)."""

from __future__ import annotations

from urllib.parse import urlparse

import extruct
from bs4 import BeautifulSoup
from conftest import SITEURL
from practice_site.asset_hashing import unhashed_name
from support import EXPECTED_SLUGS, price, squash, visible_entries


def test_faq_page_keeps_its_intro_then_the_accordion(soups):
    article = soups["faq.html"].main.article
    assert article.h1.get_text() == "Frequently asked questions"
    intro = article.find("p", recursive=False)
    assert "questions people most often ask" in intro.get_text()
    accordion = article.select_one("[data-faq]")
    assert intro.sourceline < accordion.sourceline


def test_each_entry_is_a_details_with_the_question_as_a_heading_in_its_summary(soups):
    accordion = soups["faq.html"].select_one("[data-faq]")
    details = accordion.find_all("details", recursive=False)
    assert [d["id"] for d in details] == EXPECTED_SLUGS
    for entry in details:
        assert not entry.has_attr("open")  # closed until the visitor opens them
        summary = entry.find("summary", recursive=False)
        heading = summary.find("h2")
        assert heading is not None and squash(heading.get_text()) == squash(summary.get_text())
        assert entry.select_one(".faq__answer").get_text(strip=True)


def test_each_entry_offers_a_link_to_itself(soups):
    for entry in soups["faq.html"].select("[data-faq] details"):
        link = entry.select_one(".faq__link a")
        assert link["href"] == f"#{entry['id']}"
        assert squash(link.get_text()).startswith("Link to this question")


def test_ids_are_unique_on_the_page(soups):
    ids = [tag["id"] for tag in soups["faq.html"].find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_faq_page_loads_its_script_and_styles_from_the_site(soups):
    soup = soups["faq.html"]
    script = soup.find("script", src=lambda s: s and unhashed_name(s).endswith("/js/faq.js"))
    assert script is not None and script.has_attr("defer")
    assert urlparse(script["src"]).netloc == urlparse(SITEURL).netloc
    assert soup.find("link", rel="stylesheet", href=lambda h: h and unhashed_name(h).endswith("/css/faq.css"))
    for name, other in soups.items():
        if name != "faq.html":
            assert not other.find("script", src=lambda s: s and "faq.js" in s), name


def test_embed_shows_one_entry_as_plain_content(site):
    """{faq:SLUG} on another page (the costs page shows the cost question): no FAQ markup."""
    output = site
    html = (output / "costs.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    main = soup.main
    assert "{faq:" not in main.get_text()
    faq_soup = BeautifulSoup((output / "faq.html").read_text(encoding="utf-8"), "html.parser")
    cost = next(e for e in visible_entries(faq_soup) if e["id"] == "what-does-kap-cost")
    embed = main.select_one(".faq-embed")
    assert squash(embed.h2.get_text()) == cost["question"]
    assert squash(embed.get_text()).endswith(cost["answer"])
    # No accordion, no schema markup of any kind, no FAQ script.
    assert not main.find(["details", "summary"])
    assert not soup.find("script", type="application/ld+json")
    assert not soup.find(attrs={"itemscope": True}) and not soup.find(attrs={"typeof": True})
    data = extruct.extract(
        html, base_url=f"{SITEURL}/costs.html", syntaxes=["json-ld", "microdata", "rdfa"], uniform=True
    )
    assert "FAQPage" not in str(data) and "Question" not in str(data)
    # The site as a whole still has its one FAQPage, on the FAQ page.
    assert len(BeautifulSoup(str(faq_soup), "html.parser").find_all(type="application/ld+json")) == 1


def test_embed_keeps_prices_and_the_rest_of_the_page(site):
    main = BeautifulSoup((site / "costs.html").read_text(encoding="utf-8"), "html.parser").main
    text = squash(main.text)
    assert f"{price('hourly_rate')}/hour" in text and price("medical_screen_fee") in text
    assert "{price:" not in text
    assert main.select_one(".cost-calculator") is not None


def test_an_embedded_answer_rises_with_its_question():
    """With topics an answer's headings sit under an h3 question; embedded under an h2 they rise one level."""
    from practice_site.faq.rendering import raise_headings

    html = '<p>a</p><h4 id="x">Sub</h4><h5>Deeper</h5>'
    assert raise_headings(html, 1) == '<p>a</p><h3 id="x">Sub</h3><h4>Deeper</h4>'
    assert raise_headings(html, 0) == html
