"""The relay alias as a fallback: asked only when none of the IDs the buyer gave exists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from ghostdesk.diagnosis import LookupPlan
from ghostdesk.models import OrderFacts
from ghostdesk.orders.lookup import gather_facts

NOW = datetime(2029, 1, 15, tzinfo=UTC)
ALIAS = "abc123@marketplace.amazon.it"
REAL = "406-3381902-7715204"
TYPED = "406-3381902-7715240"


def _order(order_id: str, status: str = "UNSHIPPED") -> OrderFacts:
    return OrderFacts(channel="amazon", order_id=order_id, status=status, created=NOW - timedelta(days=2))


class Amazon:
    def __init__(self, orders: dict[str, OrderFacts], by_alias: list[OrderFacts]) -> None:
        self.orders, self.by_alias, self.alias_calls = orders, by_alias, 0

    def get_order(self, order_id: str) -> OrderFacts | None:
        return self.orders.get(order_id)

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        self.alias_calls += 1
        return self.by_alias if email == ALIAS else []


class Channel:
    name = "shopify"

    def __init__(self) -> None:
        self.asked = 0

    def search(
        self, *, emails: Sequence[str], names: Sequence[str], order_numbers: Sequence[str]
    ) -> list[OrderFacts]:
        self.asked += 1
        return []


def _plan(order_id: str) -> LookupPlan:
    return LookupPlan(
        amazon_order_ids=(order_id,),
        buyer_email=ALIAS,
        created_after=NOW - timedelta(days=60),
        search_other_channels=True,
        alias_fallback=True,
    )


def test_the_alias_is_not_asked_when_the_given_id_exists() -> None:
    amazon = Amazon({REAL: _order(REAL)}, [_order(REAL)])
    channel = Channel()
    facts = gather_facts(_plan(REAL), amazon, [channel])
    assert facts.amazon[REAL] is not None
    assert (amazon.alias_calls, facts.by_alias, channel.asked) == (0, (), 0)


def test_the_alias_is_asked_when_the_given_id_is_unknown_and_other_channels_still_are() -> None:
    amazon = Amazon({}, [_order(REAL)])
    channel = Channel()
    facts = gather_facts(_plan(TYPED), amazon, [channel])
    assert facts.amazon == {TYPED: None}
    assert [o.order_id for o in facts.by_alias] == [REAL]
    # the alias's orders are only typo candidates: a ghost may still be an order on another channel
    assert (amazon.alias_calls, channel.asked) == (1, 1)
