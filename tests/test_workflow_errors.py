"""Each content mistake stops the build with a message naming file, line and fix, and no traceback."""

from __future__ import annotations

import json

import pytest
from conftest import build_site
from support import append, content_copy, edit, failed_build, line_of


@pytest.fixture
def content(tmp_path):
    return content_copy(tmp_path)


def test_page_without_title(content, tmp_path):
    edit(content / "pages" / "costs.md", "Title: Costs\n", "")
    message = failed_build(content, tmp_path)
    assert "content/pages/costs.md: The page has no title" in message
    assert "How to fix it: Add a line such as 'Title: About the practice'" in message
    assert "could not find information" not in message  # Pelican's own words are not shown


def test_bad_date(content, tmp_path):
    page = content / "pages" / "process.md"
    edit(page, "Slug: process\n", "Slug: process\nDate: 2024-13-45\n")
    message = failed_build(content, tmp_path)
    line = line_of(page, "Date:")
    assert f"content/pages/process.md, line {line}: The date '2024-13-45' in 'Date:'" in message
    assert "year-month-day" in message


def test_unknown_template(content, tmp_path):
    page = content / "pages" / "how-ketamine-works.md"
    edit(page, "Slug: how-ketamine-works\n", "Slug: how-ketamine-works\nTemplate: nosuch\n")
    message = failed_build(content, tmp_path)
    line = line_of(page, "Template:")
    assert (
        f"content/pages/how-ketamine-works.md, line {line}: The page asks for the layout (Template:) 'nosuch'"
        in message
    )
    assert "Remove the 'Template:' line" in message


def test_filename_link_to_a_missing_page(content, tmp_path):
    page = content / "pages" / "home.md"
    append(page, "Read [more]({filename}nosuch.md).")
    message = failed_build(content, tmp_path)
    line = line_of(page, "{filename}nosuch.md")
    assert (
        f"content/pages/home.md, line {line}: The link to 'nosuch.md' goes to a page that does not exist"
        in (message)
    )
    assert "process.md" in message  # the fix lists the pages that do exist
    assert "Unable to find" not in message


def test_plain_link_to_a_missing_page(content, tmp_path):
    page = content / "pages" / "costs.md"
    append(page, "See [the old page](nosuch.html).")
    message = failed_build(content, tmp_path)
    line = line_of(page, "nosuch.html")
    assert (
        f"content/pages/costs.md, line {line}: The link to 'nosuch.html' goes to a page that does not exist"
        in (message)
    )


def test_plain_link_to_a_markdown_file(content, tmp_path):
    page = content / "pages" / "costs.md"
    append(page, "See [the process](process.md).")
    message = failed_build(content, tmp_path)
    line = line_of(page, "(process.md)")
    assert f"content/pages/costs.md, line {line}: The link to 'process.md' will not work" in message
    assert "Write it as [words]({filename}process.md)" in message


def test_missing_image(content, tmp_path):
    page = content / "pages" / "home.md"
    append(page, "![Our waiting room]({static}/images/room.jpg)")
    message = failed_build(content, tmp_path)
    line = line_of(page, "room.jpg")
    assert (
        f"content/pages/home.md, line {line}: The picture or file '/images/room.jpg' does not exist"
        in message
    )
    assert "content/images/" in message


def test_image_without_alt_text(content, tmp_path):
    (content / "images").mkdir()
    (content / "images" / "room.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    page = content / "pages" / "home.md"
    append(page, "![]({static}/images/room.svg)")
    message = failed_build(content, tmp_path)
    line = line_of(page, "room.svg")
    assert (
        f"content/pages/home.md, line {line}: The picture '/images/room.svg' has no description (alt text)"
        in (message)
    )


def test_html_image_with_empty_alt_counts_as_missing(content, tmp_path):
    (content / "images").mkdir()
    (content / "images" / "room.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    page = content / "pages" / "costs.md"
    append(page, '<img src="{static}/images/room.svg" alt="  ">')
    message = failed_build(content, tmp_path)
    assert f"content/pages/costs.md, line {line_of(page, 'room.svg')}: The picture" in message
    assert "has no description (alt text)" in message


def test_image_with_alt_text_builds(content, tmp_path):
    (content / "images").mkdir()
    (content / "images" / "room.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    append(content / "pages" / "home.md", "![Two armchairs by a window]({static}/images/room.svg)")
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "images" / "room.svg").is_file()


def test_placeholder_is_listed_as_not_ready_to_go_live(content, tmp_path):
    page = content / "pages" / "costs.md"
    append(page, "PLACEHOLDER: write this part later.")
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    line = line_of(page, "PLACEHOLDER:")
    assert "Not ready to go live" in result.stdout
    assert f"content/pages/costs.md, line {line}: This file still has a placeholder" in result.stdout


def test_pages_with_the_same_address(content, tmp_path):
    text = (content / "pages" / "costs.md").read_text(encoding="utf-8")
    (content / "pages" / "costs-copy.md").write_text(
        text.replace("Title: Costs", "Title: Copy"), encoding="utf-8"
    )
    message = failed_build(content, tmp_path)
    assert "These pages have the same web address (Slug: costs)" in message
    assert "content/pages/costs-copy.md" in message


def test_every_mistake_is_listed_at_once(content, tmp_path):
    edit(content / "pages" / "costs.md", "Title: Costs\n", "")
    edit(content / "pages" / "process.md", "Slug: process\n", "Slug: process\nDate: someday\n")
    append(content / "pages" / "home.md", "[x](nowhere.html)")
    message = failed_build(content, tmp_path)
    assert "Please fix these 3 problems" in message
    for expected in (
        "content/pages/costs.md: The page has no title",
        "content/pages/process.md, line ",
        "content/pages/home.md, line ",
    ):
        assert expected in message
    # The pages that failed are not reported again as broken links from other pages.
    assert "'process.md'" not in message and "'costs.md'" not in message


def test_development_build_checks_the_same(content, tmp_path):
    append(content / "pages" / "home.md", "[x]({filename}nosuch.md)")
    message = failed_build(content, tmp_path, settings="pelicanconf.py")
    assert "The link to 'nosuch.md' goes to a page that does not exist" in message


def test_the_build_hands_its_problems_over_as_data(tmp_path):
    """`--problems-json` writes each problem's file, line, field, what and fix (read by the preview)."""
    content = content_copy(tmp_path)
    page = content / "pages" / "process.md"
    append(page, "[x](faq.html#no-such-question)")
    problems_file = tmp_path / "problems.json"
    failed_build(content, tmp_path, extra_args=["--problems-json", str(problems_file)])
    problems = json.loads(problems_file.read_text(encoding="utf-8"))
    assert problems == [
        {
            "file": "content/pages/process.md",
            "line": line_of(page, "no-such-question"),
            "field": None,
            "what": problems[0]["what"],
            "fix": problems[0]["fix"],
        }
    ]
    assert "'no-such-question'" in problems[0]["what"] and "is-ketamine-addictive" in problems[0]["fix"]


def test_a_heading_that_skips_a_level_names_the_file_and_line(content, tmp_path):
    """Heading order is checked on the built page and traced back to the Markdown line."""
    page = content / "pages" / "process.md"
    append(page, "#### A heading too deep")
    message = failed_build(content, tmp_path)
    line = line_of(page, "#### A heading too deep")
    assert f"content/pages/process.md, line {line}: The heading 'A heading too deep' skips a level" in message
    assert "Write it with '### '" in message
