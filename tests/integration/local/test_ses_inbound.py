"""SES receiving, locally: the raw mail lands in S3 and a notification of SES's exact shape on SNS."""

from __future__ import annotations

import json
import re

import pytest

from ghostdesk.local.ses_inbound import (
    MAX_MESSAGE_BYTES,
    InboundRejected,
    MessageTooLarge,
    SesInbound,
    recipient_matches,
)
from tests.shared_data import SHARED_DATA

SES_DOCS = SHARED_DATA / "lambda-events" / "ses-docs"

BUYER_MAIL = (
    b"From: =?utf-8?q?Jos=C3=A9_Garc=C3=ADa?= <x7k2m9q4p1@marketplace.amazon.com>\r\n"
    b"To: support@ghostdesk.local\r\n"
    b"Cc: orders@ghostdesk.local\r\n"
    b"Subject: =?utf-8?q?Pedido_pendiente?= 114-1234567-1234567\r\n"
    b"Date: Tue, 03 Mar 2026 10:15:00 +0000\r\n"
    b"Message-ID: <buyer-1@marketplace.amazon.com>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Mi pedido sigue pendiente.\r\n"
)


def deliver(mail_resources, raw: bytes = BUYER_MAIL, **kwargs) -> str:
    inbound = SesInbound(mail_resources.resources, mail_resources.s3, mail_resources.sns)
    return inbound.deliver(
        raw,
        mail_from=kwargs.pop("mail_from", "x7k2m9q4p1@marketplace.amazon.com"),
        recipients=kwargs.pop("recipients", ["support@ghostdesk.local"]),
        **kwargs,
    )


def test_notification_has_the_keys_of_a_real_ses_s3_action_notification(mail_resources):
    sample = json.loads((SES_DOCS / "ses-received-s3-alert.repaired.json").read_text())
    sample_with_dmarc = json.loads(
        (SES_DOCS / "ses-received-sns-message-for-lambda.repaired.json").read_text()
    )

    message_id = deliver(mail_resources)

    [received] = mail_resources.notifications()
    notification = received["notification"]
    assert set(notification) == set(sample)
    assert set(notification["mail"]) == set(sample["mail"])
    assert set(notification["mail"]["commonHeaders"]) >= set(sample["mail"]["commonHeaders"])
    assert set(notification["receipt"]) == set(sample_with_dmarc["receipt"])
    assert set(notification["receipt"]["action"]) == set(sample["receipt"]["action"]) | {"objectKeyPrefix"}
    assert notification["notificationType"] == "Received"
    assert received["envelope"]["Subject"] == "Amazon SES Email Receipt Notification"
    assert re.fullmatch(r"[a-z0-9]{40}", message_id)
    assert notification["mail"]["messageId"] == message_id


def test_notification_describes_the_mail_and_where_it_is_stored(mail_resources):
    message_id = deliver(mail_resources, recipients=["support@ghostdesk.local", "orders@ghostdesk.local"])

    notification = mail_resources.notifications()[0]["notification"]
    mail, receipt = notification["mail"], notification["receipt"]
    assert mail["source"] == "x7k2m9q4p1@marketplace.amazon.com"
    assert mail["destination"] == ["support@ghostdesk.local", "orders@ghostdesk.local"]
    assert receipt["recipients"] == ["support@ghostdesk.local", "orders@ghostdesk.local"]
    assert mail["commonHeaders"]["from"] == ["José García <x7k2m9q4p1@marketplace.amazon.com>"]
    assert mail["commonHeaders"]["to"] == ["support@ghostdesk.local"]
    assert mail["commonHeaders"]["cc"] == ["orders@ghostdesk.local"]
    assert mail["commonHeaders"]["subject"] == "Pedido pendiente 114-1234567-1234567"
    assert mail["commonHeaders"]["messageId"] == "<buyer-1@marketplace.amazon.com>"
    assert mail["commonHeaders"]["returnPath"] == "x7k2m9q4p1@marketplace.amazon.com"
    assert mail["headersTruncated"] is False
    names = [header["name"] for header in mail["headers"]]
    assert names[:2] == ["Return-Path", "Received"]
    assert {"X-SES-Spam-Verdict", "Subject"} <= set(names)
    assert receipt["action"] == {
        "type": "S3",
        "topicArn": mail_resources.topic_arn,
        "bucketName": mail_resources.bucket,
        "objectKeyPrefix": "inbound/",
        "objectKey": f"inbound/{message_id}",
    }
    assert receipt["spamVerdict"] == receipt["virusVerdict"] == {"status": "PASS"}
    assert receipt["spfVerdict"] == receipt["dkimVerdict"] == receipt["dmarcVerdict"] == {"status": "GRAY"}
    assert "dmarcPolicy" not in receipt


