"""The agent API under moto ``mock_aws``: every route, who may call it, and what an agent's action does.

Given demo buyer emails taken through the real pipeline steps (ingest, acknowledge, diagnose, draft)
into the template's tables, the ApiFunction handler is called with API Gateway v2 events (and, for the
authorizer, through the local gateway over HTTP), as an agent's console would call it.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlencode

import pytest
from botocore.stub import Stubber

from ghostdesk.aws import clients
from ghostdesk.aws.audit import AuditLog
from ghostdesk.aws.tables import DraftStore, MessageStore
from ghostdesk.local.gateway import Integration, LocalHttpApi
from ghostdesk.local.lambda_runtime import InvocationResult, LambdaError
from ghostdesk.local.resources import FunctionSpec
from ghostdesk.pipeline import wiring
from ghostdesk.records import DraftStatus
from ghostdesk.review import actions
from ghostdesk.review.audit import Actor
from ghostdesk.review.errors import ApprovalInProgress
from tests.integration.conftest import EVENTS, Stack
from tests.integration.mail_in import receive

AGENT = {"sub": "7d2f3c1a-agent-anna", "email": "anna@shop.example", "cognito:username": "anna"}
TOKEN = "agent-token-for-tests"


# -- the world: demo mail through the pipeline -----------------------------------------------------------


@dataclass
class Desk:
    stack: Stack
    api: Callable[[dict[str, Any]], dict[str, Any]]
    drafts: dict[str, str]  # demo file -> draft ID

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        query: dict[str, str] | None = None,
        claims: dict[str, str] | None = AGENT,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any, dict[str, str]]:
        response = self.api(api_event(method, path, body=body, query=query, claims=claims, headers=headers))
        response_headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        text = response.get("body") or ""
        if response_headers.get("content-type", "").startswith("application/json"):
            return response["statusCode"], json.loads(text), response_headers
        return response["statusCode"], text, response_headers

    def draft_store(self) -> DraftStore:
        return DraftStore(self.stack.client("dynamodb"), self.stack.resources.tables["DraftsTable"])

    def audit(self) -> AuditLog:
        return AuditLog(self.stack.client("dynamodb"), self.stack.resources.tables["AuditTable"])

    def replies(self) -> list[EmailMessage]:
        """What SES sent that is not an acknowledgement: the agents' approved replies."""
        return [m for m in self.stack.sent_emails() if m["Auto-Submitted"] is None]


