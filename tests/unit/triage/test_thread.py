"""Threads and several orders: which order a message is about when the buyer's words alone do not say.

Each case comes from a held-out buyer email that the rules once got wrong (tests/fixtures/heldout).
"""

from __future__ import annotations

from dataclasses import replace

from ghostdesk.mail.reader import read_email
from ghostdesk.models import BuyerMessage, Channel, IdentifierSource
from ghostdesk.triage import triage
from ghostdesk.triage.thread import (
    is_reply,
    refers_to_another_order,
    settled_order_ids,
    superseded_order_ids,
    thread_order_ids,
)

OUR_ANSWER = (
    "On Mon, Jan 11, 2027 at 10:02 AM, Northwind Goods <support@shop.test> wrote:\n"
    "> Hello Nadia,\n> your order 113-6618230-9904127 is still being verified by Amazon.\n"
)


def direct(
    fresh: str, quoted: str = "", *, subject: str = "Re: Your order", reply: bool = True
) -> BuyerMessage:
    return BuyerMessage(
        message_id="<m@buyer.test>",
        subject=subject,
        from_address="nadia@example.org",
        from_name="Nadia",
        to=("support@shop.test",),
        date=None,
        in_reply_to="<ours@shop.test>" if reply else None,
        references=(),
        text=fresh + "\n\n" + quoted,
        fresh_text=fresh,
        quoted_text=quoted,
        channel=Channel.DIRECT,
        language="en",
    )


def test_a_reply_to_our_answer_is_about_the_order_our_answer_named() -> None:
    message = direct("Still nothing. It's been four more days.", OUR_ANSWER)
    result = triage(message)
    assert result.intent.is_order_status
    assert result.amazon_order_ids == ()  # quoted history is never "the buyer's" ID...
    assert thread_order_ids(message, result) == ("113-6618230-9904127",)  # ...but the thread's


def test_a_reply_about_another_order_does_not_take_the_quoted_one() -> None:
    message = direct("Hi again, I placed another order on Monday and it still hasn't shipped.", OUR_ANSWER)
    assert refers_to_another_order(message.fresh_text)
    assert thread_order_ids(message, triage(message)) == ()


def test_a_message_that_is_not_a_reply_never_takes_quoted_ids() -> None:
    message = direct("Still nothing.", OUR_ANSWER, subject="Order", reply=False)
    assert not is_reply(message)
    assert thread_order_ids(message, triage(message)) == ()


def test_a_forwarded_confirmation_brings_its_order_id() -> None:
    forwarded = (
        "---------- Forwarded message ---------\nFrom: Amazon.com <auto-confirm@amazon.com>\n"
        "Subject: Your Amazon.com order\n\nOrder #112-7781026-3349051\nCast Iron Grill Press\n"
    )
    message = direct("This is the order I mean. Nothing has come yet.", forwarded, subject="Fwd: order")
    result = triage(message)
    # A forward is evidence the buyer gives, not history: its ID is theirs, as if typed.
    assert [(i.value, i.source) for i in result.identifiers] == [
        ("112-7781026-3349051", IdentifierSource.BODY)
    ]
    assert result.amazon_order_ids == ("112-7781026-3349051",)
    assert thread_order_ids(message, result) == ()  # nothing left to borrow from the thread


def test_the_other_order_in_a_relay_thread_supersedes_the_subjects() -> None:
    message = replace(
        direct("Perdón, me refería al otro pedido, el que hice ayer, que sigue sin enviarse."),
        subject="RE: Consulta del cliente de Amazon Irene (Pedido: 405-8803371-2219846)",
        channel=Channel.AMAZON,
        relay_alias="irene@marketplace.amazon.es",
        relay_order_id="405-8803371-2219846",
        language="es",
    )
    result = triage(message)
    assert result.intent.is_order_status
    assert superseded_order_ids(message, result) == ("405-8803371-2219846",)


def test_another_order_that_arrived_is_no_reason_to_look_elsewhere() -> None:
    assert not refers_to_another_order("My other order arrived fine, but this one is still pending.")


def test_of_two_ids_the_one_asked_about_comes_first() -> None:
    message = direct(
        "I have two orders with you. 111-5520418-9930276 arrived fine, thank you! "
        "But 114-6608135-2217749 is still showing as pending after more than a week.",
        reply=False,
        subject="Two orders",
    )
    result = triage(message)
    assert result.amazon_order_ids == ("114-6608135-2217749", "111-5520418-9930276")
    assert settled_order_ids(message, result) == ("111-5520418-9930276",)


def test_what_is_said_about_a_settled_order_does_not_count_against_the_question() -> None:
    message = replace(
        direct(
            "Unlike my last order (111-6650218-9913374), which came in two days, this one is still pending "
            "after four days. Any idea why?",
            reply=False,
        ),
        subject="Inquiry from Amazon customer Sam (Order: 112-9937104-2286615)",
        channel=Channel.AMAZON,
        relay_order_id="112-9937104-2286615",
    )
    result = triage(message)
    assert result.intent.is_order_status, result.intent.reasons
    assert settled_order_ids(message, result) == ("111-6650218-9913374",)


def test_a_reply_that_only_gives_the_id_we_asked_for_continues_the_status_thread() -> None:
    asked = (
        "On Tue, May 18, 2027 at 9:03 AM Northwind Goods <support@shop.test> wrote:\n"
        "> I understand your concern about the status of your order. Could you send us the\n"
        "> exact Amazon order ID so we can look it up?\n"
    )
    message = direct("Sure, it's 114-3319027-6658840.\n\nGloria", asked)
    result = triage(message)
    assert result.intent.is_order_status
    assert result.intent.reasons[0].startswith("a reply giving an identifier")
    assert [(i.value, i.source) for i in result.identifiers] == [
        ("114-3319027-6658840", IdentifierSource.BODY)
    ]
    # Without the ID it is just "ok": no topic to continue.
    assert not triage(direct("Ok.", asked)).intent.is_order_status


def test_a_too_short_reply_takes_the_threads_language() -> None:
    raw = (
        "From: Luisa <luisa@example.it>\nTo: support@shop.test\nSubject: Re: La sua richiesta\n"
        "In-Reply-To: <ack@shop.test>\nContent-Type: text/plain; charset=utf-8\n\n"
        "Il giorno mar 18 mag 2027 alle ore 09:12 Northwind <support@shop.test> ha scritto:\n"
        "> Gentile cliente, comprendiamo la sua preoccupazione per lo stato del suo ordine.\n"
        "> Ci può indicare il numero d'ordine Amazon esatto?\n\nEccolo: 403-5517720-8849903\nLuisa\n"
    ).encode()
    assert read_email(raw, default_language="en").language == "it"
