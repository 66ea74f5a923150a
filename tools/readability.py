"""Reading grade of each built page (Flesch–Kincaid), for `make check`: advice, never a stop.

Visitors are often anxious and reading on a phone; plain words help. `make check`
prints each page's grade, and marks the pages above grade 8 with advice. The
practice's own words may stay above it: the report only informs.

textstat (with its pronouncing dictionary) takes a moment to import, so it is
imported here, when a check asks for grades, never by a normal build.
"""

from __future__ import annotations

import re
from pathlib import Path

from practice_site.html_tools import NOT_TEXT_ELEMENTS, TreeParser

# Grades above this get advice (US school grade; 8 reads easily for most adults).
ADVICE_ABOVE = 8.0
# Elements whose text is a unit of its own: a heading or a list item ends like a sentence.
BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "td", "th", "caption"}
BLOCKS |= {"legend", "label", "button", "div", "section", "article", "blockquote", "figcaption", "address"}


class _MainText(TreeParser):
    """The text of a page's <main>, one sentence-like unit per block element."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.units: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        unit = " ".join("".join(self.current).split())
        self.current = []
        if unit:
            # A heading or list item without a full stop still ends a sentence for the formula.
            self.units.append(unit if unit[-1] in ".!?:;" else unit + ".")

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "main":
            self.inside += 1
        if self.inside and (tag in BLOCKS or tag == "br"):
            self._flush()

    def end(self, tag: str) -> None:
        if self.inside and tag in BLOCKS:
            self._flush()
        if tag == "main":
            self._flush()
            self.inside -= 1

    def text(self, data: str, raw: bool) -> None:
        if self.inside and not raw and not NOT_TEXT_ELEMENTS.intersection(self.open):
            self.current.append(data)


def main_text(html: str) -> str:
    """What a visitor reads in the page's main content, as sentences."""
    parser = _MainText()
    parser.feed_all(html)
    return " ".join(parser.units)


def grade(text: str) -> float:
    """The Flesch–Kincaid grade of `text` (US school grade)."""
    import textstat  # only when grading: see the module's docstring

    return float(textstat.flesch_kincaid_grade(text))


def page_grades(output: Path) -> dict[str, float]:
    """Every built page's reading grade, keyed by its path in the site."""
    grades = {}
    for path in sorted(output.rglob("*.html")):
        text = main_text(path.read_text(encoding="utf-8"))
        if re.search(r"\w", text):
            grades[path.relative_to(output).as_posix()] = grade(text)
    return grades


def report(grades: dict[str, float]) -> list[str]:
    """The lines `make check` prints: each page's grade, with advice above grade 8."""
    lines = [f"Reading grade of each page (Flesch–Kincaid; {ADVICE_ABOVE:g} or below reads easily):"]
    width = max((len(name) for name in grades), default=0)
    for name, value in grades.items():
        line = f"  {name:<{width}}  {value:4.1f}"
        if value > ADVICE_ABOVE:
            line += "  advice: above grade 8. Shorter sentences and everyday words would make it easier."
        lines.append(line)
    advised = sum(1 for value in grades.values() if value > ADVICE_ABOVE)
    if advised:
        lines.append(f"  ({advised} page(s) above grade 8: advice only, never a reason the build stops.)")
    return lines
