"""Dead letters as an operator meets them: why a message failed, and moving it back once fixed.

The template's queues and tables in moto, the real handlers, and an event source played honestly: each
delivery is a real ``ReceiveMessage`` (real message IDs, receipt handles and receive counts), a failed
record's visibility timeout runs out (set to 0) and SQS itself moves the message to the DLQ after the
template's ``maxReceiveCount``.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime
from email import message_from_bytes
from email.utils import parseaddr
from typing import Any

import boto3
import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from ghostdesk.aws import clients
from ghostdesk.commands import dlq
from ghostdesk.pipeline import respond, wiring
from ghostdesk.pipeline.batch import process_sqs
from ghostdesk.pipeline.diagnose import diagnose_stored_message
from ghostdesk.pipeline.ingest import ingest
from ghostdesk.pipeline.ses import SesReceipt
from ghostdesk.records import SesVerdicts
from tests.integration.conftest import EVENTS, REGION, Stack
from tests.shared_data import REPO

EMAIL = REPO / "demo" / "emails" / "01-pending-us.eml"
_RECORD: dict[str, Any] = json.loads((EVENTS / "respond-acknowledge.json").read_text())["Records"][0]


def deliver(stack: Stack, queue: str, function: str) -> int:
    """Lambda's event source mapping, until the queue has nothing visible: the records that failed."""
    sqs = stack.client("sqs")
    info = stack.resources.queues[queue]
    handler = stack.use_function(function)
    failures = 0
    while True:
        messages = sqs.receive_message(
            QueueUrl=info.url, MaxNumberOfMessages=10, AttributeNames=["All"], WaitTimeSeconds=0
        ).get("Messages", [])
        if not messages:
            return failures
        records = []
        for message in messages:
            record = copy.deepcopy(_RECORD)
            record.update(
                messageId=message["MessageId"],
                receiptHandle=message["ReceiptHandle"],
                body=message["Body"],
                eventSourceARN=info.arn,
            )
            record["attributes"]["ApproximateReceiveCount"] = message["Attributes"]["ApproximateReceiveCount"]
            records.append(record)
        try:
            failed = {f["itemIdentifier"] for f in handler({"Records": records})["batchItemFailures"]}
        except BatchProcessingError:  # every record failed: Lambda reports the invocation as failed
            failed = {m["MessageId"] for m in messages}
        failures += len(failed)
        for message in messages:
            if message["MessageId"] in failed:  # the visibility timeout runs out: delivered again
                sqs.change_message_visibility(
                    QueueUrl=info.url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                sqs.delete_message(QueueUrl=info.url, ReceiptHandle=message["ReceiptHandle"])


def receive_email(stack: Stack) -> tuple[str, str]:
    """The demo email stored and diagnosed; its acknowledgement and draft requests wait on RespondQueue."""
    stack.use_function("DiagnoseFunction")
    ses_id = uuid.uuid4().hex
    raw = EMAIL.read_bytes()
    bucket = stack.resources.buckets["RawMailBucket"]
    stack.client("s3").put_object(Bucket=bucket, Key=f"inbound/{ses_id}", Body=raw)
    sender = parseaddr(str(message_from_bytes(raw)["From"]))[1]
    ingest(
        SesReceipt(
            message_id=ses_id,
            timestamp=datetime.now(UTC),
            source=sender,
            recipients=("orders@example.com",),
            verdicts=SesVerdicts(spf="PASS", dkim="PASS", dmarc="PASS"),
            bucket=bucket,
            key=f"inbound/{ses_id}",
        ),
        wiring.ingest_deps(),
    )
    stack.queue_bodies("DiagnoseQueue")  # diagnosed right here instead
    diagnose_stored_message(ses_id, wiring.diagnose_deps())
    return ses_id, sender


def run_dlq(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = dlq.main(list(argv))
    return code, capsys.readouterr().out


def dead_letters(capsys: pytest.CaptureFixture[str], queue: str) -> list[dict[str, Any]]:
    code, out = run_dlq(capsys, "list", "--json", "--queue", queue)
    (found,) = json.loads(out)["queues"]
    assert code == (1 if found["messages"] else 0)
    return list(found["messages"])


def drafts_of(stack: Stack, message_id: str) -> list[dict[str, Any]]:
    items = stack.client("dynamodb").scan(TableName=stack.resources.tables["DraftsTable"])["Items"]
    return [item for item in items if message_id in json.dumps(item)]


def test_a_message_that_keeps_failing_rests_in_the_dlq_with_its_reason_and_is_drafted_after_redrive(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ses_id, sender = receive_email(stack)
    working = respond.draft_reply

    def broken(message_id: str, deps: Any) -> Any:  # a bad deploy: the draft step cannot render
        raise RuntimeError(f"template 'pending' failed while drafting for {sender}")

    monkeypatch.setattr(respond, "draft_reply", broken)
    failures = deliver(stack, "RespondQueue", "RespondFunction")

    assert failures == 5  # maxReceiveCount in template.yaml; then SQS gave up on it
    (letter,) = dead_letters(capsys, "RespondQueue")
    assert letter["message_id"] == ses_id
    assert letter["kind"] == "draft"
    assert letter["error"] == "RuntimeError"
    assert letter["detail"] == "template 'pending' failed while drafting for <email>"
    assert letter["failed_attempt"] == 5
    assert letter["sent_at"]
    assert letter["receive_count"] >= 5
    assert drafts_of(stack, ses_id) == []

    # Nothing the buyer wrote or is called is kept with the reason.
    failure_items = [
        item
        for item in stack.client("dynamodb").scan(TableName=stack.resources.tables["MessagesTable"])["Items"]
        if item["message_id"]["S"].startswith("failure#")
    ]
    assert len(failure_items) == 1
    kept = json.dumps(failure_items).lower()
    message = message_from_bytes(EMAIL.read_bytes())
    display_name = parseaddr(str(message["From"]))[0]
    for personal in (sender, display_name, str(message["Subject"])):
        assert personal.lower() not in kept
    assert int(failure_items[0]["expires_at"]["N"]) > datetime.now(UTC).timestamp()

    # A dry run moves nothing, and listing twice consumed nothing.
    code, out = run_dlq(capsys, "redrive", "--queue", "Respond", "--dry-run")
    assert code == 0
    assert f"would move {letter['sqs_message_id']} -> " in out
    assert [m["sqs_message_id"] for m in dead_letters(capsys, "RespondQueue")] == [letter["sqs_message_id"]]

    # Fixed (the next deploy); moved back and processed.
    monkeypatch.setattr(respond, "draft_reply", working)
    code, out = run_dlq(capsys, "redrive", "--queue", "RespondDeadLetterQueue")
    assert code == 0
    assert "moved 1 message(s)" in out
    assert dead_letters(capsys, "RespondQueue") == []
    assert deliver(stack, "RespondQueue", "RespondFunction") == 0
    assert len(drafts_of(stack, ses_id)) == 1


def test_redrive_moves_only_the_named_messages_and_reports_unknown_ones(
    stack: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack.use_function("DiagnoseFunction")  # its environment: names the messages table
    sqs = stack.client("sqs")
    dead = stack.resources.queues["DiagnoseDeadLetterQueue"].url
    ids = [
        sqs.send_message(QueueUrl=dead, MessageBody=json.dumps({"message_id": f"m{i}"}))["MessageId"]
        for i in range(3)
    ]

    code, out = run_dlq(capsys, "redrive", "--queue", "Diagnose", "--message", ids[1], "no-such-id")

    assert code == 1  # one of the named messages was not there
    assert f"moved {ids[1]} -> " in out
    left = dead_letters(capsys, "DiagnoseQueue")
    assert sorted(m["sqs_message_id"] for m in left) == sorted([ids[0], ids[2]])
    assert all(m["error"] is None for m in left)  # sent by hand: no failure on record
    assert stack.queue_bodies("DiagnoseQueue") == [{"message_id": "m1"}]


def test_unknown_queue_and_bad_options_are_usage_errors(
    stack: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack.use_function("DiagnoseFunction")
    assert dlq.main(["list", "--queue", "NoSuchQueue"]) == 2
    assert "DiagnoseDeadLetterQueue" in capsys.readouterr().err
    assert dlq.main(["redrive", "--max", "0"]) == 2
    assert dlq.main(["purge"]) == 2


def test_a_failure_store_outage_does_not_hide_the_original_failure(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    stack.use_function("DiagnoseFunction")
    monkeypatch.setenv("GHOSTDESK_MESSAGES_TABLE", "no-such-table")  # every put fails: ResourceNotFound
    wiring.reset()
    clients.reset()
    records = []
    for name in ("good", "bad"):
        record = copy.deepcopy(_RECORD)
        record.update(
            messageId=f"{name}-1",
            body=json.dumps({"message_id": name}),
            eventSourceARN=stack.resources.queues["DiagnoseQueue"].arn,
        )
        records.append(record)

    def handle(body: dict[str, Any], _record: Any) -> None:
        if body["message_id"] == "bad":
            raise ValueError("the order source is misconfigured")

    response = process_sqs({"Records": records}, None, handle)

    assert response == {"batchItemFailures": [{"itemIdentifier": "bad-1"}]}
    failed = [r for r in caplog.records if r.getMessage() == "record failed"]
    assert [r.__dict__["error"] for r in failed] == ["ValueError"]
    assert [r.__dict__["detail"] for r in failed] == ["the order source is misconfigured"]
    unrecorded = [r for r in caplog.records if r.getMessage() == "could not record why the record failed"]
    assert [r.__dict__["error"] for r in unrecorded] == ["ResourceNotFoundException"]


def test_dlq_list_finds_a_deployed_stacks_queues_through_cloudformation(
    stack: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    template = {
        "Resources": {
            "WorkQueue": {
                "Type": "AWS::SQS::Queue",
                "Properties": {
                    "RedrivePolicy": {
                        "deadLetterTargetArn": {"Fn::GetAtt": ["WorkDeadLetterQueue", "Arn"]},
                        "maxReceiveCount": 5,
                    }
                },
            },
            "WorkDeadLetterQueue": {"Type": "AWS::SQS::Queue"},
        }
    }
    cloudformation = boto3.client("cloudformation", region_name=REGION)
    cloudformation.create_stack(StackName="desk", TemplateBody=json.dumps(template))
    url = next(
        r["PhysicalResourceId"]
        for r in cloudformation.describe_stack_resources(StackName="desk")["StackResources"]
        if r["LogicalResourceId"] == "WorkDeadLetterQueue"
    )
    boto3.client("sqs", region_name=REGION).send_message(QueueUrl=url, MessageBody='{"message_id": "x1"}')

    code, out = run_dlq(capsys, "list", "--json", "--stack", "desk")

    assert code == 1
    (queue,) = json.loads(out)["queues"]  # the template's own queues are not part of this stack
    assert queue["name"] == "WorkDeadLetterQueue"
    assert [m["message_id"] for m in queue["messages"]] == ["x1"]
    assert dlq.main(["list", "--stack", "no-such-stack"]) == 2
