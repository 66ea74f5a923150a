"""The live build's minified styles and scripts (practice_site/asset_hashing/minify.py).

What a visitor downloads is smaller than what is written in theme/static/, and Chromium
reads it as the same: every style sheet parses to the same rules as its source, every
script compiles. (The browser tests of the FAQ and the cost calculator run the minified
scripts and styles of the production build, so their behaviour is covered there.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, build_site
from practice_site.asset_hashing import unhashed_name

THEME_STATIC = ROOT / "theme" / "static"
KINDS = (".css", ".js")

# Each rule as Chromium serialises it: the same list for the same styles, however written.
CSS_RULES_JS = """text => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return Array.from(sheet.cssRules, rule => rule.cssText);
}"""

# Compiles the script without running it; a syntax error is thrown back to the test.
COMPILES_JS = """text => { new Function(text); return true; }"""


def built_and_source(site: Path) -> list[tuple[Path, Path]]:
    """Each live style sheet and script with the file in theme/static/ it was made from."""
    pairs = []
    for built in sorted((site / "theme").rglob("*")):
        if built.suffix in KINDS and built.is_file():
            relative = unhashed_name(built.relative_to(site / "theme").as_posix())
            pairs.append((built, THEME_STATIC / relative))
    return pairs


def test_every_live_style_sheet_and_script_is_minified(site):
    pairs = built_and_source(site)
    assert {built.suffix for built, _source in pairs} == set(KINDS)
    for built, source in pairs:
        text, written = built.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")
        assert "/*" in written, f"{source} has no comment: the check below would prove nothing"
        assert "/*" not in text, built.name
        assert "sourceMappingURL" not in text, built.name
        assert not [line for line in text.splitlines() if line[:1].isspace()], f"{built.name} is indented"
        assert len(text) < 0.85 * len(written), (built.name, len(text), len(written))


def test_minified_style_sheets_are_the_same_rules_to_chromium(page, site):
    page.goto("about:blank")  # no site, no CSP: only the parser is used
    for built, source in built_and_source(site):
        if built.suffix != ".css":
            continue
        rules = page.evaluate(CSS_RULES_JS, built.read_text(encoding="utf-8"))
        assert rules, built.name
        assert rules == page.evaluate(CSS_RULES_JS, source.read_text(encoding="utf-8")), built.name


def test_minified_scripts_compile_in_chromium(page, site):
    page.goto("about:blank")
    scripts = [built for built, _source in built_and_source(site) if built.suffix == ".js"]
    assert scripts
    for built in scripts:
        assert page.evaluate(COMPILES_JS, built.read_text(encoding="utf-8")), built.name


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    """A development build (`make html`): pelicanconf.py, without minifying or hashing."""
    output = tmp_path_factory.mktemp("preview")
    result = build_site(output, settings="pelicanconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_the_preview_serves_styles_and_scripts_as_written(preview):
    served = [p for p in sorted((preview / "theme").rglob("*")) if p.suffix in KINDS]
    assert {p.suffix for p in served} == set(KINDS)
    for path in served:
        source = THEME_STATIC / path.relative_to(preview / "theme")
        assert path.read_bytes() == source.read_bytes(), path.name
