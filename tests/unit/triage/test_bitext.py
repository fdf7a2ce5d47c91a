"""The order-status rule measured on Bitext's labelled customer-service utterances (English, 8,175 rows).

Which Bitext intents count as order status:

* ``track_order`` ("where is my order?", "help me check the status of my order", "order ETA"): exactly the
  question ghostdesk answers.
* ``delivery_period`` ("when will my item arrive?", "how soon can I expect the delivery?", "information
  about the delivery period"): in a seller's inbox these come from buyers who have ordered and are asking
  when it will come, which needs the order's status. Its generic wording ("tell me about delivery
  periods") is as often a veiled "where is it"; a pre-sale "how long does shipping take, before I buy" is
  told apart by the "before I buy" cues, which Bitext never uses.

Everything else is negative, notably the near misses the rule must not take for status: ``track_refund``
("check the status of my refund"), ``delivery_options``, ``payment_issue``, ``cancel_order``,
``change_order``, ``change_shipping_address``, ``check_invoice`` and ``newsletter_subscription`` ("I
cannot receive the newsletter").

Bitext is machine-generated English; the multilingual corpus (``test_corpus.py``) must pass with the same
rules, so a cue tuned to Bitext's phrasing that broke real messages would show there.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ghostdesk.triage.intent import classify_intent
from tests.shared_data import SHARED_DATA

BITEXT = SHARED_DATA / "intents" / "bitext-customer-service-8k-training.csv"
ORDER_STATUS_INTENTS = frozenset({"track_order", "delivery_period"})
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    false_positives: Counter[str]
    false_negatives: Counter[str]


def _measure() -> Scores:
    tp = fp = fn = 0
    false_positives: Counter[str] = Counter()
    false_negatives: Counter[str] = Counter()
    with BITEXT.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            predicted = classify_intent("", row["utterance"], "en").is_order_status
            actual = row["intent"] in ORDER_STATUS_INTENTS
            if predicted and actual:
                tp += 1
            elif predicted:
                fp += 1
                false_positives[row["intent"]] += 1
            elif actual:
                fn += 1
                false_negatives[row["intent"]] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, false_positives, false_negatives)


def test_bitext_has_the_labels_this_measurement_relies_on() -> None:
    with BITEXT.open(encoding="utf-8-sig", newline="") as handle:
        intents = Counter(row["intent"] for row in csv.DictReader(handle))
    assert sum(intents.values()) > 8000
    assert all(intents[name] > 250 for name in ORDER_STATUS_INTENTS)
    assert intents["track_refund"] > 250, "the closest negative must be in the set"


def test_order_status_rule_on_bitext(
    record_property: Callable[[str, object], None], scoreboard: Callable[[str], None]
) -> None:
    scores = _measure()
    summary = (
        f"Bitext order-status (track_order + delivery_period): precision {scores.precision:.3f}, "
        f"recall {scores.recall:.3f}, F1 {scores.f1:.3f}; "
        f"false positives by intent {dict(scores.false_positives)}, "
        f"false negatives by intent {dict(scores.false_negatives)}"
    )
    scoreboard(summary)
    record_property("bitext_precision", round(scores.precision, 4))
    record_property("bitext_recall", round(scores.recall, 4))
    record_property("bitext_f1", round(scores.f1, 4))
    assert scores.precision >= PRECISION_FLOOR, summary
    assert scores.recall >= RECALL_FLOOR, summary
