"""The practice for search engines: one schema.org node on the home page, made from PRACTICE.

It says what the footer says (name, telephone, e-mail, city or address, the
therapist and their credentials), from the same setting, so the two cannot
disagree. The FAQ page's FAQPage block stays the only FAQ markup.
"""

from __future__ import annotations

from ..faq.jsonld import serialise


def practice_node(practice: dict, phone_tel: str, siteurl: str) -> dict:
    """The practice as a MedicalBusiness, with the therapist as a Person and their licence."""
    licence = practice.get("licence") or {}
    therapist = {
        "@type": "Person",
        "name": practice["therapist"],
        "honorificSuffix": practice.get("credentials", ""),
        "hasCredential": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": licence.get("type", ""),
            "identifier": licence.get("number", ""),
            "recognizedBy": {"@type": "State", "name": licence.get("state", "")},
        },
    }
    node = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "@id": f"{siteurl}/#practice",
        "name": practice["name"],
        "url": f"{siteurl}/",
        "telephone": phone_tel,
        "email": practice["email"],
        "areaServed": practice["city"],
        "employee": therapist,
    }
    if practice.get("address"):
        node["address"] = practice["address"]
    return node


def practice_jsonld(practice: dict, phone_tel: str, siteurl: str):
    """The node as JSON that is safe inside <script type="application/ld+json">."""
    return serialise(practice_node(practice, phone_tel, siteurl))
