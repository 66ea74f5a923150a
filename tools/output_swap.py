"""Put a finished build in place of the site folder without the folder ever being missing.

A build goes into a temporary folder beside the site folder (`.output.building-PID-…`)
and only a build that succeeded is moved in. Moving in is a sync, not a rename
of the whole folder: each file is moved into place with `os.replace` (which
replaces a file in one step), then files the new build no longer has are
removed. So:

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
    keep: set[Path] = set()
    for folder, dirs, files in os.walk(build):
        relative = Path(folder).relative_to(build)
        place = target / relative
        if relative != Path("."):
            keep.add(relative)
            if (place.exists() or place.is_symlink()) and (place.is_symlink() or not place.is_dir()):
                _remove(place)
            place.mkdir(exist_ok=True)
        for name in files:
            keep.add(relative / name)
            destination = place / name
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            os.replace(Path(folder) / name, destination)
        dirs.sort()
    for folder, dirs, files in os.walk(target, topdown=False):
        relative = Path(folder).relative_to(target)
        for name in [*files, *dirs]:
            if relative / name not in keep:
                _remove(Path(folder) / name)
    shutil.rmtree(build, ignore_errors=True)
