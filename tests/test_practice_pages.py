"""The pages a client reads before calling (issue 12): about, contact, privacy, accessibility,
the call to action on every page and the practice's schema.org node.

Templates: theme/templates/{about,contact,privacy,accessibility,home}.html and partials/;
plugin: plugins/practice_site/practice_pages/ ({steps:...}, the JSON-LD, dated pages).
Facts come from PRACTICE, so the tests read them from the settings, never retype them.
"""

from __future__ import annotations

from urllib.parse import urlparse

import extruct
import pytest
from bs4 import BeautifulSoup
from conftest import SITEURL, build_site, load_settings
from support import content_copy, edit, failed_build, ready_content, ready_tables, site_tables

PRACTICE = site_tables()["practice"]
PROMISES = load_settings("publishconf.py")["PRIVACY_PROMISES"]
# Pages that end with the call to action: every content page but these two.
WITHOUT_CALL_TO_ACTION = {"contact.html", "404.html"}


def text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def main_text(soups, name: str) -> str:
    return text(soups[name].main)


# --- 1. About the therapist ---------------------------------------------------------


def test_about_page_shows_who_the_therapist_is(soups):
    main = soups["about.html"].main
    body = text(main)
    assert text(main.h1) == f"About {PRACTICE['therapist']}"
    assert f"{PRACTICE['therapist']}, {PRACTICE['credentials']}" in body
    licence = PRACTICE["licence"]
    assert f"{licence['type']}, number {licence['number']}, {licence['state']}" in body
    assert PRACTICE["training"] in body
    assert f"Sessions happen in person, in {PRACTICE['city']}." in body
    video = PRACTICE["sessions"]["telehealth"]
    assert f"{', '.join(video[:-1]).capitalize()} and {video[-1]} sessions can also happen by video" in body
    prescriber = PRACTICE["prescriber"]
    assert f"{prescriber['name']}, of {prescriber['works_at']}" in body
    terms = [text(dt) for dt in main.select("dl.facts dt")]
    assert terms == ["Licence", "Training in KAP", "Where sessions happen", "The prescriber"]
    # The approach in the therapist's own words: the page's Markdown, an obvious placeholder for now.
    approach = main.find("h2", id="my-approach")
    assert approach is not None and text(approach.find_next("p")).startswith("PLACEHOLDER: Your approach")


def test_a_photo_with_a_description_shows_on_the_about_page(tmp_path):
    content = content_copy(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "therapist.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8"
    )
    edit(
        content / "pages" / "about.md",
        "## My approach",
        "![The therapist in the office]({static}/images/therapist.svg){: .portrait }\n\n## My approach",
    )
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "out" / "about.html").read_text(encoding="utf-8"), "html.parser")
    image = soup.main.find("img", class_="portrait")
    assert image["alt"] == "The therapist in the office"
    assert (tmp_path / "out" / urlparse(image["src"]).path.lstrip("/")).is_file()


# --- 2. Contact and booking -----------------------------------------------------------


def test_contact_page_has_the_ways_to_reach_the_practice(soups):
    main = soups["contact.html"].main
    hrefs = {a["href"] for a in main.find_all("a")}
    assert {PRACTICE["booking_url"], f"mailto:{PRACTICE['email']}"} <= hrefs
    assert any(href.startswith("tel:+1") for href in hrefs)
    assert f"You will hear back {PRACTICE['reply_time']}." in text(main)


def test_contact_page_warns_that_email_is_not_secure_and_shows_the_crisis_notice(soups):
    main = soups["contact.html"].main
    notice = main.select_one("section.notice")
    assert "E-mail is not a safe way to send private facts" in text(notice)
    assert "do not write about your health" in text(notice)
    crisis = main.select_one("section.crisis-notice")
    assert {"tel:988", "tel:911"} <= {a["href"] for a in crisis.find_all("a")}
    # The crisis notice comes first, before any way to reach the practice.
    assert crisis.sourceline < main.find("ul", class_="contact-ways").sourceline


