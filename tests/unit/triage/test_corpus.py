"""Triage on the labelled multilingual corpus: every message gets the intent and identifiers a human gave it.

Run with ``pytest -s`` (or ``-rA``) to see the per-language accuracy.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostdesk.models import IdentifierKind, IdentifierSource
from ghostdesk.triage import find_identifiers, triage
from ghostdesk.triage.intent import classify_intent
from ghostdesk.triage.message_text import own_words
from tests.unit.triage.corpus import LANGUAGES, Labelled, everything, load

ALL = everything()
BRIEF_CARRIERS = {
    "UPS",
    "USPS",
    "FedEx",
    "DHL Express",
    "DHL Paket",
    "Royal Mail",
    "DPD",
    "Hermes",
    "Evri",
    "GLS",
    "Amazon Logistics",
    "Colissimo",
    "La Poste",
    "Poste Italiane",
    "Correos",
    "PostNL",
    "China Post",
    "Cainiao",
    "Canada Post",
}


def _ids(item: Labelled) -> frozenset[tuple[str, str, str, str | None]]:
    return frozenset(
        (i.kind.value, i.value, i.source.value, i.carrier) for i in find_identifiers(item.message)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_has_at_least_40_messages_per_language_of_both_kinds(language: str) -> None:
    items = load(language)
    positives = sum(item.order_status for item in items)
    assert len(items) >= 40
    assert positives >= 15, "too few order-status inquiries"
    assert len(items) - positives >= 15, "too few other messages"
    assert len({item.id for item in items}) == len(items)


def test_corpus_covers_every_kind_source_and_carrier_the_triage_must_know() -> None:
    labels = [label for item in ALL for label in item.identifiers]
    assert {kind for kind, *_ in labels} == {kind.value for kind in IdentifierKind}
    assert {source for _, _, source, _ in labels} == {source.value for source in IdentifierSource}
    assert {carrier for kind, _, _, carrier in labels if kind == "tracking"} >= BRIEF_CARRIERS


@pytest.mark.parametrize("item", ALL, ids=lambda item: item.id)
def test_intent_matches_the_label(item: Labelled) -> None:
    intent = triage(item.message).intent
    assert intent.is_order_status is item.order_status, (
        f"{item.id} ({item.note}): score {intent.score}, reasons {intent.reasons}"
    )
    assert (intent.score >= 0.5) is intent.is_order_status


@pytest.mark.parametrize("item", ALL, ids=lambda item: item.id)
def test_identifiers_match_the_labels(item: Labelled) -> None:
    found = _ids(item)
    assert found == item.identifiers, (
        f"{item.id} ({item.note}): missing {set(item.identifiers - found)}, "
        f"unexpected {set(found - item.identifiers)}"
    )


@pytest.mark.parametrize(
    "item",
    [item for item in ALL if any(source == "quoted" for _, _, source, _ in item.identifiers)],
    ids=lambda item: item.id,
)
def test_orders_named_only_in_quoted_history_are_never_the_order_the_message_is_about(item: Labelled) -> None:
    result = triage(item.message)
    quoted = {value for kind, value, source, _ in item.identifiers if source == "quoted"}
    assert quoted
    assert not quoted & set(result.amazon_order_ids)
    assert not quoted & {i.value for i in result.foreign_identifiers}


def _accuracy(items: tuple[Labelled, ...], correct: Callable[[Labelled], bool]) -> float:
    return sum(correct(item) for item in items) / len(items)


@pytest.mark.parametrize("language", LANGUAGES)
def test_per_language_accuracy(
    language: str, record_property: Callable[[str, object], None], scoreboard: Callable[[str], None]
) -> None:
    items = load(language)
    intent_accuracy = _accuracy(
        items,
        lambda item: (
            classify_intent(item.message.subject, own_words(item.message), language).is_order_status
            is item.order_status
        ),
    )
    identifier_accuracy = _accuracy(items, lambda item: _ids(item) == item.identifiers)
    summary = (
        f"{language}: {len(items)} messages, intent accuracy {intent_accuracy:.3f}, "
        f"identifier accuracy {identifier_accuracy:.3f}"
    )
    scoreboard(f"triage corpus {summary}")
    record_property(f"{language}_intent_accuracy", round(intent_accuracy, 3))
    record_property(f"{language}_identifier_accuracy", round(identifier_accuracy, 3))
    # Each message is also a test of its own above; this floor keeps the summary honest when one slips.
    assert intent_accuracy >= 0.95, summary
    assert identifier_accuracy >= 0.95, summary
