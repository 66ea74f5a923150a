"""Gate 3, privacy: pages load only from the site's own origin and leave nothing behind.

Chromium loads every page in a fresh context and exercises it. The privacy
notice's promises (PRIVACY_PROMISES in pelicanconf.py, shown word for word on
privacy.html) are proven here: one check per promise, keyed by its id, and the
gate fails if a promise has no check or a check has no promise. So the notice
cannot promise what is not tested, and the gate cannot be loosened without
the notice changing too. The console must also show no error or warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from browser_site import page_url, site_context
from conftest import SITEURL, load_settings
from exercise import exercise

STORAGE_JS = """async () => ({
  cookie: document.cookie,
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(d => d.name),
  caches: 'caches' in window ? await caches.keys() : [],
  serviceWorkers: navigator.serviceWorker
    ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : [],
})"""

# Requests that send something back or keep a line open, rather than fetch a file.
SENDING_TYPES = {"xhr", "fetch", "websocket", "eventsource", "ping", "beacon"}


@dataclass
class Visit:
    """What one page did in the browser, as loaded and after use."""

    requests: list = field(default_factory=list)  # (url, method, resource type, has a body)
    cookies: list = field(default_factory=list)
    stored: dict = field(default_factory=dict)
    console: list = field(default_factory=list)


def no_cookies(visit: Visit, site) -> list[str]:
    return [f"cookies set: {[c['name'] for c in visit.cookies]}"] if visit.cookies else []


def no_storage(visit: Visit, site) -> list[str]:
    stored = visit.stored.items()
    return [f"{where} holds {value!r}" for where, value in stored if value and where != "cookie"]


def no_tracking(visit: Visit, site) -> list[str]:
    """Only plain GETs of files the build wrote: nothing sent back, no query strings, no beacons."""
    problems = []
    for url, method, kind, has_body in visit.requests:
        parts = urlsplit(url)
        if method != "GET" or has_body or kind in SENDING_TYPES or parts.query:
            problems.append(f"sent something back: {method} {url} ({kind})")
        elif url.startswith(SITEURL + "/"):
            path = parts.path.lstrip("/") or "index.html"
            if not (site / path).is_file():
                problems.append(f"asked for a file the site does not have: {url}")
    return problems


def no_other_sites(visit: Visit, site) -> list[str]:
    return [f"request to another origin: {u}" for u, *_ in visit.requests if not u.startswith(SITEURL + "/")]


# One check per promise of the privacy notice, by the promise's id.
PROMISE_CHECKS = {
    "no-cookies": no_cookies,
    "no-storage": no_storage,
    "no-tracking": no_tracking,
    "no-other-sites": no_other_sites,
}


def visit(browser, site_url: str, name: str) -> tuple[str, Visit]:
    """Load and exercise one page in a fresh context; return a label and what it did."""
    seen = Visit()
    errors = []
    with site_context(browser, site_url) as context:
        context.on(
            "request",
            lambda r: seen.requests.append((r.url, r.method, r.resource_type, r.post_data is not None)),
        )
        page = context.new_page()
        page.on("console", lambda m: seen.console.append(m) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_url(name))
        page.wait_for_load_state("networkidle")
        steps = exercise(page, name)
        page.wait_for_load_state("networkidle")
        seen.stored = page.evaluate(STORAGE_JS)
        seen.cookies = context.cookies()
    seen.console += [f"script error: {error}" for error in errors]
    return f"{name} (after: {'; '.join(steps) or 'loading only'})", seen


def problems_of(label: str, seen: Visit, site) -> list[str]:
    problems = [f"{label}: {p}" for check in PROMISE_CHECKS.values() for p in check(seen, site)]
    for message in seen.console:
        text = message if isinstance(message, str) else f"console {message.type}: {message.text}"
        problems.append(f"{label}: {text}")
    if not seen.requests:
        problems.append(f"{label}: no request was recorded at all")
    return problems


def test_every_page_stays_on_its_origin_and_stores_nothing(browser, site, site_url, html_pages):
    assert html_pages, "the build produced no HTML pages"
    problems = [p for name in html_pages for p in problems_of(*visit(browser, site_url, name), site)]
    assert not problems, "Privacy problems:\n" + "\n".join(problems)


def test_each_promise_of_the_privacy_notice_has_a_check_and_each_check_a_promise():
    promises = [promise["id"] for promise in load_settings()["PRIVACY_PROMISES"]]
    assert len(promises) == len(set(promises)), promises
    assert sorted(promises) == sorted(PROMISE_CHECKS)


def test_storage_check_sees_what_a_page_stores(browser, site_url, html_pages):
    """The gate can fail: what a script stores is seen."""
    with site_context(browser, site_url) as context:
        page = context.new_page()
        page.goto(page_url(next(iter(html_pages))))
        page.evaluate("() => { localStorage.setItem('seen', '1'); document.cookie = 'c=1'; }")
        stored = page.evaluate(STORAGE_JS)
    assert stored["localStorage"] == ["seen"] and stored["cookie"] == "c=1"


def test_the_tracking_check_sees_a_beacon_and_a_query(browser, site, site_url):
    """The gate can fail: a page that reports a visit back is caught by the no-tracking check."""
    seen = Visit()
    with site_context(browser, site_url, bypass_csp=True) as context:
        context.on(
            "request",
            lambda r: seen.requests.append((r.url, r.method, r.resource_type, r.post_data is not None)),
        )
        page = context.new_page()
        page.goto(page_url("index.html"))
        page.evaluate(f"() => navigator.sendBeacon('{SITEURL}/count', 'visit')")
        page.evaluate(f"() => fetch('{SITEURL}/theme/css/site.css?visitor=1').catch(() => null)")
        page.wait_for_load_state("networkidle")
    found = no_tracking(seen, site)
    assert any("/count" in p for p in found) and any("visitor=1" in p for p in found), found
