"""What an agent does with a draft: edit its slots, approve (send), reject, or mark "no response needed".

Each action reads the draft with its version, checks that the action applies to the draft's status,
writes the new state with a conditional (versioned) put and appends what changed to the audit log.

Approval is a claim before a send: ``pending_approval -> sending`` is a conditional write, so of two
approvals racing for one draft exactly one wins and hands the reply to SES; the other sees ``sending``
or ``sent`` and sends nothing. Only when SES has taken the reply does the draft become ``sent``. When SES
says no for good, or its answer is lost, the draft needs attention (with the reason); when SES is merely
throttled or unreachable, nothing was sent and the draft waits for approval again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ghostdesk.aws.dynamo import ConflictError
from ghostdesk.aws.mail import SendRejected
from ghostdesk.mail.compose import ReplyTarget, compose_reply
from ghostdesk.observability import logger, redact
from ghostdesk.records import DraftRecord, DraftStatus
from ghostdesk.replies.errors import ComplianceError, LockedTextError
from ghostdesk.replies.rendered import RenderedReply
from ghostdesk.review.audit import Actor, AuditAction, AuditEntry, changed
from ghostdesk.review.errors import (
    ApprovalInProgress,
    DraftNotFound,
    InvalidRequest,
    InvalidTransition,
    NotSendable,
    SendFailed,
    SendRetryLater,
    StaleDraft,
)
from ghostdesk.settings import Settings

if TYPE_CHECKING:
    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.mail import SesMailer
    from ghostdesk.aws.tables import DraftStore, MessageStore
    from ghostdesk.replies.library import MacroLibrary

# Statuses an agent can still act on. A draft needs attention when it could not be drafted or sent
# safely; an agent may fix its slots and approve it like any other.
OPEN = frozenset({DraftStatus.PENDING_APPROVAL, DraftStatus.NEEDS_ATTENTION})
# A claim older than this (well past the API function's timeout) was interrupted mid-send.
SENDING_STALE_AFTER = timedelta(minutes=2)
MAX_REASON = 1000
_ATTEMPTS = 5

# SES errors after which it is certain that nothing was sent (the request was refused before sending).
_NOT_SENT_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
        "RequestThrottled",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "LimitExceededException",
        "AccountSendingPausedException",
        "ConfigurationSetSendingPausedException",
    }
)


@dataclass
class ReviewDeps:
    settings: Settings
    drafts: DraftStore
    messages: MessageStore
    audit: AuditLog
    library: MacroLibrary
    mailer: Callable[[], SesMailer]
    clock: Callable[[], datetime]


@dataclass(frozen=True)
class Outcome:
    """A draft after an action, with its new version; ``changed`` is False when the action was a repeat."""

    draft: DraftRecord
    version: int
    changed: bool = True


# -- reading -------------------------------------------------------------------------------------------


def load(draft_id: str, deps: ReviewDeps) -> tuple[DraftRecord, int]:
    found = deps.drafts.get(draft_id)
    if found is None:
        raise DraftNotFound(f"there is no draft {draft_id!r}")
    return found


def _reply_of(draft: DraftRecord) -> RenderedReply:
    return RenderedReply.from_dict(draft.reply)


def _decided(draft: DraftRecord) -> str:
    by = f" by {draft.decided_by}" if draft.decided_by else ""
    at = f" at {draft.decided_at:%Y-%m-%d %H:%M} UTC" if draft.decided_at else ""
    return f"this draft is {draft.status.value.replace('_', ' ')}{by}{at}"


def _entry(
    draft: DraftRecord,
    action: AuditAction,
    actor: Actor,
    at: datetime,
    deps: ReviewDeps,
    **fields: Any,
) -> AuditEntry:
    expires_at = int((at + timedelta(days=deps.settings.retention_days)).timestamp())
    return AuditEntry(
        draft_id=draft.draft_id,
        action=action,
        actor=actor,
        at=at,
        case_id=draft.case_id,
        order_id=draft.order_id,
        expires_at=max(expires_at, draft.expires_at or 0),
        **fields,
    )


def _status_change(before: DraftRecord, after: DraftRecord) -> dict[str, dict[str, Any]]:
    return changed({"status": before.status.value}, {"status": after.status.value})


# -- edit ----------------------------------------------------------------------------------------------


def edit_slots(
    draft_id: str,
    slots: Mapping[str, str],
    actor: Actor,
    deps: ReviewDeps,
    *,
    expected_version: int | None = None,
) -> Outcome:
    """Give the draft's editable slots new values; the locked wording is rendered anew and re-checked.

    Raises the reply layer's :class:`LockedTextError`, :class:`SlotValueError` or
    :class:`ComplianceError` (nothing is saved then), :class:`StaleDraft` when the draft changed since
    ``expected_version``, and :class:`InvalidTransition` once the draft was decided.
    """
    draft, version = load(draft_id, deps)
    if draft.status not in OPEN:
        raise InvalidTransition(f"{_decided(draft)}: its text can no longer be edited")
    if expected_version is not None and expected_version != version:
        raise StaleDraft("the draft changed since you opened it: reload it and make your edit again")
    reply = _reply_of(draft)
    edited = deps.library.apply_edit(reply, slots)
    findings = deps.library.check(edited)  # the HTML alternative too
    if findings:
        raise ComplianceError(findings)
    slot_changes = changed(reply.slots, edited.slots)
    if not slot_changes:
        return Outcome(draft, version, changed=False)

    now = deps.clock()
    status, reason = draft.status, draft.status_reason
    if status is DraftStatus.NEEDS_ATTENTION and (reason or "").startswith("compliance findings"):
        status, reason = DraftStatus.PENDING_APPROVAL, None  # the edit cured what held it back
    updated = draft.with_changes(reply=edited.to_dict(), updated_at=now, status=status, status_reason=reason)
    try:
        new_version = deps.drafts.save(updated, version)
    except ConflictError:
        raise StaleDraft(
            "the draft changed while you edited it: reload it and make your edit again"
        ) from None
    changes = {f"slots.{name}": change for name, change in slot_changes.items()}
    changes.update(_status_change(draft, updated))
    deps.audit.append(_entry(updated, AuditAction.EDITED, actor, now, deps, changes=changes))
    logger.info("draft edited", extra={"draft_id": draft_id, "slots": sorted(slot_changes)})
    return Outcome(updated, new_version)


# -- approve -------------------------------------------------------------------------------------------


def approve(draft_id: str, actor: Actor, deps: ReviewDeps) -> Outcome:
    """Send the draft's reply to the buyer through SES, once, however often or concurrently it is called.

    A repeat after the reply went out returns the sent draft with ``changed=False``. Raises
    :class:`NotSendable` (findings, or text altered outside its macro), :class:`ApprovalInProgress`,
    :class:`InvalidTransition` (rejected, ...), :class:`SendRetryLater` (throttled: nothing sent, the
    draft waits again) and :class:`SendFailed` (refused for good, or outcome unknown: needs attention).
    """
    for _ in range(_ATTEMPTS):
        draft, version = load(draft_id, deps)
        if draft.status is DraftStatus.SENT:
            return Outcome(draft, version, changed=False)
        if draft.status is DraftStatus.SENDING:
            _check_interrupted(draft, version, actor, deps)
            raise ApprovalInProgress("this reply is being sent right now; it will go out once")
        if draft.status not in OPEN:
            raise InvalidTransition(f"{_decided(draft)}: it cannot be approved")
        reply = _reply_of(draft)
        try:
            deps.library.ensure_sendable(reply)
        except ComplianceError as exc:
            raise NotSendable(
                "this reply breaks Amazon's messaging rules; edit the highlighted words first", exc.findings
            ) from exc
        except LockedTextError as exc:
            raise NotSendable(str(exc)) from exc
        now = deps.clock()
        claimed = draft.with_changes(
            status=DraftStatus.SENDING, decided_by=actor.label, decided_at=now, updated_at=now
        )
        try:
            claimed_version = deps.drafts.save(claimed, version)
        except ConflictError:
            continue  # someone else acted (approved, edited) meanwhile: look again
        deps.audit.append(
            _entry(claimed, AuditAction.APPROVED, actor, now, deps, changes=_status_change(draft, claimed))
        )
        return _send(draft, claimed, claimed_version, reply, actor, deps)
    raise StaleDraft("the draft keeps changing while it is being approved; reload it and try again")


def _check_interrupted(draft: DraftRecord, version: int, actor: Actor, deps: ReviewDeps) -> None:
    """A claim that outlived any send attempt: whether the buyer got the reply is unknown, so the
    draft needs a person's look instead of a second, possibly duplicate, send."""
    now = deps.clock()
    if draft.decided_at is None or now - draft.decided_at < SENDING_STALE_AFTER:
        return
    reason = (
        "sending was interrupted: check whether the buyer received this reply (SES sending activity) "
        "before approving it again"
    )
    stuck = draft.with_changes(
        status=DraftStatus.NEEDS_ATTENTION,
        status_reason=reason,
        decided_by=None,
        decided_at=None,
        updated_at=now,
    )
    try:
        deps.drafts.save(stuck, version)
    except ConflictError:
        return
    deps.audit.append(
        _entry(
            stuck,
            AuditAction.SEND_FAILED,
            actor,
            now,
            deps,
            changes=_status_change(draft, stuck),
            note=reason,
        )
    )
    raise SendFailed(reason)


