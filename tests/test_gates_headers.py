"""Gate 4, strict security headers: `_headers`, the meta policy, the server, and no CSP violation."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

from browser_site import page_url, site_context
from conftest import ROOT, build_site, load_settings, write_settings
from exercise import exercise

from tools.site_server import HEADERS_FILE, headers_for_path, parse

REQUIRED_CSP = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]
# Directives browsers ignore in a <meta> policy: they belong in the header only.
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "report-to", "sandbox")
CSP_MESSAGE = re.compile(r"Content.Security.Policy", re.IGNORECASE)
FEATURES_OFF = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]

# Records every CSP violation into window.__cspViolations before any page script runs.
RECORD_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || '?'}:${e.lineNumber}`));
"""


def directives(policy: str) -> dict[str, str]:
    parts = (d.strip() for d in policy.split(";") if d.strip())
    return {d.split()[0]: d for d in parts}


def settings_csp() -> str:
    """The one CONTENT_SECURITY_POLICY setting, from pelicanconf.py."""
    return load_settings()["CONTENT_SECURITY_POLICY"]


def headers_of(site) -> dict[str, str]:
    """The security headers of `_headers`: its first block, for every path."""
    blocks = parse((site / HEADERS_FILE).read_text(encoding="utf-8"))
    assert next(iter(blocks)) == "/*", "the security headers come first, for every path"
    # The other blocks only say how long each file may be kept (see test_hosts_files.py).
    assert all([name for name, _ in headers] == ["Cache-Control"] for headers in list(blocks.values())[1:])
    return dict(blocks["/*"])


def test_headers_file_has_a_strict_policy_and_the_privacy_headers(site):
    headers = headers_of(site)
    csp = headers["Content-Security-Policy"]
    for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"):
        assert unsafe not in csp.split(), unsafe
    for directive in [*REQUIRED_CSP, "frame-ancestors 'none'"]:
        assert directive in directives(csp).values(), directive
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    max_age = re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"])
    assert max_age and int(max_age.group(1)) >= 31536000
    permissions = dict(p.strip().split("=", 1) for p in headers["Permissions-Policy"].split(","))
    for feature in FEATURES_OFF:
        assert permissions.get(feature) == "()", feature


def test_header_policy_is_the_page_policy_plus_header_only_directives(site, soups):
    header = directives(headers_of(site)["Content-Security-Policy"])
    for name, soup in soups.items():
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, f"{name} has no CSP <meta>"
        assert meta["content"] == settings_csp(), name
        page = directives(meta["content"])
        assert {k: v for k, v in header.items() if k not in page} == {
            k: v for k, v in header.items() if k in HEADER_ONLY_DIRECTIVES
        }
        assert all(header[k] == v for k, v in page.items()), name
        assert not set(page) & set(HEADER_ONLY_DIRECTIVES), f"{name}: header-only directive in <meta>"


def test_every_permissions_policy_feature_is_known_to_chromium(site, page):
    # An unknown feature name makes Chromium log a console error on every page.
    features = [p.split("=")[0].strip() for p in headers_of(site)["Permissions-Policy"].split(",")]
    page.set_content("<p>features</p>")
    known = set(page.evaluate("document.featurePolicy.features()"))
    assert [f for f in features if f not in known] == []


def test_server_sends_exactly_the_headers_of_the_file(site, site_url):
    blocks = parse((site / HEADERS_FILE).read_text(encoding="utf-8"))
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and p.name != HEADERS_FILE]
    assert files
    for path in files:
        url_path = "/" + path.relative_to(site).as_posix()
        with urllib.request.urlopen(site_url + url_path) as response:
            expected = headers_for_path(blocks, url_path)
            assert expected, url_path
            for name, value in expected:
                assert response.headers.get_all(name) == [value], (url_path, name)
    try:
        urllib.request.urlopen(f"{site_url}/{HEADERS_FILE}")
        raise AssertionError("the _headers file itself was served")
    except urllib.error.HTTPError as error:
        assert error.code == 404


def test_headers_file_round_trips_through_the_parser():
    from practice_site.security_headers import render

    blocks = {"/*": [("A", "1; b=2"), ("C", "x: y")], "/faq.html": [("D", "4")]}
    assert parse(render(blocks, "comment\nlines")) == blocks
    assert headers_for_path(blocks, "/faq.html") == [("A", "1; b=2"), ("C", "x: y"), ("D", "4")]
    assert headers_for_path(blocks, "/theme/css/site.css") == [("A", "1; b=2"), ("C", "x: y")]


def visit_recording_csp(browser, site_url: str, name: str, extra_js: str = "") -> list[str]:
    """Load and exercise one page; return every CSP violation Chromium reported."""
    console = []
    with site_context(browser, site_url) as context:
        context.add_init_script(RECORD_VIOLATIONS_JS)
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if CSP_MESSAGE.search(m.text) else None)
        response = page.goto(page_url(name))
        sent = response.all_headers().get("content-security-policy", "")
        steps = exercise(page, name)
        if extra_js:
            page.evaluate(extra_js)
            page.evaluate("() => new Promise(r => setTimeout(r, 0))")
        recorded = page.evaluate("window.__cspViolations")
    label = f"{name} (after: {'; '.join(steps) or 'loading only'})"
    problems = [f"{label}: {v}" for v in recorded] + [f"{label}: console: {t}" for t in console]
    if "frame-ancestors 'none'" not in sent:
        problems.append(f"{name}: the browser did not get the CSP header from _headers (got {sent!r})")
    return problems


def test_no_csp_violation_on_any_page_or_interaction(browser, site_url, html_pages):
    assert html_pages, "the build produced no HTML pages"
    problems = [p for name in html_pages for p in visit_recording_csp(browser, site_url, name)]
    assert not problems, "CSP violations:\n" + "\n".join(problems)


def test_a_violation_would_be_recorded(browser, site_url, html_pages):
    """The gate can fail: an inline style attribute added by a script is reported."""
    inline_style = "() => document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')"
    problems = visit_recording_csp(browser, site_url, next(iter(html_pages)), inline_style)
    assert any("style-src" in p for p in problems), problems


def test_a_wrong_headers_setting_stops_the_build_with_a_plain_message(tmp_path):
    settings = write_settings(
        tmp_path / "brokenconf.py",
        "CONTENT_SECURITY_POLICY += \"; style-src 'self' 'unsafe-inline'\"",
        "SECURITY_HEADERS = {**SECURITY_HEADERS, 'path': 'everything'}",
    )
    result = build_site(tmp_path / "out", settings=str(settings))
    assert result.returncode == 1
    assert "pelicanconf.py" in result.stderr and "'unsafe-inline'" in result.stderr
    assert 'SECURITY_HEADERS["path"]' in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out" / HEADERS_FILE).exists()


def test_readme_sends_nginx_and_apache_to_the_generated_configuration():
    """No hand-copied headers in the README: nginx and Apache get theirs from the build."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make nginx-config" in readme and ".htaccess" in readme
    assert "add_header Content-Security-Policy" not in readme
    assert "Header always set Content-Security-Policy" not in readme
