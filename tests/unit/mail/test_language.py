"""Language of short buyer messages, without any model."""

from __future__ import annotations

import pytest

from ghostdesk.mail.language import detect_language

SENTENCES = {
    "en": [
        "Where is my order?",
        "I placed an order two weeks ago and it is still stuck on pending.",
        "You have no record of my order but the money has left my account.",
        "Can I return this if it does not fit?",
        "The tracking number you gave me doesn't work.",
    ],
    "de": [
        "Wo ist meine Bestellung?",
        "Meine Bestellung steht seit einer Woche auf ausstehend.",
        "Ich habe das Paket immer noch nicht bekommen.",
        "Kann ich den Artikel zurückschicken?",
        "Die Sendungsnummer funktioniert nicht.",
    ],
    "fr": [
        "Où est ma commande ?",
        "Ma commande est toujours en attente depuis une semaine.",
        "Je n'ai toujours pas reçu mon colis.",
        "Vous n'avez aucune trace de ma commande ?",
        "Est-ce que je peux retourner cet article ?",
    ],
    "es": [
        "¿Dónde está mi pedido?",
        "Mi pedido sigue pendiente desde hace una semana.",
        "Todavía no he recibido el paquete.",
        "Quiero devolver el artículo.",
        "El número de seguimiento no funciona.",
    ],
    "it": [
        "Dov'è il mio ordine?",
        "Il mio ordine è ancora in attesa da una settimana.",
        "Non ho ancora ricevuto il pacco.",
        "Vorrei restituire l'articolo.",
        "Il numero di tracciamento non funziona.",
    ],
    "pt": [
        "Onde está o meu pedido?",
        "O meu pedido ainda está pendente.",
        "Ainda não recebi a encomenda.",
    ],
    "nl": [
        "Waar is mijn bestelling?",
        "Mijn pakket is nog niet aangekomen.",
        "Ik heb nog niets ontvangen.",
    ],
}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [(language, sentence) for language, sentences in SENTENCES.items() for sentence in sentences],
)
def test_short_buyer_messages_are_recognised_whatever_the_hint(language: str, sentence: str) -> None:
    assert detect_language(sentence) == language
    for hint in ("en", "de", "fr"):
        assert detect_language(sentence, hint=hint) == language


@pytest.mark.parametrize("text", ["", "Merci!", "Hallo", "113-4829175-2203418", "Thx", "ok"])
def test_thin_evidence_falls_back_to_the_hint(text: str) -> None:
    assert detect_language(text, hint="it") == "it"
    assert detect_language(text, hint="es") == "es"


def test_no_hint_and_no_evidence_means_english() -> None:
    assert detect_language("1Z999AA10123456784") == "en"


def test_a_long_message_with_some_english_words_is_still_german() -> None:
    text = (
        "Hallo, ich habe am Montag bei Ihnen bestellt. Laut Tracking ist das Paket schon seit Tagen im "
        "Status 'pending'. Können Sie bitte nachsehen, wann die Ware versendet wird? Danke!"
    )
    assert detect_language(text, hint="en") == "de"
