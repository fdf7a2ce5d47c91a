"""Just enough GraphQL and Shopify search syntax for the local Shopify to answer ``orders`` queries.

- :func:`parse_query` reads a GraphQL query document (operation, variables, nested selections with
  arguments, no fragments) into :class:`Field` trees, with ``$variables`` substituted, so the simulator
  answers with exactly the fields a client selected, as a GraphQL server does.
- :func:`parse_search` / :func:`search_matches` implement the subset of Shopify's search syntax an
  ``orders(query:)`` needs: ``field:value`` terms with comparators (``:<``, ``:>=``, ...), quoted values,
  bare words for the default text search, ``AND``/``OR``/``NOT``, ``-`` negation and parentheses.
  Supported fields: ``email``, ``name``, ``id``, ``created_at``, ``updated_at``, ``status``,
  ``financial_status``, ``fulfillment_status``; others are ignored with a warning, as Shopify does.
- :func:`project` shapes stored data to a selection (connections sliced by ``first``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ghostdesk.triage.folding import fold


class GraphQLError(ValueError):
    """A query the server refuses; ``code`` goes into ``errors[].extensions.code``."""

    def __init__(self, message: str, code: str = "GRAPHQL_VALIDATION_FAILED") -> None:
        super().__init__(message)
        self.code = code


class SearchSyntaxError(ValueError):
    """A search query that cannot be parsed."""


# --- GraphQL -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    alias: str | None = None
    arguments: Mapping[str, Any] = field(default_factory=dict)
    selections: tuple[Field, ...] | None = None

    @property
    def key(self) -> str:
        return self.alias or self.name


_GRAPHQL_TOKEN = re.compile(
    r"""(?P<skip>[\s,\ufeff]+|\#[^\n]*)
      | (?P<spread>\.\.\.)
      | (?P<punct>[!$():=@\[\]{}|])
      | (?P<name>[_A-Za-z][_0-9A-Za-z]*)
      | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
      | (?P<string>"(?:[^"\\\n]|\\.)*")""",
    re.VERBOSE,
)


def _graphql_tokens(document: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(document):
        match = _GRAPHQL_TOKEN.match(document, position)
        if match is None:
            raise GraphQLError(f"Parse error on {document[position : position + 10]!r}")
        kind = match.lastgroup or ""
        if kind != "skip":
            tokens.append((kind, match.group(0)))
        position = match.end()
    return tokens


class _GraphQLParser:
    def __init__(self, document: str, variables: Mapping[str, Any]) -> None:
        self.tokens = _graphql_tokens(document)
        self.index = 0
        self.variables = variables

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str | None = None, kind: str | None = None) -> str:
        token = self.peek()
        if (
            token is None
            or (value is not None and token[1] != value)
            or (kind is not None and token[0] != kind)
        ):
            expected = value or kind or "more"
            raise GraphQLError(
                f"Parse error: expected {expected}, got {token[1] if token else 'end of query'}"
            )
        self.index += 1
        return token[1]

    def document(self) -> tuple[Field, ...]:
        token = self.peek()
        if token is not None and token == ("name", "query"):
            self.take()
            if self.peek() and self.peek()[0] == "name":  # type: ignore[index]
                self.take()
            if self.peek() == ("punct", "("):
                self.skip_balanced("(", ")")
        elif token is not None and token[0] == "name":
            raise GraphQLError(f"{token[1]} operations are not supported here", "BAD_REQUEST")
        selections = self.selection_set()
        if self.peek() is not None:
            raise GraphQLError("Parse error: only one operation per document is supported")
        return selections

    def skip_balanced(self, opening: str, closing: str) -> None:
        depth = 0
        while True:
            value = self.take()
            depth += value == opening
            depth -= value == closing
            if depth == 0:
                return

    def selection_set(self) -> tuple[Field, ...]:
        self.take("{")
        fields: list[Field] = []
        while self.peek() != ("punct", "}"):
            if self.peek() == ("spread", "..."):
                raise GraphQLError("fragments are not supported by the local Shopify", "BAD_REQUEST")
            name = self.take(kind="name")
            alias = None
            if self.peek() == ("punct", ":"):
                self.take(":")
                alias, name = name, self.take(kind="name")
            arguments: dict[str, Any] = {}
            if self.peek() == ("punct", "("):
                self.take("(")
                while self.peek() != ("punct", ")"):
                    argument = self.take(kind="name")
                    self.take(":")
                    arguments[argument] = self.value()
                self.take(")")
            selections = self.selection_set() if self.peek() == ("punct", "{") else None
            fields.append(Field(name, alias, arguments, selections))
        self.take("}")
        return tuple(fields)

    def value(self) -> Any:
        kind, text = self.peek() or ("", "")
        if text == "$":
            self.take("$")
            return self.variables.get(self.take(kind="name"))
        if kind == "string":
            self.take()
            return _unescape(text[1:-1])
        if kind == "number":
            self.take()
            return float(text) if any(c in text for c in ".eE") else int(text)
        if text == "[":
            self.take("[")
            items = []
            while self.peek() != ("punct", "]"):
                items.append(self.value())
            self.take("]")
            return items
        if text == "{":
            self.take("{")
            obj = {}
            while self.peek() != ("punct", "}"):
                key = self.take(kind="name")
                self.take(":")
                obj[key] = self.value()
            self.take("}")
            return obj
        if kind == "name":
            self.take()
            return {"true": True, "false": False, "null": None}.get(text, text)
        raise GraphQLError(f"Parse error on {text or 'end of query'!r}")


