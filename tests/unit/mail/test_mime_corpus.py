"""The MIME corpus (CPython's test mail, Mailgun flanker, SpamScope): every message is read, nothing is lost.

Given any message of the public corpus, when it is read, then it never raises (except UnreadableEmail
for bytes that are not mail), and whenever the standard library finds a part with content, the reader
shows that content as text or lists it as an attachment.
"""

from __future__ import annotations

import contextlib
from email import policy
from email.message import Message
from email.parser import BytesParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghostdesk.mail.mime import UnreadableEmail
from ghostdesk.mail.reader import read_email
from tests.shared_data import SHARED_DATA

MIME = SHARED_DATA / "mime"
CORPUS = sorted(
    path
    for path in MIME.rglob("*")
    if path.is_file() and not path.name.upper().startswith(("LICENSE", "SOURCES", "PSF-LICENSE"))
)


def _stdlib_sees_content(raw: bytes) -> bool:
    """An independent look with the standard library: does any leaf part carry non-blank bytes?"""
    message = BytesParser(policy=policy.compat32).parsebytes(raw)
    stack: list[Message] = [message]
    while stack:
        part = stack.pop()
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend(p for p in payload if isinstance(p, Message))
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and data.strip():
            return True
    return False


def test_corpus_is_present() -> None:
    assert len(CORPUS) >= 100, "the vendored MIME corpus went missing"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_message_is_read_without_losing_content(path: Path) -> None:
    raw = path.read_bytes()
    if b":" not in raw.lstrip().split(b"\n", 1)[0]:  # no header line at the top: not an email
        with pytest.raises(UnreadableEmail, match="no_header_block"):
            read_email(raw)
        return
    message = read_email(raw)
    if _stdlib_sees_content(raw):
        assert message.text.strip() or message.attachments, "content present in the file was lost"
    text_lines = {line.strip() for line in message.text.splitlines()}
    assert all(line.strip() in text_lines for line in message.fresh_text.splitlines())
    assert message.language
    assert all(a.size >= 0 and a.content_type for a in message.attachments)


def _read(name: str):
    return read_email((MIME / name).read_bytes())


def test_cyrillic_8bit_body_is_decoded() -> None:
    message = _read("flanker/8bitmime.eml")
    assert "Превел" in message.text


def test_body_and_subject_declared_gb2312_but_utf8_are_read_as_utf8() -> None:
    message = _read("spamscope-mail-parser/mail_test_12.eml")
    assert message.subject == "代开各地增值税发票"
    assert "你好！我公司可代开各类增值税发票" in message.text
    assert "mislabelled_charset:gb2312" in message.defects


def test_html_only_message_becomes_text_without_tags() -> None:
    message = _read("flanker/long-links.eml")
    assert message.html_only
    assert "html_only" in message.defects
    assert "http://www.longurlmaker.com/" in message.text
    assert "<a" not in message.text
    assert "<html" not in message.text.lower()


def test_wrong_boundary_is_recovered_and_undeclared_latin_text_read_as_windows_1252() -> None:
    message = _read("spamscope-mail-parser/mail_malformed_3.eml")
    assert "recovered_boundary" in message.defects
    assert "“brochure” puede tener" in message.text
    assert message.html_only


def test_truncated_boundary_parameter_of_a_bounce_is_recovered() -> None:
    message = _read("cpython-test_email/msg_25.txt")
    assert message.from_address == "mailer-daemon@zinfandel.lacita.com"
    assert "The original message was received at" in message.text
    assert "recovered_boundary" in message.defects


def test_image_attachment_is_listed_not_decoded_into_text() -> None:
    message = _read("flanker/mailgun-pic.eml")
    assert [(a.filename, a.content_type) for a in message.attachments] == [("mailgun.png", "image/png")]
    assert message.attachments[0].size > 50_000
    assert "Мейлган! Хахах!" in message.text
    assert "iVBORw0KGgo" not in message.text


def test_raw_utf8_attachment_name_is_recovered() -> None:
    message = _read("flanker/russian-attachment-yahoo.eml")
    assert message.attachments[0].filename is not None
    assert message.attachments[0].filename.startswith("Картинка с очень, очень длинным")


