"""Domain errors as HTTP answers, in one place.

Every error an agent's action (or a webhook) can end in is a typed exception of the review, reply or
webhook layer; this table gives each its status code and a stable ``code`` the console (or the sender)
can act on. The body always carries a ``message``, and compliance errors list their ``findings``.
"""

from __future__ import annotations

from typing import Any

from ghostdesk.replies.errors import ComplianceError, LockedTextError, ReplyError, SlotValueError
from ghostdesk.review.errors import (
    ApprovalInProgress,
    DraftConflict,
    DraftNotFound,
    EvidenceNotFound,
    InvalidRequest,
    InvalidTransition,
    NotSendable,
    ReviewError,
    SendFailed,
    SendRetryLater,
    StaleDraft,
)
from ghostdesk.webhooks.errors import (
    InvalidPayload,
    PayloadTooLarge,
    UnknownChannel,
    WebhookError,
    WebhookRejected,
)

# Most specific first: the first class the error is an instance of decides.
_STATUS: tuple[tuple[type[Exception], int, str], ...] = (
    (InvalidRequest, 400, "invalid_request"),
    (DraftNotFound, 404, "not_found"),
    (EvidenceNotFound, 404, "not_found"),
    (StaleDraft, 409, "stale"),
    (InvalidTransition, 409, "invalid_transition"),
    (ApprovalInProgress, 409, "in_progress"),
    (NotSendable, 409, "not_sendable"),
    (DraftConflict, 409, "conflict"),
    (SendRetryLater, 503, "retry_later"),
    (SendFailed, 502, "send_failed"),
    (ComplianceError, 422, "compliance"),
    (LockedTextError, 422, "locked_text"),
    (SlotValueError, 422, "slot_value"),
    (ReplyError, 422, "reply_error"),
    (ReviewError, 400, "invalid_request"),
    # Webhooks: the error's own code says which check failed (unsigned, bad_signature, stale, replayed).
    (WebhookRejected, 401, "unauthorized"),
    (UnknownChannel, 404, "unknown_channel"),
    (PayloadTooLarge, 413, "too_large"),
    (InvalidPayload, 400, "invalid_payload"),
    (WebhookError, 400, "invalid_request"),
)

HANDLED: tuple[type[Exception], ...] = (ReviewError, ReplyError, WebhookError)


def error_answer(exc: Exception) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Status code, JSON body and extra headers for a domain error."""
    status, code = 500, "internal"
    for kind, kind_status, kind_code in _STATUS:
        if isinstance(exc, kind):
            status, code = kind_status, kind_code
            break
    if isinstance(exc, WebhookError):
        code = exc.code
    body: dict[str, Any] = {"message": str(exc), "code": code}
    findings = getattr(exc, "findings", None)
    if findings is not None:
        body["findings"] = [{"rule": f.rule, "text": f.text, "explanation": f.explanation} for f in findings]
    headers: dict[str, str] = {}
    if isinstance(exc, SendRetryLater):
        headers["Retry-After"] = str(exc.retry_after_s)
    return status, body, headers
