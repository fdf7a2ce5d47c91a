"""Diagnosis is a pure function of (message, triage, facts, now): one test per case, and the edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from ghostdesk.diagnosis import DiagnosisPolicy, FactsIncomplete, diagnose, plan_lookups
from ghostdesk.models import (
    BuyerMessage,
    Case,
    Channel,
    Identifier,
    IdentifierKind,
    IdentifierSource,
    Intent,
    LookupResult,
    OrderFacts,
    Triage,
)

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
ALIAS = "k3v9x2m8q1w7@marketplace.amazon.de"
ORDER = "302-1234567-7654321"
DEFAULT_POLICY = DiagnosisPolicy()
ORDER_STATUS = Intent(True, 0.9, ("where is my order",))
OTHER_TOPIC = Intent(False, 0.1, ())


def message(
    text: str = "Where is my order?", *, channel: Channel = Channel.AMAZON, marketplace: str = "DE"
) -> BuyerMessage:
    return BuyerMessage(
        message_id="<m1@example>",
        subject="Order delivery inquiry from Amazon customer Anna",
        from_address=ALIAS if channel is Channel.AMAZON else "anna@example.org",
        from_name="Anna",
        to=("shop@example.com",),
        date=NOW,
        in_reply_to=None,
        references=(),
        text=text,
        fresh_text=text,
        quoted_text="",
        channel=channel,
        language="en",
        marketplace=marketplace if channel is Channel.AMAZON else None,
        relay_alias=ALIAS if channel is Channel.AMAZON else None,
    )


def amazon_id(value: str, source: IdentifierSource = IdentifierSource.BODY) -> Identifier:
    return Identifier(IdentifierKind.AMAZON_ORDER, value, value, source)


def order(
    status: str, *, age: timedelta = timedelta(days=2), fulfilled_by: str = "MERCHANT", **kw: object
) -> OrderFacts:
    return OrderFacts(
        channel="amazon",
        order_id=str(kw.pop("order_id", ORDER)),
        status=status,
        created=NOW - age,
        fulfilled_by=fulfilled_by,
        marketplace_id="A1PA6795UKMFR9",
        marketplace_name="Amazon.de",
        **kw,  # type: ignore[arg-type]
    )


def run(
    facts: LookupResult,
    *,
    identifiers: tuple[Identifier, ...] = (),
    intent: Intent = ORDER_STATUS,
    msg: BuyerMessage | None = None,
    policy: DiagnosisPolicy = DEFAULT_POLICY,
) -> object:
    return diagnose(msg or message(), Triage(intent, identifiers), facts, NOW, policy)


def test_pending_order_within_threshold_is_pending_with_payment_verification_as_cause() -> None:
    d = run(LookupResult(amazon={ORDER: order("PENDING")}), identifiers=(amazon_id(ORDER),))
    assert d.case is Case.PENDING
    assert d.order_id == ORDER
    assert d.order_status == "PENDING"
    assert d.evidence["likely_cause"] == "payment_verification"
    assert d.evidence["age_days"] == 2.0
    assert d.evidence["matched_by"] == "order_id"
    assert d.evidence["lookups"] == [
        {"identifier": ORDER, "kind": "amazon_order", "source": "body", "result": "found"}
    ]


def test_pending_past_threshold_is_pending_long_and_threshold_is_a_setting() -> None:
    facts = LookupResult(amazon={ORDER: order("PENDING", age=timedelta(days=8))})
    assert run(facts, identifiers=(amazon_id(ORDER),)).case is Case.PENDING_LONG
    lenient = DiagnosisPolicy.from_days(10)
    assert run(facts, identifiers=(amazon_id(ORDER),), policy=lenient).case is Case.PENDING


def test_amazon_fulfilled_pending_order_points_to_inventory_transfer() -> None:
    d = run(
        LookupResult(amazon={ORDER: order("PENDING", fulfilled_by="AMAZON")}), identifiers=(amazon_id(ORDER),)
    )
    assert d.case is Case.PENDING
    assert d.evidence["likely_cause"] == "fba_inventory_transfer"
    assert d.evidence["fulfilled_by"] == "AMAZON"


@pytest.mark.parametrize(
    "text",
    [
        "Amazon asked me to verify my address, the order is still pending",
        "Ich musste meine Adresse bestätigen und die Bestellung hängt noch",
        "La commande est en attente, on m'a demandé de vérifier mon adresse",
    ],
)
def test_buyer_mentioning_address_verification_changes_the_likely_cause(text: str) -> None:
    d = run(
        LookupResult(amazon={ORDER: order("PENDING")}), identifiers=(amazon_id(ORDER),), msg=message(text)
    )
    assert d.evidence["likely_cause"] == "address_verification"


def test_pre_order_is_pending_availability() -> None:
    facts = LookupResult(amazon={ORDER: order("PENDING_AVAILABILITY", programs=("PREORDER",))})
    assert run(facts, identifiers=(amazon_id(ORDER),)).case is Case.PENDING_AVAILABILITY


@pytest.mark.parametrize(
    "status", ["UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "UNFULFILLABLE"]
)
def test_any_other_status_is_order_found(status: str) -> None:
    facts = LookupResult(amazon={ORDER: order(status, carrier="DHL", tracking_number="00340434161234567890")})
    d = run(facts, identifiers=(amazon_id(ORDER),))
    assert d.case is Case.ORDER_FOUND
    assert d.order_status == status
    assert d.evidence["tracking_number"] == "00340434161234567890"


def test_unknown_amazon_id_is_ghost_not_found_naming_the_id() -> None:
    d = run(LookupResult(amazon={ORDER: None}), identifiers=(amazon_id(ORDER),))
    assert d.case is Case.GHOST_NOT_FOUND
    assert d.order_id == ORDER
    assert d.evidence["lookups"][0]["result"] == "not_found"


def test_first_existing_order_wins_when_the_buyer_gives_several() -> None:
    other = "302-7654321-1234567"
    facts = LookupResult(amazon={other: None, ORDER: order("SHIPPED")})
    d = run(facts, identifiers=(amazon_id(other), amazon_id(ORDER)))
    assert d.order_id == ORDER
    assert d.case is Case.ORDER_FOUND


def test_ids_from_quoted_history_are_ignored() -> None:
    triage = Triage(ORDER_STATUS, (amazon_id(ORDER, IdentifierSource.QUOTED),))
    plan = plan_lookups(message(), triage, NOW)
    assert plan.amazon_order_ids == ()
    assert plan.buyer_email == ALIAS  # falls back to the alias instead
    d = diagnose(message(), triage, LookupResult(), NOW)
    assert d.case is Case.GHOST_NO_ORDER_ID


def test_no_id_but_relay_alias_matches_a_merchant_fulfilled_order() -> None:
    shipped = order("SHIPPED", order_id="302-0000001-0000001", age=timedelta(days=20))
    pending = order("PENDING", order_id="302-0000002-0000002", age=timedelta(days=1))
    d = run(LookupResult(by_alias=(shipped, pending)))
    assert d.case is Case.PENDING
    assert d.order_id == "302-0000002-0000002"
    assert d.evidence["matched_by"] == "relay_alias"
    assert [c["order_id"] for c in d.evidence["alias_candidates"]] == [
        "302-0000002-0000002",
        "302-0000001-0000001",
    ]


def test_no_identifier_at_all_is_ghost_no_order_id() -> None:
    assert run(LookupResult()).case is Case.GHOST_NO_ORDER_ID


def test_tracking_number_instead_of_order_id_is_ghost_wrong_identifier() -> None:
    tracking = Identifier(
        IdentifierKind.TRACKING, "1Z999AA10123456784", "1Z 999 AA1 01234 5678 4", carrier="UPS"
    )
    d = run(LookupResult(), identifiers=(tracking,))
    assert d.case is Case.GHOST_WRONG_IDENTIFIER
    assert d.evidence["wrong_identifier"]["carrier"] == "UPS"
    assert "UPS tracking number" in d.evidence["reason"]


def test_order_found_on_another_channel_is_ghost_other_channel() -> None:
    shopify = OrderFacts(
        channel="shopify",
        order_id="gid://shopify/Order/1",
        status="UNSHIPPED",
        created=NOW,
        order_number="#1042",
    )
    d = run(LookupResult(other_channels=(shopify,)))
    assert d.case is Case.GHOST_OTHER_CHANNEL
    assert d.evidence["other_channel"] == "shopify"
    assert d.evidence["other_order_number"] == "#1042"


def test_silence_from_an_unreachable_marketplace_is_not_a_ghost() -> None:
    with pytest.raises(FactsIncomplete):
        run(LookupResult(amazon={}, unavailable=("amazon",)), identifiers=(amazon_id(ORDER),))


def test_not_an_order_status_inquiry_needs_no_lookup() -> None:
    triage = Triage(OTHER_TOPIC, (amazon_id(ORDER),))
    assert plan_lookups(message("Do you sell this in blue?"), triage, NOW).empty
    d = diagnose(message("Do you sell this in blue?"), triage, LookupResult(), NOW)
    assert d.case is Case.NOT_ORDER_STATUS


def test_reply_to_our_acknowledgement_is_diagnosed_even_without_status_words() -> None:
    triage = Triage(OTHER_TOPIC, (amazon_id(ORDER),))
    plan = plan_lookups(message(f"Here it is: {ORDER}"), triage, NOW, continuing_thread=True)
    assert plan.amazon_order_ids == (ORDER,)
    d = diagnose(
        message(), triage, LookupResult(amazon={ORDER: order("PENDING")}), NOW, continuing_thread=True
    )
    assert d.case is Case.PENDING


def test_order_on_another_marketplace_than_the_relay_is_flagged() -> None:
    uk_order = OrderFacts(
        "amazon", ORDER, "SHIPPED", NOW - timedelta(days=3), marketplace_id="A1F83G8C2ARO7P"
    )
    d = run(LookupResult(amazon={ORDER: uk_order}), identifiers=(amazon_id(ORDER),))
    assert d.evidence["marketplace_mismatch"] == {
        "message_marketplace": "DE",
        "order_marketplace_id": "A1F83G8C2ARO7P",
    }


def test_diagnosis_survives_a_json_round_trip() -> None:
    from ghostdesk.models import Diagnosis

    d = run(LookupResult(amazon={ORDER: order("PENDING")}), identifiers=(amazon_id(ORDER),))
    assert Diagnosis.from_dict(d.to_dict()) == d


def _reply(fresh: str, quoted: str, **fields: object) -> BuyerMessage:
    from dataclasses import replace

    return replace(
        message(fresh),
        subject="RE: Order delivery inquiry from Amazon customer Anna",
        in_reply_to="<ours@shop.example>",
        quoted_text=quoted,
        **fields,  # type: ignore[arg-type]
    )


def test_a_reply_naming_no_order_is_about_the_one_order_its_thread_names() -> None:
    msg = _reply("Still nothing.", f"> Your order {ORDER} is being verified by Amazon.")
    triage = Triage(ORDER_STATUS, (amazon_id(ORDER, IdentifierSource.QUOTED),))
    plan = plan_lookups(msg, triage, NOW)
    assert plan.amazon_order_ids == (ORDER,)
    assert plan.buyer_email is None  # the thread's order is asked for first
    d = diagnose(msg, triage, LookupResult(amazon={ORDER: order("PENDING")}), NOW)
    assert d.case is Case.PENDING
    assert d.order_id == ORDER
    assert d.evidence["matched_by"] == "thread_order_id"


def test_a_thread_order_that_is_not_found_is_no_ghost_not_found() -> None:
    # The buyer did not give that ID in this message; asking for the exact ID is the honest answer.
    msg = _reply("Still nothing.", f"> Your order {ORDER} is being verified by Amazon.")
    triage = Triage(ORDER_STATUS, (amazon_id(ORDER, IdentifierSource.QUOTED),))
    d = diagnose(msg, triage, LookupResult(amazon={ORDER: None}), NOW)
    assert d.case is Case.GHOST_NO_ORDER_ID


def test_asking_about_another_order_than_the_threads_skips_the_threads_order() -> None:
    old, new = "302-0000001-0000001", "302-0000002-0000002"
    msg = _reply("I meant my other order, the one from yesterday, it still hasn't shipped.", "")
    triage = Triage(ORDER_STATUS, (amazon_id(old, IdentifierSource.SUBJECT),))
    plan = plan_lookups(msg, triage, NOW)
    assert plan.amazon_order_ids == ()
    assert plan.buyer_email == ALIAS
    shipped = order("SHIPPED", order_id=old, age=timedelta(days=20))
    pending = order("PENDING", order_id=new, age=timedelta(days=1))
    d = diagnose(msg, triage, LookupResult(by_alias=(shipped, pending)), NOW)
    assert (d.case, d.order_id) == (Case.PENDING, new)
    assert d.evidence["superseded_order_ids"] == [old]
    only_old = diagnose(msg, triage, LookupResult(by_alias=(shipped,)), NOW)
    assert only_old.case is Case.GHOST_NO_ORDER_ID


def test_an_order_the_buyer_calls_fine_yields_to_the_relays_order() -> None:
    old, current = "302-0000001-0000001", "302-0000002-0000002"
    text = f"My last order {old} came in two days, but this one is still pending."
    triage = Triage(ORDER_STATUS, (amazon_id(old), amazon_id(current, IdentifierSource.SUBJECT)))
    plan = plan_lookups(message(text), triage, NOW)
    assert plan.amazon_order_ids == (current, old)


@pytest.mark.parametrize(
    ("display", "text", "expected"),
    [
        # The relay shows a first name; the signature has the full name the other channel's order carries.
        (
            "Burkhard",
            "Bisher nichts erhalten. Bitte um Auskunft.\nBurkhard Stöckl",
            ("Burkhard", "Burkhard Stöckl"),
        ),
        # A work address shows an initial; the closing line names the buyer.
        (
            "M. Okonkwo",
            "Has it shipped?\n\nBest regards,\nMelanie Okonkwo",
            ("M. Okonkwo", "Melanie Okonkwo"),
        ),
        # A first name alone in the signature is never a candidate ...
        ("", "Where is my order?\n\nThanks,\nAnna", ()),
        # ... and a signature repeating the display name adds nothing.
        ("Anna Weber", "Wo bleibt mein Paket?\nLiebe Grüße Anna Weber", ("Anna Weber",)),
    ],
)
def test_other_channels_are_searched_by_the_display_name_and_the_full_name_signed(
    display: str, text: str, expected: tuple[str, ...]
) -> None:
    msg = replace(message(text, channel=Channel.DIRECT), from_name=display)
    plan = plan_lookups(msg, Triage(ORDER_STATUS, ()), NOW)
    assert plan.buyer_names == expected
    assert plan.buyer_name == (expected[0] if expected else None)


# --- an unknown ID that is a typo of the buyer's open order (found by the relay alias) ------------------

TYPO = "302-1234567-7654312"  # ORDER with its last two digits swapped


def test_a_relay_message_with_an_id_plans_the_alias_only_as_a_fallback() -> None:
    triage = Triage(ORDER_STATUS, (amazon_id(TYPO),))
    plan = plan_lookups(message(), triage, NOW)
    assert plan.amazon_order_ids == (TYPO,)
    assert (plan.buyer_email, plan.alias_fallback) == (ALIAS, True)
    direct = plan_lookups(message(channel=Channel.DIRECT), triage, NOW)
    assert (direct.buyer_email, direct.alias_fallback) == (None, False)
    no_id = plan_lookups(message(), Triage(ORDER_STATUS, ()), NOW)
    assert (no_id.buyer_email, no_id.alias_fallback) == (ALIAS, False)


def test_a_mistyped_id_is_answered_about_the_buyers_open_order_with_the_reason() -> None:
    swapped = TYPO
    pending = order("PENDING", age=timedelta(days=3))
    d = run(LookupResult(amazon={swapped: None}, by_alias=(pending,)), identifiers=(amazon_id(swapped),))
    assert (d.case, d.order_id) == (Case.PENDING, ORDER)
    assert d.evidence["matched_by"] == "relay_alias_after_unknown_id"
    assert d.evidence["reason"].startswith(
        f"the ID given ({swapped}) was not found; the buyer's relay alias matches order {ORDER} (PENDING), "
        "which differs from it in 2 digits; pending for 3.0 days"
    )
    assert d.evidence["unknown_order_id"] == swapped
    assert [lookup["result"] for lookup in d.evidence["lookups"]] == ["not_found", "found"]


def test_of_several_open_orders_the_one_the_typo_is_closest_to_is_chosen() -> None:
    one_off = "302-1234567-7654320"  # one digit from ORDER, many from the newer order
    newer = order("UNSHIPPED", order_id="302-9999999-0000000", age=timedelta(days=1))
    mine = order("UNSHIPPED", age=timedelta(days=4))
    d = run(LookupResult(amazon={one_off: None}, by_alias=(newer, mine)), identifiers=(amazon_id(one_off),))
    assert (d.case, d.order_id, d.evidence["digits_differing"]) == (Case.ORDER_FOUND, ORDER, 1)


@pytest.mark.parametrize("status", ["SHIPPED", "CANCELLED"])
def test_an_unknown_id_stays_ghost_not_found_when_the_alias_has_no_open_order(status: str) -> None:
    near = TYPO
    closed = order(status, age=timedelta(days=30))
    d = run(LookupResult(amazon={near: None}, by_alias=(closed,)), identifiers=(amazon_id(near),))
    assert (d.case, d.order_id) == (Case.GHOST_NOT_FOUND, near)
    assert d.evidence["alias_orders"] == [
        {"order_id": ORDER, "status": status, "created": closed.created.isoformat()}
    ]


def test_an_unknown_id_far_from_the_buyers_open_order_is_another_order_and_stays_not_found() -> None:
    other_sellers = "305-9988776-1122334"
    pending = order("PENDING")
    d = run(
        LookupResult(amazon={other_sellers: None}, by_alias=(pending,)),
        identifiers=(amazon_id(other_sellers),),
    )
    assert (d.case, d.order_id) == (Case.GHOST_NOT_FOUND, other_sellers)
    assert d.evidence["alias_orders"][0]["order_id"] == ORDER
