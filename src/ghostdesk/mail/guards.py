"""May an automatic acknowledgement answer this message? RFC 3834 and mail-loop guards, as a pure function.

An auto-responder that answers another auto-responder, a mailing list, a bounce or Amazon's own notices
creates mail loops, spams lists, or (worse, for a seller) sends Amazon a message it will flag. The rules
follow RFC 3834 section 2 and the headers common mail systems use in practice; each refusal has a short
reason code so the decision can be logged and shown to an agent.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ghostdesk.mail.relay import is_amazon_system_sender
from ghostdesk.models import BuyerMessage

_NO_REPLY_LOCAL = re.compile(r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|noreply|donotreply)([-_.+].*)?$")
_DAEMON_LOCAL = re.compile(r"^(mailer[-_]daemon|postmaster)([-_.+].*)?$")
# "auto_reply" is not in RFC 3834 but common (vacation programs, Exchange's older auto-responder).
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply", "auto-reply"})
_SUPPRESS_VALUES = frozenset({"all", "autoreply", "oof"})
_AUTOREPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply")


def _local_part(address: str) -> str:
    return address.rpartition("@")[0].strip().lower()


def acknowledgement_block_reason(message: BuyerMessage, *, own_addresses: Collection[str]) -> str | None:
    """None when an automatic acknowledgement may be sent; otherwise why not, as a short reason code.

    Codes: ``own_message``, ``auto_submitted``, ``precedence_bulk``, ``mailing_list``, ``mailer_daemon``,
    ``no_reply_sender``, ``amazon_system``, ``machine_report``, ``ms_auto_suppress``, ``autoreply_header``.
    """
    headers = {name.lower(): value for name, value in message.auto_headers.items()}
    sender = message.from_address.strip().lower()
    local = _local_part(sender)
    own = {address.strip().lower() for address in own_addresses}

    if sender and sender in own:
        return "own_message"
    auto_submitted = headers.get("auto-submitted", "").strip().lower()
    if auto_submitted and auto_submitted.split(";", 1)[0].strip() != "no":
        return "auto_submitted"
    if headers.get("content-type", "").strip().lower().startswith("multipart/report"):
        # RFC 6522 reports: delivery status (bounces), read receipts, ARF abuse feedback
        return "machine_report"
    precedence = (headers.get("precedence") or headers.get("x-precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return "precedence_bulk"
    if headers.get("list-id") or headers.get("list-unsubscribe"):
        return "mailing_list"
    return_path = headers.get("return-path")
    if (
        not sender
        or _DAEMON_LOCAL.match(local)
        or (return_path is not None and return_path.strip() in ("<>", ""))
    ):
        return "mailer_daemon"
    if is_amazon_system_sender(sender):
        return "amazon_system"
    if _NO_REPLY_LOCAL.match(local) or local.endswith("-request") or local.startswith("owner-"):
        return "no_reply_sender"
    suppress = {token.strip().lower() for token in headers.get("x-auto-response-suppress", "").split(",")}
    if suppress & _SUPPRESS_VALUES:
        return "ms_auto_suppress"
    if any(name in headers for name in _AUTOREPLY_HEADERS):
        return "autoreply_header"
    return None
