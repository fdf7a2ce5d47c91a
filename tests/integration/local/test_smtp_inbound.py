"""Mail sent over SMTP reaches S3 and SNS as SES would deliver it, and is never accepted silently lost."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from ghostdesk.local.ses_inbound import SesInbound
from ghostdesk.local.smtp_inbound import SmtpInbound


@pytest.fixture
def smtp(mail_resources) -> Iterator[SmtpInbound]:
    inbound = SesInbound(mail_resources.resources, mail_resources.s3, mail_resources.sns)
    with SmtpInbound(inbound, port=0) as server:
        yield server


def buyer_message(to: str = "support@ghostdesk.local") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "x7k2m9q4p1@marketplace.amazon.com"
    message["To"] = to
    message["Subject"] = "Order 114-1234567-1234567 still pending"
    message.set_content("Hello, my order is still pending. Can you help?")
    return message


def test_mail_sent_over_smtp_is_stored_and_announced(smtp, mail_resources):
    with smtplib.SMTP(smtp.host, smtp.port, timeout=5) as client:
        client.send_message(buyer_message())
        code, _ = client.noop()

    [received] = mail_resources.notifications()
    notification = received["notification"]
    key = notification["receipt"]["action"]["objectKey"]
    stored = mail_resources.s3.get_object(Bucket=mail_resources.bucket, Key=key)["Body"].read()
    assert code == 250
    assert notification["mail"]["commonHeaders"]["subject"] == "Order 114-1234567-1234567 still pending"
    assert notification["mail"]["source"] == "x7k2m9q4p1@marketplace.amazon.com"
    assert b"Hello, my order is still pending." in stored
    assert smtp.port != 0


def test_250_reply_carries_the_ses_message_id_after_publication(smtp, mail_resources):
    with smtplib.SMTP(smtp.host, smtp.port, timeout=5) as client:
        client.ehlo()
        client.mail("x7k2m9q4p1@marketplace.amazon.com")
        client.rcpt("support@ghostdesk.local")
        code, reply = client.data(buyer_message().as_bytes())

    [received] = mail_resources.notifications()  # already published when the 250 came back
    assert code == 250
    assert reply.decode().split()[-1] == received["notification"]["mail"]["messageId"]


def test_unknown_recipient_is_refused_at_rcpt(smtp, mail_resources):
    with (
        smtplib.SMTP(smtp.host, smtp.port, timeout=5) as client,
        pytest.raises(smtplib.SMTPRecipientsRefused) as refused,
    ):
        client.send_message(buyer_message(to="nobody@elsewhere.example"))

    assert refused.value.recipients["nobody@elsewhere.example"][0] == 550
    assert mail_resources.notifications() == []


def test_oversized_message_is_refused_with_552(smtp, mail_resources):
    with smtplib.SMTP(smtp.host, smtp.port, timeout=10) as client:
        client.ehlo()
        assert int(client.esmtp_features["size"]) == 40 * 1024 * 1024
        client.mail("x7k2m9q4p1@marketplace.amazon.com")
        client.rcpt("support@ghostdesk.local")
        code, _ = client.data(b"Subject: big\r\n\r\n" + (b"x" * 998 + b"\r\n") * 42_000)

    assert code == 552
    assert mail_resources.notifications() == []


def test_failure_to_store_is_a_5xx_not_a_silent_loss(mail_resources):
    mail_resources.s3.delete_bucket(Bucket=mail_resources.bucket)  # the store is gone
    inbound = SesInbound(mail_resources.resources, mail_resources.s3, mail_resources.sns)

    with (
        SmtpInbound(inbound, port=0) as server,
        smtplib.SMTP(server.host, server.port, timeout=5) as client,
        pytest.raises(smtplib.SMTPDataError) as refused,
    ):
        client.send_message(buyer_message())

    assert refused.value.smtp_code == 554
