"""The real application on the local stack: template.yaml, the four handlers, the demo orders and mail.

Given the stack as `make run` starts it, when a demo buyer email arrives over SMTP, then the buyer's
relay alias gets an acknowledgement (in the outbox) and a reply draft waits in the agent API.
"""

from __future__ import annotations

import email
import json
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