def _send(
    before: DraftRecord,
    claimed: DraftRecord,
    version: int,
    reply: RenderedReply,
    actor: Actor,
    deps: ReviewDeps,
) -> Outcome:
    settings, now = deps.settings, deps.clock()
    email = compose_reply(
        ReplyTarget(claimed.to, claimed.subject, claimed.in_reply_to, claimed.references),
        sender=settings.sender,
        sender_name=settings.sender_name,
        text=reply.text,
        html=reply.html,
        language=reply.language,
        now=now,
        auto_submitted=False,  # an agent's answer: Amazon counts it as the seller's response
    )
    try:
        sent = deps.mailer().send(email, to=claimed.to)
    except SendRejected as exc:
        reason = (
            f"SES refused the reply: {exc}. Fix the cause (sender identity, address), then approve again."
        )
        _give_back(
            claimed,
            version,
            actor,
            deps,
            status=DraftStatus.NEEDS_ATTENTION,
            status_reason=reason,
            note=reason,
        )
        raise SendFailed(reason) from exc
    except Exception as exc:
        if _certainly_not_sent(exc):
            reason = "SES did not take the reply (throttled or unreachable); nothing was sent. Try again."
            _give_back(
                claimed,
                version,
                actor,
                deps,
                status=before.status,
                status_reason=before.status_reason,
                note=reason,
            )
            raise SendRetryLater(reason) from exc
        reason = (
            "SES did not confirm the send: check whether the buyer received this reply (SES sending "
            "activity) before approving it again"
        )
        _give_back(
            claimed,
            version,
            actor,
            deps,
            status=DraftStatus.NEEDS_ATTENTION,
            status_reason=reason,
            note=reason,
        )
        logger.exception("send outcome unknown", extra={"draft_id": claimed.draft_id})
        raise SendFailed(reason) from exc

    for rfc_id in sent.message_ids:  # the buyer's answer to any of these joins the thread
        deps.messages.record_sent_reply(rfc_id, answering=claimed.message_id, expires_at=claimed.expires_at)
    done = claimed.with_changes(
        status=DraftStatus.SENT,
        sent_at=now,
        sent_message_ids=sent.message_ids,
        updated_at=now,
        status_reason=None,
    )
    new_version = _save_after_send(done, version, deps)
    deps.audit.append(
        _entry(
            done,
            AuditAction.SENT,
            actor,
            now,
            deps,
            changes=_status_change(claimed, done),
            details={
                "ses_message_id": sent.ses_message_id,
                "message_ids": list(sent.message_ids),
                "from": settings.sender,
                "subject": str(email["Subject"]),
                "macro": reply.macro,
                "macro_version": reply.version,
                "language": reply.language,
                "text": reply.text,
            },
        )
    )
    logger.info(
        "reply sent",
        extra={"draft_id": done.draft_id, "ses_message_id": sent.ses_message_id, "macro": reply.macro},
    )
    return Outcome(done, new_version)


