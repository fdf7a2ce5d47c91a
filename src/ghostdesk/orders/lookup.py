"""Carry out a :class:`~ghostdesk.diagnosis.LookupPlan` against the connected order sources.

This is the one impure step between triage and diagnosis. An unreachable marketplace is recorded (so
diagnosis can refuse to call an order a ghost on its silence); a quota refusal propagates, because the
right answer to it is to wait and try again, not to diagnose with less.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ghostdesk.diagnosis import LookupPlan
from ghostdesk.models import IdentifierKind, LookupResult, OrderFacts
from ghostdesk.orders.source import MarketplaceUnavailable, OrderSource


class ChannelSearch(Protocol):
    """A connected non-Amazon channel that can be searched for a buyer's order (Shopify, eBay, Walmart)."""

    name: str

    def search(
        self,
        *,
        emails: Sequence[str],
        names: Sequence[str],
        order_numbers: Sequence[str],
    ) -> list[OrderFacts]: ...


def gather_facts(
    plan: LookupPlan,
    amazon: OrderSource | None,
    other_channels: Sequence[ChannelSearch] = (),
    *,
    buyer_emails: Sequence[str] = (),
) -> LookupResult:
    amazon_facts: dict[str, OrderFacts | None] = {}
    unavailable: list[str] = []
    by_alias: list[OrderFacts] = []

    if amazon is not None:
        try:
            for order_id in plan.amazon_order_ids:
                amazon_facts[order_id] = amazon.get_order(order_id)
                if amazon_facts[order_id] is not None:
                    break  # the first order that exists is the one the message is about
            wanted = not (plan.alias_fallback and any(amazon_facts.values()))
            if plan.buyer_email and plan.created_after and wanted:
                by_alias = amazon.find_by_buyer_email(plan.buyer_email, created_after=plan.created_after)
        except MarketplaceUnavailable:
            unavailable.append("amazon")
    elif plan.amazon_order_ids or plan.buyer_email:
        unavailable.append("amazon")

    # Orders found by the alias after an unknown ID are only candidates for a typo (diagnosis decides), so
    # the other channels are still asked.
    found_on_amazon = any(amazon_facts.values()) or (bool(by_alias) and not plan.alias_fallback)
    others: list[OrderFacts] = []
    if plan.search_other_channels and not found_on_amazon and other_channels:
        emails = [e for e in (*buyer_emails, plan.buyer_email) if e]
        names = list(plan.buyer_names)
        numbers = [
            i.value
            for i in plan.foreign_identifiers
            if i.kind
            in (IdentifierKind.SHOPIFY_ORDER, IdentifierKind.EBAY_ORDER, IdentifierKind.WALMART_ORDER)
        ]
        for channel in other_channels:
            try:
                others.extend(channel.search(emails=emails, names=names, order_numbers=numbers))
            except MarketplaceUnavailable:
                unavailable.append(channel.name)

    return LookupResult(
        amazon=amazon_facts,
        by_alias=tuple(by_alias),
        other_channels=tuple(others),
        unavailable=tuple(unavailable),
    )
