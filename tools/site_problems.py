"""The checker's findings on the built site, traced back to where the therapist wrote them.

`tools/site_checks.py` finds problems in the built HTML; the therapist needs the
Markdown file (and line) to change. Each finding is looked for first in the source
of the page it was found on, then in every other content file (a FAQ answer
appears on the FAQ page, a `{faq:...}` on another); what no source contains comes
from the theme.
"""

from __future__ import annotations

from pathlib import Path

from practice_site.extra_files import extra_files

from tools.problems import Problem, display_path, source_files
from tools.site_checks import Finding, check_site, pelican_target

THEME_KINDS = {"css": "the theme's style sheet", "sitemap": "the sitemap"}


class _Sources:
    """The content files, each read once, and where a text first appears in them."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.files = source_files(content)
        self._lines: dict[Path, list[str]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        return self._lines[path]

    def locate(self, needles: tuple[str, ...], first: Path | None) -> tuple[Path | None, int | None]:
        candidates = ([first] if first else []) + [s for s in self.files if s != first]
        for needle in needles:
            if not needle:
                continue
            for source in candidates:
                for number, line in enumerate(self.lines(source), 1):
                    if needle in line:
                        return source, number
        return first, None


def site_problems(
    output: Path, content: Path, page_sources: dict[str, str], siteurl: str, skip_targets: set[Path]
) -> tuple[list[Problem], set[str]]:
    """Check the built site; return its problems and the link targets they are about.

    `page_sources` maps each built page (relative to `output`) to its source
    file; links to a source in `skip_targets` (files that failed on their own,
    already reported) are not reported again.
    """
    page_names = sorted(p.name for p in (content / "pages").glob("*.md"))
    verbatim = {name.as_posix() for name in extra_files(content)}
    findings = check_site(output, siteurl, page_names, verbatim)
    sources = _Sources(content)
    problems: dict[tuple, Problem] = {}
    covered: set[str] = set()
    for finding in findings:
        problem = _problem(finding, sources, page_sources, skip_targets, covered)
        if problem is not None:
            problems.setdefault((problem.file, problem.line, problem.what), problem)
    return list(problems.values()), covered


def _problem(
    finding: Finding, sources: _Sources, page_sources: dict, skip_targets: set[Path], covered: set[str]
) -> Problem | None:
    content = sources.content
    unresolved = pelican_target(finding.target)
    name = unresolved[1] if unresolved else finding.target
    if finding.target:
        covered.update({name, name.split("#")[0], finding.target})
    if finding.kind in THEME_KINDS:
        shown = f"{THEME_KINDS[finding.kind]} ({finding.page})"
        return Problem(file=shown, what=finding.what, fix=finding.fix)
    source = page_sources.get(finding.page)
    file, line = sources.locate(finding.needles, Path(source) if source else None)
    if unresolved and file is not None:
        linked = name.split("#")[0]
        if {(file.parent / linked).resolve(), (content / linked.lstrip("/")).resolve()} & skip_targets:
            return None  # that page failed for its own reason, reported on its own
    shown = display_path(file, content) if file else f"the theme (on the built page {finding.page})"
    return Problem(file=shown, line=line, what=finding.what, fix=finding.fix, field=finding.field)
