"""Put a finished build in place of the site folder without the folder ever being missing.

A build goes into a temporary folder beside the site folder (`.output.building-PID-…`)
and only a build that succeeded is moved in. Moving in is a sync, not a rename
of the whole folder: each file is moved into place with `os.replace` (which
replaces a file in one step), then files the new build no longer has are
removed. A file whose bytes (and permissions) are the same as the one already
in place is left as it is: a rebuild changes few files, so most need no move at
all (replacing an existing file makes ext4 write the new one out first, which
was the swap's main cost on a busy disk), and unchanged files keep their dates,
which upload tools that compare dates skip. So:

- the site folder exists all the time (a rename of the old folder out of the
  way, then the new one in, would leave a moment with no folder at all);
- a site folder that is a symbolic link keeps being that link: the folder it
  points to is updated, and the build is made beside that folder so the moves
  stay on one disk;
- a build killed before it finished (the power went, `kill -9`) leaves its
  temporary folder behind; the next build removes every such folder whose
  process is no longer running.

A build killed in the middle of the sync leaves a site folder holding part of
each build; the next `make publish` puts it right.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

BUILDING = ".{name}.building-"
_STALE = re.compile(r"^\.(?P<name>.+)\.(building|old)-(?P<pid>\d+)-")


def clean_up_when_killed() -> None:
    """Make `kill` (SIGTERM) end the build like Ctrl+C does: through `finally`, which removes its folder."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def site_folder(output: Path) -> Path:
    """The real folder behind `output`: the target when `output` is a symbolic link."""
    return output.resolve() if output.is_symlink() else output.absolute()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale_builds(folder: Path) -> list[Path]:
    """Remove the temporary folders of builds that were killed before they finished."""
    removed = []
    if not folder.parent.is_dir():
        return removed
    for candidate in folder.parent.iterdir():
        match = _STALE.match(candidate.name)
        if match and match["name"] == folder.name and not _running(int(match["pid"])):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def fresh_build_folder(output: Path) -> Path:
    """An empty folder for the next build, beside the real site folder (so moves stay on one disk)."""
    folder = site_folder(output)
    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(folder)
    prefix = BUILDING.format(name=folder.name) + f"{os.getpid()}-"
    build = Path(tempfile.mkdtemp(prefix=prefix, dir=folder.parent))
    # mkdtemp makes a private folder; the site folder should have the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    build.chmod(0o777 & ~umask)
    return build


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


# Files are compared in pieces of this size, so that a large file never fills the memory.
_CHUNK = 1 << 20


def _unchanged(new: os.DirEntry, old: os.DirEntry) -> bool:
    """Whether the file in place (`old`) already holds exactly the new file's bytes and permissions."""
    if not old.is_file(follow_symlinks=False):
        return False
    new_stat, old_stat = new.stat(follow_symlinks=False), old.stat(follow_symlinks=False)
    if (new_stat.st_dev, new_stat.st_ino) == (old_stat.st_dev, old_stat.st_ino):
        return True  # one file twice (a compressed copy linked from the cache both times)
    if (new_stat.st_size, new_stat.st_mode) != (old_stat.st_size, old_stat.st_mode):
        return False
    try:
        with open(new.path, "rb") as new_file, open(old.path, "rb") as old_file:
            while True:
                new_bytes = new_file.read(_CHUNK)
                if new_bytes != old_file.read(_CHUNK):
                    return False
                if not new_bytes:
                    return True
    except OSError:
        return False  # unreadable: replace it


def _sync(new_folder: str, old_folder: str, stale: list[Path]) -> None:
    """Move every new file into `old_folder` (keeping unchanged ones); note what only the old one has."""
    with os.scandir(old_folder) as entries:
        old = {entry.name: entry for entry in entries}
    with os.scandir(new_folder) as entries:
        new = sorted(entries, key=lambda entry: entry.name)
    for entry in new:
        here = old.pop(entry.name, None)
        destination = os.path.join(old_folder, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if here is not None and not here.is_dir(follow_symlinks=False):
                _remove(Path(destination))  # a file or a link where the folder should be
                here = None
            if here is None:
                os.mkdir(destination)
            _sync(entry.path, destination, stale)
        elif here is not None and here.is_dir(follow_symlinks=False):
            shutil.rmtree(destination)
            os.replace(entry.path, destination)
        elif here is None or not _unchanged(entry, here):
            os.replace(entry.path, destination)
    stale.extend(Path(old_folder, name) for name in sorted(old))


def publish_build(build: Path, output: Path) -> None:
    """Make the site folder hold exactly what `build` holds; `build` is used up."""
    target = site_folder(output)
    if not target.exists() and not target.is_symlink():
        build.rename(target)  # nothing to keep: one step
        return
    if not target.is_dir():
        _remove(target)  # a file where the folder should be
        build.rename(target)
        return
    stale: list[Path] = []
    _sync(str(build), str(target), stale)
    # Only once every new file is in place: what the new build no longer has.
    for path in stale:
        _remove(path)
    shutil.rmtree(build, ignore_errors=True)
