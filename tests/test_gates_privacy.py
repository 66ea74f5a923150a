"""Gate 3, privacy: pages load only from the site's own origin and leave nothing behind.

Chromium loads every page in a fresh context and exercises it: every request
goes to the site's origin, no cookie is set, nothing is stored in localStorage,
sessionStorage, IndexedDB, Cache Storage or a service worker, and the console
shows no error or warning.
"""

from __future__ import annotations

from browser_site import page_url, site_context
from conftest import SITEURL
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


def visit(browser, site_url: str, name: str) -> list[str]:
    """Load and exercise one page in a fresh context; return every privacy problem seen."""
    requests, console, errors, problems = [], [], [], []
    with site_context(browser, site_url) as context:
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("console", lambda m: console.append(m) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_url(name))
        page.wait_for_load_state("networkidle")
        steps = exercise(page, name)
        page.wait_for_load_state("networkidle")
        stored = page.evaluate(STORAGE_JS)
        cookies = context.cookies()
    label = f"{name} (after: {'; '.join(steps) or 'loading only'})"
    problems += [
        f"{label}: request to another origin: {url}" for url in requests if not url.startswith(SITEURL + "/")
    ]
    if cookies:
        problems.append(f"{label}: cookies set: {[c['name'] for c in cookies]}")
    problems += [f"{label}: {where} holds {value!r}" for where, value in stored.items() if value]
    problems += [f"{label}: console {m.type}: {m.text} ({m.location.get('url')})" for m in console]
    problems += [f"{label}: script error: {error}" for error in errors]
    if not requests:
        problems.append(f"{label}: no request was recorded at all")
    return problems


def test_every_page_stays_on_its_origin_and_stores_nothing(browser, site_url, html_pages):
    assert html_pages, "the build produced no HTML pages"
    problems = [problem for name in html_pages for problem in visit(browser, site_url, name)]
    assert not problems, "Privacy problems:\n" + "\n".join(problems)


def test_storage_check_sees_what_a_page_stores(browser, site_url, html_pages):
    """The gate can fail: what a script stores is seen."""
    with site_context(browser, site_url) as context:
        page = context.new_page()
        page.goto(page_url(next(iter(html_pages))))
        page.evaluate("() => { localStorage.setItem('seen', '1'); document.cookie = 'c=1'; }")
        stored = page.evaluate(STORAGE_JS)
    assert stored["localStorage"] == ["seen"] and stored["cookie"] == "c=1"