def _save_after_send(done: DraftRecord, version: int, deps: ReviewDeps) -> int:
    try:
        return deps.drafts.save(done, version)
    except ConflictError:
        # Nobody may change a draft that is being sent, but a stale-claim check can race us: the reply
        # went out, so "sent" is the truth and wins.
        _, current = load(done.draft_id, deps)
        return deps.drafts.save(done, current)


def _give_back(
    claimed: DraftRecord,
    version: int,
    actor: Actor,
    deps: ReviewDeps,
    *,
    status: DraftStatus,
    status_reason: str | None,
    note: str,
) -> None:
    """Release the claim of an approval whose send did not happen (or may not have happened)."""
    now = deps.clock()
    released = claimed.with_changes(
        status=status, status_reason=status_reason, decided_by=None, decided_at=None, updated_at=now
    )
    deps.drafts.save(released, version)
    deps.audit.append(
        _entry(
            released,
            AuditAction.SEND_FAILED,
            actor,
            now,
            deps,
            changes=_status_change(claimed, released),
            note=note,
        )
    )
    logger.warning(
        "reply not sent", extra={"draft_id": claimed.draft_id, "status": status.value, "reason": redact(note)}
    )


def _certainly_not_sent(exc: Exception) -> bool:
    """Whether SES certainly did not send: it refused the request, or the connection never opened."""
    from botocore.exceptions import ConnectTimeoutError, EndpointConnectionError

    if isinstance(exc, EndpointConnectionError | ConnectTimeoutError):
        return True
    code = getattr(exc, "response", {}).get("Error", {}).get("Code")
    return code in _NOT_SENT_CODES


