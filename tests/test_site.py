"""The site foundation: pages, navigation, head, footer, sitemap, and no blog leftovers."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from conftest import SITEURL, build_site

# Every page a visitor can reach from the menu, by output file, in menu order.
MENU_PAGES = [
    "index.html",
    "how-ketamine-works.html",
    "process.html",
    "is-kap-right-for-me.html",
    "costs.html",
    "faq.html",
    "about.html",
    "contact.html",
]

# Pages about the site itself, linked from every page's footer.
FOOTER_PAGES = ["privacy.html", "accessibility.html"]

PROCESS_STEPS = [
    ("intake", "Intake"),
    ("medical-screening", "Medical screening"),
    ("preparation", "Preparation"),
    ("medicine-sessions", "Medicine sessions"),
    ("integration", "Integration"),
    ("completion", "Completion"),
]

# The practice's contraindications, word for word from the brief.
CONTRAINDICATIONS = [
    "Medical conditions including uncontrolled hypertension, severe heart or liver disease, "
    "chronic migraines, sleep apnea, respiratory disorders",
    "Pregnant or breastfeeding",
    "Certain medications (benzodiazepines, opioids)",
    "Psychiatric conditions like active psychosis, personality disorders, active substance use, "
    "and acute suicidal ideation",
    "Ketamine allergy",
    "History of ketamine addiction",
    "Those without a stable support system",
    "Those without the ability to engage in therapy",
]


def text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_every_page_is_built(html_pages):
    assert set(MENU_PAGES) | set(FOOTER_PAGES) | {"404.html"} <= set(html_pages)


def test_privacy_and_accessibility_are_linked_from_every_footer(soups):
    for name, soup in soups.items():
        links = soup.select('footer nav[aria-label="About this site"] a')
        hrefs = sorted(urlparse(a["href"]).path.lstrip("/") for a in links)
        assert hrefs == sorted(FOOTER_PAGES), name


def test_every_page_is_reachable_from_the_navigation(soups):
    for name, soup in soups.items():
        nav = soup.select_one("header nav")
        assert nav is not None, f"{name} has no navigation"
        hrefs = [urlparse(a["href"]).path.lstrip("/") or "index.html" for a in nav.select("a")]
        assert hrefs == MENU_PAGES, name


def test_navigation_marks_the_current_page(soups):
    for name in MENU_PAGES:
        current = soups[name].select('header nav a[aria-current="page"]')
        assert len(current) == 1, name
        assert (urlparse(current[0]["href"]).path.lstrip("/") or "index.html") == name


def test_landmarks_skip_link_and_one_h1(soups):
    for name, soup in soups.items():
        assert len(soup.find_all("h1")) == 1, name
        assert soup.html["lang"] == "en", name
        for landmark in ("header", "nav", "main", "footer"):
            assert soup.find(landmark), f"{name} lacks <{landmark}>"
        skip = soup.select_one("a.skip-link")
        assert skip and soup.find(id=skip["href"].lstrip("#")) is not None, name


def test_titles_and_descriptions_are_present_and_unique(soups):
    titles, descriptions = {}, {}
    for name, soup in soups.items():
        title = soup.title.get_text(strip=True)
        description = soup.find("meta", attrs={"name": "description"})["content"].strip()
        assert title and description, name
        assert soup.find("meta", property="og:title")["content"] == title
        assert soup.find("meta", property="og:description")["content"] == description
        titles.setdefault(title, []).append(name)
        descriptions.setdefault(description, []).append(name)
    assert all(len(v) == 1 for v in titles.values()), titles
    assert all(len(v) == 1 for v in descriptions.values()), descriptions


def test_canonical_urls_are_absolute_and_point_at_the_page(soups):
    for name in MENU_PAGES + FOOTER_PAGES:
        canonical = soups[name].find("link", rel="canonical")["href"]
        expected = f"{SITEURL}/" if name == "index.html" else f"{SITEURL}/{name}"
        assert canonical == expected
        assert soups[name].find("meta", property="og:url")["content"] == expected


def test_process_shows_the_six_steps_in_order(soups):
    soup = soups["process.html"]
    steps = soup.select("main ol > li")
    assert len(steps) == len(PROCESS_STEPS)
    for step, (anchor, heading) in zip(steps, PROCESS_STEPS, strict=True):
        h2 = step.find("h2")
        assert h2["id"] == anchor
        assert text(h2).startswith(heading)
    body = text(soup.main)
    assert "1-3 are typically recommended" in body
    assert "typically 2-3 hours" in body and "4-6 medicine sessions" in body


def test_contraindications_are_complete_with_the_practice_note(soups):
    soup = soups["is-kap-right-for-me.html"]
    heading = soup.find(id="who-should-not-take-ketamine")
    items = [text(li) for li in heading.find_next("ul").find_all("li")]
    assert items == CONTRAINDICATIONS
    assert "considerations to be discussed thoroughly with your medical provider" in text(soup.main)


def test_home_page_explains_kap_and_links_onward(soups):
    soup = soups["index.html"]
    body = text(soup.main)
    assert "use of prescribed ketamine as an addition to psychotherapy sessions" in body
    assert "IV infusions" in body
    links = {urlparse(a["href"]).path.lstrip("/") for a in soup.main.find_all("a")}
    assert {"how-ketamine-works.html", "process.html", "costs.html", "faq.html"} <= links


def test_how_ketamine_works_keeps_the_facts(soups):
    body = text(soups["how-ketamine-works.html"].main)
    assert "10% to 25%" in body
    assert "glutamate" in body and "neuroplasticity" in body


def test_footer_crisis_notice_disclaimer_and_contact_on_every_page(soups):
    for name, soup in soups.items():
        footer = soup.find("footer")
        notice = footer.select_one(".crisis-notice")
        assert notice is not None, name
        hrefs = {a["href"] for a in notice.find_all("a")}
        assert {"tel:988", "sms:988", "tel:911"} <= hrefs, name
        assert "not for emergencies" in text(notice), name
        assert "not medical advice" in text(footer), name
        assert footer.find("a", href=re.compile(r"^mailto:")), name
        assert footer.find("a", href=re.compile(r"^tel:\+1\d{10}$")), name


def test_nothing_loads_from_another_origin(soups):
    for name, soup in soups.items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url or (tag == "link" and "canonical" in element.get("rel", [])):
                    continue
                host = urlparse(url).netloc
                assert host in ("", urlparse(SITEURL).netloc), f"{name}: {tag} {url}"
        assert not soup.find(attrs={"style": True}), f"{name} has a style attribute"
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") in ("application/ld+json", "application/json"), (
                name
            )


def test_sitemap_lists_exactly_the_pages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = MENU_PAGES + FOOTER_PAGES
    expected = sorted(f"{SITEURL}/" if p == "index.html" else f"{SITEURL}/{p}" for p in pages)
    assert locs == expected


def test_robots_txt_names_the_sitemap(site):
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_no_blog_pages_or_feeds(site, soups):
    names = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for unwanted in ("archives.html", "tags.html", "categories.html", "authors.html", "feeds"):
        assert not any(n.startswith(unwanted) for n in names), unwanted
    assert not any(re.match(r"(tag|category|author)/", n) for n in names)
    for soup in soups.values():
        assert not soup.find("link", type=re.compile("atom|rss"))


def test_favicon_is_our_own(site, soups):
    for soup in soups.values():
        icon = soup.find("link", rel="icon")
        path = urlparse(icon["href"]).path.lstrip("/")
        assert (site / path).is_file()


def test_missing_content_folder_gives_a_plain_error(tmp_path):
    result = build_site(tmp_path / "out", content=tmp_path / "no-such-folder")
    assert result.returncode != 0
    assert "content folder does not exist" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_bare_pelican_loads_every_plugin_of_ours(tmp_path):
    """Our plugins are an installed package, so `pelican` alone builds the same site."""
    import subprocess
    import sys

    from conftest import ROOT

    output = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "publishconf.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cannot load plugin" not in result.stdout + result.stderr
    assert (output / "_headers").is_file()
    assert "data-faq" in (output / "faq.html").read_text(encoding="utf-8")
    assert 'id="cost-calculator-model"' in (output / "costs.html").read_text(encoding="utf-8")
