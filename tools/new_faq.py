"""Start a new FAQ entry: `make faq Q="Can I eat before my session?"`.

Creates content/faq/<slug>.md with the question as its Title, the next free
Order (after the last question) and a placeholder answer. The placeholder line
starts with the marker the go-live check lists (tools/placeholders.py), so an
unanswered question can never be uploaded by mistake. A question too long for
a file name gets a shortened one (and the same `Slug:`, so its link matches).

Usage: python -m tools.new_faq [--content DIR] [QUESTION]   (or the question in $Q)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from tools.placeholders import MARKER
from tools.problems import ROOT, display_path

EXAMPLE = 'make faq Q="Can I eat before my session?"'
# The longest slug used as a file name: far below the 255 bytes file systems allow,
# and still readable in a link.
MAX_SLUG = 80


class UnreadableEntry(Exception):
    """An existing FAQ file that is not UTF-8 text."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def short_slug(slug: str, limit: int = MAX_SLUG) -> str:
    """`slug` cut at a hyphen to at most `limit` characters (never in the middle of a word, if it can)."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")


def next_order(faq: Path) -> int:
    """One more than the highest whole-number `Order:` among the existing entries (1 when none)."""
    orders = [0]
    for entry in sorted(faq.glob("*.md")):
        try:
            text = entry.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise UnreadableEntry(entry) from error
        for line in text.splitlines():
            if not line.strip():
                break  # the details at the top end at the first blank line
            match = re.match(r"(?i)order:\s*(\d+)\s*$", line)
            if match:
                orders.append(int(match.group(1)))
    return max(orders) + 1


def entry_text(question: str, order: int, slug: str | None = None) -> str:
    slug_line = f"Slug: {slug}\n" if slug else ""
    return (
        f"Title: {question}\n"
        f"{slug_line}"
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
    shortened = short_slug(slug)
    content = Path(args.content)
    faq = content / "faq"
    faq.mkdir(parents=True, exist_ok=True)
    entry = faq / f"{shortened}.md"
    shown = display_path(entry, content)
    if entry.exists():
        print(
            f"{shown} already exists, so nothing was changed. Open that file to edit the question, "
            "or word the new question differently.",
            file=sys.stderr,
        )
        return 1
    try:
        order = next_order(faq)
    except UnreadableEntry as error:
        print(
            f"{display_path(error.path, content)} is not saved as UTF-8 text, so the questions' order "
            "cannot be read and nothing was changed. Open that file in a text editor and save it again "
            "as 'UTF-8' (the 'Save as' or 'Encoding' menu), then run the command again.",
            file=sys.stderr,
        )
        return 1
    entry.write_text(entry_text(question, order, shortened if shortened != slug else None), encoding="utf-8")
    print(
        f"Created {shown} (number {order} in the list of questions).\n"
        f"Open it and replace the line starting '{MARKER}' with the answer. Until then the site "
        "cannot go live: make publish lists that line."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
