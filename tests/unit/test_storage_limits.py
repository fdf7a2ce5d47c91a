"""A message record always fits a DynamoDB item, however the mail was built to overflow it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from ghostdesk.mail.reader import read_email
from ghostdesk.models import Identifier, IdentifierKind, Intent, Triage
from ghostdesk.pipeline.limits import (
    RECORD_BUDGET_BYTES,
    TRIAGE_MAX_CHARS,
    fit_for_storage,
    for_triage,
    record_size,
)
from ghostdesk.records import MessageRecord, MessageStatus
from tests.shared_data import REPO

DEMO = read_email((REPO / "demo" / "emails" / "01-pending-us.eml").read_bytes())


def record_of(**message_changes: object) -> MessageRecord:
    triage = Triage(Intent(True, 0.9), ())
    return MessageRecord(
        "m-1",
        datetime(2026, 11, 20, tzinfo=UTC),
        MessageStatus.PARSED,
        message=replace(DEMO, **message_changes),
        triage=triage,
    )


def test_an_ordinary_message_is_stored_as_it_is() -> None:
    record = record_of()
    assert fit_for_storage(record) is record


@pytest.mark.parametrize(
    "overflow",
    [
        {"text": "Where is my order? " * 40_000, "fresh_text": "Where is my order? " * 40_000},
        {"fresh_text": "\x00" * 200_000, "quoted_text": "\x01" * 200_000},  # six bytes each in JSON
        {"to": tuple(f"r{n}@example.com" for n in range(20_000))},
        {"auto_headers": {f"x-auto-{n}": "A" * 8_192 for n in range(60)}},
        {"references": tuple(f"<{n}-{'x' * 900}@example.com>" for n in range(1_000))},
    ],
    ids=["long text", "escaped text", "recipients", "auto headers", "references"],
)
def test_an_oversized_record_is_cut_to_the_budget_and_says_so(overflow: dict[str, object]) -> None:
    record = record_of(**overflow)
    assert record_size(record) > RECORD_BUDGET_BYTES

    fitted = fit_for_storage(record)

    assert record_size(fitted) <= RECORD_BUDGET_BYTES
    assert fitted.message is not None
    assert "truncated_for_storage" in fitted.message.defects
    assert fitted.message.from_address == DEMO.from_address  # who to answer survives
    assert fitted.message.subject == DEMO.subject


def test_the_buyers_fresh_words_keep_their_beginning() -> None:
    fitted = fit_for_storage(record_of(fresh_text="Order 113-4829175-6031482 please. " + "x" * 900_000))
    assert fitted.message is not None
    assert fitted.message.fresh_text.startswith("Order 113-4829175-6031482 please.")


def test_a_thousand_identifiers_are_capped() -> None:
    ids = tuple(
        Identifier(IdentifierKind.AMAZON_ORDER, f"113-{n:07d}-0000000", "x" * 500) for n in range(1_000)
    )
    record = replace(record_of(), triage=Triage(Intent(True, 0.9), ids))
    fitted = fit_for_storage(record)
    assert fitted.triage is not None
    assert len(fitted.triage.identifiers) == 100
    assert fitted.triage.identifiers[0] == ids[0]


def test_triage_reads_a_bounded_prefix_of_each_text() -> None:
    message = replace(DEMO, text="a" * 100_000, fresh_text="b" * 100_000, quoted_text="c" * 100_000)
    bounded = for_triage(message)
    assert (len(bounded.text), len(bounded.fresh_text), len(bounded.quoted_text)) == (TRIAGE_MAX_CHARS,) * 3
    assert for_triage(DEMO) is DEMO