def api_event(
    method: str,
    path: str,
    *,
    body: Any = None,
    query: dict[str, str] | None = None,
    claims: dict[str, str] | None = AGENT,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An API Gateway HTTP API (v2) event, shaped like events/api-list-drafts.json."""
    event: dict[str, Any] = json.loads((EVENTS / "api-list-drafts.json").read_text())
    event["routeKey"] = f"{method} {path}"
    event["rawPath"] = path
    event["requestContext"]["http"]["method"] = method
    event["requestContext"]["http"]["path"] = path
    event["rawQueryString"] = urlencode(query or {})
    if query:
        event["queryStringParameters"] = dict(query)
    else:
        event.pop("queryStringParameters", None)
    event["headers"].update(headers or {})
    if body is not None:
        event["body"] = body if isinstance(body, str) else json.dumps(body)
        event["headers"]["content-type"] = "application/json"
    if claims is None:
        del event["requestContext"]["authorizer"]
    else:
        event["requestContext"]["authorizer"]["jwt"]["claims"] = dict(claims)
    return event


NOW = datetime.now(UTC)
# Received so that the deadlines (24 h later) fall: 04 overdue, 01 in 2 h, 03 in 20 h.
MAIL = {
    "01-pending-us.eml": ("sesdemo01", NOW - timedelta(hours=22)),
    "03-pending-long-us.eml": ("sesdemo03", NOW - timedelta(hours=4)),
    "04-unshipped-fr.eml": ("sesdemo04", NOW - timedelta(hours=25)),
}


@pytest.fixture
def desk(stack: Stack) -> Desk:
    stack.use_function("DiagnoseFunction")  # its environment names every table the steps need
    for name, (ses_id, received_at) in MAIL.items():
        receive(stack, name, ses_id=ses_id, received_at=received_at)
    api = stack.use_function("ApiFunction")
    return Desk(stack, api, {name: f"d-{ses_id}" for name, (ses_id, _) in MAIL.items()})


# -- the queue ---------------------------------------------------------------------------------------


def test_the_queue_lists_waiting_drafts_most_urgent_first(desk: Desk) -> None:
    status, body, headers = desk.call("GET", "/api/drafts")

    assert status == 200
    assert [d["id"] for d in body["drafts"]] == [
        desk.drafts["04-unshipped-fr.eml"],
        desk.drafts["01-pending-us.eml"],
        desk.drafts["03-pending-long-us.eml"],
    ]
    first = body["drafts"][0]
    assert {"id", "status", "case", "order_id", "to", "subject", "body", "deadline"} <= set(first)
    assert first["status"] == "pending_approval"
    assert first["order_id"] == "303-7741205-8830467"
    assert datetime.fromisoformat(first["deadline"]) < datetime.fromisoformat(body["now"])  # overdue
    assert body["next_cursor"] is None
    assert headers["cache-control"] == "no-store"


def test_the_queue_pages_with_a_cursor_without_skipping_or_repeating(desk: Desk) -> None:
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(5):
        query = {"limit": "2", "status": "pending_approval,needs_attention"}
        if cursor:
            query["cursor"] = cursor
        status, body, _ = desk.call("GET", "/api/drafts", query=query)
        assert status == 200
        assert len(body["drafts"]) <= 2
        seen += [d["id"] for d in body["drafts"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [
        desk.drafts["04-unshipped-fr.eml"],
        desk.drafts["01-pending-us.eml"],
        desk.drafts["03-pending-long-us.eml"],
    ]


def test_the_queue_filters_by_status_and_refuses_unknown_ones(desk: Desk) -> None:
    desk.call("POST", f"/api/drafts/{desk.drafts['03-pending-long-us.eml']}/reject", body={"reason": "dup"})

    _, rejected, _ = desk.call("GET", "/api/drafts", query={"status": "rejected"})
    _, waiting, _ = desk.call("GET", "/api/drafts")
    status, error, _ = desk.call("GET", "/api/drafts", query={"status": "lost"})
    bad_cursor, _, _ = desk.call("GET", "/api/drafts", query={"cursor": "not-a-cursor"})

    assert [d["id"] for d in rejected["drafts"]] == [desk.drafts["03-pending-long-us.eml"]]
    assert desk.drafts["03-pending-long-us.eml"] not in [d["id"] for d in waiting["drafts"]]
    assert status == 400
    assert "pending_approval" in error["message"]
    assert bad_cursor == 400


# -- one draft -------------------------------------------------------------------------------------------


def test_one_draft_shows_message_diagnosis_order_slots_macro_and_findings(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]

    status, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")

    assert status == 200
    assert draft["id"] == draft_id
    assert "stuck on Pending" in draft["message"]["fresh_text"]
    assert draft["message"]["acknowledgement"]["status"] == "sent"
    assert draft["diagnosis"]["case"] == draft["case"]
    assert draft["diagnosis"]["evidence"]["reason"]
    assert draft["order"]["order_id"] == "113-4829175-6031482"
    assert draft["order"]["status"] == "PENDING"
    assert draft["macro"].startswith("pending.")
    assert draft["macro_version"] >= 1
    assert draft["macro_title"]
    assert [s["name"] for s in draft["slots"]] == ["greeting", "personal_note"]
    assert draft["slots"][0]["value"] in draft["body"]
    assert draft["findings"] == []
    assert isinstance(draft["revision"], int)
    assert draft["evidence_url"] == f"/api/cases/{draft['case_id']}/evidence"


def test_an_unknown_draft_is_404(desk: Desk) -> None:
    status, body, _ = desk.call("GET", "/api/drafts/d-nothing-here")

    assert status == 404
    assert body["code"] == "not_found"


# -- editing ---------------------------------------------------------------------------------------------


def test_editing_a_slot_changes_the_draft_and_records_who_changed_what(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    _, before, _ = desk.call("GET", f"/api/drafts/{draft_id}")

    status, after, _ = desk.call(
        "PUT",
        f"/api/drafts/{draft_id}/slots",
        body={
            "slots": {"personal_note": "I will keep an eye on it for you."},
            "revision": before["revision"],
        },
    )

    assert status == 200
    assert "I will keep an eye on it for you." in after["body"]
    assert after["revision"] == before["revision"] + 1
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    (entry,) = audit["entries"]
    assert entry["action"] == "edited"
    assert entry["actor"]["email"] == "anna@shop.example"
    assert entry["changes"]["slots.personal_note"] == {
        "before": "",
        "after": "I will keep an eye on it for you.",
    }
    assert datetime.fromisoformat(entry["at"]) > NOW


def test_an_edit_that_breaks_amazons_rules_is_refused_with_the_findings_and_not_saved(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]

    status, error, _ = desk.call(
        "PATCH",
        f"/api/drafts/{draft_id}/slots",
        body={"slots": {"personal_note": "Call us at +1 206 555 0100 or visit www.shop.example"}},
    )

    assert status == 422
    assert error["code"] == "compliance"
    assert {f["rule"] for f in error["findings"]} >= {"phone_number", "external_link"}
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert "555 0100" not in draft["body"]
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    assert audit["entries"] == []


def test_an_edit_of_locked_wording_a_too_long_slot_or_a_stale_revision_is_refused(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")

    locked = desk.call("PUT", f"/api/drafts/{draft_id}/slots", body={"slots": {"body": "anything"}})
    too_long = desk.call("PUT", f"/api/drafts/{draft_id}/slots", body={"slots": {"greeting": "Hi " * 100}})
    desk.call("PUT", f"/api/drafts/{draft_id}/slots", body={"slots": {"greeting": "Hi Emily,"}})
    stale = desk.call(
        "PUT",
        f"/api/drafts/{draft_id}/slots",
        body={"slots": {"greeting": "Hello again,"}, "revision": draft["revision"]},
    )
    not_json = desk.call("PUT", f"/api/drafts/{draft_id}/slots", body="{not json")

    assert (locked[0], locked[1]["code"]) == (422, "locked_text")
    assert (too_long[0], too_long[1]["code"]) == (422, "slot_value")
    assert (stale[0], stale[1]["code"]) == (409, "stale")
    assert not_json[0] == 400


# -- approving -------------------------------------------------------------------------------------------


def test_approving_sends_the_reply_threaded_from_the_approved_sender_without_auto_submitted(
    desk: Desk,
) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    desk.call(
        "PUT", f"/api/drafts/{draft_id}/slots", body={"slots": {"personal_note": "Thank you for waiting."}}
    )

    status, sent, _ = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert status == 200
    assert sent["result"] == "sent"
    assert sent["status"] == "sent"
    assert sent["decided_by"] == "anna@shop.example"
    (reply,) = desk.replies()
    assert reply["To"] == "abcd1234efgh5678@marketplace.amazon.com"
    assert reply["From"].addresses[0].addr_spec == desk.stack.resources.parameters["SenderAddress"]
    assert reply["Auto-Submitted"] is None
    assert reply["In-Reply-To"] == "<0100019000demoabcd12-0@email.amazonses.com>"
    assert "<0100019000demoabcd12-0@email.amazonses.com>" in reply["References"]
    assert reply["Subject"].startswith("Re: ")
    assert "Thank you for waiting." in reply.get_body(preferencelist=("plain",)).get_content()
    # A buyer's answer to the reply is recognised as part of the thread.
    messages = MessageStore(desk.stack.client("dynamodb"), desk.stack.resources.tables["MessagesTable"])
    assert sent["sent_message_ids"]
    assert all(messages.sent_reply_exists(i) for i in sent["sent_message_ids"])
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    assert [e["action"] for e in audit["entries"]] == ["edited", "approved", "sent"]
    assert audit["entries"][2]["details"]["text"] == sent["body"]


def test_approving_twice_sends_once(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]

    first = desk.call("POST", f"/api/drafts/{draft_id}/approve")
    second = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert (first[0], first[1]["result"]) == (200, "sent")
    assert (second[0], second[1]["result"]) == (200, "already_sent")
    assert len(desk.replies()) == 1
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    assert [e["action"] for e in audit["entries"]] == ["approved", "sent"]


@pytest.fixture
def atomic_conditional_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB evaluates a condition and writes atomically per item; moto checks, then writes, with
    no lock. One lock around moto's write makes it as atomic as the real service for this test."""
    from moto.dynamodb.models import DynamoDBBackend

    lock = threading.Lock()
    original = DynamoDBBackend.put_item

    def put_item(self: Any, *args: Any, **kwargs: Any) -> Any:
        with lock:
            return original(self, *args, **kwargs)

    monkeypatch.setattr(DynamoDBBackend, "put_item", put_item)


def test_two_agents_approving_at_the_same_moment_send_one_reply(
    desk: Desk, atomic_conditional_writes: None
) -> None:
    """Both read the draft while it waits, both try to claim it: exactly one sends."""
    draft_id = desk.drafts["01-pending-us.eml"]
    deps = wiring.review_deps()
    both_read = threading.Barrier(2, timeout=10)
    store = deps.drafts
    original_get = store.get
    first_reads: set[int] = set()

    def get(draft: str) -> Any:
        found = original_get(draft)
        me = threading.get_ident()
        if me not in first_reads:
            first_reads.add(me)
            both_read.wait()  # neither claims before both have seen "pending_approval"
        return found

    store.get = get  # type: ignore[method-assign]
    outcomes: list[Any] = []

    def approve(sub: str) -> None:
        try:
            outcomes.append(actions.approve(draft_id, Actor(sub=sub, email=f"{sub}@shop.example"), deps))
        except Exception as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=approve, args=(name,)) for name in ("anna", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(desk.replies()) == 1
    sent = [o for o in outcomes if isinstance(o, actions.Outcome) and o.changed]
    others = [o for o in outcomes if o not in sent]
    assert len(sent) == 1
    assert len(others) == 1
    assert isinstance(others[0], ApprovalInProgress) or (
        isinstance(others[0], actions.Outcome) and not others[0].changed
    )
    final, _ = desk.draft_store().get(draft_id) or (None, 0)
    assert final is not None
    assert final.status is DraftStatus.SENT


def test_a_draft_with_findings_cannot_be_approved(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    store = desk.draft_store()
    found = store.get(draft_id)
    assert found is not None
    draft, version = found
    tampered = dict(draft.reply, text=draft.reply["text"] + "\nLeave us 5 stars and get 10% off!")
    store.save(draft.with_changes(reply=tampered), version)

    status, error, _ = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert status == 409
    assert error["code"] == "not_sendable"
    assert {f["rule"] for f in error["findings"]} & {"feedback_incentive", "marketing"}
    assert desk.replies() == []
    _, shown, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert shown["status"] == "pending_approval"
    assert shown["findings"]


def test_ses_throttling_sends_nothing_answers_503_and_the_draft_waits_again(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    ses = clients.client("ses")
    with Stubber(ses) as stub:
        for _ in range(5):  # the client's standard retry mode tries five times
            stub.add_client_error(
                "send_raw_email",
                service_error_code="Throttling",
                service_message="Maximum sending rate exceeded.",
            )
        status, error, headers = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert status == 503
    assert error["code"] == "retry_later"
    assert int(headers["retry-after"]) > 0
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert draft["status"] == "pending_approval"
    assert desk.replies() == []
    retried, sent, _ = desk.call("POST", f"/api/drafts/{draft_id}/approve")
    assert (retried, sent["status"]) == (200, "sent")
    assert len(desk.replies()) == 1


def test_when_ses_fails_without_saying_whether_it_sent_the_draft_is_put_aside_not_resent(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    with Stubber(clients.client("ses")) as stub:
        for _ in range(5):
            stub.add_client_error(
                "send_raw_email", service_error_code="InternalFailure", http_status_code=500
            )
        status, error, _ = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert (status, error["code"]) == (502, "send_failed")
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert draft["status"] == "needs_attention"
    assert "check whether the buyer received" in draft["status_reason"]
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    assert [e["action"] for e in audit["entries"]] == ["approved", "send_failed"]


def test_an_approval_interrupted_mid_send_is_not_sent_again_by_a_second_click(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    store = desk.draft_store()
    found = store.get(draft_id)
    assert found is not None
    draft, version = found
    now = datetime.now(UTC)
    version = store.save(draft.with_changes(status=DraftStatus.SENDING, decided_at=now), version)

    in_progress = desk.call("POST", f"/api/drafts/{draft_id}/approve")
    sending, _ = store.get(draft_id) or (draft, 0)
    store.save(
        sending.with_changes(decided_at=now - timedelta(minutes=10)), version
    )  # the send never finished
    interrupted = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert (in_progress[0], in_progress[1]["code"]) == (409, "in_progress")
    assert (interrupted[0], interrupted[1]["code"]) == (502, "send_failed")
    assert "interrupted" in interrupted[1]["message"]
    _, shown, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert shown["status"] == "needs_attention"
    assert desk.replies() == []


def test_ses_refusing_the_sender_puts_the_draft_aside_with_the_reason(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    monkeypatch.setenv("GHOSTDESK_SENDER", "support@not-verified.example")  # SES: MessageRejected
    wiring.reset()

    status, error, _ = desk.call("POST", f"/api/drafts/{draft_id}/approve")

    assert status == 502
    assert error["code"] == "send_failed"
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")
    assert draft["status"] == "needs_attention"
    assert "SES refused" in draft["status_reason"]
    assert desk.replies() == []


# -- rejecting, no response needed -----------------------------------------------------------------------


def test_rejecting_keeps_the_reason_sends_nothing_and_cannot_be_approved_after(desk: Desk) -> None:
    draft_id = desk.drafts["03-pending-long-us.eml"]

    missing = desk.call("POST", f"/api/drafts/{draft_id}/reject", body={})
    status, rejected, _ = desk.call(
        "POST", f"/api/drafts/{draft_id}/reject", body={"reason": "answered by phone"}
    )
    again = desk.call("POST", f"/api/drafts/{draft_id}/reject", body={"reason": "answered by phone"})
    approve = desk.call("POST", f"/api/drafts/{draft_id}/approve")
    edit = desk.call("PUT", f"/api/drafts/{draft_id}/slots", body={"slots": {"greeting": "Hi,"}})

    assert missing[0] == 400
    assert status == 200
    assert (rejected["status"], rejected["status_reason"]) == ("rejected", "answered by phone")
    assert again[0] == 200
    assert (approve[0], approve[1]["code"]) == (409, "invalid_transition")
    assert (edit[0], edit[1]["code"]) == (409, "invalid_transition")
    assert desk.replies() == []
    _, audit, _ = desk.call("GET", "/api/audit", query={"draft_id": draft_id})
    assert [(e["action"], e["note"]) for e in audit["entries"]] == [("rejected", "answered by phone")]


def test_marking_no_response_needed_closes_the_draft_without_sending(desk: Desk) -> None:
    draft_id = desk.drafts["04-unshipped-fr.eml"]

    status, closed, _ = desk.call("POST", f"/api/drafts/{draft_id}/no-response-needed")

    assert status == 200
    assert closed["status"] == "no_response_needed"
    assert closed["decided_by"] == "anna@shop.example"
    assert desk.replies() == []
    _, waiting, _ = desk.call("GET", "/api/drafts")
    assert draft_id not in [d["id"] for d in waiting["drafts"]]


# -- evidence and audit ----------------------------------------------------------------------------------


def test_evidence_tells_when_the_buyer_wrote_what_they_were_told_and_who_approved_it(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    desk.call("POST", f"/api/drafts/{draft_id}/approve")
    _, draft, _ = desk.call("GET", f"/api/drafts/{draft_id}")

    status, evidence, _ = desk.call("GET", f"/api/cases/{draft['case_id']}/evidence")
    by_order, same, _ = desk.call("GET", "/api/cases/113-4829175-6031482/evidence")

    assert status == 200
    assert by_order == 200
    assert same["case_ids"] == evidence["case_ids"]
    assert evidence["order_id"] == "113-4829175-6031482"
    assert evidence["order_status"] == "PENDING"
    assert evidence["pending_since"] == draft["order"]["created"]
    kinds = [e["kind"] for e in evidence["timeline"]]
    assert kinds.index("order_placed") < kinds.index("message_received") < kinds.index("sent")
    assert {"acknowledgement_sent", "diagnosed", "draft_queued", "approved"} <= set(kinds)
    told = evidence["told"]
    assert [t["kind"] for t in told] == ["acknowledgement", "reply"]
    assert told[1]["approved_by"] == "anna@shop.example"
    assert told[1]["text"] == draft["body"]
    assert evidence["messages"][0]["received_at"] == MAIL["01-pending-us.eml"][1].isoformat()


def test_evidence_as_a_readable_document(desk: Desk) -> None:
    draft_id = desk.drafts["01-pending-us.eml"]
    desk.call("POST", f"/api/drafts/{draft_id}/approve")

    status, text, headers = desk.call(
        "GET", "/api/cases/113-4829175-6031482/evidence", query={"format": "text"}
    )
    accepted, text_by_accept, _ = desk.call(
        "GET", "/api/cases/113-4829175-6031482/evidence", headers={"accept": "text/markdown"}
    )

    assert status == 200
    assert headers["content-type"].startswith("text/markdown")
    assert text.startswith("# Evidence: Amazon order 113-4829175-6031482")
    assert "Pending since:" in text
    assert "reply approved by anna@shop.example" in text
    assert "automatic acknowledgement" in text
    assert accepted == 200
    assert text_by_accept.startswith("# Evidence")


def test_evidence_for_nothing_on_record_is_404_and_audit_needs_a_draft(desk: Desk) -> None:
    assert desk.call("GET", "/api/cases/999-0000000-0000000/evidence")[0] == 404
    assert desk.call("GET", "/api/audit")[0] == 400


# -- the console's files ---------------------------------------------------------------------------------


def test_the_console_page_and_its_files_are_served_with_a_strict_content_security_policy(desk: Desk) -> None:
    page = desk.call("GET", "/", claims=None)
    script = desk.call("GET", "/console/app.js", claims=None)
    style = desk.call("GET", "/console/app.css", claims=None)
    outside = desk.call("GET", "/console/..%2Fassets.py", claims=None)

    assert page[0] == 200
    assert page[2]["content-type"].startswith("text/html")
    assert 'src="/console/app.js"' in page[1]
    assert "<script>" not in page[1]  # nothing inline: the policy forbids it
    csp = page[2]["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "connect-src 'self'" in csp
    assert script[0] == 200
    assert script[2]["content-type"].startswith("text/javascript")
    assert style[2]["content-type"].startswith("text/css")
    assert outside[0] == 404
    for url in ("http://", "https://", "//cdn"):
        assert url not in page[1].replace("http://127.0.0.1", "")
        assert url not in script[1]


# -- who may call --------------------------------------------------------------------------------------

ROUTES = [
    ("GET", "/api/drafts"),
    ("GET", "/api/drafts/d-sesdemo01"),
    ("PUT", "/api/drafts/d-sesdemo01/slots"),
    ("PATCH", "/api/drafts/d-sesdemo01/slots"),
    ("POST", "/api/drafts/d-sesdemo01/approve"),
    ("POST", "/api/drafts/d-sesdemo01/reject"),
    ("POST", "/api/drafts/d-sesdemo01/no-response-needed"),
    ("GET", "/api/cases/sesdemo01/evidence"),
    ("GET", "/api/audit?draft_id=d-sesdemo01"),
]


@dataclass
class InProcessFunction:
    """The ApiFunction handler behind the local gateway, in this process (so it sees ``mock_aws``)."""

    name: str
    spec: FunctionSpec
    handler: Callable[[dict[str, Any]], dict[str, Any]]
    lock: threading.Lock

    def invoke(self, event: Any, *, request_id: str | None = None) -> InvocationResult:
        with self.lock:  # one invocation at a time, as in one Lambda execution environment
            try:
                payload = json.loads(json.dumps(self.handler(event)))
                error = None
            except Exception as exc:
                payload, error = None, LambdaError(type(exc).__name__, str(exc), request_id or "")
        return InvocationResult(self.name, request_id or "", payload, error, 0.0)


@pytest.fixture
def gateway(desk: Desk) -> Iterator[LocalHttpApi]:
    spec = desk.stack.resources.functions["ApiFunction"]
    function = InProcessFunction("ApiFunction", spec, desk.api, threading.Lock())
    integrations = [Integration(route, function) for route in spec.http_routes]
    with LocalHttpApi(integrations, agent_token=TOKEN, account_id="123456789012", port=0) as api:
        yield api


def http(api: LocalHttpApi, method: str, path: str, token: str | None) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = b'{"reason": "test"}' if method in {"POST", "PUT", "PATCH"} else None
    request = urllib.request.Request(f"{api.url}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_every_api_route_refuses_a_request_without_a_token_or_with_a_wrong_one(
    gateway: LocalHttpApi, desk: Desk
) -> None:
    for method, path in ROUTES:
        unauthorized = (401, b'{"message": "Unauthorized"}')
        assert http(gateway, method, path, None) == unauthorized, f"{method} {path} without a token"
        assert http(gateway, method, path, "not-the-token") == unauthorized, f"{method} {path} wrong token"
        # Behind a misconfigured route (no authorizer), the function itself still refuses.
        plain_path, _, query = path.partition("?")
        status, _, _ = desk.call(
            method, plain_path, query=dict([query.split("=")]) if query else None, claims=None
        )
        assert status == 401, f"{method} {path} without claims"
    assert desk.replies() == []
    assert desk.audit().for_draft("d-sesdemo01") == []


def test_with_the_token_the_gateway_serves_the_queue_and_the_console_needs_none(
    gateway: LocalHttpApi,
) -> None:
    status, body = http(gateway, "GET", "/api/drafts", TOKEN)
    page_status, page = http(gateway, "GET", "/", None)
    script_status, _ = http(gateway, "GET", "/console/app.js", None)

    assert status == 200
    assert len(json.loads(body)["drafts"]) == 3
    assert page_status == 200
    assert b'<label for="token">Token</label>' in page
    assert script_status == 200


def test_the_local_gateway_passes_the_agent_claims_the_audit_log_records(
    gateway: LocalHttpApi, desk: Desk
) -> None:
    status, _ = http(gateway, "POST", "/api/drafts/d-sesdemo03/reject", TOKEN)

    assert status == 200
    (entry,) = desk.audit().for_draft("d-sesdemo03")
    assert entry.actor.sub == "local-agent"
    assert entry.actor.label == "agent@localhost"
    assert entry.note == "test"


def test_audit_entries_are_never_overwritten(desk: Desk) -> None:
    from botocore.exceptions import ClientError

    desk.call("POST", f"/api/drafts/{desk.drafts['03-pending-long-us.eml']}/reject", body={"reason": "dup"})
    (entry,) = desk.audit().for_draft(desk.drafts["03-pending-long-us.eml"])

    with pytest.raises(ClientError, match="ConditionalCheckFailed"):
        desk.audit().append(entry)  # the same key again: refused, history stays as it was

    assert desk.audit().for_draft(desk.drafts["03-pending-long-us.eml"]) == [entry]
