"""Every command in the README is a real make target, and each one the guide teaches is tested."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import ROOT
from support import make

README = (ROOT / "README.md").read_text(encoding="utf-8")

# The test that runs each target the therapist's guide names (module::function).
TESTED_BY = {
    "devserver": "test_workflow_preview.py::test_devserver_picks_up_a_changed_markdown_file",
    "faq": "test_workflow_faq.py::test_make_faq_creates_the_entry_and_go_live_lists_the_placeholder",
    "check": "test_workflow_publish.py::test_check_builds_and_checks_without_touching_output",
    "publish": "test_workflow_publish.py::test_failed_publish_leaves_output_byte_for_byte_unchanged",
    "rsync_upload": "test_workflow_publish.py::test_upload_refuses_when_the_build_fails",
    "s3_upload": "test_workflow_publish.py::test_upload_refuses_when_the_build_fails",
    "github": "test_workflow_publish.py::test_upload_runs_after_a_good_build",
    "test": "the CI run itself (.ci/run)",
}


def commands_in(text: str) -> list[str]:
    """`make …` command lines of shell blocks and inline code in `text`, in the order they appear."""
    commands: list[str] = []
    for match in re.finditer(r"```sh\n(.*?)```|`(make [^`]+)`", text, flags=re.S):
        if match.group(1) is not None:
            lines = [line.split("#", 1)[0].strip() for line in match.group(1).splitlines()]
            found = [line for line in lines if line.startswith("make")]
        else:
            found = [match.group(2)]
        commands += [c for c in found if c not in commands]
    return commands


def readme_commands() -> list[str]:
    return commands_in(README)


def guide_commands() -> list[str]:
    return commands_in(README.split("## For the therapist", 1)[1].split("## For developers", 1)[0])


def test_the_readme_opens_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make publish", "make test"]


def test_the_guide_has_commands_in_the_order_they_are_needed():
    targets = [shlex.split(c)[1] for c in guide_commands()]
    order = ["devserver", "faq", "check", "publish", "rsync_upload", "s3_upload", "github"]
    first_mentions = list(dict.fromkeys(targets))
    assert first_mentions == order


@pytest.mark.parametrize("command", readme_commands())
def test_every_readme_command_is_a_real_make_target(command):
    words = shlex.split(command)
    assert words[0] == "make"
    result = make("-n", *words[1:])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), f"{command} does nothing"


@pytest.mark.parametrize("command", guide_commands())
def test_every_guide_command_is_tested(command):
    target = shlex.split(command)[1]
    assert target in TESTED_BY, f"no test named for {command}"
    where = TESTED_BY[target]
    if "::" in where:
        module, function = where.split("::")
        assert re.search(rf"^def {function}\(", (ROOT / "tests" / module).read_text(encoding="utf-8"), re.M)


def test_before_you_go_live_is_in_the_order_the_therapist_works():
    section = README.split("### 5. Before you go live", 1)[1].split("\n### ", 1)[0]
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*", section, flags=re.M)
    assert [step.split(".")[0].split(":")[0] for step in steps] == [
        "The practice file",
        "Confirm the assumptions",
        "The domain",
        "Your own files at the site root",
        "Upload",
    ]
    assert "`content/extra/`" in section and "`content/practice.toml`" in section
