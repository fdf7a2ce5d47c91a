"""template.yaml as an operator reads it for the deadline clock: the function, its least privilege, the
alert topic, the dashboard and the alarms, and that they name the metrics the code writes."""

from __future__ import annotations

import json
from typing import Any

from ghostdesk import desk_metrics
from ghostdesk.local.cfn import PhysicalResource, Resolver, Template, references, resolve_parameters
from ghostdesk.settings import Settings
from tests.shared_data import REPO

TEMPLATE = Template.load(REPO / "template.yaml")


class _AnyAttribute(dict[str, str]):
    """Every attribute of a resource, made up from its name (``Queue.QueueName`` -> ``Queue-QueueName``)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> str:
        return f"{self.name}-{key}"


def resolved(logical_id: str) -> dict[str, Any]:
    parameters = resolve_parameters(
        TEMPLATE, {"SenderAddress": "care@shop.example", "InboundRecipients": "shop.example"}
    )
    resolver = Resolver(TEMPLATE, parameters, region="eu-west-1", account_id="111122223333", stack_name="gd")
    for name in TEMPLATE.resources:
        resolver.resources[name] = PhysicalResource(ref=f"{name}-ref", attributes=_AnyAttribute(name))
    value: dict[str, Any] = resolver.resolve(TEMPLATE.properties(logical_id))
    return value


def dashboard() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(resolved("DeskDashboard")["DashboardBody"])
    return body


def widget(title_start: str) -> dict[str, Any]:
    for candidate in dashboard()["widgets"]:
        if candidate["properties"].get("title", "").startswith(title_start):
            props: dict[str, Any] = candidate["properties"]
            return props
    raise AssertionError(f"no dashboard widget titled {title_start!r}")


def series(props: dict[str, Any]) -> list[list[Any]]:
    """A widget's metric rows with CloudWatch's "..." shorthand expanded (repeat the row above)."""
    rows: list[list[Any]] = []
    for row in props["metrics"]:
        if row and row[0] == "...":
            previous = [p for p in rows[-1] if not isinstance(p, dict)]
            tail = row[1:]
            names = [p for p in tail if not isinstance(p, dict)]
            row = previous[: len(previous) - len(names)] + tail
        rows.append(row)
    return rows


def test_the_clock_runs_every_five_minutes_with_the_lead_time_and_the_alert_topic() -> None:
    clock = TEMPLATE.properties("ClockFunction")
    assert clock["Events"]["Tick"] == {"Type": "Schedule", "Properties": {"Schedule": "rate(5 minutes)"}}
    variables = clock["Environment"]["Variables"]
    assert variables["GHOSTDESK_ESCALATION_LEAD_HOURS"] == {"Ref": "EscalationLeadHours"}
    assert variables["GHOSTDESK_ALERT_TOPIC_ARN"] == {"Ref": "AlertTopic"}
    assert variables["GHOSTDESK_CONSOLE_URL"] == {"Ref": "ConsoleUrl"}
    assert float(TEMPLATE.parameters["EscalationLeadHours"]["Default"]) == Settings().escalation_lead_hours
    assert TEMPLATE.parameters["EscalationLeadHours"]["MaxValue"] <= 24  # escalate before, not after


def test_the_clock_may_read_the_queue_mark_drafts_audit_and_alert_and_nothing_else() -> None:
    granted = set()
    for statement in resolved("ClockFunction")["Policies"][0]["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        resources = (
            statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        )
        granted.update((action, resource) for action in actions for resource in resources)
    assert granted == {
        ("dynamodb:Query", "DraftsTable-Arn/index/ByStatus"),
        ("dynamodb:UpdateItem", "DraftsTable-Arn"),
        ("dynamodb:PutItem", "AuditTable-Arn"),  # append-only
        ("sns:Publish", "AlertTopic-ref"),
        ("kms:GenerateDataKey", "TopicKey-Arn"),
        ("kms:Decrypt", "TopicKey-Arn"),
    }


def test_the_order_feeds_may_bring_drafts_up_to_date_but_not_rewrite_the_audit_log() -> None:
    for function in ("OrderChangeFunction", "OrderSyncFunction"):
        statements = resolved(function)["Policies"][0]["Statement"]
        by_sid = {s["Sid"]: s for s in statements}
        assert by_sid["AppendFollowUpsToAuditLog"]["Action"] == "dynamodb:PutItem"
        assert by_sid["FindCasesAboutAnOrder"]["Resource"] == "CasesTable-Arn/index/ByOrder"
        assert by_sid["FindDraftsOfACase"]["Resource"] == "DraftsTable-Arn/index/ByCase"
        audit_grants = [s for s in statements if "AuditTable-Arn" in json.dumps(s["Resource"])]
        assert [s["Action"] for s in audit_grants] == ["dynamodb:PutItem"]
        assert TEMPLATE.properties(function)["Environment"]["Variables"]["GHOSTDESK_AUDIT_TABLE"] == {
            "Ref": "AuditTable"
        }


def test_alerts_go_to_their_own_encrypted_topic_and_alarms_to_the_alarm_topic() -> None:
    assert TEMPLATE.properties("AlertTopic")["KmsMasterKeyId"] == {"Ref": "TopicKey"}
    for name in TEMPLATE.resources_of_type("AWS::CloudWatch::Alarm"):
        assert TEMPLATE.properties(name)["AlarmActions"] == [{"Ref": "AlarmTopic"}], name
    outputs = TEMPLATE.outputs
    assert outputs["AlertTopicArn"]["Value"] == {"Ref": "AlertTopic"}


def test_a_single_breach_raises_the_breaches_alarm() -> None:
    alarm = TEMPLATE.properties("BreachesAlarm")
    assert (alarm["Namespace"], alarm["MetricName"]) == (desk_metrics.NAMESPACE, desk_metrics.BREACHES)
    assert alarm["Dimensions"] == [{"Name": "service", "Value": "ghostdesk"}]  # what Powertools writes
    assert (alarm["Statistic"], alarm["ComparisonOperator"], alarm["Threshold"]) == (
        "Sum",
        "GreaterThanThreshold",
        0,
    )
    assert alarm["TreatMissingData"] == "notBreaching"  # no breach, no data: all is well


def test_a_failing_clock_raises_an_alarm() -> None:
    alarm = TEMPLATE.properties("ClockErrorsAlarm")
    assert (alarm["Namespace"], alarm["MetricName"]) == ("AWS/Lambda", "Errors")
    assert set(references(alarm["Dimensions"])) == {"ClockFunction"}


def test_every_dead_letter_queue_has_a_depth_alarm_that_pages_the_alarm_topic() -> None:
    dead_letter_queues = {
        next(iter(references(TEMPLATE.properties(q)["RedrivePolicy"]["deadLetterTargetArn"])))
        for q in TEMPLATE.resources_of_type("AWS::SQS::Queue")
        if "RedrivePolicy" in TEMPLATE.properties(q)
    }
    watched = {}
    for name in TEMPLATE.resources_of_type("AWS::CloudWatch::Alarm"):
        alarm = TEMPLATE.properties(name)
        if alarm["Namespace"] == "AWS/SQS":
            assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
            assert (alarm["ComparisonOperator"], alarm["Threshold"]) == ("GreaterThanThreshold", 0)
            watched.update(dict.fromkeys(references(alarm["Dimensions"]), name))
    assert dead_letter_queues <= set(watched)


def test_the_dashboard_shows_the_desks_metrics_as_the_code_writes_them() -> None:
    body = json.dumps(dashboard())
    for name in desk_metrics.ALL:
        assert f'"{name}"' in body or f'MetricName=\\"{name}\\"' in body, f"{name} is not on the dashboard"

    latency = widget("Acknowledgement latency")
    assert [row[-1]["stat"] for row in series(latency)] == ["p50", "p99"]
    assert series(latency)[1][:4] == ["Ghostdesk", "AcknowledgementLatency", "service", "ghostdesk"]
    approval = widget("Time to approval")
    assert {row[-1]["stat"] for row in series(approval)} >= {"p50", "p99"}
    assert approval["annotations"]["horizontal"][0]["value"] == 24 * 3600

    cases = widget("Cases by type")["metrics"][0][0]["expression"]
    assert "{Ghostdesk,Case,service}" in cases
    assert 'MetricName="CasesByType"' in cases


def test_the_dashboard_shows_every_queue_every_dead_letter_queue_and_every_function() -> None:
    queues = TEMPLATE.resources_of_type("AWS::SQS::Queue")
    dead_letter = {q for q in queues if q.endswith("DeadLetterQueue")}
    shown_queues = {row[3] for row in series(widget("Work queues"))}
    shown_dlqs = {row[3] for row in series(widget("Dead-letter queues"))}
    assert shown_queues == {f"{q}-QueueName" for q in set(queues) - dead_letter}
    assert shown_dlqs == {f"{q}-QueueName" for q in dead_letter}

    functions = {f"{f}-ref" for f in TEMPLATE.resources_of_type("AWS::Serverless::Function")}
    for title in ("Function errors", "Function throttles"):
        assert {row[3] for row in series(widget(title))} == functions, title
    alarm_widget = next(w for w in dashboard()["widgets"] if w["type"] == "alarm")
    assert len(alarm_widget["properties"]["alarms"]) == len(
        TEMPLATE.resources_of_type("AWS::CloudWatch::Alarm")
    )
