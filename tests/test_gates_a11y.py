"""Gate 2, accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page.

Every page is checked at 320 px and 1280 px, in the light and the dark colour
scheme, as loaded and again after `exercise` has used it (details open, forms
filled).
"""

from __future__ import annotations

import pytest
from browser_site import axe_violations, page_url, site_context
from exercise import exercise


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_no_axe_violations(browser, site_url, html_pages, width, scheme):
    assert html_pages, "the build produced no HTML pages"
    failures = []
    options = {"viewport": {"width": width, "height": 900}, "color_scheme": scheme, "bypass_csp": True}
    with site_context(browser, site_url, **options) as context:
        for name in html_pages:
            page = context.new_page()
            page.goto(page_url(name))
            failures += axe_violations(page, f"{name} [{width}px {scheme}, as loaded]")
            steps = exercise(page, name)
            if steps:
                failures += axe_violations(page, f"{name} [{width}px {scheme}, after: {'; '.join(steps)}]")
            page.close()
    assert not failures, f"{len(failures)} axe-core violation(s):\n" + "\n".join(failures)


def test_axe_reports_a_known_violation(browser):
    """The gate can fail: an image without a text alternative is reported."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main>')
    lines = axe_violations(page, "sample")
    context.close()
    assert any("image-alt" in line and "img" in line for line in lines), lines
