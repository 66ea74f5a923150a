"""Read and check content/practice.toml: the practice's details and prices.

`read_practice(content)` returns a `PracticeFile`: the two tables as read, the
assumptions each marks as unconfirmed, and every problem found, each naming
the file, the line and the fix. Nothing here knows about Pelican.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..cost_calculator.settings import validate_pricing
from ..problems import Problem
from .schema import PRACTICE_FIELDS, PRACTICE_FILE, UNCONFIRMED_KEY, Field
from .toml_lines import TomlLines
from .values import KINDS

TOML_HELP = (
    'Text must be between double quotes (name = "My practice"), numbers without them '
    "(hourly_rate = 150), and each value on its own line after its name and an = sign. "
    "Compare the line with the ones around it."
)


@dataclass
class PracticeFile:
    """practice.toml as read: its tables, its unconfirmed assumptions and its problems."""

    path: Path
    shown: str  # the file as the editor knows it: content/practice.toml
    practice: dict = field(default_factory=dict)
    pricing: dict = field(default_factory=dict)
    unconfirmed: dict[str, list[str]] = field(default_factory=dict)  # table -> keys
    problems: list[Problem] = field(default_factory=list)
    lines: TomlLines | None = None

    def line(self, table: str, key: str | None = None) -> int | None:
        if self.lines is None:
            return None
        return self.lines.table_line(table) if key is None else self.lines.key_line(table, key)


def read_practice(content: Path) -> PracticeFile:
    """Read and check `content`/practice.toml."""
    path = Path(content) / PRACTICE_FILE
    result = PracticeFile(path=path, shown=f"{Path(content).name}/{PRACTICE_FILE}")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        result.problems.append(
            Problem(
                file=result.shown,
                what="The file with the practice's details and prices is missing.",
                fix="Restore content/practice.toml (for example from the project's history with "
                "'git checkout content/practice.toml'), then fill in your details.",
            )
        )
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        result.problems.append(
            Problem(
                file=result.shown,
                line=raw[: error.start].count(b"\n") + 1,
                what="The file is not saved as UTF-8 text, so some characters cannot be read.",
                fix="Save it again as 'UTF-8' (the text editor's 'Save as' or 'Encoding' menu).",
            )
        )
        return result
    result.lines = TomlLines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)).rstrip(".")
        result.problems.append(
            Problem(
                file=result.shown,
                line=int(match.group(1)) if match else None,
                what=f"The computer cannot read this line ({reason}).",
                fix=TOML_HELP,
            )
        )
        return result
    _check_tables(data, result)
    return result


def _problem(result: PracticeFile, table: str, key: str | None, what: str, fix: str) -> Problem:
    line = result.line(table, key) or result.line(table)
    name = f"[{table}]" if key is None else key
    return Problem(file=result.shown, field=name, line=line, what=f"{name}: {what}", fix=fix)


def _check_tables(data: dict, result: PracticeFile) -> None:
    for table in data:
        if table not in ("practice", "pricing"):
            result.problems.append(
                _problem(
                    result,
                    table,
                    None,
                    "this is not a part of the file (a typo?).",
                    "The file has two parts, [practice] and [pricing]; rename or remove this one.",
                )
            )
    for table in ("practice", "pricing"):
        value = data.get(table)
        if not isinstance(value, dict):
            result.problems.append(
                Problem(
                    file=result.shown,
                    field=f"[{table}]",
                    what=f"The part [{table}] is missing.",
                    fix=f"Restore the line [{table}] and the values below it.",
                )
            )
            continue
        values = dict(value)
        marks = values.pop(UNCONFIRMED_KEY, [])
        if table == "practice":
            result.practice = values
            _check_fields(values, PRACTICE_FIELDS, "practice", "", result)
        else:
            result.pricing = values
            _check_pricing(values, result)
        result.unconfirmed[table] = _check_marks(marks, values, table, result)


def _check_fields(values: dict, fields: tuple[Field, ...], table: str, prefix: str, result: PracticeFile):
    known = {f.key for f in fields}
    for key in values:
        if key not in known:
            import difflib  # here, not at the top: only a mistake needs it (~1 ms a build)

            close = difflib.get_close_matches(key, known, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            result.problems.append(
                _problem(
                    result,
                    table,
                    prefix + key,
                    "this is not a detail the site knows (a typo?).",
                    f"{hint}The names here are: {', '.join(f.key for f in fields)}.",
                )
            )
    for spec in fields:
        name = prefix + spec.key
        if spec.key not in values:
            if spec.required:
                example = f" = {spec.example}" if spec.example else ""
                result.problems.append(
                    _problem(
                        result,
                        table,
                        None,
                        f"{name} ({spec.description}) is missing.",
                        f"Add a line '{spec.key}{example}' in this part."
                        if spec.kind != "table"
                        else f"Add the part [{table}.{name}] with its values.",
                    )
                )
            continue
        value = values[spec.key]
        what = KINDS[spec.kind](value)
        if what:
            example = f"for example {spec.key} = {spec.example}" if spec.example else "see the README"
            result.problems.append(
                _problem(result, table, name, what, f"Write {spec.description}, {example}.")
            )
        elif spec.kind == "table":
            _check_fields(value, spec.fields, table, f"{name}.", result)


def _check_pricing(pricing: dict, result: PracticeFile) -> None:
    """The cost calculator's own checks, with each problem placed on its line in this file."""
    for problem in validate_pricing(pricing):
        line = result.line("pricing", problem.field) if problem.field else None
        result.problems.append(replace(problem, file=result.shown, line=line or result.line("pricing")))


def _check_marks(marks, values: dict, table: str, result: PracticeFile) -> list[str]:
    """The names listed as unconfirmed assumptions; each must name a value of the table."""
    fix = f'Write the names of unconfirmed values as a list, for example {UNCONFIRMED_KEY} = ["name"], or [].'
    if not isinstance(marks, list) or not all(isinstance(m, str) for m in marks):
        result.problems.append(_problem(result, table, UNCONFIRMED_KEY, "this is not a list of names.", fix))
        return []
    for mark in marks:
        head, _, rest = mark.partition(".")
        if head not in values or (rest and not (isinstance(values[head], dict) and rest in values[head])):
            result.problems.append(
                Problem(
                    file=result.shown,
                    field=UNCONFIRMED_KEY,
                    line=result.lines.item_line(table, UNCONFIRMED_KEY, mark) if result.lines else None,
                    what=f"{UNCONFIRMED_KEY}: '{mark}' names no value of [{table}].",
                    fix="Remove it from the list, or correct its name to one of the names in this part.",
                )
            )
    return list(marks)
