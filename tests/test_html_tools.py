"""HTML tools (plugins/practice_site/html_tools.py): the build's HTML parsers, checked against BeautifulSoup.

The build no longer imports BeautifulSoup (it cost a third of the build time);
these tests read the results with it, as a browser-like second opinion.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from practice_site.html_tools import google_answer_html, make_safe, text_of


def test_make_safe_removes_unsafe_elements_with_their_content_and_lists_them():
    html = (
        "<p>Keep <b>this</b>.</p><script>alert(1)</script><form action='/x'><p>in form</p>"
        "<script>nested()</script></form><iframe src='https://example.org/'>x</iframe>"
        "<link rel=stylesheet href=x.css><p>end</p>"
    )
    safe, removed = make_safe(html)
    soup = BeautifulSoup(safe, "html.parser")
    assert not soup.find(["script", "form", "iframe", "link"])
    assert soup.get_text() == "Keep this.end"
    assert removed == ["<script>", "<form>", "<script>", "<iframe>", "<link>"]


def test_make_safe_removes_handlers_styles_and_script_urls_even_when_encoded():
    html = (
        '<p ONCLICK="x()" style="color:red" title="a &quot;b&quot; &amp; c">t</p>'
        '<a href="&#106;avascript:alert(1)">j</a><a href=" VBScript:x">v</a>'
        '<img src="data:image/png;base64,AA" alt="pic"><a href="/ok.html">ok</a>'
    )
    safe, removed = make_safe(html)
    soup = BeautifulSoup(safe, "html.parser")
    paragraph = soup.find("p")
    assert paragraph.attrs == {"title": 'a "b" & c'}  # escaped correctly, read back intact
    assert [a.attrs for a in soup.find_all("a")] == [{}, {}, {"href": "/ok.html"}]
    assert soup.find("img").attrs == {"alt": "pic"}
    assert removed == [
        'onclick="…"',
        'style="…"',
        'href="javascript:alert(1)"',
        'href=" VBScript:x"',
        'src="data:image/png;base64,AA"',
    ]


def test_make_safe_leaves_safe_html_exactly_as_it_was():
    html = '<p>Fish &amp; chips&nbsp;— <a href="/x.html" title="it&#39;s">x</a><br />y</p><!-- note -->'
    assert make_safe(html) == (html, [])


def test_make_safe_keeps_text_entities_and_void_elements_right():
    safe, removed = make_safe("<p>1 &lt; 2 &amp; <br>3<hr/>&copy; 🌿</p><script>x</script>")
    assert removed == ["<script>"]
    assert safe == "<p>1 &lt; 2 &amp; <br>3<hr>© 🌿</p>"


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


def test_text_of_is_what_a_reader_sees():
    html = "<p>A &amp; B<!-- hidden --></p><script>code()</script><style>p{}</style><p>C&nbsp;D</p>"
    assert text_of(html) == "A & BC\xa0D"
    assert text_of("<p> </p>").strip() == ""
