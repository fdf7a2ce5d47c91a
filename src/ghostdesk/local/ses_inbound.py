"""What Amazon SES does with an inbound email for the active receipt rule set, against the local stack.

For every receipt rule whose recipients match, SES runs the rule's S3 action: it stores the message in
the rule's bucket at ``<objectKeyPrefix><messageId>`` and publishes a ``Received`` notification to the
action's SNS topic. :class:`SesInbound` does exactly that, through boto3, so what reaches the ingest
function (S3 object, SNS notification, SQS message) is what SES would have produced:

* the message ID is SES-like: 40 lower-case letters and digits;
* the stored object is the raw message with the headers SES prepends on receipt (``Return-Path``,
  ``Received``, ``X-SES-Spam-Verdict``, ``X-SES-Virus-Verdict``, ``Received-SPF``,
  ``Authentication-Results``), as SES stores it;
* the notification has SES's shape: ``notificationType``, ``mail`` (``timestamp``, ``source``,
  ``messageId``, ``destination``, ``headersTruncated``, ``headers``, ``commonHeaders``) and ``receipt``
  (``timestamp``, ``processingTimeMillis``, ``recipients``, the verdicts, ``action`` of type ``S3``).

Verdicts: locally nothing is scanned or authenticated, so spam and virus are ``PASS`` and SPF, DKIM and
DMARC are ``GRAY`` (SES's "could not tell"). A test mail can set them with the header::

    X-Ghostdesk-Verdicts: spf=FAIL; dkim=PASS; dmarc=FAIL; dmarcPolicy=reject; spam=FAIL; virus=PASS

(any subset; statuses PASS, FAIL, GRAY, PROCESSING_FAILED), so verdict handling can be exercised end to
end. ``dmarcPolicy`` appears in the receipt only when DMARC fails, as in SES.

Limits: SES accepts messages up to 40 MB including headers (bigger ones are refused, 552 over SMTP).
A recipient that matches no rule is refused rather than silently dropped, so a typo in a test address
shows at once.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import string
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import format_datetime, getaddresses
from typing import TYPE_CHECKING, Any

from ghostdesk.local.resources import ReceiptRuleSpec, StackResources

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sns import SNSClient

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 40 * 1024 * 1024  # SES's limit for received mail, headers included
MAX_RECIPIENTS = 50  # SES accepts at most this many RCPT TO per message
HEADERS_NOTIFICATION_LIMIT = 10 * 1024  # larger headers are truncated in the notification
NOTIFICATION_SUBJECT = "Amazon SES Email Receipt Notification"
VERDICT_HEADER = "X-Ghostdesk-Verdicts"
VERDICT_STATUSES = frozenset({"PASS", "FAIL", "GRAY", "PROCESSING_FAILED"})
DMARC_POLICIES = frozenset({"none", "quarantine", "reject"})
_ID_ALPHABET = string.ascii_lowercase + string.digits
_FOLD = re.compile(r"\r?\n[ \t]+")


class InboundRejected(Exception):
    """SES would not accept this message; ``smtp_code`` and ``smtp_reply`` say how it would refuse."""

    def __init__(self, smtp_code: int, smtp_reply: str) -> None:
        super().__init__(f"{smtp_code} {smtp_reply}")
        self.smtp_code = smtp_code
        self.smtp_reply = smtp_reply


class MessageTooLarge(InboundRejected):
    def __init__(self, size: int) -> None:
        super().__init__(552, f"5.3.4 Message too large: {size} bytes exceeds the 40 MB SES accepts")


class NoMatchingRule(InboundRejected):
    def __init__(self, recipient: str) -> None:
        super().__init__(550, f"5.1.1 Requested action not taken: mailbox unavailable <{recipient}>")


@dataclass(frozen=True)
class Verdicts:
    spam: str = "PASS"
    virus: str = "PASS"
    spf: str = "GRAY"
    dkim: str = "GRAY"
    dmarc: str = "GRAY"
    dmarc_policy: str = "none"

    @classmethod
    def from_header(cls, value: str | None) -> Verdicts:
        """Parse ``X-Ghostdesk-Verdicts``; unknown names or statuses are ignored with a warning."""
        if not value:
            return cls()
        found: dict[str, str] = {}
        for part in value.split(";"):
            name, _, status = part.partition("=")
            name, status = name.strip().lower(), status.strip()
            if name == "dmarcpolicy" and status.lower() in DMARC_POLICIES:
                found["dmarc_policy"] = status.lower()
            elif name in {"spam", "virus", "spf", "dkim", "dmarc"} and status.upper() in VERDICT_STATUSES:
                found[name] = status.upper()
            elif name:
                log.warning("%s: ignoring %r", VERDICT_HEADER, part.strip())
        return cls(**found)


def new_message_id() -> str:
    """An SES-style inbound message ID: 40 lower-case letters and digits."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(40))


