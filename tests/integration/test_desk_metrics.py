"""The desk's metrics as the handlers write them (Powertools EMF on stdout, which CloudWatch reads).

Given Emily's mail going through the pipeline and an agent approving the reply, each handler writes what
the dashboard and alarms read: how long the acknowledgement took, the case diagnosed (by its ``Case``
dimension), the draft queued, and how long the buyer waited for the approved reply.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ghostdesk.aws.tables import DraftStore, MessageStore
from tests.integration.conftest import Stack, sqs_event
from tests.integration.test_api import api_event
from tests.integration.test_handlers import SES_ID, run_ingest
from tests.unit.deadlines.conftest import emitted_metrics


def emf_documents(printed: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in printed.splitlines() if line.startswith("{") and '"_aws"' in line]


def test_each_step_writes_the_numbers_the_dashboard_shows(
    stack: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    run_ingest(stack)
    capsys.readouterr()

    stack.use_function("RespondFunction")(sqs_event("respond-acknowledge.json"))
    acknowledged = capsys.readouterr().out
    stack.use_function("DiagnoseFunction")(sqs_event("diagnose.json"))
    diagnosed = capsys.readouterr().out
    stack.use_function("RespondFunction")(sqs_event("respond-draft.json"))
    drafted = capsys.readouterr().out

    stored = MessageStore(stack.client("dynamodb"), stack.resources.tables["MessagesTable"]).get(SES_ID)
    assert stored is not None
    record = stored[0]
    assert record.ack_sent_at is not None
    latency = (record.ack_sent_at - record.received_at).total_seconds()
    assert emitted_metrics(acknowledged) == {"AcknowledgementLatency": pytest.approx(latency)}
    (case_count,) = [d for d in emf_documents(diagnosed) if "CasesByType" in d]
    assert (case_count["Case"], case_count["service"], case_count["CasesByType"]) == (
        "pending",
        "ghostdesk",
        [1.0],
    )
    assert case_count["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "Ghostdesk"
    assert emitted_metrics(drafted) == {"DraftsQueued": 1.0}

    approve = stack.use_function("ApiFunction")
    response = approve(api_event("POST", f"/api/drafts/d-{SES_ID}/approve"))
    approved = capsys.readouterr().out

    assert response["statusCode"] == 200
    found = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"]).get(f"d-{SES_ID}")
    assert found is not None
    assert found[0].sent_at is not None
    waited = (found[0].sent_at - record.received_at).total_seconds()
    assert emitted_metrics(approved) == {"TimeToApproval": pytest.approx(waited)}

    again = approve(api_event("POST", f"/api/drafts/d-{SES_ID}/approve"))  # a second click sends nothing
    assert json.loads(again["body"])["result"] == "already_sent"
    assert emitted_metrics(capsys.readouterr().out) == {}
