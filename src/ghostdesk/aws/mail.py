"""SES and S3 at the mail edges: the raw mail archive and the outgoing mailer."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any


class RawMailStore:
    """The S3 bucket where every received email is kept byte for byte (SES writes it; ingest reads it)."""

    def __init__(self, client: Any, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    def get(self, key: str, *, bucket: str | None = None) -> bytes:
        response = self._client.get_object(Bucket=bucket or self.bucket, Key=key)
        body: bytes = response["Body"].read()
        return body

    def put(self, key: str, raw: bytes, *, content_type: str = "message/rfc822") -> None:
        self._client.put_object(Bucket=self.bucket, Key=key, Body=raw, ContentType=content_type)


class SendRejected(RuntimeError):
    """SES refused the message for good (bad address, unverified sender): retrying will not help."""


@dataclass(frozen=True)
class SentEmail:
    """What SES did with a message: its ID, and every Message-ID a reply to it may carry.

    SES replaces the Message-ID header of what it sends with one built from its own message ID, so a
    buyer's mail client threads under that one; ours is kept too, for relays that preserve it.
    """

    ses_message_id: str
    message_ids: tuple[str, ...]


def ses_message_id_header(ses_message_id: str, region: str) -> str:
    domain = "email.amazonses.com" if region == "us-east-1" else f"{region}.amazonses.com"
    return f"<{ses_message_id}@{domain}>"


class SesMailer:
    """Sends a finished MIME message through SES as-is, so threading headers survive untouched."""

    PERMANENT_ERRORS = frozenset(
        {"MessageRejected", "MailFromDomainNotVerifiedException", "InvalidParameterValue"}
    )

    def __init__(self, client: Any, sender: str) -> None:
        self._client = client
        self.sender = sender

    def send(self, message: EmailMessage, *, to: str) -> SentEmail:
        """Send; throttling and outages raise (retried by the queue), a permanent refusal raises
        :class:`SendRejected`."""
        try:
            response = self._client.send_raw_email(
                Source=self.sender,
                Destinations=[to],
                RawMessage={"Data": message.as_bytes()},
            )
        except Exception as exc:
            code = getattr(exc, "response", {}).get("Error", {}).get("Code")
            if code in self.PERMANENT_ERRORS:
                raise SendRejected(f"SES rejected the message: {code}") from exc
            raise
        ses_id = str(response["MessageId"])
        region = str(self._client.meta.region_name)
        own = str(message["Message-ID"] or "")
        ids = tuple(i for i in (ses_message_id_header(ses_id, region), own) if i)
        return SentEmail(ses_id, ids)
