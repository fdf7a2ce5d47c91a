"""Follow-ups: when a pending order moves on, the reply waiting for the agent says so.

A buyer who wrote "my order is stuck on Pending" gets a draft that explains Pending. If the order
ships (or is cancelled) before an agent approves it, sending that draft would tell the buyer old news.
So when the order mirror learns that an order left PENDING / PENDING_AVAILABILITY (an ORDER_CHANGE
notification or the scheduled sync), :func:`follow_order_change` looks at every case about the order:

- an **open draft** (waiting for approval or needing attention) is re-diagnosed with the new facts
  (the same pure :func:`~ghostdesk.diagnosis.diagnose` on the stored message and triage) and rendered
  anew from the macro the new diagnosis selects (e.g. ``order_found.shipped``), keeping the slot values
  the agent edited where the new macro has those slots; the audit log keeps the old text;
- a draft **already sent** that told the buyer "pending" gets a follow-up draft of its own (linked to
  the case and to the sent draft, due ``SlaHours`` from now), unless an open draft about the order
  already carries the news.

Nothing is sent: an agent approves the news like any other reply. A later change that only completes
the facts (the tracking number of an order that just shipped) brings the open drafts up to date again.
Every step can run twice (the mirror's feeds repeat themselves) and changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ghostdesk import desk_metrics
from ghostdesk.aws.dynamo import ConflictError
from ghostdesk.diagnosis import DiagnosisPolicy, diagnose
from ghostdesk.mail.compose import ReplyTarget, thread_references
from ghostdesk.models import BuyerMessage, Case, Diagnosis, LookupResult, OrderFacts, Triage
from ghostdesk.observability import logger
from ghostdesk.orders.amazon import STATUS_UNKNOWN
from ghostdesk.records import CaseRecord, DraftRecord, DraftStatus
from ghostdesk.replies.context import reply_context
from ghostdesk.replies.errors import ReplyError
from ghostdesk.replies.rendered import RenderedReply
from ghostdesk.replies.selection import select_macro
from ghostdesk.review.audit import AuditAction
from ghostdesk.review.automatic import system_entry
from ghostdesk.settings import Settings

if TYPE_CHECKING:
    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
    from ghostdesk.replies.library import MacroLibrary

PENDING_STATUSES = frozenset({"PENDING", "PENDING_AVAILABILITY"})
#: Cases whose reply told the buyer the order is (still) pending.
PENDING_CASES = frozenset({Case.PENDING.value, Case.PENDING_LONG.value, Case.PENDING_AVAILABILITY.value})
OPEN = frozenset({DraftStatus.PENDING_APPROVAL, DraftStatus.NEEDS_ATTENTION})
ANSWERED = frozenset({DraftStatus.SENT, DraftStatus.SENDING})
#: A follow-up's ID is the sent draft's with this suffix: one follow-up per sent reply, however often
#: the news arrives.
FOLLOW_UP_SUFFIX = ".followup"
#: Slots a follow-up takes over from the sent reply when the agent had edited them: how the agent
#: addressed the buyer still fits; a personal note answered the earlier situation and does not.
FOLLOW_UP_KEEPS = ("greeting",)
_ATTEMPTS = 5
#: How a draft that the news left without a fitting macro says so (its ``status_reason`` starts so).
OUT_OF_DATE = "out of date: "
_STATUS_WORDS = {"PENDING": "Pending", "PENDING_AVAILABILITY": "Pending availability (pre-order)"}


class Outcome(StrEnum):
    UPDATED = "updated"  # an open draft was redrafted with the news
    CREATED = "created"  # a follow-up draft was queued after a sent reply
    UNCHANGED = "unchanged"  # already up to date (a repeated notification), or decided meanwhile
    NEEDS_ATTENTION = "needs_attention"  # no macro answers the new facts: an agent has to write it


@dataclass(frozen=True)
class FollowUp:
    draft_id: str
    outcome: Outcome


@dataclass
class FollowUpDeps:
    settings: Settings
    cases: CaseStore
    drafts: DraftStore
    messages: MessageStore
    audit: AuditLog
    library: MacroLibrary
    clock: Callable[[], datetime]


# ------------------------------------------------------------------------------------- the decisions


def order_news(before: OrderFacts, after: OrderFacts) -> str | None:
    """What happened to an order that a waiting reply must reflect, in the audit log's words; None
    when nothing did. Pure.

    The news is an order leaving PENDING / PENDING_AVAILABILITY for a known status, or, once it has,
    the tracking number that the first word of its shipping lacked.
    """
    if after.status in PENDING_STATUSES or after.status == STATUS_UNKNOWN:
        return None
    if before.status in PENDING_STATUSES:
        return f"order left {_STATUS_WORDS[before.status]} → {after.status}"
    if before.status == after.status and after.tracking_number and not before.tracking_number:
        return f"tracking number {after.tracking_number} arrived"
    return None


@dataclass(frozen=True)
class Redraft:
    """A reply drafted again from new order facts: the new diagnosis, and the reply (None with the
    ``problem`` when no macro can answer the new facts)."""

    diagnosis: Diagnosis
    reply: RenderedReply | None
    problem: str | None = None


def redraft(
    message: BuyerMessage,
    triage: Triage,
    original: Diagnosis,
    order: OrderFacts,
    *,
    language: str,
    keep_slots: Mapping[str, str],
    library: MacroLibrary,
    seller_name: str,
    now: datetime,
    policy: DiagnosisPolicy,
) -> Redraft:
    """Diagnose the stored message again with the order's new facts and render the macro it selects.

    The order is offered the way the first diagnosis found it (by order ID, or by the relay alias), so
    the same rules decide. ``keep_slots`` are carried over where the new macro has those slots.
    """
    by_alias = (order,) if original.evidence.get("matched_by") == "relay_alias" else ()
    facts = LookupResult(amazon={order.order_id: order}, by_alias=by_alias)
    # The first diagnosis found this order for the message, so the message is about its status.
    diagnosis = diagnose(message, triage, facts, now, policy, continuing_thread=True)
    if diagnosis.order_id != order.order_id:
        return Redraft(diagnosis, None, f"the message no longer points at order {order.order_id}")
    try:
        macro = select_macro(diagnosis)
        allowed = set(library.slots(macro))
        context = reply_context(diagnosis, message, seller_name=seller_name)
        slots = {name: value for name, value in keep_slots.items() if name in allowed}
        reply = library.render(macro, language, context, slots)
    except ReplyError as exc:
        return Redraft(diagnosis, None, str(exc))
    return Redraft(diagnosis, reply)


def edited_slots(reply: RenderedReply, library: MacroLibrary) -> dict[str, str]:
    """The slot values an agent changed: those that differ from what the macro renders by itself.

    When the defaults cannot be rendered again (the macro is gone, the facts were not stored), no
    value can be told apart from a default, so none is kept and the new macro's defaults apply.
    """
    if reply.context is None:
        return {}
    try:
        defaults = library.render(reply.macro, reply.language, reply.context).slots
    except ReplyError:
        return {}
    return {name: value for name, value in reply.slots.items() if value != defaults.get(name)}


# --------------------------------------------------------------------------------------------- a run


def follow_order_change(before: OrderFacts, after: OrderFacts, deps: FollowUpDeps) -> list[FollowUp]:
    """Bring every reply about this order up to date with the news, if there is news; what was done.

    Raises what the stores raise (the caller's feed retries); a draft that cannot be redrafted is
    marked as needing attention instead of failing the feed.
    """
    news = order_news(before, after)
    if news is None:
        return []
    results: list[FollowUp] = []
    answered: list[tuple[DraftRecord, CaseRecord]] = []
    has_open = False
    for case in deps.cases.by_order(after.order_id):
        for draft in deps.drafts.by_case(case.case_id):
            if draft.status in OPEN:
                has_open = True
                results.append(_bring_up_to_date(draft.draft_id, case, after, news, deps))
            elif draft.status in ANSWERED and draft.case in PENDING_CASES:
                answered.append((draft, case))
    if not has_open:  # else an open draft about the order already carries the news to the buyer
        for draft, case in answered:
            results.append(_follow_up(draft, case, after, news, deps))
    if results:
        logger.info(
            "order news followed up",
            extra={
                "order_id": after.order_id,
                "status": after.status,
                "drafts": {r.draft_id: r.outcome.value for r in results},
            },
        )
    return results


def _policy(deps: FollowUpDeps) -> DiagnosisPolicy:
    return DiagnosisPolicy.from_days(deps.settings.pending_threshold_days)


def _stored_message(message_id: str, deps: FollowUpDeps) -> tuple[BuyerMessage, Triage] | None:
    found = deps.messages.get(message_id)
    if found is None or found[0].message is None or found[0].triage is None:
        return None
    return found[0].message, found[0].triage


def _news_record(
    news: str,
    order: OrderFacts,
    diagnosis: Diagnosis,
    now: datetime,
    earlier: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What the draft shows about the news: every piece of it so far ("left Pending → SHIPPED; tracking
    number ... arrived"), the order's status, when, and the diagnosis the reply now rests on."""
    summary = news
    if earlier and earlier.get("summary") and news not in str(earlier["summary"]):
        summary = f"{earlier['summary']}; {news}"
    return {
        "summary": summary,
        "order_status": order.status,
        "at": now.isoformat(),
        "diagnosis": diagnosis.to_dict(),
    }


def _bring_up_to_date(
    draft_id: str, case: CaseRecord, order: OrderFacts, news: str, deps: FollowUpDeps
) -> FollowUp:
    for _ in range(_ATTEMPTS):
        found = deps.drafts.get(draft_id)
        if found is None or found[0].status not in OPEN:
            return FollowUp(draft_id, Outcome.UNCHANGED)  # decided meanwhile: nothing to redraft
        draft, version = found
        stored = _stored_message(draft.message_id, deps)
        if stored is None:
            logger.warning("follow-up: the buyer's message is no longer stored", extra={"draft_id": draft_id})
            return FollowUp(draft_id, Outcome.UNCHANGED)
        old = RenderedReply.from_dict(draft.reply)
        now = deps.clock()
        result = redraft(
            *stored,
            case.diagnosis,
            order,
            language=draft.language,
            keep_slots=edited_slots(old, deps.library),
            library=deps.library,
            seller_name=deps.settings.sender_name,
            now=now,
            policy=_policy(deps),
        )
        updated, outcome = _redrafted(draft, old, result, news, order, now, deps)
        if updated is None:
            return FollowUp(draft_id, Outcome.UNCHANGED)
        try:
            deps.drafts.save(updated, version)
        except ConflictError:
            continue  # an agent (or another feed) changed it meanwhile: look again
        new = RenderedReply.from_dict(updated.reply)
        changes: dict[str, dict[str, Any]] = {}
        for name, before_value, after_value in (
            ("case", draft.case, updated.case),
            ("macro", f"{old.macro} v{old.version}", f"{new.macro} v{new.version}"),
            ("text", old.text, new.text),
            ("status", draft.status.value, updated.status.value),
            ("status_reason", draft.status_reason, updated.status_reason),
        ):
            if before_value != after_value:
                changes[name] = {"before": before_value, "after": after_value}
        deps.audit.append(
            system_entry(
                updated,
                AuditAction.UPDATED,
                now,
                retention_days=deps.settings.retention_days,
                changes=changes,
                note=news,
                details={"order_status": order.status},
            )
        )
        return FollowUp(draft_id, outcome)
    raise ConflictError(f"draft {draft_id} kept changing while it was brought up to date")


def _redrafted(
    draft: DraftRecord,
    old: RenderedReply,
    result: Redraft,
    news: str,
    order: OrderFacts,
    now: datetime,
    deps: FollowUpDeps,
) -> tuple[DraftRecord | None, Outcome]:
    """The draft as the news leaves it, or None when it already says what it should."""
    order_news_record = _news_record(news, order, result.diagnosis, now, draft.order_news)
    if result.reply is None:
        out_of_date = (
            f"{OUT_OF_DATE}{news}, and no reply macro answers that ({result.problem}); "
            "do not send the reply below as it is"
        )
        if draft.status is DraftStatus.NEEDS_ATTENTION and draft.status_reason == out_of_date:
            return None, Outcome.UNCHANGED
        return (
            draft.with_changes(
                status=DraftStatus.NEEDS_ATTENTION,
                status_reason=out_of_date,
                updated_at=now,
                order_news=order_news_record,
            ),
            Outcome.NEEDS_ATTENTION,
        )
    new = result.reply
    if new.macro == old.macro and new.text == old.text and new.html == old.html:
        return None, Outcome.UNCHANGED
    findings = deps.library.check(new)
    status, reason = draft.status, draft.status_reason
    if findings:
        status = DraftStatus.NEEDS_ATTENTION
        reason = "compliance findings: " + ", ".join(f.rule for f in findings)
    elif status is DraftStatus.NEEDS_ATTENTION and (reason or "").startswith(
        ("compliance findings", OUT_OF_DATE)
    ):
        status, reason = DraftStatus.PENDING_APPROVAL, None  # the redraft cured what held it back
    return (
        draft.with_changes(
            case=result.diagnosis.case.value,
            reply=new.to_dict(),
            status=status,
            status_reason=reason,
            updated_at=now,
            order_news=order_news_record,
        ),
        Outcome.UPDATED,
    )


def follow_up_id(sent_draft_id: str) -> str:
    return sent_draft_id + FOLLOW_UP_SUFFIX


def _follow_up(
    sent: DraftRecord, case: CaseRecord, order: OrderFacts, news: str, deps: FollowUpDeps
) -> FollowUp:
    draft_id = follow_up_id(sent.draft_id)
    if deps.drafts.get(draft_id) is not None:
        return FollowUp(draft_id, Outcome.UNCHANGED)
    stored = _stored_message(sent.message_id, deps)
    if stored is None:
        logger.warning(
            "follow-up: the buyer's message is no longer stored", extra={"draft_id": sent.draft_id}
        )
        return FollowUp(draft_id, Outcome.UNCHANGED)
    old = RenderedReply.from_dict(sent.reply)
    kept = {k: v for k, v in edited_slots(old, deps.library).items() if k in FOLLOW_UP_KEEPS}
    now = deps.clock()
    result = redraft(
        *stored,
        case.diagnosis,
        order,
        language=sent.language,
        keep_slots=kept,
        library=deps.library,
        seller_name=deps.settings.sender_name,
        now=now,
        policy=_policy(deps),
    )
    if result.reply is None:
        # Nothing to put in a draft: say so where an agent looking at the case finds it.
        logger.warning(
            "follow-up: no macro answers the news",
            extra={"draft_id": sent.draft_id, "order_status": order.status, "problem": result.problem},
        )
        return FollowUp(draft_id, Outcome.NEEDS_ATTENTION)
    reply = result.reply
    findings = deps.library.check(reply)
    answering = sent.sent_message_ids[0] if sent.sent_message_ids else sent.in_reply_to
    target = ReplyTarget(sent.to, sent.subject, answering, sent.references)
    follow_up = DraftRecord(
        draft_id=draft_id,
        message_id=sent.message_id,
        case_id=sent.case_id,
        status=DraftStatus.NEEDS_ATTENTION if findings else DraftStatus.PENDING_APPROVAL,
        case=result.diagnosis.case.value,
        order_id=sent.order_id,
        to=sent.to,
        subject=sent.subject,
        in_reply_to=answering,
        references=thread_references(target),
        language=reply.language,
        channel=sent.channel,
        reply=reply.to_dict(),
        deadline=now + timedelta(hours=deps.settings.sla_hours),
        created_at=now,
        status_reason=("compliance findings: " + ", ".join(f.rule for f in findings)) if findings else None,
        expires_at=sent.expires_at,
        follow_up_of=sent.draft_id,
        order_news=_news_record(news, order, result.diagnosis, now),
    )
    if not deps.drafts.put_new(follow_up):
        return FollowUp(draft_id, Outcome.UNCHANGED)  # another feed queued it a moment ago
    deps.audit.append(
        system_entry(
            follow_up,
            AuditAction.FOLLOW_UP_CREATED,
            now,
            retention_days=deps.settings.retention_days,
            note=f"{news}; the buyer was told it was pending in the reply of draft {sent.draft_id}",
            details={"follow_up_of": sent.draft_id, "order_status": order.status},
        )
    )
    desk_metrics.draft_queued()
    logger.info(
        "follow-up draft queued",
        extra={"draft_id": draft_id, "follow_up_of": sent.draft_id, "macro": reply.macro},
    )
    return FollowUp(draft_id, Outcome.CREATED)
