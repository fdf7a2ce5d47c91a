"""The loop and abuse guards against mail written blind to them (``tests/fixtures/loops-heldout/``).

An independent author wrote 62 messages without reading ghostdesk's code: out-of-office replies of the
big mail systems, bounces, ARF reports, lists, robot and Amazon system senders, help-desk
auto-acknowledgements, mail whose SES verdicts failed - and buyers' order-status questions that look
like them. Each goes through the real IngestFunction (with the SES verdicts of its notification) and
the RespondFunction; what counts is what the sender would see: an acknowledgement, or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ghostdesk.aws.tables import MessageStore
from ghostdesk.records import AckStatus
from tests.integration.conftest import Stack
from tests.integration.pipeline_run import drain
from tests.integration.ses_mail import delivered, sqs_event
from tests.shared_data import REPO

CORPUS = REPO / "tests" / "fixtures" / "loops-heldout"
EXPECTED: list[dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))[
    "messages"
]


def test_blind_written_loops_and_look_alikes_are_answered_exactly_when_a_buyer_wrote(
    stack: Stack, scoreboard: Callable[[str], None]
) -> None:
    handler = stack.use_function("IngestFunction")
    ids = {entry["file"]: f"ses-loop-{n:03d}" for n, entry in enumerate(EXPECTED)}
    for start in range(0, len(EXPECTED), 10):
        batch = [
            delivered(stack, (CORPUS / e["file"]).read_bytes(), ids[e["file"]], verdicts=e.get("verdicts"))
            for e in EXPECTED[start : start + 10]
        ]
        assert handler(sqs_event(batch)) == {"batchItemFailures": []}
    drain(stack, "RespondQueue")

    store = MessageStore(stack.client("dynamodb"), stack.resources.tables["MessagesTable"])
    sent_to = {m["To"] for m in stack.sent_emails()}
    wrong = []
    for entry in EXPECTED:
        found = store.get(ids[entry["file"]])
        assert found is not None, f"{entry['file']} was not stored"
        record = found[0]
        answered = record.ack_status is AckStatus.SENT
        assert answered == (record.message is not None and record.message.reply_address in sent_to)
        if answered != entry["answer"]:
            wrong.append(f"{entry['file']}: answered={answered} ({record.ack_reason}); {entry['why']}")
        elif not answered:
            assert record.ack_reason, f"{entry['file']}: not answered, and no reason recorded"

    blocked = sum(not e["answer"] for e in EXPECTED)
    scoreboard(
        f"\nloop guards, held-out: {len(EXPECTED) - len(wrong)}/{len(EXPECTED)} right "
        f"({blocked} to block, {len(EXPECTED) - blocked} to answer)"
    )
    assert not wrong, "\n".join(wrong)
