"""The evidence an agent sees for a pending order: who fulfils it, pre-order or not, its age against the
threshold in words and numbers, and the most likely cause with the reason it was chosen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ghostdesk.diagnosis import DiagnosisPolicy, diagnose
from ghostdesk.models import Case, Diagnosis, LookupResult, OrderFacts, Triage
from tests.unit.test_diagnosis import NOW, ORDER, ORDER_STATUS, amazon_id, message, order


def diagnosed(facts: OrderFacts, text: str = "Why is my order still pending?", days: float = 7) -> Diagnosis:
    return diagnose(
        message(text),
        Triage(ORDER_STATUS, (amazon_id(ORDER),)),
        LookupResult(amazon={ORDER: facts}),
        NOW,
        DiagnosisPolicy.from_days(days),
    )


def test_a_merchant_order_within_the_threshold_reads_as_payment_verification_with_days_left() -> None:
    d = diagnosed(order("PENDING", age=timedelta(days=2)))
    assert d.case is Case.PENDING
    assert d.evidence["fulfilment"] == "fulfilled by the merchant (FBM)"
    assert d.evidence["pre_order"] is False
    assert d.evidence["past_threshold"] is False
    assert d.evidence["days_past_threshold"] == -5.0
    assert d.evidence["age_vs_threshold"] == "pending 2.0 days: 5.0 days before the 7-day threshold"
    assert d.evidence["likely_cause"] == "payment_verification"
    assert "most common" in d.evidence["likely_cause_reason"]


def test_an_fba_order_past_the_threshold_names_the_inventory_transfer_and_how_far_past() -> None:
    d = diagnosed(order("PENDING", age=timedelta(days=12, hours=2), fulfilled_by="AMAZON"))
    assert d.case is Case.PENDING_LONG
    assert d.evidence["fulfilment"] == "fulfilled by Amazon (FBA)"
    assert d.evidence["past_threshold"] is True
    assert d.evidence["days_past_threshold"] == pytest.approx(5.08, abs=0.01)
    assert d.evidence["age_vs_threshold"] == "pending 12.1 days: 5.1 days past the 7-day threshold"
    assert d.evidence["likely_cause"] == "fba_inventory_transfer"
    assert "Amazon-fulfilled" in d.evidence["likely_cause_reason"]


def test_the_buyers_own_words_about_the_address_outrank_the_usual_cause() -> None:
    d = diagnosed(order("PENDING"), text="Amazon asked me to verify my address, is that why?")
    assert d.evidence["likely_cause"] == "address_verification"
    assert d.evidence["likely_cause_reason"] == "the buyer mentions an address verification"


def test_a_pre_order_says_so_and_why() -> None:
    d = diagnosed(order("PENDING_AVAILABILITY", age=timedelta(days=9), programs=("PREORDER",)))
    assert d.case is Case.PENDING_AVAILABILITY
    assert d.evidence["pre_order"] is True
    assert d.evidence["likely_cause"] == "pre_order_release"
    assert "released" in d.evidence["likely_cause_reason"]
    assert d.evidence["age_vs_threshold"].startswith("pending 9.0 days: 2.0 days past")


def test_a_released_pre_order_still_pending_is_a_pre_order_awaiting_payment() -> None:
    d = diagnosed(order("PENDING", programs=("PREORDER",)))
    assert d.evidence["pre_order"] is True
    assert d.evidence["likely_cause"] == "payment_verification"
    assert d.evidence["likely_cause_reason"] == "released pre-order: payment is being authorised"


def test_the_threshold_the_seller_chose_is_the_one_compared_against() -> None:
    d = diagnosed(order("PENDING", age=timedelta(days=4)), days=3)
    assert d.case is Case.PENDING_LONG
    assert d.evidence["age_vs_threshold"] == "pending 4.0 days: 1.0 days past the 3-day threshold"
    assert d.evidence["pending_threshold_days"] == 3
    assert d.evidence["created"] == (NOW - timedelta(days=4)).isoformat()
