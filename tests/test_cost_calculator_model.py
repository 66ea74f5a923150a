"""The line-item model and its Python evaluation, over the shared test vectors."""

from __future__ import annotations

import json

import pytest
from support import VECTORS, model, site_pricing

PRICING = VECTORS["pricing"]


def result_as_vector(result: dict) -> dict:
    """A result in the vector file's shape: lines as [sessions, hours, amount]."""
    shaped = {key: value for key, value in result.items() if key not in ("lines", "reimbursable_total")}
    shaped["lines"] = {k: [v["count"], v["hours"], v["amount"]] for k, v in result["lines"].items()}
    return shaped


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_evaluation_matches_the_vector(vector):
    built = model.build_model(PRICING)
    result = model.evaluate(built, model.complete_choices(built, vector["choices"]))
    assert result_as_vector(result) == vector["expected"]


def test_the_typical_range_is_the_least_and_most_course():
    low, high = model.typical_range(model.build_model(PRICING))
    assert (low["grand_total"], high["grand_total"]) == (VECTORS["range"]["low"], VECTORS["range"]["high"])


def test_defaults_are_the_settings_defaults_with_one_integration_per_medicine_session():
    choices = model.default_choices(model.build_model(PRICING))
    assert choices == {
        "existing_client": 0,
        "preparation": PRICING["preparation_sessions"]["default"],
        "medicine": PRICING["medicine_sessions"]["default"],
        "later_hours": PRICING["later_medicine_hours"]["default"],
        "integration": PRICING["medicine_sessions"]["default"]
        * PRICING["integration_sessions"]["per_medicine_session"],
        "reimbursement": None,
    }


def test_only_the_reimbursable_sessions_are_marked_so():
    built = model.build_model(PRICING)
    marked = {line["id"] for line in built["lines"] if line["reimbursable"]}
    assert marked == {"preparation", "integration"}
    none = model.build_model({**PRICING, "reimbursable_sessions": []})
    assert not any(line["reimbursable"] for line in none["lines"])


def test_the_screen_fee_goes_to_the_prescriber_not_the_practice():
    built = model.build_model(PRICING)
    payees = {line["id"]: line["payee"] for line in built["lines"]}
    assert payees.pop("medical_screen") == "prescriber"
    assert set(payees.values()) == {"practice"}


def test_the_model_is_plain_json_data():
    built = model.build_model(PRICING)
    assert json.loads(json.dumps(built)) == built


def test_the_model_follows_the_settings():
    changed = {**PRICING, "hourly_rate": 200, "first_medicine_hours": 4, "medical_screen_fee": 650}
    result = model.evaluate(
        model.build_model(changed), model.complete_choices(model.build_model(changed), {})
    )
    assert result["lines"]["first_medicine"] == {"count": 1, "hours": 4, "amount": 800}
    assert result["prescriber_total"] == 650


@pytest.mark.parametrize(
    ("dollars", "text"),
    [
        (0, "$0"),
        (5, "$5"),
        (150, "$150"),
        (999, "$999"),
        (1000, "$1,000"),
        (3950, "$3,950"),
        (1234567, "$1,234,567"),
    ],
)
def test_us_dollar_format(dollars, text):
    assert model.format_usd(dollars) == text


def test_display_gives_every_shown_figure_as_text():
    built = model.build_model(PRICING)
    out, show = model.display(built, model.evaluate(built, model.default_choices(built)))
    assert out["grand_total"] == model.format_usd(VECTORS["vectors"][0]["expected"]["grand_total"])
    assert show["reimbursement"] is False and out["reimbursement"] == ""
    assert all(show[line["id"]] for line in built["lines"])


def test_the_site_pricing_builds_a_sound_model():
    built = model.build_model(site_pricing())
    low, high = model.typical_range(built)
    default = model.evaluate(built, model.default_choices(built))
    assert 0 < low["grand_total"] <= default["grand_total"] <= high["grand_total"]
