"""``ghostdesk dlq list|redrive``: the messages SQS gave up on, why they failed, and moving them back.

Every work queue of the stack sends a message to its dead-letter queue after ``maxReceiveCount`` failed
attempts. ``list`` shows what waits in each DLQ (without consuming it) with the last error recorded by
the function that failed (``ghostdesk.aws.failures``); ``redrive`` moves messages back to the queue they
came from, once the cause is fixed.

Where the queues are found (the first that applies):

- ``--stack NAME``: the deployed CloudFormation stack's queues (region and credentials from the usual
  boto3 configuration); a DLQ is a queue some other queue's RedrivePolicy names;
- ``--data-dir DIR``: the running local stack (``make run``) through ``DIR/stack.json``;
- ``GHOSTDESK_MESSAGES_TABLE`` set: every queue of the account and region with a RedrivePolicy;
- else the local stack in ``$GHOSTDESK_DATA_DIR`` (default ``.local/``).

Exit codes: 0 done (``list``: no dead letters), 1 ``list`` found dead letters or ``redrive`` left some
selected message unmoved, 2 usage error or nowhere to look.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ghostdesk.aws.failures import Failure, FailureStore

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2
PEEK_VISIBILITY_S = 30  # how long a peeked message is hidden if this process dies before releasing it
MOVE_VISIBILITY_S = 60
EMPTY_RECEIVES = 3  # short polling samples SQS's servers: this many empty answers in a row mean empty
PEEK_LIMIT = 1000


class DlqError(RuntimeError):
    """Nowhere to look, or a queue that does not exist: a usage error (exit 2)."""


@dataclass(frozen=True)
class Queue:
    name: str
    url: str
    arn: str


@dataclass(frozen=True)
class DeadLetterQueue:
    queue: Queue
    sources: tuple[Queue, ...]
    label: str  # the logical ID when known (CloudFormation, the local stack), else the queue's name

    def matches(self, wanted: str) -> bool:
        """``--queue`` names the DLQ or its source: by name, logical ID, or a part of either."""
        names = [self.label, self.queue.name, *(source.name for source in self.sources)]
        return any(wanted == name or wanted.lower() in name.lower() for name in names)


@dataclass
class Target:
    """Where to look: an SQS client, its DLQs, and the failure store (if the messages table is known)."""

    sqs: Any
    dlqs: list[DeadLetterQueue]
    failures: FailureStore | None


@dataclass
class DeadLetter:
    sqs_message_id: str
    body: str
    receipt_handle: str
    sent_at: str | None
    receive_count: int | None
    source_arn: str | None
    message_attributes: dict[str, Any] = field(default_factory=dict)
    failure: Failure | None = None

    def to_dict(self) -> dict[str, Any]:
        from ghostdesk.aws.failures import subject_of

        subject = subject_of(self.body)
        failure = self.failure
        return {
            "sqs_message_id": self.sqs_message_id,
            "sent_at": self.sent_at,
            "receive_count": self.receive_count,
            "message_id": subject.get("message_id") or (failure.message_id if failure else None),
            "order_id": subject.get("order_id") or (failure.order_id if failure else None),
            "kind": subject.get("kind") or (failure.kind if failure else None),
            "error": failure.error if failure else None,
            "detail": failure.detail if failure else None,
            "failed_at": failure.failed_at if failure else None,
            "failed_attempt": failure.receive_count if failure else None,
        }


# ---------------------------------------------------------------- finding the queues


def discover(
    sqs: Any, urls: Iterable[str] | None = None, labels: Mapping[str, str] | None = None
) -> list[DeadLetterQueue]:
    """The DLQs among ``urls`` (default: every queue the client lists), each with its source queues.

    A DLQ is a queue some queue's RedrivePolicy targets; a queue whose label ends in DeadLetterQueue
    counts too, even while nothing points at it.
    """
    labels = dict(labels or {})
    if urls is None:
        urls = [
            url for page in sqs.get_paginator("list_queues").paginate() for url in page.get("QueueUrls", [])
        ]
    queues: dict[str, Queue] = {}
    targets: dict[str, list[Queue]] = {}
    for url in urls:
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn", "RedrivePolicy"])[
            "Attributes"
        ]
        arn = attributes["QueueArn"]
        queue = Queue(name=arn.rsplit(":", 1)[-1], url=url, arn=arn)
        queues[arn] = queue
        policy = json.loads(attributes.get("RedrivePolicy") or "{}")
        if policy.get("deadLetterTargetArn"):
            targets.setdefault(str(policy["deadLetterTargetArn"]), []).append(queue)
    found: list[DeadLetterQueue] = []
    for arn, queue in queues.items():
        label = labels.get(queue.url, queue.name)
        if arn in targets or label.endswith("DeadLetterQueue"):
            sources = tuple(sorted(targets.get(arn, []), key=lambda q: q.name))
            found.append(DeadLetterQueue(queue=queue, sources=sources, label=label))
    return sorted(found, key=lambda dlq: dlq.label)


def _failure_store(dynamodb: Any, table: str | None) -> FailureStore | None:
    from ghostdesk.aws.failures import FailureStore

    return FailureStore(dynamodb, table) if table else None


def stack_target(stack_name: str) -> Target:
    """The deployed stack's queues and messages table, from CloudFormation."""
    import boto3
    from botocore.exceptions import ClientError

    cloudformation = boto3.client("cloudformation")
    try:
        resources = [
            resource
            for page in cloudformation.get_paginator("list_stack_resources").paginate(StackName=stack_name)
            for resource in page["StackResourceSummaries"]
        ]
    except ClientError as exc:
        raise DlqError(f"stack {stack_name!r}: {exc.response['Error'].get('Message') or exc}") from exc
    labels = {
        str(r["PhysicalResourceId"]): str(r["LogicalResourceId"])
        for r in resources
        if r["ResourceType"] == "AWS::SQS::Queue" and r.get("PhysicalResourceId")
    }
    table = next(
        (
            str(r["PhysicalResourceId"])
            for r in resources
            if r["ResourceType"] == "AWS::DynamoDB::Table" and r["LogicalResourceId"] == "MessagesTable"
        ),
        None,
    )
    sqs = boto3.client("sqs")
    return Target(sqs, discover(sqs, list(labels), labels), _failure_store(boto3.client("dynamodb"), table))


