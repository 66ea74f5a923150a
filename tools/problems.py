"""Shared helpers for describing content problems: paths and lines as the editor knows them.

The `Problem` and `ContentProblems` classes live in
`practice_site.problems` (so plugins and tools report mistakes the same way); this
module re-exports them for `tools/` and adds the two things
every check needs: a file path as the therapist sees it, and the line where
some text appears in that file.
"""

from __future__ import annotations

from pathlib import Path

from practice_site.problems import ContentProblems, Problem

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ContentProblems", "Problem", "display_path", "find_line", "source_files"]

# File types Pelican reads as content; the checks search these for the text of a mistake.
SOURCE_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".rst"}


def display_path(path: str | Path, content: Path) -> str:
    """`path` as the editor knows it: `content/pages/home.md`, whatever folder the build used."""
    path = Path(path)
    if not path.is_absolute():
        path = content / path
    try:
        return f"{content.name}/{path.resolve().relative_to(content.resolve()).as_posix()}"
    except ValueError:
        try:
            return path.resolve().relative_to(ROOT).as_posix()
        except ValueError:
            return str(path)


def source_files(content: Path) -> list[Path]:
    """Every content source file under `content`, in a stable order."""
    return sorted(
        p
        for p in content.rglob("*")
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith(".")
    )


def find_line(path: Path, needle: str) -> int | None:
    """The first line (counting from 1) of `path` that contains `needle`, or None."""
    if not needle:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, 1):
        if needle in line:
            return number
    return None


def find_field_line(path: Path, field: str) -> int | None:
    """The line of the metadata field `field` (e.g. `Date`) at the top of `path`, or None."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    prefix = field.lower() + ":"
    for number, line in enumerate(lines, 1):
        if not line.strip():
            break  # the details end at the first blank line
        if line.lower().startswith(prefix):
            return number
    return None
