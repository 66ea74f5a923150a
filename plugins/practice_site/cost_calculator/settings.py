"""Check the PRICING setting before anything is built from it.

Every price on the site comes from `PRICING`, the [pricing] table of
content/practice.toml (read by practice_site.practice), which the therapist
edits by hand. A typo there must not turn into a wrong price on the
live site, so every mistake is collected and reported at once, each naming the
setting and saying how to fix it, and the build stops.
"""

from __future__ import annotations

from ..problems import Problem

SETTINGS_FILE = "content/practice.toml"
SESSION_KINDS = ("intake", "preparation", "medicine", "integration")

# Single amounts: the name, what it measures (for messages), and an example.
AMOUNTS = {
    "hourly_rate": ("dollars per hour", 150),
    "medical_screen_fee": ("dollars", 500),
    "intake_hours": ("hours", 1),
    "preparation_hours": ("hours", 1),
    "integration_hours": ("hours", 1),
    "first_medicine_hours": ("hours", 3),
}
# Ranges a visitor chooses from: the keys each needs, and an example.
RANGES = {
    "later_medicine_hours": ("min", "max", "default"),
    "preparation_sessions": ("min", "max", "default"),
    "medicine_sessions": ("min", "max", "default"),
    "integration_sessions": ("min", "max", "per_medicine_session"),
}
RANGE_EXAMPLES = {
    "later_medicine_hours": "later_medicine_hours = { min = 2, max = 3, default = 3 }",
    "preparation_sessions": "preparation_sessions = { min = 1, max = 3, default = 2 }",
    "medicine_sessions": "medicine_sessions = { min = 4, max = 6, default = 5 }",
    "integration_sessions": "integration_sessions = { min = 1, max = 12, per_medicine_session = 1 }",
}
# The largest value each unit may take: far above any real course, and small
# enough that every total the calculator works out stays an exact whole number
# (in JavaScript too, whose numbers are exact only up to 2**53).
MAXIMUM = {"dollars": 100_000, "dollars per hour": 100_000, "hours": 24, "sessions": 100}
# Lengths must be at least an hour; money and counts may be zero.
MUST_BE_POSITIVE = {"intake_hours", "preparation_hours", "integration_hours", "first_medicine_hours"}
LIST_SETTINGS = {"reimbursable_sessions"}
KNOWN = set(AMOUNTS) | set(RANGES) | LIST_SETTINGS


def _field(name: str, key: str | None = None) -> str:
    """The value's name as written in [pricing]: `hourly_rate`, or `medicine_sessions.min` for a range."""
    return name if key is None else f"{name}.{key}"


def _problem(field: str, what: str, fix: str) -> Problem:
    return Problem(file=SETTINGS_FILE, field=field, what=f"{field}: {what}", fix=fix)


def _is_whole(value) -> bool:
    # bool is an int in Python, but `True` is never a meant price.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_number(field: str, value, unit: str, example, positive: bool) -> list[Problem]:
    if value is None:
        return [
            _problem(
                field, "the value is missing.", f"Write a whole number of {unit}, for example {example}."
            )
        ]
    if not _is_whole(value):
        return [
            _problem(
                field,
                f"{value!r} is not a whole number of {unit}.",
                f"Write a whole number without quotes, for example {example}.",
            )
        ]
    if value < 0:
        return [
            _problem(
                field,
                f"{value} is below zero.",
                f"Write zero or more {unit}, for example {example}.",
            )
        ]
    if value > MAXIMUM[unit]:
        return [
            _problem(
                field,
                f"{value} is larger than the site can show ({MAXIMUM[unit]:,} {unit} at most).",
                f"Check the number for an extra digit; write at most {MAXIMUM[unit]}, for example {example}.",
            )
        ]
    if positive and value == 0:
        return [_problem(field, "a session cannot last 0 hours.", f"Write 1 or more, for example {example}.")]
    return []


