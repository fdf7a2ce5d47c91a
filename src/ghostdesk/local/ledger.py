"""Accounting for every message sent into the local stack: answered once, drafted once, or dead-lettered.

The fault-injection tests and the soak benchmark (``python -m bench soak``) send buyer inquiries over
SMTP and then ask, for each one, what became of it, from what a seller would see:

* its **acknowledgement**: the emails in the outbox that answer it (``In-Reply-To`` its Message-ID) -
  exactly one, or none with the suppression recorded on the message (a guard, the acknowledgement
  window), or none with the acknowledge request resting in a dead-letter queue;
* its **draft**: the reply draft waiting for an agent, or the work resting in a dead-letter queue;
* its **dead letters**, each with the reason its last attempt failed (``ghostdesk.aws.failures``).

A message that ends in none of these is *lost*; one answered twice is a *duplicate*. Both must be 0.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ghostdesk.local.stack import LocalStack


# The suppression ``acknowledge`` records when an earlier attempt of its own claimed the window and
# left no outcome: the email may have gone out. The outbox says whether it did.
UNKNOWN_OUTCOME = "ack_outcome_unknown"


@dataclass
class Inquiry:
    """One buyer email to send: its bytes, its Message-ID, and (once sent) its SES ID and send time."""

    rfc_message_id: str
    raw: bytes
    ses_message_id: str = ""
    accepted_at: float = 0.0  # when the SMTP server accepted it (epoch seconds)


def inquiry(n: int, order_id: str, *, tag: str = "soak", rng: random.Random | None = None) -> Inquiry:
    """An Amazon buyer-seller message asking where ``order_id`` is, from a relay alias of its own (so
    each gets its own acknowledgement: one buyer and thread is answered once per window)."""
    salt = (rng or random.Random(n)).randrange(16**8)  # noqa: S311 - test data, not a secret
    alias = f"{tag}{n:05d}x{salt:08x}@marketplace.amazon.com"
    rfc_id = f"<{tag}-{n:05d}-{salt:08x}@email.amazonses.com>"
    text = (
        f'From: "Buyer {n} - Amazon Marketplace" <{alias}>\r\n'
        "To: orders@example.com\r\n"
        f"Subject: Order delivery inquiry from Amazon customer Buyer {n} (Order: {order_id})\r\n"
        "Date: Thu, 26 Nov 2026 09:00:00 +0000\r\n"
        f"Message-ID: {rfc_id}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Order ID: {order_id}:\r\n1 of Soak item [ASIN: B0SOAK0000]\r\n\r\n"
        "------------- Begin message -------------\r\n\r\n"
        f"Hi, my order {order_id} is still pending. Where is my order and when will it ship? Thanks\r\n\r\n"
        "------------- End message -------------\r\n"
    )
    return Inquiry(rfc_id, text.encode())


def send_all(stack: LocalStack, inquiries: Sequence[Inquiry], *, parallel: int = 4) -> float:
    """Send every inquiry over SMTP (``parallel`` connections at once); the seconds it took."""

    def send(item: Inquiry) -> None:
        item.ses_message_id = stack.send_eml(item.raw, to=stack.inbound_address)
        item.accepted_at = time.time()

    started = time.time()
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        list(pool.map(send, inquiries))
    return time.time() - started


@dataclass(frozen=True)
class DeadLetter:
    """A message resting in a dead-letter queue, with why its last attempt failed."""

    queue: str  # the DLQ's logical ID
    sqs_message_id: str
    message_id: str | None  # the buyer message it concerns (SES ID)
    kind: str | None  # "acknowledge", "draft", "diagnose"; None for a notification
    reason: str  # "<error>: <detail>" as recorded, or "unknown" when nothing was


@dataclass(frozen=True)
class Fate:
    """What became of one inquiry."""

    inquiry: Inquiry
    stored: bool
    acks: tuple[float, ...]  # when each acknowledgement answering it was sent (epoch seconds)
    ack_status: str | None
    ack_reason: str | None
    draft: bool
    dead_letters: tuple[DeadLetter, ...]

    def _dead(self, *kinds: str | None) -> bool:
        return any(d.kind in kinds or d.queue.startswith("Inbound") for d in self.dead_letters)

    @property
    def ack_accounted(self) -> bool:
        if self.acks:
            return len(self.acks) == 1
        if self.ack_reason == UNKNOWN_OUTCOME:  # the outbox knows: nothing went out, the buyer waits
            return self._dead("acknowledge")
        return self.ack_status == "suppressed" or self._dead("acknowledge")

    @property
    def draft_accounted(self) -> bool:
        return self.draft or self._dead("diagnose", "draft")

    @property
    def lost(self) -> bool:
        return not (self.ack_accounted and self.draft_accounted)

    @property
    def duplicated(self) -> bool:
        return len(self.acks) > 1

    @property
    def ack_latency_s(self) -> float | None:
        return min(self.acks) - self.inquiry.accepted_at if self.acks else None


@dataclass
class Ledger:
    fates: list[Fate]
    dead_letters: list[DeadLetter] = field(default_factory=list)  # every DLQ message, ours or not

    @property
    def lost(self) -> list[Fate]:
        return [f for f in self.fates if f.lost]

    @property
    def duplicated(self) -> list[Fate]:
        return [f for f in self.fates if f.duplicated]

    @property
    def acknowledged(self) -> list[Fate]:
        return [f for f in self.fates if len(f.acks) == 1]

    @property
    def drafted(self) -> list[Fate]:
        return [f for f in self.fates if f.draft]

    def reasons(self) -> Counter[str]:
        return Counter(f"{d.queue} {d.kind or ''}: {d.reason}".replace(" :", ":") for d in self.dead_letters)

    def summary(self) -> dict[str, Any]:
        latencies = sorted(x for f in self.fates if (x := f.ack_latency_s) is not None)
        return {
            "messages": len(self.fates),
            "acknowledged": len(self.acknowledged),
            "ack_suppressed": Counter(str(f.ack_reason) for f in self.fates if not f.acks and f.ack_status),
            "drafted": len(self.drafted),
            "lost": len(self.lost),
            "duplicate_acks": len(self.duplicated),
            "dead_letters": len(self.dead_letters),
            "dead_letter_reasons": dict(self.reasons()),
            "ack_latency_p50_s": percentile(latencies, 0.50),
            "ack_latency_p99_s": percentile(latencies, 0.99),
        }


def percentile(ordered: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile of already sorted values (nearest rank), rounded to milliseconds."""
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


