"""Amazon marketplaces: relay domain, marketplace ID, SP-API region and the language buyers there write.

One table, because the relay's TLD, the SP-API marketplace ID and the reply language are three views of
the same fact and must never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marketplace:
    code: str  # the code python-amazon-sp-api's ``Marketplaces`` enum uses ("US", "DE", "UK", ...)
    domain: str  # amazon.<tld>
    marketplace_id: str
    language: (
        str  # ISO 639-1 of the marketplace's main language: the reply language when the text says nothing
    )
    region: str  # "na" | "eu" | "fe"


MARKETPLACES: tuple[Marketplace, ...] = (
    Marketplace("US", "amazon.com", "ATVPDKIKX0DER", "en", "na"),
    Marketplace("CA", "amazon.ca", "A2EUQ1WTGCTBG2", "en", "na"),
    Marketplace("MX", "amazon.com.mx", "A1AM78C64UM0Y8", "es", "na"),
    Marketplace("BR", "amazon.com.br", "A2Q3Y263D00KWC", "pt", "na"),
    Marketplace("UK", "amazon.co.uk", "A1F83G8C2ARO7P", "en", "eu"),
    Marketplace("IE", "amazon.ie", "A28R8C7NBKEWEA", "en", "eu"),
    Marketplace("DE", "amazon.de", "A1PA6795UKMFR9", "de", "eu"),
    Marketplace("FR", "amazon.fr", "A13V1IB3VIYZZH", "fr", "eu"),
    Marketplace("IT", "amazon.it", "APJ6JRA9NG5V4", "it", "eu"),
    Marketplace("ES", "amazon.es", "A1RKKUPIHCS9HS", "es", "eu"),
    Marketplace("NL", "amazon.nl", "A1805IZSGTT6HS", "nl", "eu"),
    Marketplace("BE", "amazon.com.be", "AMEN7PMS3EDWL", "fr", "eu"),
    Marketplace("SE", "amazon.se", "A2NODRKZP88ZB9", "sv", "eu"),
    Marketplace("PL", "amazon.pl", "A1C3SOZRARQ6R3", "pl", "eu"),
    Marketplace("TR", "amazon.com.tr", "A33AVAJ2PDY3EV", "tr", "eu"),
    Marketplace("AE", "amazon.ae", "A2VIGQ35RCS4UG", "en", "eu"),
    Marketplace("SA", "amazon.sa", "A17E79C6D8DWNP", "en", "eu"),
    Marketplace("EG", "amazon.eg", "ARBP9OOSHTCHU", "en", "eu"),
    Marketplace("IN", "amazon.in", "A21TJRUUN4KGV", "en", "eu"),
    Marketplace("JP", "amazon.co.jp", "A1VC38T7YXB528", "ja", "fe"),
    Marketplace("AU", "amazon.com.au", "A39IBJ37TRP1C6", "en", "fe"),
    Marketplace("SG", "amazon.sg", "A19VAU5U5O7RUS", "en", "fe"),
)

_BY_CODE = {m.code: m for m in MARKETPLACES}
_BY_DOMAIN = {m.domain: m for m in MARKETPLACES}
_BY_ID = {m.marketplace_id: m for m in MARKETPLACES}


def by_code(code: str) -> Marketplace | None:
    return _BY_CODE.get(code.upper().replace("GB", "UK"))


def by_id(marketplace_id: str) -> Marketplace | None:
    return _BY_ID.get(marketplace_id)


def by_domain(domain: str) -> Marketplace | None:
    """The marketplace of an Amazon host name, e.g. ``marketplace.amazon.co.uk`` -> UK."""
    domain = domain.lower().rstrip(".")
    while domain:
        found = _BY_DOMAIN.get(domain)
        if found:
            return found
        if "." not in domain:
            return None
        domain = domain.split(".", 1)[1]
    return None


def resolve(value: str) -> Marketplace:
    """A marketplace from a code ("DE"), an ID ("A1PA6795UKMFR9") or a domain ("amazon.de")."""
    found = by_code(value) or by_id(value) or by_domain(value)
    if found is None:
        known = ", ".join(m.code for m in MARKETPLACES)
        raise ValueError(f"unknown Amazon marketplace {value!r}; use a code ({known}), an ID or a domain")
    return found