def _check_range(name: str, spec) -> list[Problem]:
    keys = RANGES[name]
    unit = "hours" if name.endswith("hours") else "sessions"
    example = RANGE_EXAMPLES[name]
    if not isinstance(spec, dict):
        return [_problem(_field(name), f"{spec!r} is not a range.", f"Write it like this: {example}.")]
    problems = []
    for key in spec:
        if key not in keys:
            problems.append(
                _problem(
                    _field(name, key),
                    f"'{key}' is not a part of this setting.",
                    f"Use only {', '.join(repr(k) for k in keys)}, like this: {example}.",
                )
            )
    for key in keys:
        problems += _check_number(_field(name, key), spec.get(key), unit, example, positive=False)
    if problems:
        return problems
    low, high = spec["min"], spec["max"]
    if low > high:
        problems.append(
            _problem(
                _field(name, "min"),
                f"the minimum ({low}) is above the maximum ({high}).",
                f"Make 'min' the smaller number and 'max' the larger, like this: {example}.",
            )
        )
    elif name == "medicine_sessions" and low == 0:
        # The first medicine session is always part of a course; the others follow it.
        problems.append(
            _problem(
                _field(name, "min"),
                "a course has at least one medicine session.",
                f"Write 1 or more, like this: {example}.",
            )
        )
    elif name.endswith("hours") and low == 0:
        problems.append(
            _problem(
                _field(name, "min"),
                "a session cannot last 0 hours.",
                f"Write 1 or more, like this: {example}.",
            )
        )
    elif "default" in spec and not low <= spec["default"] <= high:
        problems.append(
            _problem(
                _field(name, "default"),
                f"the default ({spec['default']}) is outside the range {low} to {high}.",
                f"Choose a default from {low} to {high}.",
            )
        )
    return problems


def _check_reimbursable(value) -> list[Problem]:
    field = _field("reimbursable_sessions")
    fix = 'List the kinds of session, for example ["preparation", "integration"] (or [] for none).'
    if value is None:
        return [_problem(field, "the value is missing.", fix)]
    if not isinstance(value, list | tuple):
        return [_problem(field, f"{value!r} is not a list.", fix)]
    unknown = [kind for kind in value if kind not in SESSION_KINDS]
    if unknown:
        names = ", ".join(f'"{kind}"' for kind in SESSION_KINDS)
        return [_problem(field, f"{unknown[0]!r} is not a kind of session.", f"Choose from {names}.")]
    return []


def validate_pricing(pricing) -> list[Problem]:
    """Every problem with the PRICING setting (an empty list when it is sound)."""
    if pricing is None:
        return [
            Problem(
                file=SETTINGS_FILE,
                field="PRICING",
                what="The prices ([pricing] part) are missing.",
                fix="Restore the [pricing] part of content/practice.toml (see the README, 'Change prices').",
            )
        ]
    if not isinstance(pricing, dict):
        return [
            _problem(
                "[pricing]", "it is not a block of settings.", "Restore the [pricing] part (see the README)."
            )
        ]
    problems = []
    for name in pricing:
        if name not in KNOWN:
            problems.append(
                _problem(
                    _field(name),
                    "this is not a pricing setting (a typo?).",
                    f"Use one of: {', '.join(sorted(KNOWN))}.",
                )
            )
    for name, (unit, example) in AMOUNTS.items():
        problems += _check_number(
            _field(name), pricing.get(name), unit, example, positive=name in MUST_BE_POSITIVE
        )
    for name in RANGES:
        if name not in pricing:
            problems.append(
                _problem(_field(name), "the value is missing.", f"Add it, like this: {RANGE_EXAMPLES[name]}.")
            )
        else:
            problems += _check_range(name, pricing[name])
    problems += _check_reimbursable(pricing.get("reimbursable_sessions"))
    if not problems:
        problems += _check_integration_fits(pricing)
    return problems


def _check_integration_fits(pricing: dict) -> list[Problem]:
    """One integration session per medicine session must be a choice the visitor can make."""
    medicine, integration = pricing["medicine_sessions"], pricing["integration_sessions"]
    per = integration["per_medicine_session"]
    low, high = per * medicine["min"], per * medicine["max"]
    if integration["min"] <= low and high <= integration["max"]:
        return []
    return [
        _problem(
            _field("integration_sessions"),
            f"with {per} per medicine session, a course needs {low} to {high} integration sessions, "
            f"outside the range {integration['min']} to {integration['max']}.",
            f"Make 'min' at most {low} and 'max' at least {high}.",
        )
    ]
