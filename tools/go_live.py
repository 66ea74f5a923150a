"""The go-live check: what on the site is not yet real, and the gate every upload passes.

Anyone can build the site from a fresh copy, placeholders and all. Before it
goes online, though, everything must be the practice's own. The go-live list
names, each with its file, line and fix:

- placeholder practice details in content/practice.toml: values in [square
  brackets], 555-01xx telephone numbers, e-mail and web addresses under
  example.com/.org/.net or the .example, .test and .invalid names;
- assumptions the therapist has not confirmed: the names in a table's
  `unconfirmed` list (confirming one means removing its name);
- `PLACEHOLDER:` lines in the content (tools/placeholders.py);
- a SITEURL environment variable that sends the site's links elsewhere than site_url.

`make publish` and `make check` print the list (tools/build.py calls
`print_go_live_list` after a production build). `python -m tools.go_live` is
the gate: it exits 1 while the list is not empty, so every upload target of
the Makefile depends on the `go_live_gate` target that runs it before anything
is built or uploaded.

Usage: python -m tools.go_live [--content DIR] [--output DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from practice_site.practice import PracticeFile, read_practice
from practice_site.practice.schema import PRACTICE_FIELDS, UNCONFIRMED_KEY, Field
from practice_site.practice.values import placeholder_reason

from tools.placeholders import find_placeholders
from tools.problems import ROOT, Problem


def _placeholders(practice_file: PracticeFile, values: dict, fields: tuple[Field, ...], prefix="") -> list:
    """A problem for each value of `fields` that is still a placeholder."""
    found = []
    for spec in fields:
        if spec.key not in values or not spec.may_be_placeholder:
            continue
        name, value = prefix + spec.key, values[spec.key]
        if spec.kind == "table" and isinstance(value, dict):
            found += _placeholders(practice_file, value, spec.fields, f"{name}.")
            continue
        reason = placeholder_reason(value)
        if reason:
            example = f", for example {spec.key} = {spec.example}" if spec.example else ""
            found.append(
                Problem(
                    file=practice_file.shown,
                    field=name,
                    line=practice_file.line("practice", name),
                    what=f'{name} = "{value}" is not yet {spec.description}: {reason}.',
                    fix=f"Write {spec.description} between the quotes{example}.",
                )
            )
    return found


def _assumption(table: str, values: dict, mark: str) -> str:
    """The assumed value as the file writes it: `intake_hours = 1`, or the part `[practice.sessions]`."""
    head, _, rest = mark.partition(".")
    value = values.get(head)
    if rest and isinstance(value, dict):
        value = value.get(rest)
    if isinstance(value, dict):
        return f"[{table}.{mark}] (the values below that line)"
    return f"{mark} = {json.dumps(value)}"


def _unconfirmed(practice_file: PracticeFile) -> list[Problem]:
    """A problem for each assumption still marked as not confirmed."""
    found = []
    for table, marks in practice_file.unconfirmed.items():
        values = practice_file.practice if table == "practice" else practice_file.pricing
        for mark in marks:
            mark_line = practice_file.lines.item_line(table, UNCONFIRMED_KEY, mark)
            found.append(
                Problem(
                    file=practice_file.shown,
                    field=mark,
                    line=practice_file.line(table, mark),
                    what=f"{_assumption(table, values, mark)} is an assumption you have not confirmed yet.",
                    fix=f'Check it and correct it if needed; then delete "{mark}" from the '
                    f"{UNCONFIRMED_KEY} list of [{table}] (line {mark_line}).",
                )
            )
    return found


def _siteurl_override(practice_file: PracticeFile, environ: Mapping[str, str]) -> list[Problem]:
    """The SITEURL environment variable, when it would send the live site's links elsewhere."""
    override = (environ.get("SITEURL") or "").rstrip("/")
    site_url = str(practice_file.practice.get("site_url", "")).rstrip("/")
    if not override or override == site_url:
        return []
    return [
        Problem(
            file="the SITEURL environment variable",
            field="SITEURL",
            what=f"it is set to {override}, so the site's links would lead there, not to {site_url}.",
            fix="Set site_url in content/practice.toml to the live address and unset SITEURL "
            "(close the terminal or type 'unset SITEURL'), then run the command again.",
        )
    ]


def go_live_list(content: Path, environ: Mapping[str, str] | None = None) -> list[Problem]:
    """Everything that must change before the site may go online, in the order to work through it."""
    environ = os.environ if environ is None else environ
    practice_file = read_practice(content)
    if practice_file.problems:
        return list(practice_file.problems)  # a broken file: those mistakes come first
    in_file = _placeholders(practice_file, practice_file.practice, PRACTICE_FIELDS) + _unconfirmed(
        practice_file
    )
    in_file.sort(key=lambda problem: problem.line or 0)
    return [*in_file, *find_placeholders(content), *_siteurl_override(practice_file, environ)]


def _numbered(items: list[Problem]) -> list[str]:
    return [f"  {number}. {item}" for number, item in enumerate(items, 1)]


def print_go_live_list(items: list[Problem], output_shown: str, *, built: bool = True) -> None:
    """After a production build (`built`) or check: the go-live list, or that the site is ready to go live."""
    if not items:
        print(
            "Ready to go live: no placeholders or unconfirmed assumptions are left. Upload "
            f"{output_shown} with make rsync_upload, make s3_upload or make github (see the README)."
        )
        return
    count = len(items)
    look = f"You can look at the site in {output_shown}, but no" if built else "No"
    print(
        f"Not ready to go live: {count} {'thing is' if count == 1 else 'things are'} not yet real. "
        f"{look} upload command will run until {'it is' if count == 1 else 'each is'} fixed:"
    )
    print("\n".join(_numbered(items)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    args = parser.parse_args(argv)
    items = go_live_list(Path(args.content))
    if not items:
        return 0
    output = Path(args.output)
    shown = f"{output.name}/" if output.parent.resolve() == Path.cwd().resolve() else str(output)
    count = len(items)
    print(
        f"Not uploading: the site is not ready to go live. Nothing was built, nothing was uploaded, "
        f"and {shown} was not changed. Fix {'this' if count == 1 else f'these {count} things'} first, "
        "then run the upload command again:",
        file=sys.stderr,
    )
    print("\n".join(_numbered(items)), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
