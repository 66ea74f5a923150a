"""Safe publishing: a failed build leaves output/ untouched; uploads only follow a good build."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from support import (
    append,
    content_copy,
    edit,
    make,
    ready_content,
    snapshot,
)


@pytest.fixture
def broken_content(tmp_path):
    content = content_copy(tmp_path)
    edit(content / "pages" / "costs.md", "Title: Costs\n", "")
    return content


@pytest.fixture
def old_site(tmp_path) -> Path:
    """An output folder from an earlier publish, with a file the new build would not make."""
    output = tmp_path / "output"
    (output / "theme").mkdir(parents=True)
    (output / "index.html").write_text("<p>the previous site</p>", encoding="utf-8")
    (output / "theme" / "old.css").write_bytes(b"body{}\n")
    (output / "stray.txt").write_bytes(b"\x00\x01 bytes")
    return output


def test_failed_publish_leaves_output_byte_for_byte_unchanged(broken_content, old_site):
    before = snapshot(old_site)
    result = make("publish", f"INPUTDIR={broken_content}", f"OUTPUTDIR={old_site}")
    assert result.returncode != 0
    assert "content/pages/costs.md: The page has no title" in result.stderr
    assert "Nothing was changed" in result.stderr and "exactly as it was before" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(old_site) == before
    # No half-built folder is left beside it either.
    assert sorted(p.name for p in old_site.parent.iterdir()) == ["content", "output"]


def test_successful_publish_replaces_output(tmp_path, old_site):
    content = content_copy(tmp_path)
    result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={old_site}")
    assert result.returncode == 0, result.stderr
    assert not (old_site / "stray.txt").exists()
    assert not (old_site / "theme" / "old.css").exists()
    assert "previous site" not in (old_site / "index.html").read_text(encoding="utf-8")
    assert (old_site / "costs.html").is_file()
    # The new folder has ordinary permissions (not the private ones of a temporary folder).
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(old_site.stat().st_mode) == 0o777 & ~umask
    assert sorted(p.name for p in old_site.parent.iterdir()) == ["content", "output"]


def test_check_builds_and_checks_without_touching_output(tmp_path, old_site):
    content = content_copy(tmp_path)
    before = snapshot(old_site)
    good = make("check", f"INPUTDIR={content}", f"OUTPUTDIR={old_site}")
    assert good.returncode == 0, good.stderr
    assert "All checks passed" in good.stdout
    append(content / "pages" / "home.md", "[x](nowhere.html)")
    bad = make("check", f"INPUTDIR={content}", f"OUTPUTDIR={old_site}")
    assert bad.returncode != 0
    assert "The link to 'nowhere.html' goes to a page that does not exist" in bad.stderr
    assert snapshot(old_site) == before


def fake_tools(tmp_path: Path) -> tuple[Path, Path]:
    """Stand-ins for rsync, aws and ghp-import that record their arguments instead of uploading."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    log = tmp_path / "uploads.log"
    for name in ("rsync", "aws", "ghp-import"):
        tool = bin_dir / name
        tool.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n', encoding="utf-8")
        tool.chmod(0o755)
    return bin_dir, log


UPLOADS = {
    "rsync_upload": ["SSH_HOST=host.invalid", "SSH_USER=me", "SSH_TARGET_DIR=/srv/site"],
    "s3_upload": ["S3_BUCKET=bucket"],
    "github": [],
}


@pytest.mark.parametrize("target", sorted(UPLOADS))
def test_upload_refuses_when_the_build_fails(target, tmp_path, broken_content, old_site):
    bin_dir, log = fake_tools(tmp_path)
    before = snapshot(old_site)
    result = make(
        target,
        f"INPUTDIR={broken_content}",
        f"OUTPUTDIR={old_site}",
        f"GHP_IMPORT={bin_dir / 'ghp-import'}",
        *UPLOADS[target],
        env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )
    assert result.returncode != 0
    assert "nothing was uploaded" in result.stderr
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert snapshot(old_site) == before


@pytest.mark.parametrize("target", sorted(UPLOADS))
def test_upload_refuses_when_the_build_fails_on_a_ready_site(target, tmp_path, old_site):
    """Past the go-live gate, a failed build still stops the upload."""
    bin_dir, log = fake_tools(tmp_path)
    content = ready_content(tmp_path)
    edit(content / "pages" / "costs.md", "Title: Costs\n", "")
    before = snapshot(old_site)
    result = make(
        target,
        f"INPUTDIR={content}",
        f"OUTPUTDIR={old_site}",
        f"GHP_IMPORT={bin_dir / 'ghp-import'}",
        *UPLOADS[target],
        env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "SITEURL": ""},
    )
    assert result.returncode != 0
    assert "content/pages/costs.md: The page has no title" in result.stderr
    assert "nothing was uploaded" in result.stderr
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert snapshot(old_site) == before


@pytest.mark.parametrize("target", sorted(UPLOADS))
def test_upload_runs_after_a_good_build(target, tmp_path, old_site):
    bin_dir, log = fake_tools(tmp_path)
    # A site ready to go live: every placeholder replaced, every assumption confirmed.
    content = ready_content(tmp_path)
    result = make(
        target,
        f"INPUTDIR={content}",
        f"OUTPUTDIR={old_site}",
        f"GHP_IMPORT={bin_dir / 'ghp-import'}",
        *UPLOADS[target],
        env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "SITEURL": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ready to go live" in result.stdout
    uploaded = log.read_text(encoding="utf-8")
    assert str(old_site) in uploaded
    if target == "github":
        assert "-b gh-pages" in uploaded and " -p" in uploaded
    assert (old_site / "costs.html").is_file()