def test_raw_8bit_subject_and_display_name_are_decoded() -> None:
    broken_subject = _read("flanker/spam__broken-headers.eml")
    assert broken_subject.subject == "Forget Asking For A Link Exchange…"
    utf8_name = _read("flanker/mailformed-headers.eml")
    assert utf8_name.from_name.startswith("Юникод запрещен")
    assert utf8_name.from_address == "headers@gmail.com"


def test_huge_encoded_subject_is_decoded_and_capped() -> None:
    message = _read("flanker/long-header.eml")
    assert message.subject.startswith("Die heiße Zypernsonne quälte Max und Victoria ja böse")
    assert len(message.subject) <= 8192
    assert "header_truncated:subject" in message.defects


def test_quoted_printable_and_base64_parts_are_decoded() -> None:
    message = _read("cpython-test_email/msg_10.txt")
    assert "¡This is a Quoted Printable encoded message!" in message.text
    assert "This is a Base64 encoded message." in message.text


def test_enclosed_message_is_kept_as_forwarded_history_not_fresh_words() -> None:
    message = _read("flanker/enclosed.eml")
    assert message.subject == "Wow"
    assert message.fresh_text.startswith("Hello")
    assert "Forwarded message" in message.quoted_text


def test_outlook_mail_with_inline_images_and_html_attachments() -> None:
    message = _read("spamscope-mail-parser/mail_test_7.eml")
    assert message.subject == "I: Ordine"
    assert message.text.startswith("Ciao sere mi puoi dire se il mio cliente")
    assert {"image/jpeg", "text/html"} <= {a.content_type for a in message.attachments}


def test_message_that_is_not_mail_at_all_is_unreadable() -> None:
    with pytest.raises(UnreadableEmail) as caught:
        _read("cpython-test_email/msg_19.txt")  # a digest body without any header
    assert caught.value.reason == "no_header_block"


@pytest.mark.parametrize(
    "raw", [b"", b"   \r\n\r\n", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", b'{"notificationType": "Received"}']
)
def test_bytes_that_are_not_an_email_raise_unreadable(raw: bytes) -> None:
    with pytest.raises(UnreadableEmail):
        read_email(raw)


def test_three_megabyte_endless_message_is_read() -> None:
    # How fast: `make bench` (imports and diagnose throughput); timed asserts here would only be flaky.
    raw = (MIME / "flanker/enclosed-endless.eml").read_bytes()
    message = read_email(raw)
    assert message.subject == "Wow"
    assert message.text.startswith("Hello")


def test_torture_message_is_read_with_all_its_attachments() -> None:
    raw = (MIME / "flanker/torture.eml").read_bytes()
    message = read_email(raw)
    assert "This is a demonstration of multi-part mail" in message.text
    assert len(message.attachments) >= 10


def test_nesting_deeper_than_the_parser_can_recurse_is_read_flat() -> None:
    levels = 3000
    head = [b"From: buyer@example.com\r\nSubject: deep\r\n"]
    for level in range(levels):
        head.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level))
    head.append(b"Content-Type: text/plain\r\n\r\nwhere is my order?\r\n")
    tail = [b"--b%d--\r\n" % level for level in reversed(range(levels))]
    message = read_email(b"".join(head + tail))
    assert "where is my order?" in message.text
    assert "nesting_too_deep" in message.defects


def test_thousands_of_parts_are_capped() -> None:
    parts = [b"From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"]
    for index in range(2000):
        parts.append(b"--x\r\nContent-Type: application/octet-stream\r\n\r\npart %d\r\n" % index)
    parts.append(b"--x--\r\n")
    message = read_email(b"".join(parts))
    assert "truncated_parts" in message.defects
    assert 0 < len(message.attachments) <= 256


CORPUS_SAMPLES = [path.read_bytes()[:4000] for path in CORPUS[:40]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sample=st.sampled_from(CORPUS_SAMPLES),
    cut=st.integers(min_value=0, max_value=4000),
    noise=st.binary(max_size=64),
)
def test_truncated_and_corrupted_mail_never_raises_anything_but_unreadable(
    sample: bytes, cut: int, noise: bytes
) -> None:
    raw = sample[:cut] + noise + sample[cut:]
    with contextlib.suppress(UnreadableEmail):
        read_email(raw)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=512))
def test_arbitrary_bytes_never_raise_anything_but_unreadable(raw: bytes) -> None:
    with contextlib.suppress(UnreadableEmail):
        read_email(raw)
