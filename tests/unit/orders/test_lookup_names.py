"""Other channels are asked with every name candidate of the plan (display name and signed full name)."""

from __future__ import annotations

from collections.abc import Sequence

from ghostdesk.diagnosis import LookupPlan
from ghostdesk.models import OrderFacts
from ghostdesk.orders.lookup import gather_facts


class RecordingChannel:
    name = "shopify"

    def __init__(self) -> None:
        self.names: list[str] = []

    def search(
        self, *, emails: Sequence[str], names: Sequence[str], order_numbers: Sequence[str]
    ) -> list[OrderFacts]:
        self.names = list(names)
        return []


def test_every_name_candidate_is_searched_and_none_is_invented() -> None:
    channel = RecordingChannel()
    plan = LookupPlan(search_other_channels=True, buyer_names=("M. Okonkwo", "Melanie Okonkwo"))
    gather_facts(plan, None, [channel])
    assert channel.names == ["M. Okonkwo", "Melanie Okonkwo"]
    gather_facts(LookupPlan(search_other_channels=True), None, [channel])
    assert channel.names == []