def outbox_answers(outbox: Path) -> dict[str, list[float]]:
    """The outbox's emails by the Message-ID they answer (``In-Reply-To``): when each was sent."""
    answers: dict[str, list[float]] = {}
    for path in outbox.glob("*.eml"):
        stamp = datetime.strptime(path.name.split("-", 1)[0], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
        with path.open("rb") as file:
            head = BytesHeaderParser().parse(file)
        original = str(head.get("In-Reply-To") or "").strip()
        if original:
            answers.setdefault(original, []).append(stamp.timestamp())
    return answers


def dead_letters(stack: LocalStack) -> list[DeadLetter]:
    """Every message in the stack's DLQs, read from the in-process moto backend (nothing is received,
    so nothing changes), with the reason recorded for it."""
    from moto.sqs.models import sqs_backends

    from ghostdesk.aws.failures import FailureStore, subject_of

    resources = stack.resources
    assert resources is not None
    backend = sqs_backends[resources.account_id][resources.region]
    found: list[tuple[str, Any]] = []
    for logical_id in sorted({q.dlq_logical_id for q in resources.queues.values() if q.dlq_logical_id}):
        queue = backend.queues.get(resources.queues[logical_id].url.rstrip("/").rsplit("/", 1)[-1])
        found += [(logical_id, message) for message in list(getattr(queue, "_messages", ()))]
    failures = FailureStore(stack.client("dynamodb"), resources.tables["MessagesTable"]).get_many(
        str(message.id) for _, message in found
    )
    letters = []
    for logical_id, message in found:
        subject = subject_of(str(message.body))
        failure = failures.get(str(message.id))
        kind = subject.get("kind") or ("diagnose" if logical_id.startswith("Diagnose") else None)
        letters.append(
            DeadLetter(
                queue=logical_id,
                sqs_message_id=str(message.id),
                message_id=subject.get("message_id"),
                kind=kind,
                reason=f"{failure.error}: {failure.detail}" if failure else "unknown",
            )
        )
    return letters


def account(stack: LocalStack, inquiries: Iterable[Inquiry]) -> Ledger:
    """What became of each sent inquiry so far (see the module docstring). It does not wait: call
    ``stack.wait_until_idle()`` first for the final count."""
    from ghostdesk.aws.tables import DraftStore, MessageStore

    resources = stack.resources
    assert resources is not None
    dynamodb = stack.client("dynamodb")
    messages = MessageStore(dynamodb, resources.tables["MessagesTable"])
    drafts = DraftStore(dynamodb, resources.tables["DraftsTable"])
    answers = outbox_answers(stack.outbox_dir)
    letters = dead_letters(stack)
    by_message: dict[str, list[DeadLetter]] = {}
    for letter in letters:
        if letter.message_id:
            by_message.setdefault(letter.message_id, []).append(letter)
    fates = []
    for item in inquiries:
        stored = messages.get(item.ses_message_id)
        record = stored[0] if stored else None
        fates.append(
            Fate(
                inquiry=item,
                stored=record is not None,
                acks=tuple(sorted(answers.get(item.rfc_message_id, ()))),
                ack_status=record.ack_status.value if record and record.ack_status else None,
                ack_reason=record.ack_reason if record else None,
                draft=drafts.get(f"d-{item.ses_message_id}") is not None,
                dead_letters=tuple(by_message.get(item.ses_message_id, ())),
            )
        )
    return Ledger(fates, letters)


def describe(fates: Iterable[Fate], limit: int = 10) -> str:
    """A few fates, one a line, for an assertion message."""
    lines = [
        f"{f.inquiry.ses_message_id}: stored={f.stored} acks={len(f.acks)} ack={f.ack_status}/{f.ack_reason} "
        f"draft={f.draft} dlq={[(d.queue, d.kind, d.reason) for d in f.dead_letters]}"
        for f in list(fates)[:limit]
    ]
    return "\n".join(lines)


def settle(stack: LocalStack, inquiries: Sequence[Inquiry], *, timeout_s: float, poll_s: float = 0.5) -> bool:
    """Wait until every inquiry is accounted for (or ``timeout_s`` passes); whether all were."""
    deadline = time.monotonic() + timeout_s
    pending: Mapping[str, Inquiry] = {i.ses_message_id: i for i in inquiries}
    while time.monotonic() < deadline:
        ledger = account(stack, pending.values())
        pending = {f.inquiry.ses_message_id: f.inquiry for f in ledger.fates if f.lost}
        if not pending:
            return True
        time.sleep(poll_s)
    return False
