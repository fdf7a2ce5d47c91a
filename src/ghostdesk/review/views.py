"""The JSON an agent sees: a draft in the queue, and one draft with everything needed to decide on it.

A draft in the list keeps the contract of DESIGN.md (``id``, ``status``, ``case``, ``order_id``, ``to``,
``subject``, ``body``, ``deadline``); the detail adds the buyer's message, the diagnosis and its
evidence, the order facts, the editable slots, the macro and its version, and the compliance findings,
computed afresh so the agent sees what approval would check.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ghostdesk.models import Diagnosis
from ghostdesk.records import CaseRecord, DraftRecord, MessageRecord
from ghostdesk.replies.rendered import RenderedReply

if TYPE_CHECKING:
    from ghostdesk.replies.library import MacroLibrary

# What each case means, in the words an agent reads on the desk.
CASE_TITLES: dict[str, str] = {
    "pending": "Pending: Amazon is still verifying the order",
    "pending_long": "Pending for unusually long",
    "pending_availability": "Pre-order waiting for release",
    "order_found": "Order found",
    "ghost_no_order_id": "Ghost: no order ID given",
    "ghost_not_found": "Ghost: order ID not found for this seller",
    "ghost_wrong_identifier": "Ghost: a tracking or other shop's number instead of an order ID",
    "ghost_other_channel": "Ghost: placed on another channel",
    "not_order_status": "Not about an order's status",
}


def draft_summary(draft: DraftRecord) -> dict[str, Any]:
    """A draft as the queue shows it; the contract's fields (id, status, case, order_id, to, subject,
    body, deadline) and what the console shows beside them."""
    return {
        "id": draft.draft_id,
        "status": draft.status.value,
        "case": draft.case,
        "case_title": CASE_TITLES.get(draft.case, draft.case),
        "order_id": draft.order_id,
        "to": draft.to,
        "subject": draft.subject,
        "body": draft.body,
        "html": draft.reply.get("html"),
        "deadline": draft.deadline.isoformat(),
        "language": draft.language,
        "channel": draft.channel,
        "macro": draft.reply.get("macro"),
        "macro_version": draft.reply.get("version"),
        "message_id": draft.message_id,
        "case_id": draft.case_id,
        "created_at": draft.created_at.isoformat(),
        "updated_at": draft.updated_at.isoformat() if draft.updated_at else None,
        "status_reason": draft.status_reason,
        "decided_by": draft.decided_by,
        "decided_at": draft.decided_at.isoformat() if draft.decided_at else None,
        "sent_at": draft.sent_at.isoformat() if draft.sent_at else None,
        "escalated_at": draft.escalated_at.isoformat() if draft.escalated_at else None,
        "breached_at": draft.breached_at.isoformat() if draft.breached_at else None,
        "follow_up_of": draft.follow_up_of,
        "order_news": _order_news(draft),
    }


def _order_news(draft: DraftRecord) -> dict[str, Any] | None:
    """What changed about the order since the buyer wrote, when a follow-up redrafted this reply."""
    news = draft.order_news
    if not news:
        return None
    return {"summary": news.get("summary"), "order_status": news.get("order_status"), "at": news.get("at")}


def draft_detail(
    draft: DraftRecord,
    version: int,
    *,
    message: MessageRecord | None,
    case: CaseRecord | None,
    library: MacroLibrary,
) -> dict[str, Any]:
    """One draft with everything an agent needs beside it; ``revision`` guards edits against races."""
    reply = RenderedReply.from_dict(draft.reply)
    detail = draft_summary(draft)
    case = _as_redrafted(case, draft)
    detail.update(
        {
            "revision": version,
            "in_reply_to": draft.in_reply_to,
            "sent_message_ids": list(draft.sent_message_ids),
            "macro_title": _macro_title(library, reply.macro),
            "macro_current_version": _current_version(library, reply.macro),
            "slots": _slots(library, reply),
            "findings": [
                {"rule": f.rule, "text": f.text, "explanation": f.explanation} for f in library.check(reply)
            ],
            "message": _message(message),
            "diagnosis": _diagnosis(case),
            "order": case.diagnosis.order.to_dict() if case and case.diagnosis.order else None,
            "evidence_url": f"/api/cases/{draft.case_id}/evidence",
        }
    )
    return detail


def _as_redrafted(case: CaseRecord | None, draft: DraftRecord) -> CaseRecord | None:
    """The diagnosis the draft's reply now rests on: the case's own, or the one a follow-up made when
    the order moved on (the case record keeps what was known when the buyer wrote, as evidence)."""
    news = draft.order_news or {}
    if case is None or not news.get("diagnosis"):
        return case
    diagnosis = Diagnosis.from_dict(news["diagnosis"])
    at = datetime.fromisoformat(news["at"]) if news.get("at") else case.created_at
    return replace(case, diagnosis=diagnosis, created_at=at)


def _macro_title(library: MacroLibrary, name: str) -> str | None:
    spec = library.catalog.macros.get(name)
    return spec.title if spec else None


def _current_version(library: MacroLibrary, name: str) -> int | None:
    spec = library.catalog.macros.get(name)
    return spec.version if spec else None


def _slots(library: MacroLibrary, reply: RenderedReply) -> list[dict[str, Any]]:
    spec = library.catalog.macros.get(reply.macro)
    names = spec.slots if spec else tuple(reply.slots)
    slots = []
    for name in names:
        rule = library.catalog.slots.get(name)
        slots.append(
            {
                "name": name,
                "label": name.replace("_", " ").capitalize(),
                "description": rule.description if rule else "",
                "value": reply.slots.get(name, ""),
                "max_length": rule.max_length if rule else None,
                "single_line": rule.single_line if rule else True,
            }
        )
    return slots


def _message(record: MessageRecord | None) -> dict[str, Any] | None:
    if record is None or record.message is None:
        return None
    message = record.message
    return {
        "received_at": record.received_at.isoformat(),
        "date": message.date.isoformat() if message.date else None,
        "subject": message.subject,
        "from_name": message.from_name,
        "from_address": message.from_address,
        "reply_address": message.reply_address,
        "channel": message.channel.value,
        "marketplace": message.marketplace,
        "language": message.language,
        "fresh_text": message.fresh_text,
        "text": message.text,
        "quoted_text": message.quoted_text,
        "attachments": [
            {"filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in message.attachments
        ],
        "defects": list(message.defects),
        "acknowledgement": {
            "status": record.ack_status.value if record.ack_status else None,
            "sent_at": record.ack_sent_at.isoformat() if record.ack_sent_at else None,
            "reason": record.ack_reason,
            "message_id": record.ack_message_id,
        },
    }


def _diagnosis(case: CaseRecord | None) -> dict[str, Any] | None:
    if case is None:
        return None
    diagnosis = case.diagnosis.to_dict()
    diagnosis.pop("order", None)  # shown on its own as "order"
    diagnosis["case_title"] = CASE_TITLES.get(diagnosis["case"], diagnosis["case"])
    diagnosis["diagnosed_at"] = case.created_at.isoformat()
    diagnosis["case_id"] = case.case_id
    return diagnosis
