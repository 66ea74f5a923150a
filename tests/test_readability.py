"""Plain language (tools/readability.py): `make check` reports each page's reading grade as advice,
and the site's own words read at grade 8 or below."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build_site

from tools.readability import ADVICE_ABOVE, grade, main_text, page_grades, report

# The site's own words (not the practice's): the new pages, whole.
OWN_PAGES = ["about.html", "contact.html", "privacy.html", "accessibility.html"]
# ... and the site's notices, labels and headings on the other pages.
OWN_WORDS = [
    "footer .crisis-notice",
    "footer .disclaimer",
    "main .next-step",
    "main .notice",
    ".cost-calculator label",
    ".cost-calculator legend",
    "main h1",
]


def test_make_check_reports_every_page_and_advises_above_grade_8(tmp_path):
    result = build_site(tmp_path / "out", extra_args=["--check"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Reading grade of each page (Flesch–Kincaid")
    graded = {line.split()[0]: line for line in lines[1:] if line.startswith("  ") and ".html" in line}
    assert {"index.html", "about.html", "faq.html", "privacy.html"} <= set(graded)
    for line in graded.values():
        above = float(line.split()[1]) > ADVICE_ABOVE
        assert ("advice:" in line) == above, line
    assert "All checks passed" in result.stdout


def test_the_report_marks_only_pages_above_grade_8():
    lines = report({"easy.html": 5.2, "hard.html": 11.0})
    assert "advice" not in lines[1] and "advice: above grade 8" in lines[2]
    assert "advice only, never a reason the build stops" in lines[-1]


def test_main_text_ends_headings_and_items_as_sentences_and_skips_scripts():
    html = (
        "<header>Menu</header><main><h1>Title</h1><ul><li>One</li><li>Two.</li></ul>"
        '<script type="application/json">{"x": 1}</script><p>A b c.</p></main><footer>Foot</footer>'
    )
    assert main_text(html) == "Title. One. Two. A b c."


def test_the_grade_follows_the_words():
    assert grade("The cat sat on the mat. It was warm.") < 3
    assert (
        grade(
            "Psychopharmacological interventions necessitate comprehensive interdisciplinary "
            "evaluation of contraindications, notwithstanding considerable heterogeneity."
        )
        > 12
    )


def test_the_site_s_own_words_read_at_grade_8_or_below(site, soups):
    grades = page_grades(site)
    for name in OWN_PAGES:
        assert grades[name] <= ADVICE_ABOVE, (name, grades[name])
    for selector in OWN_WORDS:
        # Each distinct text once, read as the report reads a page (headings end sentences).
        units = {main_text(f"<main>{tag}</main>") for soup in soups.values() for tag in soup.select(selector)}
        words = " ".join(sorted(units))
        assert words.strip(), selector
        assert grade(words) <= ADVICE_ABOVE, (selector, grade(words))


def test_a_normal_build_does_not_import_textstat():
    code = "import sys, tools.build, tools.readability; print('textstat' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
