"""How long browsers may keep each file: the one cache policy every host configuration says.

With hashed asset names (plugins/practice_site/asset_hashing), a theme file's
name changes whenever its content does, so browsers may keep it for a year
without asking again (`immutable`). Everything else (the pages, the sitemap,
robots.txt) is `no-cache`: the browser keeps a copy but asks each time, so an
edit is seen at once. Without hashing (the live preview) everything is
`no-cache`, or an edited style sheet would not show.
"""

from __future__ import annotations

from pathlib import Path

HASHED_ASSETS = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Files the hosts read but never serve; they get no rule of their own.
HOST_FILES = {"_headers", ".htaccess"}


def theme_policy(hashed: bool) -> str:
    """The Cache-Control value for the theme's files."""
    return HASHED_ASSETS if hashed else REVALIDATE


def page_paths(output: Path, static_dir: str) -> list[str]:
    """Every URL path of the built site outside the theme folder, as visitors may ask for it.

    A page `faq.html` is also asked for as `/faq` (Netlify and Cloudflare Pages serve
    pages without `.html`), and `index.html` as its folder (`/`). Compressed copies
    (`.br`, `.gz`) are not addresses of their own.
    """
    paths: set[str] = set()
    for path in output.rglob("*"):
        relative = path.relative_to(output)
        if (
            not path.is_file()
            or relative.parts[0] == static_dir
            or relative.name in HOST_FILES
            or relative.suffix in (".br", ".gz", ".zst")
        ):
            continue
        url = "/" + relative.as_posix()
        paths.add(url)
        if url.endswith("/index.html"):
            paths.add(url.removesuffix("index.html"))
        elif url.endswith(".html"):
            paths.add(url.removesuffix(".html"))
    return sorted(paths)