def _unescape(text: str) -> str:
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}


def parse_query(document: str, variables: Mapping[str, Any] | None = None) -> tuple[Field, ...]:
    """The top-level selections of a query document, ``$variables`` substituted."""
    if not isinstance(document, str) or not document.strip():
        raise GraphQLError("No query string was present", "BAD_REQUEST")
    return _GraphQLParser(document, variables or {}).document()


def project(value: Any, selections: Sequence[Field] | None) -> Any:
    """``value`` with only the selected fields, connections and lists cut to ``first``."""
    if selections is None or value is None:
        return value
    if isinstance(value, list):
        return [project(item, selections) for item in value]
    if not isinstance(value, Mapping):
        return value
    out: dict[str, Any] = {}
    for selected in selections:
        item = value.get(selected.name)
        first = selected.arguments.get("first")
        if isinstance(first, int):
            if isinstance(item, list):
                item = item[:first]
            elif isinstance(item, Mapping) and isinstance(item.get("nodes"), list):
                item = {**item, "nodes": item["nodes"][:first]}
        if (
            isinstance(item, Mapping)
            and isinstance(item.get("nodes"), list)
            and "edges" not in item
            and any(s.name == "edges" for s in selected.selections or ())
        ):
            item = {
                **item,
                "edges": [{"node": node, "cursor": str(i)} for i, node in enumerate(item["nodes"])],
            }
        out[selected.key] = project(item, selected.selections)
    return out


def query_cost(selections: Sequence[Field], actual: Mapping[str, int] | None = None) -> int:
    """Shopify-style calculated cost: objects 1, scalars 0, a connection 2 plus its page times its node
    cost. ``actual`` gives the real page size of top-level connections (the actual cost)."""
    total = 0
    for selected in selections:
        if selected.selections is None:
            continue
        inner = query_cost(selected.selections)
        first = selected.arguments.get("first")
        if isinstance(first, int):
            size = actual.get(selected.key, first) if actual is not None else first
            total += 2 + size * max(1, inner)
        else:
            total += 1 + inner
    return total


# --- search syntax -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    field: str | None  # None: the default text search
    comparator: str  # ":", ":<", ":<=", ":>", ":>="
    value: str


@dataclass(frozen=True)
class Not:
    node: SearchNode


@dataclass(frozen=True)
class AllOf:
    nodes: tuple[SearchNode, ...]


@dataclass(frozen=True)
class AnyOf:
    nodes: tuple[SearchNode, ...]


SearchNode = Term | Not | AllOf | AnyOf

_FIELD_TERM = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)(:<=|:>=|:<|:>|:)")


def _search_tokens(text: str) -> list[tuple[str, Any]]:
    tokens: list[tuple[str, Any]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append((char, char))
            i += 1
        else:
            negated = char == "-" and i + 1 < len(text) and not text[i + 1].isspace()
            start = i + 1 if negated else i
            match = _FIELD_TERM.match(text, start)
            field_name, comparator = (match.group(1), match.group(2)) if match else (None, ":")
            j = match.end() if match else start
            value, i = _search_value(text, j)
            if field_name is None and not negated and value in ("AND", "OR", "NOT"):
                tokens.append((value, value))
                continue
            tokens.append(
                ("term", (negated, Term(field_name.lower() if field_name else None, comparator, value)))
            )
    return tokens


def _search_value(text: str, i: int) -> tuple[str, int]:
    if i < len(text) and text[i] in "\"'":
        quote, i, out = text[i], i + 1, []
        while i < len(text) and text[i] != quote:
            if text[i] == "\\" and i + 1 < len(text):
                i += 1
            out.append(text[i])
            i += 1
        if i >= len(text):
            raise SearchSyntaxError("unterminated quoted value")
        return "".join(out), i + 1
    j = i
    while j < len(text) and not text[j].isspace() and text[j] not in "()":
        j += 1
    return text[i:j], j


class _SearchParser:
    def __init__(self, text: str) -> None:
        self.tokens = _search_tokens(text)
        self.index = 0

    def peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def expression(self) -> SearchNode:
        nodes = [self.conjunction()]
        while self.peek() == "OR":
            self.index += 1
            nodes.append(self.conjunction())
        return nodes[0] if len(nodes) == 1 else AnyOf(tuple(nodes))

    def conjunction(self) -> SearchNode:
        nodes = [self.unary()]
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.index += 1
            nodes.append(self.unary())
        return nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))

    def unary(self) -> SearchNode:
        kind = self.peek()
        if kind is None:
            raise SearchSyntaxError("the query ends where a term was expected")
        if kind == "NOT":
            self.index += 1
            return Not(self.unary())
        if kind == "(":
            self.index += 1
            node = self.expression()
            if self.peek() != ")":
                raise SearchSyntaxError("unbalanced parentheses")
            self.index += 1
            return node
        if kind == "term":
            negated, term = self.tokens[self.index][1]
            self.index += 1
            return Not(term) if negated else term
        raise SearchSyntaxError(f"unexpected {kind}")


