"""Gate 5, links: the build's own checker (tools/site_checks.py) finds nothing on the real site.

The same checker runs in every `make check` and `make publish`, so the therapist
hears of a broken link at publish time, never first from CI. Here it runs over
the production build, and over small broken sites to prove each check can fail.
Absolute URLs on the production SITEURL count as internal; links to other sites
and `mailto:`/`tel:`/`sms:` links are not followed (no network in tests).
"""

from __future__ import annotations

from pathlib import Path

from conftest import SITEURL

from tools.site_checks import check_site

BROKEN_SITE = {
    "img/a.png": "",
    "index.html": '<h1>Home</h1><main id="top"><h2 id="step">Step</h2></main>',
    "page.html": (
        '<h1>Page</h1><a href="index.html#step">ok</a> <a href="https://site.test/#top">ok</a>'
        '<a href="#here" id="here">ok</a>'
        '<a href="https://elsewhere.test/x">not followed</a> <a href="mailto:a@b.c">mail</a>'
        '<img srcset="img/a.png 1x, img/b.png 2x" alt="a"> <a href="/missing.html">bad</a>'
        '<a href="https://site.test/index.html#nowhere">bad</a> <a href="#">bad</a>'
        '<a href="faq.html#no-such-question">bad</a>'
    ),
    "faq.html": '<h1>FAQ</h1><details id="is-it-safe"><summary><h2>Is it safe?</h2></summary></details>',
    "ids.html": '<h1>Ids</h1><p id="twice">a</p><p id="twice">b</p>',
    "headings.html": "<h1>One</h1><h2>Two</h2><h4>Four</h4><h1>Another one</h1>",
    "alt.html": '<h1>Alt</h1><img src="img/a.png">',
    "theme/site.css": "a { background: url(../img/a.png) } b { background: url('../img/gone.svg') }",
    "sitemap.xml": "<urlset><url><loc>https://site.test/page.html</loc></url>"
    "<url><loc>https://site.test/gone.html</loc></url></urlset>",
}


def write_site(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_real_site_passes_the_build_checker(site):
    findings = check_site(site, SITEURL)
    assert not findings, "The built site has problems:\n" + "\n".join(f"{f.page}: {f.what}" for f in findings)


def test_the_checker_reports_each_kind_of_problem_on_a_broken_site(tmp_path):
    """The gate can fail: every broken reference, id and heading is found; the good ones are not."""
    findings = check_site(write_site(tmp_path, BROKEN_SITE), "https://site.test")
    found = sorted((f.page, f.kind, f.target) for f in findings)
    assert found == [
        ("alt.html", "alt", "img/a.png"),
        ("headings.html", "heading", ""),
        ("headings.html", "heading", ""),
        ("ids.html", "id", ""),
        ("page.html", "fragment", "faq.html#no-such-question"),
        ("page.html", "fragment", "https://site.test/index.html#nowhere"),
        ("page.html", "link", "#"),
        ("page.html", "link", "/missing.html"),
        ("page.html", "picture", "img/b.png"),
        ("sitemap.xml", "sitemap", "https://site.test/gone.html"),
        ("theme/site.css", "css", "../img/gone.svg"),
    ], findings
    by_page = {f.page: f for f in findings if f.kind in ("id", "alt")}
    assert "'twice'" in by_page["ids.html"].what
    headings = sorted(f.what for f in findings if f.kind == "heading")
    assert "'Four' skips a level" in headings[0] and "2 main headings" in headings[1]


def test_a_link_to_a_missing_question_fails_the_build_naming_the_markdown_file(tmp_path):
    """`make check` and `make publish` run the same checker and name the file the link is in."""
    from support import content_copy, failed_build, line_of

    content = content_copy(tmp_path)
    page = content / "pages" / "process.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](faq.html#no-such-question)\n", encoding="utf-8")
    printed = failed_build(content, tmp_path)
    line = line_of(page, "no-such-question")
    assert f"content/pages/process.md, line {line}: The link 'faq.html#no-such-question'" in printed
    assert "is-ketamine-addictive" in printed  # the link names that would work


def test_a_link_with_no_address_in_an_answer_names_the_answers_file_and_line(tmp_path):
    """The FAQ page is built from many files: the message sends the editor to the right one."""
    from support import content_copy, failed_build, line_of

    content = content_copy(tmp_path)
    answer = content / "faq" / "is-ketamine-addictive.md"
    answer.write_text(answer.read_text(encoding="utf-8") + "\nSee [the steps]().\n", encoding="utf-8")
    printed = failed_build(content, tmp_path)
    line = line_of(answer, "[the steps]()")
    assert f"content/faq/is-ketamine-addictive.md, line {line}: A link on faq.html has no address" in printed
    assert "content/pages/faq.md" not in printed


def test_files_copied_as_they_are_keep_their_own_headings(tmp_path):
    """content/extra/ files (a verification page) are not the site's pages: only their links count."""
    write_site(
        tmp_path, {"google123.html": "google-site-verification: google123.html", "x.html": "<h1>X</h1>"}
    )
    assert check_site(tmp_path, "https://site.test", verbatim={"google123.html"}) == []
    assert [f.page for f in check_site(tmp_path, "https://site.test")] == ["google123.html"]