def test_contact_page_shows_the_first_two_steps_of_the_process_page(soups):
    process_steps = soups["process.html"].main.select("ol > li")[:2]
    shown = soups["contact.html"].main.select("ol.steps-excerpt > li")
    assert [li["value"] for li in shown] == ["1", "2"]
    assert [text(li) for li in shown] == [text(li) for li in process_steps]
    assert [h.name for li in shown for h in li.find_all(["h2", "h3"])] == ["h3", "h3"]


def test_contact_page_embeds_nothing_from_another_site(soups):
    main = soups["contact.html"].main
    assert not main.find(["iframe", "embed", "object", "form", "script", "img"])


def test_a_step_changed_on_the_process_page_changes_on_the_contact_page(tmp_path):
    content = content_copy(tmp_path)
    process = content / "pages" / "process.md"
    edit(process, "we will do a standard therapy intake", "we will meet for an intake")
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "contact.html").read_text(encoding="utf-8")
    assert "we will meet for an intake" in html and "standard therapy intake" not in html


@pytest.mark.parametrize(
    ("embed", "words"),
    [
        ("{steps:process.md#intake,screening}", "The steps of process.md are: intake, medical-screening"),
        ("{steps:procedure.md#intake}", 'names the page "procedure.md", which does not exist'),
    ],
)
def test_a_wrong_steps_embed_stops_the_build_with_a_plain_message(tmp_path, embed, words):
    content = content_copy(tmp_path)
    edit(content / "pages" / "contact.md", "{steps:process.md#intake,medical-screening}", embed)
    message = failed_build(content, tmp_path)
    assert "content/pages/contact.md" in message and words in message, message


# --- 3. A next step on every page -------------------------------------------------------


def test_every_content_page_ends_with_the_same_call_to_action(soups):
    for name, soup in soups.items():
        found = soup.main.select("section.next-step")
        if name in WITHOUT_CALL_TO_ACTION:
            assert not found, name
            continue
        assert len(found) == 1, name
        last = [child for child in soup.main.children if getattr(child, "name", None)][-1]
        assert last is found[0], f"{name}: the call to action is not the last thing in main"
        button = found[0].select_one("a.button")
        assert button["href"] == PRACTICE["booking_url"] and text(button) == PRACTICE["booking_label"]
        contact = found[0].find("a", href=f"{SITEURL}/contact.html")
        assert contact is not None, name


def test_the_booking_button_uses_the_practices_word_everywhere(soups):
    assert "intake" in PRACTICE["booking_label"].lower()  # the process's word for the first meeting
    for name, soup in soups.items():
        buttons = soup.find_all("a", href=PRACTICE["booking_url"])
        assert buttons, name
        assert {text(b) for b in buttons} <= {PRACTICE["booking_label"]}, name
        assert "Book a consultation" not in text(soup), name


# --- 4. Privacy notice --------------------------------------------------------------------


def test_privacy_notice_makes_exactly_the_promises_the_gate_proves(soups):
    items = soups["privacy.html"].main.select("ul.promises > li")
    assert [text(li) for li in items] == [promise["text"] for promise in PROMISES]
    assert [li["id"] for li in items] == [f"promise-{promise['id']}" for promise in PROMISES]


def test_privacy_notice_names_the_host_the_services_and_whom_to_ask(soups):
    main = soups["privacy.html"].main
    body = text(main)
    for service in ("web_host", "booking_service", "email_service"):
        assert PRACTICE[service]["name"] in body, service
    assert "server log" in body and "IP address" in body
    assert main.find("a", href=f"mailto:{PRACTICE['email']}") is not None
    for service in ("web_host", "booking_service", "email_service"):
        link = main.find("a", href=PRACTICE[service]["privacy_url"])
        assert link is not None and "privacy policy" in text(link), service
    assert main.find("time", datetime="2026-11-27") is not None


# --- 5. Accessibility statement -------------------------------------------------------------


def test_accessibility_statement_says_the_standard_the_checks_the_limits_and_whom_to_tell(soups):
    main = soups["accessibility.html"].main
    body = text(main)
    assert "WCAG) 2.2, at level AA" in body
    for check in ("axe", "phone-sized screen", "wide screen", "dark mode", "Nu HTML Checker", "keyboard"):
        assert check in body, check
    assert "JavaScript turned off" in body and "Lighthouse" in body
    assert main.find("h2", id="known-limits") is not None
    assert f"You will hear back {PRACTICE['accessibility_reply_time']}." in body
    assert main.find("a", href=f"mailto:{PRACTICE['email']}") is not None
    assert main.find("time", datetime="2026-11-27") is not None


