"""Security headers: write `output/_headers` from the SECURITY_HEADERS setting.

Hosts such as Netlify and Cloudflare Pages read `_headers` and send its headers
with every response. The Content-Security-Policy header is the site's one
CONTENT_SECURITY_POLICY setting (the same text every page carries in its
`<meta http-equiv>`), plus the directives that browsers honour only in a real
header, such as `frame-ancestors`. The README shows the same headers for nginx
and Apache.

Settings (pelicanconf.py):

    SECURITY_HEADERS = {
        "path": "/*",                                  # which URLs get the headers
        "csp_header_only": ["frame-ancestors 'none'"],  # added to the CSP in the header only
        "permissions_off": ["camera", ...],            # Permissions-Policy: camera=(), ...
        "headers": {"Referrer-Policy": "no-referrer", ...},
    }
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from ..problems import ContentProblems, Problem
from .headers_file import parse, render

__all__ = ["build_headers", "parse", "render", "register"]

log = logging.getLogger(__name__)

SETTINGS_FILE = "pelicanconf.py"
FILENAME = "_headers"
# Sources that would undo what a strict policy is for.
FORBIDDEN_CSP_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")


def _problem(field: str, what: str, fix: str) -> Problem:
    return Problem(file=SETTINGS_FILE, field=field, what=what, fix=fix)


def validate(settings: dict) -> list[Problem]:
    """Every problem with SECURITY_HEADERS and CONTENT_SECURITY_POLICY, in plain words."""
    problems = []
    csp = settings.get("CONTENT_SECURITY_POLICY")
    if not isinstance(csp, str) or not csp.strip():
        problems.append(
            _problem(
                "CONTENT_SECURITY_POLICY",
                "The setting CONTENT_SECURITY_POLICY is missing or empty.",
                "Restore it from the project's history: every page and the _headers file need it.",
            )
        )
    else:
        for source in FORBIDDEN_CSP_SOURCES:
            if source in csp:
                problems.append(
                    _problem(
                        "CONTENT_SECURITY_POLICY",
                        f"CONTENT_SECURITY_POLICY allows {source}, which switches off its protection.",
                        f"Remove {source}; move inline code or styles into files in theme/static/.",
                    )
                )
    config = settings.get("SECURITY_HEADERS")
    if not isinstance(config, dict):
        problems.append(
            _problem(
                "SECURITY_HEADERS",
                "The setting SECURITY_HEADERS is missing or is not a dictionary ({...}).",
                "Restore it from the project's history.",
            )
        )
        return problems
    path = config.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        problems.append(
            _problem(
                "SECURITY_HEADERS",
                'SECURITY_HEADERS["path"] must be a URL path starting with "/".',
                'Write "path": "/*" to send the headers with every page.',
            )
        )
    for key in ("csp_header_only", "permissions_off"):
        value = config.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(
                _problem(
                    "SECURITY_HEADERS",
                    f'SECURITY_HEADERS["{key}"] must be a list of words in quotes.',
                    f'Write it like "{key}": ["first", "second"].',
                )
            )
    headers = config.get("headers")
    if not isinstance(headers, dict) or not all(
        isinstance(k, str)
        and k.strip()
        and ":" not in k
        and isinstance(v, str)
        and v.strip()
        and "\n" not in v
        for k, v in headers.items()
    ):
        problems.append(
            _problem(
                "SECURITY_HEADERS",
                'SECURITY_HEADERS["headers"] must map each header name to a one-line value.',
                'Write it like "headers": {"Referrer-Policy": "no-referrer"}.',
            )
        )
    elif {"content-security-policy", "permissions-policy"} & {k.lower() for k in headers}:
        problems.append(
            _problem(
                "SECURITY_HEADERS",
                'SECURITY_HEADERS["headers"] repeats Content-Security-Policy or Permissions-Policy.',
                "Remove it there: the CSP comes from CONTENT_SECURITY_POLICY and "
                'Permissions-Policy from "permissions_off".',
            )
        )
    return problems


def header_csp(settings: dict) -> str:
    """The Content-Security-Policy header: the page policy plus the header-only directives."""
    directives = [d.strip() for d in settings["CONTENT_SECURITY_POLICY"].split(";") if d.strip()]
    directives += settings["SECURITY_HEADERS"]["csp_header_only"]
    return "; ".join(directives)


def build_headers(settings: dict) -> dict[str, list[tuple[str, str]]]:
    """The blocks of the `_headers` file, made from the settings (which must be valid)."""
    config = settings["SECURITY_HEADERS"]
    permissions = ", ".join(f"{feature}=()" for feature in config["permissions_off"])
    headers = [
        ("Content-Security-Policy", header_csp(settings)),
        ("Permissions-Policy", permissions),
        *config["headers"].items(),
    ]
    return {config["path"]: headers}


def check_settings(pelican) -> None:
    """Stop the build before anything is written if the settings are wrong."""
    problems = validate(pelican.settings)
    if problems:
        raise ContentProblems(problems)


def write_headers_file(pelican) -> None:
    """Write `_headers` into the output folder once the site is built."""
    target = Path(pelican.output_path) / FILENAME
    comment = (
        "Security headers for every page, generated by plugins/practice_site/security_headers from\n"
        "SECURITY_HEADERS and CONTENT_SECURITY_POLICY in pelicanconf.py. Do not edit."
    )
    target.write_text(render(build_headers(pelican.settings), comment), encoding="utf-8")
    log.info("security_headers: wrote %s", target)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.finalized.connect(write_headers_file)
