"""The real application on the local stack: template.yaml, the four handlers, the demo orders and mail.

Given the stack as `make run` starts it, when a demo buyer email arrives over SMTP, then the buyer's
relay alias gets an acknowledgement (in the outbox) and a reply draft waits in the agent API.
"""

from __future__ import annotations

import email
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest

from ghostdesk.local.stack import LocalStack, StackConfig
from tests.shared_data import REPO

pytestmark = pytest.mark.e2e

DEMO = REPO / "demo" / "emails"


@pytest.fixture(scope="module")
def app_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp_path_factory.mktemp("app"),
        name_prefix="assembly",
        agent_token="assembly-token",
    )
    with LocalStack(config) as stack:
        assert stack.init_errors == {}, stack.init_errors
        yield stack


def drafts(stack: LocalStack) -> list[dict]:
    request = urllib.request.Request(
        f"{stack.api_url}/api/drafts", headers={"Authorization": "Bearer assembly-token"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return list(json.loads(response.read())["drafts"])


def test_demo_pending_order_mail_is_acknowledged_and_drafted(app_stack):
    demo = DEMO / "01-pending-us.eml"
    buyer = email.message_from_bytes(demo.read_bytes(), policy=policy.default)
    alias = buyer["From"].addresses[0].addr_spec

    app_stack.send_eml(demo)
    app_stack.wait_until_idle(timeout=60)

    sent = [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(app_stack.outbox_dir.glob("*.eml"))
    ]
    acknowledgements = [m for m in sent if alias in str(m["To"])]
    assert len(acknowledgements) == 1
    assert acknowledgements[0]["Auto-Submitted"] == "auto-replied"
    queued = [d for d in drafts(app_stack) if d["order_id"] == "113-4829175-6031482"]
    assert len(queued) == 1
    assert queued[0]["case"] == "pending"
    assert queued[0]["status"] == "pending_approval"


def test_the_same_mail_delivered_twice_gets_one_acknowledgement(app_stack):
    demo = DEMO / "03-pending-long-us.eml"
    alias = email.message_from_bytes(demo.read_bytes(), policy=policy.default)["From"].addresses[0].addr_spec
    before = len(list(app_stack.outbox_dir.glob("*.eml")))

    app_stack.send_eml(demo)
    app_stack.send_eml(demo)
    app_stack.wait_until_idle(timeout=60)

    new = [
        email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for p in sorted(app_stack.outbox_dir.glob("*.eml"))[before:]
    ]
    assert len([m for m in new if alias in str(m["To"])]) == 1


def test_agent_api_refuses_requests_without_the_token(app_stack):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{app_stack.api_url}/api/drafts", timeout=10)

    assert refused.value.code == 401
    assert json.loads(refused.value.read()) == {"message": "Unauthorized"}


def test_every_function_logged_to_its_own_file(app_stack):
    logs = {path.stem for path in Path(app_stack.logs_dir).glob("*.log")}

    assert {"IngestFunction", "DiagnoseFunction", "RespondFunction", "ApiFunction"} <= logs


# Each demo email and what a seller should see for it: the case of its draft and the language of the
# acknowledgement (None: the message is not an order-status inquiry, so neither goes out).
DEMO_EXPECTATIONS = {
    "01-pending-us.eml": ("pending", "en"),
    "02-ghost-no-id-de.eml": ("ghost_no_order_id", "de"),
    "03-pending-long-us.eml": ("pending_long", "en"),
    "04-unshipped-fr.eml": ("order_found", "fr"),
    "05-tracking-instead-it.eml": ("ghost_wrong_identifier", "it"),
    "06-preorder-us.eml": ("pending_availability", "en"),
    "07-ghost-not-found-es.eml": ("ghost_not_found", "es"),
    "08-product-question-uk.eml": (None, None),
    "09-alias-match-de.eml": ("pending_long", "de"),
    # Ghosts placed on the seller's other channels: found by the relay name / the sender's email.
    "10-ghost-shopify-us.eml": ("ghost_other_channel", "en"),
    "11-ghost-walmart-direct-us.eml": ("ghost_other_channel", "en"),
}


def test_every_demo_email_gets_the_right_acknowledgement_and_draft(app_stack):
    for name in DEMO_EXPECTATIONS:
        app_stack.send_eml(DEMO / name)
    app_stack.wait_until_idle(timeout=90)

    sent = [
        email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for p in app_stack.outbox_dir.glob("*.eml")
    ]
    queued = drafts(app_stack)
    for name, (case, language) in DEMO_EXPECTATIONS.items():
        alias = (
            email.message_from_bytes((DEMO / name).read_bytes(), policy=policy.default)["From"]
            .addresses[0]
            .addr_spec
        )
        acks = [m for m in sent if str(m["To"]) == alias]
        mine = [d for d in queued if d["to"] == alias]
        if case is None:
            assert acks == [], name
            assert mine == [], name
            continue
        assert len(acks) == 1, name
        assert acks[0]["Content-Language"] == language, name
        assert acks[0]["Auto-Submitted"] == "auto-replied", name
        assert len(mine) == 1, name
        assert mine[0]["case"] == case, name
        assert mine[0]["language"] == language, name
    # The buyer without an order ID is asked for it in their own language.
    (ghost,) = [m for m in sent if str(m["To"]).startswith("z9y8x7w6v5u4t3s2@")]
    assert "Bestellnummer" in ghost.get_body(preferencelist=("plain",)).get_content()


def test_the_banner_gives_the_webhook_key_and_a_request_signed_with_it_is_accepted(app_stack):
    key = app_stack.webhook_key()
    assert key
    assert f"{app_stack.api_url}/webhooks/helpdesk   signing key  {key}" in app_stack.banner()

    body = json.dumps(
        {"email": "anna@example.net", "name": "Anna", "message": "Where is my order 113-4829175-6031482?"}
    ).encode()
    stamp = str(int(time.time()))
    signature = hmac.new(key.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        f"{app_stack.api_url}/webhooks/helpdesk",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "X-Ghostdesk-Signature": f"t={stamp},v1={signature}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202
        assert json.loads(response.read())["result"] == "accepted"
