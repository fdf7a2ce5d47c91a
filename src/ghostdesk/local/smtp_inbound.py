"""The local stack's inbound SMTP server: mail sent to it enters exactly as SES would deliver it.

Any mail client, ``swaks``, ``smtplib`` or ``make demo`` can send to ``smtp://127.0.0.1:2525``. Each
message is handed to :meth:`SesInbound.deliver`, and the server answers ``250`` only after the raw
message is in S3 and the SES notification is published - a message the client saw accepted is never
lost silently. Refusals follow SES: an address no receipt rule takes is refused at ``RCPT TO`` (550),
a message over 40 MB at ``DATA`` (552), and a failure to store or publish is a ``554`` so the client
knows the mail did not get in.

The server listens on 127.0.0.1 only: it is a development tool, not a mail relay.
"""

from __future__ import annotations

import asyncio
import logging
import re
import smtplib
import threading
from collections.abc import Awaitable, Callable
from types import TracebackType

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from ghostdesk.local.ses_inbound import MAX_MESSAGE_BYTES, MAX_RECIPIENTS, InboundRejected, SesInbound

log = logging.getLogger(__name__)


class _SesHandler:
    """aiosmtpd hooks: recipients checked against the receipt rules, DATA delivered through SES."""

    def __init__(self, inbound: SesInbound, on_delivered: Callable[[str], None] | None) -> None:
        self._inbound = inbound
        self._on_delivered = on_delivered
        self._lock = threading.Lock()
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, _server: SMTP, _session: Session, envelope: Envelope, address: str, _options: list[str]
    ) -> str:
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            return "452 4.5.3 Error: too many recipients"
        if not self._inbound.accepts(address):
            return f"550 5.1.1 Requested action not taken: mailbox unavailable <{address}>"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        raw: bytes = envelope.original_content or b""  # bytes: the server never decodes data
        peer = session.peer[0] if isinstance(session.peer, tuple) else "127.0.0.1"
        helo = session.host_name or "localhost"
        with self._lock:
            self._in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            message_id = await loop.run_in_executor(
                None,
                lambda: self._inbound.deliver(
                    raw,
                    mail_from=envelope.mail_from or "",
                    recipients=list(envelope.rcpt_tos),
                    client_ip=peer,
                    helo=helo,
                ),
            )
        except InboundRejected as refusal:
            return f"{refusal.smtp_code} {refusal.smtp_reply}"
        except Exception:
            log.exception("an inbound message could not be stored or announced")
            return "554 5.3.0 Error: the local stack could not store the message (see its log)"
        finally:
            with self._lock:
                self._in_flight -= 1
        if self._on_delivered is not None:
            self._on_delivered(message_id)
        return f"250 Ok {message_id}"


class _Controller(Controller):
    """aiosmtpd's controller, able to listen on an ephemeral port (``port=0``) for tests."""

    def _create_server(self) -> Awaitable[asyncio.AbstractServer]:
        async def create() -> asyncio.AbstractServer:
            server = await self.loop.create_server(
                self._factory_invoker, host=self.hostname, port=self.port, ssl=self.ssl_context
            )
            self.port = server.sockets[0].getsockname()[1]
            return server

        return create()


class SmtpInbound:
    """An SMTP server on 127.0.0.1 that delivers every message through :class:`SesInbound`."""

    def __init__(
        self,
        inbound: SesInbound,
        *,
        host: str = "127.0.0.1",
        port: int = 2525,
        on_delivered: Callable[[str], None] | None = None,
    ) -> None:
        self._handler = _SesHandler(inbound, on_delivered)
        self._controller = _Controller(
            self._handler,
            hostname=host,
            port=port,
            data_size_limit=MAX_MESSAGE_BYTES,
            enable_SMTPUTF8=True,
            ident="ghostdesk local SES inbound",
        )
        self.host = host
        self._started = False

    @property
    def port(self) -> int:
        port: int = self._controller.port
        return port

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    @property
    def in_flight(self) -> int:
        """Messages being stored and announced right now."""
        return self._handler.in_flight

    def start(self) -> None:
        self._controller.start()
        self._started = True

    def stop(self) -> None:
        if self._started:
            self._controller.stop()
            self._started = False

    def __enter__(self) -> SmtpInbound:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def send_raw_mail(
    host: str, port: int, raw: bytes, *, mail_from: str, recipients: list[str], timeout: float = 30.0
) -> str:
    """Send ``raw`` over SMTP as a mail server would (CRLF line endings); the SES message ID.

    Raises the ``smtplib`` exception matching the server's refusal, so the caller sees why.
    """
    data = re.sub(rb"\r?\n", b"\r\n", raw)
    with smtplib.SMTP(host, port, timeout=timeout) as client:
        client.ehlo()
        code, reply = client.mail(mail_from)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, mail_from)
        for recipient in recipients:
            code, reply = client.rcpt(recipient)
            if code not in (250, 251):
                raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
        code, reply = client.data(data)
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
    return reply.decode("utf-8", "replace").split()[-1]
