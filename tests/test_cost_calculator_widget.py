"""The cost calculator on the costs page, as visitors get it: without JavaScript (the
build-time table), in Chromium for every shared vector and bad input, by keyboard, in
print, and under axe-core (mirrors plugins/practice_site/cost_calculator/widget.py and the theme's
cost-calculator component)."""

from __future__ import annotations

import json

import pytest
from browser_site import axe_violations, route_to_site
from conftest import SITEURL
from practice_site.asset_hashing import unhashed_name
from support import (
    INPUT_ORDER,
    VECTORS,
    append,
    build_with,
    content_copy,
    expected_result,
    expected_rows,
    expected_summary,
    failed_build,
    model,
    site_pricing,
)

from tools.site_server import serve

# What a visitor sees of the widget: visible table rows (cell texts), the status
# line, the messages shown, and every text the script fills in.
READ = """() => {
  const clean = s => s.replace(/\\s+/g, ' ').trim();
  const seen = el => el.checkVisibility();
  const root = document.querySelector('.cost-calculator');
  return {
    rows: [...root.querySelectorAll('.cost-calculator__table tr')].filter(seen).slice(1)
      .map(tr => [...tr.cells].map(c => clean(c.innerText))),
    summary: clean(root.querySelector('[role=status]').innerText),
    errors: [...root.querySelectorAll('.cost-calculator__error')].filter(seen).map(e => clean(e.innerText)),
    outs: [...root.querySelectorAll('[data-out]')].filter(seen).map(e => clean(e.innerText)),
    text: clean(root.innerText),
  };
}"""


@pytest.fixture(scope="module")
def vector_site(tmp_path_factory):
    """The site built with the vectors' frozen PRICING, served on loopback: the server's URL."""
    result, output = build_with(tmp_path_factory.mktemp("vector-site"), VECTORS["pricing"])
    assert result.returncode == 0, result.stderr
    with serve(output) as url:
        yield url