def recipient_matches(
    recipient: str, rule_recipients: Sequence[str], verified_domains: Iterable[str] | None
) -> bool:
    """SES's matching of one envelope recipient against a rule's ``Recipients``.

    An entry is an address (exact), a domain (``example.com``: every address at that domain) or a
    subdomain wildcard (``.example.com``). A rule without recipients matches every address of the
    verified domains (every address at all when the domains are not known).
    """
    address = recipient.strip().lower()
    domain = address.rpartition("@")[2]
    if not rule_recipients:
        if verified_domains is None:
            return True
        return any(domain == d.lower() or domain.endswith("." + d.lower()) for d in verified_domains)
    for entry in (r.strip().lower() for r in rule_recipients):
        if "@" in entry:
            if address == entry:
                return True
        elif entry.startswith("."):
            if domain.endswith(entry):
                return True
        elif domain == entry:
            return True
    return False


def _iso_ms(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _decoded(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError):
        return value


def _addresses(values: list[str]) -> list[str]:
    rendered = []
    for name, address in getaddresses([_decoded(v) for v in values]):
        if not address:
            continue
        if name:
            needs_quotes = any(c in name for c in '(),:;<>@[]"\\')
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"' if needs_quotes else name
            rendered.append(f"{name} <{address}>")
        else:
            rendered.append(address)
    return rendered


def _unfold(value: str) -> str:
    return _FOLD.sub(" ", value).strip()


class SesInbound:
    """The receiving half of SES for the local stack: rules from ``template.yaml``, boto3 to moto."""

    def __init__(
        self,
        resources: StackResources,
        s3_client: S3Client,
        sns_client: SNSClient,
        *,
        verified_domains: Iterable[str] | None = None,
    ) -> None:
        self.resources = resources
        self._s3 = s3_client
        self._sns = sns_client
        self.verified_domains = tuple(verified_domains) if verified_domains is not None else None

    @property
    def rules(self) -> list[ReceiptRuleSpec]:
        return list(self.resources.receipt_rules)

    def accepts(self, recipient: str) -> bool:
        """Whether any rule of the active rule set would take mail for ``recipient`` (for RCPT TO)."""
        return any(
            recipient_matches(recipient, rule.recipients, self.verified_domains) for rule in self.rules
        )

    def deliver(
        self,
        raw: bytes,
        *,
        mail_from: str,
        recipients: list[str],
        client_ip: str = "127.0.0.1",
        helo: str = "localhost",
    ) -> str:
        """Receive one message as SES would; returns its SES message ID once every action has run.

        Raises :class:`InboundRejected` when SES would refuse the message.
        """
        received_at = datetime.now(UTC)
        started = time.monotonic()
        if len(raw) > MAX_MESSAGE_BYTES:
            raise MessageTooLarge(len(raw))
        if not recipients:
            raise InboundRejected(554, "5.5.1 Error: no valid recipients")
        if len(recipients) > MAX_RECIPIENTS:
            raise InboundRejected(452, "4.5.3 Error: too many recipients")
        for recipient in recipients:
            if not self.accepts(recipient):
                raise NoMatchingRule(recipient)

        message_id = new_message_id()
        headers_only = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        verdicts = Verdicts.from_header(headers_only.get(VERDICT_HEADER))
        newline = "\r\n" if b"\r\n" in raw[:4096] or b"\n" not in raw[:4096] else "\n"
        stored = (
            self._ses_headers(
                newline=newline,
                message_id=message_id,
                mail_from=mail_from,
                recipients=recipients,
                verdicts=verdicts,
                from_header=headers_only.get("From", ""),
                client_ip=client_ip,
                helo=helo,
                received_at=received_at,
            )
            + raw
        )
        if len(stored) > MAX_MESSAGE_BYTES:
            raise MessageTooLarge(len(stored))
        mail = self._mail_object(stored, message_id, mail_from, recipients, received_at)

        for rule in self.rules:
            matched = [r for r in recipients if recipient_matches(r, rule.recipients, self.verified_domains)]
            if not matched:
                continue
            key = f"{rule.object_key_prefix}{message_id}"
            self._s3.put_object(Bucket=rule.bucket, Key=key, Body=stored)
            notification = {
                "notificationType": "Received",
                "mail": mail,
                "receipt": self._receipt_object(rule, key, matched, verdicts, received_at, started),
            }
            self._sns.publish(
                TopicArn=rule.topic_arn,
                Subject=NOTIFICATION_SUBJECT,
                Message=json.dumps(notification, ensure_ascii=False),
            )
        log.info("received message %s for %d recipient(s)", message_id, len(recipients))
        return message_id

    # -- the parts of the notification -------------------------------------------------------------

    def _ses_headers(
        self,
        *,
        newline: str,
        message_id: str,
        mail_from: str,
        recipients: list[str],
        verdicts: Verdicts,
        from_header: str,
        client_ip: str,
        helo: str,
        received_at: datetime,
    ) -> bytes:
        region = self.resources.region
        envelope_from = mail_from or ""
        from_domain = (
            getaddresses([from_header])[0][1].rpartition("@")[2] if from_header else ""
        ) or "unknown"
        lines = [
            f"Return-Path: <{envelope_from}>",
            f"Received: from {helo} ({helo} [{client_ip}])\r\n by inbound-smtp.{region}.amazonaws.com "
            f"with SMTP id {message_id}\r\n for {recipients[0]};\r\n {format_datetime(received_at)} (UTC)",
        ]
        lines += [
            f"X-SES-Spam-Verdict: {verdicts.spam}",
            f"X-SES-Virus-Verdict: {verdicts.virus}",
        ]
        lines += [
            f"Received-SPF: {verdicts.spf.lower()} (spfCheck: local stack, nothing checked) "
            f"client-ip={client_ip}; envelope-from={envelope_from}; helo={helo};",
            f"Authentication-Results: amazonses.com;\r\n spf={verdicts.spf.lower()} (spfCheck: local stack) "
            f"client-ip={client_ip}; envelope-from={envelope_from}; helo={helo};\r\n"
            f" dkim={verdicts.dkim.lower()};\r\n dmarc={verdicts.dmarc.lower()} header.from={from_domain};",
        ]
        # Stored with the message's own line endings (CRLF as SMTP delivers it).
        text = "\r\n".join(lines) + "\r\n"
        return (text if newline == "\r\n" else text.replace("\r\n", "\n")).encode("utf-8")

    def _mail_object(
        self, stored: bytes, message_id: str, mail_from: str, recipients: list[str], received_at: datetime
    ) -> dict[str, Any]:
        parsed = BytesHeaderParser(policy=policy.compat32).parsebytes(stored)
        headers: list[dict[str, str]] = []
        size = 0
        truncated = False
        for name, value in parsed.items():
            entry = {"name": name, "value": _unfold(str(value))}
            size += len(name) + len(entry["value"]) + 4
            if size > HEADERS_NOTIFICATION_LIMIT:
                truncated = True
                break
            headers.append(entry)
        common: dict[str, Any] = {"returnPath": (mail_from or "")}
        for field, key in (
            ("from", "From"),
            ("replyTo", "Reply-To"),
            ("to", "To"),
            ("cc", "Cc"),
            ("bcc", "Bcc"),
        ):
            values = parsed.get_all(key)
            if values:
                common[field] = _addresses([str(v) for v in values])
        if sender := parsed.get("Sender"):
            common["sender"] = _decoded(_unfold(str(sender)))
        if date := parsed.get("Date"):
            common["date"] = _unfold(str(date))
        if header_id := parsed.get("Message-ID"):
            common["messageId"] = _unfold(str(header_id))
        if subject := parsed.get("Subject"):
            common["subject"] = _decoded(_unfold(str(subject)))
        return {
            "timestamp": _iso_ms(received_at),
            "source": mail_from or "",
            "messageId": message_id,
            "destination": list(recipients),
            "headersTruncated": truncated,
            "headers": headers,
            "commonHeaders": common,
        }

    def _receipt_object(
        self,
        rule: ReceiptRuleSpec,
        key: str,
        recipients: list[str],
        verdicts: Verdicts,
        received_at: datetime,
        started: float,
    ) -> dict[str, Any]:
        receipt: dict[str, Any] = {
            "timestamp": _iso_ms(received_at),
            "processingTimeMillis": max(1, int((time.monotonic() - started) * 1000)),
            "recipients": recipients,
            "spamVerdict": {"status": verdicts.spam},
            "virusVerdict": {"status": verdicts.virus},
            "spfVerdict": {"status": verdicts.spf},
            "dkimVerdict": {"status": verdicts.dkim},
            "dmarcVerdict": {"status": verdicts.dmarc},
        }
        if verdicts.dmarc == "FAIL":
            receipt["dmarcPolicy"] = verdicts.dmarc_policy
        receipt["action"] = {
            "type": "S3",
            "topicArn": rule.topic_arn,
            "bucketName": rule.bucket,
            "objectKeyPrefix": rule.object_key_prefix,
            "objectKey": key,
        }
        return receipt
