"""Gate 1, HTML validity: every page of the built site passes the Nu HTML Checker."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import ROOT, SITEURL

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A page the checker must reject, checked in the same run to prove the gate can fail.
BROKEN_PAGE = "<!doctype html><html lang=en><title>x</title><p><div></span>"


def describe(message: dict, root) -> str:
    where = message.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')} [{extract}]"


def is_file_origin_artefact(message: dict) -> bool:
    """The checker reads pages as file: URLs, so our own absolute https URLs look cross-origin to it."""
    text = message.get("message", "")
    return text.startswith("Resource violates Content Security Policy") and f"“{SITEURL}/" in text


def is_data_block_artefact(message: dict) -> bool:
    """The checker counts JSON data blocks (JSON-LD, the calculator's model) as inline scripts;
    browsers never run them, so the CSP does not apply to them."""
    text, extract = message.get("message", ""), message.get("extract", "")
    data_block = (
        '<script type="application/json"' in extract or '<script type="application/ld+json"' in extract
    )
    return text.startswith("Inline script violates Content Security Policy") and data_block


def is_artefact(message: dict) -> bool:
    return is_file_origin_artefact(message) or is_data_block_artefact(message)


@pytest.fixture(scope="module")
def vnu_messages(site, html_pages, tmp_path_factory) -> dict[str, list[dict]]:
    """The checker's messages for every page (and the broken sample), from one Java run."""
    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    files = [str(path) for path in html_pages.values()] + [str(broken)]
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    by_file: dict[str, list[dict]] = {path: [] for path in files}
    for message in json.loads(result.stderr)["messages"]:
        by_file.setdefault(message.get("url", "").removeprefix("file:"), []).append(message)
    return by_file


def test_the_checker_rejects_a_broken_page(vnu_messages):
    broken = next(path for path in vnu_messages if path.endswith("broken.html"))
    assert any(m["type"] == "error" for m in vnu_messages[broken])


def test_every_page_is_valid_html(site, html_pages, vnu_messages):
    """Zero errors and zero warnings, but for the two known artefacts of checking files."""
    assert html_pages, "the build produced no HTML pages"
    errors, notes = [], []
    for path in html_pages.values():
        for message in vnu_messages[str(path)]:
            if message["type"] in ("error", "non-document-error"):
                errors.append(describe(message, site))
            elif message.get("subType") == "warning" and not is_artefact(message):
                notes.append(describe(message, site))
    assert not errors, "Nu HTML Checker errors:\n" + "\n".join(errors) + "\nWarnings:\n" + "\n".join(notes)
    assert not notes, "Nu HTML Checker warnings:\n" + "\n".join(notes)
