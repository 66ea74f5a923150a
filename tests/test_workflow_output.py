"""The site folder: the therapist's own files at its root (content/extra/), a publish that never
leaves output/ missing, a killed build that leaves nothing behind, and an output/ that is a link."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, SITEURL, build_site
from support import content_copy, failed_build, make

EXTRA = {
    "CNAME": b"www.smith-jones-counseling.com\n",
    ".well-known/security.txt": b"Contact: mailto:security@smith-jones-counseling.com\n"
    b"Expires: 2030-01-01T00:00:00Z\n",
    "google0123456789abcdef.html": b"google-site-verification: google0123456789abcdef.html",
}


def with_extra(tmp_path: Path) -> Path:
    content = content_copy(tmp_path)
    for name, data in EXTRA.items():
        path = content / "extra" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return content


def test_extra_files_are_copied_to_the_site_root_as_they_are(tmp_path):
    content = with_extra(tmp_path)
    output = tmp_path / "output"
    for _ in range(2):  # a second publish keeps them too
        result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}")
        assert result.returncode == 0, result.stderr
        for name, data in EXTRA.items():
            assert (output / name).read_bytes() == data, name
    assert not (output / "extra").exists()


def test_an_extra_file_may_not_replace_one_the_site_makes(tmp_path):
    content = with_extra(tmp_path)
    (content / "extra" / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    (content / "extra" / "_headers").write_text("/*\n  X-Test: 1\n", encoding="utf-8")
    message = failed_build(content, tmp_path)
    assert "content/extra/robots.txt: The site already makes a file called robots.txt" in message
    assert "content/extra/_headers: The site already makes a file called _headers" in message


def build_command(content: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "tools.build", "--settings", str(ROOT / "publishconf.py")] + [
        "--content",
        str(content),
        "--output",
        str(output),
    ]


def test_output_is_never_missing_during_a_publish(tmp_path):
    content = content_copy(tmp_path)
    output = tmp_path / "output"
    assert build_site(output, content=content).returncode == 0
    (output / "stray.txt").write_text("from an older site", encoding="utf-8")
    inode = output.stat().st_ino
    missing: list[float] = []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            if not output.is_dir() or not (output / "index.html").is_file():
                missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(3):
            assert build_site(output, content=content).returncode == 0
    finally:
        stop.set()
        watcher.join()
    assert not missing, f"output/ or its home page was missing {len(missing)} times"
    # The folder itself was never replaced: it is the same folder, updated in place.
    assert output.stat().st_ino == inode
    assert not (output / "stray.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_a_symbolic_link_output_keeps_pointing_at_its_folder(tmp_path):
    content = content_copy(tmp_path)
    real = tmp_path / "elsewhere" / "site"
    real.mkdir(parents=True)
    (real / "stray.txt").write_text("old", encoding="utf-8")
    output = tmp_path / "output"
    output.symlink_to(real, target_is_directory=True)
    result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}")
    assert result.returncode == 0, result.stderr
    assert output.is_symlink() and output.resolve() == real.resolve()
    assert (real / "costs.html").is_file() and not (real / "stray.txt").exists()
    # Nothing is left beside the link or beside its folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "elsewhere", "output"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["site"]


def start_and_wait_for_the_build_folder(content: Path, output: Path) -> subprocess.Popen:
    """Start a build; return once its temporary folder exists beside `output`."""
    env = {**os.environ, "SITEURL": SITEURL}
    process = subprocess.Popen(build_command(content, output), cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(output.parent.glob(f".{output.name}.building-*")):
        assert process.poll() is None, "the build ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    return process


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "kill"])
def test_a_killed_build_leaves_no_temporary_folder_behind(how, tmp_path):
    content = content_copy(tmp_path)
    output = tmp_path / "output"
    assert build_site(output, content=content).returncode == 0
    before = sorted(p.name for p in output.iterdir())
    process = start_and_wait_for_the_build_folder(content, output)
    process.send_signal(how)
    process.wait(timeout=30)
    leftovers = list(tmp_path.glob(".output.building-*"))
    if how == signal.SIGTERM:
        assert not leftovers  # stopped politely, it cleans up at once
    else:
        assert leftovers  # killed outright, it cannot: the next build must
    assert build_site(output, content=content).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]
    assert sorted(p.name for p in output.iterdir()) == before
