"""RFC 3834 and loop guards: when an automatic acknowledgement must not be sent, and why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ghostdesk.mail.guards import acknowledgement_block_reason
from ghostdesk.models import BuyerMessage, Channel

OWN = ("orders@northwind-goods.example.com",)
BUYER = BuyerMessage(
    message_id="<1@example.com>",
    subject="Where is my order?",
    from_address="anna@example.com",
    from_name="Anna",
    to=OWN,
    date=None,
    in_reply_to=None,
    references=(),
    text="Where is my order?",
    fresh_text="Where is my order?",
    quoted_text="",
    channel=Channel.DIRECT,
    language="en",
    auto_headers={"return-path": "<anna@example.com>"},
)


def test_an_ordinary_buyer_message_may_be_acknowledged() -> None:
    assert acknowledgement_block_reason(BUYER, own_addresses=OWN) is None
    relayed = replace(BUYER, from_address="k7m2@marketplace.amazon.com", channel=Channel.AMAZON)
    assert acknowledgement_block_reason(relayed, own_addresses=OWN) is None
    explicit_no = replace(BUYER, auto_headers={"auto-submitted": "no"})
    assert acknowledgement_block_reason(explicit_no, own_addresses=OWN) is None


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"auto-submitted": "auto-replied"}, "auto_submitted"),
        ({"auto-submitted": "auto-generated (failure)"}, "auto_submitted"),
        ({"precedence": "bulk"}, "precedence_bulk"),
        ({"precedence": "List"}, "precedence_bulk"),
        ({"precedence": "junk"}, "precedence_bulk"),
        ({"precedence": "auto_reply"}, "precedence_bulk"),
        ({"x-precedence": "bulk"}, "precedence_bulk"),
        ({"content-type": 'multipart/report; report-type="feedback-report"; boundary=x'}, "machine_report"),
        ({"content-type": "Multipart/Report; report-type=delivery-status"}, "machine_report"),
        ({"content-type": "multipart/report; report-type=disposition-notification"}, "machine_report"),
        ({"list-id": "<sellers.lists.example.com>"}, "mailing_list"),
        ({"list-unsubscribe": "<mailto:leave@example.com>"}, "mailing_list"),
        ({"return-path": "<>"}, "mailer_daemon"),
        ({"x-auto-response-suppress": "DR, RN, NRN, OOF, AutoReply"}, "ms_auto_suppress"),
        ({"x-auto-response-suppress": "All"}, "ms_auto_suppress"),
        ({"x-autoreply": "yes"}, "autoreply_header"),
        ({"x-autorespond": "yes"}, "autoreply_header"),
    ],
)
def test_headers_that_forbid_an_automatic_answer(headers: dict[str, str], reason: str) -> None:
    message = replace(BUYER, auto_headers=headers)
    assert acknowledgement_block_reason(message, own_addresses=OWN) == reason


def test_suppress_values_that_do_not_concern_replies_do_not_block() -> None:
    message = replace(BUYER, auto_headers={"x-auto-response-suppress": "DR, RN, NRN"})
    assert acknowledgement_block_reason(message, own_addresses=OWN) is None


@pytest.mark.parametrize(
    ("sender", "reason"),
    [
        ("MAILER-DAEMON@mx.example.com", "mailer_daemon"),
        ("postmaster@example.com", "mailer_daemon"),
        ("noreply@shop.example.com", "no_reply_sender"),
        ("no-reply@shop.example.com", "no_reply_sender"),
        ("do-not-reply@shop.example.com", "no_reply_sender"),
        ("donotreply+bounces@shop.example.com", "no_reply_sender"),
        ("sellers-request@lists.example.com", "no_reply_sender"),
        ("owner-sellers@lists.example.com", "no_reply_sender"),
        ("Orders@Northwind-Goods.example.com", "own_message"),
        ("donotreply@amazon.com", "amazon_system"),
        ("marketplace-messages@amazon.de", "amazon_system"),
    ],
)
def test_senders_that_must_never_get_an_automatic_answer(sender: str, reason: str) -> None:
    message = replace(BUYER, from_address=sender.lower())
    assert acknowledgement_block_reason(message, own_addresses=OWN) == reason


def test_a_buyer_forwarding_a_report_inside_ordinary_mail_may_be_acknowledged() -> None:
    forwarded = replace(BUYER, auto_headers={"content-type": "multipart/mixed; boundary=b1"})
    assert acknowledgement_block_reason(forwarded, own_addresses=OWN) is None
