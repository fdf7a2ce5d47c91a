"""Take the quadratic work out of moto's SQS, so a queue holding a burst of mail stays fast to read.

moto 5's ``ReceiveMessage`` checks each message it is about to return against the queue's retention
period by calling ``get_queue_attributes(["MessageRetentionPeriod"])``, which builds the queue's whole
attribute map - three scans of every message in the queue (the approximate counts), each message
reading the clock twice - and does so twice per call. With a few hundred mails waiting, one receive of
ten messages walks the queue thousands of times, under moto's GIL, and every function talking to the
local AWS waits behind it. The retention period is a plain attribute of the queue; this module reads
it from there. And moto's SQS reads the clock as ``utcnow() - utcfromtimestamp(0)`` in datetime
arithmetic, once per message per scan (``SendMessage`` too builds the attribute map); this module gives
its models the same number - seconds since the epoch, as a float - from ``time.time()``.

What SQS does (which message is returned, when it becomes visible, when it expires) is unchanged.

The patch applies to the process that serves moto, once; like :mod:`ghostdesk.local.moto_atomic`.
"""

from __future__ import annotations

import threading
import time
from typing import Any

_LOCK = threading.Lock()


def make_moto_sqs_fast() -> None:
    """Read a queue's retention period directly when receiving (idempotent; this process only)."""
    from moto.sqs import models
    from moto.sqs.models import SQSBackend

    with _LOCK:
        if getattr(SQSBackend, "_ghostdesk_fast", False):
            return

        def is_message_valid_based_on_retention_period(self: Any, queue_name: str, message: Any) -> bool:
            retention_period = int(self.get_queue(queue_name).message_retention_period)
            retain_until = retention_period + message.sent_timestamp / 1000
            return bool(retain_until > _unix_time())

        setattr(  # noqa: B010 - replacing moto's method, which mypy does not know by this name
            SQSBackend,
            "is_message_valid_based_on_retention_period",
            is_message_valid_based_on_retention_period,
        )
        # Only the default "now" is replaced: moto's models call these with no argument.
        setattr(models, "unix_time", _unix_time)  # noqa: B010 - moto's module, imported by name
        setattr(models, "unix_time_millis", _unix_time_millis)  # noqa: B010
        setattr(SQSBackend, "_ghostdesk_fast", True)  # noqa: B010 - moto declares no such attribute


def _unix_time(dt: Any = None) -> float:
    if dt is not None:
        from moto.core.utils import unix_time

        return float(unix_time(dt))
    return time.time()


def _unix_time_millis(dt: Any = None) -> float:
    return _unix_time(dt) * 1000.0
