"""plugins/practice_site/precompression: the .br and .gz copies, and the cache that spares recompressing."""

from __future__ import annotations

import errno
import gzip
import os
import time

import brotli
from conftest import build_site, write_settings
from practice_site.precompression import CACHE_DAYS, compress_site


def sample_site(folder):
    folder.mkdir()
    (folder / "page.html").write_text("<p>" + "calm words, " * 200 + "</p>", encoding="utf-8")
    (folder / "tiny.css").write_text("a{}", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG" + bytes(200))
    return folder


def test_copies_decode_to_the_file_and_only_for_the_chosen_kinds(tmp_path):
    site = sample_site(tmp_path / "site")
    written = compress_site(site, [".html", ".css"])
    page = (site / "page.html").read_bytes()
    assert brotli.decompress((site / "page.html.br").read_bytes()) == page
    assert gzip.decompress((site / "page.html.gz").read_bytes()) == page
    assert not (site / "picture.png.br").exists(), "only the chosen kinds"
    assert not (site / "tiny.css.br").exists(), "a copy that is not smaller is left out"
    assert written == 2


def test_a_second_build_takes_the_copies_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first = sample_site(tmp_path / "first")
    compress_site(first, [".html"], str(cache))
    entries = sorted(p.name for p in cache.iterdir())
    assert len(entries) == 2
    # A cached copy is used as it is: mark it, and the next build's copy is the marked one.
    brotli_entry = next(p for p in cache.iterdir() if p.name.endswith(".br"))
    marked = brotli.compress((first / "page.html").read_bytes(), quality=1)
    brotli_entry.write_bytes(marked)
    second = sample_site(tmp_path / "second")
    compress_site(second, [".html"], str(cache))
    assert (second / "page.html.br").read_bytes() == marked
    assert sorted(p.name for p in cache.iterdir()) == entries


def test_a_wrong_setting_stops_the_build_with_a_plain_message(tmp_path):
    settings = write_settings(tmp_path / "brokenconf.py", "PRECOMPRESSION = {'suffixes': 'html'}")
    result = build_site(tmp_path / "out", settings=str(settings))
    assert result.returncode == 1
    assert "PRECOMPRESSION" in result.stderr and "Traceback" not in result.stderr


def test_the_cache_keeps_copies_in_use_and_forgets_old_ones(tmp_path):
    cache = tmp_path / "cache"
    compress_site(sample_site(tmp_path / "first"), [".html"], str(cache))
    long_ago = time.time() - (CACHE_DAYS + 1) * 86400
    for entry in cache.iterdir():
        os.utime(entry, (long_ago, long_ago))
    # Used again: dated today, so kept.
    compress_site(sample_site(tmp_path / "second"), [".html"], str(cache))
    assert len(list(cache.iterdir())) == 2
    assert all(entry.stat().st_mtime > time.time() - 3600 for entry in cache.iterdir())
    # Not used for longer than CACHE_DAYS: removed by the next build.
    for entry in cache.iterdir():
        os.utime(entry, (long_ago, long_ago))
    (tmp_path / "other").mkdir()
    compress_site(tmp_path / "other", [".html"], str(cache))
    assert list(cache.iterdir()) == []


def test_a_cached_copy_is_linked_into_the_site_or_copied_where_links_fail(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    compress_site(sample_site(tmp_path / "first"), [".html"], str(cache))
    second = sample_site(tmp_path / "second")
    compress_site(second, [".html"], str(cache))
    entry = next(p for p in cache.iterdir() if p.name.endswith(".br"))
    assert (second / "page.html.br").stat().st_ino == entry.stat().st_ino

    def no_links(*_):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    third = sample_site(tmp_path / "third")
    assert compress_site(third, [".html"], str(cache)) == 2
    assert (third / "page.html.br").stat().st_ino != entry.stat().st_ino
    assert brotli.decompress((third / "page.html.br").read_bytes()) == (third / "page.html").read_bytes()
