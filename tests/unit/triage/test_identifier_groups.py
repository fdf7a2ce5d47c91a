"""Numbers as buyers type them: in groups, with dots, split by a line wrap, behind a "#", with a carrier
named.

Each shape has a limit so that dates, prices, phone numbers and addresses stay what they are.
"""

from __future__ import annotations

import pytest

from ghostdesk.models import IdentifierSource
from ghostdesk.triage.identifiers import scan_text


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.kind.value, i.value, i.carrier) for i in scan_text(text, IdentifierSource.BODY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A UPU S10 number typed in blocks of four, the check digit glued to the country code.
        (
            'RM has said "We\'re expecting it" for 4 days now: QG 4781 5562 4GB',
            ("tracking", "QG478155624GB", "Royal Mail"),
        ),
        # Swiss Post's domestic number with its dots.
        (
            "bei der Sendungsnummer 99.60.118204.10293847 seit Tagen",
            ("tracking", "996011820410293847", "Swiss Post"),
        ),
        # A Walmart order number written "#" + 15 digits, no dash.
        (
            "I bought it on Walmart.com. Order #200014477120935. It still says processing",
            ("walmart_order", "200014477120935", None),
        ),
        # An Amazon ID broken after its second dash by plain-text wrapping.
        (
            "on the 12th, Amazon order 202-2041997-\n3380162, and the DPD tracking",
            ("amazon_order", "202-2041997-3380162", None),
        ),
        # Carriers the buyer names next to a bare number: Purolator, Canpar, OnTrac, PostNord.
        (
            "un numéro de suivi Purolator (332018847203) pour ma commande",
            ("tracking", "332018847203", "Purolator"),
        ),
        ("OnTrac tracking D10011234567890 shows nothing", ("tracking", "D10011234567890", "OnTrac")),
        ("PostNord sändningsnummer 003707302536184651 ", ("tracking", "003707302536184651", "PostNord")),
    ],
)
def test_grouped_dotted_wrapped_and_hashed_numbers_are_read(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "tracking: delivery was due 12.03.2024, it is 10.30 now",  # a date and a time
        "Sendungsnummer? Ruf mich an: 06.12.34.56.78",  # a phone number with dots
        "tracking page at 192.168.100.200 shows nothing",  # four small groups
        "tracking says it costs 1.299.000 lire",  # a price
        "Please leave it at 12\nRoyal Mail Street",  # a house number before a carrier's name
    ],
)
def test_dates_phones_prices_and_addresses_are_not_tracking_numbers(text: str) -> None:
    assert [kind for kind, _, _ in found(text) if kind == "tracking"] == []


def test_a_short_hashed_number_is_still_a_shop_order_name_not_a_bare_run() -> None:
    assert found("my order #1042 from your website") == [("shopify_order", "#1042", None)]
