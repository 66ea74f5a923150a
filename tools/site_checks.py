"""The one checker of the built site, run by every build (`make check`, `make publish`) and by the tests.

It reads what a visitor, a browser or a search engine gets: every HTML page, every
style sheet and the sitemap in the output folder, and reports as `Finding`s:

- links, pictures, style sheets and scripts that lead to no file of the site
  (href, src, srcset, poster, action, data, the og: URLs, CSS `url()`, the sitemap's
  `<loc>`s), and links still written in Pelican's `{filename}` form;
- `#fragments` that name no element of the page they lead to, and empty links;
- pictures without a description (alt text);
- an `id` used twice on one page;
- headings out of order: not exactly one `h1`, or a level skipped on the way down.

A finding knows the built file it was found in and the text to look for in the
Markdown sources; `tools/site_problems.py` turns findings into the therapist's
`Problem`s. The pages are read with the standard library's HTMLParser, which
Python-Markdown imports anyway: no tree is built, so a check costs one pass per page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes whose value is a URL (srcset: a list of them).
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "action", "data"})
# <meta property=...> whose content is a URL of the site.
META_URL_PROPERTIES = frozenset({"og:url", "og:image"})
PICTURE_TAGS = frozenset({"img", "source", "picture", "video"})
# Schemes that are not addresses of pages (nothing to follow, and no network in checks).
NOT_FOLLOWED_SCHEMES = frozenset({"mailto", "tel", "sms", "data", "javascript"})
# Pelican's link syntax; a link still starting with one of these was not resolved.
PELICAN_LINK_PREFIXES = ("{filename}", "{static}", "{attach}", "%7Bfilename%7D", "%7Bstatic%7D")
CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)")
SITEMAP_LOC = re.compile(r"<loc>\s*([^<]*?)\s*</loc>")
HEADING = re.compile(r"^h([1-6])$")
# The base used for a build without SITEURL (development): any address of no other site.
LOCAL_SITE = "http://site.invalid"
# How many link names a message lists at most.
LISTED_IDS = 30

PICTURE_FIX = (
    "Put the picture in the folder content/images/ and write it as "
    "![what the picture shows]({static}/images/NAME), with NAME exactly the "
    "picture's file name (capital letters count)."
)


@dataclass(frozen=True)
class Finding:
    """One problem on the built site, with what is needed to find where it was written."""

    page: str  # the built file, relative to the output folder: "faq.html", "theme/css/site.css"
    what: str
    fix: str
    kind: str  # "link", "fragment", "picture", "alt", "id", "heading", "css", "sitemap"
    needles: tuple[str, ...] = ()  # text to look for in the sources, best first
    target: str = ""  # the URL as written on the built page, where the finding is about one
    field: str | None = None


@dataclass
class PageFacts:
    """What one HTML page refers to and contains, read in one pass."""

    urls: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    ids: dict[str, int] = field(default_factory=dict)  # id -> how many elements have it
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text)
    pictures_without_alt: list[str] = field(default_factory=list)  # their src


class _PageReader(HTMLParser):
    """Collects a page's URLs, ids, headings and pictures without alt text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.heading: list | None = None  # [level, text parts] while inside a heading

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = {name: value or "" for name, value in attrs}
        facts = self.facts
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                if name == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            facts.urls.append((tag, candidate.split()[0]))
                else:
                    facts.urls.append((tag, value))
            elif name == "id" or (name == "name" and tag == "a"):
                facts.ids[value] = facts.ids.get(value, 0) + (name == "id")
        if tag == "meta" and values.get("property") in META_URL_PROPERTIES:
            facts.urls.append(("meta", values.get("content", "")))
        elif tag == "img" and not values.get("alt", "").strip():
            facts.pictures_without_alt.append(values.get("src", ""))
        heading = HEADING.match(tag)
        if heading:
            self.heading = [int(heading.group(1)), []]

    def handle_endtag(self, tag: str) -> None:
        if self.heading is not None and HEADING.match(tag):
            self.facts.headings.append((self.heading[0], " ".join("".join(self.heading[1]).split())))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading[1].append(data)


