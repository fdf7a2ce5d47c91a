"""Single rules of the checker, on the edges a seller's reply actually hits."""

from __future__ import annotations

import pytest

from ghostdesk.replies.compliance import check_html, check_reply
from ghostdesk.replies.compliance.contact import is_amazon_host


def rules(text: str, language: str | None = None, **kwargs: object) -> set[str]:
    return {f.rule for f in check_reply(text, language, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "host",
    [
        "amazon.de",
        "www.amazon.co.uk",
        "sellercentral.amazon.com",
        "smile.amazon.com",
        "amzn.to",
        "amazon.com.mx",
    ],
)
def test_amazons_own_hosts_are_allowed(host: str) -> None:
    assert is_amazon_host(host)


@pytest.mark.parametrize(
    "host",
    ["amazon.de.example.com", "amazon-support.com", "myamazon.com", "amazon.shop-deals.net", "amazon.xyz"],
)
def test_look_alike_hosts_are_not_amazons(host: str) -> None:
    assert not is_amazon_host(host)


@pytest.mark.parametrize(
    "text",
    [
        "See https://www.amazon.de/gp/css/order-history for details.",
        "Open amazon.co.uk/your-orders and look for payment alerts.",
        "Your order on Amazon.de is pending.",
        "Please check Your Orders.",
    ],
)
def test_amazon_links_and_names_pass(text: str) -> None:
    assert rules(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Track it at https://track.dhl.example/123",
        "More at shop.example.com/help",
        "Visit www.example-shop.de",
        "Log in at http://amazon.de.verify-payment.info/login",
        "our site: gadgets dot com",
    ],
)
def test_other_links_are_found(text: str) -> None:
    assert "external_link" in rules(text)


def test_a_link_hidden_behind_html_text_is_found() -> None:
    html = '<p>Check <a href="https://evil.example.com/amazon">Your Orders on Amazon</a>.</p>'
    findings = check_html(html, "en")
    assert [f.rule for f in findings] == ["external_link"]
    assert findings[0].text == "https://evil.example.com/amazon"


@pytest.mark.parametrize(
    "text",
    [
        "Write to help@shop.example",
        "help (at) shop.de",
        "help at shop dot com",
        "ventas arroba tienda punto com",
    ],
)
def test_email_addresses_are_found_even_when_disguised(text: str) -> None:
    assert rules(text) == {"email_address"}


@pytest.mark.parametrize(
    "text",
    [
        "Call +49 30 1234567.",
        "Ring us on (555) 123-4567.",
        "Telefon: 0800/123 45 67",
        "Appelez le 01 23 45 67 89.",
        "Llámenos al 912 345 678.",
        "Call 1-800-FLOWERS.",
    ],
)
def test_phone_numbers_are_found(text: str) -> None:
    assert "phone_number" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your order 302-1234567-7654321 is pending.",
        "The eBay order 12-34567-89012 is not an Amazon order.",
        "Tracking number 00340434161094000000 (DHL).",
        "The total of 1.299,99 € was charged by Amazon.",
        "Ordered on 03.11.2024 at 14:30.",
        "Size 2.5 m, 17 digits in the format 123-1234567-1234567.",
    ],
)
def test_order_numbers_amounts_and_dates_are_not_phone_numbers(text: str) -> None:
    assert rules(text) == set()


@pytest.mark.parametrize(
    "text", ["Thanks 😊", "Great news 👍🏽", "Confirmed ✅", "Sorry :(", "Bye ;-)", "Love <3"]
)
def test_emojis_and_emoticons_are_found(text: str) -> None:
    assert rules(text) == {"emoji"}


def test_trademark_signs_in_plain_text_are_not_emojis() -> None:
    assert rules("Your Kindle™ order (ACME® cable) is pending.") == set()


def test_known_facts_such_as_item_titles_are_not_held_against_the_reply() -> None:
    text = "Your order of Charger 24h Quick, call-free 0800 123 456 edition is pending."
    assert rules(text)  # as typed by a person, it would be refused
    assert rules(text, known_facts=["Charger 24h Quick, call-free 0800 123 456 edition"]) == set()


def test_a_fact_does_not_cover_words_typed_around_it() -> None:
    findings = check_reply(
        "Order 302-1234567-7654321 ships tomorrow.", "en", known_facts=["302-1234567-7654321"]
    )
    assert [f.rule for f in findings] == ["date_promise"]


def test_findings_quote_the_words_as_written() -> None:
    findings = check_reply("Ihre Bestellung wird MORGEN versendet.", "de")
    assert [(f.rule, f.text) for f in findings] == [("date_promise", "MORGEN versendet")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("If it is still pending after 7 days, please contact Amazon customer service.", "en"),
        (
            "Falls die Bestellung nach 7 Tagen noch aussteht, wenden Sie sich an den Amazon-Kundenservice.",
            "de",
        ),
        ("Si la commande est toujours en attente après 7 jours, contactez le service client d'Amazon.", "fr"),
        ("Si el pedido sigue pendiente después de 7 días, contacte con Atención al cliente de Amazon.", "es"),
        ("Se l'ordine è ancora in sospeso dopo 7 giorni, contatti il Servizio Clienti Amazon.", "it"),
    ],
)
def test_advice_under_a_condition_is_not_a_date_promise(text: str, language: str) -> None:
    assert rules(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Amazon's help says verification takes up to 24 hours, so it ships by Friday.", "en"),
        ("Laut Amazon dauert die Prüfung bis zu 24 Stunden, danach versenden wir sofort.", "de"),
        ("Selon Amazon, la vérification prend 24 heures, puis votre colis partira.", "fr"),
        ("Según Amazon, la verificación tarda 24 horas y después enviaremos su pedido.", "es"),
        ("Secondo Amazon la verifica richiede 24 ore, poi spediremo il suo ordine.", "it"),
    ],
)
def test_a_time_span_from_amazons_help_that_says_when_it_ships_is_a_promise(text: str, language: str) -> None:
    assert "date_promise" in rules(text, language)


def test_a_phrase_in_another_language_is_found_whatever_the_reply_language() -> None:
    assert "date_promise" in rules("Vielen Dank! Your order ships tomorrow.", "de")
