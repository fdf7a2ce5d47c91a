"""Faults injected into the local stack, and every message counted from SMTP to draft.

Given the application as ``make run`` starts it (template.yaml, the demo orders, the SP-API and channel
simulators), with faults injected where production has them - SP-API and LWA down, SES throttling and
rejecting, AWS calls throttled, failing, or carried out with their answer lost - each buyer email must
end with exactly one acknowledgement and one reply draft, or rest in a dead-letter queue with the
reason: nothing lost, nothing sent twice.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest

from ghostdesk.aws.tables import DraftStore
from ghostdesk.local.faults import FaultPlan, FaultPlanError
from ghostdesk.local.ledger import Inquiry, Ledger, account, describe, inquiry, send_all, settle
from ghostdesk.local.stack import LocalStack, StackConfig

pytestmark = pytest.mark.e2e

MIRRORED_PENDING = "113-4829175-6031482"  # a demo order the first sync mirrors: no SP-API call needed
NO_FAULTS = "seed=7"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp_path_factory.mktemp("faults"),
        name_prefix="faults",
        agent_token="faults-token",
        retry_delay_s=1,
        faults=NO_FAULTS,
    )
    with LocalStack(config) as running:
        assert running.init_errors == {}, running.init_errors
        yield running


@pytest.fixture
def faults(stack: LocalStack) -> Iterator[object]:
    assert stack.faults is not None
    yield stack.faults
    stack.faults.recover()
    stack.faults.set_plan(NO_FAULTS)


def inquiries(tag: str, order_ids: list[str]) -> list[Inquiry]:
    rng = random.Random(tag)  # noqa: S311 - test data
    return [inquiry(n, order_id, tag=tag, rng=rng) for n, order_id in enumerate(order_ids)]


def assert_nothing_lost_or_duplicated(ledger: Ledger) -> None:
    assert ledger.lost == [], "lost:\n" + describe(ledger.lost)
    assert ledger.duplicated == [], "acknowledged twice:\n" + describe(ledger.duplicated)


def test_with_every_marketplace_down_acknowledgements_go_out_and_diagnoses_follow_recovery(stack, faults):
    unknown_ids = [f"114-{9100000 + n:07d}-{4400000 + n:07d}" for n in range(6)]  # never mirrored
    mails = inquiries("outage", unknown_ids)
    faults.marketplaces_down()

    send_all(stack, mails)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(account(stack, mails).acknowledged) < len(mails):
        time.sleep(0.25)
    during = account(stack, mails)

    # Every buyer is acknowledged while SP-API, LWA and the other channels answer 503 ...
    assert len(during.acknowledged) == len(mails), describe(during.fates)
    assert all(f.ack_latency_s is not None and f.ack_latency_s < 20 for f in during.fates)
    # ... and no reply is drafted on a guess: the diagnoses wait for the marketplaces.
    assert during.drafted == []
    assert faults.counts()["marketplace_outage"] > 0

    faults.recover()
    assert settle(stack, mails, timeout_s=120), describe(account(stack, mails).lost)
    stack.wait_until_idle(timeout=60)
    after = account(stack, mails)

    assert_nothing_lost_or_duplicated(after)
    assert len(after.drafted) == len(mails)
    assert after.dead_letters == []
    drafts = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    cases = {drafts.get(f"d-{m.ses_message_id}")[0].case for m in mails}
    assert cases == {"ghost_not_found"}  # asked of Amazon after the outage, not concluded without it


def test_ses_throttling_and_failing_aws_calls_lose_and_duplicate_nothing(stack, faults):
    faults.set_plan("ses_throttle=0.5,aws_throttle=0.03,aws_unavailable=0.03,aws_lost_response=0.03,seed=11")
    mails = inquiries("throttled", [MIRRORED_PENDING] * 20)

    send_all(stack, mails)
    settle(stack, mails, timeout_s=120)
    stack.wait_until_idle(timeout=120)
    ledger = account(stack, mails)

    assert_nothing_lost_or_duplicated(ledger)
    injected = faults.counts()
    assert injected["ses_throttle"] > 0, injected
    assert injected["aws_lost_response"] > 0, injected
    # SES throttling and lost DynamoDB answers are retried: every buyer gets exactly one acknowledgement.
    unanswered = [f for f in ledger.fates if len(f.acks) != 1]
    assert unanswered == [], describe(unanswered)
    assert ledger.dead_letters == [], ledger.reasons()


def test_an_acknowledgement_ses_keeps_rejecting_rests_in_the_dlq_with_its_reason(stack, faults):
    faults.set_plan("ses_reject=1,seed=3")
    mails = inquiries("rejected", [MIRRORED_PENDING] * 2)

    send_all(stack, mails)
    assert settle(stack, mails, timeout_s=60), describe(account(stack, mails).lost)
    stack.wait_until_idle(timeout=60)
    ledger = account(stack, mails)

    assert_nothing_lost_or_duplicated(ledger)
    for fate in ledger.fates:
        assert fate.acks == ()
        assert fate.draft  # the reply draft does not depend on the acknowledgement
        (letter,) = fate.dead_letters
        assert letter.queue == "RespondDeadLetterQueue"
        assert letter.kind == "acknowledge"
        assert "MessageRejected" in letter.reason


def test_fault_plans_read_as_documented():
    plan = FaultPlan.parse("rate=0.03,ses_reject=0,seed=9")

    assert plan.seed == 9
    assert plan.rates["aws_throttle"] == pytest.approx(0.01)
    assert plan.rates["ses_reject"] == 0
    assert plan.pick(["aws_throttle", "aws_unavailable"], 0.015) == "aws_unavailable"
    assert plan.pick(["aws_throttle", "aws_unavailable"], 0.5) is None
    assert FaultPlan.parse(plan.render()) == plan
    with pytest.raises(FaultPlanError, match="unknown fault 'dns'"):
        FaultPlan.parse("dns=0.1")
