"""Exercise a page as a visitor would, so that the gates also check what scripts change.

The privacy, CSP and accessibility gates load every page, call `exercise(page)`,
and check again. It is generic on purpose, so that new pages are covered with
no change here:

- inside `main`, every button with `aria-expanded="false"` or `aria-pressed="false"`
  is clicked (a "show all" button, a toggle);
- every `<details>` that is still closed is opened by clicking its `<summary>`;
- every field of every form in `main` gets a valid value (a number field its
  `max`, checkboxes checked, the last option of a select...), through real key
  presses and clicks where Playwright can, so the `input` and `change` events
  the page listens to fire;
- each form with a submit button is then submitted, once.

A page that needs steps of its own can add them to PAGE_STEPS, keyed by the
page's file name in the output, e.g. "costs.html".
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page


def _run_the_cost_calculator(page: Page) -> list[str]:
    """Costs page: estimate a whole plan, so the gates see the calculator's live result."""
    default_total = page.locator('.cost-calculator__summary [data-out="grand_total"]').inner_text()
    page.locator('input[name="existing_client"][value="1"]').check()
    plan = {
        "preparation": "3",
        "medicine": "6",
        "later_hours": "3",
        "integration": "6",
        "reimbursement": "50",
    }
    for name, value in plan.items():
        page.locator(f'input[name="{name}"]').fill(value)
    new_total = page.locator('.cost-calculator__summary [data-out="grand_total"]').inner_text()
    assert new_total != default_total, "the calculator did not update its total"
    assert page.locator('.cost-calculator__summary [data-out="net"]').is_visible(), (
        "no net cost after a reimbursement"
    )
    return [f"estimated a plan: total {default_total} -> {new_total}"]


# Extra steps for particular pages: {"costs.html": function(page) -> list of step notes}.
PAGE_STEPS: dict[str, Callable[[Page], list[str]]] = {"costs.html": _run_the_cost_calculator}

# Input types that take no typed value from a visitor (or would leave the page).
SKIPPED_TYPES = {"hidden", "submit", "button", "reset", "image", "file"}
TYPED = {"text", "search", "email", "tel", "url", "password", "number"}
SAMPLE_TEXT = {
    "email": "name@example.com",
    "tel": "5550100199",
    "url": "https://example.com/",
    "search": "ketamine",
}

# A valid value for a number-like field: its max, snapped to its step from its min.
VALID_NUMBER_JS = """el => {
  const num = (v, d) => (v === '' || isNaN(Number(v)) ? d : Number(v));
  const min = num(el.min, null), max = num(el.max, null);
  const step = el.step === 'any' ? null : num(el.step, 1);
  let value = max !== null ? max : (min !== null ? min + (step || 1) : 1);
  if (step && min !== null) value = min + Math.floor((value - min) / step) * step;
  return String(value);
}"""

SET_VALUE_JS = """(el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
}"""

SETTLE_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def settle(page: Page) -> None:
    """Let the page's scripts react (two animation frames) before anything is checked."""
    page.evaluate(SETTLE_JS)


def _press_toggle_buttons(page: Page) -> list[str]:
    steps = []
    selector = 'main button[aria-expanded="false"], main button[aria-pressed="false"]'
    for button in page.locator(selector).all():
        if button.is_visible() and button.is_enabled():
            label = " ".join(button.inner_text().split())
            button.click()
            steps.append(f"clicked button {label!r}")
    return steps


def _open_details(page: Page) -> list[str]:
    opened = 0
    # Outer ones first (document order), so that nested ones become visible.
    for details in page.locator("details").all():
        if details.evaluate("d => d.open"):
            continue
        summary = details.locator(":scope > summary")
        if summary.count() and summary.first.is_visible():
            summary.first.click()
        else:
            details.evaluate("d => { d.open = true; }")
        opened += 1
    return [f"opened {opened} <details>"] if opened else []


def _fill_field(field) -> str | None:
    tag = field.evaluate("el => el.tagName.toLowerCase()")
    kind = (field.get_attribute("type") or "text").lower() if tag == "input" else tag
    if kind in SKIPPED_TYPES or field.is_disabled() or not field.is_editable():
        return None
    name = field.get_attribute("name") or field.get_attribute("id") or kind
    if kind == "checkbox" or kind == "radio":
        # Radios of a group end on the last one, which is still a valid choice.
        if field.is_visible():
            field.check()
        else:
            field.evaluate("el => { el.checked = true; }")
            field.evaluate(SET_VALUE_JS, field.input_value())
        return f"checked {name}"
    if kind == "select":
        values = field.evaluate("el => [...el.options].filter(o => !o.disabled).map(o => o.value)")
        if values:
            field.select_option(values[-1])
            return f"chose {values[-1]!r} in {name}"
        return None
    if kind in ("number", "range"):
        value = field.evaluate(VALID_NUMBER_JS)
    elif field.get_attribute("inputmode") in ("numeric", "decimal"):
        value = field.input_value() or "1"  # retyping the page's own value keeps it valid
    else:
        value = SAMPLE_TEXT.get(kind, "A sample answer")
    if kind in TYPED or kind == "textarea":
        field.fill(value)
    else:
        field.evaluate(SET_VALUE_JS, value)
    return f"set {name} to {value!r}"


def _fill_forms(page: Page) -> list[str]:
    steps = []
    for index in range(page.locator("main form").count()):
        form = page.locator("main form").nth(index)
        for field in form.locator("input, select, textarea").all():
            step = _fill_field(field)
            if step:
                steps.append(step)
        submit = form.locator('button:not([type]), button[type="submit"], input[type="submit"]')
        if submit.count() and submit.first.is_visible() and submit.first.is_enabled():
            submit.first.click()
            page.wait_for_load_state()
            steps.append(f"submitted form {index + 1}")
    return steps


def exercise(page: Page, name: str = "") -> list[str]:
    """Use every interactive part of `page` (output file `name`); return notes of what was done."""
    steps = _press_toggle_buttons(page)
    steps += _open_details(page)
    steps += _fill_forms(page)
    if name in PAGE_STEPS:
        steps += PAGE_STEPS[name](page)
    settle(page)
    return steps
