"""One Markdown converter for every Markdown file of a build, instead of one per file.

Pelican's own Markdown reader builds a new `Markdown` object, with every
extension and pattern, for each file it reads; for a small file that costs more
than converting it. This plugin gives Pelican (`READERS`) the same reader with
one converter, reset between files, so pages and FAQ entries are read exactly
as before, only faster. It also records the metadata keys each file had as
written (`keys_read`), which the FAQ's checks use.
"""

from __future__ import annotations

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# The priority Python-Markdown's `meta` extension registers its preprocessor with.
META_PRIORITY = 27


class SharedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, but with one Markdown converter, reset between files.

    Pelican takes the `meta` preprocessor out after reading a file's metadata
    (so that it is not applied to formatted fields); it is put back before the
    next file.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Made at the first read: Pelican makes a reader for every extension of every
        # generator, and most of them never read a file.
        self._md = None
        self._meta = None
        self.keys_read: frozenset[str] = frozenset()

    def read(self, source_path):
        self._source_path = source_path
        if self._md is None:
            self._md = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._md.preprocessors["meta"]
        else:
            self._md.reset()
        if "meta" not in self._md.preprocessors:
            self._md.preprocessors.register(self._meta, "meta", META_PRIORITY)
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        meta = getattr(self._md, "Meta", {})
        # The keys as the file has them (in small letters), before Pelican adds its own.
        self.keys_read = frozenset(meta)
        return content, self._parse_metadata(meta)


def use_shared_reader(pelican) -> None:
    """Read every Markdown extension Pelican knows with the shared reader, unless the settings chose one."""
    readers = dict(pelican.settings.get("READERS") or {})
    for extension in MarkdownReader.file_extensions:
        readers.setdefault(extension, SharedMarkdownReader)
    pelican.settings["READERS"] = readers


def register() -> None:
    signals.initialized.connect(use_shared_reader)
