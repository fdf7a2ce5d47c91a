"""Follow-ups: when a pending order leaves Pending, the agent's draft tells the buyer the news.

Given Emily's message about her pending order and the draft the pipeline queued for it, news of the
order (it shipped, was cancelled, got its tracking number) brings the open draft up to date with the
macro the new facts select, keeping what the agent had written; a reply already sent gets a follow-up
draft instead; nothing else changes anything, and nothing is ever sent by itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from ghostdesk.followup import FollowUpDeps, Outcome, follow_order_change, order_news
from ghostdesk.observability import metrics
from ghostdesk.orders.mirror import OrderMirror
from ghostdesk.orders.notifications import OrderChange
from ghostdesk.records import DraftStatus
from ghostdesk.review.actions import ReviewDeps, edit_slots
from ghostdesk.review.audit import Actor
from tests.unit.deadlines.conftest import (
    ORDER,
    Desk,
    audit_actions,
    create_table,
    demo_order,
    emitted_metrics,
    queue_demo_draft,
    stored,
)

PENDING = demo_order()
SHIPPED = demo_order(status="SHIPPED", carrier="UPS", tracking_number="1Z999AA10123456784")
AGENT = Actor(sub="s-anna", email="anna@shop.example")
NOTE = "I have looked into this personally and will keep an eye on it for you."


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Iterator[None]:
    metrics.clear_metrics()
    yield
    metrics.clear_metrics()


def deps(desk: Desk) -> FollowUpDeps:
    return FollowUpDeps(
        settings=desk.settings,
        cases=desk.cases,
        drafts=desk.drafts,
        messages=desk.messages,
        audit=desk.audit,
        library=desk.library,
        clock=desk.clock,
    )


def agent_writes_a_note(desk: Desk, draft_id: str) -> None:
    review = ReviewDeps(
        settings=desk.settings,
        drafts=desk.drafts,
        messages=desk.messages,
        audit=desk.audit,
        library=desk.library,
        mailer=lambda: pytest.fail("editing sends nothing"),  # type: ignore[arg-type,return-value]
        clock=desk.clock,
    )
    edit_slots(draft_id, {"personal_note": NOTE}, AGENT, review)


# --------------------------------------------------------------------------------------------- news


def test_the_news_is_an_order_leaving_pending_or_its_tracking_number_arriving() -> None:
    assert order_news(PENDING, SHIPPED) == "order left Pending → SHIPPED"
    assert order_news(
        replace(PENDING, status="PENDING_AVAILABILITY"), replace(PENDING, status="UNSHIPPED")
    ) == ("order left Pending availability (pre-order) → UNSHIPPED")
    untracked = replace(SHIPPED, tracking_number=None)
    assert order_news(untracked, SHIPPED) == "tracking number 1Z999AA10123456784 arrived"
    assert order_news(PENDING, replace(PENDING, buyer_name="Emily C.")) is None  # still pending
    assert order_news(replace(PENDING, status="UNSHIPPED"), SHIPPED) is None  # it was not pending
    assert order_news(PENDING, replace(PENDING, status="UNKNOWN")) is None  # a summary without a status
    assert order_news(replace(PENDING, status="PENDING_AVAILABILITY"), PENDING) is None


# ------------------------------------------------------------------------------------------- drafts


def test_an_open_draft_is_redrafted_with_the_shipped_macro_keeping_the_agents_note(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = queue_demo_draft(desk)
    assert draft.reply["macro"] == "pending.payment_verification"
    agent_writes_a_note(desk, draft.draft_id)
    before, revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")
    desk.clock.advance(hours=3)

    results = follow_order_change(PENDING, SHIPPED, deps(desk))

    assert [(r.draft_id, r.outcome) for r in results] == [(draft.draft_id, Outcome.UPDATED)]
    after, new_revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")
    assert new_revision == revision + 1  # an agent who had it open is told it changed
    assert after.status is DraftStatus.PENDING_APPROVAL  # nothing was sent
    assert after.case == "order_found"
    assert after.reply["macro"] == "order_found.shipped"
    assert "1Z999AA10123456784" in after.body
    assert "UPS" in after.body
    assert NOTE in after.body  # the agent's own words survive the redraft
    assert after.reply["slots"]["personal_note"] == NOTE
    assert after.deadline == before.deadline  # Amazon's clock still runs from the buyer's mail
    assert after.order_news is not None
    assert after.order_news["summary"] == "order left Pending → SHIPPED"
    assert after.order_news["diagnosis"]["case"] == "order_found"

    entry = desk.audit.for_draft(draft.draft_id)[-1]
    assert (entry.action.value, entry.actor.label) == ("updated", "system")
    assert entry.note == "order left Pending → SHIPPED"
    assert entry.changes["text"] == {"before": before.body, "after": after.body}  # old text kept
    assert entry.changes["macro"]["before"].startswith("pending.payment_verification v")
    assert emitted_metrics(capsys.readouterr().out) == {}  # a redraft queues no new draft


def test_the_same_news_twice_changes_nothing_the_second_time(desk: Desk) -> None:
    draft = queue_demo_draft(desk)
    follow_order_change(PENDING, SHIPPED, deps(desk))
    _, revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")

    again = follow_order_change(PENDING, SHIPPED, deps(desk))

    assert [r.outcome for r in again] == [Outcome.UNCHANGED]
    assert (desk.drafts.get(draft.draft_id) or pytest.fail("stored"))[1] == revision
    assert audit_actions(desk, draft.draft_id) == [("updated", "system")]


def test_a_tracking_number_that_arrives_later_completes_the_redrafted_reply(desk: Desk) -> None:
    draft = queue_demo_draft(desk)
    untracked = replace(SHIPPED, carrier=None, tracking_number=None)
    follow_order_change(PENDING, untracked, deps(desk))  # the notification: "shipped", no tracking yet
    assert "1Z999AA10123456784" not in stored(desk, draft.draft_id).body

    follow_order_change(untracked, SHIPPED, deps(desk))  # the whole order, fetched a moment later

    after = stored(desk, draft.draft_id)
    assert "1Z999AA10123456784" in after.body
    assert after.order_news is not None
    assert after.order_news["summary"] == (
        "order left Pending → SHIPPED; tracking number 1Z999AA10123456784 arrived"
    )
    assert [a for a, _ in audit_actions(desk, draft.draft_id)] == ["updated", "updated"]


def test_a_sent_pending_reply_gets_a_follow_up_draft_to_approve(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = queue_demo_draft(desk)
    sent_at = desk.clock.now + timedelta(hours=1)
    our_reply = "<0100019000reply-0@email.amazonses.com>"
    current, revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")
    desk.drafts.save(
        current.with_changes(status=DraftStatus.SENT, sent_at=sent_at, sent_message_ids=(our_reply,)),
        revision,
    )
    desk.clock.advance(hours=20)
    metrics.clear_metrics()  # only what the news queues counts below

    results = follow_order_change(PENDING, SHIPPED, deps(desk))

    follow_up_id = f"{draft.draft_id}.followup"
    assert [(r.draft_id, r.outcome) for r in results] == [(follow_up_id, Outcome.CREATED)]
    follow_up = stored(desk, follow_up_id)
    assert follow_up.status is DraftStatus.PENDING_APPROVAL  # the agent sends the news, not ghostdesk
    assert follow_up.follow_up_of == draft.draft_id
    assert (follow_up.case_id, follow_up.message_id, follow_up.to) == (
        draft.case_id,
        draft.message_id,
        draft.to,
    )
    assert follow_up.deadline == desk.clock.now + timedelta(hours=24)
    assert follow_up.in_reply_to == our_reply  # threaded under the reply the buyer already has
    assert our_reply in follow_up.references
    assert follow_up.reply["macro"] == "order_found.shipped"
    assert "1Z999AA10123456784" in follow_up.body
    assert stored(desk, draft.draft_id).status is DraftStatus.SENT  # what was sent stays as it was
    assert audit_actions(desk, follow_up_id) == [("follow_up_created", "system")]
    assert emitted_metrics(_flush(capsys)) == {"DraftsQueued": 1.0}

    assert [r.outcome for r in follow_order_change(PENDING, SHIPPED, deps(desk))] == [Outcome.UNCHANGED]
    assert len(desk.drafts.by_case(draft.case_id)) == 2  # one follow-up, however often the news comes


def test_an_order_that_was_not_pending_changes_no_draft(desk: Desk) -> None:
    unshipped = demo_order(status="UNSHIPPED")
    draft = queue_demo_draft(desk, order=unshipped)
    assert draft.reply["macro"] == "order_found.unshipped"
    _, revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")

    assert follow_order_change(unshipped, SHIPPED, deps(desk)) == []
    assert follow_order_change(PENDING, replace(PENDING, buyer_name="E. Carter"), deps(desk)) == []

    assert (desk.drafts.get(draft.draft_id) or pytest.fail("stored"))[1] == revision
    assert desk.audit.for_draft(draft.draft_id) == []


def test_a_decided_draft_is_left_as_the_agent_left_it(desk: Desk) -> None:
    draft = queue_demo_draft(desk)
    current, revision = desk.drafts.get(draft.draft_id) or pytest.fail("stored")
    desk.drafts.save(current.with_changes(status=DraftStatus.REJECTED, status_reason="duplicate"), revision)

    assert follow_order_change(PENDING, SHIPPED, deps(desk)) == []
    assert stored(desk, draft.draft_id).reply["macro"] == "pending.payment_verification"


def test_news_no_macro_can_tell_puts_the_open_draft_in_front_of_an_agent(desk: Desk) -> None:
    draft = queue_demo_draft(desk)

    results = follow_order_change(PENDING, replace(PENDING, status="UNFULFILLABLE"), deps(desk))

    assert [r.outcome for r in results] == [Outcome.NEEDS_ATTENTION]
    after = stored(desk, draft.draft_id)
    assert after.status is DraftStatus.NEEDS_ATTENTION
    assert after.status_reason is not None
    assert "UNFULFILLABLE" in after.status_reason
    assert after.reply["macro"] == "pending.payment_verification"  # not silently rewritten
    assert audit_actions(desk, draft.draft_id) == [("updated", "system")]


def test_a_sent_reply_gets_no_follow_up_when_a_newer_open_draft_carries_the_news(desk: Desk) -> None:
    first = queue_demo_draft(desk, "ses-first")
    current, revision = desk.drafts.get(first.draft_id) or pytest.fail("stored")
    desk.drafts.save(current.with_changes(status=DraftStatus.SENT, sent_at=desk.clock.now), revision)
    desk.clock.advance(hours=30)
    second = queue_demo_draft(desk, "ses-second")  # Emily wrote again about the same order

    results = follow_order_change(PENDING, SHIPPED, deps(desk))

    assert [(r.draft_id, r.outcome) for r in results] == [(second.draft_id, Outcome.UPDATED)]
    assert desk.drafts.get(f"{first.draft_id}.followup") is None


def test_the_mirror_brings_the_draft_up_to_date_when_a_notification_says_it_shipped(desk: Desk) -> None:
    draft = queue_demo_draft(desk)
    orders = create_table(desk.client, "OrdersTable")
    mirror = OrderMirror(
        desk.client,
        orders,
        clock=desk.clock,
        on_change=lambda before, after: follow_order_change(before, after, deps(desk)) and None,
    )
    assert mirror.put_order(_raw_demo_order(), _poll()) is not None  # the sync mirrored it: Pending
    assert stored(desk, draft.draft_id).reply["macro"] == "pending.payment_verification"

    desk.clock.advance(hours=1)
    mirror.apply_change(
        OrderChange(
            order_id=ORDER,
            status="SHIPPED",
            raw_status="Shipped",
            changed_at=desk.clock.now,
            purchased_at=PENDING.created,
            fulfilled_by="MERCHANT",
            marketplace_id=PENDING.marketplace_id,
            preorder=False,
            change_type="OrderStatusChange",
            change_reason=None,
            notification_id="n-1",
            seller_id="A3TH9S8BH6GOGM",
        )
    )

    assert stored(desk, draft.draft_id).reply["macro"] == "order_found.shipped"
    assert (mirror.get(ORDER) or pytest.fail("mirrored")).facts.status == "SHIPPED"  # type: ignore[union-attr]


def _raw_demo_order() -> dict[str, object]:
    from ghostdesk.orders.file_source import load_orders_file
    from tests.shared_data import REPO

    return next(o for o in load_orders_file(REPO / "demo" / "orders.json")["amazon"] if o["orderId"] == ORDER)


def _poll() -> object:
    from ghostdesk.orders.mirror import Source

    return Source.POLL


def _flush(capsys: pytest.CaptureFixture[str]) -> str:
    metrics.flush_metrics()
    return capsys.readouterr().out
