"""Identifier shapes found in held-out buyer emails (tests/fixtures/heldout) that were once missed."""

from __future__ import annotations

import pytest

from ghostdesk.models import IdentifierKind, IdentifierSource
from ghostdesk.triage import scan_text

BODY = IdentifierSource.BODY


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.kind.value, i.value, i.carrier) for i in scan_text(text, BODY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An Amazon ID written the way order numbers often are, with a "#".
        (
            "Quería saber dónde está mi pedido #408-5521097-3318264.",
            ("amazon_order", "408-5521097-3318264", None),
        ),
        (
            "Subject: Your Amazon.com order #112-7781026-3349051",
            ("amazon_order", "112-7781026-3349051", None),
        ),
        # Hermes Germany's "H" + 19 digits; Correos' PK (Paq Premium) as well as PQ barcodes.
        (
            "die Hermes Sendungsnummer H1010200013857692071 hängt",
            ("tracking", "H1010200013857692071", "Hermes"),
        ),
        ("Correos PK4F5Y0401234560108080T no aparece", ("tracking", "PK4F5Y0401234560108080T", "Correos")),
        # Carriers named next to a bare run: BRT, MRW, SEUR (not only the big ones).
        ("il numero di spedizione BRT 084712390099121", ("tracking", "084712390099121", "BRT")),
        ("el número de envío de MRW 045123456789 no aparece", ("tracking", "045123456789", "MRW")),
        # A letters-and-digits code is a tracking number when a carrier or tracking word stands next to it.
        ("il codice di spedizione 1UW0123456789 di Poste", ("tracking", "1UW0123456789", "Poste Italiane")),
        # Eight digits only with the carrier's name: Mondial Relay.
        (
            "le numéro d'expédition Mondial Relay 48213097 ne donne rien",
            ("tracking", "48213097", "Mondial Relay"),
        ),
        # A web-shop order number typed without "#".
        ("in Ihrem Onlineshop bestellt, Bestellnummer 1089. Wann?", ("shopify_order", "#1089", None)),
    ],
)
def test_recognised(text: str, expected: tuple[str, str, str | None]) -> None:
    assert kinds(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ho pagato con PayPal. Transazione 8TX41928HM3301842.",  # a payment reference, not a parcel
        "Bestellnummer 1089 bei Amazon",  # a short "order number" on Amazon is no web-shop order
        "Das Paket kam am 12032027 an",  # eight digits without a carrier's name
        "Order 111-883027-4456102 still pending",  # a mistyped Amazon ID (3-6-7) is nothing at all
        "Kundennummer 40012345678, mein Paket fehlt",
    ],
)
def test_not_an_identifier(text: str) -> None:
    assert kinds(text) == []


def test_the_hash_does_not_turn_a_short_number_into_anything_but_a_shop_order() -> None:
    found = scan_text("order #1047 from your website", BODY)
    assert [(i.kind, i.value) for i in found] == [(IdentifierKind.SHOPIFY_ORDER, "#1047")]
