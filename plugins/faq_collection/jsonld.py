"""JSON-LD: the FAQPage block that tells search and answer engines what the FAQ page shows."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment
from markupsafe import Markup

from .collection import FaqEntry

# The tags Google reads in an answer's text; every other tag is unwrapped (its text kept).
ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "ol",
    "ul",
    "li",
    "a",
    "p",
    "div",
    "b",
    "strong",
    "i",
    "em",
}

# Characters that could end the <script> block or confuse an HTML parser, written as
# JSON escapes instead; U+2028/2029 are line breaks to JavaScript, though not to JSON.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def reduce_answer_html(html: str, base_url: str) -> str:
    """The answer's HTML with only the allowed tags, no attributes but link targets, links absolute."""
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in soup.find_all(True):
        if element.name not in ALLOWED_TAGS:
            element.unwrap()
            continue
        href = element.get("href") if element.name == "a" else None
        element.attrs = {"href": urljoin(base_url, href)} if href else {}
    return str(soup).strip()


def faq_page(entries: list[FaqEntry], page_url: str, siteurl: str) -> dict:
    """The FAQPage data: every entry, in the order the page shows them."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "url": f"{page_url}#{entry.slug}",
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": reduce_answer_html(entry.answer_for(siteurl), page_url),
                },
            }
            for entry in entries
        ],
    }


def serialise(data: dict) -> Markup:
    """JSON that is safe inside <script type="application/ld+json">, whatever the text holds."""
    return Markup(json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE))
