"""Reading: every file in the FAQ folder, read through Pelican's own configured Markdown reader.

Reading through Pelican (not a Markdown instance of our own) means the site's
MARKDOWN settings and every extension in them (the price placeholders among
them) apply to FAQ answers exactly as they do to pages.

Each file is read once, by Pelican's reader for Markdown (with the site's
plugins, `practice_site.markdown_reader`: one converter for every file), which
also records the keys at the top of the file; the lines as the editor typed them
(`Oder: 3` on line 2) are read again only when a problem needs to point at one.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE
from pelican.contents import Page
from pelican.readers import MarkdownReader

from ..problems import ContentProblems, Problem, note, warn
from . import answers

logger = logging.getLogger(__name__)


class FaqAnswer(Page):
    """A FAQ file's content: links and pictures in it are written exactly as on a page.

    Pelican reads `{filename}process.md` and `{static}images/x.png` relative to the
    folder of the file that holds them; an answer's file is in content/faq/, but it
    is shown on a page, so its links are read from the pages' folder (the first of
    PAGE_PATHS), as the README teaches for pages.
    """

    @property
    def relative_dir(self) -> str:
        page_paths = self.settings.get("PAGE_PATHS") or [""]
        return page_paths[0].strip("/")


@dataclass(frozen=True)
class HeaderLine:
    """One `Key: value` line at the top of a FAQ file, as the editor typed it."""

    key: str
    value: str
    line: int


@dataclass
class FaqFile:
    """One FAQ file as read, before it is checked."""

    source: str  # the path the editor knows, e.g. "content/faq/side-effects.md"
    path: Path
    page: Page  # Pelican's content object: answer HTML and metadata
    keys: frozenset[str]  # the keys at the top of the file, in small letters ("title", "oder")
    removed: list[str] = field(default_factory=list)  # unsafe markup taken out of the answer
    problems: list[Problem] = field(default_factory=list)  # what the answer holds that cannot be published

    @functools.cached_property
    def header(self) -> list[HeaderLine]:
        """The lines at the top as typed, with their numbers: read only when a problem needs them."""
        return read_header(self.path.read_text(encoding="utf-8"))


def editor_path(content_root: str, path: Path) -> str:
    """The file's path as the editor sees it, starting with the content folder's name."""
    root = Path(content_root)
    return (Path(root.name) / path.relative_to(root)).as_posix()


def read_header(text: str) -> list[HeaderLine]:
    """The metadata lines at the top of a Markdown file, with their line numbers.

    Uses Python-Markdown's own patterns for its `meta` extension (which Pelican
    uses), so we see exactly the keys Pelican sees, but also where they are.
    """
    lines = text.splitlines()
    header: list[HeaderLine] = []
    start = 1 if lines and BEGIN_RE.match(lines[0]) else 0
    for number, line in enumerate(lines[start:], start + 1):
        if not line.strip() or (start and END_RE.match(line)):
            break
        meta = META_RE.match(line)
        if meta:
            header.append(HeaderLine(meta.group("key"), meta.group("value").strip(), number))
        elif header and META_MORE_RE.match(line):
            continue  # a continuation of the previous value
        else:
            break  # the answer starts here: no metadata block after all
    return header


def faq_files(folder: Path, extensions: set[str]) -> tuple[list[Path], list[Path]]:
    """The FAQ files in `folder` (sorted) and any other files there that are not read."""
    wanted, ignored = [], []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        (wanted if path.suffix.lstrip(".").lower() in extensions else ignored).append(path)
    return wanted, ignored


def _keys_read(reader, path: Path) -> frozenset[str]:
    """The keys at the top of the file the reader has just read, in small letters.

    The shared Markdown reader (`practice_site.markdown_reader`) records them as it
    reads; with another reader the file's lines are read (Pelican's metadata also
    holds keys it adds itself, so it cannot tell).
    """
    keys = getattr(reader, "keys_read", None)
    if keys is not None:
        return keys
    return frozenset(h.key.lower() for h in read_header(path.read_text(encoding="utf-8")))


def _tell_editor(source: str, removed) -> None:
    """A note (not a stop) naming the file and what the sanitiser took out of its answer."""
    if removed.unsafe:
        # Hostile or pasted markup must still build to a safe page, so it is removed and noted.
        note(
            logger,
            Problem(
                file=source,
                what=f"removed {', '.join(removed.unsafe)} from the answer: the site never runs code or "
                "loads things from its pages. The rest of the answer is published.",
                fix="Delete these from the file to silence this note.",
            ),
        )
    if removed.formatting:
        note(
            logger,
            Problem(
                file=source,
                what=f"took out formatting pasted from another program ({', '.join(removed.formatting)}); "
                "the words are kept and the site's own styles apply.",
                fix="Delete these from the file to silence this note.",
            ),
        )


def read_faq_files(
    readers, settings: dict, folder_name: str, context: dict, question_level: int = 2
) -> list[FaqFile]:
    """Read every FAQ file with Pelican's readers (`generator.readers`), in file-name order.

    Each answer is prepared for the FAQ page (`answers.prepare`: sanitised, headings
    under the question of level `question_level`, ids unique on the page).
    """
    content_root = settings["PATH"]
    folder = Path(content_root) / folder_name
    if not folder.is_dir():
        warn(
            logger,
            Problem(
                file=editor_path(content_root, folder),
                what="There is no FAQ folder, so the FAQ has no questions.",
                fix='Make the folder and put one Markdown file per question in it (make faq Q="...").',
            ),
        )
        return []
    markdown_readers = {
        ext: reader for ext, reader in readers.readers.items() if isinstance(reader, MarkdownReader)
    }
    paths, ignored = faq_files(folder, set(markdown_readers))
    for path in ignored:
        warn(
            logger,
            Problem(
                file=editor_path(content_root, path),
                what="This file is not a Markdown (.md) file, so it is not part of the FAQ.",
                fix="Rename it to end in .md if it is a question, or move it out of the FAQ folder.",
            ),
        )
    pages, unreadable = [], []
    for path in paths:
        try:
            page = readers.read_file(
                base_path=content_root,
                path=os.path.relpath(path, content_root),
                content_class=FaqAnswer,
                context=context,
            )
        except UnicodeDecodeError:
            unreadable.append(path)  # every such file is listed, then the build stops
            continue
        pages.append((path, page, _keys_read(markdown_readers[path.suffix.lstrip(".").lower()], path)))
    if unreadable:
        raise ContentProblems(
            [
                Problem(
                    file=editor_path(content_root, path),
                    what="This question's file is not saved as UTF-8 text, so it cannot be read.",
                    fix="Open it in a text editor and save it again as 'UTF-8' (the 'Save as' or "
                    "'Encoding' menu).",
                )
                for path in unreadable
            ]
        )
    # With topics, each topic is a heading and the questions sit one level below it
    # (a draft's topic does not count: the draft is not shown).
    if any(
        str(page.metadata.get("topic", "")).strip()
        and str(page.metadata.get("status", "")).lower() != "draft"
        for _, page, _ in pages
    ):
        question_level += 1
    read = []
    for path, page, keys in pages:
        source = editor_path(content_root, path)
        prepared = answers.prepare(
            page._content or "", str(getattr(page, "slug", "") or "answer"), question_level, source, path
        )
        page._content = prepared.html
        _tell_editor(source, prepared.removed)
        read.append(
            FaqFile(
                source=source,
                path=path,
                page=page,
                keys=keys,
                removed=prepared.removed.unsafe,
                problems=prepared.problems,
            )
        )
    logger.debug("Read %s FAQ files", len(read))
    return read