def local_target(data_dir: Path) -> Target:
    """The running local stack's queues (moto), through the ``stack.json`` it wrote."""
    import boto3

    from ghostdesk.local.lambda_runtime import DUMMY_CREDENTIALS
    from ghostdesk.local.stack import read_state

    state = read_state(data_dir)
    if state is None or not state.get("aws_endpoint"):
        raise DlqError(
            f"no running local stack in {data_dir}/ (start it with make run), no --stack NAME, and "
            "GHOSTDESK_MESSAGES_TABLE is not set"
        )
    session = boto3.Session(
        aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        region_name=str(state.get("region") or "us-east-1"),
    )
    endpoint = str(state["aws_endpoint"])
    sqs = session.client("sqs", endpoint_url=endpoint)
    table = (state.get("tables") or {}).get("MessagesTable")
    prefix = _local_prefix(state)
    labels = {}
    urls = [url for page in sqs.get_paginator("list_queues").paginate() for url in page.get("QueueUrls", [])]
    for url in urls:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        labels[url] = name.removeprefix(prefix) if prefix and name.startswith(prefix) else name
    dynamodb = session.client("dynamodb", endpoint_url=endpoint)
    return Target(sqs, discover(sqs, urls, labels), _failure_store(dynamodb, table))


def _local_prefix(state: Mapping[str, Any]) -> str | None:
    """The local stack names resources ``<prefix>-<LogicalId>``; its messages table tells the prefix."""
    table = str((state.get("tables") or {}).get("MessagesTable") or "")
    return table.removesuffix("MessagesTable") if table.endswith("-MessagesTable") else None


