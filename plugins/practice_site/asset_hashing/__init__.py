"""Content hashes in the theme's file names, so browsers can keep them for a year.

After Pelican has written the site, every file the theme brings (styles, scripts,
the icon, and whatever else is in theme/static/) is renamed to carry a short
hash of its content (`css/site.css` becomes `css/site.3f2a1c9e07.css`), and
every reference to it in the built pages, styles, scripts, the sitemap and the
other text files is rewritten to the new name. A changed file gets a new name,
so the hosts can tell browsers to keep the old one forever (see
security_headers/caching.py) and a visitor's second page view loads nothing but
the page.

It works on whatever is in the theme's static folder, not on a list of names,
so renaming or adding a theme file needs no change here. Files that other files
refer to (pictures, fonts) are hashed first, then styles, then scripts, and each
is hashed after its own references were rewritten: a new icon gives the style
sheet that names it a new name too. A theme file names another by its path from
the site's root (`url(/theme/img/mark.svg)`); a relative path inside a style
sheet (`url(../img/mark.svg)`) is not rewritten (today's styles name no file).

Before hashing, the live build minifies the styles and scripts (minify.py), so
the hash names the bytes visitors download.

Settings: ASSET_HASHING = True and ASSET_MINIFY = True (publishconf.py) switch
them on. The live preview (pelicanconf.py) leaves both off, so edited files keep
their names and read as written.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from pelican import signals

from .minify import minify_assets

__all__ = ["hash_assets", "hashed_name", "unhashed_name", "register", "HASH_LENGTH"]

log = logging.getLogger(__name__)

# Ten hex digits (40 bits): collisions between two versions of one file are not a concern.
HASH_LENGTH = 10
# Files whose text may name a theme file, and so are rewritten.
TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".webmanifest"}
# Theme files are hashed in this order: what others refer to first (see the module docstring).
REFERRER_ORDER = {".css": 1, ".js": 2, ".mjs": 2}
# Copies made by precompression are never hashed themselves.
COMPRESSED_SUFFIXES = {".br", ".gz", ".zst"}
HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.[^.]+$")
HASH_IN_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}(\.[^./]+)$")


def hashed_name(name: str, content: bytes) -> str:
    """`name` with a hash of `content` before its suffix: `site.css` -> `site.3f2a1c9e07.css`."""
    digest = hashlib.blake2b(content, digest_size=HASH_LENGTH // 2).hexdigest()
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot and stem else f"{name}.{digest}"


def unhashed_name(name: str) -> str:
    """A file name or URL without its hash: `/css/site.3f2a1c9e07.css` -> `/css/site.css`."""
    return HASH_IN_NAME.sub(r"\1", name)


def _reference_pattern(names: list[str]) -> re.Pattern:
    """Matches any of the URL paths in `names` as a whole path, not as part of a longer one."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])({alternatives})(?![\w.-])")


def _rewrite(path: Path, pattern: re.Pattern, renames: dict[str, str], needle: str = "") -> None:
    """Replace every reference in the text file `path` by the file's new name.

    A file without `needle` in it is left alone without running the pattern.
    """
    # surrogateescape: a file that is not UTF-8 passes through byte for byte.
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    if needle not in text:
        return
    new = pattern.sub(lambda m: renames[m.group(1)], text)
    if new != text:
        path.write_text(new, encoding="utf-8", errors="surrogateescape")


def hash_assets(output: Path, static_dir: str) -> dict[str, str]:
    """Hash every file under `output/static_dir` and rewrite the references; return {old: new} paths."""
    root = output / static_dir
    if not root.is_dir():
        return {}
    files = [
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in COMPRESSED_SUFFIXES and not HASHED_NAME.search(p.name)
    ]
    files.sort(key=lambda p: (REFERRER_ORDER.get(p.suffix, 0), p.as_posix()))
    renames: dict[str, str] = {}
    for path in files:
        if renames and path.suffix in REFERRER_ORDER:
            _rewrite(path, _reference_pattern(list(renames)), renames)
        new_path = path.with_name(hashed_name(path.name, path.read_bytes()))
        path.rename(new_path)
        renames[path.relative_to(output).as_posix()] = new_path.relative_to(output).as_posix()
    if renames:
        pattern = _reference_pattern(list(renames))
        needle = static_dir + "/"
        for path in output.rglob("*"):
            if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_relative_to(root):
                _rewrite(path, pattern, renames, needle)
    return renames


def hash_site_assets(pelican) -> None:
    """Pelican's `finalized` signal: minify, then hash, the theme's files in the finished site.

    One receiver for both, so that the minified files are the ones hashed (blinker
    calls a signal's receivers in no set order).
    """
    if pelican.settings.get("ASSET_MINIFY"):
        sizes = minify_assets(Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"])
        log.info(
            "asset_hashing: minified %s styles and scripts, %s -> %s characters",
            len(sizes),
            sum(before for before, _after in sizes.values()),
            sum(after for _before, after in sizes.values()),
        )
    if not pelican.settings.get("ASSET_HASHING"):
        return
    renames = hash_assets(Path(pelican.output_path), pelican.settings["THEME_STATIC_DIR"])
    log.info("asset_hashing: renamed %s theme files", len(renames))


def register() -> None:
    signals.finalized.connect(hash_site_assets)
