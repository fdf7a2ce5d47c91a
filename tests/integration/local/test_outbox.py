"""Every email the stack sends through SES appears once in the outbox, as SES would have sent it."""

from __future__ import annotations

import email
import threading
import uuid
from email.message import EmailMessage

import pytest

from ghostdesk.local.outbox import OutboxMirror, as_sent_by_ses
from tests.integration.local.conftest import ACCOUNT, REGION


@pytest.fixture
def ses(aws, moto_server):
    client = aws.client("ses", endpoint_url=moto_server)
    client.verify_domain_identity(Domain="ghostdesk.local")
    return client


def acknowledgement(n: int, *, bcc: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Customer Service <support@ghostdesk.local>"
    message["To"] = f"buyer{n}@marketplace.amazon.com"
    if bcc:
        message["Bcc"] = bcc
    message["Subject"] = f"Re: order {n}"
    message["Message-ID"] = f"<ours-{n}@ghostdesk.local>"
    message["In-Reply-To"] = f"<buyer-{n}@marketplace.amazon.com>"
    message["Auto-Submitted"] = "auto-replied"
    message.set_content(f"I understand your concern about order {n}.")
    return message.as_bytes()


def test_every_sent_message_is_mirrored_once_even_while_sends_race_the_sweeps(ses, tmp_path):
    # The backend is shared by the whole moto server; start after whatever other tests sent.
    mirror = OutboxMirror(tmp_path / "outbox", account_id=ACCOUNT, region=REGION, interval_s=0.01)
    mirror.sweep()
    already = {path.name for path in tmp_path.joinpath("outbox").glob("*.eml")}
    mirror.start()
    sent_ids: list[str] = []
    lock = threading.Lock()
    tag = uuid.uuid4().hex

    def send(n: int) -> None:
        response = ses.send_raw_email(RawMessage={"Data": acknowledgement(n) + tag.encode()})
        with lock:
            sent_ids.append(response["MessageId"])

    threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    mirror.stop()
    mirror.sweep()  # sweeping again must not write anything twice

    files = [p for p in (tmp_path / "outbox").glob("*.eml") if p.name not in already]
    mirrored_ids = sorted(path.stem.split("-", 1)[1] for path in files)
    assert mirrored_ids == sorted(sent_ids)
    assert all(tag.encode() in path.read_bytes() for path in files)


def test_mirrored_file_is_the_raw_mime_with_the_headers_ses_rewrites(ses, tmp_path):
    mirror = OutboxMirror(tmp_path / "outbox", account_id=ACCOUNT, region=REGION)
    mirror.sweep()
    raw = acknowledgement(7, bcc="audit@ghostdesk.local")

    message_id = ses.send_raw_email(RawMessage={"Data": raw})["MessageId"]
    [path] = mirror.sweep()

    assert path.name.endswith(f"-{message_id}.eml")
    sent = email.message_from_bytes(path.read_bytes())
    assert sent["Message-ID"] == f"<{message_id}@email.amazonses.com>"
    assert sent["In-Reply-To"] == "<buyer-7@marketplace.amazon.com>"
    assert sent["Auto-Submitted"] == "auto-replied"
    assert sent["Bcc"] is None
    assert sent["Date"] is not None
    assert sent.get_payload(decode=True).decode().strip() == "I understand your concern about order 7."


def test_simple_send_email_is_mirrored_as_mime(ses, tmp_path):
    mirror = OutboxMirror(tmp_path / "outbox", account_id=ACCOUNT, region=REGION)
    mirror.sweep()

    message_id = ses.send_email(
        Source="support@ghostdesk.local",
        Destination={"ToAddresses": ["buyer@marketplace.amazon.com"]},
        Message={"Subject": {"Data": "Your order"}, "Body": {"Text": {"Data": "It is pending."}}},
    )["MessageId"]
    [path] = mirror.sweep()

    sent = email.message_from_bytes(path.read_bytes())
    assert sent["To"] == "buyer@marketplace.amazon.com"
    assert sent["Subject"] == "Your order"
    assert sent["Message-ID"] == f"<{message_id}@email.amazonses.com>"
    assert sent.get_payload(decode=True).decode().strip() == "It is pending."


def test_header_rewrite_keeps_folded_headers_and_body_bytes():
    raw = (
        b"From: a@ghostdesk.local\r\nMessage-ID:\r\n <old@x>\r\nSubject: a\r\n b\r\n"
        b"Date: Mon, 1 Jan 2024 00:00:00 +0000\r\n\r\nbody\r\n\r\nmore\r\n"
    )
    from datetime import UTC, datetime

    out = as_sent_by_ses(
        raw, message_id="abc", region="eu-west-1", accepted_at=datetime(2026, 3, 3, tzinfo=UTC)
    )

    assert out.endswith(b"\r\n\r\nbody\r\n\r\nmore\r\n")
    assert b"<old@x>" not in out
    assert b"Subject: a\r\n b\r\n" in out
    assert b"Message-ID: <abc@eu-west-1.amazonses.com>" in out
    assert b"Date: Tue, 03 Mar 2026 00:00:00 +0000" in out
