"""The therapist's own files at the site root: content/extra/ is copied into the built site as is.

Some hosts and services need a file at the site's root: `CNAME` for GitHub
Pages, `.well-known/security.txt`, a search console's verification file. The
therapist puts them in content/extra/ (sub-folders kept, names starting with a
dot included); every build copies them, unchanged, after Pelican has written
the site. A file the site itself makes (a page, `robots.txt`, `_headers`)
cannot be replaced this way: that is reported, naming the file.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pelican import signals

from .problems import ContentProblems, Problem

logger = logging.getLogger(__name__)

EXTRA_FOLDER = "extra"
# Files operating systems leave in folders by themselves: never the therapist's.
SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# Files other plugins write at the same moment (Pelican's `finalized` signal, in
# no set order), so they may not exist yet when this plugin looks.
WRITTEN_BY_PLUGINS = {"_headers", "sitemap.xml"}


def extra_files(content: Path) -> list[Path]:
    """Every file in content/extra/, relative to it, in a stable order."""
    folder = content / EXTRA_FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and path.name not in SYSTEM_FILES
    )


def copy_extra_files(content: Path, output: Path) -> None:
    """Copy content/extra/ into the site root; stop the build if a file would replace one of the site's."""
    clashes = [
        name
        for name in extra_files(content)
        if (output / name).exists() or name.as_posix() in WRITTEN_BY_PLUGINS
    ]
    if clashes:
        raise ContentProblems(
            [
                Problem(
                    file=f"{content.name}/{EXTRA_FOLDER}/{name.as_posix()}",
                    what=f"The site already makes a file called {name.as_posix()}, so this one cannot be "
                    "copied there.",
                    fix="Rename this file or remove it from the extra folder (the site's own pages are "
                    "made from content/pages/).",
                )
                for name in clashes
            ]
        )
    for name in extra_files(content):
        destination = output / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(content / EXTRA_FOLDER / name, destination)
        logger.debug("Copied %s from %s to the site root", name, EXTRA_FOLDER)


def on_finalized(pelican) -> None:
    copy_extra_files(Path(pelican.settings["PATH"]), Path(pelican.settings["OUTPUT_PATH"]))


def register() -> None:
    """Pelican's entry point for the plugin."""
    signals.finalized.connect(on_finalized)
