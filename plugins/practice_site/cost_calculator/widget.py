"""The cost calculator widget: rendered at build time in place of a marker paragraph.

A page shows the calculator where its Markdown has a paragraph that is exactly
`{cost_calculator}`, at most once per page (its ids are unique on the page). The
component template (theme/templates/components/cost-calculator/, with its
README) renders the estimate for the default plan and the typical range (what a
visitor without JavaScript sees), the hidden form that cost-calculator.js
reveals, and the model as JSON data.
"""

from __future__ import annotations

import json
import logging
import re

from markupsafe import Markup

from ..problems import Problem
from .model import LINE_KINDS, LINE_LABELS, default_choices, display, evaluate, typical_range

logger = logging.getLogger(__name__)

MARKER = re.compile(r"<p>\s*\{cost_calculator\}\s*</p>")
TEMPLATE = "components/cost-calculator/cost-calculator"


def json_data(model: dict) -> Markup:
    """The model as JSON that cannot end its <script> element, whatever the labels say."""
    text = json.dumps(model, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _kinds_text(kinds: list[str]) -> str:
    """["preparation", "integration"] -> "preparation and integration sessions"."""
    if not kinds:
        return "no sessions"
    names = list(kinds)
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{joined} {'session' if len(names) == 1 else 'sessions'}"


def _fields(pricing: dict, model: dict, choices: dict) -> list[dict]:
    """The form's number fields: label, hint, starting value and the noun for messages."""
    inputs = model["inputs"]

    def between(name: str) -> str:
        return f"{inputs[name]['min']} to {inputs[name]['max']}"

    hours = _plural(pricing["preparation_hours"], "hour", "hours")
    return [
        {
            "name": "preparation",
            "label": "Preparation sessions",
            "hint": f"{between('preparation')} sessions of {hours} each.",
            "noun": "the number of preparation sessions",
        },
        {
            "name": "medicine",
            "label": "Medicine sessions",
            "hint": f"{between('medicine')} sessions. The first is "
            f"{_plural(pricing['first_medicine_hours'], 'hour', 'hours')}.",
            "noun": "the number of medicine sessions",
        },
        {
            "name": "later_hours",
            "label": "Length of the later medicine sessions, in hours",
            "hint": f"{between('later_hours')} hours each.",
            "noun": "the length in hours",
        },
        {
            "name": "integration",
            "label": "Integration sessions",
            "hint": f"{between('integration')} sessions of "
            f"{_plural(pricing['integration_hours'], 'hour', 'hours')} each; usually "
            f"{pricing['integration_sessions']['per_medicine_session']} after each medicine session.",
            "noun": "the number of integration sessions",
        },
    ], {
        "name": "reimbursement",
        "label": "How much your insurance pays back, in percent (optional)",
        "hint": f"{between('reimbursement')}. Out-of-network benefits may reimburse "
        f"{_kinds_text(pricing['reimbursable_sessions'])}; I can give you a superbill. "
        "Leave it empty if you will not claim.",
        "noun": "a percentage",
    }


def context(pricing: dict, model: dict) -> dict:
    """Everything the component template needs, computed from the model."""
    choices = default_choices(model)
    out, show = display(model, evaluate(model, choices))
    low, high = typical_range(model)
    numbers, reimbursement = _fields(pricing, model, choices)
    for field in [*numbers, reimbursement]:
        field["value"] = "" if choices[field["name"]] is None else str(choices[field["name"]])
    return {
        "model_json": json_data(model),
        "lines": [
            {"id": line["id"], "label": LINE_LABELS[line["id"]], "payee": line["payee"]}
            for line in model["lines"]
        ],
        "out": out,
        "show": show,
        "fields": numbers,
        "reimbursement_field": reimbursement,
        "reimbursable_text": _kinds_text(pricing["reimbursable_sessions"]),
        "low": display(model, low)[0],
        "high": display(model, high)[0],
        "low_result": low,
        "high_result": high,
        "existing_client": choices["existing_client"],
        "line_kinds": LINE_KINDS,
    }


def render(generator, pricing: dict, model: dict) -> str:
    """The widget's HTML, rendered with the theme's component template."""
    template = generator.get_template(TEMPLATE)
    return template.render(**generator.context, calc=context(pricing, model))


def insert_widgets(generator, pricing: dict, model: dict, editor_path) -> list[Problem]:
    """Replace the `{cost_calculator}` paragraph in the generator's pages with the widget.

    Returns a problem for every page that asks for the calculator twice (its ids
    would repeat); such a page is left as it is, the build stops.
    """
    pages = [*generator.pages, *generator.hidden_pages, *getattr(generator, "draft_pages", [])]
    pages = [page for page in pages if page._content and MARKER.search(page._content)]
    problems = [
        Problem(
            file=editor_path(page),
            field="{cost_calculator}",
            what=f"The page asks for the cost calculator {len(MARKER.findall(page._content))} times; "
            "a page can show it only once.",
            fix="Keep one paragraph that is just {cost_calculator} and delete the others.",
        )
        for page in pages
        if len(MARKER.findall(page._content)) > 1
    ]
    if problems or not pages:
        return problems
    html = render(generator, pricing, model)
    for page in pages:
        # A function, so that nothing in the HTML is read as a regex backreference.
        page._content = MARKER.sub(lambda _match: html, page._content)
        logger.debug("Cost calculator placed on %s", page.source_path)
    return []
