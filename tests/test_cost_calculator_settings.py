"""The PRICING setting is checked at build time: each mistake stops the build with
a message naming the setting and the fix (mirrors plugins/practice_site/cost_calculator/settings.py)."""

from __future__ import annotations

import copy

import pytest
from support import build_with, site_pricing

# Each case: a change to the site's PRICING, and what the message must say.
BAD_SETTINGS = {
    "negative price": (
        lambda p: p.update(hourly_rate=-150),
        ["hourly_rate: -150 is below zero", "Write zero or more dollars per hour"],
    ),
    "minimum above maximum": (
        lambda p: p.update(preparation_sessions={"min": 4, "max": 3, "default": 3}),
        ["preparation_sessions.min:", "the minimum (4) is above the maximum (3)", "Make 'min'"],
    ),
    "default outside its range": (
        lambda p: p["medicine_sessions"].update(default=7),
        [
            "medicine_sessions.default:",
            "the default (7) is outside the range",
            "Choose a default",
        ],
    ),
    "missing price": (
        lambda p: p.pop("medical_screen_fee"),
        ["medical_screen_fee:", "the value is missing", "Write a whole number of dollars"],
    ),
    "missing default": (
        lambda p: p["later_medicine_hours"].pop("default"),
        ["later_medicine_hours.default:", "the value is missing"],
    ),
    "price written as text": (
        lambda p: p.update(hourly_rate="150"),
        ["hourly_rate:", "'150' is not a whole number", "without quotes"],
    ),
    "price with cents": (
        lambda p: p.update(medical_screen_fee=499.5),
        ["medical_screen_fee:", "499.5 is not a whole number of dollars"],
    ),
    "zero-hour session": (
        lambda p: p.update(intake_hours=0),
        ["intake_hours:", "a session cannot last 0 hours"],
    ),
    "no medicine session": (
        lambda p: p.update(medicine_sessions={"min": 0, "max": 6, "default": 5}),
        ["medicine_sessions.min:", "at least one medicine session"],
    ),
    "unknown kind of session": (
        lambda p: p.update(reimbursable_sessions=["prep"]),
        ["reimbursable_sessions:", "'prep' is not a kind of session", '"preparation"'],
    ),
    "misspelt setting": (
        lambda p: p.update(hourly_rates=150),
        ["hourly_rates:", "not a pricing setting", "hourly_rate"],
    ),
    "integration range too narrow": (
        lambda p: p.update(integration_sessions={"min": 1, "max": 4, "per_medicine_session": 1}),
        ["integration_sessions:", "outside the range 1 to 4", "'max' at least 6"],
    ),
}


def assert_stopped_with(result, expected: list[str], where: str = "content/practice.toml, line ") -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "NOT built" in result.stderr
    assert where in result.stderr
    assert "How to fix it:" in result.stderr
    for words in expected:
        assert words in result.stderr, result.stderr
    assert "Traceback" not in output


@pytest.mark.parametrize("case", BAD_SETTINGS, ids=list(BAD_SETTINGS))
def test_each_bad_setting_stops_the_build_with_its_message(case, tmp_path):
    pricing = copy.deepcopy(site_pricing())
    change, expected = BAD_SETTINGS[case]
    change(pricing)
    result, output = build_with(tmp_path, pricing)
    assert_stopped_with(result, expected)
    assert not (output / "costs.html").exists()


def test_a_missing_pricing_block_stops_the_build(tmp_path):
    result, _ = build_with(tmp_path, delete_pricing=True)
    assert_stopped_with(
        result, ["The part [pricing] is missing", "Restore the line [pricing]"], "content/practice.toml: "
    )


def test_every_mistake_is_listed_at_once(tmp_path):
    pricing = site_pricing()
    pricing["hourly_rate"] = -1
    pricing["medicine_sessions"]["min"] = 9
    result, _ = build_with(tmp_path, pricing)
    assert_stopped_with(
        result,
        [
            "1. content/practice.toml, line ",
            "hourly_rate: -1 is below zero",
            "2. content/practice.toml, line ",
            "medicine_sessions.min:",
        ],
    )


def test_the_site_pricing_is_accepted(tmp_path):
    result, output = build_with(tmp_path, site_pricing())
    assert result.returncode == 0, result.stderr
    assert (output / "costs.html").is_file()
