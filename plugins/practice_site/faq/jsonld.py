"""JSON-LD: the FAQPage block that tells search and answer engines what the FAQ page shows."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..sanitiser import google_answer_html
from .collection import FaqEntry

# Characters that could end the <script> block or confuse an HTML parser, written as
# JSON escapes instead; U+2028/2029 are line breaks to JavaScript, though not to JSON.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


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
                    "text": google_answer_html(entry.answer_for(siteurl), page_url),
                },
            }
            for entry in entries
        ],
    }


def serialise(data: dict) -> Markup:
    """JSON that is safe inside <script type="application/ld+json">, whatever the text holds."""
    # Compact: with 70 answers, indentation alone would add several KB to the page.
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE))