def account_target(messages_table: str) -> Target:
    """Every queue of the account and region (boto3's usual configuration) with a RedrivePolicy."""
    import boto3

    sqs = boto3.client("sqs")
    return Target(sqs, discover(sqs), _failure_store(boto3.client("dynamodb"), messages_table))


def target_from(args: argparse.Namespace, environ: Mapping[str, str]) -> Target:
    if args.stack:
        return stack_target(args.stack)
    if args.data_dir is not None:
        return local_target(args.data_dir)
    if environ.get("GHOSTDESK_MESSAGES_TABLE"):
        return account_target(environ["GHOSTDESK_MESSAGES_TABLE"])
    return local_target(Path(environ.get("GHOSTDESK_DATA_DIR") or ".local"))


def select(dlqs: Sequence[DeadLetterQueue], wanted: Sequence[str] | None) -> list[DeadLetterQueue]:
    if not wanted:
        return list(dlqs)
    chosen = [dlq for dlq in dlqs if any(dlq.matches(name) for name in wanted)]
    if not chosen:
        known = ", ".join(dlq.label for dlq in dlqs) or "none"
        raise DlqError(f"no dead-letter queue matches {', '.join(wanted)} (dead-letter queues: {known})")
    return chosen


# ---------------------------------------------------------------- reading and moving messages


def _receive(sqs: Any, url: str, visibility_s: int) -> list[dict[str, Any]]:
    response = sqs.receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=10,
        VisibilityTimeout=visibility_s,
        WaitTimeSeconds=0,
        AttributeNames=["All"],
        MessageAttributeNames=["All"],
    )
    messages: list[dict[str, Any]] = response.get("Messages", [])
    return messages


def _dead_letter(message: Mapping[str, Any]) -> DeadLetter:
    attributes = message.get("Attributes") or {}
    sent = attributes.get("SentTimestamp")
    count = attributes.get("ApproximateReceiveCount")
    return DeadLetter(
        sqs_message_id=str(message["MessageId"]),
        body=str(message.get("Body") or ""),
        receipt_handle=str(message["ReceiptHandle"]),
        sent_at=datetime.fromtimestamp(int(sent) / 1000, UTC).isoformat(timespec="seconds") if sent else None,
        receive_count=int(count) if count else None,
        source_arn=attributes.get("DeadLetterQueueSourceArn"),
        message_attributes=dict(message.get("MessageAttributes") or {}),
    )


def _release(sqs: Any, url: str, letters: Iterable[DeadLetter]) -> None:
    """Make held messages visible again at once (what ``list`` and an unselected ``redrive`` leave)."""
    pending = list(letters)
    for start in range(0, len(pending), 10):
        batch = pending[start : start + 10]
        sqs.change_message_visibility_batch(
            QueueUrl=url,
            Entries=[
                {"Id": str(i), "ReceiptHandle": letter.receipt_handle, "VisibilityTimeout": 0}
                for i, letter in enumerate(batch)
            ],
        )


def peek(target: Target, dlq: DeadLetterQueue, *, limit: int = PEEK_LIMIT) -> list[DeadLetter]:
    """What waits in ``dlq``, without consuming it: received, noted, and made visible again."""
    seen: dict[str, DeadLetter] = {}
    empty = 0
    try:
        while len(seen) < limit and empty < EMPTY_RECEIVES:
            fresh = [
                m
                for m in _receive(target.sqs, dlq.queue.url, PEEK_VISIBILITY_S)
                if m["MessageId"] not in seen
            ]
            empty = 0 if fresh else empty + 1
            for message in fresh:
                seen[str(message["MessageId"])] = _dead_letter(message)
    finally:
        _release(target.sqs, dlq.queue.url, seen.values())
    letters = sorted(seen.values(), key=lambda letter: (letter.sent_at or "", letter.sqs_message_id))
    if target.failures is not None:
        failures = target.failures.get_many(letter.sqs_message_id for letter in letters)
        for letter in letters:
            letter.failure = failures.get(letter.sqs_message_id)
    return letters