def read_page(html: str) -> PageFacts:
    """The URLs, ids, headings and pictures of one page."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.facts


class _Site:
    """The output folder and its address: which URLs are ours and which file serves each."""

    def __init__(self, output: Path, siteurl: str) -> None:
        self.output = output
        self.home = urlsplit(siteurl or LOCAL_SITE)
        self.prefix = self.home.path.rstrip("/")  # a site served from a sub-folder
        # Most links repeat on every page (the menu, the styles): each is resolved once.
        self._places: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._files: dict[str, str | None] = {}

    def path_of(self, url: str, base: str) -> tuple[str, str] | None:
        """(site path, fragment) of `url` as read on the built file `base`; None for other sites."""
        key = (posixpath.dirname(base), url)
        if key not in self._places:
            self._places[key] = self._path_of(url, base)
        return self._places[key]

    def _path_of(self, url: str, base: str) -> tuple[str, str] | None:
        absolute = urlsplit(urljoin(f"{self.home.scheme}://{self.home.netloc}{self.prefix}/{base}", url))
        if absolute.scheme in NOT_FOLLOWED_SCHEMES:
            return None
        if (absolute.scheme, absolute.netloc) != (self.home.scheme, self.home.netloc):
            return None
        path = unquote(absolute.path) or "/"
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            path = path[len(self.prefix) :] or "/"
        return path, unquote(absolute.fragment)

    def shown(self, url: str) -> str:
        """`url` without the site's own address in front, as short as the editor knows it."""
        return url.removeprefix(f"{self.home.scheme}://{self.home.netloc}{self.prefix}/")

    def file_of(self, path: str) -> str | None:
        """The built file (relative to the output folder) served at `path`, or None."""
        if path not in self._files:
            self._files[path] = self._file_of(path)
        return self._files[path]

    def _file_of(self, path: str) -> str | None:
        relative = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
        if relative.startswith(".."):
            return None
        target = self.output / relative if relative else self.output
        if path.endswith("/") or target.is_dir():
            index = posixpath.join(relative, "index.html") if relative else "index.html"
            return index if (self.output / index).is_file() else None
        return relative if target.is_file() else None


def pelican_target(url: str) -> tuple[str, str] | None:
    """('filename', 'x.md') for an unresolved `{filename}x.md`, else None."""
    for prefix in PELICAN_LINK_PREFIXES:
        if url.startswith(prefix):
            return unquote(prefix).strip("{}"), url[len(prefix) :]
    return None


def _listed(names) -> str:
    names = sorted(n for n in names if n)
    if not names:
        return "(none)"
    shown = ", ".join(names[:LISTED_IDS])
    return shown + (f" and {len(names) - LISTED_IDS} more" if len(names) > LISTED_IDS else "")