def open_costs(page, server_url, *, script=True):
    """Open the costs page of a served build; return the list that collects console errors."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    route_to_site(page.context, server_url)
    page.goto(f"{SITEURL}/costs.html")
    if script:
        page.wait_for_selector("#cost-calculator-form:not([hidden])")
    return errors


def fill(page, choices: dict) -> None:
    for name in INPUT_ORDER:
        if name not in choices:
            continue
        value = choices[name]
        if name == "existing_client":
            page.check(f'input[name="existing_client"][value="{value}"]')
        else:
            page.fill(f"#cost-calculator-{name}", "" if value is None else str(value))


def assert_sane(state) -> None:
    """No NaN, nothing undefined, no blank figure and no negative amount."""
    for bad in ("NaN", "undefined", "null", "-$", "$-", "Infinity"):
        assert bad not in state["text"], bad
    assert all(state["outs"]), state["outs"]


# --- Without JavaScript ------------------------------------------------------


def test_the_build_time_table_shows_the_default_estimate(soups):
    pricing = site_pricing()
    soup = soups["costs.html"]
    widget = soup.select_one(".cost-calculator")
    rows = [
        [" ".join(cell.get_text(" ").split()) for cell in tr.find_all(["th", "td"])]
        for tr in widget.select(".cost-calculator__table tbody tr, .cost-calculator__table tfoot tr")
        if not tr.has_attr("hidden")
    ]
    assert rows == expected_rows(pricing, expected_result(pricing, {}))
    assert widget.select_one("form")["hidden"] == ""
    status = widget.select_one('[role="status"]')
    assert status is not None and "Estimated total:" in status.get_text()


def test_the_model_is_delivered_as_json_data(soups):
    script = soups["costs.html"].find("script", id="cost-calculator-model")
    assert script["type"] == "application/json"
    assert json.loads(script.string) == model.build_model(site_pricing())


def test_without_javascript_the_table_and_range_show(browser, site_url):
    pricing = site_pricing()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_costs(page, site_url, script=False)
    page.wait_for_load_state("load")
    assert not page.locator("#cost-calculator-form").is_visible()
    assert page.locator(".cost-calculator__nojs").is_visible()
    rows = []
    for tr in page.locator(
        ".cost-calculator__table tbody tr:visible, .cost-calculator__table tfoot tr:visible"
    ).all():
        rows.append([" ".join(cell.split()) for cell in tr.locator("th, td").all_inner_texts()])
    assert rows == expected_rows(pricing, expected_result(pricing, {}))
    low, high = model.typical_range(model.build_model(pricing))
    range_text = page.locator(".cost-calculator__range").inner_text()
    assert (
        f"from {model.format_usd(low['grand_total'])} to {model.format_usd(high['grand_total'])}"
        in range_text
    )
    assert page.locator('[role="status"]').inner_text().startswith("Estimated total:")
    context.close()


# --- In the browser, for every shared vector ---------------------------------


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_the_browser_estimate_equals_python(page, vector_site, vector):
    errors = open_costs(page, vector_site)
    fill(page, vector["choices"])
    state = page.evaluate(READ)
    pricing = VECTORS["pricing"]
    result = expected_result(pricing, vector["choices"])
    assert state["rows"] == expected_rows(pricing, result)
    assert state["summary"] == expected_summary(result)
    assert state["errors"] == []
    assert_sane(state)
    assert errors == []


@pytest.mark.parametrize("bad", VECTORS["bad_inputs"], ids=lambda b: f"{b['field']}={b['entry']!r}")
def test_a_bad_input_shows_its_message_and_the_nearest_valid_estimate(page, vector_site, bad):
    open_costs(page, vector_site)
    field = page.locator(f"#cost-calculator-{bad['field']}")
    field.fill(bad["entry"])
    state = page.evaluate(READ)
    assert state["errors"] == [bad["message"]]
    error_id = f"cost-calculator-{bad['field']}-error"
    assert error_id in field.get_attribute("aria-describedby").split()
    assert field.get_attribute("aria-invalid") == "true"
    # The message sits next to its field: in the same field group.
    assert page.locator(
        f".cost-calculator__field:has(#cost-calculator-{bad['field']}) #{error_id}"
    ).is_visible()
    result = expected_result(VECTORS["pricing"], {bad["field"]: bad["uses"]})
    assert state["rows"] == expected_rows(VECTORS["pricing"], result)
    assert_sane(state)

    # Put right, the message goes.
    field.fill(str(model.build_model(VECTORS["pricing"])["inputs"][bad["field"]]["min"]))
    assert page.evaluate(READ)["errors"] == []
    assert field.get_attribute("aria-invalid") is None
    assert field.get_attribute("aria-describedby") == f"cost-calculator-{bad['field']}-hint"


def test_integration_follows_medicine_until_the_visitor_changes_it(page, vector_site):
    open_costs(page, vector_site)
    per = VECTORS["pricing"]["integration_sessions"]["per_medicine_session"]
    page.fill("#cost-calculator-medicine", "6")
    assert page.input_value("#cost-calculator-integration") == str(6 * per)
    page.fill("#cost-calculator-integration", "2")
    page.fill("#cost-calculator-medicine", "4")
    assert page.input_value("#cost-calculator-integration") == "2"


def test_keyboard_alone_works(page, vector_site):
    open_costs(page, vector_site)
    page.locator('input[name="existing_client"]').first.focus()
    page.keyboard.press("ArrowDown")  # the radio group: "Yes, already a client"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cost-calculator-preparation"
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cost-calculator-reimbursement"
    page.keyboard.type("50")
    result = expected_result(
        VECTORS["pricing"], {"existing_client": 1, "preparation": 3, "reimbursement": 50}
    )
    state = page.evaluate(READ)
    assert state["rows"] == expected_rows(VECTORS["pricing"], result)
    assert state["summary"] == expected_summary(result)


def test_the_status_region_is_there_from_load_and_carries_each_new_total(page, vector_site):
    open_costs(page, vector_site)
    status = page.locator(".cost-calculator [role=status]")
    assert status.count() == 1 and status.get_attribute("aria-atomic") == "true"
    page.fill("#cost-calculator-preparation", "3")
    result = expected_result(VECTORS["pricing"], {"preparation": 3})
    assert status.inner_text() == expected_summary(result)


def test_every_input_has_a_label_and_every_group_a_legend(soups):
    widget = soups["costs.html"].select_one(".cost-calculator form")
    for field in widget.find_all("input"):
        label = field.find_parent("label") or widget.find("label", attrs={"for": field.get("id")})
        assert label is not None and label.get_text(strip=True), field
        assert field.find_parent("fieldset") is not None, field
    for fieldset in widget.find_all("fieldset"):
        assert fieldset.find("legend").get_text(strip=True)


@pytest.mark.parametrize("width", [320, 1280])
def test_touch_targets_are_at_least_24_px(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    open_costs(page, site_url)
    for target in page.locator(".cost-calculator__form input").all():
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (target.get_attribute("name"), box)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width  # nothing forces sideways scrolling
    context.close()


def test_printing_prints_the_current_estimate(page, vector_site):
    open_costs(page, vector_site)
    choices = {"existing_client": 1, "medicine": 6, "reimbursement": 40}
    fill(page, choices)
    page.emulate_media(media="print")
    assert not page.locator("#cost-calculator-form").is_visible()
    state = page.evaluate(READ)
    result = expected_result(VECTORS["pricing"], choices)
    assert state["rows"] == expected_rows(VECTORS["pricing"], result)
    assert page.locator(".cost-calculator__notice").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_the_good_faith_estimate_notice_is_next_to_the_result(soups):
    result = soups["costs.html"].select_one(".cost-calculator .cost-calculator__result")
    notice = result.select_one(".cost-calculator__notice")
    words = " ".join(notice.get_text(" ").split())
    assert "This is an estimate, not a Good Faith Estimate" in words
    assert "right to a written Good Faith Estimate before treatment" in words
    assert "dispute a bill that is $400 or more above it" in words
    assert "covers only my sessions and the prescriber’s medical screen" in words
    assert notice.find("a", href="https://www.cms.gov/nosurprises")


# --- Files and accessibility --------------------------------------------------
# (Their weight is measured by `make bench`, with every page and all it loads.)


def test_the_calculator_loads_its_own_script_and_styles_and_no_library(soups):
    widget = soups["costs.html"].select_one(".cost-calculator")
    loaded = [s["src"] for s in widget.find_all("script", src=True)]
    loaded += [link["href"] for link in soups["costs.html"].find_all("link", rel="stylesheet")]
    assert [u for u in loaded if "cost-calculator" in u] == [
        u for u in loaded if unhashed_name(u).endswith(("cost-calculator.js", "cost-calculator.css"))
    ]
    assert len([u for u in loaded if "cost-calculator" in u]) == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violations_after_the_calculator_has_run(browser, site_url, scheme, width):
    # axe is injected as a script, which the page's CSP would rightly refuse.
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    open_costs(page, site_url)
    fill(page, {"existing_client": 1, "reimbursement": 60})
    page.fill("#cost-calculator-preparation", "lots")  # a message is showing too
    assert page.locator("#cost-calculator-preparation-error").is_visible()
    violations = axe_violations(page, f"costs.html after the calculator ran, {width}px {scheme}")
    assert violations == []
    context.close()


def test_a_second_calculator_on_one_page_stops_the_build_naming_the_file(tmp_path):
    """Two copies would repeat the calculator's ids: the build refuses, in plain words."""
    content = content_copy(tmp_path)
    append(content / "pages" / "costs.md", "{cost_calculator}")
    printed = failed_build(content, tmp_path)
    assert "content/pages/costs.md: The page asks for the cost calculator 2 times" in printed
    assert "Keep one paragraph that is just {cost_calculator}" in printed