@dataclass
class RedriveReport:
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (DLQ message ID, source, new ID)
    would_move: list[tuple[str, str]] = field(default_factory=list)  # (DLQ message ID, source) in a dry run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (DLQ message ID, why)


def _source_of(dlq: DeadLetterQueue, letter: DeadLetter) -> Queue | None:
    if letter.source_arn:  # SQS names it on messages it moved (not every emulator does)
        return next((q for q in dlq.sources if q.arn == letter.source_arn), None)
    return dlq.sources[0] if len(dlq.sources) == 1 else None


def redrive(
    target: Target,
    dlq: DeadLetterQueue,
    report: RedriveReport,
    *,
    only: set[str] | None = None,
    limit: int | None = None,
    dry_run: bool = False,
) -> None:
    """Move ``dlq``'s messages (those in ``only``, at most ``limit``) back to their source queue.

    The same body and message attributes are sent to the source first; only once SQS has accepted
    them is the dead letter deleted. A message that cannot be moved stays in the DLQ, visible again.
    """
    seen: set[str] = set()
    held: list[DeadLetter] = []
    empty = 0

    def done() -> bool:
        count = len(report.moved) + len(report.would_move)
        return (limit is not None and count >= limit) or (only is not None and only <= seen)

    try:
        while not done() and empty < EMPTY_RECEIVES:
            fresh = [
                m
                for m in _receive(target.sqs, dlq.queue.url, MOVE_VISIBILITY_S)
                if m["MessageId"] not in seen
            ]
            empty = 0 if fresh else empty + 1
            for message in fresh:
                letter = _dead_letter(message)
                seen.add(letter.sqs_message_id)
                if (only is not None and letter.sqs_message_id not in only) or done():
                    held.append(letter)
                    continue
                source = _source_of(dlq, letter)
                if source is None:
                    report.failed.append((letter.sqs_message_id, "its source queue is not known"))
                    held.append(letter)
                elif dry_run:
                    report.would_move.append((letter.sqs_message_id, source.name))
                    held.append(letter)
                else:
                    _move(target.sqs, dlq, letter, source, report, held)
    finally:
        _release(target.sqs, dlq.queue.url, held)


def _move(
    sqs: Any,
    dlq: DeadLetterQueue,
    letter: DeadLetter,
    source: Queue,
    report: RedriveReport,
    held: list[DeadLetter],
) -> None:
    from botocore.exceptions import BotoCoreError, ClientError

    request: dict[str, Any] = {"QueueUrl": source.url, "MessageBody": letter.body}
    if letter.message_attributes:
        request["MessageAttributes"] = letter.message_attributes
    try:
        sent = sqs.send_message(**request)
    except (ClientError, BotoCoreError) as exc:
        report.failed.append((letter.sqs_message_id, f"not sent to {source.name}: {exc}"))
        held.append(letter)
        return
    try:
        sqs.delete_message(QueueUrl=dlq.queue.url, ReceiptHandle=letter.receipt_handle)
    except (ClientError, BotoCoreError) as exc:
        # Sent but still in the DLQ: it will be processed, and would be again if redriven twice.
        report.failed.append(
            (letter.sqs_message_id, f"sent to {source.name} but not deleted from the DLQ: {exc}")
        )
        return
    report.moved.append((letter.sqs_message_id, source.name, str(sent["MessageId"])))


