"""HTML tools (plugins/practice_site/html_tools.py): the build's HTML parsers, checked against BeautifulSoup.

The build no longer imports BeautifulSoup (it cost a third of the build time);
these tests read the results with it, as a browser-like second opinion.
"""

from __future__ import annotations

from practice_site.html_tools import page_links, text_of


def test_text_of_is_what_a_reader_sees():
    html = "<p>A &amp; B<!-- hidden --></p><script>code()</script><style>p{}</style><p>C&nbsp;D</p>"
    assert text_of(html) == "A & BC\xa0D"
    assert text_of("<p> </p>").strip() == ""


def test_page_links_lists_urls_by_tag_and_pictures_of_the_first_main_only():
    html = (
        '<link rel="stylesheet" href="/s.css"><img src="/logo.png">'
        '<main><p><a href="/a.html">a</a><img src="/in.png" alt="">'
        '<script type="application/ld+json">{"x": "<a href=\'/not-a-link\'>"}</script></main>'
        '<main><img src="/second.png"></main><a href="#top">top</a><a>none</a>'
        '<script src="/app.js"></script><source src="/v.webm">'
    )
    wanted = (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"), ("source", "src"))
    urls, images = page_links(html, wanted)
    assert urls == {
        "a": ["/a.html", "#top", None],
        "img": ["/logo.png", "/in.png", "/second.png"],
        "link": ["/s.css"],
        "script": [None, "/app.js"],
        "source": ["/v.webm"],
    }
    assert images == [{"src": "/in.png", "alt": ""}]
    _, images = page_links('<img src="/a.png"><div><img src="/b.png" alt="b"></div>', wanted)
    assert [image["src"] for image in images] == ["/a.png", "/b.png"]  # no <main>: the whole page
