"""Triage: what can be known from a buyer message alone, before any marketplace is asked.

Two questions, answered from the text: is this an order-status inquiry (:mod:`.intent`), and which
identifiers did the buyer give (:mod:`.identifiers`): Amazon order IDs, carrier tracking numbers, eBay,
Walmart or Shopify order numbers. Diagnosis then asks the marketplaces about exactly those.
"""

from __future__ import annotations

from ghostdesk.models import BuyerMessage, Triage
from ghostdesk.triage.identifiers import find_identifiers, scan_text
from ghostdesk.triage.intent import classify_intent
from ghostdesk.triage.message_text import own_words

__all__ = ["classify_intent", "find_identifiers", "scan_text", "triage"]


def triage(message: BuyerMessage) -> Triage:
    """Intent (from the subject and the buyer's own words) and identifiers (from the whole message)."""
    intent = classify_intent(message.subject, own_words(message), message.language)
    return Triage(intent=intent, identifiers=find_identifiers(message))
