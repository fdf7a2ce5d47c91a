"""The order-status intent rule: what an agent sees in the verdict, and the calls easy to get wrong."""

from __future__ import annotations

import pytest

from ghostdesk.triage.intent import MAX_TEXT_CHARS, THRESHOLD, classify_intent


def is_status(text: str, subject: str = "", language: str = "en") -> bool:
    return classify_intent(subject, text, language).is_order_status


def test_the_verdict_names_the_rule_then_each_cue_its_weight_and_the_words_that_fired() -> None:
    intent = classify_intent("", "Hi, I still haven't received my order.", "en")
    assert intent.is_order_status
    assert intent.score > 0.5
    assert intent.reasons[0].startswith("order status: about an order, with status cues")
    assert any("not received" in reason and "haven't received" in reason for reason in intent.reasons)
    assert any(reason.startswith("+1.6 order context") and "my order" in reason for reason in intent.reasons)
    assert all(reason[0] in "+-" for reason in intent.reasons[1:])


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


def test_the_relay_topic_puts_a_message_in_order_context() -> None:
    subject = "Shipping inquiry from Amazon customer Dana (Order: 111-4827361-5530112)"
    # A shipping topic says the message is about an order: without another topic it is a status inquiry ...
    assert is_status("Hello.", subject)
    # ... while the same words outside any order context need a status cue, and a weak one is not enough ...
    assert not is_status("Hi, it's been 5 days.")
    assert is_status("Hi, it's been 5 days.", subject)
    # ... and it loses against what the buyer actually asks for, or a message that only thanks.
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


RELAY = ("relay order line",)
GIVEN = ("order ID given",)


def test_within_order_context_the_default_is_order_status_and_the_reasons_say_so() -> None:
    intent = classify_intent("", "Hi, could you have a look at this one for me?", "en", order_refs=GIVEN)
    assert intent.is_order_status
    assert intent.reasons[0].startswith("order status: about an order, and no other topic outweighs it")
    assert intent.reasons[1] == "+1.6 order context: order ID given"
    # The same words about no order at all need a status cue.
    assert not classify_intent("", "Hi, could you have a look at this one for me?", "en").is_order_status


def test_the_relays_order_line_alone_lowers_the_bar_but_is_no_verdict() -> None:
    # Amazon adds the line to whatever a buyer writes from an order page ("Is this BPA free?" too) ...
    alone = classify_intent("", "Hi, could you have a look at this one for me?", "en", order_refs=RELAY)
    assert not alone.is_order_status
    assert alone.reasons[0].startswith("not order status: only the relay's order line")
    # ... so with it any status cue is enough, even one too weak alone ("it's been five days") ...
    assert not is_status("It's been five days.")
    assert classify_intent("", "It's been five days.", "en", order_refs=RELAY).is_order_status
    # ... and the buyer speaking of their order makes it full order context again.
    assert classify_intent("", "Could you look at my order?", "en", order_refs=RELAY).is_order_status


@pytest.mark.parametrize(
    "text",
    [
        "Could you send me a VAT invoice for this order?",
        "Ich möchte die Jacke zurückschicken, sie ist zu klein.",
        "J'ai fait une erreur dans mon adresse : c'est 12 rue des Lilas. Pouvez-vous corriger ?",
        "Es un regalo, ¿podéis poner una tarjeta con un mensaje?",
        "Pacco arrivato oggi, tutto perfetto!",
        "Is this BPA free?",
        "The lid doesn't sit flat on the pot, is that normal for this model?",
    ],
)
def test_a_clear_other_topic_wins_within_order_context(text: str) -> None:
    intent = classify_intent("", text, "en", order_refs=GIVEN)
    assert not intent.is_order_status, intent.reasons
    assert intent.reasons[0].startswith("not order status: about an order, but another topic wins")


def test_a_polite_thanks_does_not_outweigh_order_context_but_a_thank_you_note_does() -> None:
    assert is_order_status_in_context("Can you check this one please? Thanks")
    assert not is_order_status_in_context("Thank you so much!")
    assert not is_order_status_in_context("Vielen Dank für den schnellen Versand!")


def is_order_status_in_context(text: str) -> bool:
    return classify_intent("", text, "en", order_refs=GIVEN).is_order_status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please change the address to 14 Harcourt Road. It hasn't been dispatched yet I think.", False),
        ("Bitte stornieren, ich habe mich umentschieden. Es ist ja noch nicht verschickt.", False),
        ("Per l'ordine vi chiedo di cambiare l'indirizzo. Non è ancora partito.", False),
        ("It hasn't been dispatched yet. When will it ship?", True),
    ],
)
def test_not_yet_shipped_is_the_precondition_of_a_change_request_not_a_complaint(
    text: str, expected: bool
) -> None:
    intent = classify_intent("", text, "en", order_refs=GIVEN)
    assert intent.is_order_status is expected, intent.reasons
    if not expected:
        assert any("precondition of a change request" in reason for reason in intent.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # "auf Rechnung" is how the buyer pays, not an invoice request
        "Seit Mittwoch steht sie auf „Ausstehend“. Ich hab auf Rechnung bestellt, kann es daran liegen?",
        # an English "shipping notice" is not the French "notice" (manual) of a product question
        "I haven't gotten a shipping notice yet. Could you check on it?",
        # "casseroles" (saucepans) are the product, not "cassé"
        "Plus aucune nouvelle de mes casseroles depuis dix jours. Pourriez-vous vérifier ?",
        # the number received is no delivery
        "Chronopost me dit « colis introuvable » avec le numéro que j'ai reçu. Vous pouvez regarder ?",
        # only part arrived: "è arrivata solo" is no receipt
        "Mi è arrivata solo la moka, le tazzine dove sono??",
    ],
)
def test_other_topic_cues_are_specific_enough_not_to_fire_on_status_questions(text: str) -> None:
    intent = classify_intent("", text, "en", order_refs=("tracking number given",))
    assert intent.is_order_status, intent.reasons
