"""Channel detection and the Amazon relay's boilerplate, one rule at a time."""

from __future__ import annotations

import pytest

from ghostdesk.mail.relay import (
    identify_sender,
    is_amazon_system_sender,
    normalise_order_id,
    relay_order_id,
    split_relay_body,
)
from ghostdesk.models import Channel


@pytest.mark.parametrize(
    ("address", "marketplace"),
    [
        ("abc@marketplace.amazon.com", "US"),
        ("abc@marketplace.amazon.co.uk", "UK"),
        ("ABC@Marketplace.Amazon.DE", "DE"),
        ("abc@marketplace.amazon.com.br", "BR"),
        ("abc@marketplace.amazon.ca", "CA"),
    ],
)
def test_amazon_relay_alias_gives_channel_marketplace_and_alias(address: str, marketplace: str) -> None:
    sender = identify_sender(address, "Anna - Amazon Marketplace")
    assert sender.channel is Channel.AMAZON
    assert sender.marketplace == marketplace
    assert sender.relay_alias == address.lower()
    assert sender.name == "Anna"


def test_ebay_member_alias_and_everything_else() -> None:
    ebay = identify_sender("x1y2@members.ebay.co.uk", "buyer_1")
    assert (ebay.channel, ebay.relay_alias) == (Channel.EBAY, "x1y2@members.ebay.co.uk")
    direct = identify_sender("anna@example.com", "Anna")
    assert (direct.channel, direct.relay_alias, direct.marketplace) == (Channel.DIRECT, None, None)
    lookalike = identify_sender("a@marketplace.amazon.com.evil.example", "Anna - Amazon Marketplace")
    assert lookalike.channel is Channel.DIRECT


@pytest.mark.parametrize(
    ("address", "system"),
    [
        ("donotreply@amazon.com", True),
        ("marketplace-messages@amazon.co.uk", True),
        ("seller-notification@amazon.de", True),
        ("no-reply@sellercentral.amazon.fr", True),
        ("abc@marketplace.amazon.com", False),  # a buyer, through the relay
        ("amazon@example.com", False),
        ("donotreply@notamazon.com", False),
        ("someone@amazon.com.evil.example", False),
    ],
)
def test_amazon_system_senders_are_recognised(address: str, system: bool) -> None:
    assert is_amazon_system_sender(address) is system


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("111-1234567-1234567", "111-1234567-1234567"),
        ("11112345671234567", "111-1234567-1234567"),
        ("111 1234567 1234567", "111-1234567-1234567"),
        ("111-1537220-523865...", None),
        ("1111-1234567-1234567", None),
    ],
)
def test_order_ids_are_normalised_to_3_7_7(raw: str, normalised: str | None) -> None:
    assert normalise_order_id(raw) == normalised


@pytest.mark.parametrize(
    ("subject", "order_id"),
    [
        ("Inquiry from Amazon customer Ann (Order: 111-1234567-1234567)", "111-1234567-1234567"),
        ("RE: Shipping inquiry from Amazon customer Ann (Order: 111-1234567-1234567)", "111-1234567-1234567"),
        ("Shipping inquiry from Amazon customer Ann (Order: 111-1537220-523865...", None),
        ("Nachricht von Amazon-Kunde Jan (Bestellung: 302-1234567-1234567)", "302-1234567-1234567"),
        ("Inquiry from Amazon customer Ann", None),
    ],
)
def test_relay_order_id_from_the_subject(subject: str, order_id: str | None) -> None:
    assert relay_order_id(subject, "") == order_id


@pytest.mark.parametrize(
    "line",
    [
        "Order ID 123-1234567-1234567:",
        "Order ID/Commande N°: 123-1234567-1234567:",
        "Bestellnummer: 123-1234567-1234567",
        "Numero ordine: 123-1234567-1234567",
        "Nº de pedido: 123-1234567-1234567",
        "Pedido nº 123-1234567-1234567",
        "Order#: 123-1234567-1234567",
    ],
)
def test_relay_order_line_in_every_language(line: str) -> None:
    body = f"{line}\n1 of Thing [ASIN: B0ABCDEFGH]\n\n----- Begin message -----\nHi\n----- End message -----"
    split = split_relay_body(body)
    assert relay_order_id("Message from Amazon customer", split.relay_text) == "123-1234567-1234567"
    assert split.buyer_text == "Hi"


def test_an_order_id_the_buyer_types_is_not_the_relay_order() -> None:
    body = "----- Begin message -----\nOrder ID 123-1234567-1234567: where is it?\n----- End message -----"
    split = split_relay_body(body)
    assert relay_order_id("Message from Amazon customer", split.relay_text) is None
    assert "123-1234567-1234567" in split.buyer_text


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        ("------------- Begin message -------------", "------------- End message -------------"),
        ("------------- Début du message -------------", "------------- Fin du message -------------"),
        ("------------- Nachricht beginnen -------------", "------------- Nachricht beenden -------------"),
        ("------------- Inizio messaggio -------------", "------------- Fine messaggio -------------"),
        ("------------- Inicio del mensaje -------------", "------------- Fin del mensaje -------------"),
        ("------------- Início da mensagem -------------", "------------- Fim da mensagem -------------"),
        ("------------- メッセージ開始 -------------", "------------- メッセージ終了 -------------"),
    ],
)
def test_begin_and_end_markers_in_any_language(begin: str, end: str) -> None:
    body = (
        "1 of Lamp [ASIN: B0ABCDEFGH]\n\n"
        f"{begin}\n\nWhere is my order?\n\n{end}\n\n"
        "For Your Information: To help arbitrate disputes we retain all messages.\n[commMgrTok:ABC123]"
    )
    split = split_relay_body(body)
    assert split.had_markers
    assert split.buyer_text == "Where is my order?"
    assert "For Your Information" in split.relay_text


def test_original_message_line_inside_the_block_is_not_an_end_marker() -> None:
    body = (
        "------------- Begin message -------------\nStill pending.\n\n--- Original message ---\nOld text\n"
        "------------- End message -------------"
    )
    assert split_relay_body(body).buyer_text == "Still pending.\n\n--- Original message ---\nOld text"


def test_without_markers_the_relay_lines_and_footers_are_removed() -> None:
    body = (
        "Order ID 123-1234567-1234567:\n1 of Lamp [ASIN: B0ABCDEFGH]\n\nWhere is my lamp?\n\n"
        "To mark this message as no response needed, click here: https://example.invalid\n"
        "[commMgrTok:ABC]"
    )
    split = split_relay_body(body)
    assert not split.had_markers
    assert split.buyer_text == "Where is my lamp?"
    assert relay_order_id("", split.relay_text) == "123-1234567-1234567"


def test_a_buyer_line_starting_with_important_is_kept() -> None:
    body = "Important: I need it before Friday, it is a gift.\n\nWas this email helpful?"
    assert split_relay_body(body).buyer_text == "Important: I need it before Friday, it is a gift."
