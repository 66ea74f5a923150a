"""What `content/practice.toml` may hold: one declarative table per TOML table.

Adding a practice detail is one `Field` entry below: its key, its kind (how
its value is checked, see `values.KINDS`), whether it is required, what it is
(for messages and the README), whether its shipped value may be a placeholder
that the go-live check lists, and an example that the fix messages show.
"""

from __future__ import annotations

from dataclasses import dataclass

PRACTICE_FILE = "practice.toml"  # inside the content folder being built
UNCONFIRMED_KEY = "unconfirmed"  # a table's list of assumptions not yet confirmed
SESSION_KINDS = ("intake", "preparation", "medicine", "integration")


@dataclass(frozen=True)
class Field:
    """One key of a table in practice.toml."""

    key: str
    kind: str  # a name in values.KINDS: "text", "phone", "email", "https_url", "site_url", "table" …
    required: bool
    description: str
    may_be_placeholder: bool = False  # the go-live check lists it while it is a placeholder
    example: str = ""  # how a right value is written in the file
    fields: tuple[Field, ...] = ()  # the keys of a "table"


LICENCE_FIELDS = (
    Field("type", "text", True, "the kind of licence", True, '"LMFT"'),
    Field("number", "text", True, "the licence number", True, '"LMFT 123456"'),
    Field("state", "text", True, "the state that issued the licence", True, '"Oregon"'),
)

SESSIONS_FIELDS = (
    Field("in_person", "bool", True, "whether sessions happen in person at the office", False, "true"),
    Field(
        "telehealth",
        "session_kinds",
        True,
        "the kinds of session also offered by video",
        False,
        '["preparation", "integration"]',
    ),
)

PRESCRIBER_FIELDS = (
    Field("name", "text", True, "the prescriber's name and credentials", True, '"Sam Lee, MD"'),
    Field(
        "works_at",
        "text",
        True,
        "where the prescriber works",
        True,
        '"this practice" or "Riverside Psychiatry"',
    ),
)


def _service_fields(what: str, example_name: str) -> tuple[Field, ...]:
    """A named service with its privacy policy: the web host, the booking service, the e-mail provider."""
    return (
        Field("name", "text", True, f"the name of {what}", True, example_name),
        Field(
            "privacy_url",
            "https_url",
            True,
            f"the address of {what}'s privacy policy",
            True,
            '"https://www.their-site.com/privacy"',
        ),
    )


PRACTICE_FIELDS = (
    Field("name", "text", True, "the practice's name", True, '"Smith & Jones Counseling"'),
    Field("therapist", "text", True, "the therapist's name", True, '"Dana O\'Neil"'),
    Field("credentials", "text", True, "the letters after the therapist's name", True, '"LMFT"'),
    Field("licence", "table", True, "the licence to practise", True, fields=LICENCE_FIELDS),
    Field("city", "text", True, "the city and state", True, '"Portland, Oregon"'),
    Field("address", "text", False, "the office's street address", True, '"123 Main Street, Portland, OR"'),
    Field("phone", "phone", True, "the telephone number visitors call", True, '"(503) 123-4567"'),
    Field("email", "email", True, "the e-mail address visitors write to", True, '"you@your-practice.com"'),
    Field(
        "booking_url",
        "https_url",
        True,
        "where the booking button leads",
        True,
        '"https://your-booking-service.com/your-page"',
    ),
    Field("booking_label", "text", True, "the words on the booking button", False, '"Book a consultation"'),
    Field("site_url", "site_url", True, "the site's live address", True, '"https://www.your-practice.com"'),
    Field("sessions", "table", True, "where sessions happen", False, fields=SESSIONS_FIELDS),
    # The pages a client reads before calling (practice_site.practice_pages and its templates).
    Field(
        "training",
        "text",
        True,
        "your training in ketamine-assisted psychotherapy",
        True,
        '"KAP training, Example Institute, 2023"',
    ),
    Field("reply_time", "text", True, "how soon you answer a message", True, '"within two working days"'),
    Field(
        "accessibility_reply_time",
        "text",
        True,
        "how soon you answer a report of an accessibility problem",
        True,
        '"within five working days"',
    ),
    Field("prescriber", "table", True, "the collaborating prescriber", True, fields=PRESCRIBER_FIELDS),
    Field(
        "web_host",
        "table",
        True,
        "the web host",
        True,
        fields=_service_fields("the web host", '"Netlify"'),
    ),
    Field(
        "booking_service",
        "table",
        True,
        "the booking service",
        True,
        fields=_service_fields("the booking service", '"SimplePractice"'),
    ),
    Field(
        "email_service",
        "table",
        True,
        "the e-mail provider",
        True,
        fields=_service_fields("the e-mail provider", '"Google Workspace"'),
    ),
)

# The [pricing] table is checked by practice_site.cost_calculator.settings (its
# keys and meaning are the cost calculator's); only its key names are needed here.
TABLES = {"practice": PRACTICE_FIELDS}


def field_named(fields: tuple[Field, ...], key: str) -> Field | None:
    """The field of `fields` called `key`, or None."""
    return next((field for field in fields if field.key == key), None)
