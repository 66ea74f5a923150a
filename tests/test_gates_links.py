"""Gate 5, links: every internal link, image, stylesheet, script and fragment in output/ resolves.

Absolute URLs on the production SITEURL count as internal; links to other sites
and `mailto:`/`tel:`/`sms:` links are not followed (no network in tests).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from conftest import SITEURL

URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "action", "data")
META_URL_PROPERTIES = ("og:url", "og:image")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
NOT_FOLLOWED_SCHEMES = ("mailto", "tel", "sms", "data")


def urls_in(soup: BeautifulSoup) -> list[str]:
    """Every URL a page refers to: link targets, sources, srcset candidates, og: URLs."""
    urls = []
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                urls += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            else:
                urls.append(value)
    for meta in soup.find_all("meta", property=META_URL_PROPERTIES):
        urls.append(meta.get("content", ""))
    return urls


def ids_in(soup: BeautifulSoup) -> set[str]:
    return {e["id"] for e in soup.find_all(id=True)} | {
        a["name"] for a in soup.find_all("a", attrs={"name": True})
    }


def resolve(site: Path, path: str) -> Path | None:
    """The output file a URL path is served from, or None."""
    target = site / unquote(path).lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(site: Path, siteurl: str) -> list[str]:
    """Every internal reference in `site` that does not resolve, as 'file: url: why'."""
    home = urlsplit(siteurl)
    soups, problems = {}, []

    def soup_of(path: Path) -> BeautifulSoup:
        if path not in soups:
            soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return soups[path]

    references = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        references += [(name, url) for url in urls_in(soup_of(page))]
    for sheet in sorted(site.rglob("*.css")):
        name = sheet.relative_to(site).as_posix()
        references += [(name, url) for url in CSS_URL.findall(sheet.read_text(encoding="utf-8"))]
    for sitemap in sorted(site.rglob("sitemap*.xml")):
        references += [("sitemap.xml", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text())]

    for name, url in references:
        absolute = urlsplit(urljoin(f"{siteurl}/{name}", url.strip()))
        if absolute.scheme in NOT_FOLLOWED_SCHEMES or (absolute.scheme, absolute.netloc) != (
            home.scheme,
            home.netloc,
        ):
            continue
        if not url.strip() or url.strip() == "#":
            problems.append(f"{name}: {url!r}: an empty link goes nowhere")
            continue
        target = resolve(site, absolute.path or "/")
        if target is None:
            problems.append(f"{name}: {url}: no file {absolute.path} in the output")
        elif (
            absolute.fragment
            and target.suffix == ".html"
            and unquote(absolute.fragment) not in ids_in(soup_of(target))
        ):
            problems.append(
                f"{name}: {url}: {target.relative_to(site)} has no element with id={absolute.fragment!r}"
            )
    return problems


def test_every_internal_link_and_fragment_resolves(site):
    problems = broken_links(site, SITEURL)
    assert not problems, "Broken internal links:\n" + "\n".join(problems)


def test_broken_links_and_fragments_are_found(tmp_path):
    """The gate can fail: a missing page, image and fragment are each reported; good ones are not."""
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"")
    (tmp_path / "index.html").write_text('<main id="top"><h2 id="step">Step</h2></main>', encoding="utf-8")
    (tmp_path / "page.html").write_text(
        '<a href="index.html#step">ok</a> <a href="https://site.test/#top">ok</a>'
        '<a href="#here" id="here">ok</a>'
        '<a href="https://elsewhere.test/x">not followed</a> <a href="mailto:a@b.c">mail</a>'
        '<img srcset="img/a.png 1x, img/b.png 2x" alt=""> <a href="/missing.html">bad</a>'
        '<a href="https://site.test/index.html#nowhere">bad</a> <a href="#">bad</a>',
        encoding="utf-8",
    )
    problems = broken_links(tmp_path, "https://site.test")
    assert len(problems) == 4, problems
    assert any("img/b.png" in p for p in problems)
    assert any("/missing.html" in p for p in problems)
    assert any("'nowhere'" in p for p in problems)
    assert any("goes nowhere" in p for p in problems)
