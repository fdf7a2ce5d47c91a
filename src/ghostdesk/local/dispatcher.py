"""Event sources as Lambda runs them: SQS event source mappings and EventBridge rate schedules.

An :class:`SqsEventSourceMapping` does what Lambda's poller does for an ``SQS`` event of the template:
long-poll the queue, gather up to ``BatchSize`` messages (waiting up to ``MaximumBatchingWindowInSeconds``
for a fuller batch), build the event exactly as Lambda builds it, invoke the function synchronously, and

* on success, delete the batch; with ``ReportBatchItemFailures``, delete only the records *not* named in
  the response's ``batchItemFailures`` - and treat the whole batch as failed when an ``itemIdentifier``
  is empty, missing or not in the batch, or the response is not the expected object, as Lambda does;
* on a function error (exception, timeout, crash), delete nothing.

Failed messages stay in the queue and come back when their visibility timeout ends; after
``maxReceiveCount`` receives the queue's redrive policy moves them to the DLQ. moto applies the redrive
policy on ``ReceiveMessage`` just as SQS does, so the DLQ behaviour here is SQS's own, not a copy.

Local nicety, off in faithful mode: a failed message's visibility is set to ``retry_delay_s`` (env
``GHOSTDESK_LOCAL_RETRY_DELAY_S``, default 2) so retries happen in seconds instead of after the queue's
visibility timeout (often minutes). A message whose visibility the function changed itself (a retry
delay it chose, e.g. the wait a marketplace asked for) keeps that delay when the mapping can see it
(``visible_at``, which the local stack reads from moto). Set ``GHOSTDESK_LOCAL_FAITHFUL=1`` to keep
SQS's own timing everywhere.

A :class:`ScheduleRunner` invokes a function with EventBridge's ``Scheduled Event`` at its rate, and
retries a failed invocation twice as Lambda does for asynchronous invocations.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ghostdesk.local.lambda_runtime import Invocable, InvocationResult
from ghostdesk.local.resources import QueueInfo, ScheduleSource, SqsEventSource

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef

log = logging.getLogger(__name__)

SQS_RECEIVE_LIMIT = 10  # ReceiveMessage returns at most 10 messages per call
ASYNC_RETRY_DELAYS_S = (60.0, 120.0)  # Lambda's retries of a failed asynchronous invocation


# Given a queue and a receipt handle: when (epoch seconds) the message becomes visible again, if known.
VisibleAtProbe = Callable[[QueueInfo, str], float | None]


@dataclass(frozen=True)
class DispatchOptions:
    faithful: bool = False  # True: SQS's own retry timing and Lambda's async retry delays
    retry_delay_s: int = 2  # visibility of a failed message (and async retry delay) when not faithful
    parallel_invocations: int = 1  # concurrent batches per event source mapping
    poll_wait_s: int = 1  # ReceiveMessage long-poll time; short so that stopping is prompt


class BatchOutcome:
    """Which records of a batch failed, decided by Lambda's rules for the function's response."""

    def __init__(self, failed: set[str], reason: str | None = None) -> None:
        self.failed = failed
        self.reason = reason  # why the whole batch failed, if it did


def batch_outcome(
    result: InvocationResult, message_ids: Sequence[str], *, report_batch_item_failures: bool
) -> BatchOutcome:
    """Lambda's reading of an invocation's result for an SQS batch."""
    everything = set(message_ids)
    if result.error is not None:
        return BatchOutcome(everything, f"function error {result.error.error_type}")
    if not report_batch_item_failures:
        return BatchOutcome(set())
    response = result.payload
    if response is None or response == {}:
        return BatchOutcome(set())
    if not isinstance(response, dict):
        return BatchOutcome(everything, "response is not a batch item failures object")
    failures = response.get("batchItemFailures")
    if failures is None or failures == []:
        return BatchOutcome(set())
    if not isinstance(failures, list):
        return BatchOutcome(everything, "batchItemFailures is not a list")
    failed: set[str] = set()
    for failure in failures:
        identifier = failure.get("itemIdentifier") if isinstance(failure, dict) else None
        if not isinstance(identifier, str) or not identifier or identifier not in everything:
            return BatchOutcome(everything, "invalid itemIdentifier in batchItemFailures")
        failed.add(identifier)
    return BatchOutcome(failed)


def lambda_message_attributes(attributes: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """SQS message attributes in the camelCase shape Lambda puts in an SQS record."""
    shaped: dict[str, dict[str, Any]] = {}
    for name, value in attributes.items():
        attribute: dict[str, Any] = {}
        if "StringValue" in value:
            attribute["stringValue"] = value["StringValue"]
        if "BinaryValue" in value:
            attribute["binaryValue"] = base64.b64encode(value["BinaryValue"]).decode("ascii")
        attribute["stringListValues"] = list(value.get("StringListValues", []))
        attribute["binaryListValues"] = [
            base64.b64encode(item).decode("ascii") for item in value.get("BinaryListValues", [])
        ]
        attribute["dataType"] = value["DataType"]
        shaped[name] = attribute
    return shaped


def sqs_record(message: MessageTypeDef, *, queue_arn: str, region: str) -> dict[str, Any]:
    """One record of Lambda's SQS event, from a ``ReceiveMessage`` result."""
    record: dict[str, Any] = {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message.get("Body", ""),
        "attributes": dict(message.get("Attributes", {})),
        "messageAttributes": lambda_message_attributes(message.get("MessageAttributes", {})),
    }
    if "MD5OfMessageAttributes" in message:
        record["md5OfMessageAttributes"] = message["MD5OfMessageAttributes"]
    record["md5OfBody"] = message["MD5OfBody"]
    record["eventSource"] = "aws:sqs"
    record["eventSourceARN"] = queue_arn
    record["awsRegion"] = region
    return record


