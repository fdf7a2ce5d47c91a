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

    with _LOCK:
        if getattr(DynamoDBBackend, "_ghostdesk_atomic", False):
            return
        for name in _OPERATIONS:
            original = getattr(DynamoDBBackend, name, None)
            if original is not None:
                setattr(DynamoDBBackend, name, _locked(original))
        setattr(DynamoDBBackend, "_ghostdesk_atomic", True)  # noqa: B010 - moto declares no such attribute


def _locked(operation: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(operation)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            return operation(*args, **kwargs)

    return locked
