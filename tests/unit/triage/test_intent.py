"""The order-status intent rule: what an agent sees in the verdict, and the calls easy to get wrong."""

from __future__ import annotations

import pytest

from ghostdesk.triage.intent import MAX_TEXT_CHARS, THRESHOLD, classify_intent


def is_status(text: str, subject: str = "", language: str = "en") -> bool:
    return classify_intent(subject, text, language).is_order_status


def test_the_verdict_names_the_cue_its_weight_and_the_words_that_fired() -> None:
    intent = classify_intent("", "Hi, I still haven't received my order.", "en")
    assert intent.is_order_status
    assert intent.score > 0.5
    assert any("not received" in reason and "haven't received" in reason for reason in intent.reasons)
    assert all(reason[0] in "+-" for reason in intent.reasons)


def test_a_message_without_any_cue_says_so_and_is_not_order_status() -> None:
    intent = classify_intent("Hello", "Hello, I have a question.", "en")
    assert not intent.is_order_status
    assert intent.score < 0.5
    assert intent.reasons == ("no order-status cue",)


def test_score_is_one_half_exactly_at_the_threshold() -> None:
    assert THRESHOLD == 1.0
    # "any news" weighs 1.0: exactly the threshold.
    intent = classify_intent("", "Any news?", "en")
    assert intent.is_order_status
    assert intent.score == 0.5


@pytest.mark.parametrize(
    "text",
    ["Où est ma commande ?", "OÙ EST MA COMMANDE ?", "ou est ma commande?", "Ou est ma commande ?"],
)
def test_accents_and_case_do_not_matter(text: str) -> None:
    assert is_status(text, language="fr")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("i still havent recieved my oder", "en"),
        ("it hasnt shiped yet", "en"),
        ("wo ist meine bestelung", "de"),
        ("Ich warte immer noch auf mein Paeckchen", "de"),
        ("donde esta mi pedio", "es"),
        ("dove il mio ordne", "it"),
    ],
)
def test_common_typos_are_tolerated(text: str, language: str) -> None:
    assert is_status(text, language=language)


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to return order 111-1234567-1234567, it is too small.",
        "Wie kann ich die Bestellung 302-1234567-1234567 zurücksenden?",
        "Comment retourner la commande 171-1234567-1234567 ?",
        "¿Cómo devuelvo el pedido 403-1234567-1234567?",
        "Come faccio il reso dell'ordine 404-1234567-1234567?",
    ],
)
def test_an_order_id_in_a_return_request_does_not_make_it_order_status(text: str) -> None:
    assert not is_status(text)


@pytest.mark.parametrize(
    ("refund", "order"),
    [
        ("I haven't received my refund yet.", "I haven't received my order yet."),
        ("Ich habe meine Erstattung noch nicht erhalten.", "Ich habe meine Bestellung noch nicht erhalten."),
        ("Je n'ai pas reçu mon remboursement.", "Je n'ai pas reçu ma commande."),
        ("No he recibido el reembolso.", "No he recibido el pedido."),
        ("Non ho ricevuto il rimborso.", "Non ho ricevuto l'ordine."),
    ],
)
def test_not_received_is_about_the_order_only_when_the_order_is_what_did_not_come(
    refund: str, order: str
) -> None:
    assert not is_status(refund)
    assert is_status(order)


def test_never_arrived_with_a_refund_demand_is_still_about_the_order() -> None:
    intent = classify_intent("", "It never arrived, I want my money back.", "en")
    assert intent.is_order_status
    assert any("refund" in reason for reason in intent.reasons), "the refund is weighed, not ignored"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please cancel my order, I changed my mind.", False),
        ("Please cancel if it hasn't shipped yet.", False),
        ("Bitte stornieren, falls noch nicht versendet.", False),
        ("My order is still not here after 3 weeks. If it isn't here by Friday I will cancel.", True),
        ("Why was my order cancelled? I never got anything.", True),
    ],
)
def test_cancellations_are_not_order_status_but_threats_and_questions_about_them_can_be(
    text: str, expected: bool
) -> None:
    assert is_status(text) is expected


def test_the_relay_topic_is_evidence_not_the_verdict() -> None:
    subject = "Shipping inquiry from Amazon customer Dana (Order: 111-4827361-5530112)"
    # The topic alone does not decide ...
    assert not is_status("Hello.", subject)
    # ... it tips a weak cue over the line ...
    assert not is_status("Hi, it's been 5 days.")
    assert is_status("Hi, it's been 5 days.", subject)
    # ... and it loses against what the buyer actually asks for.
    assert not is_status("Please send me an invoice for my company.", subject)
    assert not is_status("Thanks.", "WHERES_MY_STUFF_BUYER_TO_SELLER (Order: 111-4827361-5530112)")


def test_a_return_topic_counts_against() -> None:
    with_topic = classify_intent("Return policy inquiry from Amazon customer Kim", "Any update?", "en")
    without = classify_intent("", "Any update?", "en")
    assert with_topic.score < without.score
    assert not with_topic.is_order_status


def test_receipt_confirmations_are_not_mistaken_for_complaints() -> None:
    assert not is_status("The parcel arrived today, thank you!")
    assert not is_status("Das Paket ist heute angekommen, danke!")
    assert is_status("The package should have arrived on Monday.")
    assert is_status("I received an email that it shipped, but the tracking shows nothing.")
    assert is_status("Je n'ai reçu aucun colis.")


def test_pre_sale_delivery_questions_are_not_order_status() -> None:
    assert not is_status("Before I order: how long does delivery to Canada take?")
    assert is_status("How long does the delivery take? I ordered 10 days ago.")


def test_a_german_message_labelled_french_is_still_understood() -> None:
    assert is_status("Wo bleibt meine Bestellung?", language="fr")


def test_an_unsupported_language_is_named_in_the_reasons() -> None:
    intent = classify_intent("", "Waar is mijn bestelling? Tracking 1Z999AA10123456784", "nl")
    assert any("no cue set for language 'nl'" in reason for reason in intent.reasons)
    assert intent.is_order_status  # "tracking" is understood in any language


def test_very_long_text_is_cut_not_allowed_to_cost_seconds() -> None:
    padding = "lorem ipsum " * (MAX_TEXT_CHARS // 12 + 10)
    assert is_status("Where is my order? " + padding)
    assert not is_status(padding + " Where is my order?")
