"""HTML tools (plugins/practice_site/html_tools.py): the build's HTML parsers, checked against BeautifulSoup.

The build no longer imports BeautifulSoup (it cost a third of the build time);
these tests read the results with it, as a browser-like second opinion.
"""

from __future__ import annotations

from practice_site.html_tools import text_of


def test_text_of_is_what_a_reader_sees():
    html = "<p>A &amp; B<!-- hidden --></p><script>code()</script><style>p{}</style><p>C&nbsp;D</p>"
    assert text_of(html) == "A & BC\xa0D"
    assert text_of("<p> </p>").strip() == ""
