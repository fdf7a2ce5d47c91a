"""read_email end to end: headers, threading, dates, the SES sample, auto-reply headers, HTML and charsets."""

from __future__ import annotations

from datetime import UTC, datetime

from ghostdesk.mail.charsets import decode_bytes, decode_words
from ghostdesk.mail.html_text import html_to_text
from ghostdesk.mail.reader import read_email
from ghostdesk.models import Channel
from tests.shared_data import SHARED_DATA


def test_ses_received_sample_is_read() -> None:
    raw = (
        SHARED_DATA / "lambda-events/ses-docs/ses-received-sns-message-for-lambda.decoded-content.eml"
    ).read_bytes()
    message = read_email(raw)
    assert message.subject == "Amazon SES Test"
    assert message.from_address == "sender@example.com"
    assert message.to == ("recipient@example.com",)
    assert message.text == "Amazon SES Test\nThis email was sent with Amazon SES."
    assert not message.html_only
    assert message.channel is Channel.DIRECT
    assert message.message_id is not None
    assert message.message_id.startswith("<0100016d07eb7477-8e1938ce-475e-4e4b-89cb-example-000000@")
    assert message.date == datetime(2019, 9, 6, 18, 52, 14, tzinfo=UTC)
    assert message.auto_headers["x-ses-spam-verdict"] == "PASS"
    assert message.auto_headers["return-path"].startswith("<0100016d07eb7477")


RAW_THREAD = (
    b"From: =?utf-8?q?Ren=C3=A9e_Dupont?= <Renee.Dupont@Example.FR>\r\n"
    b"To: Orders <orders@example.com>, copy@example.com\r\n"
    b"Reply-To: renee.private@example.fr\r\n"
    b"Subject: =?utf-8?q?Re=3A_O=C3=B9_est_ma?= =?utf-8?q?_commande_=3F?=\r\n"
    b"Date: Wed, 12 Mar 2025 10:14:00 -0000\r\n"
    b"Message-ID: <reply-2@example.fr>\r\n"
    b"In-Reply-To: <ack-1@example.com>\r\n"
    b"References: <first@example.fr>\r\n <ack-1@example.com>\r\n"
    b"Auto-Submitted: no\r\n"
    b"List-Unsubscribe: <mailto:x@example.com>\r\n"
    b"X-Mailer: Thunderbird\r\n"
    b"Content-Type: text/plain; charset=utf-8; format=flowed\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    b"Bonjour, ma commande est toujours en attente depuis \r\nune semaine.\r\n\r\n"
    b"Le 11/03/2025 \xc3\xa0 09:00, Orders a \xc3\xa9crit\xc2\xa0:\r\n> Merci pour votre message.\r\n"
)


def test_headers_threading_and_flowed_text() -> None:
    message = read_email(RAW_THREAD)
    assert message.from_address == "renee.dupont@example.fr"
    assert message.from_name == "Renée Dupont"
    assert message.to == ("orders@example.com", "copy@example.com")
    assert message.reply_to == "renee.private@example.fr"
    assert message.reply_address == "renee.private@example.fr"
    assert message.subject == "Re: Où est ma commande ?"
    assert message.message_id == "<reply-2@example.fr>"
    assert message.in_reply_to == "<ack-1@example.com>"
    assert message.references == ("<first@example.fr>", "<ack-1@example.com>")
    assert message.date == datetime(2025, 3, 12, 10, 14, tzinfo=UTC)
    assert message.fresh_text == "Bonjour, ma commande est toujours en attente depuis une semaine."
    assert message.quoted_text.startswith("Le 11/03/2025")
    assert message.language == "fr"
    assert message.auto_headers == {"auto-submitted": "no", "list-unsubscribe": "<mailto:x@example.com>"}


def test_unparseable_date_is_none_and_recorded() -> None:
    message = read_email(b"From: a@example.com\r\nDate: someday soon\r\n\r\nhello\r\n")
    assert message.date is None
    assert "bad_date" in message.defects


def test_default_language_is_used_when_the_text_says_nothing() -> None:
    message = read_email(
        b"From: a@example.com\r\nSubject: 111-2222222-3333333\r\n\r\n111-2222222-3333333\r\n"
    )
    assert read_email(b"From: a@example.com\r\n\r\nok\r\n", default_language="de").language == "de"
    assert message.language == "en"


# -- charsets and encoded words ---------------------------------------------------------------------
def test_encoded_words_tolerate_what_real_mail_does() -> None:
    assert decode_words("=?utf-8?q?caf=C3=A9?=")[0] == "café"
    assert decode_words("Re:=?utf-8?q?caf=C3=A9?=")[0] == "Re:café"  # glued to text
    assert decode_words("=?utf-8?b?Y2Fmw6k?=")[0] == "café"  # base64 without padding
    assert decode_words("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=")[0] == "café"  # a character split in two
    assert decode_words("=?utf-8*fr?q?caf=C3=A9?=")[0] == "café"  # RFC 2231 language tag
    assert decode_words("=?utf-8?q?caf=C3=A9")[0] == "café"  # missing ?=
    text, defects = decode_words("=?x-unknown?q?caf=E9?=")
    assert text == "café"
    assert "undecodable_charset:x-unknown" in defects


def test_charset_ladder() -> None:
    assert decode_bytes("Grüße".encode(), "iso-8859-1") == ("Grüße", ["mislabelled_charset:iso-8859-1"])
    assert decode_bytes("Grüße".encode("latin-1"), "utf-8")[0] == "Grüße"
    assert decode_bytes("l’été".encode("cp1252"), None) == ("l’été", ["charset_fallback:cp1252"])
    assert decode_bytes("l’été".encode("cp1252"), "iso-8859-1")[0] == "l’été"  # read as Windows-1252
    assert decode_bytes("Привет".encode("koi8-r"), "koi8-r") == ("Привет", [])
    assert decode_bytes(b"plain", "unicode_escape")[1] == ["undecodable_charset:unicode_escape"]


# -- HTML ---------------------------------------------------------------------------------------------
def test_html_becomes_readable_text() -> None:
    markup = (
        "<html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<p>Hello&nbsp;there,</p><div>line one<br />line two<br><br>after a blank</div>"
        "<ul><li>first</li><li>second</li></ul><p>Tom &amp; Jerry &lt;3</p>"
        '<div class="gmail_quote">On Mon, 3 Mar 2025 at 10:00, Shop &lt;s@example.com&gt; wrote:<br>'
        "<blockquote>Your order shipped.<br>Thanks</blockquote></div></body></html>"
    )
    text, defects = html_to_text(markup)
    assert defects == []
    assert text == (
        "Hello there,\n\nline one\nline two\n\nafter a blank\n\n- first\n- second\n\nTom & Jerry <3\n\n"
        "On Mon, 3 Mar 2025 at 10:00, Shop <s@example.com> wrote:\n\n> Your order shipped.\n> Thanks"
    )
    assert "alert" not in text
    assert "color:red" not in text
