"""The shared Markdown reader (plugins/practice_site/markdown_reader.py) reads exactly as Pelican's own."""

from __future__ import annotations

import copy

import pytest
from conftest import ROOT, load_settings
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from practice_site.markdown_reader import SharedMarkdownReader

SOURCES = sorted((ROOT / "content").rglob("*.md"))


@pytest.fixture(scope="module")
def settings() -> dict:
    return read_settings(str(ROOT / "publishconf.py"))


def test_every_content_file_reads_the_same_as_with_pelicans_reader(settings):
    """One converter for all files, reset between them, gives each file's own HTML and metadata."""
    shared = SharedMarkdownReader(copy.deepcopy(settings))
    for source in SOURCES:
        expected = MarkdownReader(copy.deepcopy(settings)).read(str(source))
        assert shared.read(str(source)) == expected, source


def test_the_keys_as_written_are_recorded(settings, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Title: A page\nOder: 3\n\nText.\n", encoding="utf-8")
    reader = SharedMarkdownReader(copy.deepcopy(settings))
    reader.read(str(page))
    assert reader.keys_read == {"title", "oder"}


def test_the_site_reads_markdown_with_the_shared_reader():
    assert "practice_site.markdown_reader" in load_settings()["PLUGINS"]