# -- reject / no response needed -----------------------------------------------------------------------


def reject(draft_id: str, actor: Actor, deps: ReviewDeps, *, reason: str) -> Outcome:
    """Reject the draft: nothing is sent; the agent's reason is kept with the draft and in the audit log."""
    reason = _reason(reason, required=True)
    return _close(draft_id, actor, deps, DraftStatus.REJECTED, AuditAction.REJECTED, reason)


def mark_no_response_needed(draft_id: str, actor: Actor, deps: ReviewDeps, *, reason: str = "") -> Outcome:
    """Close the draft without a reply (the buyer's question was settled, or it needs none)."""
    return _close(
        draft_id,
        actor,
        deps,
        DraftStatus.NO_RESPONSE_NEEDED,
        AuditAction.NO_RESPONSE_NEEDED,
        _reason(reason, required=False),
    )


def _reason(reason: str | None, *, required: bool) -> str:
    text = " ".join((reason or "").split())
    if required and not text:
        raise InvalidRequest("say why, in a few words: the reason is kept as evidence")
    if len(text) > MAX_REASON:
        raise InvalidRequest(f"the reason is {len(text)} characters long; at most {MAX_REASON} fit")
    return text


def _close(
    draft_id: str,
    actor: Actor,
    deps: ReviewDeps,
    status: DraftStatus,
    action: AuditAction,
    reason: str,
) -> Outcome:
    for _ in range(_ATTEMPTS):
        draft, version = load(draft_id, deps)
        if draft.status is status:
            return Outcome(draft, version, changed=False)  # a repeated click changes nothing
        if draft.status not in OPEN:
            raise InvalidTransition(f"{_decided(draft)}: it can no longer be closed")
        now = deps.clock()
        closed = draft.with_changes(
            status=status,
            status_reason=reason or None,
            decided_by=actor.label,
            decided_at=now,
            updated_at=now,
        )
        try:
            new_version = deps.drafts.save(closed, version)
        except ConflictError:
            continue
        deps.audit.append(
            _entry(
                closed, action, actor, now, deps, changes=_status_change(draft, closed), note=reason or None
            )
        )
        logger.info("draft closed", extra={"draft_id": draft_id, "status": status.value})
        return Outcome(closed, new_version)
    raise StaleDraft("the draft keeps changing; reload it and try again")
