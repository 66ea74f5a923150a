"""The pages a client reads before calling: about, contact, privacy and accessibility.

The pages themselves are Markdown in content/pages/ with templates of their own
in the theme (about, contact, privacy, accessibility); their facts come from the
PRACTICE setting. This plugin adds what templates cannot do alone:

- steps.py   `{steps:process.md#intake,medical-screening}`: steps of the process
             page shown on another page, copied at build time (one source);
- jsonld.py  the practice's schema.org node for the home page, from PRACTICE;
- dated pages: the privacy notice and the accessibility statement show when they
  were last changed, so each must say it (`Modified: 2026-11-27`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import PagesGenerator

from ..problems import ContentProblems, Problem
from . import steps
from .jsonld import practice_jsonld

logger = logging.getLogger(__name__)

# Pages that show the date they were last changed, by their template.
DATED_TEMPLATES = ("privacy", "accessibility")


def _editor_path(settings: dict, page) -> str:
    content = Path(settings["PATH"])
    try:
        return f"{content.name}/{Path(page.source_path).resolve().relative_to(content.resolve()).as_posix()}"
    except ValueError:
        return str(page.source_path)


def _writes_modified(page) -> bool:
    """Whether the page's own file has a `Modified:` line (Pelican would fill in the file's time)."""
    try:
        header = Path(page.source_path).read_text(encoding="utf-8").split("\n\n", 1)[0]
    except OSError:
        return False
    return any(line.lower().startswith("modified:") for line in header.splitlines())


def check_dated_pages(pages: list, settings: dict) -> list[Problem]:
    """A problem for each privacy or accessibility page without a `Modified:` date."""
    problems = []
    for page in pages:
        if getattr(page, "template", None) in DATED_TEMPLATES and not _writes_modified(page):
            problems.append(
                Problem(
                    file=_editor_path(settings, page),
                    field="Modified",
                    what="This page tells visitors when it was last changed, but it has no 'Modified:' line.",
                    fix="Add a line 'Modified: 2026-11-27' (the day you last changed the page) "
                    "after the 'Title:' line.",
                )
            )
    return problems


def prepare_pages(generators) -> None:
    """Fill in {steps:...} embeds, check the dated pages and give the home page its JSON-LD."""
    pages_generator = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if pages_generator is None:
        return
    settings = pages_generator.settings
    pages = [*pages_generator.pages, *pages_generator.hidden_pages, *pages_generator.draft_pages]
    problems = steps.replace_embeds(pages, lambda page: _editor_path(settings, page), Path(settings["PATH"]))
    problems += check_dated_pages(pages, settings)
    if problems:
        raise ContentProblems(problems)
    practice = settings.get("PRACTICE") or {}
    pages_generator.context["practice_jsonld"] = practice_jsonld(
        practice, settings.get("PRACTICE_PHONE_TEL", ""), settings.get("SITEURL", "")
    )
    logger.debug("Practice pages prepared")


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.all_generators_finalized.connect(prepare_pages)
