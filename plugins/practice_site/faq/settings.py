"""The FAQ plugin's settings: one dict, FAQ_COLLECTION in pelicanconf.py, checked before the build."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..problems import Problem

logger = logging.getLogger(__name__)

SETTING = "FAQ_COLLECTION"

DEFAULTS = {
    # The folder inside content/ that holds one Markdown file per question.
    "path": "faq",
    # The page that shows the accordion says `Template: <this>` in its metadata.
    "page_template": "faq",
    # The heading level of each question inside the accordion (2 = <h2>).
    "question_heading_level": 2,
}


@dataclass(frozen=True)
class FaqSettings:
    """The validated settings of one build."""

    path: str
    page_template: str
    question_heading_level: int


def _problem(key: str | None, what: str, fix: str) -> Problem:
    field = SETTING if key is None else f"{SETTING}['{key}']"
    return Problem(file="pelicanconf.py", field=field, what=what, fix=fix)


def read_settings(settings: dict) -> tuple[FaqSettings | None, list[Problem]]:
    """Merge FAQ_COLLECTION over the defaults; return the settings or every problem found."""
    given = settings.get(SETTING, {})
    if not isinstance(given, dict):
        return None, [
            _problem(
                None,
                f"{SETTING} must be a set of named values in curly brackets, not {given!r}.",
                f'Write it like {SETTING} = {{"path": "faq"}}, or remove it to use the defaults.',
            )
        ]
    problems = []
    for key in given:
        if key not in DEFAULTS:
            import difflib  # here, not at the top: only a mistake needs it (~1 ms a build)

            close = difflib.get_close_matches(str(key), list(DEFAULTS), n=1)
            hint = f'Did you mean "{close[0]}"? ' if close else ""
            problems.append(
                _problem(
                    str(key),
                    f'"{key}" is not a FAQ setting.',
                    f"{hint}The FAQ settings are: {', '.join(DEFAULTS)}.",
                )
            )
    merged = {**DEFAULTS, **{k: v for k, v in given.items() if k in DEFAULTS}}

    path = merged["path"]
    if not isinstance(path, str) or not path.strip():
        problems.append(
            _problem("path", "The FAQ folder is not given.", 'Set it to a folder name such as "faq".')
        )
    elif PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts:
        problems.append(
            _problem(
                "path",
                f'The FAQ folder "{path}" is outside the content folder.',
                'Give a folder inside content/, such as "faq".',
            )
        )

    template = merged["page_template"]
    if not isinstance(template, str) or not template.strip():
        problems.append(
            _problem(
                "page_template",
                "The template name of the FAQ page is not given.",
                'Set it to the name used in the FAQ page\'s "Template:" line, such as "faq".',
            )
        )

    level = merged["question_heading_level"]
    if isinstance(level, bool) or not isinstance(level, int) or not 2 <= level <= 6:
        problems.append(
            _problem(
                "question_heading_level",
                f"The heading level of the questions must be a whole number from 2 to 6, not {level!r}.",
                "Use 2 when the questions are the main sections of the FAQ page (the usual case).",
            )
        )

    if problems:
        return None, problems
    return FaqSettings(
        path=str(PurePosixPath(path.strip().strip("/"))),
        page_template=template.strip(),
        question_heading_level=level,
    ), []
