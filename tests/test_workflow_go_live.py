"""The go-live check (tools/go_live.py): `make publish` and `make check` list what is not yet
real; every upload target refuses while that list is not empty."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from conftest import ROOT
from support import (
    PRACTICE_FILE,
    append,
    content_copy,
    content_with,
    line_of,
    make,
    ready_content,
    ready_tables,
    site_tables,
    snapshot,
)
from test_workflow_publish import UPLOADS, fake_tools

from tools.go_live import go_live_list

# Every placeholder the real practice.toml ships with, by key (the go-live list names each).
SHIPPED_PLACEHOLDERS = [
    "name",
    "therapist",
    "credentials",
    "city",
    "phone",
    "email",
    "booking_url",
    "site_url",
    "training",
    "reply_time",
    "accessibility_reply_time",
    "licence.type",
    "licence.number",
    "licence.state",
    "prescriber.name",
    "prescriber.works_at",
    "web_host.name",
    "web_host.privacy_url",
    "booking_service.name",
    "booking_service.privacy_url",
    "email_service.name",
    "email_service.privacy_url",
]
# The pages' own placeholders: the line the therapist replaces with their own words.
SHIPPED_PAGE_PLACEHOLDERS = ["content/pages/about.md"]


def key_line(key: str) -> int:
    """The line of `key` in the real practice.toml: `licence.type` is `type = ` under [practice.licence]."""
    table, _, short = key.rpartition(".")
    header = f"[practice.{table}]" if table else "[practice]"
    lines = PRACTICE_FILE.read_text(encoding="utf-8").splitlines()
    start = lines.index(header)
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith(f"{short} = "))


def listed(printed: str) -> list[str]:
    """The numbered items of a printed go-live list."""
    return re.findall(r"^\s+\d+\. (.*)$", printed, flags=re.M)


def fresh_publish(tmp_path) -> subprocess.CompletedProcess:
    """`make publish` of the real content, as a fresh clone has it, into a temporary output/."""
    return make("publish", f"OUTPUTDIR={tmp_path / 'output'}", env={"SITEURL": ""})


def test_a_fresh_clone_builds_but_is_not_ready_to_go_live(tmp_path):
    result = fresh_publish(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "index.html").is_file()
    assert "Not ready to go live" in result.stdout
    items = listed(result.stdout)
    # Each placeholder: file, the line it is on, and how to fix it.
    for key in SHIPPED_PLACEHOLDERS:
        line = key_line(key)
        assert any(
            item.startswith(f"content/practice.toml, line {line}: {key} = ") and "How to fix it:" in item
            for item in items
        ), (key, line, items)
    # Each unconfirmed assumption, with the line of the list entry to delete.
    marks = site_tables()["pricing"]["unconfirmed"] + site_tables()["practice"]["unconfirmed"]
    for mark in marks:
        mark_line = next(
            number
            for number, line in enumerate(PRACTICE_FILE.read_text(encoding="utf-8").splitlines(), 1)
            if f'"{mark}"' in line and not line.lstrip().startswith("#")
        )
        assert any(
            f'delete "{mark}" from the unconfirmed list' in i and f"(line {mark_line})" in i for i in items
        )
    for page in SHIPPED_PAGE_PLACEHOLDERS:
        assert any(item.startswith(f"{page}, line ") and "PLACEHOLDER:" in item for item in items), page
    assert len(items) == len(SHIPPED_PLACEHOLDERS) + len(marks) + len(SHIPPED_PAGE_PLACEHOLDERS)
    assert "Ready to go live" not in result.stdout


def test_make_check_prints_the_same_list(tmp_path):
    published = fresh_publish(tmp_path)
    checked = make("check", f"OUTPUTDIR={tmp_path / 'output'}", env={"SITEURL": ""})
    assert checked.returncode == 0, checked.stderr
    assert listed(checked.stdout) == listed(published.stdout) != []


def test_placeholder_lines_in_content_are_on_the_list(tmp_path):
    content = content_copy(tmp_path)
    page = content / "pages" / "costs.md"
    append(page, "PLACEHOLDER: say what the sliding scale is.")
    result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'output'}")
    assert result.returncode == 0, result.stderr
    line = line_of(page, "PLACEHOLDER:")
    assert any(
        item.startswith(f"content/pages/costs.md, line {line}: This file still has a placeholder")
        for item in listed(result.stdout)
    )


def test_confirming_an_assumption_means_removing_its_mark(tmp_path):
    tables = site_tables()
    tables["pricing"]["unconfirmed"].remove("intake_hours")
    content = content_with(tmp_path, tables)
    result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'output'}")
    assert result.returncode == 0, result.stderr
    assert not any(item.split(": ", 1)[1].startswith("intake_hours = 1") for item in listed(result.stdout))
    assert any(item.split(": ", 1)[1].startswith("preparation_hours = 1") for item in listed(result.stdout))


def test_a_ready_site_says_so(tmp_path):
    content = ready_content(tmp_path)
    result = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'output'}", env={"SITEURL": ""})
    assert result.returncode == 0, result.stderr
    assert "Ready to go live" in result.stdout
    assert "Not ready" not in result.stdout
    index = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.smith-jones-counseling.com/"' in index


def test_a_siteurl_override_keeps_a_ready_site_from_going_live(tmp_path):
    content = ready_content(tmp_path)
    result = make(
        "publish",
        f"INPUTDIR={content}",
        f"OUTPUTDIR={tmp_path / 'output'}",
        env={"SITEURL": "http://127.0.0.1:8000"},
    )
    assert result.returncode == 0, result.stderr
    [item] = listed(result.stdout)
    assert item.startswith("the SITEURL environment variable: it is set to http://127.0.0.1:8000")


@pytest.mark.parametrize("target", sorted(UPLOADS))
def test_every_upload_refuses_while_the_list_is_not_empty(target, tmp_path):
    bin_dir, log = fake_tools(tmp_path)
    output = tmp_path / "output"
    (output / "css").mkdir(parents=True)
    (output / "index.html").write_text("<p>the last site</p>", encoding="utf-8")
    (output / "css" / "site.css").write_bytes(b"body{}\n")
    before = snapshot(output)
    result = make(
        target,
        f"OUTPUTDIR={output}",
        f"GHP_IMPORT={bin_dir / 'ghp-import'}",
        *UPLOADS[target],
        env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "SITEURL": ""},
    )
    assert result.returncode != 0
    assert "Not uploading: the site is not ready to go live." in result.stderr
    assert "nothing was uploaded" in result.stderr
    assert listed(result.stderr) == listed(fresh_publish(tmp_path / "fresh").stdout)
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fakebin", "fresh", "output"]


def upload_rules() -> dict[str, list[str]]:
    """Every make target whose recipe uploads (rsync, aws, ghp-import), with its prerequisites."""
    database = subprocess.run(
        ["make", "-pRrq", "-f", "Makefile", "help"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    rules: dict[str, list[str]] = {}
    for block in database.split("\n\n"):
        match = re.match(r"^([A-Za-z0-9_.-]+):(.*)$", block.split("# Not a target")[-1].strip(), flags=re.M)
        if match and re.search(r"\n\t(?!@?echo).*(rsync |aws s3|GHP_IMPORT)", block):
            rules[match.group(1)] = match.group(2).split()
    return rules


def test_every_upload_target_passes_the_gate():
    rules = upload_rules()
    assert {"rsync_upload", "s3_upload", "github"} <= set(rules)
    for target, prerequisites in rules.items():
        assert "go_live_gate" in prerequisites, target


# Each kind of placeholder the go-live check knows, and a real value beside it that must pass.
PLACEHOLDER_VALUES = {
    "bracketed": ("city", "[City], Oregon", "Portland, Oregon"),
    "555-01xx number": ("phone", "(503) 555-0142", "(503) 555-2368"),
    "555 area code": ("phone", "555-010-0199", "503-010-0199"),
    "example.org e-mail": ("email", "dana@mail.example.org", "dana@example-counseling.org"),
    "example.net booking link": (
        "booking_url",
        "https://book.example.net/dana",
        "https://book.examples.net/dana",
    ),
    ".test domain": ("site_url", "https://www.smithjones.test", "https://www.smithjones.team"),
    ".invalid domain": ("email", "dana@smithjones.invalid", "dana@smithjones.info"),
    ".example domain": ("site_url", "https://smithjones.example", "https://smithjones.exampl"),
}


@pytest.mark.parametrize("case", PLACEHOLDER_VALUES, ids=list(PLACEHOLDER_VALUES))
def test_each_kind_of_placeholder_is_on_the_list_and_a_real_value_is_not(case, tmp_path):
    key, placeholder, real = PLACEHOLDER_VALUES[case]
    tables = ready_tables()
    tables["practice"][key] = placeholder
    content = ready_content(tmp_path, tables)
    [item] = go_live_list(content, environ={})
    line = line_of(content / "practice.toml", f"{key} = ")
    assert str(item).startswith(f'content/practice.toml, line {line}: {key} = "{placeholder}" is not yet ')
    tables["practice"][key] = real
    assert go_live_list(ready_content(tmp_path, tables), environ={}) == []
