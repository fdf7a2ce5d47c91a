"""The desk's tables (messages, cases, drafts, audit) created in moto exactly as template.yaml declares
them, a real macro library, a clock the tests move by hand, and the demo buyer's pending order.

A draft is queued the way the pipeline queues it: the demo email read and triaged, diagnosed against
the demo order, and drafted by the respond step (``draft_reply``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ghostdesk.aws.audit import AuditLog
from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
from ghostdesk.diagnosis import diagnose
from ghostdesk.local.cfn import Template
from ghostdesk.local.moto_atomic import make_moto_dynamodb_atomic
from ghostdesk.mail.reader import read_email
from ghostdesk.models import LookupResult, OrderFacts
from ghostdesk.orders.amazon import order_facts_from_api
from ghostdesk.orders.file_source import load_orders_file
from ghostdesk.pipeline.respond import RespondDeps, draft_reply
from ghostdesk.records import AckStatus, CaseRecord, DraftRecord, MessageRecord, MessageStatus
from ghostdesk.replies.library import MacroLibrary
from ghostdesk.settings import Settings
from ghostdesk.triage import triage
from tests.shared_data import REPO

REGION = "us-east-1"
ORDER = "113-4829175-6031482"  # merchant-fulfilled, PENDING in the demo orders
EMAIL = REPO / "demo" / "emails" / "01-pending-us.eml"  # Emily asks about it through the relay
REFERENCE_TIME = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # the demo orders' "now"
_INDEX_KEYS = ("IndexName", "KeySchema", "Projection")
LIBRARY = MacroLibrary(REPO / "templates")


def create_table(client: Any, logical_id: str) -> str:
    props = Template.load(REPO / "template.yaml").properties(logical_id)
    definition: dict[str, Any] = {
        "TableName": logical_id,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props["BillingMode"],
    }
    if props.get("GlobalSecondaryIndexes"):
        definition["GlobalSecondaryIndexes"] = [
            {key: index[key] for key in _INDEX_KEYS} for index in props["GlobalSecondaryIndexes"]
        ]
    client.create_table(**definition)
    return logical_id


class ManualClock:
    def __init__(self, start: datetime = REFERENCE_TIME) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Desk:
    client: Any
    settings: Settings
    messages: MessageStore
    cases: CaseStore
    drafts: DraftStore
    audit: AuditLog
    library: MacroLibrary
    clock: ManualClock


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    make_moto_dynamodb_atomic()  # DynamoDB's conditional writes are atomic; moto's are made so
    with mock_aws():
        client = boto3.client("dynamodb", region_name=REGION)
        tables = {name: create_table(client, name) for name in ("MessagesTable", "CasesTable", "DraftsTable")}
        tables["AuditTable"] = create_table(client, "AuditTable")
        yield Desk(
            client=client,
            settings=Settings(sender_name="Acme Care", templates_dir=str(REPO / "templates")),
            messages=MessageStore(client, tables["MessagesTable"]),
            cases=CaseStore(client, tables["CasesTable"]),
            drafts=DraftStore(client, tables["DraftsTable"]),
            audit=AuditLog(client, tables["AuditTable"]),
            library=LIBRARY,
            clock=ManualClock(),
        )


def demo_order(**changes: Any) -> OrderFacts:
    """The demo order as the mirror knows it, with ``changes`` (status, tracking number, ...)."""
    raw = next(o for o in load_orders_file(REPO / "demo" / "orders.json")["amazon"] if o["orderId"] == ORDER)
    return replace(order_facts_from_api(raw), **changes)


def queue_demo_draft(
    desk: Desk, message_id: str = "ses-0001", *, order: OrderFacts | None = None
) -> DraftRecord:
    """Emily's message stored, diagnosed against the (pending) demo order and drafted by the respond
    step, exactly as the pipeline does it."""
    message = read_email(EMAIL.read_bytes())
    found = triage(message)
    received = desk.clock()
    desk.messages.put_new(
        MessageRecord(
            message_id=message_id,
            received_at=received,
            status=MessageStatus.PARSED,
            message=message,
            triage=found,
            ack_status=AckStatus.SENT,
        )
    )
    facts = order or demo_order()
    diagnosis = diagnose(message, found, LookupResult(amazon={ORDER: facts}), received)
    desk.cases.put_new(
        CaseRecord(case_id=message_id, message_id=message_id, created_at=received, diagnosis=diagnosis)
    )
    deps = RespondDeps(
        settings=desk.settings,
        messages=desk.messages,
        cases=desk.cases,
        drafts=desk.drafts,
        mailer=_no_mail,
        library=desk.library,
        clock=desk.clock,
    )
    draft = draft_reply(message_id, deps)
    assert draft is not None
    return draft


def _no_mail() -> Any:
    raise AssertionError("drafting a reply sends no mail")


def stored(desk: Desk, draft_id: str) -> DraftRecord:
    found = desk.drafts.get(draft_id)
    assert found is not None, draft_id
    return found[0]


def simple_draft(draft_id: str, deadline: datetime, *, status: Any = None, **changes: Any) -> DraftRecord:
    """A draft with just what the clock reads (its reply is not rendered here)."""
    from ghostdesk.records import DraftStatus

    return DraftRecord(
        draft_id=draft_id,
        message_id=draft_id.removeprefix("d-"),
        case_id=draft_id.removeprefix("d-"),
        status=status or DraftStatus.PENDING_APPROVAL,
        case="pending",
        order_id=ORDER,
        to="abcd1234efgh5678@marketplace.amazon.com",
        subject="Re: Order delivery inquiry from Amazon customer Emily",
        in_reply_to="<buyer@relay>",
        references=("<buyer@relay>",),
        language="en",
        channel="amazon",
        reply={"macro": "pending.payment_verification", "version": 2, "text": "Hello Emily, ..."},
        deadline=deadline,
        created_at=deadline - timedelta(hours=24),
        **changes,
    )


def audit_actions(desk: Desk, draft_id: str) -> list[tuple[str, str]]:
    return [(e.action.value, e.actor.label) for e in desk.audit.for_draft(draft_id)]


def emitted_metrics(printed: str) -> dict[str, float]:
    """The metrics in the Embedded Metric Format documents a function printed: name -> sum of values."""
    import json

    totals: dict[str, float] = {}
    for line in printed.splitlines():
        if not line.startswith("{") or '"_aws"' not in line:
            continue
        document = json.loads(line)
        for directive in document["_aws"]["CloudWatchMetrics"]:
            for metric in directive["Metrics"]:
                value = document[metric["Name"]]
                values = value if isinstance(value, list) else [value]
                totals[metric["Name"]] = totals.get(metric["Name"], 0.0) + sum(values)
    return totals
