"""Validation: every mistake in the FAQ files, found at once and described in plain words."""

from __future__ import annotations

import re
import unicodedata

from ..html_tools import text_of
from ..problems import Problem
from .collection import FaqEntry, sort_key
from .reading import FaqFile

# The metadata a FAQ file may have, as the editor writes it.
KNOWN_KEYS = {
    "title": "Title",
    "slug": "Slug",
    "order": "Order",
    "status": "Status",
    "topic": "Topic",
    "aliases": "Aliases",
}
STATUSES = ("published", "draft")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WHOLE_NUMBER_RE = re.compile(r"^[+-]?\d+$")

EXAMPLE_HEADER = "Title: Is ketamine addictive?"


# Curly and other typographic quotes, read as the straight ones people type.
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
                        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})  # fmt: skip
# Quotes around a whole value, as YAML-style headers (`title: "…"`) from other site generators have them.
PAIRED_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»"}


def unquote(value: str) -> str:
    """`value` without one pair of quotes around all of it (`"Is it safe?"` is `Is it safe?`)."""
    value = value.strip()
    if len(value) >= 2 and PAIRED_QUOTES.get(value[0]) == value[-1]:
        return value[1:-1].strip()
    return value


def question_key(question: str) -> str:
    """Questions that differ only in case, spacing, straight or curly quotes or the final mark are one."""
    text = unicodedata.normalize("NFKC", question).translate(QUOTES).casefold()
    return " ".join(text.split()).rstrip("?!.;: ")


def _line(file: FaqFile, key: str) -> int | None:
    return next((h.line for h in file.header if h.key.lower() == key), None)


def _unknown_keys(file: FaqFile) -> list[Problem]:
    if file.keys <= KNOWN_KEYS.keys():
        return []  # the common case: no need to look at the lines as typed
    problems = []
    for header in file.header:
        if header.key.lower() in KNOWN_KEYS:
            continue
        import difflib  # here, not at the top: only a mistake needs it (~1 ms a build)

        close = difflib.get_close_matches(header.key.lower(), list(KNOWN_KEYS), n=1, cutoff=0.6)
        hint = f'Did you mean "{KNOWN_KEYS[close[0]]}:"? ' if close else ""
        problems.append(
            Problem(
                file=file.source,
                field=header.key,
                line=header.line,
                what=f'"{header.key}:" is not something a FAQ file can set.',
                fix=f"{hint}A FAQ file may start with these lines: {', '.join(KNOWN_KEYS.values())}.",
            )
        )
    return problems


def _check_file(file: FaqFile) -> tuple[dict, list[Problem]]:
    """Problems in one file alone, and its values as far as they could be read."""
    problems = _unknown_keys(file) + file.problems
    page = file.page
    metadata = page.metadata

    question = unquote(" ".join(str(metadata.get("title", "")).split()))
    if not question:
        problems.append(
            Problem(
                file=file.source,
                field="Title",
                line=_line(file, "title"),
                what='The question (the "Title:" line) is missing.',
                fix=f'Put the question on the first line after "Title:", for example "{EXAMPLE_HEADER}".',
            )
        )

    answer_text = text_of(page._content or "").strip()
    # An answer whose only content was refused (a picture from another site) is not empty:
    # that problem is reported on its own, and one message says what to do.
    if not answer_text and not file.problems:
        problems.append(
            Problem(
                file=file.source,
                field="answer",
                what="The answer (the text below the lines at the top) is empty.",
                fix="Write the answer below the lines at the top, after one empty line.",
            )
        )

    order = None
    if "order" in metadata:
        raw = str(metadata["order"]).strip()
        if WHOLE_NUMBER_RE.match(raw):
            order = int(raw)
        else:
            problems.append(
                Problem(
                    file=file.source,
                    field="Order",
                    line=_line(file, "order"),
                    what=f'"Order: {raw}" is not a whole number.',
                    fix='Write a whole number such as "Order: 3", or remove the line to list the question '
                    "after the numbered ones, in alphabetical order.",
                )
            )

    slug = str(getattr(page, "slug", "") or "")
    if "slug" in metadata and not SLUG_RE.match(slug):
        problems.append(
            Problem(
                file=file.source,
                field="Slug",
                line=_line(file, "slug"),
                what=f'The link name "Slug: {slug}" may only use small letters, digits and single hyphens.',
                fix='Write it like "Slug: is-ketamine-addictive", or remove the line to make it from the '
                "question.",
            )
        )

    # Old link names of a question (after two were merged), so that old links still lead to it.
    aliases = [a.strip() for a in str(metadata.get("aliases", "")).split(",") if a.strip()]
    for alias in aliases:
        if not SLUG_RE.match(alias):
            problems.append(
                Problem(
                    file=file.source,
                    field="Aliases",
                    line=_line(file, "aliases"),
                    what=f'The old link name "{alias}" in "Aliases:" may only use small letters, digits '
                    "and single hyphens.",
                    fix='Write old link names like "Aliases: why-is-it-hard-to-describe", '
                    "separated by commas.",
                )
            )

    status = str(metadata.get("status", "published")).strip().lower()
    if status not in STATUSES:
        problems.append(
            Problem(
                file=file.source,
                field="Status",
                line=_line(file, "status"),
                what=f'"Status: {metadata.get("status")}" is not known.',
                fix='Write "Status: draft" to hide the question for now, or remove the line to show it.',
            )
        )

    topic = unquote(" ".join(str(metadata.get("topic", "")).split()))

    # The values go on to the collection-wide checks even when this file has problems,
    # so that a duplicate is reported in the same run as everything else.
    values = {"question": question, "slug": slug, "order": order, "draft": status == "draft", "topic": topic}
    return {**values, "aliases": tuple(aliases)}, problems


