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

from ..html_tools import make_safe
from ..problems import Problem, warn

logger = logging.getLogger(__name__)


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
    removed: list[str] = field(default_factory=list)  # unsafe elements taken out of the answer

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


def read_faq_files(readers, settings: dict, folder_name: str, context: dict) -> list[FaqFile]:
    """Read every FAQ file with Pelican's readers (`generator.readers`), in file-name order."""
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
    markdown_extensions = set(markdown_readers)
    paths, ignored = faq_files(folder, markdown_extensions)
    for path in ignored:
        warn(
            logger,
            Problem(
                file=editor_path(content_root, path),
                what="This file is not a Markdown (.md) file, so it is not part of the FAQ.",
                fix="Rename it to end in .md if it is a question, or move it out of the FAQ folder.",
            ),
        )
    read = []
    for path in paths:
        page = readers.read_file(
            base_path=content_root,
            path=os.path.relpath(path, content_root),
            content_class=Page,
            context=context,
        )
        page._content, removed = make_safe(page._content)
        source = editor_path(content_root, path)
        if removed:
            # Not a build-stopping problem: hostile or pasted markup must still build to a
            # safe page (the hostile-content case), so it is removed and noted.
            logger.info(
                "%s: removed %s from the answer: the site does not run code from its pages.",
                source,
                ", ".join(removed),
            )
        read.append(
            FaqFile(
                source=source,
                path=path,
                page=page,
                keys=_keys_read(markdown_readers[path.suffix.lstrip(".").lower()], path),
                removed=removed,
            )
        )
    logger.debug("Read %s FAQ files", len(read))
    return read
