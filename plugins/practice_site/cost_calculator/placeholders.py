"""`{price:NAME}` placeholders in Markdown, filled in from the PRICING setting.

The therapist never types a price into a page: she writes, for example,
`{price:hourly_rate}/hour`, and the build writes "$150/hour". The replacement is
a Python-Markdown preprocessor, so it works in every file Pelican's Markdown
reader reads (pages, FAQ answers) and in their metadata (it runs before the
metadata is read). An unknown NAME is left in place and remembered; the plugin
then reports it, naming the file, and stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from ..problems import Problem
from .model import format_usd, typical_range

# Loose on purpose: `{price: Hourly rate}` is caught and reported, not ignored.
PLACEHOLDER = re.compile(r"\{price:\s*([^{}\n]*?)\s*\}")
# After whitespace normalisation (30), before metadata (27) and raw HTML (20).
PRIORITY = 28


def placeholder_values(pricing: dict, model: dict) -> dict[str, str]:
    """Every placeholder name and the text it becomes."""
    values = {
        "hourly_rate": format_usd(pricing["hourly_rate"]),
        "medical_screen_fee": format_usd(pricing["medical_screen_fee"]),
    }
    for name in ("intake_hours", "preparation_hours", "integration_hours", "first_medicine_hours"):
        values[name] = str(pricing[name])
    for name in ("later_medicine_hours", "preparation_sessions", "medicine_sessions", "integration_sessions"):
        for key, number in pricing[name].items():
            values[f"{name}_{key}"] = str(number)
    values["reimbursable_sessions"] = sessions_in_words(pricing["reimbursable_sessions"])
    low, high = typical_range(model)
    values["estimate_low"] = format_usd(low["grand_total"])
    values["estimate_high"] = format_usd(high["grand_total"])
    return values


def sessions_in_words(kinds: list[str]) -> str:
    """The kinds of session as a reader says them: "the preparation and integration sessions"."""
    if not kinds:
        return "none of the sessions"
    if len(kinds) == 1:
        return f"the {kinds[0]} sessions"
    return "the " + ", ".join(kinds[:-1]) + " and " + kinds[-1] + " sessions"


class PricePlaceholderPreprocessor(Preprocessor):
    """Replaces `{price:NAME}` in the Markdown source before anything else reads it."""

    def __init__(self, md, extension: PricePlaceholderExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        return [PLACEHOLDER.sub(self.extension.replace, line) for line in lines]


class PricePlaceholderExtension(Extension):
    """The Markdown extension the plugin adds to Pelican's MARKDOWN settings."""

    def __init__(self, values: dict[str, str], **kwargs):
        super().__init__(**kwargs)
        self.values = values
        self.unknown: dict[str, None] = {}  # names met but not known, in order

    def replace(self, match: re.Match) -> str:
        name = match.group(1)
        if name in self.values:
            return self.values[name]
        self.unknown[name] = None
        return match.group(0)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(PricePlaceholderPreprocessor(md, self), "price_placeholders", PRIORITY)


def locate_unknown(names, content_path: Path, valid: list[str]) -> list:
    """Problems for unknown placeholder names, each naming the file and line that holds it."""
    problems = []
    valid_list = ", ".join(valid)
    for name in names:
        found = False
        for path in sorted(content_path.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in (".md", ".markdown", ".mkd", ".mdown"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if any(m.group(1) == name for m in PLACEHOLDER.finditer(line)):
                    found = True
                    problems.append(_unknown(name, _editor_path(path, content_path), number, valid_list))
        if not found:
            problems.append(_unknown(name, _editor_path(content_path, content_path), None, valid_list))
    return problems


def _unknown(name: str, file: str, line: int | None, valid_list: str) -> Problem:
    return Problem(
        file=file,
        line=line,
        field=f"{{price:{name}}}",
        what=f"The price placeholder {{price:{name}}} names no value in [pricing] of content/practice.toml.",
        fix=f"Use one of these names: {valid_list} (for example {{price:hourly_rate}}).",
    )


def _editor_path(path: Path, content_path: Path) -> str:
    """The path as the editor knows it: content/pages/costs.md."""
    relative = path.relative_to(content_path).as_posix()
    base = content_path.name
    return base if relative == "." else f"{base}/{relative}"
