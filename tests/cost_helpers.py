"""Helpers for the cost-estimate tests: the shared vectors, the plugin's model, and
builds of the real site with a PRICING setting of the test's choosing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from conftest import build_site
from practice_helpers import content_with, site_tables
from practice_site.cost_calculator import model, placeholders, widget  # noqa: F401 - re-exported for the tests

VECTORS = json.loads((Path(__file__).parent / "cost_vectors.json").read_text(encoding="utf-8"))
INPUT_ORDER = ("existing_client", "preparation", "medicine", "later_hours", "integration", "reimbursement")


def site_pricing() -> dict:
    """The [pricing] table the therapist keeps in content/practice.toml, read fresh (without its marks)."""
    pricing = copy.deepcopy(site_tables()["pricing"])
    pricing.pop("unconfirmed", None)
    return pricing


def build_with(tmp: Path, pricing: dict | None = None, *, delete_pricing: bool = False):
    """Build a copy of the real content whose [pricing] is `pricing`; return (process, output)."""
    tables = site_tables()
    if pricing is not None:
        tables["pricing"] = pricing
    if delete_pricing:
        del tables["pricing"]
    content = content_with(tmp, tables)
    output = tmp / "output"
    return build_site(output, content=content), output


def expected_result(pricing: dict, choices: dict) -> dict:
    """The Python evaluation of `choices` (missing ones at their defaults) under `pricing`."""
    built = model.build_model(pricing)
    return model.evaluate(built, model.complete_choices(built, choices))


def expected_rows(pricing: dict, result: dict) -> list[list[str]]:
    """The estimate table's visible rows (cell texts), as the template lays them out."""
    built = model.build_model(pricing)
    rows = []
    for line in built["lines"]:
        got = result["lines"][line["id"]]
        if line["payee"] == "practice" and got["count"] > 0:
            rows.append(
                [
                    model.LINE_LABELS[line["id"]],
                    str(got["count"]),
                    str(got["hours"]),
                    model.format_usd(got["amount"]),
                ]
            )
    rows.append(["Total for my sessions", model.format_usd(result["practice_total"])])
    for line in built["lines"]:
        if line["payee"] != "practice":
            rows.append(
                [model.LINE_LABELS[line["id"]], model.format_usd(result["lines"][line["id"]]["amount"])]
            )
    rows.append(["Estimated total", model.format_usd(result["grand_total"])])
    if result["reimbursement"] is not None:
        kinds = widget._kinds_text(pricing["reimbursable_sessions"])
        rows.append(
            [
                f"Estimated reimbursement ({result['reimbursement_percent']}% of {kinds})",
                model.format_usd(result["reimbursement"]),
            ]
        )
        rows.append(["Your cost after reimbursement", model.format_usd(result["net"])])
    return rows


def expected_summary(result: dict) -> str:
    """The status line's text for a result."""
    text = f"Estimated total: {model.format_usd(result['grand_total'])}"
    if result["reimbursement"] is not None:
        text += (
            f"; after an estimated reimbursement of {model.format_usd(result['reimbursement'])},"
            f" about {model.format_usd(result['net'])}"
        )
    return text + "."
