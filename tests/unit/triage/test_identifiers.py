"""Identifiers in buyer text: each recognised for what it is, and nothing else taken for one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ghostdesk.models import BuyerMessage, Channel, IdentifierKind, IdentifierSource
from ghostdesk.triage.identifiers import (
    check_digit_ok,
    find_identifiers,
    is_amazon_order_id,
    normalize_amazon_order_id,
    scan_text,
)

BODY = IdentifierSource.BODY


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.kind.value, i.value, i.carrier) for i in scan_text(text, BODY)]


def message(**fields: object) -> BuyerMessage:
    base = BuyerMessage(
        message_id="<m@test>",
        subject="",
        from_address="abc@marketplace.amazon.com",
        from_name="Buyer",
        to=(),
        date=None,
        in_reply_to=None,
        references=(),
        text="",
        fresh_text="",
        quoted_text="",
        channel=Channel.AMAZON,
        language="en",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


# --- Amazon order IDs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "111-1234567-1234567",
        "111 1234567 1234567",
        "111.1234567.1234567",
        "111–1234567–1234567",  # en dashes from a word processor
        "111 - 1234567 - 1234567",
        "11112345671234567",
        "111-12345671234567",  # one dash forgotten
        "1111234567-1234567",
    ],
)
def test_amazon_ids_typed_any_way_are_normalised_and_keep_what_was_typed(typed: str) -> None:
    [ident] = scan_text(f"My order is {typed}, thanks", BODY)
    assert ident.kind is IdentifierKind.AMAZON_ORDER
    assert ident.value == "111-1234567-1234567"
    assert ident.raw == typed


@pytest.mark.parametrize(
    "text",
    [
        "(Order: 111-1537220-523865...",  # relay subject cut short: 3-7-6
        "order 111-1234567-123456",
        "order 1111-1234567-1234567",
        "order 111-1234567-12345678",
        "order 111-1234567-1234567-2",
        "order 1111234567123456",  # 16 digits
        "order 111112345671234567",  # 18 digits
        "order 11-11234567-1234567",
    ],
)
def test_partial_mistyped_or_longer_numbers_are_not_amazon_ids(text: str) -> None:
    assert [i for i in scan_text(text, BODY) if i.kind is IdentifierKind.AMAZON_ORDER] == []


def test_two_ids_separated_by_a_slash_are_both_found() -> None:
    assert [v for _, v, _ in found("Orders 302-1234567-1234567/302-7654321-7654321")] == [
        "302-1234567-1234567",
        "302-7654321-7654321",
    ]


def test_normalisation_helpers() -> None:
    assert normalize_amazon_order_id("111 1234567 1234567") == "111-1234567-1234567"
    assert normalize_amazon_order_id("111-1234567-123456") is None
    assert is_amazon_order_id("111-1234567-1234567")
    assert not is_amazon_order_id("11112345671234567")


# --- things that are no identifier at all ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Call me on (555) 123-4567 or +1 415 555 0134",
        "Meine Telefonnummer: 0171 2345678, Festnetz 030 12345678",
        "Tel. +49 30 1234 5678 90",
        "vous pouvez me joindre au 06 12 34 56 78",
        "I paid $1,234.56 on 12/03/2024 and €49,99 on 2024-03-12",
        "Delivered to 42 Elm Street, Springfield IL 62704 / 10115 Berlin / 75002 Paris",
        "ASIN B0CHX3QBCH and B08N5WRWNW",
        "ISBN 978-3-16-148410-0, ISBN-10 0-306-40615-2",
        "EAN 4006381333931, tracking? no idea",
        "VAT GB123456789, USt-IdNr. DE123456789, SIRET 123 456 789 00012",
        "Model number 4400-2211, serial 1234567890123",
        "Order #1 of 3, item #12345",
        "Invoice number 123456789012 for the tracking question",
        "I paid for the package with my card 4111 1111 1111 1111",
        "PayPal transaction 1234567890123 for the parcel",
    ],
)
def test_phone_numbers_prices_dates_postcodes_asins_eans_are_not_identifiers(text: str) -> None:
    assert scan_text(text, BODY) == []


def test_a_usps_number_is_not_taken_for_an_amazon_id() -> None:
    assert found("9400111899223345678903") == [("tracking", "9400111899223345678903", "USPS")]


# --- tracking numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "carrier"),
    [
        ("1Z999AA10123456784", "1Z999AA10123456784", "UPS"),
        ("UPS: 1Z 999 AA1 01 2345 6784", "1Z999AA10123456784", "UPS"),
        ("ups 1z999aa10123456784", "1Z999AA10123456784", "UPS"),
        ("9400 1118 9922 3345 6789 03", "9400111899223345678903", "USPS"),
        ("EA123456785US", "EA123456785US", "USPS"),
        ("FedEx 7712 3456 7890", "771234567890", "FedEx"),
        ("FedEx tracking 771234567890123", "771234567890123", "FedEx"),
        ("9611020987654312345678", "9611020987654312345678", "FedEx"),
        ("DHL Express 1234567890", "1234567890", "DHL Express"),
        ("JJD000390007123456789", "JJD000390007123456789", "DHL Express"),
        ("JD014600003456789012", "JD014600003456789012", "DHL Express"),
        ("00340434161234567890", "00340434161234567890", "DHL Paket"),
        ("DHL Sendungsnummer 340434123456", "340434123456", "DHL Paket"),
        ("RR987654326GB", "RR987654326GB", "Royal Mail"),
        ("DPD 0150 1234 5678 90", "01501234567890", "DPD"),
        ("Hermes Sendungsnummer 1234567890123456", "1234567890123456", "Hermes"),
        ("H00AEA0012345678", "H00AEA0012345678", "Evri"),
        ("GLS 12345678901", "12345678901", "GLS"),
        ("GLS Track-ID ZGN4RE5P", "ZGN4RE5P", "GLS"),
        ("TBA301234567890", "TBA301234567890", "Amazon Logistics"),
        ("6A20123456789", "6A20123456789", "Colissimo"),
        ("LX314159268FR", "LX314159268FR", "La Poste"),
        ("RR555012347IT", "RR555012347IT", "Poste Italiane"),
        ("SDA 6543210987654", "6543210987654", "Poste Italiane"),
        ("PQ4F6P0702673130128001S", "PQ4F6P0702673130128001S", "Correos"),
        ("RR271828189ES", "RR271828189ES", "Correos"),
        ("3SDEVC1234567", "3SDEVC1234567", "PostNL"),
        ("RB666123457CN", "RB666123457CN", "China Post"),
        ("LP00123456789012", "LP00123456789012", "Cainiao"),
        ("RR400512345CA", "RR400512345CA", "Canada Post"),
        ("Canada Post tracking 1234567890123456", "1234567890123456", "Canada Post"),
        ("CX112233447DE", "CX112233447DE", "Deutsche Post"),
    ],
)
def test_tracking_numbers_are_recognised_with_their_carrier(text: str, value: str, carrier: str) -> None:
    assert found(text) == [("tracking", value, carrier)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tracking number: 123456789012", "123456789012"),
        ("Sendungsnummer 12345678901234", "12345678901234"),
        ("numéro de suivi : 1234567890", "1234567890"),
        ("número de seguimiento 1234567890123456", "1234567890123456"),
        ("codice di tracciamento 123456789012", "123456789012"),
    ],
)
def test_bare_digit_runs_are_tracking_numbers_only_on_context_and_without_a_guessed_carrier(
    text: str, value: str
) -> None:
    assert found(text) == [("tracking", value, None)]
    assert found(value) == []


def test_check_digits_decide_without_context_and_context_overrides_a_failed_check() -> None:
    assert check_digit_ok("1Z999AA10123456784") is True
    assert check_digit_ok("1Z999AA10123456785") is False
    assert check_digit_ok("EA123456785US") is True
    assert check_digit_ok("EA123456789US") is False
    assert check_digit_ok("TBA301234567890") is None
    # Without context a failed check is most likely no tracking number at all ...
    assert found("1Z999AA10123456785") == []
    assert found("EA123456789US") == []
    assert found("9400111899223345678904") == []
    # ... but when the buyer says it is one, it is what they gave us instead of an order ID.
    assert found("my tracking is EA123456789US") == [("tracking", "EA123456789US", "USPS")]
    assert found("UPS 1Z999AA10123456785") == [("tracking", "1Z999AA10123456785", "UPS")]
    assert found("USPS tracking 9400111899223345678904") == [("tracking", "9400111899223345678904", "USPS")]


def test_an_s10_number_of_an_unknown_post_needs_context() -> None:
    assert found("ZZ123456785XX") == []
    assert found("tracking ZZ123456785XX") == [("tracking", "ZZ123456785XX", None)]


def test_the_nearest_cue_decides_a_bare_digit_run() -> None:
    assert found("Tracking? Call me on 0151 2345 6789") == []
    assert found("The tracking shows nothing. Order number 1234567890123") == []
    assert found("Call me later. DHL tracking 340434123456") == [("tracking", "340434123456", "DHL Paket")]


# --- other platforms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("eBay order 12-34567-89012", "ebay_order", "12-34567-89012"),
        ("eBay 123456789012-1234567890123", "ebay_order", "123456789012-1234567890123"),
        ("order 2000123-45678901", "walmart_order", "200012345678901"),
        ("Walmart order number 2000123456789", "walmart_order", "2000123456789"),
        ("my Walmart order 200012345678901", "walmart_order", "200012345678901"),
        ("Order #1001", "shopify_order", "#1001"),
        ("Bestellung #sh-1042", "shopify_order", "#SH-1042"),
        ("I ordered on your website, #1042", "shopify_order", "#1042"),
        ("Shopify order id 5212345678901", "shopify_order", "5212345678901"),
    ],
)
def test_other_platforms_order_numbers_are_recognised(text: str, kind: str, value: str) -> None:
    assert found(text) == [(kind, value, None)]


def test_a_hash_number_without_an_order_or_shop_around_it_is_nothing() -> None:
    assert found("I am the #1042 fan of your lamps") == []
    assert found("your store on Amazon, 5212345678901") == []


# --- a whole message ------------------------------------------------------------------------------------


def test_find_identifiers_reads_every_part_and_keeps_each_number_once_from_its_best_source() -> None:
    msg = message(
        subject="Shipping inquiry (Order: 111-1111111-1111111)",
        relay_order_id="111-1111111-1111111",
        fresh_text="Where is 222-2222222-2222222? UPS 1Z999AA10123456784",
        quoted_text="> Your order 222-2222222-2222222 and 333-3333333-3333333 shipped.",
    )
    got = [(i.kind.value, i.value, i.source.value) for i in find_identifiers(msg)]
    assert got == [
        ("amazon_order", "222-2222222-2222222", "body"),
        ("tracking", "1Z999AA10123456784", "body"),
        ("amazon_order", "111-1111111-1111111", "subject"),
        ("amazon_order", "333-3333333-3333333", "quoted"),
    ]


def test_relay_order_id_alone_is_found_as_relay() -> None:
    [ident] = find_identifiers(message(relay_order_id="111-1111111-1111111", fresh_text="Has it shipped?"))
    assert (ident.value, ident.source) == ("111-1111111-1111111", IdentifierSource.RELAY)


def test_without_fresh_text_the_body_is_the_text_minus_its_quoted_history() -> None:
    quoted = "> On Monday you wrote:\n> order 333-3333333-3333333 shipped"
    msg = message(text=f"Still nothing for 222-2222222-2222222\n{quoted}", quoted_text=quoted)
    got = {(i.value, i.source) for i in find_identifiers(msg)}
    assert got == {
        ("222-2222222-2222222", IdentifierSource.BODY),
        ("333-3333333-3333333", IdentifierSource.QUOTED),
    }
