"""Helpers shared by the tests: copies of the content, builds with test settings, and reading what was built.

- content and builds: `content_copy`, `edit`, `append`, `line_of`, `failed_build`, `make`, `snapshot`;
- the FAQ: `EXPECTED_SLUGS`, `faq_file`, `visible_entries`, `jsonld_blocks`, `squash`;
- prices: `site_pricing`, `price` (a price as the site shows it, from [pricing]), `build_with`
  and the expected rows and summary of the cost calculator, from the plugin's model;
- the practice file: `site_tables`, `content_with`, `ready_tables` (content/practice.toml).

Fixtures (the built site, the browser) are in conftest.py.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, SITEURL, build_site
from practice_site.cost_calculator import model, placeholders, widget  # noqa: F401 - re-exported for the tests

# --- Content and builds --------------------------------------------------------


def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content/ folder, named `content` like the real one."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in `path`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The line number (from 1) where `needle` first appears in `path`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def failed_build(
    content: Path, tmp_path: Path, settings: str = "publishconf.py", extra_args: list[str] | None = None
) -> str:
    """Build `content`; assert the build failed without a traceback; return what it printed."""
    result = build_site(tmp_path / "out", content=content, settings=settings, extra_args=extra_args)
    printed = result.stdout + result.stderr
    assert result.returncode != 0, printed
    assert "Traceback" not in printed
    assert "The site was NOT built" in result.stderr
    return result.stderr


def make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a real make target in the project folder."""
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env={**os.environ, "SITEURL": SITEURL, **(env or {})},
        capture_output=True,
        text=True,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, and every folder (as b'<dir>')."""
    return {
        p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


# --- The FAQ -------------------------------------------------------------------

# The twelve entries in the order the issue gives them, by slug ("What does ketamine feel
# like?" holds the answer once split into "why-is-it-hard-to-describe", now its alias).
EXPECTED_SLUGS = [
    "what-can-kap-help-with",
    "who-should-not-take-ketamine",
    "how-is-kap-different-from-iv-ketamine",
    "what-does-kap-cost",
    "what-does-ketamine-feel-like",
    "is-ketamine-addictive",
    "is-an-altered-state-safe",
    "what-are-the-side-effects",
    "can-i-drive-home",
    "what-should-i-bring",
    "how-should-i-prepare",
    "is-kap-a-quick-fix",
]

# The tags Google reads in an answer (the plugin must keep to these in JSON-LD).
GOOGLE_ANSWER_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div"}
GOOGLE_ANSWER_TAGS |= {"b", "strong", "i", "em"}


def faq_file(content: Path, slug: str) -> Path:
    return content / "faq" / f"{slug}.md"


def squash(text: str) -> str:
    """Text with runs of whitespace made one space, as a reader perceives it."""
    return " ".join(text.split())


def visible_entries(soup: BeautifulSoup) -> list[dict]:
    """The accordion as a visitor sees it: id, question and answer text of each entry, in order."""
    entries = []
    for details in soup.select("[data-faq] details.faq__entry"):
        entries.append(
            {
                "id": details["id"],
                "question": squash(details.summary.get_text()),
                "answer": squash(details.select_one(".faq__answer").get_text()),
                "answer_element": details.select_one(".faq__answer"),
            }
        )
    return entries


def jsonld_blocks(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD block on a page, parsed."""
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


# --- Prices and the cost calculator ------------------------------------------------

VECTORS = json.loads((Path(__file__).parent / "cost_vectors.json").read_text(encoding="utf-8"))
INPUT_ORDER = ("existing_client", "preparation", "medicine", "later_hours", "integration", "reimbursement")


def site_pricing() -> dict:
    """The [pricing] table the therapist keeps in content/practice.toml, read fresh (without its marks)."""
    pricing = copy.deepcopy(site_tables()["pricing"])
    pricing.pop("unconfirmed", None)
    return pricing


def price(name: str) -> str:
    """A price from the site's [pricing] (e.g. "hourly_rate") as the site shows it: "$150"."""
    return model.format_usd(site_pricing()[name])


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


# --- The practice file (content/practice.toml) ------------------------------------------

PRACTICE_FILE = ROOT / "content" / "practice.toml"


def site_tables() -> dict:
    """The real practice.toml, read fresh: {"practice": {...}, "pricing": {...}}."""
    return tomllib.loads(PRACTICE_FILE.read_text(encoding="utf-8"))


def toml_value(value) -> str:
    """`value` written as TOML (JSON's strings, numbers, booleans and arrays are TOML too)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value)


def toml_text(tables: dict) -> str:
    """A practice.toml with `tables` (each table's sub-tables written as their own parts)."""
    lines = []
    for table, values in tables.items():
        nested = {k: v for k, v in values.items() if isinstance(v, dict) and table == "practice"}
        lines.append(f"[{table}]")
        lines += [f"{key} = {toml_value(value)}" for key, value in values.items() if key not in nested]
        for key, value in nested.items():
            lines.append(f"[{table}.{key}]")
            lines += [f"{sub} = {toml_value(item)}" for sub, item in value.items()]
    return "\n".join(lines) + "\n"


def content_with(tmp_path: Path, tables: dict | None = None, *, text: str | None = None) -> Path:
    """A copy of the real content folder whose practice.toml holds `tables` (or exactly `text`)."""
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
    written = text if text is not None else toml_text(tables if tables is not None else site_tables())
    (content / "practice.toml").write_text(written, encoding="utf-8")
    return content


def ready_tables() -> dict:
    """The real file with every placeholder replaced and every assumption confirmed: ready to go live."""
    tables = site_tables()
    tables["practice"].update(
        name="Smith & Jones Counseling",
        therapist="Dana O'Neil",
        credentials="LMFT",
        city="Portland, Oregon",
        phone="(503) 123-4567",
        email="dana@smith-jones-counseling.com",
        booking_url="https://booking.smith-jones-counseling.com/dana",
        site_url="https://www.smith-jones-counseling.com",
        licence={"type": "LMFT", "number": "T1234", "state": "Oregon"},
        training="KAP training, Pacific Institute, 2023",
        reply_time="within two working days",
        accessibility_reply_time="within five working days",
        prescriber={"name": "Sam Lee, MD", "works_at": "Riverside Psychiatry"},
        web_host={"name": "Netlify", "privacy_url": "https://www.netlify.com/privacy/"},
        booking_service={"name": "SimplePractice", "privacy_url": "https://www.simplepractice.com/privacy/"},
        email_service={"name": "Proton Mail", "privacy_url": "https://proton.me/legal/privacy"},
        unconfirmed=[],
    )
    tables["pricing"]["unconfirmed"] = []
    return tables


# What the pages ship with where the therapist's own words go (the about page's approach).
PLACEHOLDER_LINE = re.compile(r"^PLACEHOLDER:.*$", re.M)


def ready_content(tmp_path: Path, tables: dict | None = None) -> Path:
    """A copy of the content that is ready to go live: the ready practice file (or `tables`),
    and the therapist's own words where a page still has a `PLACEHOLDER:` line."""
    content = content_with(tmp_path, tables if tables is not None else ready_tables())
    for page in (content / "pages").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        if PLACEHOLDER_LINE.search(text):
            page.write_text(PLACEHOLDER_LINE.sub("I work gently, at your pace.", text), encoding="utf-8")
    return content
