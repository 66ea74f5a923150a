"""Say plainly, before an upload, which protections a host cannot give (`make github`, `make s3_upload`).

GitHub Pages and Amazon S3 (without a CDN in front) send no headers of our
choosing: neither `_headers` nor `.htaccess` means anything to them. The page's
own `<meta>` Content-Security-Policy still applies; everything else in
SECURITY_HEADERS, and the long caching of the theme's files, does not.

Usage: python -m tools.host_limits github|s3
"""

from __future__ import annotations

import sys

HOSTS = {
    "github": "GitHub Pages",
    "s3": "Amazon S3",
}

LOST = (
    "the security headers (frame-ancestors, so the site can be put inside another site's frame; "
    "Permissions-Policy; Referrer-Policy and the others in SECURITY_HEADERS)",
    "the year-long caching of the theme's files (visitors' browsers ask for them again)",
)
KEPT = "Each page's own Content-Security-Policy (in its <meta> tag) still protects it."


def message(host: str) -> str:
    """The warning for `host` (a key of HOSTS)."""
    lines = [f"Note: {HOSTS[host]} cannot send the headers this site asks for, so visitors lose:"]
    lines += [f"  - {item}" for item in LOST]
    if host == "s3":
        lines.append("  - compression: the .br and .gz copies are left out of the upload")
    lines += [
        KEPT,
        "For the full protection, use Netlify, Cloudflare Pages, Apache or nginx: see",
        '"Choosing a host" in README.md.',
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in HOSTS:
        print(f"Usage: python -m tools.host_limits {'|'.join(HOSTS)}", file=sys.stderr)
        return 2
    print(message(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
