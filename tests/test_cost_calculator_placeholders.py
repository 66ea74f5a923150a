"""`{price:NAME}` placeholders: filled in from PRICING everywhere, unknown names stop
the build, and a changed rate shows everywhere (mirrors placeholders.py)."""

from __future__ import annotations

import json
import shutil

from bs4 import BeautifulSoup
from conftest import ROOT, build_site
from support import build_with, model, placeholders, site_pricing


def text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def output_files_containing(folder, needle: str) -> set[str]:
    found = set()
    for path in folder.rglob("*"):
        if path.is_file() and needle in path.read_text(encoding="utf-8", errors="replace"):
            found.add(path.relative_to(folder).as_posix())
    return found


def test_the_costs_page_keeps_the_practice_words_with_prices_from_the_settings(soups):
    pricing = site_pricing()
    rate, screen = model.format_usd(pricing["hourly_rate"]), model.format_usd(pricing["medical_screen_fee"])
    body = text(soups["costs.html"].main)
    assert (
        f"I charge my typical rate of {rate}/hour for intake, prep, medicine, and integration sessions."
        in body
    )
    assert f"the initial medicine session is scheduled for {pricing['first_medicine_hours']} hours" in body
    assert f"The medical screen with my collaborating prescriber has a cost of {screen}." in body
    assert "reimbursed for the preparation and integration sessions" in body
    assert "Superbill" in body


def test_placeholders_work_in_page_metadata(soups):
    description = soups["costs.html"].find("meta", attrs={"name": "description"})["content"]
    assert f"the first {site_pricing()['first_medicine_hours']}-hour medicine session" in description


def test_no_placeholder_is_left_in_the_output(site):
    assert output_files_containing(site, "{price:") == set()
    assert output_files_containing(site, "{cost_calculator}") == set()


def test_no_price_is_typed_into_the_markdown():
    pricing = site_pricing()
    typed = {model.format_usd(pricing[name]) for name in ("hourly_rate", "medical_screen_fee")}
    for path in (ROOT / "content").rglob("*.md"):
        source = path.read_text(encoding="utf-8")
        assert not any(price in source for price in typed), path


def test_every_placeholder_name_is_listed_in_the_readme():
    pricing = site_pricing()
    names = placeholders.placeholder_values(pricing, model.build_model(pricing))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in names if f"{{price:{name}}}" not in readme]
    assert missing == []


def test_an_unknown_name_stops_the_build_naming_file_line_and_valid_names(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    answer = content / "faq" / "what-does-kap-cost.md"
    source = answer.read_text(encoding="utf-8").replace("{price:medical_screen_fee}", "{price:screen_fee}")
    answer.write_text(source, encoding="utf-8")
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "{price:screen_fee}" in text)

    result = build_site(tmp_path / "out", content=content)

    assert result.returncode == 1
    assert f"content/faq/what-does-kap-cost.md, line {line}:" in result.stderr
    assert "{price:screen_fee} names no value in [pricing] of content/practice.toml" in result.stderr
    assert "hourly_rate" in result.stderr and "medical_screen_fee" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_changing_the_hourly_rate_changes_it_everywhere(site, tmp_path):
    pricing = site_pricing()
    old = model.format_usd(pricing["hourly_rate"])
    pricing["hourly_rate"] += 25
    new = model.format_usd(pricing["hourly_rate"])
    showing_old = output_files_containing(site, old)
    assert "costs.html" in showing_old

    result, output = build_with(tmp_path, pricing)

    assert result.returncode == 0, result.stderr
    assert output_files_containing(output, old) == set()
    assert showing_old <= output_files_containing(output, new)
    soup = BeautifulSoup((output / "costs.html").read_text(encoding="utf-8"), "html.parser")
    assert f"rate of {new}/hour" in text(soup.main)
    intake = soup.select_one('[data-out="intake.amount"]')
    assert text(intake) == model.format_usd(pricing["hourly_rate"] * pricing["intake_hours"])
    data = json.loads(soup.find("script", id="cost-calculator-model").string)
    session_prices = {line["price"] for line in data["lines"] if line["payee"] == "practice"}
    assert session_prices == {pricing["hourly_rate"]}
