"""The `.htaccess` file for Apache: the security headers, the cache policy, compression, 404 page.

Apache reads `.htaccess` from the site's folder when the host allows it
(`AllowOverride All`, as shared hosting does). It needs mod_headers (every
shared host has it; without it Apache answers every request with an error
rather than quietly dropping the protection). The other parts are wrapped in
`<IfModule>` so that a host without them still serves the site:

- mod_rewrite serves `page.html.br` or `page.html.gz`, made at build time, to a
  browser that accepts that encoding; mod_mime labels it with the encoding
  while the type still comes from `.html`; `Vary: Accept-Encoding` tells caches
  that the answer depends on that request header;
- no folder listing (`Options -Indexes`), and our 404 page for unknown
  addresses; `_headers` (for other hosts) is answered with 404 too.
"""

from __future__ import annotations

FILENAME = ".htaccess"

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def _quote(value: str) -> str:
    """A header value as an Apache quoted argument; `%` is doubled (Apache reads `%t` as a time)."""
    return '"' + value.replace("%", "%%") + '"'


def render(
    security: list[tuple[str, str]], static_dir: str, theme_cache: str, page_cache: str, comment: str
) -> str:
    """The text of `.htaccess` for the headers `security` and the two cache policies."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    lines += [
        "",
        "# No folder listings; our page for unknown addresses.",
        "Options -Indexes",
        "DirectoryIndex index.html",
        "ErrorDocument 404 /404.html",
        "RedirectMatch 404 (^|/)(_headers|\\.ht[^/]*)$",
        "",
        "# Security headers, on every answer (also errors and redirects).",
        *(f"Header always set {name} {_quote(value)}" for name, value in security),
        "",
        "# Pages are checked again on every visit; the theme's hashed files are kept for a year.",
        f"Header always set Cache-Control {_quote(page_cache)}",
        f'<If "%{{REQUEST_URI}} =~ m#^/{static_dir}/#">',
        f"  Header always set Cache-Control {_quote(theme_cache)}",
        "</If>",
        "",
        "# Compressed copies made at build time: file.br or file.gz when the browser takes it.",
        "<IfModule mod_rewrite.c>",
        "  RewriteEngine On",
        "  # A folder without a page answers with our 404 page, never a listing.",
        "  RewriteCond %{REQUEST_FILENAME} -d",
        "  RewriteCond %{REQUEST_FILENAME}/index.html !-f",
        "  RewriteRule ^ - [R=404,L]",
    ]
    for encoding, suffix in ENCODINGS:
        lines += [
            rf"  RewriteCond %{{HTTP:Accept-Encoding}} \b{encoding}\b",
            f"  RewriteCond %{{REQUEST_FILENAME}}{suffix} -f",
            f"  RewriteRule ^(.+)$ $1{suffix} [L]",
            f"  RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b",
            rf"  RewriteCond %{{REQUEST_FILENAME}}index.html{suffix} -f",
            f"  RewriteRule ^(.*/)?$ $1index.html{suffix} [L]",
        ]
    lines += [
        "</IfModule>",
        "<IfModule mod_mime.c>",
        # The type comes from the name before .br/.gz; these say how it is encoded.
        "  RemoveType .br .gz",
        "  AddEncoding br .br",
        "  AddEncoding gzip .gz",
        "</IfModule>",
        # Apache's own compression must not compress a compressed copy again.
        '<FilesMatch "\\.(br|gz)$">',
        "  <IfModule mod_env.c>",
        "    SetEnv no-gzip 1",
        "    SetEnv no-brotli 1",
        "  </IfModule>",
        "</FilesMatch>",
        "Header merge Vary Accept-Encoding",
    ]
    return "\n".join(lines) + "\n"
