"""``ghostdesk evidence ORDER_ID`` against the template's tables under moto, as an operator runs it in AWS.

Given a demo buyer email taken through the pipeline and an agent's approval through the API, the command
prints the same timeline the API gives: as a document by default, as JSON with ``--json``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ghostdesk import cli
from ghostdesk.pipeline import wiring
from ghostdesk.review import actions
from ghostdesk.review.audit import Actor
from tests.integration.conftest import Stack
from tests.integration.mail_in import receive

ORDER = "113-4829175-6031482"
RECEIVED = datetime.now(UTC) - timedelta(hours=3)


@pytest.fixture
def approved(stack: Stack) -> Stack:
    stack.use_function("DiagnoseFunction")
    receive(stack, "01-pending-us.eml", ses_id="sescli01", received_at=RECEIVED)
    stack.use_function("ApiFunction")  # its environment names the audit table too: what an operator exports
    actions.approve("d-sescli01", Actor(sub="s-1", email="maria@shop.example"), wiring.review_deps())
    return stack


def test_evidence_prints_a_readable_document_with_who_approved_the_reply(
    approved: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["evidence", ORDER])

    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(f"# Evidence: Amazon order {ORDER}")
    assert "- Status: PENDING" in out
    assert "Pending since:" in out
    assert "Buyer's message received" in out
    assert "automatic acknowledgement" in out
    assert "reply approved by maria@shop.example" in out
    assert "stuck on Pending" in out  # the buyer's own words are part of the record


def test_evidence_as_json_lists_the_timeline_in_order(
    approved: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["evidence", "--json", ORDER])

    evidence = json.loads(capsys.readouterr().out)
    assert code == 0
    assert evidence["order_id"] == ORDER
    times = [datetime.fromisoformat(e["at"]) for e in evidence["timeline"]]
    assert times == sorted(times)
    assert evidence["messages"][0]["received_at"] == RECEIVED.isoformat()
    assert [t["kind"] for t in evidence["told"]] == ["acknowledgement", "reply"]
    assert evidence["told"][1]["approved_by"] == "maria@shop.example"


def test_an_order_with_no_record_exits_1_and_says_so(
    approved: Stack, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["evidence", "999-9999999-9999999"])

    assert code == 1
    assert "no case and no order '999-9999999-9999999'" in capsys.readouterr().err


def test_without_tables_or_a_running_stack_it_says_where_it_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GHOSTDESK_CASES_TABLE", raising=False)

    code = cli.main(["evidence", "--data-dir", str(tmp_path), ORDER])

    assert code == 2
    err = capsys.readouterr().err
    assert "GHOSTDESK_CASES_TABLE" in err
    assert "make run" in err