def test_a_dated_page_without_its_date_stops_the_build(tmp_path):
    content = content_copy(tmp_path)
    edit(content / "pages" / "privacy.md", "Modified: 2026-11-27\n", "")
    message = failed_build(content, tmp_path)
    assert "content/pages/privacy.md: This page tells visitors when it was last changed" in message
    assert "Add a line 'Modified:" in message


# --- 6. The practice for search engines ------------------------------------------------------


def practice_nodes(html: str, url: str) -> list[dict]:
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa"], uniform=True)
    return [n for n in data["json-ld"] if n.get("@type") == "MedicalBusiness"]


def footer_facts(soup) -> dict[str, str]:
    contact = soup.footer.select_one("section.contact")
    return {
        "name": text(contact.select_one(".contact__name")),
        "person": text(contact.select_one(".contact__person")),
        "place": text(contact.select_one(".contact__place")),
        "telephone": contact.select_one("a.contact__phone")["href"].removeprefix("tel:"),
        "email": contact.select_one("a.contact__email")["href"].removeprefix("mailto:"),
    }


def assert_node_matches_footer(node: dict, facts: dict[str, str]) -> None:
    assert node["name"] == facts["name"]
    assert node["telephone"] == facts["telephone"]
    assert node["email"] == facts["email"]
    assert node["url"] == f"{SITEURL}/"
    assert node.get("address", node["areaServed"]) == facts["place"]
    person = node["employee"]
    assert person["@type"] == "Person"
    assert f"{person['name']}, {person['honorificSuffix']}" == facts["person"]


def test_home_page_has_one_practice_node_that_says_what_the_footer_says(html_pages, soups):
    html = html_pages["index.html"].read_text(encoding="utf-8")
    nodes = practice_nodes(html, f"{SITEURL}/")
    assert len(nodes) == 1
    assert_node_matches_footer(nodes[0], footer_facts(soups["index.html"]))
    credential = nodes[0]["employee"]["hasCredential"]
    assert credential["name"] == PRACTICE["licence"]["type"]
    assert credential["identifier"] == PRACTICE["licence"]["number"]
    assert credential["recognizedBy"]["name"] == PRACTICE["licence"]["state"]


def test_the_faq_page_keeps_the_only_faq_markup_and_no_other_page_has_the_practice_node(html_pages):
    for name, path in html_pages.items():
        data = extruct.extract(path.read_text(encoding="utf-8"), base_url=f"{SITEURL}/{name}", uniform=True)
        types = [n.get("@type") for syntax in data.values() for n in syntax if isinstance(n, dict)]
        assert types.count("FAQPage") == (1 if name == "faq.html" else 0), name
        assert "Question" not in types, name
        assert types.count("MedicalBusiness") == (1 if name == "index.html" else 0), name


def test_real_details_fill_the_node_the_footer_and_the_links(tmp_path):
    """With the practice's real details (an address, real policy links), all pages agree."""
    tables = ready_tables()
    tables["practice"].update(
        name="Calm Harbor Therapy",
        address="12 Elm Street, Springfield, IL 62701",
        sessions={"in_person": True, "telehealth": ["integration"]},
    )
    content = ready_content(tmp_path, tables)
    result = build_site(tmp_path / "out", content=content, extra_env={"SITEURL": SITEURL})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    node = practice_nodes(html, f"{SITEURL}/")[0]
    assert node["address"] == "12 Elm Street, Springfield, IL 62701" and node["name"] == "Calm Harbor Therapy"
    assert_node_matches_footer(node, footer_facts(soup))
    about = BeautifulSoup((tmp_path / "out" / "about.html").read_text(encoding="utf-8"), "html.parser")
    body = text(about.main)
    assert "Sessions happen in person, in 12 Elm Street, Springfield, IL 62701." in body
    assert "Integration sessions can also happen by video (telehealth)." in body
    assert "I work gently, at your pace." in body and "PLACEHOLDER" not in body
