"""Pelican's log, captured during a build and translated into problems the therapist can fix.

Pelican reports many content mistakes only as log lines ("Skipping …: could not
find information about 'title'") and carries on without the file. During a
build we collect every WARNING and ERROR record as a `logging.LogRecord`; each
one we know is recognised by its message template (`record.msg`) and read from
its arguments (`record.args`, the exception's own data), never from the printed
text, and becomes a plain-words `Problem` naming the file. Every other record is
still shown, with its file where its arguments name one, so that no warning
passes silently.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tools.problems import Problem, display_path, find_field_line, find_line

logger = logging.getLogger(__name__)

# Records about links and pictures that the check of the built pages reports
# better (with the line in the source): kept only when that check says nothing.
LINK_NOT_FOUND = "Unable to find '%s', skipping url replacement."
EMPTY_ALT = "Empty alt attribute for image %s in %s"

FIELD_HELP = {
    "title": (
        "The page has no title: the 'Title:' line at the top is missing, misspelt or empty.",
        "Add a line such as 'Title: About the practice' as the very first line of the file "
        "(the details at the top end at the first blank line).",
    ),
}


class CapturingHandler(logging.Handler):
    """Keeps every record of level WARNING and above, and prints nothing."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LogTranslation:
    """The problems read from Pelican's log, and the link and picture targets it mentioned."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # (target, Problem) pairs dropped when the built-page check reports the same target.
        self.link_problems: list[tuple[str, Problem]] = []
        # Pictures without alt text: the built-page check finds all of them, with the line.
        self.alt_problems: list[Problem] = []
        # Notes for the editor that do not stop the build (`practice_site.problems.note`,
        # e.g. what the FAQ's sanitiser removed from an answer).
        self.notices: list[Problem] = []


def _source_of(record: logging.LogRecord, content: Path) -> Path | None:
    """The content file a record is about, when one of its arguments names one."""
    args = record.args if isinstance(record.args, tuple) else ()
    for arg in args:
        source = getattr(arg, "source_path", None) or (arg if isinstance(arg, str | Path) else None)
        if not source:
            continue
        path = Path(source)
        if not path.is_absolute():
            path = content / path
        if path.is_file():
            return path
    return None


# Pelican's message templates (`record.msg`) that we translate; their arguments are read from `record.args`.
MISSING_FIELD = "Skipping %s: could not find information about '%s'"
COULD_NOT_PROCESS = "Could not process %s"
SAME_LANG = 'There are %s items "%s" with lang %s'
SAME_ORIGINAL = "There are %s original (not translated) items %s"
NO_ATTRIBUTE = 'There is no "%s" attribute in "%s". Defaulting to slug order.'
# Pelican adds ": " and one "\n%s" per file to these two (utils.get_original_items).
SOURCE_LISTS = (SAME_LANG, SAME_ORIGINAL)


def template(record: logging.LogRecord) -> str:
    """The record's message template, without the list of files Pelican appends to some."""
    msg = str(record.msg)
    for known in SOURCE_LISTS:
        if msg.startswith(known + ": "):
            return known
    return msg


def _message(record: logging.LogRecord) -> str:
    """The record as Pelican would print it, for warnings we have no words of our own for."""
    try:
        text = record.getMessage()
    except (TypeError, ValueError):
        text = str(record.msg)
    return " ".join(text.split())


def _frame_locals(error: BaseException | None, function: str, module: str) -> dict | None:
    """The local variables of `module.function` where `error` was raised through it, if it was."""
    traceback = error.__traceback__ if error else None
    found = None
    while traceback is not None:
        code = traceback.tb_frame.f_code
        if code.co_name == function and traceback.tb_frame.f_globals.get("__name__") == module:
            found = traceback.tb_frame.f_locals
        traceback = traceback.tb_next
    return found


def _could_not_process(record: logging.LogRecord, source: Path | None, content: Path) -> Problem:
    """A file Pelican could not read: say why, in the editor's words where we know the cause."""
    file = display_path(source, content) if source else "content"
    error = record.exc_info[1] if record.exc_info else None
    # A date Pelican cannot read: its reader's process_metadata(name, value) called
    # utils.get_date(string), which raised. Both frames hold the facts as data.
    date = _frame_locals(error, "get_date", "pelican.utils")
    if date is not None:
        value = str(date.get("string", ""))
        metadata = _frame_locals(error, "process_metadata", "pelican.readers") or {}
        key = str(metadata.get("name") or "date")
        line = find_field_line(source, key) if source else None
        field = key.capitalize()
        if source and line:
            field = (
                source.read_text(encoding="utf-8").splitlines()[line - 1].split(":", 1)[0].strip() or field
            )
        return Problem(
            file=file,
            field=field,
            line=line,
            what=f"The date '{value}' in '{field}:' is not a date the site understands.",
            fix=f"Write the date as year-month-day, for example '{field}: 2025-03-14', or remove the line.",
        )
    return Problem(
        file=file,
        line=None,
        what=f"This file could not be read: {error or 'Pelican gave no reason'}.",
        fix="Look at the details at the top of the file (each line 'Name: value', then one blank "
        "line before the text); if you cannot see the mistake, undo your last change to this file.",
    )


