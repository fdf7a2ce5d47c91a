"""The agent API and console: what agents read and do, as HTTP routes (API Gateway HTTP API, payload v2).

In AWS a Cognito JWT authorizer guards ``/api/*``; the local stack's gateway stands in for it with the
agent token. Every ``/api`` route checks again that the request arrived with verified claims, so a
misconfigured route can never serve drafts to an anonymous caller. The console's page and files
(``GET /`` and ``GET /console/<file>``) are public: they hold no data, and every call they make goes to
``/api`` with the agent's token. ``POST /webhooks/{channel}`` carries no agent token either: each request
is verified by its channel's HMAC signature (:mod:`ghostdesk.webhooks`).

Routes stay thin: parse the request, call one action of :mod:`ghostdesk.review` or
:mod:`ghostdesk.evidence`, shape the answer. Domain errors become HTTP answers in
:mod:`ghostdesk.api.errors`.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import UnauthorizedError

from ghostdesk.api import assets
from ghostdesk.api.errors import HANDLED, error_answer
from ghostdesk.pipeline import wiring
from ghostdesk.records import DraftRecord, DraftStatus
from ghostdesk.review.audit import Actor
from ghostdesk.review.errors import InvalidRequest
from ghostdesk.review.views import draft_detail, draft_summary

app = APIGatewayHttpResolver()

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
DEFAULT_STATUSES = (DraftStatus.PENDING_APPROVAL,)
# Agents' data is personal data: never kept by a browser or a proxy.
_NO_STORE = {"Cache-Control": "no-store"}

__all__ = ["app", "draft_summary"]


# -- plumbing ------------------------------------------------------------------------------------------


def _require_agent() -> Actor:
    context = app.current_event.request_context
    claims: dict[str, Any] = {}
    authorizer = context.authorizer
    if authorizer is not None:
        claims = dict(authorizer.jwt_claim or {})
    if not claims.get("sub"):
        raise UnauthorizedError("Unauthorized")
    return Actor.from_claims(claims)


def _json(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        headers={**_NO_STORE, **(headers or {})},
    )


def _body() -> dict[str, Any]:
    raw = app.current_event.decoded_body
    if not raw:
        return {}
    try:
        parsed = json.loads(raw)
    except ValueError:
        raise InvalidRequest("the request body must be JSON") from None
    if not isinstance(parsed, dict):
        raise InvalidRequest("the request body must be a JSON object")
    return parsed


def _query(name: str) -> str | None:
    return (app.current_event.query_string_parameters or {}).get(name)


def _detail(draft: DraftRecord, version: int) -> dict[str, Any]:
    case = wiring.case_store().get(draft.case_id)
    found = wiring.message_store().get(draft.message_id)
    return draft_detail(
        draft,
        version,
        message=found[0] if found else None,
        case=case,
        library=wiring.macro_library(),
    )


def domain_error(exc: Exception) -> Response[str]:
    status, body, headers = error_answer(exc)
    return _json(body, status, headers)


app.exception_handler(list(HANDLED))(domain_error)  # (Powertools' decorator is untyped)


@app.not_found
def not_found(_exc: Exception) -> Response[str]:
    return _json({"message": "Not Found"}, 404)


# -- the queue and one draft -----------------------------------------------------------------------------


@app.get("/api/drafts")
def list_drafts() -> Response[str]:
    """``?status=a,b`` (default pending_approval), ``?limit=`` (1-500), ``?cursor=`` from the last page."""
    from ghostdesk.review.queue import parse_statuses, queue_page

    _require_agent()
    statuses = parse_statuses(_query("status"), DEFAULT_STATUSES)
    raw_limit = _query("limit") or str(DEFAULT_LIMIT)
    try:
        limit = min(MAX_LIMIT, max(1, int(raw_limit)))
    except ValueError:
        raise InvalidRequest("limit must be a number") from None
    page = queue_page(wiring.draft_store(), statuses, limit=limit, cursor=_query("cursor") or None)
    return _json(
        {
            "drafts": [draft_summary(d) for d in page.drafts],
            "next_cursor": page.next_cursor,
            "statuses": [s.value for s in statuses],
            "now": wiring.utc_now().isoformat(),
        }
    )


@app.get("/api/drafts/<draft_id>")
def get_draft(draft_id: str) -> Response[str]:
    from ghostdesk.review.actions import load

    _require_agent()
    draft, version = load(draft_id, wiring.review_deps())
    return _json(_detail(draft, version))


@app.route("/api/drafts/<draft_id>/slots", method=["PUT", "PATCH"])
def edit_slots(draft_id: str) -> Response[str]:
    """Body: ``{"slots": {"greeting": "...", "personal_note": "..."}, "revision": 3}`` (revision optional)."""
    from ghostdesk.review.actions import edit_slots as edit

    actor = _require_agent()
    body = _body()
    slots = body.get("slots")
    if not isinstance(slots, dict) or not all(isinstance(v, str) for v in slots.values()):
        raise InvalidRequest('send the new slot values as {"slots": {"name": "text", ...}}')
    revision = body.get("revision")
    if revision is not None and (not isinstance(revision, int) or isinstance(revision, bool)):
        raise InvalidRequest("revision must be the whole number the draft was read with")
    outcome = edit(draft_id, slots, actor, wiring.review_deps(), expected_version=revision)
    return _json(_detail(outcome.draft, outcome.version))


# -- decisions -------------------------------------------------------------------------------------------


@app.post("/api/drafts/<draft_id>/approve")
def approve_draft(draft_id: str) -> Response[str]:
    """Send the reply (once). 200 with ``result`` ``sent`` or ``already_sent``."""
    from ghostdesk.review.actions import approve

    actor = _require_agent()
    outcome = approve(draft_id, actor, wiring.review_deps())
    if outcome.changed:
        _measure_time_to_approval(outcome.draft)
    detail = _detail(outcome.draft, outcome.version)
    detail["result"] = "sent" if outcome.changed else "already_sent"
    return _json(detail)


def _measure_time_to_approval(draft: DraftRecord) -> None:
    """``TimeToApproval``: from the buyer's mail reaching us to this reply leaving SES. A follow-up
    answers news, not the mail, so it is not counted. Never fails the answer to the agent."""
    from ghostdesk import desk_metrics
    from ghostdesk.observability import logger

    if draft.follow_up_of is not None or draft.sent_at is None:
        return
    try:
        found = wiring.message_store().get(draft.message_id)
    except Exception:
        logger.warning("time to approval not measured", extra={"draft_id": draft.draft_id}, exc_info=True)
        return
    if found is not None:
        desk_metrics.reply_sent(found[0].received_at, draft.sent_at)


@app.post("/api/drafts/<draft_id>/reject")
def reject_draft(draft_id: str) -> Response[str]:
    """Body: ``{"reason": "..."}`` (required: it is kept as evidence)."""
    from ghostdesk.review.actions import reject

    actor = _require_agent()
    reason = _body().get("reason")
    if reason is not None and not isinstance(reason, str):
        raise InvalidRequest("reason must be text")
    outcome = reject(draft_id, actor, wiring.review_deps(), reason=reason or "")
    return _json(_detail(outcome.draft, outcome.version))


@app.post("/api/drafts/<draft_id>/no-response-needed")
def no_response_needed(draft_id: str) -> Response[str]:
    """Body (optional): ``{"reason": "..."}``."""
    from ghostdesk.review.actions import mark_no_response_needed

    actor = _require_agent()
    reason = _body().get("reason")
    if reason is not None and not isinstance(reason, str):
        raise InvalidRequest("reason must be text")
    outcome = mark_no_response_needed(draft_id, actor, wiring.review_deps(), reason=reason or "")
    return _json(_detail(outcome.draft, outcome.version))


# -- evidence and audit ----------------------------------------------------------------------------------


def _wants_document() -> bool:
    requested = (_query("format") or "").lower()
    if requested:
        if requested not in {"json", "text", "markdown", "md"}:
            raise InvalidRequest("format must be json or text")
        return requested != "json"
    accept = (app.current_event.headers or {}).get("accept", "").lower()
    first = accept.split(",", 1)[0].strip()
    return first.startswith(("text/markdown", "text/plain"))


@app.get("/api/cases/<case_id>/evidence")
def case_evidence(case_id: str) -> Response[str]:
    """The claim timeline of a case (or an Amazon order ID): JSON, or ``?format=text`` for Markdown."""
    from ghostdesk.evidence import EvidenceSources, collect_evidence, render_document

    _require_agent()
    sources = EvidenceSources(
        cases=wiring.case_store(),
        messages=wiring.message_store(),
        drafts=wiring.draft_store(),
        audit=wiring.audit_log(),
    )
    evidence = collect_evidence(case_id, sources, now=wiring.utc_now())
    if _wants_document():
        return Response(
            status_code=200,
            content_type="text/markdown; charset=utf-8",
            body=render_document(evidence),
            headers=dict(_NO_STORE),
        )
    return _json(evidence.to_dict())


@app.get("/api/audit")
def audit_entries() -> Response[str]:
    """``?draft_id=``: every recorded action on the draft, oldest first."""
    _require_agent()
    draft_id = (_query("draft_id") or "").strip()
    if not draft_id:
        raise InvalidRequest("say which draft: /api/audit?draft_id=<id>")
    entries = wiring.audit_log().for_draft(draft_id)
    return _json({"draft_id": draft_id, "entries": [e.to_dict() for e in entries]})


# -- webhooks (no agent: each request is verified by its HMAC signature instead) -------------------------


@app.post("/webhooks/<channel>")
def webhook(channel: str) -> Response[str]:
    """A buyer message from another channel or a help-desk form (:mod:`ghostdesk.webhooks`): 202 when
    taken in, 200 for a duplicate delivery, 401 when unsigned, wrongly signed, stale or replayed."""
    from ghostdesk.webhooks.receive import receive_webhook

    event = app.current_event
    raw = event.body or ""
    body = base64.b64decode(raw) if event.is_base64_encoded else raw.encode("utf-8")
    outcome = receive_webhook(channel, dict(event.headers or {}), body, wiring.webhook_deps())
    return _json(outcome.to_dict(), 200 if outcome.duplicate else 202)


# -- the console ------------------------------------------------------------------------------------------


def _asset(name: str) -> Response[str]:
    found = assets.asset(name)
    if found is None:
        return _json({"message": "Not Found"}, 404)
    text, content_type = found
    return Response(
        status_code=200,
        content_type=content_type,
        body=text,
        headers={**assets.SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )


@app.get("/")
def console_page() -> Response[str]:
    return _asset(assets.INDEX)


@app.get("/console/<name>")
def console_file(name: str) -> Response[str]:
    return _asset(name)
