"""The nginx configuration snippet: the security headers, the cache policy, compression, 404 page.

nginx has no file it reads from the site's folder, so the snippet is not part of
the uploaded site: `make nginx-config` prints it, to paste into the site's
`server { ... }` block (after `root /path/to/the/site;`). It needs nginx's
`gzip_static` (built into Debian's nginx) and `brotli_static` (Debian's
libnginx-mod-http-brotli-static; without it, delete that one line).

nginx's `add_header` in a `location` replaces every `add_header` from the
`server` level, so each location repeats the full list of headers; `always`
sends them with error pages too.
"""

from __future__ import annotations


def _quote(value: str) -> str:
    """A header value as an nginx quoted string (the settings check keeps out `$`, `"` and `\\`)."""
    return f'"{value}"'


def _headers(security: list[tuple[str, str]], cache: str) -> list[str]:
    return [
        # A folder without index.html is a 404 (our page), never a listing.
        "    try_files $uri $uri/index.html =404;",
        *(f"    add_header {name} {_quote(value)} always;" for name, value in security),
        f"    add_header Cache-Control {_quote(cache)} always;",
    ]


def render(
    security: list[tuple[str, str]], static_dir: str, theme_cache: str, page_cache: str, comment: str
) -> str:
    """The text of the snippet for the headers `security` and the two cache policies."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    lines += [
        "index index.html;",
        "autoindex off;",
        "error_page 404 /404.html;",
        "# Compressed copies made at build time (file.br, file.gz), with Vary: Accept-Encoding.",
        "gzip_static on;",
        "gzip_vary on;",
        "brotli_static on;",
        "",
        "# Files for other hosts, and hidden files, are never served.",
        r"location ~ (^|/)(\.|_headers$) {",
        "    return 404;",
        "}",
        "# The theme's hashed files are kept for a year.",
        f"location ^~ /{static_dir}/ {{",
        *_headers(security, theme_cache),
        "}",
        "# Pages are checked again on every visit.",
        "location / {",
        *_headers(security, page_cache),
        "}",
    ]
    return "\n".join(lines) + "\n"
