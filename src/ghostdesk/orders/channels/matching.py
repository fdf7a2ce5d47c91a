"""Who placed an order: the one set of rules every channel (live connector, orders file) matches a buyer by.

A ghost inquiry gives us a few clues (the sender's email, a relay alias, a display name, maybe an order
number from another shop). The channels' own search is fuzzy or absent (Shopify searches text, eBay and
Walmart only list orders by date), so every candidate they return is checked here, the same way for
every channel:

- **Order number:** exact, after dropping case, spaces and punctuation ("#1042" is "1042",
  "12-34567-89012" is "123456789012"). The strongest clue.
- **Email:** exact, case-insensitive.
- **Name:** a *full* name only (at least two words after titles, initials and role words such as
  "Customer" are removed), accents folded and word order ignored: "José García" matches "garcia jose",
  and "Anna Kowalski" matches "Anna Maria Kowalski" (one name's words are all in the other). A first
  name alone ("Anna", what Amazon's relay usually shows) never matches anything: too many buyers share
  it, and telling a buyer about a stranger's order would be a privacy incident.
- **Username:** a channel account name (eBay's ``buyer.username``) equal to what the buyer called
  themselves, case-insensitive, and only when it holds a digit or a separator ("claire_d_1987"): a
  plain word could be a first name.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ghostdesk.models import OrderFacts
from ghostdesk.triage.folding import fold

# "Anna Kowalski - Amazon Marketplace": the relay's suffix is not part of anyone's name.
_RELAY_SUFFIX = re.compile(r"\s+[-–—]\s+.*\b(?:amazon|marketplace)\b.*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# Words that stand where a name would but do not tell one buyer from another (folded spelling).
_NOT_NAME_WORDS = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "sig", "sigra"),
        *("sra", "srta", "don", "dona", "amazon", "marketplace", "customer", "buyer", "kunde", "kundin"),
        *("client", "cliente", "acheteur", "comprador", "acquirente", "support", "service", "team", "info"),
        *("shop", "store", "orders", "order", "sales", "noreply", "unknown"),
    )
)
MIN_NAME_WORDS = 2
# An account name as marketplaces allow them; it must hold a digit or a separator, because a plain word
# ("anna") is indistinguishable from a first name, which must never match on its own.
_HANDLE = re.compile(r"(?=[\w.*-]*[\d_.*-])[^\W_][\w.*-]{2,63}")


class MatchKind(enum.IntEnum):
    """How an order was tied to the buyer; a higher value is a stronger clue."""

    NAME = 1
    USERNAME = 2
    EMAIL = 3
    ORDER_NUMBER = 4


def normalise_email(value: str) -> str | None:
    """The comparable form of an email address, or None when ``value`` is not one."""
    address = value.strip().strip("<>").strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    address = address.casefold()
    local, at, domain = address.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in address):
        return None
    return address


def normalise_order_number(value: str) -> str | None:
    """An order number without case, spaces and punctuation; None when nothing is left."""
    canonical = "".join(ch for ch in value.casefold() if ch.isalnum())
    return canonical or None


def name_words(value: str) -> frozenset[str]:
    """The distinguishing words of a person's name, folded; empty when it is not a full name.

    Titles, role words, initials and a relay suffix are dropped; apostrophes join ("O'Brien" is
    "obrien"), hyphens split ("Jean-Luc" is "jean" and "luc"). Fewer than two words left: not a full
    name, so the result is empty and the name can match nothing.
    """
    if "@" in value:
        return frozenset()
    cleaned = _RELAY_SUFFIX.sub("", value.strip().strip('"').strip())
    folded = fold(cleaned).replace("'", "")
    words = frozenset(word for word in _WORD.findall(folded) if len(word) > 1 and word not in _NOT_NAME_WORDS)
    return words if len(words) >= MIN_NAME_WORDS else frozenset()


def names_match(given: frozenset[str], on_order: frozenset[str]) -> bool:
    """Two full names are the same person's when one's words are all in the other (order ignored)."""
    if len(given) < MIN_NAME_WORDS or len(on_order) < MIN_NAME_WORDS:
        return False
    return given <= on_order or on_order <= given


@dataclass(frozen=True)
class BuyerQuery:
    """The clues of one inquiry, normalised once: what every channel searches for."""

    emails: frozenset[str] = frozenset()
    names: tuple[frozenset[str], ...] = ()  # full names only, each as its word set
    raw_names: tuple[str, ...] = ()  # the same full names as given, for a channel's own text search
    handles: frozenset[str] = frozenset()  # every given name, casefolded, compared with usernames
    order_numbers: frozenset[str] = frozenset()
    raw_order_numbers: tuple[str, ...] = ()

    @classmethod
    def build(
        cls, *, emails: Iterable[str], names: Iterable[str], order_numbers: Iterable[str]
    ) -> BuyerQuery:
        found_emails = {e for e in (normalise_email(v) for v in emails) if e}
        word_sets: dict[frozenset[str], str] = {}
        handles: set[str] = set()
        for raw in names:
            stripped = _RELAY_SUFFIX.sub("", raw.strip().strip('"').strip())
            if _HANDLE.fullmatch(stripped):
                handles.add(stripped.casefold())
            words = name_words(raw)
            if words:
                word_sets.setdefault(words, stripped)
        numbers: dict[str, str] = {}
        for raw in order_numbers:
            canonical = normalise_order_number(raw)
            if canonical:
                numbers.setdefault(canonical, raw.strip())
        return cls(
            emails=frozenset(found_emails),
            names=tuple(word_sets),
            raw_names=tuple(word_sets.values()),
            handles=frozenset(handles),
            order_numbers=frozenset(numbers),
            raw_order_numbers=tuple(numbers.values()),
        )

    @property
    def empty(self) -> bool:
        """Nothing to search by: a first name alone, no email, no order number."""
        return not (self.emails or self.names or self.handles or self.order_numbers)

    @property
    def has_person(self) -> bool:
        """Whether there is anything besides order numbers (which channels can look up directly)."""
        return bool(self.emails or self.names or self.handles)


@dataclass(frozen=True)
class ChannelOrder:
    """One order of a channel as matching sees it: its facts and every way a buyer could name it."""

    facts: OrderFacts
    emails: frozenset[str] = frozenset()
    names: tuple[frozenset[str], ...] = ()
    usernames: frozenset[str] = frozenset()
    order_numbers: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        facts: OrderFacts,
        *,
        emails: Iterable[str | None] = (),
        names: Iterable[str | None] = (),
        usernames: Iterable[str | None] = (),
        order_numbers: Iterable[str | None] = (),
    ) -> ChannelOrder:
        return cls(
            facts=facts,
            emails=frozenset(e for e in (normalise_email(v) for v in emails if v) if e),
            names=tuple(dict.fromkeys(w for w in (name_words(v) for v in names if v) if w)),
            usernames=frozenset(v.strip().casefold() for v in usernames if v and v.strip()),
            order_numbers=frozenset(n for n in (normalise_order_number(v) for v in order_numbers if v) if n),
        )

    def match(self, query: BuyerQuery) -> MatchKind | None:
        """The strongest clue of ``query`` that ties this order to the buyer, or None."""
        if self.order_numbers & query.order_numbers:
            return MatchKind.ORDER_NUMBER
        if self.emails & query.emails:
            return MatchKind.EMAIL
        if self.usernames & query.handles:
            return MatchKind.USERNAME
        if any(names_match(given, own) for given in query.names for own in self.names):
            return MatchKind.NAME
        return None


def select_matches(
    candidates: Iterable[ChannelOrder], query: BuyerQuery
) -> list[tuple[MatchKind, OrderFacts]]:
    """The candidates that match, strongest clue first, then newest first; each order once."""
    found: dict[str, tuple[MatchKind, OrderFacts]] = {}
    for candidate in candidates:
        kind = candidate.match(query)
        if kind is None:
            continue
        known = found.get(candidate.facts.order_id)
        if known is None or kind > known[0]:
            found[candidate.facts.order_id] = (kind, candidate.facts)
    return sorted(found.values(), key=lambda pair: (pair[0], pair[1].created), reverse=True)


def matched_facts(candidates: Iterable[ChannelOrder], query: BuyerQuery) -> list[OrderFacts]:
    """:func:`select_matches` without the match kinds: what a :class:`ChannelSearch` returns."""
    return [facts for _, facts in select_matches(candidates, query)]
