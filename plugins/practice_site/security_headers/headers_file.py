"""The `_headers` file format that Netlify and Cloudflare Pages read: write it and read it back.

A block starts with a URL path pattern at the start of a line (`/*` matches every
path); the header lines under it are indented and written `Name: value`. Lines
starting with `#` are comments. Both the build (which writes the file) and the
test server (which sends what the file says) use this one module, so the two
cannot drift apart.
"""

from __future__ import annotations

import re


class HeadersFileError(ValueError):
    """The `_headers` text is not in the format the hosts read."""


def render(blocks: dict[str, list[tuple[str, str]]], comment: str = "") -> str:
    """The text of a `_headers` file: one block per path pattern, headers indented under it."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    for pattern, headers in blocks.items():
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers)
    return "\n".join(lines) + "\n"


def parse(text: str) -> dict[str, list[tuple[str, str]]]:
    """The blocks of a `_headers` file, in order: {path pattern: [(name, value), ...]}."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            current = blocks.setdefault(raw.strip(), [])
            continue
        name, colon, value = raw.strip().partition(":")
        if current is None or not colon or not name.strip():
            raise HeadersFileError(f"line {number} is not an indented 'Name: value' under a path: {raw!r}")
        current.append((name.strip(), value.strip()))
    return blocks


def pattern_matches(pattern: str, path: str) -> bool:
    """Whether a URL path matches a block's pattern (`*` matches anything, as the hosts do)."""
    regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern))
    return re.fullmatch(regex, path) is not None


def headers_for_path(blocks: dict[str, list[tuple[str, str]]], path: str) -> list[tuple[str, str]]:
    """Every header the host sends for `path`: those of each matching block, in file order."""
    return [
        header for pattern, headers in blocks.items() if pattern_matches(pattern, path) for header in headers
    ]
