"""A day at the desk, through every function's real handler: what the log-privacy and the IAM checks run.

Buyers with distinctive (canary) names, addresses, relay aliases, subjects and words write in by mail
and through a help-desk webhook; a relay alias is looked up before the order mirror's first sync (the
diagnosis waits: a delayed retry) and after it; the guards suppress an auto-reply; a non-mail is kept as
unreadable; acknowledgements go out; the agent lists, reads, edits, approves and exports evidence; an
ORDER_CHANGE arrives; the deadline clock runs.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from ghostdesk.aws.tables import DraftStore
from ghostdesk.records import DraftStatus
from tests.integration.conftest import EVENTS, Stack
from tests.integration.pipeline_run import drain, first_order_sync, run_pipeline, sqs_records
from tests.integration.test_api import api_event
from tests.integration.test_hostile_input import encoded_word, ingest_all, relay_mail
from tests.integration.test_webhooks import Webhooks, body_of, signed
from tests.shared_data import REPO

ALIAS = "qx7canaryalias9z@marketplace.amazon.com"
RELAY_NAME = "Zebulonia"
SUBJECT_WORD = "Quixotrell"
TEXT_WORD = "Brindlewhisk"
DIRECT_EMAIL = "ottoline.vexmoor@canary-buyer.example"
DIRECT_NAME = "Ottoline Vexmoor"
WEBHOOK_EMAIL = "perpetua.glimm@canary-form.example"
WEBHOOK_NAME = "Perpetua Glimm"
WEBHOOK_WORD = "Snorkelvane"
# The demo buyer whose relay alias matches a merchant-fulfilled order (found by alias, no order ID).
ALIAS_MATCH_MAIL = (REPO / "demo" / "emails" / "09-alias-match-de.eml").read_bytes()
CANARIES = (
    ALIAS,
    ALIAS.split("@")[0],
    RELAY_NAME,
    SUBJECT_WORD,
    TEXT_WORD,
    DIRECT_EMAIL,
    "ottoline",
    "vexmoor",
    WEBHOOK_EMAIL,
    "perpetua",
    "glimm",
    WEBHOOK_WORD,
)


def canary_mail() -> dict[str, bytes]:
    relay = relay_mail(
        ALIAS, RELAY_NAME, f"Order delivery inquiry (Order: 113-4829175-6031482) {SUBJECT_WORD}"
    ).replace(b"Thanks, Emily", f"Thanks, {RELAY_NAME}. {TEXT_WORD}".encode())
    direct = (
        f"From: {DIRECT_NAME} <{DIRECT_EMAIL}>\r\nTo: orders@example.com\r\n"
        f"Subject: {encoded_word('Where is my order 113-4829175-6031482? ' + SUBJECT_WORD)}\r\n"
        f"Message-ID: <{TEXT_WORD}@canary-buyer.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Hello, my order 113-4829175-6031482 is still pending. {TEXT_WORD}, {DIRECT_NAME}\r\n"
    ).encode()
    machine = (  # an auto-reply: stored, suppressed by the guards
        f"From: {DIRECT_NAME} <{DIRECT_EMAIL}>\r\nTo: orders@example.com\r\nAuto-Submitted: auto-replied\r\n"
        f"Subject: Out of office: {SUBJECT_WORD}\r\n\r\nI am away. {TEXT_WORD}\r\n"
    ).encode()
    not_mail = f"{TEXT_WORD} {DIRECT_EMAIL} no headers at all".encode()
    return {"canary-relay": relay, "canary-direct": direct, "canary-auto": machine, "canary-junk": not_mail}


def run_whole_desk(stack: Stack) -> None:
    # A relay alias looked up before the mirror's first sync: the diagnosis must wait (a delayed retry).
    ingest_all(stack, [("alias-early", ALIAS_MATCH_MAIL)])
    drain(stack, "RespondQueue")
    waiting = stack.queue_bodies("DiagnoseQueue")
    with pytest.raises(BatchProcessingError):  # its only record waits: the batch fails, SQS retries it
        stack.use_function("DiagnoseFunction")(sqs_records(stack, "DiagnoseQueue", waiting))
    first_order_sync(stack)
    stack.client("sqs").send_message(
        QueueUrl=stack.resources.queues["DiagnoseQueue"].url, MessageBody=json.dumps(waiting[0])
    )

    # Mail and a webhook message in; a refused webhook with the same personal data.
    ingest_all(stack, canary_mail().items())
    hooks = Webhooks(stack)
    webhook = body_of(
        email=WEBHOOK_EMAIL,
        name=WEBHOOK_NAME,
        subject=SUBJECT_WORD,
        message=f"Where is my order 113-4829175-6031482? {WEBHOOK_WORD}",
    )
    assert hooks.post("helpdesk", webhook, signed(webhook))[0] == 202
    assert hooks.post("helpdesk", webhook, signed(webhook, key="wrong-key-000000000000000"))[0] == 401
    run_pipeline(stack)

    # The agent's work: the queue, each draft, an edit, a decision, the evidence, the audit.
    drafts = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    waiting_drafts = drafts.list_by_status(DraftStatus.PENDING_APPROVAL)
    assert len(waiting_drafts) >= 4  # relay, direct, webhook and alias inquiries
    api = stack.use_function("ApiFunction")

    def call(method: str, path: str, body: Any = None, query: dict[str, str] | None = None) -> dict[str, Any]:
        response = api(api_event(method, path, body=body, query=query))
        assert response["statusCode"] == 200, response
        return response

    call("GET", "/api/drafts")
    for index, draft in enumerate(waiting_drafts):
        detail = json.loads(call("GET", f"/api/drafts/{draft.draft_id}")["body"])
        call(
            "PUT",
            f"/api/drafts/{draft.draft_id}/slots",
            {"slots": {"personal_note": f"Thank you, {RELAY_NAME}."}, "revision": detail["revision"]},
        )
        if index == 0:
            call("POST", f"/api/drafts/{draft.draft_id}/reject", {"reason": f"not for {RELAY_NAME}"})
        else:
            call("POST", f"/api/drafts/{draft.draft_id}/approve")
        call("GET", f"/api/cases/{draft.case_id}/evidence", query={"format": "text"})
        if draft.order_id:
            call("GET", f"/api/cases/{draft.order_id}/evidence")
        call("GET", "/api/audit", query={"draft_id": draft.draft_id})

    # The order moves on (ORDER_CHANGE), and the deadline clock makes its round.
    change = json.loads((EVENTS / "order-change.json").read_text())
    change["Records"][0]["eventSourceARN"] = stack.resources.queues["OrderChangeQueue"].arn
    assert stack.use_function("OrderChangeFunction")(change) == {"batchItemFailures": []}
    if "ClockFunction" in stack.resources.functions:
        stack.use_function("ClockFunction")(json.loads((EVENTS / "clock-scheduled.json").read_text()))
