"""Checks of the built site: links to pages that do not exist, missing pictures, missing alt text.

They run on the HTML in the temporary build folder, so they see exactly what a
visitor would get, and map each problem back to the Markdown file (and line)
where the therapist wrote the link or picture.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.problems import Problem, display_path, find_line, source_files

# isort: split
# Importing tools.problems puts plugins/ on the path; the HTML tools live there, shared with the FAQ plugin.
from practice_site.html_tools import page_links

# Pelican's link syntax; a link still starting with one of these was not resolved.
PELICAN_LINK_PREFIXES = ("{filename}", "{static}", "{attach}", "%7Bfilename%7D", "%7Bstatic%7D")
SKIPPED_SCHEMES = {"mailto", "tel", "sms", "data", "javascript"}
# (tag, attribute) pairs whose URL must lead to a file of the site.
URL_ATTRIBUTES = (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("source", "src"))


@dataclass(frozen=True)
class Finding:
    """A problem found on a built page, with the text to look for in the sources."""

    target: str  # the URL as it appears in the built page
    needle: str  # text to find in the Markdown source
    what: str
    fix: str
    field: str | None = None


def _pelican_target(url: str) -> tuple[str, str] | None:
    """('filename', 'x.md') for an unresolved `{filename}x.md`, else None."""
    for prefix in PELICAN_LINK_PREFIXES:
        if url.startswith(prefix):
            kind = unquote(prefix).strip("{}")
            return kind, url[len(prefix) :]
    return None


def _internal_path(url: str, page: str, siteurl: str) -> str | None:
    """The site-relative path `url` leads to from `page`, or None for other sites and anchors."""
    if siteurl and (url == siteurl or url.startswith(siteurl + "/")):
        url = url[len(siteurl) :] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another site, e-mail, telephone …: not ours to check (no network)
    if not parts.path:
        return None  # "#anchor" on the same page
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = posixpath.join(posixpath.dirname("/" + page), path)
    path = posixpath.normpath(path)
    if parts.path.endswith("/"):
        path = path.rstrip("/") + "/"
    return path


def _exists(output: Path, path: str) -> bool:
    target = output / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        return (target / "index.html").is_file()
    return target.is_file()


def _page_names(content: Path) -> str:
    pages = sorted(p.name for p in (content / "pages").glob("*.md"))
    return ", ".join(pages) if pages else "(none found)"


def _findings_for_page(html: str, page: str, output: Path, content: Path, siteurl: str) -> list[Finding]:
    urls, images = page_links(html, URL_ATTRIBUTES)
    findings: list[Finding] = []
    pages = _page_names(content)
    for tag, _attribute in URL_ATTRIBUTES:
        for value in urls[tag]:
            url = (value or "").strip()
            if not url:
                continue
            picture = tag in ("img", "source")
            unresolved = _pelican_target(url)
            if unresolved:
                kind, name = unresolved
                if picture or kind != "filename":
                    findings.append(
                        Finding(
                            url,
                            url,
                            f"The picture or file '{name}' does not exist.",
                            "Put the picture in the folder content/images/ and write it as "
                            "![what the picture shows]({static}/images/NAME), with NAME exactly the "
                            "picture's file name (capital letters count).",
                        )
                    )
                elif posixpath.basename(name.split("#")[0]) in pages.split(", "):
                    # The page exists, but not where the link looks from its file: never say
                    # "does not exist" and then list it among the pages.
                    page_file = posixpath.basename(name.split("#")[0])
                    findings.append(
                        Finding(
                            url,
                            url,
                            f"The link to '{name}' does not find the page {page_file} from the folder of "
                            "the file it is written in.",
                            f"Write it as [words]({{filename}}/pages/{page_file}), "
                            "which works from any file.",
                        )
                    )
                else:
                    findings.append(
                        Finding(
                            url,
                            url,
                            f"The link to '{name}' goes to a page that does not exist.",
                            "Correct the file name after {filename}; it must be the name of a page file, "
                            f"for example [words]({{filename}}process.md). The pages are: {pages}.",
                        )
                    )
                continue
            if urlsplit(url).scheme in SKIPPED_SCHEMES:
                continue
            path = _internal_path(url, page, siteurl)
            if path is None or _exists(output, path):
                continue
            written = urlsplit(url).path
            if picture:
                findings.append(
                    Finding(
                        url,
                        written,
                        f"The picture '{written}' does not exist.",
                        "Put the picture in the folder content/images/ and write it as "
                        "![what the picture shows]({static}/images/NAME), with NAME exactly the "
                        "picture's file name (capital letters count).",
                    )
                )
            elif written.endswith((".md", ".markdown")) and any(content.rglob(posixpath.basename(written))):
                findings.append(
                    Finding(
                        url,
                        written,
                        f"The link to '{written}' will not work on the website: links to your own pages "
                        "need {filename} in front of the file name.",
                        f"Write it as [words]({{filename}}{written}).",
                    )
                )
            else:
                findings.append(
                    Finding(
                        url,
                        written,
                        f"The link to '{written}' goes to a page that does not exist on the site.",
                        "Correct the address. To link to one of your own pages, write its file name after "
                        f"{{filename}}, for example [words]({{filename}}process.md). The pages are: {pages}.",
                    )
                )
    for image in images:
        if not (image.get("alt") or "").strip():
            src = image.get("src") or "(no address)"
            if siteurl and src.startswith(siteurl + "/"):
                src = src[len(siteurl) :]  # as the editor wrote it after {static}
            findings.append(
                Finding(
                    src,
                    src,
                    f"The picture '{src}' has no description (alt text). People who use a screen "
                    "reader hear this description instead of seeing the picture.",
                    "Write a short description of what the picture shows between the square brackets: "
                    f"![A calm room with two armchairs]({src}).",
                    field="alt",
                )
            )
    return findings


def _locate(finding: Finding, first: Path | None, sources: list[Path]) -> tuple[Path | None, int | None]:
    """The source file and line where the link or picture of `finding` was written."""
    candidates = ([first] if first else []) + [s for s in sources if s != first]
    needles = [finding.needle, posixpath.basename(finding.needle)]
    for needle in needles:
        for source in candidates:
            line = find_line(source, needle)
            if line:
                return source, line
    return first, None


def check_site(
    output: Path, content: Path, page_sources: dict[str, str], siteurl: str, skip_targets: set[Path]
) -> tuple[list[Problem], set[str]]:
    """Check every built page; return the problems and the link targets they covered.

    `page_sources` maps each built page (relative to `output`) to its source
    file; links to a source in `skip_targets` (files that failed on their own,
    already reported) are not reported again.
    """
    sources = source_files(content)
    problems: dict[tuple, Problem] = {}
    covered: set[str] = set()
    for html_file in sorted(output.rglob("*.html")):
        page = html_file.relative_to(output).as_posix()
        source = page_sources.get(page)
        first = Path(source) if source else None
        for finding in _findings_for_page(
            html_file.read_text(encoding="utf-8"), page, output, content, siteurl
        ):
            unresolved = _pelican_target(finding.target)
            name = unresolved[1] if unresolved else finding.target
            covered.update({name, name.split("#")[0], finding.target})
            file, line = _locate(finding, first, sources)
            if unresolved and file is not None:
                linked = (file.parent / name.split("#")[0]).resolve()
                linked_from_root = (content / name.split("#")[0].lstrip("/")).resolve()
                if linked in skip_targets or linked_from_root in skip_targets:
                    continue  # that page failed for its own reason, reported on its own
            shown = display_path(file, content) if file else f"the theme (on the built page {page})"
            problem = Problem(file=shown, line=line, what=finding.what, fix=finding.fix, field=finding.field)
            problems.setdefault((shown, line, finding.what), problem)
    return list(problems.values()), covered
