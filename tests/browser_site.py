"""Helpers every browser test shares: opening the site at its real address, and running axe-core.

The production build links its styles and scripts by absolute URL on SITEURL
(https://www.example.com in tests), and its CSP allows only 'self'. So the
browser opens each page at its production address, and every request to that
origin is answered from the loopback test server (`site_url`), headers and
all, with Playwright's request routing. No request leaves the machine: any
request to another origin is aborted (and the privacy gate reports it).
"""

from __future__ import annotations

from contextlib import contextmanager, suppress

from conftest import ROOT, SITEURL
from playwright.sync_api import Browser, BrowserContext, Page, Route
from playwright.sync_api import Error as PlaywrightError

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE_JS = """async tags => {
  const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
  const results = await axe.run(document, options);
  return {
    rulesRun: results.passes.length + results.violations.length + results.incomplete.length,
    violations: results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
    })),
  };
}"""


def page_url(name: str) -> str:
    """The production address of an output file such as `index.html` or `faq.html`."""
    return f"{SITEURL}/{name}"


def route_to_site(context: BrowserContext, site_url: str) -> None:
    """Make `context` fetch SITEURL from the test server at `site_url`, and no other origin.

    Loopback addresses pass through untouched (the live-preview test opens its own server).
    """

    def answer(route: Route) -> None:
        url = route.request.url
        if url.startswith(SITEURL + "/"):
            local = site_url + url.removeprefix(SITEURL)
            # The page or context may close while a request is in flight (a favicon, say).
            with suppress(PlaywrightError):
                route.fulfill(response=route.fetch(url=local, max_redirects=0))
        elif url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", answer)


@contextmanager
def site_context(browser: Browser, site_url: str, **options):
    """A fresh browser context in which SITEURL is served by the test server at `site_url`."""
    context: BrowserContext = browser.new_context(**options)
    route_to_site(context, site_url)
    try:
        yield context
    finally:
        # A favicon request may still be in flight; it must not fail the test.
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def axe_violations(page: Page, label: str) -> list[str]:
    """axe-core's WCAG A/AA violations on the page as it is now, one readable line per element.

    The context must be made with `bypass_csp=True`: axe is injected as an inline script.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(RUN_AXE_JS, AXE_TAGS)
    assert results["rulesRun"] > 0, f"{label}: axe checked nothing"
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(
                f"{label}: {violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    at {node['target']}: {summary}"
            )
    return lines
