"""Properties of identifier scanning that must hold for any text, not just the examples we thought of."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ghostdesk.models import IdentifierKind, IdentifierSource
from ghostdesk.triage.identifiers import is_amazon_order_id, normalize_amazon_order_id, scan_text

AMAZON_SHAPE = re.compile(r"\d{3}-\d{7}-\d{7}")
BODY = IdentifierSource.BODY

digits = st.text(alphabet="0123456789", min_size=1, max_size=30)
separators = st.sampled_from(["-", " ", ".", "/", "–", " - ", "_", ""])
words = st.sampled_from(
    [
        "order",
        "Bestellung",
        "commande",
        "pedido",
        "ordine",
        "tracking",
        "call",
        "#",
        "$",
        "€",
        "on",
        "\n",
        ",",
    ]
)
# Text made of digit groups joined by separators and words: the raw material of IDs, phones, dates, prices.
digit_soup = st.lists(st.one_of(digits, separators, words), min_size=1, max_size=25).map("".join)


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@settings(max_examples=200, deadline=None)
@given(digit_soup)
def test_random_digit_soup_never_yields_a_malformed_amazon_id(text: str) -> None:
    for ident in scan_text(text, BODY):
        assert ident.raw in text
        if ident.kind is IdentifierKind.AMAZON_ORDER:
            assert AMAZON_SHAPE.fullmatch(ident.value), ident
            assert _digits_of(ident.raw) == _digits_of(ident.value), ident


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=40), st.sampled_from(["", " ", "Order ", "x "]))
def test_a_straight_digit_run_is_an_amazon_id_exactly_when_it_has_17_digits(run: str, prefix: str) -> None:
    amazon = [i for i in scan_text(f"{prefix}{run} thanks", BODY) if i.kind is IdentifierKind.AMAZON_ORDER]
    if len(run) == 17:
        assert [(i.value, i.raw) for i in amazon] == [(f"{run[:3]}-{run[3:10]}-{run[10:]}", run)]
    else:
        assert amazon == [], "a 17-digit piece of a longer (or shorter) number is no Amazon ID"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=17, max_size=17),
    st.sampled_from(["-", " ", ".", "–", " - ", "/"]),
    st.sampled_from(["My order is {} please", "({})", "Bestellnummer: {}.", "Pedido nº {}", "{}"]),
)
def test_amazon_ids_round_trip_whatever_separator_the_buyer_used(
    number: str, separator: str, template: str
) -> None:
    dashed = f"{number[:3]}-{number[3:10]}-{number[10:]}"
    typed = separator.join((number[:3], number[3:10], number[10:]))
    found = [i for i in scan_text(template.format(typed), BODY) if i.kind is IdentifierKind.AMAZON_ORDER]
    assert [(i.value, i.raw) for i in found] == [(dashed, typed)]
    assert normalize_amazon_order_id(typed) == dashed
    assert normalize_amazon_order_id(dashed) == dashed
    assert is_amazon_order_id(dashed)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=17, max_size=17), st.text("0123456789", min_size=1, max_size=6)
)
def test_an_amazon_shape_glued_to_more_digits_is_not_an_amazon_id(number: str, extra: str) -> None:
    dashed = f"{number[:3]}-{number[3:10]}-{number[10:]}"
    for text in (f"{extra}{dashed}", f"{dashed}{extra}", f"{extra}-{dashed}", f"{dashed}-{extra}"):
        assert [i for i in scan_text(text, BODY) if i.kind is IdentifierKind.AMAZON_ORDER] == [], text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scans_without_error_and_every_identifier_is_really_in_it(text: str) -> None:
    for ident in scan_text(text, BODY):
        assert ident.raw in text
        assert ident.value
        assert ident.source is BODY
