"""content/practice.toml: the practice's details and prices in one plain file, checked at the door
(mirrors plugins/practice_site/practice/)."""

from __future__ import annotations

import copy
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, load_settings
from support import (
    PRACTICE_FILE,
    content_with,
    failed_build,
    line_of,
    ready_content,
    ready_tables,
    site_tables,
    toml_text,
)


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_site_shows_the_practice_file(site):
    tables = site_tables()["practice"]
    page = soup_of(site / "process.html")
    contact = " ".join(page.select_one("footer .contact").get_text(" ").split())
    assert f"{tables['therapist']}, {tables['credentials']}" in contact
    assert tables["city"] in contact and tables["phone"] in contact and tables["email"] in contact
    digits = re.sub(r"\D", "", tables["phone"])
    assert page.select_one("footer .contact a[href^='tel:']")["href"] == f"tel:+1{digits}"
    button = page.select_one("footer .contact a.button")
    assert (button["href"], button.get_text()) == (tables["booking_url"], tables["booking_label"])
    assert page.select_one(".site-name").get_text() == tables["name"]


def test_the_settings_files_hold_no_practice_details():
    for name in ("pelicanconf.py", "publishconf.py"):
        settings = load_settings(name)
        assert not {"PRACTICE", "PRICING", "SITENAME", "AUTHOR", "PRACTICE_PHONE_TEL"} & set(settings), name
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "555" not in text and "example.com" not in text, name


def test_site_url_is_the_live_address_unless_siteurl_overrides_it(tmp_path):
    content = ready_content(tmp_path)
    live = build_site(tmp_path / "live", content=content, extra_env={"SITEURL": ""})
    assert live.returncode == 0, live.stderr
    canonical = soup_of(tmp_path / "live" / "costs.html").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://www.smith-jones-counseling.com/costs.html"
    preview = build_site(
        tmp_path / "preview", content=content, extra_env={"SITEURL": "http://127.0.0.1:8123"}
    )
    assert preview.returncode == 0, preview.stderr
    canonical = soup_of(tmp_path / "preview" / "costs.html").select_one("link[rel=canonical]")["href"]
    assert canonical == "http://127.0.0.1:8123/costs.html"


# Each case: a change to [practice], the key whose line the message names, and what it must say.
BAD_DETAILS = {
    "site_url without https://": ("site_url", "www.smithjones.com", ["does not start with https://"]),
    "site_url with a page": ("site_url", "https://www.smithjones.com/home", ["has more than the domain"]),
    "site_url over http": ("site_url", "http://www.smithjones.com", ["does not start with https://"]),
    "site_url without a domain": ("site_url", "https://localhost", ["has no proper domain name"]),
    "e-mail without @": ("email", "dana.smithjones.com", ["is not an e-mail address"]),
    "phone too short": ("phone", "(503) 123-456", ["does not have the 10 digits"]),
    "phone with letters": ("phone", "call 503 123 4567", ["has characters a telephone number does not have"]),
    "phone as a number": ("phone", 5031234567, ["is not text"]),
    "booking link over http": (
        "booking_url",
        "http://booking.smithjones.com/",
        ["does not start with https://"],
    ),
    "empty name": ("name", "  ", ["it is empty"]),
    "unknown kind of telehealth session": (
        "sessions",
        {"in_person": True, "telehealth": ["walks"]},
        ["'walks'"],
    ),
}


@pytest.mark.parametrize("case", BAD_DETAILS, ids=list(BAD_DETAILS))
def test_each_bad_detail_is_refused_with_file_line_and_fix(case, tmp_path):
    key, value, expected = BAD_DETAILS[case]
    tables = ready_tables()
    tables["practice"][key] = value
    content = content_with(tmp_path, tables)
    message = failed_build(content, tmp_path)
    needle = "telehealth = " if key == "sessions" else f"{key} = "
    line = line_of(content / "practice.toml", needle)
    assert f"content/practice.toml, line {line}: " in message
    assert "How to fix it: Write " in message
    for words in expected:
        assert words in message
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_toml_mistake_names_the_line(tmp_path):
    text = PRACTICE_FILE.read_text(encoding="utf-8").replace('city = "[City, State]"', "city = Portland")
    content = content_with(tmp_path, text=text)
    message = failed_build(content, tmp_path)
    line = line_of(content / "practice.toml", "city = Portland")
    assert f"content/practice.toml, line {line}: The computer cannot read this line" in message
    assert "Text must be between double quotes" in message


def test_unknown_missing_and_misspelt_keys_are_all_listed(tmp_path):
    tables = copy.deepcopy(site_tables())
    tables["practice"]["phon"] = tables["practice"].pop("phone")
    del tables["practice"]["email"]
    tables["pricing"]["unconfirmed"].append("intake_hour")
    content = content_with(tmp_path, tables)
    message = failed_build(content, tmp_path)
    written = content / "practice.toml"
    assert f"content/practice.toml, line {line_of(written, 'phon = ')}: phon: this is not a detail" in message
    assert "Did you mean 'phone'?" in message
    assert f"content/practice.toml, line {line_of(written, '[practice]')}: [practice]: email (" in message
    assert "is missing" in message
    assert "unconfirmed: 'intake_hour' names no value of [pricing]" in message


def test_a_missing_practice_file_is_named(tmp_path):
    content = content_with(tmp_path)
    (content / "practice.toml").unlink()
    message = failed_build(content, tmp_path)
    assert "content/practice.toml: The file with the practice's details and prices is missing." in message


@pytest.mark.parametrize(("key", "value"), [("hourly_rate", 10**17), ("medical_screen_fee", 100_001)])
def test_very_large_prices_are_refused(key, value, tmp_path):
    tables = site_tables()
    tables["pricing"][key] = value
    content = content_with(tmp_path, tables)
    message = failed_build(content, tmp_path)
    line = line_of(content / "practice.toml", f"{key} = ")
    assert f"content/practice.toml, line {line}: {key}: {value} is larger than the site can show" in message


def test_the_helpers_write_the_real_file_faithfully():
    # The tests change copies written by toml_text: it must read back as the real file does.
    import tomllib

    assert tomllib.loads(toml_text(site_tables())) == site_tables()
