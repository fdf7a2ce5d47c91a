"""The rules every channel ties an order to a buyer by: no sockets, just the clues and the orders."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ghostdesk.orders.channels import ebay, shopify, walmart
from ghostdesk.orders.channels.file import FileChannelSearch
from ghostdesk.orders.channels.matching import (
    BuyerQuery,
    MatchKind,
    name_words,
    names_match,
    normalise_email,
    normalise_order_number,
)
from tests.unit.orders.channels.builders import NOW, ebay_order, shopify_order, walmart_order


def search(channel: str, orders: list[dict], **clues: list[str]) -> list[str | None]:
    """What a buyer with these clues is found as: the order numbers, best match first."""
    found = FileChannelSearch(channel, orders).search(
        emails=clues.get("emails", []), names=clues.get("names", []), order_numbers=clues.get("numbers", [])
    )
    return [facts.order_number for facts in found]


# --- names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "on_order"),
    [
        ("Anna Kowalski", "Anna Kowalski"),
        ("anna kowalski", "ANNA KOWALSKI"),
        ("Kowalski, Anna", "Anna Kowalski"),  # word order
        ("José García", "Jose Garcia"),  # accents folded
        ("Jürgen Müller", "Jurgen Muller"),
        ("Anna Kowalski", "Anna Maria Kowalski"),  # a middle name on one side
        ("Dr. Anna Kowalski", "Anna Kowalski"),  # titles are not part of the name
        ("Anna Kowalski - Amazon Marketplace", "Anna Kowalski"),  # the relay's suffix
        ("Jean-Luc Picard", "Jean Luc Picard"),
        ("Siobhan O'Brien", "Siobhan OBrien"),
    ],
)
def test_full_names_match_whatever_the_spelling_of_case_accents_and_order(given: str, on_order: str) -> None:
    assert names_match(name_words(given), name_words(on_order))


@pytest.mark.parametrize(
    ("given", "on_order"),
    [
        ("Anna", "Anna Kowalski"),  # a first name alone: never
        ("Anna K.", "Anna Kowalski"),  # an initial is not a surname
        ("Anna Kowalski", "Anna Kowalska"),
        ("Anna Kowalski", "Anna Nowak"),  # the same first name is not the same person
        ("Amazon Customer", "Amazon Customer"),  # role words name nobody
        ("anna.kowalski@example.org", "Anna Kowalski"),  # an address is not a name
    ],
)
def test_a_first_name_alone_or_a_different_surname_never_matches(given: str, on_order: str) -> None:
    assert not names_match(name_words(given), name_words(on_order))


def test_a_buyer_known_only_by_first_name_is_not_searched_for_at_all() -> None:
    # Given Amazon's relay showed only "Anna", and an order by an Anna exists on Shopify
    orders = [shopify_order(1001, name="Anna Kowalski", email="anna.k@example.org")]
    # Then neither the query nor the order list yields a match
    assert BuyerQuery.build(emails=[], names=["Anna - Amazon Marketplace"], order_numbers=[]).empty
    assert search("shopify", orders, names=["Anna"]) == []
    assert search("shopify", orders, names=["Anna Kowalski"]) == ["#1001"]


# --- emails and numbers -----------------------------------------------------------------------------


def test_emails_match_exactly_but_without_regard_to_case() -> None:
    orders = [walmart_order("1796277083022", email="Jordan.Ellis@Example.NET")]
    assert search("walmart", orders, emails=["jordan.ellis@example.net"]) == [orders[0]["customerOrderId"]]
    assert search("walmart", orders, emails=["jordan.ellis@example.com"]) == []
    assert search("walmart", orders, emails=["ellis@example.net"]) == []


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("#1042", "1042"), ("# 1042", "1042"), ("12-34567-89012", "123456789012"), ("#SH-1042", "sh1042")],
)
def test_order_numbers_compare_without_punctuation(raw: str, canonical: str) -> None:
    assert normalise_order_number(raw) == canonical


@pytest.mark.parametrize("value", ["", "anna", "anna@", "@example.org", "anna@localhost", "a b@example.org"])
def test_strings_that_are_not_email_addresses_are_no_clue(value: str) -> None:
    assert normalise_email(value) is None


def test_the_number_the_buyer_gave_finds_the_order_under_either_of_its_numbers() -> None:
    order = walmart_order("1796277083022", customer_order_id="200013572468013", email=None, ship_to=None)
    assert search("walmart", [order], numbers=["200013572468013"]) == ["200013572468013"]
    assert search("walmart", [order], numbers=["1796277083022"]) == ["200013572468013"]
    assert search("shopify", [shopify_order(1042)], numbers=["#1042"]) == ["#1042"]
    assert search("shopify", [shopify_order(1042)], numbers=["1042"]) == ["#1042"]
    assert search("shopify", [shopify_order(1042)], numbers=["#10421"]) == []


def test_an_ebay_username_matches_only_as_a_whole_handle() -> None:
    orders = [ebay_order("23-14087-55231", username="claire_d_1987", full_name=None, email=None)]
    assert search("ebay", orders, names=["claire_d_1987"]) == ["23-14087-55231"]
    assert search("ebay", orders, names=["Claire"]) == []


# --- ranking ----------------------------------------------------------------------------------------


def test_the_strongest_clue_wins_then_the_newest_order() -> None:
    by_name_new = shopify_order(
        1003, name="Anna Kowalski", email="other@example.org", created=NOW - timedelta(days=1)
    )
    by_name_old = shopify_order(
        1002, name="Anna Kowalski", email="other@example.org", created=NOW - timedelta(days=9)
    )
    by_email = shopify_order(
        1001, name="Someone Else", email="anna@example.org", created=NOW - timedelta(days=20)
    )
    by_number = shopify_order(
        1000, name="Someone Else", email="x@example.org", created=NOW - timedelta(days=30)
    )
    found = search(
        "shopify",
        [by_name_old, by_number, by_name_new, by_email],
        emails=["anna@example.org"],
        names=["Anna Kowalski"],
        numbers=["#1000"],
    )
    assert found == ["#1000", "#1001", "#1003", "#1002"]


def test_each_channel_reads_its_own_order_shape_into_the_same_facts() -> None:
    shop = shopify.channel_order(
        shopify_order(1042, fulfillment="FULFILLED", tracking=("USPS", "9400111899223344556677"))
    )
    bay = ebay.channel_order(ebay_order("23-14087-55231", fulfillment="IN_PROGRESS"))
    mart = walmart.channel_order(walmart_order("1796277083022", statuses=("Shipped", "Acknowledged")))
    assert (shop.facts.channel, shop.facts.order_number, shop.facts.status) == ("shopify", "#1042", "SHIPPED")
    assert (shop.facts.carrier, shop.facts.tracking_number) == ("USPS", "9400111899223344556677")
    assert (bay.facts.channel, bay.facts.order_number, bay.facts.status) == (
        "ebay",
        "23-14087-55231",
        "PARTIALLY_SHIPPED",
    )
    assert (mart.facts.channel, mart.facts.status, mart.facts.raw_status) == (
        "walmart",
        "PARTIALLY_SHIPPED",
        "Acknowledged,Shipped",
    )
    assert (
        shop.match(BuyerQuery.build(emails=["BUYER@example.org"], names=[], order_numbers=[]))
        is MatchKind.EMAIL
    )


@pytest.mark.parametrize(
    ("order", "status"),
    [
        (shopify_order(1, fulfillment="UNFULFILLED", financial="PAID"), "UNSHIPPED"),
        (shopify_order(1, fulfillment="UNFULFILLED", financial="PENDING"), "PENDING"),
        (shopify_order(1, fulfillment="PARTIALLY_FULFILLED"), "PARTIALLY_SHIPPED"),
        (shopify_order(1, fulfillment="UNFULFILLED", cancelled=NOW), "CANCELLED"),
        (shopify_order(1, fulfillment="UNFULFILLED", financial="REFUNDED"), "CANCELLED"),
        (shopify_order(1, fulfillment="ON_HOLD", financial=None), "UNSHIPPED"),
    ],
)
def test_shopify_statuses_map_onto_the_orders_vocabulary(order: dict, status: str) -> None:
    assert shopify.channel_order(order).facts.status == status


@pytest.mark.parametrize(
    ("order", "status"),
    [
        (ebay_order("23-14087-55231", fulfillment="FULFILLED"), "SHIPPED"),
        (ebay_order("23-14087-55231", payment="PENDING"), "PENDING"),
        (ebay_order("23-14087-55231", cancel_state="CANCELED"), "CANCELLED"),
        (ebay_order("23-14087-55231", payment="FULLY_REFUNDED"), "CANCELLED"),
        (walmart_order("1796277083022", statuses=("Cancelled", "Refund")), "CANCELLED"),
        (walmart_order("1796277083022", statuses=("Delivered", "Cancelled")), "SHIPPED"),
        (walmart_order("1796277083022", statuses=("Created",)), "UNSHIPPED"),
    ],
)
def test_ebay_and_walmart_statuses_map_onto_the_orders_vocabulary(order: dict, status: str) -> None:
    channel = ebay if "orderId" in order else walmart
    assert channel.channel_order(order).facts.status == status
