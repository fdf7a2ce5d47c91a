"""How buyers type other platforms' and carriers' numbers (held-out rounds 11-14): in groups, without their
dashes, with a shop's prefix, or with the name of the carrier that issued them."""

from __future__ import annotations

import pytest

from ghostdesk.models import IdentifierSource
from ghostdesk.triage import scan_text

BODY = IdentifierSource.BODY


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.kind.value, i.value, i.carrier) for i in scan_text(text, BODY)]


@pytest.mark.parametrize(
    "text",
    [
        "Mon colis 6A 184 229 017 37 n'avance plus",
        "suivi Colissimo : 6A18 4229 0173 7",
        "numéro de suivi 6A 18422 90173 7",
    ],
)
def test_a_colissimo_number_typed_in_groups_keeps_its_prefix(text: str) -> None:
    assert found(text) == [("tracking", "6A18422901737", "Colissimo")]


def test_grouped_letters_and_digits_without_a_tracking_word_are_left_alone() -> None:
    assert found("Référence 6A 184 229 017 37 sur la facture") == []


@pytest.mark.parametrize(
    ("text", "carrier"),
    [
        ("mon numéro Chronopost XY529184065FR est inconnu", "Chronopost"),
        ("le suivi Colissimo XY529184065FR", "Colissimo"),
        ("tracking XY529184065FR", "La Poste"),  # no name: the issuing post, by the country code
        ("the UPS number XY529184065FR", "La Poste"),  # UPS does not hand out La Poste's numbers
    ],
)
def test_an_s10_number_takes_the_named_carrier_when_that_carrier_issues_such_numbers(
    text: str, carrier: str
) -> None:
    assert found(text) == [("tracking", "XY529184065FR", carrier)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("meine Bestellung NW1503 aus Ihrem Onlineshop", "#NW1503"),
        ("Bestellnummer NW-2044 in Ihrem Onlineshop", "#NW-2044"),
        ("my order number SH2044 from your website", "#SH2044"),
    ],
)
def test_a_web_shop_order_number_with_the_shops_prefix(text: str, value: str) -> None:
    assert found(text) == [("shopify_order", value, None)]


@pytest.mark.parametrize(
    "text",
    [
        "meine Bestellung NW1503 bei Amazon",  # an order "number" on Amazon is a cut-short Amazon ID
        "Bestellung vom 12.3. aus Ihrem Onlineshop",
        "order in 2024 from your website",
    ],
)
def test_no_prefixed_shop_number_without_a_web_shop_or_with_amazon(text: str) -> None:
    assert [f for f in found(text) if f[0] == "shopify_order"] == []


@pytest.mark.parametrize(
    "text",
    [
        "j'ai acheté sur eBay (n° de commande 11 13204 77109)",
        "Bestellung bei eBay 111320477109, noch nicht verschickt",
        "my ebay order 11-13204-77109",
    ],
)
def test_an_ebay_order_number_typed_with_spaces_or_without_dashes(text: str) -> None:
    assert found(text) == [("ebay_order", "11-13204-77109", None)]


def test_twelve_digits_with_a_nearer_carrier_name_stay_a_tracking_number() -> None:
    assert found("bought it on eBay, the FedEx tracking is 774082195739") == [
        ("tracking", "774082195739", "FedEx")
    ]
