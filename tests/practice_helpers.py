"""Helpers for tests that change content/practice.toml: read the real file, write a changed copy."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

from conftest import ROOT

PRACTICE_FILE = ROOT / "content" / "practice.toml"


def site_tables() -> dict:
    """The real practice.toml, read fresh: {"practice": {...}, "pricing": {...}}."""
    return tomllib.loads(PRACTICE_FILE.read_text(encoding="utf-8"))


def toml_value(value) -> str:
    """`value` written as TOML (JSON's strings, numbers, booleans and arrays are TOML too)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value)


def toml_text(tables: dict) -> str:
    """A practice.toml with `tables` (each table's sub-tables written as their own parts)."""
    lines = []
    for table, values in tables.items():
        nested = {k: v for k, v in values.items() if isinstance(v, dict) and table == "practice"}
        lines.append(f"[{table}]")
        lines += [f"{key} = {toml_value(value)}" for key, value in values.items() if key not in nested]
        for key, value in nested.items():
            lines.append(f"[{table}.{key}]")
            lines += [f"{sub} = {toml_value(item)}" for sub, item in value.items()]
    return "\n".join(lines) + "\n"


def content_with(tmp_path: Path, tables: dict | None = None, *, text: str | None = None) -> Path:
    """A copy of the real content folder whose practice.toml holds `tables` (or exactly `text`)."""
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
    written = text if text is not None else toml_text(tables if tables is not None else site_tables())
    (content / "practice.toml").write_text(written, encoding="utf-8")
    return content


def ready_tables() -> dict:
    """The real file with every placeholder replaced and every assumption confirmed: ready to go live."""
    tables = site_tables()
    tables["practice"].update(
        name="Smith & Jones Counseling",
        therapist="Dana O'Neil",
        credentials="LMFT",
        city="Portland, Oregon",
        phone="(503) 123-4567",
        email="dana@smith-jones-counseling.com",
        booking_url="https://booking.smith-jones-counseling.com/dana",
        site_url="https://www.smith-jones-counseling.com",
        licence={"type": "LMFT", "number": "T1234", "state": "Oregon"},
        training="KAP training, Pacific Institute, 2023",
        reply_time="within two working days",
        accessibility_reply_time="within five working days",
        prescriber={"name": "Sam Lee, MD", "works_at": "Riverside Psychiatry"},
        web_host={"name": "Netlify", "privacy_url": "https://www.netlify.com/privacy/"},
        booking_service={"name": "SimplePractice", "privacy_url": "https://www.simplepractice.com/privacy/"},
        email_service={"name": "Proton Mail", "privacy_url": "https://proton.me/legal/privacy"},
        unconfirmed=[],
    )
    tables["pricing"]["unconfirmed"] = []
    return tables


# What the pages ship with where the therapist's own words go (the about page's approach).
PLACEHOLDER_LINE = re.compile(r"^PLACEHOLDER:.*$", re.M)


def ready_content(tmp_path: Path, tables: dict | None = None) -> Path:
    """A copy of the content that is ready to go live: the ready practice file (or `tables`),
    and the therapist's own words where a page still has a `PLACEHOLDER:` line."""
    content = content_with(tmp_path, tables if tables is not None else ready_tables())
    for page in (content / "pages").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        if PLACEHOLDER_LINE.search(text):
            page.write_text(PLACEHOLDER_LINE.sub("I work gently, at your pace.", text), encoding="utf-8")
    return content
