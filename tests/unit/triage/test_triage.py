"""``triage()``: intent from the buyer's own words, identifiers from the whole message."""

from __future__ import annotations

from dataclasses import replace

from ghostdesk.models import BuyerMessage, Channel, IdentifierKind, Triage
from ghostdesk.triage import triage

QUOTED = """--- Original message ---
Where is my order 111-0000000-0000001? It has not arrived.
UPS 1Z999AA10123456784"""


def relay_message(**fields: object) -> BuyerMessage:
    base = BuyerMessage(
        message_id="<abc@relay.test>",
        subject="Message from Amazon customer Ann (Order: 111-2222222-3333333)",
        from_address="xyz@marketplace.amazon.com",
        from_name="Ann - Amazon Marketplace",
        to=("seller@shop.test",),
        date=None,
        in_reply_to=None,
        references=(),
        text="Thanks, it arrived. Could you send me an invoice?\n\n" + QUOTED,
        fresh_text="Thanks, it arrived. Could you send me an invoice?",
        quoted_text=QUOTED,
        channel=Channel.AMAZON,
        language="en",
        marketplace="US",
        relay_order_id="111-2222222-3333333",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_quoted_history_neither_decides_the_intent_nor_names_the_order() -> None:
    result = triage(relay_message())
    assert not result.intent.is_order_status, result.intent.reasons
    assert result.amazon_order_ids == ("111-2222222-3333333",)
    assert result.foreign_identifiers == ()
    quoted = {i.value for i in result.identifiers if i.source.value == "quoted"}
    assert quoted == {"111-0000000-0000001", "1Z999AA10123456784"}


def test_the_buyers_own_order_id_comes_before_the_relays() -> None:
    result = triage(
        relay_message(fresh_text="Where is 111-4444444-5555555?", text="Where is 111-4444444-5555555?")
    )
    assert result.intent.is_order_status
    assert result.amazon_order_ids == ("111-4444444-5555555", "111-2222222-3333333")


def test_without_fresh_text_intent_falls_back_to_the_text_minus_its_quoted_history() -> None:
    # The parser could not separate the buyer's words: the status question in the history must not count.
    assert not triage(relay_message(fresh_text="")).intent.is_order_status
    asked = relay_message(fresh_text="", text="My order has not arrived yet.\n\n" + QUOTED)
    assert triage(asked).intent.is_order_status


def test_a_tracking_number_given_instead_of_an_order_id_is_a_foreign_identifier() -> None:
    result = triage(
        relay_message(
            subject="Message from Amazon customer Ann",
            relay_order_id=None,
            fresh_text="I never got my package, tracking 1Z999AA10123456784",
            quoted_text="",
        )
    )
    assert result.intent.is_order_status
    assert result.amazon_order_ids == ()
    [foreign] = result.foreign_identifiers
    assert (foreign.kind, foreign.carrier) == (IdentifierKind.TRACKING, "UPS")


def test_the_result_travels_as_json() -> None:
    result = triage(relay_message(fresh_text="Where is my order? 111 4444444 5555555"))
    assert Triage.from_dict(result.to_dict()) == result
