"""Lists as people type them: a Markdown preprocessor for the two habits Python-Markdown misreads.

Python-Markdown follows the original Markdown rules: a list must follow a blank
line, and a nested list must be indented by four spaces. People who write in
other editors (or paste from them) type

    Before the session, please:
    - eat lightly
      - nothing after midday

which Python-Markdown shows as one run-on paragraph. This preprocessor, in the
site's MARKDOWN settings (pages and FAQ answers alike), rewrites such lines
before Markdown reads them:

- a list that starts right under a line of text gets the blank line it needs;
- a list item indented by 2 or 3 spaces more than the item above it is nested
  under it (indented to four), with its continuation lines moved along.

Lists indented by four spaces, and everything outside lists, are left exactly
as they are. (mdx_truly_sane_lists handles two-space nesting, but then reads
four-space nesting as plain text, which the site's pages use; and neither it
nor `sane_lists` handles the missing blank line.) Fenced code is never touched.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# A list item: indent, then "-", "*", "+", "1." or "1)", then a space and text.
LIST_ITEM = re.compile(r"^(?P<indent> *)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Runs after the metadata header is removed (27) and before fenced code (25).
PRIORITY = 26
NESTING = 4  # the indent Python-Markdown needs for a nested list


def _may_start_list(line: str) -> bool:
    """Whether a list item right under text starts a list: a bullet, or the number 1.

    A line such as "2024. That year…" inside a paragraph is text, not a list.
    """
    marker = line.lstrip(" ").split(None, 1)[0]
    return marker in ("-", "*", "+") or marker in ("1.", "1)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class ListPreprocessor(Preprocessor):
    """Adds the blank line before a list and re-indents two-space nesting (see the module)."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        # Each open list level: (indent as typed, indent as written for Markdown).
        levels: list[tuple[int, int]] = []
        previous_blank = True
        paragraph_has_list = False
        for line in lines:
            fence_match = FENCE.match(line)
            if fence is not None:
                out.append(line)
                if (
                    fence_match
                    and fence_match.group(1)[0] == fence[0]
                    and len(fence_match.group(1)) >= len(fence)
                ):
                    fence = None
                continue
            if fence_match:
                fence = fence_match.group(1)
                levels = []
                out.append(line)
                previous_blank = False
                continue
            if not line.strip():
                out.append(line)
                previous_blank = True
                paragraph_has_list = False
                continue
            item = LIST_ITEM.match(line)
            indent = _indent(line)
            starts_list = item and (levels or previous_blank or _may_start_list(line))
            if item and starts_list and (levels or indent <= 3):
                if not levels and not previous_blank and not paragraph_has_list:
                    out.append("")  # the blank line Markdown needs before a list
                while levels and indent < levels[-1][0]:
                    levels.pop()
                if not levels:
                    levels.append((indent, indent))
                elif indent > levels[-1][0]:
                    if indent >= levels[-1][0] + NESTING or indent - levels[-1][0] < 2:
                        levels.append((indent, levels[-1][1] + (indent - levels[-1][0])))
                    else:
                        levels.append((indent, levels[-1][1] + NESTING))
                out.append(" " * levels[-1][1] + line[indent:])
                paragraph_has_list = True
            elif levels and (indent > 0 or not previous_blank):
                # A continuation of the current item: moved as far as its item was.
                shift = levels[-1][1] - levels[-1][0]
                out.append(" " * (indent + shift) + line[indent:] if indent > levels[0][0] else line)
            else:
                levels = []
                out.append(line)
            previous_blank = False
        return out


class ListExtension(Extension):
    """Registers the preprocessor; named in MARKDOWN as `practice_site.markdown_lists`."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(ListPreprocessor(md), "practice_lists", PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return ListExtension(**kwargs)
