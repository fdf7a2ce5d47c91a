"""template.yaml as a security reviewer reads the agent's desk: the audit log is append-only, only the
agent API touches it, and only the console's static files are served without a token."""

from __future__ import annotations

from typing import Any

from ghostdesk.local.cfn import Template, references
from tests.shared_data import REPO

TEMPLATE = Template.load(REPO / "template.yaml")
FUNCTIONS = sorted(TEMPLATE.resources_of_type("AWS::Serverless::Function"))


def statements(function: str) -> list[dict[str, Any]]:
    return [s for policy in TEMPLATE.properties(function).get("Policies") or [] for s in policy["Statement"]]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_the_audit_log_is_only_appended_to_and_only_the_agent_api_reads_it() -> None:
    granted: dict[str, set[str]] = {}
    for function in FUNCTIONS:
        for statement in statements(function):
            if "AuditTable" in set(references(statement["Resource"])):
                granted.setdefault(function, set()).update(as_list(statement["Action"]))

    # What ghostdesk does by itself is audited too (actor "system"): the deadline clock's marks and
    # the follow-ups the order feeds write. They append; only the agent API reads the log back.
    assert granted == {
        "ApiFunction": {"dynamodb:PutItem", "dynamodb:Query"},
        "ClockFunction": {"dynamodb:PutItem"},
        "OrderChangeFunction": {"dynamodb:PutItem"},
        "OrderSyncFunction": {"dynamodb:PutItem"},
    }


def test_the_audit_table_keeps_entries_per_draft_in_time_order_and_expires_them() -> None:
    table = TEMPLATE.properties("AuditTable")

    assert table["KeySchema"] == [
        {"AttributeName": "draft_id", "KeyType": "HASH"},
        {"AttributeName": "entry", "KeyType": "RANGE"},
    ]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert TEMPLATE.resources["AuditTable"]["DeletionPolicy"] == "Retain"  # evidence outlives the stack


def test_only_the_functions_that_audit_are_told_where_the_audit_log_is() -> None:
    writers = {"ApiFunction", "ClockFunction", "OrderChangeFunction", "OrderSyncFunction"}
    for function in FUNCTIONS:
        variables = TEMPLATE.properties(function)["Environment"]["Variables"]
        if function in writers:
            assert set(references(variables["GHOSTDESK_AUDIT_TABLE"])) == {"AuditTable"}
        else:
            assert "GHOSTDESK_AUDIT_TABLE" not in variables, function


def test_only_the_console_page_and_its_files_are_served_without_a_token() -> None:
    events = TEMPLATE.properties("ApiFunction")["Events"]
    public = {
        (e["Properties"]["Method"], e["Properties"]["Path"])
        for e in events.values()
        if (e["Properties"].get("Auth") or {}).get("Authorizer") == "NONE"
    }

    # Webhooks carry no agent token: each request is verified by its channel's HMAC signature.
    assert public == {("GET", "/"), ("GET", "/console/{proxy+}"), ("POST", "/webhooks/{channel}")}
