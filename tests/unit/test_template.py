"""template.yaml as a security reviewer and the application read it: least privilege, dead-letter queues,
and the names and values the application code relies on."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest

from ghostdesk import marketplaces
from ghostdesk.local.cfn import PhysicalResource, Resolver, Template, references, resolve_parameters
from ghostdesk.settings import Settings
from tests.shared_data import REPO

TEMPLATE = Template.load(REPO / "template.yaml")
FUNCTIONS = sorted(TEMPLATE.resources_of_type("AWS::Serverless::Function"))
DATA_SERVICES = ("dynamodb:", "sqs:", "s3:", "secretsmanager:", "kms:", "sns:")


def statements(function: str) -> list[dict[str, Any]]:
    found = []
    for policy in TEMPLATE.properties(function).get("Policies") or []:
        assert isinstance(policy, dict), f"{function}: managed policy {policy!r} is broader than needed"
        assert set(policy) == {"Statement"}, f"{function}: use inline statements scoped to resources"
        found.extend(policy["Statement"])
    return found


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def resolver(sender: str = "care@shop.example") -> Resolver:
    parameters = resolve_parameters(TEMPLATE, {"SenderAddress": sender, "InboundRecipients": "shop.example"})
    return Resolver(TEMPLATE, parameters, region="eu-west-1", account_id="111122223333", stack_name="gd")


@pytest.mark.parametrize("function", FUNCTIONS)
def test_data_permissions_name_the_stacks_own_resources_never_a_wildcard(function: str) -> None:
    for statement in statements(function):
        actions = as_list(statement["Action"])
        assert statement["Effect"] == "Allow"
        assert all(not action.endswith("*") for action in actions), f"{function}: wildcard action {actions}"
        if not any(action.startswith(DATA_SERVICES) for action in actions):
            continue
        for resource in as_list(statement["Resource"]):
            assert resource != "*", f"{function} {statement.get('Sid')}: Resource '*'"
            assert isinstance(resource, dict), f"{function}: literal resource {resource!r}"
            named = set(references(resource)) & set(TEMPLATE.resources)
            assert named, f"{function} {statement.get('Sid')}: {resource} names no resource of the stack"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_a_function_may_send_mail_only_as_the_approved_sender(function: str) -> None:
    for statement in statements(function):
        if not any(action.startswith("ses:") for action in as_list(statement["Action"])):
            continue
        assert as_list(statement["Action"]) == ["ses:SendRawEmail"]
        resolved = resolver().resolve(statement)
        assert sorted(resolved["Resource"]) == [
            "arn:aws:ses:eu-west-1:111122223333:identity/care@shop.example",
            "arn:aws:ses:eu-west-1:111122223333:identity/shop.example",
        ]
        assert resolved["Condition"] == {"StringEquals": {"ses:FromAddress": "care@shop.example"}}


def test_only_the_functions_that_send_mail_may_send_mail() -> None:
    senders = {f for f in FUNCTIONS if any("ses:SendRawEmail" in as_list(s["Action"]) for s in statements(f))}
    assert senders == {"RespondFunction", "ApiFunction"}


def test_only_the_functions_that_call_sp_api_read_the_marketplace_credentials() -> None:
    def readers(secret: str) -> set[str]:
        return {
            f
            for f in FUNCTIONS
            for s in statements(f)
            if "secretsmanager:GetSecretValue" in as_list(s["Action"])
            and secret in set(references(s["Resource"]))
        }

    # Diagnosis calls getOrder; the order mirror's feeds call searchOrders (sync) and getOrder (enrich).
    assert readers("SpApiSecret") == {"DiagnoseFunction", "OrderChangeFunction", "OrderSyncFunction"}
    assert readers("ChannelsSecret") == {"DiagnoseFunction"}
    assert readers("WebhookSecret") == {"ApiFunction"}  # it verifies POST /webhooks/{channel}


def test_every_queue_has_a_dead_letter_queue_or_is_one() -> None:
    queues = TEMPLATE.resources_of_type("AWS::SQS::Queue")
    dead_letter_queues = set()
    for name in queues:
        redrive = TEMPLATE.properties(name).get("RedrivePolicy")
        if redrive:
            (target,) = set(references(redrive["deadLetterTargetArn"]))
            assert target in queues
            assert target != name
            assert redrive["maxReceiveCount"] == 5
            dead_letter_queues.add(target)
    assert dead_letter_queues, "no queue has a dead-letter queue"
    for name in queues:
        if name in dead_letter_queues:
            assert TEMPLATE.properties(name)["MessageRetentionPeriod"] == 14 * 24 * 3600
        else:
            assert "RedrivePolicy" in TEMPLATE.properties(name), f"{name} has no dead-letter queue"
        assert TEMPLATE.properties(name)["SqsManagedSseEnabled"] is True


def test_every_dead_letter_queue_raises_an_alarm() -> None:
    alarmed: set[str] = set()
    for name in TEMPLATE.resources_of_type("AWS::CloudWatch::Alarm"):
        alarmed.update(references(TEMPLATE.properties(name)["Dimensions"]))
    targets = {
        next(iter(references(TEMPLATE.properties(q)["RedrivePolicy"])))
        for q in TEMPLATE.resources_of_type("AWS::SQS::Queue")
        if "RedrivePolicy" in TEMPLATE.properties(q)
    }
    assert targets <= alarmed


def test_the_environment_sets_every_setting_the_functions_need_under_the_names_settings_reads() -> None:
    settings_names = {f"{Settings.ENV_PREFIX}{f.name.upper()}" for f in fields(Settings)}
    required = {
        "GHOSTDESK_SENDER",
        "GHOSTDESK_SENDER_NAME",
        "GHOSTDESK_MARKETPLACE",
        "GHOSTDESK_DEFAULT_LANGUAGE",
        "GHOSTDESK_SLA_HOURS",
        "GHOSTDESK_PENDING_THRESHOLD_DAYS",
        "GHOSTDESK_ACK_WINDOW_HOURS",
        "GHOSTDESK_RETENTION_DAYS",
        "GHOSTDESK_MESSAGES_TABLE",
        "GHOSTDESK_CASES_TABLE",
        "GHOSTDESK_DRAFTS_TABLE",
        "GHOSTDESK_IDEMPOTENCY_TABLE",
        "GHOSTDESK_RAW_MAIL_BUCKET",
        "GHOSTDESK_DIAGNOSE_QUEUE_URL",
        "GHOSTDESK_RESPOND_QUEUE_URL",
        "GHOSTDESK_SPAPI_SECRET_ID",
    }
    assert required <= settings_names, "settings.py no longer reads some of these names"
    for function in FUNCTIONS:
        variables = TEMPLATE.properties(function)["Environment"]["Variables"]
        assert required <= set(variables), function
        assert {name for name in variables if name.startswith("GHOSTDESK_")} <= settings_names
        assert variables["SP_API_AWS_SECRET_ID"] == variables["GHOSTDESK_SPAPI_SECRET_ID"]
        assert variables["POWERTOOLS_SERVICE_NAME"] == "ghostdesk"


def test_the_marketplace_choices_are_exactly_the_marketplaces_ghostdesk_knows() -> None:
    allowed = TEMPLATE.parameters["Marketplace"]["AllowedValues"]
    assert sorted(allowed) == sorted(m.code for m in marketplaces.MARKETPLACES)


def test_every_default_language_a_deployer_can_choose_has_reply_macros() -> None:
    for language in TEMPLATE.parameters["DefaultLanguage"]["AllowedValues"]:
        assert (REPO / "templates" / language).is_dir(), (
            f"no templates/{language}/ for DefaultLanguage={language}"
        )


def test_the_template_defaults_are_the_settings_defaults() -> None:
    defaults = Settings()
    parameters = TEMPLATE.parameters
    assert float(parameters["SlaHours"]["Default"]) == defaults.sla_hours
    assert float(parameters["PendingThresholdDays"]["Default"]) == defaults.pending_threshold_days
    assert float(parameters["AckWindowHours"]["Default"]) == defaults.ack_window_hours
    assert int(parameters["RetentionDays"]["Default"]) == defaults.retention_days
    assert (
        parameters["PendingThresholdDays"]["MaxValue"] == 21
    )  # Amazon keeps an order pending 21 days at most


def test_the_receipt_rule_scans_requires_tls_and_ses_may_store_mail_for_exactly_this_rule() -> None:
    assert set(TEMPLATE.resources["ReceiptRule"]["DependsOn"]) == {
        "RawMailBucketPolicy",
        "InboundTopicPolicy",
    }
    stack = resolver()
    stack.resources["ReceiptRuleSet"] = PhysicalResource(ref="gd-rules")
    stack.resources["RawMailBucket"] = PhysicalResource(ref="raw", attributes={"Arn": "arn:aws:s3:::raw"})
    stack.resources["InboundTopic"] = PhysicalResource(ref="arn:aws:sns:eu-west-1:111122223333:inbound")
    rule = stack.resolve(TEMPLATE.properties("ReceiptRule"))["Rule"]
    assert (rule["ScanEnabled"], rule["TlsPolicy"], rule["Recipients"]) == (True, "Require", ["shop.example"])
    (ses_statement, deny_insecure) = stack.resolve(TEMPLATE.properties("RawMailBucketPolicy"))[
        "PolicyDocument"
    ]["Statement"]
    assert ses_statement["Action"] == "s3:PutObject"
    assert ses_statement["Resource"] == "arn:aws:s3:::raw/inbound/*"
    assert ses_statement["Condition"]["StringEquals"] == {
        "AWS:SourceAccount": "111122223333",
        "AWS:SourceArn": "arn:aws:ses:eu-west-1:111122223333:receipt-rule-set/gd-rules:receipt-rule/"
        + rule["Name"],
    }
    assert deny_insecure["Effect"] == "Deny"
