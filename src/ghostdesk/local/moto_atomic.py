"""Make moto's DynamoDB keep DynamoDB's promise: a conditional write is checked and applied atomically.

DynamoDB evaluates a ``ConditionExpression`` and writes the item as one step, which is what every
compare-and-set in ghostdesk relies on (token buckets, the order mirror, the sync lease). moto checks
the condition and then writes, in Python, without a lock: two threads (two local Lambda environments
talking to the local stack's moto server, or test threads) can both pass the same condition. That would
let the local stack hand out more SP-API tokens than the bucket holds - a fault of the stand-in, not of
the code under test. This module serialises moto's DynamoDB operations behind one lock, once per
process; the code under test stays as concurrent as it is.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any

_LOCK = threading.RLock()
_OPERATIONS = (
    "get_item",
    "put_item",
    "update_item",
    "delete_item",
    "transact_write_items",
    "transact_get_items",
    "batch_write_item",
    "batch_get_item",
)


def make_moto_dynamodb_atomic() -> None:
    """Serialise moto's DynamoDB item operations (idempotent; affects this process only)."""
    from moto.dynamodb.models import DynamoDBBackend

    _serialise(DynamoDBBackend, _OPERATIONS, _LOCK)


def _serialise(
    backend: type,
    operations: tuple[str, ...],
    lock: threading.RLock,
    extra: Callable[[type], None] | None = None,
) -> None:
    """Wrap ``backend``'s ``operations`` in ``lock``, once per process (``extra`` patches more, once)."""
    with lock:
        if getattr(backend, "_ghostdesk_atomic", False):
            return
        for name in operations:
            original = getattr(backend, name, None)
            if original is not None:
                setattr(backend, name, _locked(original, lock))
        if extra is not None:
            extra(backend)
        setattr(backend, "_ghostdesk_atomic", True)  # noqa: B010 - moto declares no such attribute


def _locked(operation: Callable[..., Any], lock: threading.RLock) -> Callable[..., Any]:
    @functools.wraps(operation)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with lock:
            return operation(*args, **kwargs)

    return locked


_SQS_LOCK = threading.RLock()
_SQS_OPERATIONS = (
    "send_message",
    "send_message_batch",
    "delete_message",
    "delete_message_batch",
    "change_message_visibility",
    "change_message_visibility_batch",
    "purge_queue",
)


def make_moto_sqs_atomic() -> None:
    """Make moto's SQS hand each message to one receiver, as SQS does (idempotent; this process only).

    moto's ``ReceiveMessage`` walks the queue, sees a message visible and marks it received, without a
    lock: two pollers in the same walk both take the same message, and the first receipt handle is
    invalidated under the first poller's feet - its batch then can neither be deleted nor made visible,
    and sits hidden until the visibility timeout. SQS never does that. Receives (one walk at a time)
    and every other message operation are serialised here; a long poll waits *outside* the lock, so a
    waiting poller never holds up the others.
    """
    from moto.sqs.models import SQSBackend

    def receive_one_walk_at_a_time(backend: type) -> None:
        setattr(backend, "receive_message", _receive_one_walk_at_a_time(backend.receive_message))  # type: ignore[attr-defined]  # noqa: B010

    _serialise(SQSBackend, _SQS_OPERATIONS, _SQS_LOCK, receive_one_walk_at_a_time)


def _receive_one_walk_at_a_time(receive: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(receive)
    def receive_message(
        self: Any,
        queue_name: str,
        count: int,
        wait_seconds_timeout: int,
        visibility_timeout: int,
        message_attribute_names: list[str] | None = None,
    ) -> Any:
        deadline = time.monotonic() + (wait_seconds_timeout or 0)
        while True:
            with _SQS_LOCK:  # one walk, no waiting: moto's own wait would hold the lock
                found = receive(self, queue_name, count, 0, visibility_timeout, message_attribute_names)
            left = deadline - time.monotonic()
            if found or left <= 0:
                return found
            self.get_queue(queue_name).wait_for_messages(min(1.0, left))

    return receive_message
