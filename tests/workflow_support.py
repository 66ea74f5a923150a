"""Helpers for the workflow tests: broken copies of the content, and the real make targets."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, SITEURL, build_site


def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content/ folder, named `content` like the real one."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in `path`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The line number (from 1) where `needle` first appears in `path`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def failed_build(content: Path, tmp_path: Path, settings: str = "publishconf.py") -> str:
    """Build `content`; assert the build failed without a traceback; return what it printed."""
    result = build_site(tmp_path / "out", content=content, settings=settings)
    printed = result.stdout + result.stderr
    assert result.returncode != 0, printed
    assert "Traceback" not in printed
    assert "The site was NOT built" in result.stderr
    return result.stderr


def make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a real make target in the project folder."""
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env={**os.environ, "SITEURL": SITEURL, **(env or {})},
        capture_output=True,
        text=True,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, and every folder (as b'<dir>')."""
    return {
        p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }
