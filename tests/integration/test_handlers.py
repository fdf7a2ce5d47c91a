"""Each Lambda handler under moto ``mock_aws`` with its ``events/`` file, in pipeline order.

Given the demo email about a merchant-fulfilled order stuck on Pending (events/ describe it), the
stages run one after the other as SQS would feed them, and each test checks what a user would see:
the stored message, the acknowledgement that went out, the case, the draft, the API's answer.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
from ghostdesk.records import AckStatus, DraftStatus, MessageStatus
from tests.integration.conftest import Stack, sqs_event
from tests.shared_data import REPO

SES_ID = "k6s1ok3ps0dmq9e4tq7l2h1ap4vqv8ua1dkng681"
ORDER = "113-4829175-6031482"
ALIAS = "abcd1234efgh5678@marketplace.amazon.com"
RAW = (REPO / "demo" / "emails" / "01-pending-us.eml").read_bytes()


def put_raw_mail(stack: Stack) -> str:
    bucket = stack.resources.buckets["RawMailBucket"]
    stack.client("s3").put_object(Bucket=bucket, Key=f"inbound/{SES_ID}", Body=RAW)
    return bucket


def messages(stack: Stack) -> MessageStore:
    return MessageStore(stack.client("dynamodb"), stack.resources.tables["MessagesTable"])


def run_ingest(stack: Stack) -> None:
    bucket = put_raw_mail(stack)
    result = stack.use_function("IngestFunction")(sqs_event("ingest-s3.json", bucket=bucket))
    assert result == {"batchItemFailures": []}


def test_ingest_stores_the_message_and_requests_acknowledgement_then_diagnosis(stack: Stack) -> None:
    run_ingest(stack)

    found = messages(stack).get(SES_ID)
    assert found is not None
    record = found[0]
    assert record.status is MessageStatus.PARSED
    assert record.message is not None
    assert record.triage is not None
    assert record.message.relay_alias == ALIAS
    assert record.message.marketplace == "US"
    assert "stuck on Pending" in record.message.fresh_text
    assert "Begin message" not in record.message.fresh_text
    assert ORDER in record.triage.amazon_order_ids
    assert record.ack_status is AckStatus.PENDING
    assert record.raw_key == f"inbound/{SES_ID}"
    assert stack.queue_bodies("RespondQueue") == [{"kind": "acknowledge", "message_id": SES_ID}]
    assert stack.queue_bodies("DiagnoseQueue") == [{"kind": "diagnose", "message_id": SES_ID}]


def test_ingest_of_a_redelivered_notification_hands_on_nothing_twice(stack: Stack) -> None:
    run_ingest(stack)
    stack.queue_bodies("RespondQueue"), stack.queue_bodies("DiagnoseQueue")
    result = stack.use_function("IngestFunction")(
        sqs_event("ingest-s3.json", bucket=stack.resources.buckets["RawMailBucket"])
    )
    assert result == {"batchItemFailures": []}
    assert stack.queue_bodies("RespondQueue") == []
    assert stack.queue_bodies("DiagnoseQueue") == []


def test_ingest_of_inline_base64_content_keeps_the_raw_mail_in_s3(stack: Stack) -> None:
    result = stack.use_function("IngestFunction")(sqs_event("ingest-inline-base64.json"))
    assert result == {"batchItemFailures": []}
    found = messages(stack).get(SES_ID)
    assert found is not None
    record = found[0]
    assert record.status is MessageStatus.PARSED
    assert record.raw_key == f"inline/{SES_ID}"
    stored = stack.client("s3").get_object(Bucket=record.raw_bucket, Key=record.raw_key)["Body"].read()
    assert stored == RAW


def test_ingest_reports_only_the_broken_record_as_failed(stack: Stack) -> None:
    bucket = put_raw_mail(stack)
    event = sqs_event("ingest-s3.json", bucket=bucket)
    garbage = dict(event["Records"][0], messageId="garbage-1", body="this is not an SES notification")
    event["Records"].append(garbage)
    result = stack.use_function("IngestFunction")(event)
    assert result == {"batchItemFailures": [{"itemIdentifier": "garbage-1"}]}
    assert messages(stack).get(SES_ID) is not None


def test_respond_sends_one_threaded_acknowledgement_to_the_relay_alias(stack: Stack) -> None:
    run_ingest(stack)
    respond = stack.use_function("RespondFunction")
    assert respond(sqs_event("respond-acknowledge.json")) == {"batchItemFailures": []}
    assert respond(sqs_event("respond-acknowledge.json")) == {"batchItemFailures": []}  # redelivered

    sent = stack.sent_emails()
    assert len(sent) == 1
    ack = sent[0]
    assert ack["To"] == ALIAS
    assert ack["From"].addresses[0].addr_spec == stack.resources.parameters["SenderAddress"]
    assert (
        ack["Subject"] == "Re: Order delivery inquiry from Amazon customer Emily (Order: 113-4829175-6031482)"
    )
    assert ack["In-Reply-To"] == "<0100019000demoabcd12-0@email.amazonses.com>"
    assert "<0100019000demoabcd12-0@email.amazonses.com>" in ack["References"]
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["Content-Language"] == "en"
    text = ack.get_body(preferencelist=("plain",)).get_content()
    assert "Emily" in text
    assert ack.get_body(preferencelist=("html",)) is not None

    found = messages(stack).get(SES_ID)
    assert found is not None
    assert found[0].ack_status is AckStatus.SENT
    # What the buyer was told is kept word for word (evidence for an A-to-Z claim).
    assert found[0].ack_reply is not None
    assert found[0].ack_reply["macro"] == "ack.general"
    assert found[0].ack_reply["text"] == text


def test_diagnose_records_a_pending_case_and_requests_a_draft(stack: Stack) -> None:
    run_ingest(stack)
    stack.queue_bodies("RespondQueue")
    result = stack.use_function("DiagnoseFunction")(sqs_event("diagnose.json"))
    assert result == {"batchItemFailures": []}

    case = CaseStore(stack.client("dynamodb"), stack.resources.tables["CasesTable"]).get(SES_ID)
    assert case is not None
    assert case.diagnosis.case.value == "pending"
    assert case.diagnosis.order_id == ORDER
    assert case.diagnosis.evidence["fulfilled_by"] == "MERCHANT"
    assert stack.queue_bodies("RespondQueue") == [{"kind": "draft", "message_id": SES_ID}]
    # The SP-API was asked through the real client: an LWA token, then getOrder with FULFILLMENT and BUYER.
    calls = [r for r in stack.simulator.requests if r.path.startswith("/orders/")]
    assert calls
    assert calls[0].path == f"/orders/2026-01-01/orders/{ORDER}"
    assert {"FULFILLMENT", "BUYER"} <= set(calls[0].query["includedData"][0].split(","))


def test_respond_stores_the_draft_for_approval_with_its_deadline(stack: Stack) -> None:
    run_ingest(stack)
    stack.use_function("DiagnoseFunction")(sqs_event("diagnose.json"))
    respond = stack.use_function("RespondFunction")
    assert respond(sqs_event("respond-draft.json")) == {"batchItemFailures": []}
    assert respond(sqs_event("respond-draft.json")) == {"batchItemFailures": []}  # redelivered: still one

    drafts = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    pending = drafts.list_by_status(DraftStatus.PENDING_APPROVAL)
    assert len(pending) == 1
    draft = pending[0]
    received = datetime.fromisoformat("2026-11-20T09:00:01.123+00:00")
    assert draft.deadline == received + timedelta(hours=float(stack.resources.parameters["SlaHours"]))
    assert draft.to == ALIAS
    assert draft.case == "pending"
    assert draft.order_id == ORDER
    assert ORDER in draft.body
    assert draft.reply["macro"].startswith("pending.")
    assert draft.reply["version"]
    assert stack.sent_emails() == []  # a draft waits for an agent: nothing is sent


def test_api_lists_the_draft_to_an_authorized_agent_only(stack: Stack) -> None:
    run_ingest(stack)
    stack.use_function("DiagnoseFunction")(sqs_event("diagnose.json"))
    stack.use_function("RespondFunction")(sqs_event("respond-draft.json"))
    api = stack.use_function("ApiFunction")

    response = api(sqs_event("api-list-drafts.json"))
    assert response["statusCode"] == 200
    drafts = json.loads(response["body"])["drafts"]
    assert [d["id"] for d in drafts] == [f"d-{SES_ID}"]
    first = drafts[0]
    assert {"id", "status", "case", "order_id", "to", "subject", "body", "deadline"} <= set(first)
    assert first["status"] == "pending_approval"
    assert first["order_id"] == ORDER

    anonymous = sqs_event("api-list-drafts.json")
    del anonymous["requestContext"]["authorizer"]
    assert api(anonymous)["statusCode"] == 401
