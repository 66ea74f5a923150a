"""tools/output_swap.py: the site folder ends up holding exactly the new build, and files whose
bytes did not change stay as they were (same file, same date)."""

from __future__ import annotations

import os
from pathlib import Path

from tools.output_swap import publish_build


def write(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


OLD_DATE = 1_000_000_000  # 2001: a date no new build has


def test_the_folder_holds_exactly_the_new_build(tmp_path):
    site = write(
        tmp_path / "site",
        {"index.html": b"old home", "same.html": b"same", "gone.html": b"x", "old/page.html": b"y"},
    )
    new = {"index.html": b"new home", "same.html": b"same", "theme/site.css": b"a{}", "added.html": b"z"}
    build = write(tmp_path / "build", new)
    publish_build(build, site)
    assert contents(site) == new
    assert not (site / "old").exists()
    assert not build.exists()


def test_an_unchanged_file_is_left_in_place_and_a_changed_one_replaced(tmp_path):
    site = write(tmp_path / "site", {"same.html": b"same words", "changed.html": b"old words"})
    for path in site.iterdir():
        os.utime(path, (OLD_DATE, OLD_DATE))
    same_inode = (site / "same.html").stat().st_ino
    build = write(tmp_path / "build", {"same.html": b"same words", "changed.html": b"new words"})
    publish_build(build, site)
    assert (site / "same.html").stat().st_ino == same_inode
    assert (site / "same.html").stat().st_mtime == OLD_DATE
    assert (site / "changed.html").read_bytes() == b"new words"
    assert (site / "changed.html").stat().st_mtime != OLD_DATE


def test_same_size_files_are_compared_to_the_last_byte(tmp_path):
    big = b"a" * (3 << 20)  # longer than one piece of the comparison
    site = write(tmp_path / "site", {"big.pdf": big})
    build = write(tmp_path / "build", {"big.pdf": big[:-1] + b"b"})
    publish_build(build, site)
    assert (site / "big.pdf").read_bytes() == big[:-1] + b"b"


def test_same_bytes_with_other_permissions_are_replaced(tmp_path):
    site = write(tmp_path / "site", {"page.html": b"words"})
    (site / "page.html").chmod(0o600)
    build = write(tmp_path / "build", {"page.html": b"words"})
    (build / "page.html").chmod(0o644)
    publish_build(build, site)
    assert (site / "page.html").stat().st_mode & 0o777 == 0o644


def test_files_folders_and_links_swap_places(tmp_path):
    elsewhere = write(tmp_path / "elsewhere", {"page.html": b"words"})
    site = write(tmp_path / "site", {"was-a-file": b"x", "was-a-folder/page.html": b"words"})
    (site / "was-a-link").symlink_to(elsewhere / "page.html")
    (site / "folder-link").symlink_to(elsewhere, target_is_directory=True)
    build = write(
        tmp_path / "build",
        {
            "was-a-file/page.html": b"words",
            "was-a-folder": b"words",
            "was-a-link": b"words",
            "folder-link/page.html": b"new words",
        },
    )
    publish_build(build, site)
    assert contents(site) == {
        "was-a-file/page.html": b"words",
        "was-a-folder": b"words",
        "was-a-link": b"words",
        "folder-link/page.html": b"new words",
    }
    assert not (site / "was-a-link").is_symlink() and not (site / "folder-link").is_symlink()
    assert (elsewhere / "page.html").read_bytes() == b"words", "a link's target is never written to"


def test_a_file_linked_into_both_builds_stays(tmp_path):
    shared = write(tmp_path / "cache", {"entry.br": b"compressed"}) / "entry.br"
    site, build = tmp_path / "site", tmp_path / "build"
    site.mkdir()
    build.mkdir()
    os.link(shared, site / "page.html.br")
    os.link(shared, build / "page.html.br")
    publish_build(build, site)
    assert (site / "page.html.br").stat().st_ino == shared.stat().st_ino
    assert shared.read_bytes() == b"compressed"
