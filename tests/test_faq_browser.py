"""The accordion in Chromium: keyboard, deep links, show all / hide all, no JavaScript, print, axe.

Covers theme/static/js/faq.js, theme/static/css/faq.css and the accordion template.
"""

from __future__ import annotations

import pytest
from browser_site import axe_violations, site_context
from conftest import SITEURL, served_build
from support import EXPECTED_SLUGS


@pytest.fixture(scope="module")
def faq_site(site_url):
    """The production site's address; the browser's requests to it reach the loopback server."""
    return SITEURL


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top > -1 && box.top < window.innerHeight;  // scrolling may land a fraction above 0
        }""",
        selector,
    )


def open_state(page) -> list[bool]:
    return page.eval_on_selector_all("[data-faq] details", "all => all.map(d => d.open)")


def test_keyboard_opens_and_closes_an_entry_with_visible_focus(page, faq_site):
    page.goto(f"{faq_site}/faq.html")
    first = EXPECTED_SLUGS[0]
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('summary')"):
            break
    assert page.evaluate("document.activeElement.parentElement.id") == first
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    answer = page.locator(f"#{first} .faq__answer")
    assert not answer.is_visible()
    page.keyboard.press("Enter")
    answer.wait_for(state="visible")
    page.keyboard.press("Enter")
    answer.wait_for(state="hidden")
    page.keyboard.press("Space")
    answer.wait_for(state="visible")


def test_a_link_from_another_page_opens_and_scrolls_to_the_answer(page, faq_site):
    slug = "what-should-i-bring"
    page.goto(f"{faq_site}/index.html")
    # A link such as the therapist might write on any page.
    page.evaluate(
        """(href) => {
            const link = document.createElement('a');
            link.href = href; link.textContent = 'What should I bring?'; link.id = 'test-link';
            document.querySelector('main').append(link);
        }""",
        f"faq.html#{slug}",
    )
    page.click("#test-link")
    page.wait_for_url(f"**/faq.html#{slug}")
    page.locator(f"#{slug} .faq__answer").wait_for(state="visible")
    assert in_viewport(page, f"#{slug}")
    assert sum(open_state(page)) == 1


def test_a_hash_change_on_the_faq_page_opens_and_scrolls(page, faq_site):
    page.set_viewport_size({"width": 400, "height": 600})
    page.goto(f"{faq_site}/faq.html")
    slug = EXPECTED_SLUGS[-1]
    assert not in_viewport(page, f"#{slug}")
    page.evaluate("(slug) => { location.hash = slug; }", slug)
    page.locator(f"#{slug} .faq__answer").wait_for(state="visible")
    assert in_viewport(page, f"#{slug}")


def test_show_all_and_hide_all_report_their_state(page, faq_site):
    page.goto(f"{faq_site}/faq.html")
    button = page.get_by_role("button", name="Show all answers")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert all(open_state(page)) and len(open_state(page)) == 12
    button = page.get_by_role("button", name="Hide all answers")
    assert button.get_attribute("aria-expanded") == "true"
    button.click()
    assert not any(open_state(page))
    assert page.get_by_role("button", name="Show all answers").get_attribute("aria-expanded") == "false"
    # Opening every entry by hand also turns the button into "Hide all answers".
    for summary in page.locator("[data-faq] summary").all():
        summary.click()
    page.get_by_role("button", name="Hide all answers").wait_for()
    assert page.locator(".faq__toggle-all").get_attribute("aria-expanded") == "true"


def test_without_javascript_every_question_is_there_and_opens(browser, site_url, faq_site):
    with site_context(browser, site_url, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        summaries = page.locator("[data-faq] summary")
        assert summaries.count() == 12
        # The controls are in the HTML but never shown where they could not work.
        assert not page.locator(".faq__controls").is_visible()
        assert not page.locator(".faq__toggle-all").is_visible()
        assert not page.locator("#faq-filter").is_visible()
        for index, slug in enumerate(EXPECTED_SLUGS):
            summaries.nth(index).click()
            page.locator(f"#{slug} .faq__answer").wait_for(state="visible")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_print_shows_every_answer(browser, site_url, faq_site, javascript):
    with site_context(browser, site_url, java_script_enabled=javascript) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        answers = page.locator("[data-faq] .faq__answer")
        assert not any(answers.nth(i).is_visible() for i in range(12))
        page.emulate_media(media="print")
        assert all(answers.nth(i).is_visible() for i in range(12))
        assert not any(open_state(page))  # printing does not change what is open on screen


def test_beforeprint_opens_every_answer_and_afterprint_restores(page, faq_site):
    """For browsers without details::details-content, faq.js opens the answers to print them."""
    page.goto(f"{faq_site}/faq.html#can-i-drive-home")
    before = open_state(page)
    assert sum(before) == 1
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(open_state(page))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert open_state(page) == before


def test_no_sideways_scrolling_at_320_pixels(browser, site_url, faq_site):
    with site_context(browser, site_url, viewport={"width": 320, "height": 640}) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        page.get_by_role("button", name="Show all answers").click()
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violations_with_every_answer_open(browser, site_url, faq_site, scheme, width):
    # axe is injected as a script, which the page's CSP would rightly refuse.
    with site_context(
        browser, site_url, viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    ) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        page.get_by_role("button", name="Show all answers").click()
        assert all(open_state(page))
        assert axe_violations(page, f"faq.html, all open, {width}px {scheme}") == []


def test_the_filter_narrows_questions_and_announces_the_count(page, faq_site):
    page.goto(f"{faq_site}/faq.html")
    box = page.get_by_label("Find a question")
    assert page.locator("#faq-filter-count").get_attribute("aria-live") == "polite"
    box.fill("addictive")
    visible = page.locator("[data-faq] details.faq__entry:visible")
    visible.first.wait_for()
    assert [d.get_attribute("id") for d in visible.all()] == ["is-ketamine-addictive"]
    page.get_by_text("1 of 12 questions matches.").wait_for()
    box.fill("zzzz")
    page.get_by_text("No question matches. Try another word.").wait_for()
    # A deep link to a question the filter hides shows every question again and opens it.
    page.evaluate("location.hash = 'can-i-drive-home'")
    page.locator("#can-i-drive-home .faq__answer").wait_for(state="visible")
    assert box.input_value() == ""
    assert page.locator("[data-faq] details.faq__entry:visible").count() == 12


def test_axe_finds_no_violations_with_the_filter_in_use(browser, site_url, faq_site):
    with site_context(browser, site_url, bypass_csp=True) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        page.get_by_label("Find a question").fill("ketamine")
        page.get_by_text("of 12 questions match").wait_for()
        page.get_by_role("button", name="Show all answers").click()
        assert axe_violations(page, "faq.html, filtered") == []


@pytest.fixture(scope="module")
def topics_site_url(tmp_path_factory):
    """A build whose FAQ has topics (test_faq_content's fixture), served on loopback."""
    from test_faq_content import content_with_topics

    tmp = tmp_path_factory.mktemp("topics")
    with served_build(tmp / "out", content=content_with_topics(tmp)) as url:
        yield url


def test_with_topics_the_filter_hides_topics_left_empty(browser, topics_site_url):
    # This build's addresses are the loopback server's own (served_build), so no routing is needed.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(f"{topics_site_url}/faq.html")
        topics = page.locator("nav.faq__topics li:visible")
        assert [t.inner_text() for t in topics.all()] == ["Costs", "Safety", "Other questions"]
        page.get_by_label("Find a question").fill("addictive")
        page.get_by_text("1 of 12 questions matches.").wait_for()
        assert [t.inner_text() for t in topics.all()] == ["Safety"]
        assert page.locator("section.faq__topic:visible").count() == 1
        page.get_by_role("button", name="Show all answers").click()
        assert axe_violations(page, "faq.html with topics, filtered") == []
        # A link to a topic at the top still leads to its heading once the filter is cleared.
        page.get_by_label("Find a question").fill("")
        page.get_by_role("navigation", name="FAQ topics").get_by_role("link", name="Costs").click()
        page.wait_for_url("**/faq.html#topic-costs")
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 412, 1280])
def test_nothing_moves_when_the_script_wires_up_the_controls(browser, site_url, faq_site, width):
    """The controls are in the page from the first paint: no layout shift (CLS 0) on load."""
    with site_context(browser, site_url, viewport={"width": width, "height": 823}) as context:
        page = context.new_page()
        page.goto(f"{faq_site}/faq.html")
        page.wait_for_load_state("load")
        page.locator(".faq__controls--ready").wait_for()
        shift = page.evaluate(
            """() => new Promise((resolve) => {
                let total = 0;
                new PerformanceObserver((list) => {
                    for (const entry of list.getEntries()) {
                        if (!entry.hadRecentInput) total += entry.value;
                    }
                }).observe({ type: "layout-shift", buffered: true });
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
            })"""
        )
        assert shift == 0, f"layout shift {shift} at {width} px"