# ---------------------------------------------------------------- the command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ghostdesk dlq",
        description="The messages SQS gave up on (after maxReceiveCount attempts), why they failed, and "
        "moving them back to their queue once the cause is fixed.",
        epilog="Exit codes: 0 done (list: the DLQs are empty), 1 list found dead letters or redrive left a "
        "selected message in its DLQ, 2 usage error or no stack to look at.",
    )
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--stack", metavar="NAME", help="the deployed CloudFormation stack (usual AWS config)")
    where.add_argument(
        "--data-dir",
        type=Path,
        help="the local stack's state directory (GHOSTDESK_DATA_DIR, default .local/)",
    )
    where.add_argument(
        "--queue",
        metavar="NAME",
        action="append",
        help="only this DLQ or the DLQ of this queue: a name, logical ID or part of one (repeatable)",
    )
    commands = parser.add_subparsers(dest="action", required=True, metavar="{list,redrive}")
    listing = commands.add_parser(
        "list",
        parents=[where],
        help="show the dead letters and their last error (exit 1 when there are any)",
        description="Show each DLQ's messages without consuming them: SQS ID, when sent, receive count, "
        "the message or order concerned, and the last error recorded. Exit 1 when there are any.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    moving = commands.add_parser(
        "redrive",
        parents=[where],
        help="move dead letters back to their source queue",
        description="Send each dead letter's body back to the queue it came from, then delete it from the "
        "DLQ (never before the send succeeded). Exit 1 when a selected message could not be moved.",
    )
    moving.add_argument("--message", metavar="SQS_ID", nargs="+", action="extend", help="only these messages")
    moving.add_argument("--max", type=int, metavar="N", help="move at most N messages in all")
    moving.add_argument("--dry-run", action="store_true", help="show what would move; move nothing")
    return parser


def _print_list(listed: list[tuple[DeadLetterQueue, list[DeadLetter]]], as_json: bool) -> None:
    if as_json:
        doc = {
            "total": sum(len(letters) for _, letters in listed),
            "queues": [
                {
                    "name": dlq.label,
                    "queue": dlq.queue.name,
                    "url": dlq.queue.url,
                    "sources": [source.name for source in dlq.sources],
                    "count": len(letters),
                    "messages": [letter.to_dict() for letter in letters],
                }
                for dlq, letters in listed
            ],
        }
        print(json.dumps(doc, indent=2))
        return
    for dlq, letters in listed:
        sources = ", ".join(source.name for source in dlq.sources) or "no source queue"
        print(f"{dlq.label} ({dlq.queue.name}, from {sources}): {len(letters)} dead letter(s)")
        for letter in letters:
            row = letter.to_dict()
            about = (
                f"message {row['message_id']}"
                if row["message_id"]
                else f"order {row['order_id']}"
                if row["order_id"]
                else "-"
            )
            reason = f"{row['error']}: {row['detail']}" if row["error"] else "no failure recorded"
            sent, count = letter.sent_at or "?", letter.receive_count or "?"
            print(f"  {letter.sqs_message_id}  sent {sent}  received {count}x  {about}  {reason}")


def main(argv: Sequence[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if getattr(args, "max", None) is not None and args.max < 1:
        print("ghostdesk dlq: --max must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        target = target_from(args, os.environ)
        dlqs = select(target.dlqs, args.queue)
    except DlqError as exc:
        print(f"ghostdesk dlq: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "list":
        listed = [(dlq, peek(target, dlq)) for dlq in dlqs]
        _print_list(listed, args.json)
        return EXIT_FOUND if any(letters for _, letters in listed) else EXIT_OK
    return _redrive_main(target, dlqs, args)


def _redrive_main(target: Target, dlqs: list[DeadLetterQueue], args: argparse.Namespace) -> int:
    only = set(args.message) if args.message else None
    report = RedriveReport()
    for dlq in dlqs:
        remaining = None if args.max is None else args.max - len(report.moved) - len(report.would_move)
        if remaining is not None and remaining <= 0:
            break
        redrive(target, dlq, report, only=only, limit=remaining, dry_run=args.dry_run)
    for old, source, new in report.moved:
        print(f"moved {old} -> {source} (now {new})")
    for old, source in report.would_move:
        print(f"would move {old} -> {source}")
    for old, why in report.failed:
        print(f"not moved {old}: {why}", file=sys.stderr)
    found = {old for old, *_ in (*report.moved, *report.would_move, *report.failed)}
    missing = sorted(only - found) if only else []
    for old in missing:
        print(f"not found {old}: in none of the dead-letter queues", file=sys.stderr)
    verb = "would move" if args.dry_run else "moved"
    print(f"{verb} {len(report.would_move) if args.dry_run else len(report.moved)} message(s)")
    return EXIT_FOUND if report.failed or missing else EXIT_OK
