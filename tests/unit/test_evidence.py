"""The evidence for an A-to-z claim, built from records alone: what happened, when, and who did it.

Given the records ghostdesk keeps about an order (the buyer's messages, the diagnosis, the drafts and the
agents' audit entries), the evidence puts them in time order and says what the buyer was told.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ghostdesk.evidence import build_evidence, render_document
from ghostdesk.models import BuyerMessage, Case, Channel, Diagnosis, Intent, OrderFacts
from ghostdesk.records import AckStatus, CaseRecord, DraftRecord, DraftStatus, MessageRecord, MessageStatus
from ghostdesk.review.audit import Actor, AuditAction, AuditEntry

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # the buyer's first message
ORDER = "113-4829175-6031482"
PLACED = T0 - timedelta(days=2, hours=3)
ANNA = Actor(sub="s-anna", email="anna@shop.example")
REPLY_TEXT = "Hello Emily,\n\nAmazon is still verifying the payment for this order."


def message(case_id: str, at: datetime, text: str, *, ack_after: timedelta | None) -> MessageRecord:
    buyer = BuyerMessage(
        message_id=f"<{case_id}@relay>",
        subject="Where is my order?",
        from_address="abcd@marketplace.amazon.com",
        from_name="Emily",
        to=("orders@shop.example",),
        date=at,
        in_reply_to=None,
        references=(),
        text=text,
        fresh_text=text,
        quoted_text="",
        channel=Channel.AMAZON,
        language="en",
        marketplace="US",
    )
    return MessageRecord(
        message_id=case_id,
        received_at=at,
        status=MessageStatus.PARSED,
        message=buyer,
        ack_status=AckStatus.SENT if ack_after else AckStatus.SUPPRESSED,
        ack_reason=None if ack_after else "ack_window",
        ack_sent_at=at + ack_after if ack_after else None,
        ack_message_id=f"<ack-{case_id}@email.amazonses.com>" if ack_after else None,
    )


def case(case_id: str, at: datetime, *, status: str | None = "PENDING") -> CaseRecord:
    order = (
        OrderFacts(
            channel="amazon",
            order_id=ORDER,
            status=status,
            created=PLACED,
            fulfilled_by="MERCHANT",
            marketplace_name="Amazon.com",
        )
        if status
        else None
    )
    diagnosis = Diagnosis(
        case=Case.PENDING if status else Case.GHOST_NO_ORDER_ID,
        order_id=ORDER if status else None,
        order_status=status,
        language="en",
        channel=Channel.AMAZON,
        intent=Intent(True, 0.9),
        identifiers=(),
        order=order,
        evidence={"reason": "pending for 2.1 days, within the 7-day threshold"},
    )
    return CaseRecord(case_id=case_id, message_id=case_id, created_at=at, diagnosis=diagnosis)


def draft(case_id: str, at: datetime, *, status: DraftStatus = DraftStatus.PENDING_APPROVAL) -> DraftRecord:
    return DraftRecord(
        draft_id=f"d-{case_id}",
        message_id=case_id,
        case_id=case_id,
        status=status,
        case="pending",
        order_id=ORDER,
        to="abcd@marketplace.amazon.com",
        subject="Re: Where is my order?",
        in_reply_to=f"<{case_id}@relay>",
        references=(f"<{case_id}@relay>",),
        language="en",
        channel="amazon",
        reply={"macro": "pending.payment_verification", "version": 2, "text": REPLY_TEXT},
        deadline=at + timedelta(hours=24),
        created_at=at,
    )


def approved_and_sent(draft_id: str, at: datetime) -> list[AuditEntry]:
    return [
        AuditEntry(
            draft_id,
            AuditAction.EDITED,
            ANNA,
            at,
            changes={"slots.greeting": {"before": "Hi", "after": "Hello"}},
        ),
        AuditEntry(draft_id, AuditAction.APPROVED, ANNA, at + timedelta(minutes=1)),
        AuditEntry(
            draft_id,
            AuditAction.SENT,
            ANNA,
            at + timedelta(minutes=1, seconds=2),
            details={
                "message_ids": ["<0100abc@email.amazonses.com>"],
                "macro": "pending.payment_verification",
                "macro_version": 2,
                "text": REPLY_TEXT,
            },
        ),
    ]


def test_the_timeline_runs_from_the_order_to_the_sent_reply_in_time_order() -> None:
    evidence = build_evidence(
        order_id=ORDER,
        cases=[case("m1", T0 + timedelta(seconds=30))],
        messages={"m1": message("m1", T0, "It is stuck on Pending.", ack_after=timedelta(seconds=20))},
        drafts={"m1": [draft("m1", T0 + timedelta(seconds=40), status=DraftStatus.SENT)]},
        audit={"d-m1": approved_and_sent("d-m1", T0 + timedelta(hours=2))},
        now=T0 + timedelta(hours=3),
    )

    assert [e.kind for e in evidence.timeline] == [
        "order_placed",
        "message_received",
        "acknowledgement_sent",
        "diagnosed",
        "draft_queued",
        "edited",
        "approved",
        "sent",
    ]
    assert evidence.pending_since == PLACED
    assert evidence.order_status == "PENDING"
    (ack, reply) = evidence.told
    assert (ack.kind, ack.at, ack.by) == (
        "acknowledgement",
        T0 + timedelta(seconds=20),
        "ghostdesk (automatic)",
    )
    assert (reply.kind, reply.approved_by, reply.text) == ("reply", "anna@shop.example", REPLY_TEXT)
    assert reply.approved_at == T0 + timedelta(hours=2, minutes=1)
    assert reply.message_ids == ("<0100abc@email.amazonses.com>",)


def test_every_message_about_the_order_is_on_the_record_with_its_own_answer() -> None:
    later = T0 + timedelta(days=1)
    evidence = build_evidence(
        order_id=ORDER,
        cases=[case("m2", later), case("m1", T0)],
        messages={
            "m1": message("m1", T0, "First: stuck on Pending.", ack_after=timedelta(seconds=5)),
            "m2": message("m2", later, "Second: still pending!", ack_after=None),  # within the ack window
        },
        drafts={"m1": [draft("m1", T0, status=DraftStatus.SENT)], "m2": [draft("m2", later)]},
        audit={"d-m1": approved_and_sent("d-m1", T0 + timedelta(hours=1)), "d-m2": []},
        now=later + timedelta(hours=1),
    )

    assert evidence.case_ids == ("m1", "m2")
    assert [m.text for m in evidence.messages] == ["First: stuck on Pending.", "Second: still pending!"]
    assert [t.kind for t in evidence.told] == ["acknowledgement", "reply"]
    suppressed = [e for e in evidence.timeline if e.kind == "acknowledgement_suppressed"]
    assert len(suppressed) == 1
    assert "ack_window" in suppressed[0].summary


def test_without_audit_entries_the_sent_draft_still_says_what_went_out_and_who_approved() -> None:
    sent = draft("m1", T0, status=DraftStatus.SENT).with_changes(
        decided_by="anna@shop.example",
        decided_at=T0 + timedelta(hours=1),
        sent_at=T0 + timedelta(hours=1, seconds=1),
        sent_message_ids=("<0100abc@email.amazonses.com>",),
    )
    evidence = build_evidence(
        order_id=ORDER,
        cases=[case("m1", T0)],
        messages={"m1": message("m1", T0, "Stuck.", ack_after=timedelta(seconds=5))},
        drafts={"m1": [sent]},
        audit={},
        now=T0 + timedelta(hours=2),
    )

    reply = evidence.told[-1]
    assert (reply.kind, reply.approved_by, reply.text) == ("reply", "anna@shop.example", REPLY_TEXT)
    assert reply.at == T0 + timedelta(hours=1, seconds=1)


def test_the_document_reads_as_a_claim_response() -> None:
    evidence = build_evidence(
        order_id=ORDER,
        cases=[case("m1", T0)],
        messages={"m1": message("m1", T0, "It is stuck | on Pending.", ack_after=timedelta(seconds=20))},
        drafts={"m1": [draft("m1", T0, status=DraftStatus.SENT)]},
        audit={"d-m1": approved_and_sent("d-m1", T0 + timedelta(hours=2))},
        now=T0 + timedelta(hours=3),
    )

    document = render_document(evidence)

    assert document.startswith(f"# Evidence: Amazon order {ORDER}\n")
    assert "- Status: PENDING (as checked with the marketplace at 2026-11-20 09:00 UTC)" in document
    assert "- Pending since: 2026-11-18 06:00 UTC (2.1 days when the buyer first wrote)" in document
    assert "| 2026-11-20 09:00:00 | Buyer's message received: 'Where is my order?' | buyer |" in document
    assert "### 2026-11-20 09:00 UTC: automatic acknowledgement" in document
    assert "### 2026-11-20 11:01 UTC: reply approved by anna@shop.example" in document
    assert "> Amazon is still verifying the payment for this order." in document
    assert "> It is stuck | on Pending." in document  # the buyer's words, quoted as they wrote them
    assert "(greeting)" in document  # which part the agent edited
    assert document.index("## Timeline") < document.index("## What the buyer was told")


def test_a_ghost_without_an_order_says_no_order_was_found() -> None:
    evidence = build_evidence(
        order_id=None,
        cases=[case("m9", T0, status=None)],
        messages={"m9": message("m9", T0, "I ordered but cannot find it.", ack_after=timedelta(seconds=5))},
        drafts={"m9": []},
        audit={},
        now=T0 + timedelta(hours=1),
    )

    document = render_document(evidence)

    assert evidence.pending_since is None
    assert document.startswith("# Evidence: case m9")
    assert "No order was found for this message" in document
