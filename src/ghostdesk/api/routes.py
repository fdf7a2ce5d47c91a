"""The agent API: what agents and the console read and do, as HTTP routes (API Gateway HTTP API v2).

In AWS a Cognito JWT authorizer guards the routes; the local stack's gateway stands in for it. The
handler checks again that the request arrived with verified claims, so a misconfigured route can never
serve drafts to an anonymous caller.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import BadRequestError, UnauthorizedError

from ghostdesk.pipeline import wiring
from ghostdesk.records import DraftRecord, DraftStatus

app = APIGatewayHttpResolver()

MAX_LIMIT = 500


def _require_agent() -> dict[str, Any]:
    context = app.current_event.request_context
    claims: dict[str, Any] = {}
    authorizer = context.authorizer
    if authorizer is not None:
        claims = dict(authorizer.jwt_claim or {})
    if not claims.get("sub"):
        raise UnauthorizedError("Unauthorized")
    return claims


def draft_summary(draft: DraftRecord) -> dict[str, Any]:
    """A draft as the API shows it (the contract: id, status, case, order_id, to, subject, body, deadline)."""
    return {
        "id": draft.draft_id,
        "status": draft.status.value,
        "case": draft.case,
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
        "created_at": draft.created_at.isoformat(),
    }


@app.get("/api/drafts")
def list_drafts() -> dict[str, Any]:
    _require_agent()
    params = app.current_event.query_string_parameters or {}
    raw_status = params.get("status", DraftStatus.PENDING_APPROVAL.value)
    try:
        statuses = [DraftStatus(s) for s in raw_status.split(",") if s]
    except ValueError as exc:
        known = ", ".join(s.value for s in DraftStatus)
        raise BadRequestError(f"unknown status in {raw_status!r}; use one of {known}") from exc
    try:
        limit = min(MAX_LIMIT, max(1, int(params.get("limit", "100"))))
    except ValueError as exc:
        raise BadRequestError("limit must be a number") from exc
    store = wiring.draft_store()
    drafts: list[DraftRecord] = []
    for status in statuses:
        drafts.extend(store.list_by_status(status, limit=limit))
    drafts.sort(key=lambda d: d.deadline)
    return {"drafts": [draft_summary(d) for d in drafts[:limit]]}


@app.not_found
def not_found(_exc: Exception) -> Response[str]:
    return Response(
        status_code=404, content_type=content_types.APPLICATION_JSON, body='{"message":"Not Found"}'
    )
