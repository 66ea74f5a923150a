"""The line-item model of a course of KAP, and its evaluation.

The build turns the PRICING setting into a plain model: the visitor's choices
(`inputs`, each with its range and default) and the line items of the bill
(`lines`). Each line's count and hours are *terms*, the only formula there is:

    value = plus + times * choice      (times defaults to 1; no choice: value = plus)

A line's amount is count x hours x price (or count x price when it has no
hours). The model is delivered to the browser as JSON data and evaluated there
by theme/static/js/cost-calculator.js; `evaluate()` below is the same
evaluation in Python, used for the table a visitor sees without JavaScript.
Both must stay in step: tests run one shared set of vectors through both.

All money is in whole US dollars. The reimbursement is rounded *down* to a
whole dollar, so the net cost is never understated.
"""

from __future__ import annotations

import re

# The visitor's choices, in the order the form shows them. The reimbursement
# percentage is not a price: its range is fixed here.
REIMBURSEMENT = {"min": 0, "max": 100, "default": None}

# What each line of the table is called (text, not prices: it lives here once).
LINE_LABELS = {
    "intake": "Intake session",
    "preparation": "Preparation sessions",
    "first_medicine": "First medicine session",
    "later_medicine": "Later medicine sessions",
    "integration": "Integration sessions",
    "medical_screen": "Medical screen, paid to the prescriber",
}
# Which session kind (of PRICING['reimbursable_sessions']) each line belongs to.
LINE_KINDS = {
    "intake": "intake",
    "preparation": "preparation",
    "first_medicine": "medicine",
    "later_medicine": "medicine",
    "integration": "integration",
}


def build_model(pricing: dict) -> dict:
    """The plain line-item model (JSON-ready) for a validated PRICING setting."""
    rate = pricing["hourly_rate"]
    reimbursable = set(pricing["reimbursable_sessions"])
    integration = pricing["integration_sessions"]

    def rng(spec: dict) -> dict:
        return {"min": spec["min"], "max": spec["max"], "default": spec["default"]}

    inputs = {
        # 1 for an existing client (who needs no intake), 0 for a new one.
        "existing_client": {"min": 0, "max": 1, "default": 0},
        "preparation": rng(pricing["preparation_sessions"]),
        "medicine": rng(pricing["medicine_sessions"]),
        "later_hours": rng(pricing["later_medicine_hours"]),
        "integration": {
            "min": integration["min"],
            "max": integration["max"],
            # One (or the setting's number) after each medicine session.
            "default": {"input": "medicine", "times": integration["per_medicine_session"]},
        },
        "reimbursement": dict(REIMBURSEMENT),
    }

    def session(line_id: str, count: dict, hours: dict) -> dict:
        return {
            "id": line_id,
            "payee": "practice",
            "count": count,
            "hours": hours,
            "price": rate,
            "reimbursable": LINE_KINDS[line_id] in reimbursable,
        }

    lines = [
        session(
            "intake", {"plus": 1, "times": -1, "input": "existing_client"}, {"plus": pricing["intake_hours"]}
        ),
        session("preparation", {"input": "preparation"}, {"plus": pricing["preparation_hours"]}),
        session("first_medicine", {"plus": 1}, {"plus": pricing["first_medicine_hours"]}),
        session("later_medicine", {"input": "medicine", "plus": -1}, {"input": "later_hours"}),
        session("integration", {"input": "integration"}, {"plus": pricing["integration_hours"]}),
        {
            "id": "medical_screen",
            "payee": "prescriber",
            "count": {"plus": 1},
            "hours": None,
            "price": pricing["medical_screen_fee"],
            "reimbursable": False,
        },
    ]
    return {"inputs": inputs, "lines": lines}


def term(spec: dict, choices: dict) -> int:
    """The value of a count or hours term for the given choices."""
    value = spec.get("plus", 0)
    if "input" in spec:
        value += spec.get("times", 1) * choices[spec["input"]]
    return value


def default_choices(model: dict) -> dict:
    """The choices the calculator starts with."""
    return complete_choices(model, {})


def complete_choices(model: dict, given: dict) -> dict:
    """`given` with every missing choice filled in by its default, as the form does."""
    choices = {
        name: spec["default"]
        for name, spec in model["inputs"].items()
        if not isinstance(spec["default"], dict)
    }
    choices.update(given)
    for name, spec in model["inputs"].items():
        if isinstance(spec["default"], dict) and name not in given:
            choices[name] = term(spec["default"], choices)
    return choices


def evaluate(model: dict, choices: dict) -> dict:
    """Evaluate the model: every line's count, hours and amount, and the totals.

    `choices` must hold a valid value for every input; `reimbursement` may be
    None (no percentage given), which leaves reimbursement and net out.
    """
    lines, practice, prescriber, reimbursable = {}, 0, 0, 0
    for line in model["lines"]:
        count = term(line["count"], choices)
        hours = None if line["hours"] is None else term(line["hours"], choices)
        amount = count * line["price"] * (1 if hours is None else hours)
        lines[line["id"]] = {"count": count, "hours": hours, "amount": amount}
        if line["payee"] == "practice":
            practice += amount
        else:
            prescriber += amount
        if line["reimbursable"]:
            reimbursable += amount
    percent = choices.get("reimbursement")
    # Whole dollars, rounded down: integer arithmetic, identical in JavaScript.
    reimbursement = None if percent is None else reimbursable * percent // 100
    grand = practice + prescriber
    return {
        "lines": lines,
        "practice_total": practice,
        "prescriber_total": prescriber,
        "grand_total": grand,
        "reimbursable_total": reimbursable,
        "reimbursement_percent": percent,
        "reimbursement": reimbursement,
        "net": None if reimbursement is None else grand - reimbursement,
    }


def typical_range(model: dict) -> tuple[dict, dict]:
    """The least and the most a typical course costs (evaluated results).

    Least: an existing client choosing every minimum; most: a new client
    choosing every maximum. Integration follows its default (one per medicine
    session), and no reimbursement is counted.
    """
    bounds = []
    for end in ("min", "max"):
        given = {
            name: spec[end]
            for name, spec in model["inputs"].items()
            if name not in ("integration", "reimbursement")
        }
        given["existing_client"] = 1 if end == "min" else 0
        bounds.append(evaluate(model, complete_choices(model, given)))
    return bounds[0], bounds[1]


def format_usd(dollars: int) -> str:
    """US dollars as the site shows them: "$1,234" (whole dollars, no cents).

    cost-calculator.js formats the same way (`usd()`); tests compare the two.
    """
    return "$" + re.sub(r"\B(?=(\d{3})+(?!\d))", ",", str(dollars))


def display(model: dict, result: dict) -> tuple[dict, dict]:
    """What the widget shows for a result: (text of each `data-out` key, `data-show` flags).

    Mirrors `show()` in cost-calculator.js, which fills the same keys.
    """
    out, show = {}, {}
    for line_id, line in result["lines"].items():
        out[f"{line_id}.count"] = str(line["count"])
        out[f"{line_id}.hours"] = "" if line["hours"] is None else str(line["hours"])
        out[f"{line_id}.amount"] = format_usd(line["amount"])
        show[line_id] = line["count"] > 0
    for key in ("practice_total", "prescriber_total", "grand_total", "reimbursement", "net"):
        out[key] = "" if result[key] is None else format_usd(result[key])
    percent = result["reimbursement_percent"]
    out["reimbursement_percent"] = "" if percent is None else str(percent)
    show["reimbursement"] = percent is not None
    return out, show