def _same_address(record: logging.LogRecord, content: Path, slugs: dict[str, str]) -> Problem:
    """Two pages with one slug: Pelican would write one over the other.

    The arguments are the count, the "with slug ..." text (and the language), then
    one source path per page; the slug is the pages' own, as the build recorded it.
    """
    first_path = 3 if template(record) == SAME_LANG else 2
    paths = [Path(str(a)) for a in record.args[first_path:]]
    shown = [display_path(p, content) for p in paths]
    slug = next((slugs[str(p)] for p in paths if str(p) in slugs), "?")
    return Problem(
        file=shown[0] if shown else "content",
        field="Slug",
        what=f"These pages have the same web address (Slug: {slug}): " + ", ".join(shown) + ".",
        fix="Give each page its own 'Slug:' line (the name in its web address), or remove the copy "
        "you do not need.",
    )


def translate(
    records: list[logging.LogRecord], content: Path, slugs: dict[str, str] | None = None
) -> LogTranslation:
    """Turn captured Pelican log records into problems (see `LogTranslation`).

    Each record is recognised by its message template and read from its arguments;
    `slugs` maps source paths to the slugs of the pages the build read.
    """
    result = LogTranslation()
    for record in records:
        problem = getattr(record, "problem", None)
        if isinstance(problem, Problem):
            # Our plugins' own: a Problem already, that stops the build or (a note) does not.
            (result.notices if getattr(record, "notice", False) else result.problems).append(problem)
            continue
        source = _source_of(record, content)
        file = display_path(source, content) if source else None
        args = record.args if isinstance(record.args, tuple) else ()
        kind = template(record)
        if kind == MISSING_FIELD:
            prop = str(args[1])
            what, fix = FIELD_HELP.get(
                prop,
                (
                    f"The page has no '{prop.capitalize()}:' line, which every page needs.",
                    f"Add a line '{prop.capitalize()}: ...' to the details at the top of the file.",
                ),
            )
            result.problems.append(
                Problem(file=file or "content", field=prop.capitalize(), what=what, fix=fix)
            )
        elif kind == COULD_NOT_PROCESS:
            result.problems.append(_could_not_process(record, source, content))
        elif kind == LINK_NOT_FOUND:
            target = str(args[0])
            result.link_problems.append(
                (
                    target,
                    Problem(
                        file=file or "content",
                        what=f"A link or picture points to '{target}', which is not a file of the site.",
                        fix="Find this link in your pages and correct the file name after "
                        "{filename} or {static}.",
                    ),
                )
            )
        elif kind == EMPTY_ALT:
            target = str(args[0])
            result.alt_problems.append(
                Problem(
                    file=file or "content",
                    line=find_line(source, target) if source else None,
                    what=f"The picture '{target}' has no description (alt text).",
                    fix="Write a short description of the picture between the square brackets: "
                    f"![what the picture shows]({target}).",
                )
            )
        elif kind in SOURCE_LISTS:
            result.problems.append(_same_address(record, content, slugs or {}))
        elif kind == NO_ATTRIBUTE and args and args[0] == "order":
            result.problems.append(
                Problem(
                    file=file or "content",
                    field="Order",
                    what="The page has no 'Order:' line, which sets its place in the menu.",
                    fix="Add a line such as 'Order: 7' to the details at the top of the file; the menu "
                    "lists pages from the lowest number to the highest.",
                )
            )
        else:
            where = file or "the site's build"
            result.problems.append(
                Problem(
                    file=where,
                    what=f"Pelican, the program that builds the site, reported: {_message(record)}",
                    fix="Look at the part of this file the message names and correct it; if you cannot "
                    "see the mistake, undo your last change and build again.",
                )
            )
    return result


def failed_sources(records: list[logging.LogRecord], content: Path) -> set[Path]:
    """Content files Pelican gave up on (reported on their own, so links to them are not)."""
    failed = set()
    for record in records:
        if template(record) in (MISSING_FIELD, COULD_NOT_PROCESS):
            source = _source_of(record, content)
            if source:
                failed.add(source.resolve())
    return failed
