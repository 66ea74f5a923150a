"""Start a new FAQ entry: `make faq Q="Can I eat before my session?"`.

Creates content/faq/<link name>.md with the question as its Title, its link
name as its Slug, the next free Order (after the last question) and a
placeholder answer. The placeholder line starts with the marker the go-live
check lists (tools/placeholders.py), so an unanswered question can never be
uploaded by mistake.

The link name is the question's first words, as the practice writes its own
("can-i-drive-myself-home" for "Can I drive myself home after a medicine
session?"): short enough to read and share, and written into the file, so that
rewording the question later never breaks a link to it.

Usage: python -m tools.new_faq [--content DIR] [QUESTION]   (or the question in $Q)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from practice_site.faq.reading import read_header
from practice_site.faq.validation import question_key, unquote

from tools.placeholders import MARKER
from tools.problems import ROOT, display_path

EXAMPLE = 'make faq Q="Can I eat before my session?"'
# A link name is the question's first LINK_NAME_WORDS words (more only when another
# question already has that name), at most MAX_SLUG characters: far below the 255 bytes
# file systems allow for the file named after it.
LINK_NAME_WORDS = 5
MAX_SLUG = 80
# Words a shortened link name does not end on ("what-should-i-bring-to" reads as
# "what-should-i-bring"). "before" and "after" stay: "can-i-eat-before" still says when.
# fmt: off
DANGLING = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "so", "of", "to", "for", "from", "with", "by",
    "as", "at", "in", "on", "into", "onto", "about", "than", "if", "that", "this", "these",
    "those", "my", "your", "our", "their", "his", "her", "its", "i", "we", "you", "me",
))
# fmt: on


class UnreadableEntry(Exception):
    """An existing FAQ file that is not UTF-8 text."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def first_words(words: list[str], count: int) -> str:
    """The first `count` of `words` as a link name, not ending on a little word if cut short."""
    chosen = words[:count]
    if len(chosen) < len(words):
        while len(chosen) > 2 and chosen[-1] in DANGLING:
            chosen.pop()
    name = "-".join(chosen)
    if len(name) > MAX_SLUG:
        cut = name[:MAX_SLUG]
        name = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")
    return name


def link_name(slug: str, taken: set[str]) -> str:
    """The shortest link name for the question slugified as `slug` that is not in `taken`:
    its first LINK_NAME_WORDS words, then one more word at a time, then a number added."""
    words = slug.split("-")
    for count in range(min(LINK_NAME_WORDS, len(words)), len(words) + 1):
        name = first_words(words, count)
        if name not in taken:
            return name
    number = 2
    while f"{name[: MAX_SLUG - 4]}-{number}" in taken:
        number += 1
    return f"{name[: MAX_SLUG - 4]}-{number}"


def existing_entries(faq: Path) -> list[tuple[Path, dict[str, str]]]:
    """Each FAQ file with the lines at its top, as the build reads them (keys in small letters)."""
    entries = []
    for entry in sorted(faq.glob("*.md")):
        try:
            text = entry.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise UnreadableEntry(entry) from error
        details: dict[str, str] = {}
        for line in read_header(text):
            details.setdefault(line.key.lower(), line.value)
        entries.append((entry, details))
    return entries


def next_order(entries: list[tuple[Path, dict[str, str]]]) -> int:
    """One more than the highest whole-number `Order:` among the existing entries (1 when none)."""
    orders = [int(details["order"]) for _, details in entries if details.get("order", "").isdigit()]
    return max([0, *orders]) + 1


def taken_names(entries: list[tuple[Path, dict[str, str]]]) -> set[str]:
    """Every link name in use: file names, `Slug:` lines and `Aliases:`."""
    names = set()
    for path, details in entries:
        names.add(path.stem)
        names.add(details.get("slug", ""))
        names.update(alias.strip() for alias in details.get("aliases", "").split(","))
    return names - {""}


def entry_text(question: str, order: int, slug: str) -> str:
    return (
        f"Title: {question}\n"
        f"Slug: {slug}\n"
        f"Order: {order}\n"
        "\n"
        f"{MARKER} write the answer to this question here, in place of this whole line. "
        "The site will not be published while this line is here.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("question", nargs="?", default=os.environ.get("Q", ""))
    args = parser.parse_args(argv)
    question = " ".join(args.question.split())
    if not question:
        print(f"Please say which question to add, for example:\n  {EXAMPLE}", file=sys.stderr)
        return 2
    # Pelican's own slugify, as it makes a page's slug from its title: the file is
    # named like the anchor the FAQ gives the question.
    slug = slugify(question, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    if not slug:
        print(f"The question '{question}' has no letters or digits to name its file after.", file=sys.stderr)
        return 2
    content = Path(args.content)
    faq = content / "faq"
    faq.mkdir(parents=True, exist_ok=True)
    try:
        entries = existing_entries(faq)
    except UnreadableEntry as error:
        print(
            f"{display_path(error.path, content)} is not saved as UTF-8 text, so the questions' order "
            "cannot be read and nothing was changed. Open that file in a text editor and save it again "
            "as 'UTF-8' (the 'Save as' or 'Encoding' menu), then run the command again.",
            file=sys.stderr,
        )
        return 1
    same = [
        path
        for path, details in entries
        if question_key(unquote(details.get("title", ""))) == question_key(question)
    ]
    if same:
        shown = display_path(same[0], content)
        print(
            f"{shown} already has this question, so nothing was changed. Open that file to edit "
            "the question, or word the new question differently.",
            file=sys.stderr,
        )
        return 1
    name = link_name(slug, taken_names(entries))
    entry = faq / f"{name}.md"
    shown = display_path(entry, content)
    order = next_order(entries)
    entry.write_text(entry_text(question, order, name), encoding="utf-8")
    print(
        f"Created {shown} (number {order} in the list of questions).\n"
        f"Its link is faq.html#{name}: the 'Slug:' line keeps it, even if you reword the question.\n"
        f"Open it and replace the line starting '{MARKER}' with the answer. Until then the site "
        "cannot go live: make publish lists that line."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
