"""How each kind of practice detail is checked, and what counts as a placeholder.

Each checker takes a value read from practice.toml and returns what is wrong
with it in plain words, or None when it is right. The placeholder test is the
go-live check's: a value that is clearly not yet the practice's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from .schema import SESSION_KINDS

# A host name: letters, digits and hyphens in dot-separated labels, with a dot.
HOST_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s\"<>(),;:]+@([^@\s]+)$")
# Domains reserved for examples and testing (RFC 2606 and 6761).
PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net")
PLACEHOLDER_SUFFIXES = (".example", ".test", ".invalid", ".localhost")
BRACKETED = re.compile(r"\[[^\]]*\]")
MAX_TEXT = 300


def _text(value) -> str | None:
    if not isinstance(value, str):
        return f"{value!r} is not text."
    if not value.strip():
        return "it is empty."
    if "\n" in value or "\r" in value:
        return "it runs over more than one line."
    if len(value) > MAX_TEXT:
        return f"it is {len(value)} characters long; at most {MAX_TEXT} fit."
    return None


def phone_digits(value: str) -> str:
    """The 10 digits of a US telephone number (a leading 1 dropped)."""
    digits = "".join(c for c in value if c.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _phone(value) -> str | None:
    problem = _text(value)
    if problem:
        return problem
    if re.search(r"[^0-9 ()+.\-]", value):
        return f"'{value}' has characters a telephone number does not have."
    if len(phone_digits(value)) != 10:
        return f"'{value}' does not have the 10 digits of a US telephone number."
    return None


def _email(value) -> str | None:
    problem = _text(value)
    if problem:
        return problem
    match = EMAIL.match(value)
    if not match or not HOST_NAME.match(match.group(1)):
        return f"'{value}' is not an e-mail address."
    return None


def _https_url(value, *, address_only: bool = False) -> str | None:
    problem = _text(value)
    if problem:
        return problem
    parts = urlsplit(value)
    if parts.scheme != "https":
        return f"'{value}' does not start with https://."
    if not parts.hostname or not HOST_NAME.match(parts.hostname) or parts.username or parts.port:
        return f"'{value}' has no proper domain name after https://."
    if address_only and (parts.path.strip("/") or parts.query or parts.fragment):
        return f"'{value}' has more than the domain: nothing may follow it (not even a page name)."
    return None


def _site_url(value) -> str | None:
    return _https_url(value, address_only=True)


def _bool(value) -> str | None:
    return None if isinstance(value, bool) else f"{value!r} is neither true nor false."


def _session_kinds(value) -> str | None:
    if not isinstance(value, list):
        return f"{value!r} is not a list."
    unknown = [kind for kind in value if kind not in SESSION_KINDS]
    if unknown:
        return f"{unknown[0]!r} is not a kind of session."
    return None


def _table(value) -> str | None:
    return None if isinstance(value, dict) else f"{value!r} is not a table of values."


KINDS: dict[str, Callable] = {
    "text": _text,
    "phone": _phone,
    "email": _email,
    "https_url": _https_url,
    "site_url": _site_url,
    "bool": _bool,
    "session_kinds": _session_kinds,
    "table": _table,
}


def _placeholder_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS) or host.endswith(
        PLACEHOLDER_SUFFIXES
    )


def placeholder_reason(value) -> str | None:
    """Why `value` is clearly a placeholder (in plain words), or None when it may be real."""
    if not isinstance(value, str):
        return None
    if BRACKETED.search(value):
        return "it is still a placeholder in [square brackets]"
    digits = phone_digits(value)
    fictional = digits.startswith("555") or (digits[3:6] == "555" and digits[6:8] == "01")
    if len(digits) == 10 and fictional and not re.search(r"[a-z@]", value, re.IGNORECASE):
        return "numbers with 555 like this one are reserved for examples"
    host = None
    if "@" in value:
        host = value.rsplit("@", 1)[1]
    elif "://" in value:
        host = urlsplit(value).hostname or ""
    if host is not None and _placeholder_host(host):
        return f"{host} is an example domain, not yours"
    return None