def validate(files: list[FaqFile]) -> tuple[list[FaqEntry], list[Problem]]:
    """Check every FAQ file and the collection as a whole; return the entries in order and all problems."""
    problems: list[Problem] = []
    entries: list[FaqEntry] = []
    questions: dict[str, FaqFile] = {}
    slugs: dict[str, FaqFile] = {}
    for file in files:
        values, file_problems = _check_file(file)
        problems.extend(file_problems)
        # Drafts still take part in the duplicate checks, so publishing one never breaks the build.
        first = questions.setdefault(question_key(values["question"]), file) if values["question"] else file
        if first is not file:
            problems.append(
                Problem(
                    file=file.source,
                    field="Title",
                    line=_line(file, "title"),
                    what=f'The question (the "Title:" line) "{values["question"]}" '
                    f"is also asked in {first.source}.",
                    fix="Keep the question in one file only: remove or reword one of the two.",
                )
            )
            continue
        first = slugs.setdefault(values["slug"], file) if values["slug"] else file
        taken = [(a, slugs.setdefault(a, file)) for a in values["aliases"]]
        for alias, owner in taken:
            if owner is not file:
                problems.append(
                    Problem(
                        file=file.source,
                        field="Aliases",
                        line=_line(file, "aliases"),
                        what=f'The old link name "{alias}" in "Aliases:" is also the link name of '
                        f"{owner.source}.",
                        fix="Remove it from the Aliases line: a link name can lead to one question only.",
                    )
                )
        if first is not file:
            problems.append(
                Problem(
                    file=file.source,
                    field="Slug",
                    line=_line(file, "slug") or _line(file, "title"),
                    what='The link name (the "Slug:", made from the question when there is none) '
                    f'"{values["slug"]}" is also used by {first.source}, '
                    "so a link to it could not tell the two questions apart.",
                    fix='Give one of the two files its own line such as "Slug: a-different-name".',
                )
            )
            continue
        if not file_problems and not values["draft"]:
            entries.append(
                FaqEntry(
                    question=values["question"],
                    slug=values["slug"],
                    order=values["order"],
                    topic=values["topic"],
                    aliases=values["aliases"],
                    source=file.source,
                    page=file.page,
                )
            )
    return sorted(entries, key=sort_key), problems


def check_faq_pages(faq_pages: list, template: str, editor_path) -> list[Problem]:
    """Only one page may show the whole FAQ: search engines want one FAQPage per site."""
    if len(faq_pages) <= 1:
        return []
    first, *others = faq_pages
    return [
        Problem(
            file=editor_path(page),
            field="Template",
            what=f'This page also says "Template: {template}", but only one page can show the whole FAQ '
            f"(the first is {editor_path(first)}).",
            fix="Remove the Template line from this page; to show one question here, write a paragraph "
            "that is just {faq:the-question-slug}.",
        )
        for page in others
    ]
