"""A notice the buyer forwards is evidence they give; a quoted reply is history.

The shapes are the ones buyers' clients produce: Gmail's marker under the buyer's mobile signature,
GMX's date-first header block under a "WG:" subject, Libero's "Messaggio originale" under an "I:" subject.
"""

from __future__ import annotations

from ghostdesk.mail.quoting import forwarded_text, split_reply

NOTICE = (
    "Hello Dana,\nYour package is on the way.\n"
    "Order # 112-4471905-3308261\nTracking ID: 9400111899224385192060\n"
)


def test_a_gmail_forward_below_the_buyers_mobile_signature_is_found() -> None:
    quoted = (
        "Sent from my Galaxy\n\n---------- Forwarded message ---------\n"
        "From: Amazon.com <shipment-tracking@amazon.com>\nDate: Wed, Jan 12, 2028 at 4:51 PM\n"
        "Subject: Your Amazon.com order #112-4471905-3308261 has shipped\nTo: <dana@example.com>\n\n" + NOTICE
    )
    text = forwarded_text(quoted, "Fwd: Your Amazon.com order has shipped")
    assert "Tracking ID: 9400111899224385192060" in text
    assert "From:" not in text  # the forwarded header block is not the notice's words


def test_gmx_puts_the_date_first_and_that_block_is_history_not_fresh_words() -> None:
    mail = (
        "von meiner Bestellung ist nur die Teekanne angekommen.\nUnten die Bestellbestätigung.\n"
        "\nGruß\nDörte\n\n"
        'Gesendet: Donnerstag, 02. März 2028 um 19:02 Uhr\nVon: "Amazon.de" <bestellbestaetigung@amazon.de>\n'
        "An: doerte@example.de\nBetreff: Ihre Amazon.de Bestellung\n\nBestellnr. 305-6630127-4418896\n"
    )
    fresh, quoted = split_reply(mail)
    assert "Gesendet" not in fresh
    assert forwarded_text(quoted, "WG: Ihre Amazon.de Bestellung").strip() == "Bestellnr. 305-6630127-4418896"


def test_an_original_message_under_a_forward_subject_is_a_forward() -> None:
    quoted = (
        '----Messaggio originale----\nDa: "Amazon.it" <conferma-ordine@amazon.it>\n'
        "Data: 20-mag-2028 11.14\n\nOrdine n. 402-6639917-2284053\n"
    )
    assert "402-6639917-2284053" in forwarded_text(quoted, "I: Il tuo ordine Amazon.it")
    # The same block under a reply subject is the history of a reply.
    assert forwarded_text(quoted, "R: Il tuo ordine Amazon.it") == ""


def test_a_quoted_reply_is_never_a_forward_and_a_forward_keeps_out_its_own_history() -> None:
    header = "On Mon, Jan 11, 2027 at 10:02 AM, Shop <support@shop.test> wrote:\n"
    reply = header + "> your order 113-6618230-9904127\n"
    assert forwarded_text(reply, "Re: Your order") == ""
    nested = (
        "---------- Forwarded message ---------\nFrom: Sam <sam@example.org>\nSubject: Re: order\n\n"
        "See below.\n\n" + header + "> order 113-6618230-9904127\n"
    )
    assert forwarded_text(nested, "Fwd: Re: order").strip() == "See below."
