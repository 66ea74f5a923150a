"""Helpers for the FAQ tests: temporary content folders, and reading the built FAQ page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT

CONTENT = ROOT / "content"

# The twelve entries in the order the issue gives them, by slug ("What does ketamine feel
# like?" holds the answer once split into "why-is-it-hard-to-describe", now its alias).
EXPECTED_SLUGS = [
    "what-can-kap-help-with",
    "who-should-not-take-ketamine",
    "how-is-kap-different-from-iv-ketamine",
    "what-does-kap-cost",
    "what-does-ketamine-feel-like",
    "is-ketamine-addictive",
    "is-an-altered-state-safe",
    "what-are-the-side-effects",
    "can-i-drive-home",
    "what-should-i-bring",
    "how-should-i-prepare",
    "is-kap-a-quick-fix",
]

# The tags Google reads in an answer (the plugin must keep to these in JSON-LD).
GOOGLE_ANSWER_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div"}
GOOGLE_ANSWER_TAGS |= {"b", "strong", "i", "em"}


def copy_content(tmp_path: Path) -> Path:
    """A copy of the real content folder, to change freely in one test."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def faq_file(content: Path, slug: str) -> Path:
    return content / "faq" / f"{slug}.md"


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in a file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def squash(text: str) -> str:
    """Text with runs of whitespace made one space, as a reader perceives it."""
    return " ".join(text.split())


def visible_entries(soup: BeautifulSoup) -> list[dict]:
    """The accordion as a visitor sees it: id, question and answer text of each entry, in order."""
    entries = []
    for details in soup.select("[data-faq] details.faq__entry"):
        entries.append(
            {
                "id": details["id"],
                "question": squash(details.summary.get_text()),
                "answer": squash(details.select_one(".faq__answer").get_text()),
                "answer_element": details.select_one(".faq__answer"),
            }
        )
    return entries


def jsonld_blocks(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD block on a page, parsed."""
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