class SiteChecker:
    """Checks every built file of one output folder; `run()` returns every finding."""

    def __init__(
        self,
        output: Path,
        siteurl: str = "",
        page_names: list[str] | None = None,
        verbatim: set[str] | None = None,
    ) -> None:
        self.output = output
        # Files copied as they are (content/extra/: a search engine's verification page):
        # their links are checked, their headings and ids are not the site's to fix.
        self.verbatim = verbatim or set()
        self.site = _Site(output, siteurl)
        # The pages a link to a missing page could have meant (the source files' names).
        self.page_names = page_names or []
        self.facts: dict[str, PageFacts] = {}
        self.theme_ids: set[str] = set()

    def run(self) -> list[Finding]:
        findings: list[Finding] = []
        for html_file in sorted(self.output.rglob("*.html")):
            name = html_file.relative_to(self.output).as_posix()
            self.facts[name] = read_page(html_file.read_text(encoding="utf-8"))
        # Ids on every page come from the theme (the menu, the footer): not worth listing in a hint.
        pages = [set(facts.ids) for facts in self.facts.values()]
        self.theme_ids = set.intersection(*pages) if len(pages) > 1 else set()
        for name, facts in self.facts.items():
            findings += self._page(name, facts)
        for sheet in sorted(self.output.rglob("*.css")):
            findings += self._style_sheet(sheet.relative_to(self.output).as_posix(), sheet)
        for sitemap in sorted(self.output.rglob("sitemap*.xml")):
            findings += self._sitemap(sitemap.relative_to(self.output).as_posix(), sitemap)
        return findings

    # --- HTML pages ------------------------------------------------------------

    def _page(self, name: str, facts: PageFacts) -> list[Finding]:
        findings = []
        for tag, url in facts.urls:
            finding = self._url(name, tag, url.strip())
            if finding:
                findings.append(finding)
        for src in facts.pictures_without_alt:
            findings.append(self._no_alt(name, src))
        if name in self.verbatim:
            return findings
        for element_id, count in facts.ids.items():
            if count > 1:
                findings.append(
                    Finding(
                        page=name,
                        kind="id",
                        what=f"The page {name} has {count} parts with the same link name (id) "
                        f"'{element_id}', so a link to it cannot tell them apart.",
                        fix="Give each heading or part its own name: if one paragraph such as "
                        "{cost_calculator} or {faq:...} is written twice on the page, keep only one.",
                        needles=(element_id,),
                        field="id",
                    )
                )
        findings += self._headings(name, facts.headings)
        return findings

    def _url(self, page: str, tag: str, url: str) -> Finding | None:
        picture = tag in PICTURE_TAGS
        if not url or url == "#":
            return Finding(
                page=page,
                kind="link",
                what=f"A link on {page} has no address, so it goes nowhere.",
                fix="Write the address between the round brackets: [words](address).",
                target=url,
                # How such a link is written: found in the page's own file first, then in the
                # others (a FAQ answer shown on the page), so the editor is sent to its line.
                needles=("]()", "](#)", "]( )", 'href=""', 'href="#"', "href=''", "href='#'"),
            )
        unresolved = pelican_target(url)
        if unresolved:
            kind, written = unresolved
            if picture or kind != "filename":
                return Finding(
                    page=page,
                    kind="picture",
                    what=f"The picture or file '{written}' does not exist.",
                    fix=PICTURE_FIX,
                    needles=(url, written),
                    target=url,
                )
            page_file = posixpath.basename(written.split("#")[0])
            if page_file in self.page_names:
                # The page exists, but not where the link looks from its file: never say
                # "does not exist" and then list it among the pages.
                return Finding(
                    page=page,
                    kind="link",
                    what=f"The link to '{written}' does not find the page {page_file} from the folder of "
                    "the file it is written in.",
                    fix=f"Write it as [words]({{filename}}/pages/{page_file}), which works from any file.",
                    needles=(url, written),
                    target=url,
                )
            return Finding(
                page=page,
                kind="link",
                what=f"The link to '{written}' goes to a page that does not exist.",
                fix="Correct the file name after {filename}; it must be the name of a page file, "
                f"for example [words]({{filename}}process.md). The pages are: {_listed(self.page_names)}.",
                needles=(url, written),
                target=url,
            )
        if url.startswith("#"):
            # A link within the page (the FAQ has one per question): no address to resolve.
            target, fragment, written = page, unquote(url[1:]), url
        else:
            place = self.site.path_of(url, page)
            if place is None:
                return None  # another site, e-mail, telephone …: not ours to check (no network)
            path, fragment = place
            written = urlsplit(url).path or url
            target = self.site.file_of(path)
        if target is None:
            return self._missing(page, url, written, picture)
        if fragment and target.endswith(".html"):
            ids = self.facts.get(target)
            if ids is not None and fragment not in ids.ids:
                return Finding(
                    page=page,
                    kind="fragment",
                    what=f"The link '{self.site.shown(url)}' goes to a part of {target} that does not exist: "
                    f"no question or heading there has the link name '{fragment}'.",
                    fix=f"Correct the part after '#' to one of the link names on {target}: "
                    f"{_listed(set(ids.ids) - self.theme_ids)}. A question's link name is its 'Slug:' line.",
                    needles=(url, f"#{fragment}"),
                    target=url,
                )
        return None

    def _missing(self, page: str, url: str, written: str, picture: bool) -> Finding:
        if picture:
            return Finding(
                page=page,
                kind="picture",
                what=f"The picture '{written}' does not exist.",
                fix=PICTURE_FIX,
                needles=(url, written, posixpath.basename(written)),
                target=url,
            )
        if written.endswith((".md", ".markdown")):
            return Finding(
                page=page,
                kind="link",
                what=f"The link to '{written}' will not work on the website: links to your own pages "
                "need {filename} in front of the file name.",
                fix=f"Write it as [words]({{filename}}{written}).",
                needles=(url, written, posixpath.basename(written)),
                target=url,
            )
        return Finding(
            page=page,
            kind="link",
            what=f"The link to '{written}' goes to a page that does not exist on the site.",
            fix="Correct the address. To link to one of your own pages, write its file name after "
            f"{{filename}}, for example [words]({{filename}}process.md). The pages are: "
            f"{_listed(self.page_names)}.",
            needles=(url, written, posixpath.basename(written)),
            target=url,
        )

    def _no_alt(self, page: str, src: str) -> Finding:
        # As the editor wrote it after {static}.
        shown = self.site.shown(src)
        shown = (shown if shown == src else "/" + shown) or "(no address)"
        return Finding(
            page=page,
            kind="alt",
            what=f"The picture '{shown}' has no description (alt text). People who use a screen "
            "reader hear this description instead of seeing the picture.",
            fix="Write a short description of what the picture shows between the square brackets: "
            f"![A calm room with two armchairs]({shown}).",
            needles=(src, shown, posixpath.basename(shown)),
            target=src,
            field="alt",
        )

    def _headings(self, page: str, headings: list[tuple[int, str]]) -> list[Finding]:
        findings = []
        first_level = [text for level, text in headings if level == 1]
        if len(first_level) != 1:
            findings.append(
                Finding(
                    page=page,
                    kind="heading",
                    what=f"The page {page} has {len(first_level)} main headings (level 1) instead of one"
                    + (f": {', '.join(repr(t) for t in first_level)}." if first_level else "."),
                    fix="The page's 'Title:' is its only main heading: write the headings in the text "
                    "with '## ' (level 2) or more '#'.",
                    needles=tuple(f"# {t}" for t in first_level[1:]),
                    field="heading",
                )
            )
        previous = 0
        for level, text in headings:
            if previous and level > previous + 1:
                hashes = "#" * (previous + 1)
                findings.append(
                    Finding(
                        page=page,
                        kind="heading",
                        what=f"The heading '{text}' skips a level: it is a level-{level} heading "
                        f"({'#' * level}) after a level-{previous} one, so screen-reader users "
                        "think they missed a section.",
                        fix=f"Write it with '{hashes} ' (level {previous + 1}), or add the missing "
                        "heading above it.",
                        needles=(f"{'#' * level} {text}", text),
                        field="heading",
                    )
                )
            previous = level
        return findings

    # --- style sheets and the sitemap ---------------------------------------------

    def _style_sheet(self, name: str, sheet: Path) -> list[Finding]:
        findings = []
        for _quote, url in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            url = url.strip()
            if not url or url.startswith("#") or urlsplit(url).scheme == "data":
                continue
            place = self.site.path_of(url, name)
            if place is not None and self.site.file_of(place[0]) is None:
                findings.append(
                    Finding(
                        page=name,
                        kind="css",
                        what=f"The style sheet {name} uses '{url}', which is not a file of the site.",
                        fix="Correct the address in url(...), or add the file to the theme's static folder.",
                        target=url,
                    )
                )
        return findings

    def _sitemap(self, name: str, sitemap: Path) -> list[Finding]:
        findings = []
        for url in SITEMAP_LOC.findall(sitemap.read_text(encoding="utf-8")):
            place = self.site.path_of(url, name)
            if place is None or self.site.file_of(place[0]) is None:
                findings.append(
                    Finding(
                        page=name,
                        kind="sitemap",
                        what=f"The sitemap for search engines lists '{url}', which is not a page of the "
                        "site.",
                        fix="Check SITEURL in publishconf.py and the pages' 'Slug:' and 'Save_as:' lines.",
                        target=url,
                    )
                )
        return findings


def check_site(
    output: Path, siteurl: str = "", page_names: list[str] | None = None, verbatim: set[str] | None = None
) -> list[Finding]:
    """Every finding on the site built in `output` for the address `siteurl` ("" for a local build).

    `verbatim` names files (relative to `output`) copied as they are, whose headings
    and ids are not checked.
    """
    return SiteChecker(output, siteurl, page_names, verbatim).run()
