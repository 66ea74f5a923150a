"""The placeholder marker: text the editor still has to write, which may not go live.

`make faq` writes a new question with a placeholder answer: a line starting
with `PLACEHOLDER:`. The go-live check (tools/go_live.py) looks for that marker
in all content files and names each file and line; no upload command runs
until the real text replaces it. (Previews and `make publish` still build, so
the rest of the page can be looked at.)
"""

from __future__ import annotations

from pathlib import Path

from tools.problems import Problem, display_path, source_files

MARKER = "PLACEHOLDER:"


def find_placeholders(content: Path) -> list[Problem]:
    """One problem for every content file line that starts with the marker."""
    problems = []
    for source in source_files(content):
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # unreadable files are reported by the build itself
        for number, line in enumerate(lines, 1):
            if line.lstrip().startswith(MARKER):
                problems.append(
                    Problem(
                        file=display_path(source.resolve(), content),
                        line=number,
                        what="This file still has a placeholder instead of real text (the line starting "
                        f"'{MARKER}'), which visitors would see.",
                        fix=f"Replace the whole line starting '{MARKER}' with your own words, then save.",
                    )
                )
    return problems
