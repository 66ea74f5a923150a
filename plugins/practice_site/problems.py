"""Content problems: the one way our plugins report a mistake the editor must fix.

A plugin that finds mistakes collects every one of them and raises
`ContentProblems` once, so the therapist sees all of them together. The build
wrapper (`tools/build.py`) prints each problem as: the file (and line), what is
wrong, and how to fix it, and stops the build without a Python traceback.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in the site's content or settings, described in plain words."""

    file: str  # the file as the editor knows it, e.g. "content/faq/side-effects.md"
    what: str  # what is wrong, e.g. "The question (Title:) is missing."
    fix: str  # how to fix it, e.g. "Add a line 'Title: Your question?' at the top."
    field: str | None = None  # the setting or metadata field, e.g. "Title"
    line: int | None = None  # the line in the file, where known

    def as_dict(self) -> dict:
        """The problem as JSON-ready data (the build hands problems to the preview server so)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Problem:
        return cls(**{key: data.get(key) for key in ("file", "what", "fix", "field", "line")})

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        return f"{where}: {self.what} How to fix it: {self.fix}"


def first_line_with(path: str | Path | None, text: str | re.Pattern) -> int | None:
    """The number of the first line of the file `path` that holds `text` (or matches it), if
    any: read only when a problem is found, to send the editor to the line."""
    if not path or not text:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    found = text.search if isinstance(text, re.Pattern) else lambda line: text in line
    return next((number for number, line in enumerate(lines, 1) if found(line)), None)


def warn(logger, problem: Problem) -> None:
    """Log a problem that does not stop the plugin's work, with the problem itself on the record.

    A bare `pelican` prints the message; `tools/build.py` takes the `Problem` from
    the record (`record.problem`) as it is, so nothing is read back from text.
    """
    logger.warning("%s", problem, extra={"problem": problem})


def note(logger, problem: Problem) -> None:
    """Log something the editor should know that does not stop the build (a note), as data.

    Like `warn`, the `Problem` travels on the record; `tools/build.py` prints it
    after the build as "Note: …" and the build still succeeds.
    """
    logger.warning("%s", problem, extra={"problem": problem, "notice": True})


class ContentProblems(Exception):  # noqa: N818 - reads naturally where it is raised
    """Raised with every problem found, so that the build stops and lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