def scheduled_event(
    *, rule_arn: str, region: str, account_id: str, now: datetime | None = None
) -> dict[str, Any]:
    """EventBridge's event for a schedule rule, as a function behind a ``Schedule`` event receives it."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": account_id,
        "time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [rule_arn],
        "detail": {},
    }


class SqsEventSourceMapping:
    """One SQS event source mapping: a poller thread and up to ``parallel_invocations`` batches."""

    def __init__(
        self,
        function: Invocable,
        source: SqsEventSource,
        queue: QueueInfo,
        sqs: SQSClient,
        *,
        region: str,
        options: DispatchOptions | None = None,
        visible_at: VisibleAtProbe | None = None,
    ) -> None:
        if function.spec.timeout_s > queue.visibility_timeout_s:
            # Lambda refuses to create such a mapping: a message would come back while still in work.
            raise ValueError(
                f"Queue visibility timeout: {queue.visibility_timeout_s} seconds is less than Function "
                f"timeout: {function.spec.timeout_s} seconds ({queue.logical_id} -> {function.name})"
            )
        self.function = function
        self.source = source
        self.queue = queue
        self._sqs = sqs
        self._region = region
        self.options = options or DispatchOptions()
        self._stop = threading.Event()
        self._slots = threading.Semaphore(max(1, self.options.parallel_invocations))
        self._executor: ThreadPoolExecutor | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._busy = 0  # batches received and not yet settled
        self._visible_at = visible_at
        self._received_at: dict[str, float] = {}  # receipt handle -> when it was received
        self.batches = 0
        self.failed_batches = 0

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._busy > 0

    def start(self) -> None:
        if self._thread is not None:
            return
        self._executor = ThreadPoolExecutor(
            max_workers=max(1, self.options.parallel_invocations),
            thread_name_prefix=f"esm-{self.queue.logical_id}",
        )
        self._thread = threading.Thread(
            target=self._poll_loop, name=f"poll-{self.queue.logical_id}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.options.poll_wait_s + 5)
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def poll_once(self) -> int:
        """Receive one batch and process it in this thread; the number of messages handled."""
        batch = self._receive_batch()
        if batch:
            with self._lock:
                self._busy += 1
            self._process(batch)
        return len(batch)

    # -- internals ---------------------------------------------------------------------------------

    def _poll_loop(self) -> None:
        while not self._stop.is_set():
            if not self._slots.acquire(timeout=0.2):
                continue
            try:
                batch = self._receive_batch()
            except Exception:
                self._slots.release()
                log.exception("receiving from %s failed; retrying", self.queue.logical_id)
                self._stop.wait(1.0)
                continue
            if not batch:
                self._slots.release()
                continue
            with self._lock:
                self._busy += 1
            assert self._executor is not None
            self._executor.submit(self._process_in_slot, batch)

    def _process_in_slot(self, batch: list[MessageTypeDef]) -> None:
        try:
            self._process(batch)
        finally:
            self._slots.release()

    def _receive_batch(self) -> list[MessageTypeDef]:
        wanted = max(1, self.source.batch_size)
        window = float(self.source.max_batching_window_s)
        batch: list[MessageTypeDef] = []
        window_ends: float | None = None
        while len(batch) < wanted and not self._stop.is_set():
            wait_s = self.options.poll_wait_s
            if window_ends is not None:
                remaining = window_ends - time.monotonic()
                if remaining <= 0:
                    break
                wait_s = min(wait_s, max(0, int(remaining)))
            response = self._sqs.receive_message(
                QueueUrl=self.queue.url,
                MaxNumberOfMessages=min(SQS_RECEIVE_LIMIT, wanted - len(batch)),
                WaitTimeSeconds=wait_s,
                AttributeNames=["All"],
                MessageSystemAttributeNames=["All"],
                MessageAttributeNames=["All"],
            )
            messages = response.get("Messages", [])
            received_at = time.time()
            with self._lock:
                self._received_at.update((m["ReceiptHandle"], received_at) for m in messages)
            batch.extend(messages)
            if not batch:
                if window_ends is None:
                    return batch  # nothing arrived in this poll: poll again
                continue
            if window <= 0:
                break  # no batching window: invoke with what one receive returned
            if window_ends is None:
                window_ends = time.monotonic() + window
            if not messages and window_ends - time.monotonic() < 1:
                time.sleep(max(0.0, min(0.2, window_ends - time.monotonic())))
        return batch

    def _process(self, batch: list[MessageTypeDef]) -> None:
        try:
            records = [
                sqs_record(message, queue_arn=self.queue.arn, region=self._region) for message in batch
            ]
            result = self.function.invoke({"Records": records})
            ids = [record["messageId"] for record in records]
            outcome = batch_outcome(
                result, ids, report_batch_item_failures=self.source.report_batch_item_failures
            )
            handles = {record["messageId"]: record["receiptHandle"] for record in records}
            succeeded = [message_id for message_id in ids if message_id not in outcome.failed]
            self._delete(succeeded, handles)
            if outcome.failed:
                self.failed_batches += 1
                log.warning(
                    "%s: %d of %d messages from %s failed (%s); they will be retried",
                    self.function.name,
                    len(outcome.failed),
                    len(ids),
                    self.queue.logical_id,
                    outcome.reason or "batch item failures",
                )
                if not self.options.faithful:
                    quick = [
                        m for m in sorted(outcome.failed) if not self._handler_set_visibility(handles[m])
                    ]
                    self._hide_for(quick, handles, self.options.retry_delay_s)
            self.batches += 1
        except Exception:
            log.exception("processing a batch from %s failed", self.queue.logical_id)
        finally:
            with self._lock:
                self._busy -= 1
                for message in batch:
                    self._received_at.pop(message["ReceiptHandle"], None)

    def _handler_set_visibility(self, receipt_handle: str) -> bool:
        """Whether the function chose this message's retry time itself (``ChangeMessageVisibility``,
        e.g. the wait a marketplace asked for): then the quick local retry leaves it alone."""
        if self._visible_at is None:
            return False
        with self._lock:
            received_at = self._received_at.get(receipt_handle)
        visible_at = self._visible_at(self.queue, receipt_handle)
        if received_at is None or visible_at is None:
            return False
        return abs(visible_at - (received_at + self.queue.visibility_timeout_s)) > 1.5

    def _delete(self, message_ids: Sequence[str], handles: Mapping[str, str]) -> None:
        for start in range(0, len(message_ids), SQS_RECEIVE_LIMIT):
            chunk = message_ids[start : start + SQS_RECEIVE_LIMIT]
            response = self._sqs.delete_message_batch(
                QueueUrl=self.queue.url,
                Entries=[{"Id": str(n), "ReceiptHandle": handles[m]} for n, m in enumerate(chunk)],
            )
            for failure in response.get("Failed", []):
                log.warning(
                    "could not delete a processed message from %s: %s", self.queue.logical_id, failure
                )

    def _hide_for(self, message_ids: Sequence[str], handles: Mapping[str, str], seconds: int) -> None:
        for start in range(0, len(message_ids), SQS_RECEIVE_LIMIT):
            chunk = message_ids[start : start + SQS_RECEIVE_LIMIT]
            self._sqs.change_message_visibility_batch(
                QueueUrl=self.queue.url,
                Entries=[
                    {"Id": str(n), "ReceiptHandle": handles[m], "VisibilityTimeout": seconds}
                    for n, m in enumerate(chunk)
                ],
            )


class ScheduleRunner:
    """A ``Schedule`` event of a function: a thread that invokes it every ``rate_seconds``."""

    def __init__(
        self,
        function: Invocable,
        schedule: ScheduleSource,
        *,
        rule_arn: str,
        region: str,
        account_id: str,
        options: DispatchOptions | None = None,
    ) -> None:
        self.function = function
        self.schedule = schedule
        self.rule_arn = rule_arn
        self._region = region
        self._account_id = account_id
        self.options = options or DispatchOptions()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.invocations = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop, name=f"schedule-{self.schedule.logical_id}", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.function.spec.timeout_s + 5)

    def fire(self) -> InvocationResult:
        """One scheduled invocation, with Lambda's asynchronous retries on error."""
        event = scheduled_event(rule_arn=self.rule_arn, region=self._region, account_id=self._account_id)
        delays = ASYNC_RETRY_DELAYS_S if self.options.faithful else (float(self.options.retry_delay_s),) * 2
        result = self.function.invoke(event)
        self.invocations += 1
        for delay in delays:
            if result.ok or self._stop.wait(delay):
                break
            result = self.function.invoke(event)
            self.invocations += 1
        if not result.ok and result.error is not None:
            log.warning(
                "%s: scheduled invocation failed after retries: %s",
                self.function.name,
                result.error.error_type,
            )
        return result

    def _loop(self) -> None:
        # EventBridge fires a rate rule one period after it is created, then every period.
        next_at = time.monotonic() + self.schedule.rate_seconds
        while not self._stop.wait(max(0.0, next_at - time.monotonic())):
            next_at += self.schedule.rate_seconds
            try:
                self.fire()
            except Exception:
                log.exception("scheduled invocation of %s failed", self.function.name)
