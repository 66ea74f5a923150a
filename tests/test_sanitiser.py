"""The allow-list sanitiser (plugins/practice_site/sanitiser.py, nh3), read back with BeautifulSoup.

The build-level tests (tests/test_faq_content.py) check the same vectors in the built faq.html.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from practice_site.sanitiser import clean_answer, google_answer_html, removed_from

# Issue 9, part 4: each of these survived the old block-list sanitiser.
VECTORS = {
    "tab in javascript:": '<a href="java&#x09;script:alert(1)">playlist</a>',
    "svg xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "formaction": '<button formaction="javascript:alert(1)">Go</button>',
    "svg animate": "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    "comment trick": "<!--> <img src=x alt=room onerror=alert(1)> -->",
    "srcset elsewhere": '<img src="/images/room.png" alt="room" srcset="https://tracker.example/a.png 2x">',
    "ping elsewhere": '<a href="https://example.org/" ping="https://tracker.example/p">guide</a>',
}


@pytest.mark.parametrize("html", VECTORS.values(), ids=VECTORS.keys())
def test_every_known_vector_is_gone(html):
    cleaned = clean_answer(html).lower()
    for word in ("javascript", "onerror", "srcset", "ping", "formaction", "xlink", "animate", "tracker"):
        assert word not in cleaned, cleaned
    assert removed_from(html).unsafe, html


def test_what_markdown_writes_is_kept_exactly():
    html = (
        '<h3 id="a">A</h3><p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> '
        '<em>e</em> <strong>s</strong> <code>c</code> <abbr title="Ketamine therapy">KAP</abbr>'
        '</p><ol start="3"><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl><blockquote><p>q</p></blockquote>'
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>"
        '<p><img alt="room" src="{static}/images/room.png"> <a href="{filename}process.md">steps</a></p>'
        '<div class="footnote"><hr><ol><li id="fn:1"><p>n <a class="footnote-backref" href="#fnref:1">'
        "↩</a></p></li></ol></div>"
    )
    assert clean_answer(html) == html
    assert not removed_from(html)


def test_pasted_word_markup_is_unwrapped_and_named():
    html = (
        "<!--[if gte mso 9]><xml><w:WordDocument>Normal</w:WordDocument></xml><![endif]-->"
        "<p class=MsoNormal><span style='font-family:Calibri'>Rest well.<o:p></o:p></span></p>"
        '<font face="Arial">Eat lightly.</font><center>Bring socks.</center>'
    )
    soup = BeautifulSoup(clean_answer(html), "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == "Rest well.Eat lightly.Bring socks."
    removed = removed_from(html)
    assert removed.formatting == ['class="…"', "<span>", "<o:p>", "<font>", "<center>"]
    assert not removed.unsafe


def test_attribute_values_stay_valid_html():
    cleaned = clean_answer(
        '<ol start="two"><li value="-1">a</li></ol><a href="my notes.pdf" lang="EN-US">n</a>'
        '<img src=a.png alt=a width=50% height=-3><p lang="fr, en" dir="sideways">Bonjour</p>'
        '<table><tr><th scope="Col" colspan="0">h</th></tr></table>'
    )
    soup = BeautifulSoup(cleaned, "html.parser")
    assert soup.ol.attrs == {} and soup.li.attrs == {"value": "-1"}
    assert soup.a.attrs == {"href": "my%20notes.pdf", "lang": "EN-US"}
    assert soup.img.attrs == {"src": "a.png", "alt": "a"}
    assert soup.p.attrs == {}
    assert soup.th.attrs == {"scope": "col"}


def test_google_answer_html_keeps_only_googles_tags_and_makes_links_absolute():
    html = (
        '<p class="x">See <a href="process.html#intake" title="t">the steps</a>, <code>1 &lt; 2</code>, '
        '<span>s</span> <a href="tel:988">988</a> <a>no target</a></p><!-- gone --><ul><li>one<li>two</ul>'
    )
    reduced = google_answer_html(html, "https://www.example.com/faq.html")
    soup = BeautifulSoup(reduced, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"p", "a", "ul", "li"}
    assert [a.attrs for a in soup.find_all("a")] == [
        {"href": "https://www.example.com/process.html#intake"},
        {"href": "tel:988"},
        {},
    ]
    assert soup.get_text() == BeautifulSoup(html, "html.parser").get_text()
    assert "gone" not in reduced and "1 &lt; 2" in reduced
