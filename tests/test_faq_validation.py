"""Validation (plugins/practice_site/faq/validation.py): bad FAQ files stop the build with plain words.

Each case breaks one FAQ file in its own copy of the real content folder.
"""

from __future__ import annotations

import pytest
from conftest import build_site, write_settings
from support import content_copy, edit, faq_file


def no_question(content):
    edit(faq_file(content, "is-ketamine-addictive"), "Title: Is ketamine addictive?\n", "")
    return "content/faq/is-ketamine-addictive.md", "Title", "is missing"


def blank_question(content):
    edit(faq_file(content, "is-ketamine-addictive"), "Title: Is ketamine addictive?", "Title:")
    return "content/faq/is-ketamine-addictive.md", "Title", "is missing"


def empty_answer(content):
    path = faq_file(content, "can-i-drive-home")
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    path.write_text(header + "\n\n   \n", encoding="utf-8")
    return "content/faq/can-i-drive-home.md", "answer", "is empty"


def duplicate_question(content):
    (content / "faq" / "what-about-addiction.md").write_text(
        "Title: Is ketamine  addictive?\nSlug: what-about-addiction\n\nA second answer.\n", encoding="utf-8"
    )
    return (
        "content/faq/what-about-addiction.md",
        "Title",
        "also asked in content/faq/is-ketamine-addictive.md",
    )


def duplicate_anchor(content):
    (content / "faq" / "pick-up.md").write_text(
        "Title: Can somebody pick me up?\nSlug: can-i-drive-home\n\nYes.\n", encoding="utf-8"
    )
    return "content/faq/pick-up.md", "Slug", "also used by content/faq/can-i-drive-home.md"


def anchor_made_from_question_clashes(content):
    (content / "faq" / "another.md").write_text("Title: Is KAP a quick fix!\n\nNo.\n", encoding="utf-8")
    (content / "faq" / "yet-another.md").write_text("Title: Is KAP a quick-fix?\n\nNo.\n", encoding="utf-8")
    return "content/faq/yet-another.md", "Slug", "also used by content/faq/another.md"


def order_not_a_whole_number(content):
    edit(faq_file(content, "what-should-i-bring"), "Order: 110", "Order: 11.5")
    return "content/faq/what-should-i-bring.md", "Order", '"Order: 11.5" is not a whole number'


def order_a_word(content):
    edit(faq_file(content, "what-should-i-bring"), "Order: 110", "Order: second")
    return "content/faq/what-should-i-bring.md", "Order", "not a whole number"


def misspelt_key(content):
    edit(faq_file(content, "what-should-i-bring"), "Order: 110", "Oder: 110")
    return "content/faq/what-should-i-bring.md", "Oder", 'Did you mean "Order:"?'


def bad_slug(content):
    edit(faq_file(content, "what-should-i-bring"), "Slug: what-should-i-bring", "Slug: What to bring!")
    return "content/faq/what-should-i-bring.md", "Slug", "small letters, digits and single hyphens"


def unknown_status(content):
    edit(faq_file(content, "what-should-i-bring"), "Order: 110", "Order: 110\nStatus: hiden")
    return "content/faq/what-should-i-bring.md", "Status", "Status: draft"


def embed_names_no_entry(content):
    edit(content / "pages" / "costs.md", "{faq:what-does-kap-cost}", "{faq:what-does-kap-costs}")
    return "content/pages/costs.md", "{faq:what-does-kap-costs}", "Did you mean {faq:what-does-kap-cost}?"


def two_faq_pages(content):
    edit(content / "pages" / "costs.md", "Order: 5\n", "Order: 5\nTemplate: faq\n")
    return "content/pages/costs.md", "Template", "only one page can show the whole FAQ"


def alias_is_another_entrys_slug(content):
    feel = faq_file(content, "what-does-ketamine-feel-like")
    aliases = "Aliases: why-is-it-hard-to-describe"
    edit(feel, aliases, f"{aliases}, can-i-drive-home")
    return "content/faq/what-does-ketamine-feel-like.md", "Aliases", '"can-i-drive-home" in "Aliases:"'


def bad_alias(content):
    feel = faq_file(content, "what-does-ketamine-feel-like")
    edit(feel, "Aliases: why-is-it-hard-to-describe", "Aliases: Why is it hard?")
    return "content/faq/what-does-ketamine-feel-like.md", "Aliases", "small letters, digits"


CASES = [
    no_question,
    blank_question,
    empty_answer,
    duplicate_question,
    duplicate_anchor,
    anchor_made_from_question_clashes,
    order_not_a_whole_number,
    order_a_word,
    misspelt_key,
    bad_slug,
    unknown_status,
    embed_names_no_entry,
    two_faq_pages,
    alias_is_another_entrys_slug,
    bad_alias,
]


@pytest.mark.parametrize("breakage", CASES, ids=[c.__name__ for c in CASES])
def test_bad_input_stops_the_build_naming_file_and_field(tmp_path, breakage):
    content = content_copy(tmp_path)
    file, field, words = breakage(content)
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stderr.splitlines() if file in line]
    assert problems, result.stderr
    assert any(words in line for line in problems), result.stderr
    assert any(field in line for line in problems), result.stderr
    assert "How to fix it:" in problems[0]


def test_every_problem_is_reported_at_once(tmp_path):
    content = content_copy(tmp_path)
    broken = [no_question(content), empty_answer(content), misspelt_key(content), duplicate_anchor(content)]
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode != 0
    numbered = [line for line in result.stderr.splitlines() if line.strip()[:2].rstrip(".").isdigit()]
    assert len(numbered) == len(broken), result.stderr
    for file, _field, words in broken:
        assert any(file in line and words in line for line in numbered), (file, result.stderr)


def test_a_misspelt_key_names_its_line(tmp_path):
    content = content_copy(tmp_path)
    misspelt_key(content)
    result = build_site(tmp_path / "out", content=content)
    assert "content/faq/what-should-i-bring.md, line 3:" in result.stderr


def test_settings_are_checked(tmp_path):
    settings = write_settings(
        tmp_path / "badfaq.py", 'FAQ_COLLECTION = {"pth": "faq", "question_heading_level": 7}'
    )
    result = build_site(tmp_path / "out", settings=str(settings))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert '"pth" is not a FAQ setting' in result.stderr and 'Did you mean "path"?' in result.stderr
    assert "whole number from 2 to 6, not 7" in result.stderr


def test_a_file_in_the_faq_folder_that_is_not_markdown_stops_the_build(tmp_path):
    """The plugin's own warnings reach the therapist as problems (data), naming the file."""
    content = content_copy(tmp_path)
    (content / "faq" / "notes.txt").write_text("Ideas for questions\n", encoding="utf-8")
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 1, result.stdout
    assert (
        "content/faq/notes.txt: This file is not a Markdown (.md) file, so it is not part of the FAQ. "
        "How to fix it: Rename it to end in .md" in result.stderr
    )