def parse_search(text: str) -> SearchNode | None:
    """The search tree of ``text``; None for an empty query (everything matches)."""
    parser = _SearchParser(text or "")
    if parser.peek() is None:
        return None
    node = parser.expression()
    if parser.peek() is not None:
        raise SearchSyntaxError("unbalanced parentheses")
    return node


SUPPORTED_FIELDS = frozenset(
    {"email", "name", "id", "created_at", "updated_at", "status", "financial_status", "fulfillment_status"}
)
_FULFILLMENT_FILTER = {
    "shipped": {"FULFILLED"},
    "fulfilled": {"FULFILLED"},
    "partial": {"PARTIALLY_FULFILLED"},
    "unshipped": {"UNFULFILLED", "OPEN", "IN_PROGRESS", "PENDING_FULFILLMENT", "SCHEDULED", "ON_HOLD"},
    "unfulfilled": {"UNFULFILLED", "OPEN", "IN_PROGRESS", "PENDING_FULFILLMENT", "SCHEDULED", "ON_HOLD"},
}


def search_fields(node: SearchNode | None) -> set[str]:
    """Every field name a search uses (for Shopify's "invalid search field" warnings)."""
    if node is None:
        return set()
    if isinstance(node, Term):
        return {node.field} if node.field else set()
    if isinstance(node, Not):
        return search_fields(node.node)
    return set().union(*(search_fields(n) for n in node.nodes))


def search_matches(node: SearchNode | None, order: Mapping[str, Any]) -> bool:
    if node is None:
        return True
    if isinstance(node, Not):
        return not search_matches(node.node, order)
    if isinstance(node, AllOf):
        return all(search_matches(n, order) for n in node.nodes)
    if isinstance(node, AnyOf):
        return any(search_matches(n, order) for n in node.nodes)
    return _term_matches(node, order)


def _term_matches(term: Term, order: Mapping[str, Any]) -> bool:
    value = term.value
    if term.field is None:
        return _text_matches(value, order)
    if term.field not in SUPPORTED_FIELDS:
        return True  # Shopify ignores a field it does not know (and warns)
    if term.field == "email":
        return str(order.get("email") or "").casefold() == value.casefold()
    if term.field == "name":
        return str(order.get("name") or "").lstrip("#").casefold() == value.lstrip("#").casefold()
    if term.field == "id":
        own = str(order.get("id") or "").rsplit("/", 1)[-1]
        return _compare(
            int(own) if own.isdigit() else None, term.comparator, int(value) if value.isdigit() else None
        )
    if term.field in ("created_at", "updated_at"):
        key = "createdAt" if term.field == "created_at" else "updatedAt"
        return _compare_dates(order.get(key), term.comparator, value)
    if term.field == "status":
        closed = bool(order.get("closedAt"))
        cancelled = bool(order.get("cancelledAt"))
        wanted = value.lower()
        return wanted == "any" or {
            "open": not closed and not cancelled,
            "closed": closed,
            "cancelled": cancelled,
        }.get(wanted, False)
    if term.field == "financial_status":
        return str(order.get("displayFinancialStatus") or "").lower() == value.lower()
    statuses = _FULFILLMENT_FILTER.get(value.lower(), {value.upper()})
    return str(order.get("displayFulfillmentStatus") or "") in statuses


def _text_matches(value: str, order: Mapping[str, Any]) -> bool:
    wanted = fold(value).replace("'", "")
    if not wanted:
        return True
    texts = [order.get("name"), order.get("email")]
    customer = order.get("customer")
    if not isinstance(customer, Mapping):
        customer = {}
    texts += [customer.get(k) for k in ("displayName", "firstName", "lastName")]
    for key in ("billingAddress", "shippingAddress"):
        address = order.get(key)
        if isinstance(address, Mapping):
            texts.append(address.get("name"))
    words: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            folded = fold(text).replace("'", "")
            words.add(folded)
            words.update(re.findall(r"[^\W_]+", folded))
    return wanted in words


def _compare(own: Any, comparator: str, wanted: Any) -> bool:
    if own is None or wanted is None:
        return False
    return bool(
        {
            ":": own == wanted,
            ":<": own < wanted,
            ":<=": own <= wanted,
            ":>": own > wanted,
            ":>=": own >= wanted,
        }[comparator]
    )


def _compare_dates(own: Any, comparator: str, value: str) -> bool:
    if not isinstance(own, str):
        return False
    stamp = datetime.fromisoformat(own.replace("Z", "+00:00")).astimezone(UTC)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return _compare(stamp.date(), comparator, day)
        wanted = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    wanted = wanted if wanted.tzinfo else wanted.replace(tzinfo=UTC)
    return _compare(stamp, comparator, wanted.astimezone(UTC))
