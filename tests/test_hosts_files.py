"""What the build writes for the hosts: `_headers`, `.htaccess`, hashed theme files, compressed copies."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import brotli
from conftest import ROOT, build_site, load_settings
from practice_site.asset_hashing import HASH_LENGTH, hashed_name
from practice_site.security_headers import OWN_HTACCESS_MARK
from practice_site.security_headers.caching import HASHED_ASSETS, REVALIDATE
from practice_site.security_headers.headers_file import headers_for_path, parse
from support import content_copy

HASHED = re.compile(rf"\.([0-9a-f]{{{HASH_LENGTH}}})\.[a-z]+$")
COMPRESSED_KINDS = (".html", ".css", ".js", ".svg", ".xml", ".json")


def theme_files(site: Path) -> list[Path]:
    return [p for p in sorted((site / "theme").rglob("*")) if p.is_file() and p.suffix not in (".br", ".gz")]


def test_every_theme_file_carries_the_hash_of_its_content(site):
    files = theme_files(site)
    assert {p.suffix for p in files} >= {".css", ".js", ".svg"}
    for path in files:
        match = HASHED.search(path.name)
        assert match, path.name
        original = path.name.replace(f".{match.group(1)}", "")
        assert path.name == hashed_name(original, path.read_bytes()), path.name


def test_pages_refer_only_to_hashed_theme_files_that_exist(site, html_pages):
    for name, path in html_pages.items():
        html = path.read_text(encoding="utf-8")
        references = re.findall(r'(?:href|src)="https://www\.example\.com/(theme/[^"]+)"', html)
        assert references, f"{name} loads nothing from the theme"
        for reference in references:
            assert HASHED.search(reference), (name, reference)
            assert (site / reference).is_file(), (name, reference)


def test_the_preview_build_keeps_the_theme_names_and_says_no_cache(tmp_path):
    result = build_site(tmp_path / "out", settings="pelicanconf.py")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "theme" / "css" / "site.css").is_file()
    assert not list((tmp_path / "out").rglob("*.br")), "the preview is not compressed"
    blocks = parse((tmp_path / "out" / "_headers").read_text(encoding="utf-8"))
    assert dict(headers_for_path(blocks, "/theme/css/site.css"))["Cache-Control"] == REVALIDATE


def test_headers_file_gives_each_address_exactly_one_cache_policy(site):
    blocks = parse((site / "_headers").read_text(encoding="utf-8"))
    addresses = ["/", "/faq", "/sitemap.xml"]
    addresses += ["/" + p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    addresses += ["/" + p.relative_to(site).as_posix() for p in theme_files(site)]
    for address in addresses:
        caches = [v for n, v in headers_for_path(blocks, address) if n == "Cache-Control"]
        expected = HASHED_ASSETS if address.startswith("/theme/") else REVALIDATE
        assert caches == [expected], address


def test_every_text_file_has_a_brotli_and_a_gzip_copy_with_the_same_content(site):
    files = [p for p in site.rglob("*") if p.suffix in COMPRESSED_KINDS and p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".css", ".js", ".svg", ".xml"}
    for path in files:
        original = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original, path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original, path


def test_a_therapists_own_htaccess_in_content_extra_comes_after_ours(tmp_path):
    content = content_copy(tmp_path)
    own = "Redirect 301 /old-page.html /costs.html\n"
    (content / "extra").mkdir(exist_ok=True)
    (content / "extra" / ".htaccess").write_text(own, encoding="utf-8")
    output = tmp_path / "out"
    result = build_site(output, content=content)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (output / ".htaccess").read_text(encoding="utf-8")
    ours, mark, theirs = text.partition(OWN_HTACCESS_MARK)
    assert mark and "Header always set Content-Security-Policy" in ours
    assert theirs.strip() == own.strip()
    assert "Header always set" not in theirs


def test_make_nginx_config_prints_the_snippet():
    result = subprocess.run(
        [sys.executable, "-m", "tools.nginx_config"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "brotli_static on;" in result.stdout and "gzip_static on;" in result.stdout
    assert f'add_header Cache-Control "{HASHED_ASSETS}" always;' in result.stdout


def test_a_header_value_the_server_configurations_would_misread_is_refused():
    from practice_site.security_headers import validate

    settings = load_settings("publishconf.py")
    settings["SECURITY_HEADERS"] = {
        **settings["SECURITY_HEADERS"],
        "headers": {**settings["SECURITY_HEADERS"]["headers"], "X-Example": 'costs $5 "now"'},
    }
    problems = [str(p) for p in validate(settings)]
    assert len(problems) == 1 and "X-Example" in problems[0] and "nginx" in problems[0]


def test_hashing_works_on_any_theme_file_and_a_new_icon_renames_the_styles_that_name_it(tmp_path):
    from practice_site.asset_hashing import hash_assets

    def make_site(folder: Path, icon: str) -> dict[str, str]:
        (folder / "theme" / "css").mkdir(parents=True)
        (folder / "theme" / "img").mkdir()
        (folder / "theme" / "img" / "mark.svg").write_text(icon, encoding="utf-8")
        (folder / "theme" / "css" / "new-widget.css").write_text(
            ".mark { background: url(/theme/img/mark.svg); }", encoding="utf-8"
        )
        (folder / "page.html").write_text(
            '<link href="/theme/css/new-widget.css"><link href="/theme/css/new-widget.css.map">',
            encoding="utf-8",
        )
        return hash_assets(folder, "theme")

    first = make_site(tmp_path / "a", "<svg>1</svg>")
    second = make_site(tmp_path / "b", "<svg>2</svg>")
    assert set(first) == {"theme/img/mark.svg", "theme/css/new-widget.css"}
    assert first["theme/css/new-widget.css"] != second["theme/css/new-widget.css"]
    css = (tmp_path / "a" / first["theme/css/new-widget.css"]).read_text(encoding="utf-8")
    assert f"/{first['theme/img/mark.svg']}" in css
    page = (tmp_path / "a" / "page.html").read_text(encoding="utf-8")
    assert f'href="/{first["theme/css/new-widget.css"]}"' in page
    assert 'href="/theme/css/new-widget.css.map"' in page, "a longer name is not a reference"