def test_raw_message_is_stored_in_s3_with_the_headers_ses_adds(mail_resources):
    message_id = deliver(mail_resources)

    stored = mail_resources.s3.get_object(Bucket=mail_resources.bucket, Key=f"inbound/{message_id}")[
        "Body"
    ].read()

    assert stored.endswith(BUYER_MAIL)  # the message itself, byte for byte
    prefix = stored[: -len(BUYER_MAIL)].decode()
    assert prefix.startswith("Return-Path: <x7k2m9q4p1@marketplace.amazon.com>\r\n")
    assert f"with SMTP id {message_id}" in prefix
    assert "X-SES-Spam-Verdict: PASS\r\n" in prefix
    assert "Authentication-Results: amazonses.com;" in prefix


def test_test_header_sets_the_verdicts(mail_resources):
    raw = (
        b"X-Ghostdesk-Verdicts: spf=FAIL; dkim=pass; dmarc=FAIL; dmarcPolicy=reject; spam=FAIL\r\n"
        + BUYER_MAIL
    )

    deliver(mail_resources, raw)

    receipt = mail_resources.notifications()[0]["notification"]["receipt"]
    assert receipt["spfVerdict"] == {"status": "FAIL"}
    assert receipt["dkimVerdict"] == {"status": "PASS"}
    assert receipt["dmarcVerdict"] == {"status": "FAIL"}
    assert receipt["dmarcPolicy"] == "reject"
    assert receipt["spamVerdict"] == {"status": "FAIL"}
    assert receipt["virusVerdict"] == {"status": "PASS"}


def test_message_over_40_mb_is_refused_and_nothing_is_stored(mail_resources):
    raw = BUYER_MAIL + b"x" * (MAX_MESSAGE_BYTES - len(BUYER_MAIL) + 1)

    with pytest.raises(MessageTooLarge) as refused:
        deliver(mail_resources, raw)

    assert refused.value.smtp_code == 552
    assert mail_resources.s3.list_objects_v2(Bucket=mail_resources.bucket).get("KeyCount") == 0
    assert mail_resources.notifications() == []


def test_recipient_outside_the_rule_is_refused(mail_resources):
    with pytest.raises(InboundRejected) as refused:
        deliver(mail_resources, recipients=["someone@elsewhere.example"])

    assert refused.value.smtp_code == 550
    assert mail_resources.notifications() == []


@pytest.mark.parametrize(
    ("recipient", "rule", "expected"),
    [
        ("Support@GhostDesk.local", ("support@ghostdesk.local",), True),
        ("sales@ghostdesk.local", ("support@ghostdesk.local",), False),
        ("anyone@ghostdesk.local", ("ghostdesk.local",), True),
        ("anyone@eu.ghostdesk.local", ("ghostdesk.local",), False),
        ("anyone@eu.ghostdesk.local", (".ghostdesk.local",), True),
        ("anyone@ghostdesk.local", (), True),
    ],
)
def test_recipient_matching_follows_ses_rules(recipient, rule, expected):
    assert recipient_matches(recipient, rule, None) is expected


def test_rule_without_recipients_takes_only_the_verified_domains():
    assert recipient_matches("a@ghostdesk.local", (), ["ghostdesk.local"])
    assert not recipient_matches("a@example.org", (), ["ghostdesk.local"])
