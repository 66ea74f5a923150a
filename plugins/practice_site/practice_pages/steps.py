"""Steps of one page shown on another: a paragraph that is exactly `{steps:PAGE#ID,ID}`.

The process page (content/pages/process.md) is the one place where the steps
are written: a numbered list whose items each start with a heading that has an
id (`## Intake { #intake }`). The contact page shows what happens after someone
reaches out by naming the steps it wants, for example

    {steps:process.md#intake,medical-screening}

and the build copies those list items, with their numbers, from the process
page. Changing a step on the process page changes it on both pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..html_tools import VOID_ELEMENTS, TreeParser, start_tag
from ..problems import Problem

# A paragraph that is exactly {steps:PAGE#ID,ID,...}, as Markdown renders it.
EMBED_RE = re.compile(r"<p>\s*\{steps:\s*([^}#<>]*?)\s*#\s*([^}<>]*?)\s*\}\s*</p>")
HEADINGS = ("h1", "h2", "h3", "h4", "h5")


@dataclass(frozen=True)
class Step:
    """One item of a page's numbered list of steps."""

    number: int
    id: str
    html: str  # the item's content, as the source page renders it


class _StepReader(TreeParser):
    """The items of the first numbered list (<ol>) of a page, each with its heading's id."""

    def __init__(self) -> None:
        super().__init__()
        self.list_depth: int | None = None  # len(self.open) inside the first <ol>
        self.done = False
        self.steps: list[Step] = []
        self.current: list[str] | None = None
        self.current_id = ""

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.done:
            return
        if self.list_depth is None:
            if tag == "ol":
                self.list_depth = len(self.open) + 1
            return
        if tag == "li" and len(self.open) == self.list_depth:
            self.current, self.current_id = [], ""
            return
        if self.current is not None:
            if tag in HEADINGS and not self.current_id:
                self.current_id = attributes.get("id", "")
            self.current.append(start_tag(tag, attributes))

    def end(self, tag: str) -> None:
        if self.done or self.list_depth is None:
            return
        if tag == "ol" and len(self.open) == self.list_depth - 1:
            self.done = True
        elif tag == "li" and len(self.open) == self.list_depth and self.current is not None:
            number = len(self.steps) + 1
            self.steps.append(Step(number, self.current_id, "".join(self.current).strip()))
            self.current = None
        elif self.current is not None and tag not in VOID_ELEMENTS:
            self.current.append(f"</{tag}>")

    def text(self, data: str, raw: bool) -> None:
        if self.current is not None:
            self.current.append(data if raw else escape(data, quote=False))


def read_steps(html: str) -> list[Step]:
    """The steps of the first numbered list in `html`, in order."""
    reader = _StepReader()
    reader.feed_all(html)
    return reader.steps


def shift_headings(html: str, by: int) -> str:
    """Every heading in `html` `by` levels lower (h2 becomes h3 for by=1), at most h6."""

    def lower(match: re.Match) -> str:
        level = min(int(match.group(2)) + by, 6)
        return f"<{match.group(1)}h{level}"

    return re.sub(r"<(/?)h([1-6])", lower, html)


def render_steps(steps: list[Step]) -> str:
    """The chosen steps as a numbered list that keeps each step's number from its own page."""
    items = "\n".join(f'<li value="{s.number}">{shift_headings(s.html, 1)}</li>' for s in steps)
    return f'<ol class="steps-excerpt">\n{items}\n</ol>'


def replace_embeds(pages: list, editor_path, content_root: Path) -> list[Problem]:
    """Put the named steps in place of each {steps:...} paragraph; report names that match none.

    A page that exists but could not be read (a bad date, say) is reported on its own,
    so an embed of it is left as it is, not reported a second time.
    """
    by_name = {Path(page.source_path).name: page for page in pages}
    problems: list[Problem] = []
    for page in pages:
        content = page._content or ""
        if "{steps:" not in content:
            continue

        def replace(match: re.Match, page=page) -> str:
            name, wanted = match.group(1), [i.strip() for i in match.group(2).split(",") if i.strip()]
            field = f"{{steps:{name}#{match.group(2)}}}"
            source = by_name.get(name)
            if source is None and any(content_root.rglob(name)):
                return match.group(0)  # the page failed on its own; that problem is reported
            if source is None:
                problems.append(
                    Problem(
                        file=editor_path(page),
                        field=field,
                        what=f'"{field}" names the page "{name}", which does not exist.',
                        fix="Write the file name of a page in content/pages/, for example "
                        "{steps:process.md#intake,medical-screening}. The pages are: "
                        + ", ".join(sorted(by_name))
                        + ".",
                    )
                )
                return match.group(0)
            steps = {step.id: step for step in read_steps(source._content or "")}
            missing = [i for i in wanted if i not in steps]
            if missing or not wanted:
                problems.append(
                    Problem(
                        file=editor_path(page),
                        field=field,
                        what=f'"{field}" names no step called {", ".join(missing) or "(none)"} on {name}.',
                        fix="After the # write the link names of the steps, separated by commas. "
                        f"The steps of {name} are: {', '.join(s for s in steps if s) or '(none found)'}.",
                    )
                )
                return match.group(0)
            return render_steps([steps[i] for i in wanted])

        page._content = EMBED_RE.sub(replace, content)
    return problems
