"""In Chromium, a second page view that uses the same files makes exactly one request: the page.

The site is built for the loopback server's own address and opened there directly,
without Playwright's request routing (routing switches Chromium's cache off). The
server (tools/site_server.py) sends the `_headers` headers, Cache-Control included,
and notes every request it gets.
"""

from __future__ import annotations

from conftest import build_site

from tools.site_server import serve

PAGES_WITH_THE_SAME_FILES = [("index.html", "process.html"), ("faq.html", "faq.html")]


def visit(browser, url: str, names: list[str], log: list[str]) -> list[list[str]]:
    """Open each page in turn in one fresh context; the requests the server got for each view."""
    views = []
    context = browser.new_context()
    try:
        page = context.new_page()
        for name in names:
            del log[:]
            page.goto(f"{url}/{name}", wait_until="load")
            page.wait_for_timeout(300)  # a late icon request would count too
            views.append(sorted(log))
    finally:
        context.close()
    return views


def test_a_second_view_of_pages_with_the_same_files_makes_one_request(browser, tmp_path):
    log: list[str] = []
    output = tmp_path / "site"
    output.mkdir()
    with serve(output, log) as url:
        result = build_site(output, extra_env={"SITEURL": url})
        assert result.returncode == 0, result.stderr
        for first, second in PAGES_WITH_THE_SAME_FILES:
            first_view, second_view = visit(browser, url, [first, second], log)
            assert len(first_view) > 1, first_view  # the page and its files
            assert second_view == [f"/{second}"], (first, second, second_view)


def test_without_the_cache_headers_the_files_are_asked_for_again(browser, tmp_path):
    """The test can fail: with the preview's `no-cache` everywhere, the files come again."""
    log: list[str] = []
    output = tmp_path / "site"
    output.mkdir()
    with serve(output, log) as url:
        result = build_site(output, settings="pelicanconf.py", extra_env={"SITEURL": url})
        assert result.returncode == 0, result.stderr
        _, second_view = visit(browser, url, ["index.html", "process.html"], log)
        assert len(second_view) > 1, second_view
