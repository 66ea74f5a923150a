"""`make nginx-config`: print the nginx snippet for the site, made from the same settings as `_headers`.

nginx reads no file from the site's folder, so this snippet is never uploaded:
paste it into the site's `server { ... }` block, after `root /path/to/the/site;`.

Usage: python -m tools.nginx_config [--settings publishconf.py]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys

from tools.problems import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "publishconf.py"))
    args = parser.parse_args(argv)
    from pelican.settings import read_settings
    from practice_site.security_headers import nginx_snippet, validate

    with contextlib.redirect_stdout(io.StringIO()):
        settings = read_settings(args.settings)
    problems = validate(settings)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    sys.stdout.write(nginx_snippet(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
