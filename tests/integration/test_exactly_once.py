"""Exactly once where the buyer would notice: one acknowledgement and one draft per buyer message.

SNS and SQS deliver at least once, Lambda retries a batch, and buyers press "send" twice. Each test
delivers the demo inquiry about a pending order the way that happens in AWS - the same SES
notification three times, the same email (same Message-ID) as three SES deliveries, parallel workers on
the same request - through the real handlers under moto, and counts what went out through SES and what
landed in the drafts table.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import pytest

from ghostdesk.aws.tables import DraftStore, MessageStore
from ghostdesk.local.moto_atomic import make_moto_dynamodb_atomic
from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.respond import AckResult, acknowledge
from ghostdesk.records import AckStatus, DraftRecord, DraftStatus, MessageStatus
from tests.integration.conftest import Stack
from tests.integration.pipeline_run import run_pipeline, sqs_records
from tests.integration.ses_mail import delivered, sqs_event
from tests.shared_data import REPO

RAW = (REPO / "demo" / "emails" / "01-pending-us.eml").read_bytes()
ALIAS = "abcd1234efgh5678@marketplace.amazon.com"
ORDER = "113-4829175-6031482"


def ingest(stack: Stack, notifications: list[dict[str, Any]]) -> None:
    result = stack.use_function("IngestFunction")(sqs_event(notifications))
    assert result == {"batchItemFailures": []}


def acknowledgements(stack: Stack) -> list[EmailMessage]:
    return [m for m in stack.sent_emails() if m["To"] == ALIAS and m["Auto-Submitted"] == "auto-replied"]


def drafts(stack: Stack) -> list[DraftRecord]:
    store = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    return store.list_by_status(DraftStatus.PENDING_APPROVAL)


def messages(stack: Stack) -> MessageStore:
    return MessageStore(stack.client("dynamodb"), stack.resources.tables["MessagesTable"])


def assert_one_acknowledgement_and_one_draft(stack: Stack) -> None:
    acks = acknowledgements(stack)
    assert len(acks) == 1, [a["Message-ID"] for a in acks]
    assert acks[0]["Subject"].startswith("Re:")
    found = drafts(stack)
    assert len(found) == 1, [d.draft_id for d in found]
    assert found[0].case == "pending"
    assert found[0].order_id == ORDER
    assert ORDER in found[0].reply["text"]


def test_the_same_ses_notification_three_times_sends_one_acknowledgement_and_stores_one_draft(
    stack: Stack,
) -> None:
    note = delivered(stack, RAW, "ses-once-0001")
    ingest(stack, [note, note])  # twice in one batch (SNS delivered it twice before the poll)
    run_pipeline(stack)
    ingest(stack, [note])  # and once more, after everything was done
    run_pipeline(stack)

    assert_one_acknowledgement_and_one_draft(stack)
    found = messages(stack).get("ses-once-0001")
    assert found is not None
    assert found[0].ack_status is AckStatus.SENT


def test_a_buyer_sending_the_same_email_three_times_gets_one_acknowledgement_and_one_draft(
    stack: Stack,
) -> None:
    # Same Message-ID each time: the mail client resent it, SES saw three mails with three SES IDs.
    notes = [delivered(stack, RAW, f"ses-resend-{n}") for n in range(3)]
    ingest(stack, [notes[0]])
    run_pipeline(stack)
    ingest(stack, notes[1:])
    run_pipeline(stack)

    assert_one_acknowledgement_and_one_draft(stack)
    statuses = Counter(messages(stack).get(f"ses-resend-{n}")[0].status for n in range(3))  # type: ignore[index]
    assert statuses == {MessageStatus.PARSED: 1, MessageStatus.DUPLICATE: 2}


def test_parallel_workers_on_the_same_messages_send_each_acknowledgement_once(stack: Stack) -> None:
    make_moto_dynamodb_atomic()  # DynamoDB's conditional writes are atomic; moto's are not without it
    notes = [delivered(stack, RAW, "ses-parallel-1")]
    ingest(stack, notes)
    respond = stack.use_function("RespondFunction")
    work = sqs_records(stack, "RespondQueue", [{"kind": "acknowledge", "message_id": "ses-parallel-1"}])
    stack.queue_bodies("RespondQueue")  # what ingest queued is delivered below, eight times at once

    results: list[dict[str, Any]] = []
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        results.append(respond(work))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Workers that found the request in progress failed it, so SQS delivers it again: do that.
    while any(r["batchItemFailures"] for r in results):
        results = [respond(work)]
    run_pipeline(stack)

    assert_one_acknowledgement_and_one_draft(stack)


def test_an_attempt_that_died_after_claiming_is_not_followed_by_a_second_acknowledgement(
    stack: Stack,
) -> None:
    """The worst case of at-least-once: the first attempt claimed, may have sent, then died unrecorded.

    A second email might be a duplicate; the buyer gets at most one, and the record says why it is
    not marked sent, so the agent knows the acknowledgement's fate is unknown.
    """
    ingest(stack, [delivered(stack, RAW, "ses-died-1")])
    stack.queue_bodies("RespondQueue")
    stack.use_function("RespondFunction")
    deps = wiring.respond_deps()
    record = messages(stack).get("ses-died-1")[0]  # type: ignore[index]
    assert record.message is not None
    claimed = datetime.now(UTC) - timedelta(minutes=10)
    key = f"ack|{record.message.reply_address.lower()}|{record.thread_key}"
    assert deps.messages.claim_window(
        key, owner="ses-died-1", until=claimed + timedelta(hours=24), now=claimed
    ).taken

    assert acknowledge("ses-died-1", deps) is AckResult.SUPPRESSED
    assert acknowledgements(stack) == []
    after = messages(stack).get("ses-died-1")[0]  # type: ignore[index]
    assert (after.ack_status, after.ack_reason) == (AckStatus.SUPPRESSED, "ack_outcome_unknown")


def test_a_claim_whose_answer_was_lost_is_still_ours_and_the_acknowledgement_goes_out(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DynamoDB wrote the claim, its answer was lost, botocore retried the write: the retry fails the
    condition against our own item. That must read as taken, or the buyer would get no acknowledgement."""
    ingest(stack, [delivered(stack, RAW, "ses-lost-1")])
    stack.queue_bodies("RespondQueue")
    stack.use_function("RespondFunction")
    deps = wiring.respond_deps()
    real_put = deps.messages._client.put_item
    calls = []

    def put_whose_first_answer_is_lost(**kwargs: Any) -> Any:
        answer = real_put(**kwargs)
        calls.append(kwargs["Item"]["message_id"]["S"])
        if len(calls) == 1 and calls[0].startswith("claim#"):
            return real_put(**kwargs)  # the SDK's retry of the write whose answer never came back
        return answer

    monkeypatch.setattr(deps.messages._client, "put_item", put_whose_first_answer_is_lost)

    assert acknowledge("ses-lost-1", deps) is AckResult.SENT
    assert len(acknowledgements(stack)) == 1
