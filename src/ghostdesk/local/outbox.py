"""The local outbox: every email the stack sends through SES, as a ``.eml`` file a developer can open.

moto's SES accepts ``SendRawEmail``/``SendEmail`` and keeps the messages in its in-process backend
(``moto.ses.models.ses_backends[account][region].sent_messages``, an append-only list shared by SES v1
and v2). The local stack runs moto server in its own process, so :class:`OutboxMirror` reads that list
directly: a cursor over it plus the set of mirrored message IDs guarantee that no message is missed and
none is written twice, however often :meth:`OutboxMirror.sweep` runs.

Each file is ``<outbox>/<UTC timestamp>-<SES message id>.eml`` and holds the message as SES would send
it: the raw MIME the function built, with the two headers SES itself rewrites - ``Message-ID`` becomes
``<messageId@email.amazonses.com>`` (``<messageId@<region>.amazonses.com>`` outside us-east-1) and
``Date`` the time SES accepted it - and without ``Bcc``, which recipients never see. Code that threads
replies by Message-ID must therefore use the ID SES returns, exactly as in AWS. Files are written
atomically (temporary name, then rename), so a watcher never reads half a message.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_HEADERS_SES_REWRITES = ("message-id", "date", "bcc")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def ses_message_id_header(message_id: str, region: str) -> str:
    domain = "email.amazonses.com" if region == "us-east-1" else f"{region}.amazonses.com"
    return f"<{message_id}@{domain}>"


def as_sent_by_ses(raw: bytes, *, message_id: str, region: str, accepted_at: datetime) -> bytes:
    """``raw`` with SES's own ``Message-ID`` and ``Date`` and without ``Bcc``; the body untouched."""
    match = _HEADER_END.search(raw)
    head, rest = (raw[: match.start()], raw[match.start() :]) if match else (raw.rstrip(b"\r\n"), b"\r\n\r\n")
    newline = b"\r\n" if b"\r\n" in head or not head else b"\n"
    kept: list[bytes] = []
    dropping = False
    for line in head.splitlines():
        if line[:1] in (b" ", b"\t"):  # a folded continuation belongs to the previous header
            if not dropping:
                kept.append(line)
            continue
        name = line.split(b":", 1)[0].strip().lower().decode("ascii", "replace")
        dropping = name in _HEADERS_SES_REWRITES
        if not dropping:
            kept.append(line)
    kept.append(f"Date: {format_datetime(accepted_at.astimezone(UTC))}".encode("ascii"))
    kept.append(f"Message-ID: {ses_message_id_header(message_id, region)}".encode("ascii"))
    return newline.join(kept) + rest


def _simple_message(sent: Any, region: str, accepted_at: datetime) -> bytes:
    """A ``SendEmail`` (simple content) message, assembled into MIME as SES does before sending."""
    message = EmailMessage()
    message["From"] = sent.source
    destinations = sent.destinations or {}
    for header, key in (("To", "ToAddresses"), ("Cc", "CcAddresses")):
        if destinations.get(key):
            message[header] = ", ".join(destinations[key])
    message["Subject"] = sent.subject
    message["Date"] = format_datetime(accepted_at)
    message["Message-ID"] = ses_message_id_header(sent.id, region)
    body = str(sent.body or "")
    subtype = "html" if body.lstrip().lower().startswith(("<html", "<!doctype", "<p", "<div")) else "plain"
    message.set_content(body, subtype=subtype)
    return message.as_bytes()


def _templated_message(sent: Any, region: str, accepted_at: datetime) -> bytes:
    """A templated send: moto does not render templates, so the file names the template and its data."""
    message = EmailMessage()
    message["From"] = sent.source
    message["Subject"] = f"[template {sent.template}]"
    message["Date"] = format_datetime(accepted_at)
    message["Message-ID"] = ses_message_id_header(sent.id, region)
    message["X-Ghostdesk-Template"] = str(sent.template)
    message.set_content(json.dumps({"destinations": sent.destinations, "data": sent.template_data}, indent=2))
    return message.as_bytes()


def render_sent_message(sent: Any, *, region: str, accepted_at: datetime) -> list[tuple[str, bytes]]:
    """The ``(message id, MIME bytes)`` pairs for one entry of moto's ``sent_messages``."""
    raw_data = getattr(sent, "raw_data", None)
    if raw_data is not None:
        raw = raw_data.encode("utf-8", "surrogateescape") if isinstance(raw_data, str) else bytes(raw_data)
        return [(sent.id, as_sent_by_ses(raw, message_id=sent.id, region=region, accepted_at=accepted_at))]
    if hasattr(sent, "template"):
        ids = list(getattr(sent, "ids", None) or [sent.id])
        return [(message_id, _templated_message(sent, region, accepted_at)) for message_id in ids]
    return [(sent.id, _simple_message(sent, region, accepted_at))]


class OutboxMirror:
    """Mirrors moto's sent SES messages into ``outbox_dir``, from a background thread or on demand."""

    def __init__(self, outbox_dir: Path, *, account_id: str, region: str, interval_s: float = 0.1) -> None:
        self.outbox_dir = outbox_dir
        self.account_id = account_id
        self.region = region
        self.interval_s = interval_s
        self._cursor = 0
        self._mirrored: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.written: list[Path] = []

    def _sent_messages(self) -> list[Any]:
        from moto.ses.models import ses_backends

        messages: list[Any] = ses_backends[self.account_id][self.region].sent_messages
        return messages

    def skip_existing(self) -> None:
        """Ignore what was sent before now (moto's backend is per process, shared by every stack in it)."""
        with self._lock:
            sent = self._sent_messages()
            self._cursor = len(sent)
            for entry in sent:
                self._mirrored.update(getattr(entry, "ids", None) or [entry.id])

    def sweep(self) -> list[Path]:
        """Write every message sent since the last sweep; the files written."""
        with self._lock:
            sent = self._sent_messages()
            if len(sent) < self._cursor:  # the backend was reset: start over, the ID set still dedups
                self._cursor = 0
            fresh, self._cursor = sent[self._cursor :], len(sent)
            written = []
            for entry in fresh:
                accepted_at = datetime.now(UTC)
                for message_id, data in render_sent_message(
                    entry, region=self.region, accepted_at=accepted_at
                ):
                    if message_id in self._mirrored:
                        continue
                    written.append(self._write(message_id, data, accepted_at))
                    self._mirrored.add(message_id)
            self.written.extend(written)
            return written

    def start(self) -> None:
        self.outbox_dir.mkdir(parents=True, exist_ok=True)
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="outbox-mirror", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread after one last sweep, so a message sent just before shutdown is kept."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.sweep()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                for path in self.sweep():
                    log.info("outbox: %s", path.name)
            except Exception:
                log.exception("outbox mirror sweep failed; retrying")

    def _write(self, message_id: str, data: bytes, accepted_at: datetime) -> Path:
        self.outbox_dir.mkdir(parents=True, exist_ok=True)
        stamp = accepted_at.strftime("%Y%m%dT%H%M%S.%fZ")
        path = self.outbox_dir / f"{stamp}-{message_id}.eml"
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        return path
