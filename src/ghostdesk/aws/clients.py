"""boto3 clients, created on first use and shared for the life of the process (one Lambda container).

Created lazily so a cold start pays only for the clients its handler actually touches. Retries use
botocore's standard mode with a bounded attempt count: a throttled call is retried with backoff, and a
persistent failure surfaces to the handler, which reports the batch item as failed (SQS then redelivers,
and after maxReceiveCount the message lands in the DLQ with its reason in the logs).
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def client(service: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "max_attempts": 5},
        connect_timeout=3,
        read_timeout=15,
    )
    return boto3.client(service, config=config)  # type: ignore[call-overload]


def reset() -> None:
    """Forget cached clients (tests switch between moto backends)."""
    client.cache_clear()
