"""Hostile and broken mail through the real IngestFunction (and on through the pipeline) under moto.

Given every message of the public MIME torture corpus, machine-generated mutations of real mail, mail
too large for SNS, and buyer names and subjects crafted to inject headers or template code, when SES
delivers them (raw mail in the template's bucket, the notification through SNS and SQS), then no
record fails, every message is stored with a status, nothing unreadable is ever answered, and nothing
we send carries a header the buyer wrote.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterable
from email import message_from_bytes, policy
from email.message import EmailMessage

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghostdesk.aws.tables import DraftStore, MessageStore
from ghostdesk.mail.compose import ReplyTarget, compose_reply
from ghostdesk.records import AckStatus, DraftStatus, MessageRecord, MessageStatus
from tests.integration.conftest import Stack
from tests.integration.pipeline_run import run_pipeline
from tests.integration.ses_mail import (
    SES_INLINE_LIMIT,
    SQS_BODY_LIMIT,
    delivered,
    sqs_event,
)
from tests.integration.test_api import api_event
from tests.shared_data import REPO, SHARED_DATA

MIME = SHARED_DATA / "mime"
# Generated mails per `make test` run; a deeper soak: GHOSTDESK_FUZZ_EXAMPLES=2000 pytest -k generated
FUZZ_EXAMPLES = int(os.environ.get("GHOSTDESK_FUZZ_EXAMPLES", "60"))
CORPUS = sorted(
    path
    for path in MIME.rglob("*")
    if path.is_file() and not path.name.upper().startswith(("LICENSE", "SOURCES", "PSF-LICENSE"))
)
DEMO = REPO / "demo" / "emails"
STORED_STATUSES = {
    MessageStatus.PARSED,
    MessageStatus.UNREADABLE,
    MessageStatus.FAILED,
    MessageStatus.QUARANTINED,
    MessageStatus.DUPLICATE,
}
# Every header a reply of ours may carry; anything else in a sent message came from somewhere else.
OUR_HEADERS = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "auto-submitted",
    "x-auto-response-suppress",
    "content-type",
    "content-transfer-encoding",
    "mime-version",
    "content-language",
}


def messages(stack: Stack) -> MessageStore:
    return MessageStore(stack.client("dynamodb"), stack.resources.tables["MessagesTable"])


def stored(stack: Stack, ses_id: str) -> MessageRecord:
    found = messages(stack).get(ses_id)
    assert found is not None, f"{ses_id} was not stored"
    return found[0]


def ingest_all(stack: Stack, mails: Iterable[tuple[str, bytes]], *, batch_size: int = 10) -> None:
    """Deliver each (SES ID, raw mail) through the IngestFunction in SQS batches; no record may fail."""
    handler = stack.use_function("IngestFunction")
    batch: list[dict[str, object]] = []
    for ses_id, raw in mails:
        batch.append(delivered(stack, raw, ses_id))
        if len(batch) == batch_size:
            assert handler(sqs_event(batch)) == {"batchItemFailures": []}
            batch = []
    if batch:
        assert handler(sqs_event(batch)) == {"batchItemFailures": []}


def assert_stored_with_a_status(record: MessageRecord) -> None:
    assert record.status in STORED_STATUSES, record.status
    assert record.handed_on, f"{record.message_id}: stored but not finished"
    assert record.raw_key, "the raw mail must stay reachable"
    if record.status is not MessageStatus.PARSED:
        assert record.ack_status is AckStatus.SUPPRESSED
        assert record.status_reason


def raw_header_names(raw: bytes) -> list[str]:
    """Header names as the bytes on the wire have them (a continuation line starts with white space)."""
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    names = []
    for line in re.split(rb"\r?\n", head):
        if line[:1] in (b" ", b"\t"):
            continue
        name, colon, _ = line.partition(b":")
        assert colon, f"a header line without a colon: {line[:80]!r}"
        names.append(name.decode("ascii").lower())
    return names


def sent_raw(stack: Stack) -> list[tuple[list[str], bytes]]:
    """Every message SES took: its recipients (moto, like SES, adds those of the To/Cc/Bcc headers to the
    envelope's; each listed once here) and its raw bytes."""
    from moto.ses.models import ses_backends

    backend = ses_backends[stack.resources.account_id]["us-east-1"]
    return [
        (
            list(dict.fromkeys(m.destinations)),
            m.raw_data.encode() if isinstance(m.raw_data, str) else m.raw_data,
        )
        for m in backend.sent_messages
    ]


def assert_no_injected_header(destinations: list[str], raw: bytes, *, to: str) -> EmailMessage:
    names = raw_header_names(raw)
    assert set(names) <= OUR_HEADERS, f"unexpected headers {set(names) - OUR_HEADERS}"
    assert names.count("to") == 1
    assert names.count("subject") == 1
    assert destinations == [to], destinations
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert [a.addr_spec for a in message["To"].addresses] == [to]
    for name, value in message.items():
        assert not re.search(r"[\r\n\x00\u2028\u2029\x85]", str(value)), f"{name}: {value!r}"
    return message


# -- the corpus ------------------------------------------------------------------------------------------


def test_the_whole_mime_corpus_is_stored_with_a_status_and_nothing_unreadable_is_answered(
    stack: Stack,
) -> None:
    assert len(CORPUS) >= 100, "the vendored MIME corpus went missing"
    ids = {f"corpus-{index:03d}": path for index, path in enumerate(CORPUS)}
    ingest_all(stack, ((ses_id, path.read_bytes()) for ses_id, path in ids.items()))

    records = {ses_id: stored(stack, ses_id) for ses_id in ids}
    for record in records.values():
        assert_stored_with_a_status(record)
    statuses = {r.status for r in records.values()}
    assert MessageStatus.PARSED in statuses
    assert MessageStatus.UNREADABLE in statuses  # the corpus holds bytes that are not mail at all

    # The rest of the pipeline takes whatever ingest handed on, and no stage fails on any of it.
    run_pipeline(stack)
    answered = {destinations[0] for destinations, _ in sent_raw(stack)}
    never_answered = {
        r.message.reply_address
        for r in records.values()
        if r.status is not MessageStatus.PARSED and r.message is not None
    }
    assert not answered & never_answered
    for ses_id, record in records.items():
        after = stored(stack, ses_id)
        if record.status is not MessageStatus.PARSED:
            assert after.ack_status is AckStatus.SUPPRESSED, ids[ses_id].name
            assert after.ack_sent_at is None
    sent = sent_raw(stack)
    assert sent, "the corpus holds order inquiries: some must have been acknowledged"
    for destinations, raw in sent:
        assert_no_injected_header(destinations, raw, to=destinations[0])


# -- generated hostile mail --------------------------------------------------------------------------------

SEEDS = [path.read_bytes() for path in sorted(DEMO.glob("*.eml"))] + [
    path.read_bytes() for path in CORPUS if path.stat().st_size < 12_000
][:40]
NASTY_TEXT = [
    "\x00",
    "\r\nBcc: victim@evil.example",
    "\nX-Injected: yes",
    "\u2028Bcc: victim@evil.example",
    "\u2029",
    "\x85",
    "\x0b\x0c",
    "{{ 7*7 }}",
    "{% raw %}",
    "=?utf-8?q?x=0D=0ABcc:_victim@evil.example?=",
    "=?utf-8?b?" + base64.b64encode(b"Anna\r\nBcc: victim@evil.example").decode() + "?=",
    "=?x-unknown?q?=FF=FE?=",
    "=?utf-8?q?unterminated",
    "\ud800",  # a lone surrogate (as surrogateescape would carry it)
]


def _utf8(text: str) -> bytes:
    """UTF-8, with lone surrogates as the invalid byte sequences broken mailers write."""
    return text.encode("utf-8", errors="surrogatepass")


header_value = st.one_of(
    st.text(max_size=60).map(_utf8),
    st.binary(max_size=60),
    st.sampled_from(NASTY_TEXT).map(_utf8),
    st.lists(st.sampled_from(NASTY_TEXT), min_size=1, max_size=4).map(lambda parts: _utf8("".join(parts))),
    st.integers(min_value=10_000, max_value=200_000).map(lambda n: b"A" * n),  # giant header
)


@st.composite
def mutated_real_mail(draw: st.DrawFn) -> bytes:
    """A real email with random byte edits: inserts, deletions, overwrites, duplicated lines, a cut."""
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(raw)))
        operation = draw(st.sampled_from(["insert", "delete", "overwrite", "duplicate_line", "cut"]))
        if operation == "insert":
            raw[at:at] = draw(st.one_of(st.binary(min_size=1, max_size=40), header_value))
        elif operation == "delete":
            del raw[at : at + draw(st.integers(min_value=1, max_value=200))]
        elif operation == "overwrite":
            patch = draw(st.binary(min_size=1, max_size=20))
            raw[at : at + len(patch)] = patch
        elif operation == "duplicate_line":
            start = raw.rfind(b"\n", 0, at) + 1
            end = raw.find(b"\n", at)
            line = bytes(raw[start : end + 1 if end >= 0 else len(raw)])
            raw[start:start] = line * draw(st.integers(min_value=1, max_value=50))
        else:
            del raw[at:]
    return bytes(raw)


@st.composite
def hostile_headers(draw: st.DrawFn) -> bytes:
    """A plain inquiry whose headers are hostile: missing, giant, NULs, CR/LF, bad UTF-8, 10k recipients."""
    headers: dict[bytes, bytes] = {
        b"From": b"Anna Buyer <anna.buyer@example.net>",
        b"To": b"orders@example.com",
        b"Subject": b"Where is my order 113-4829175-6031482?",
        b"Date": b"Fri, 20 Nov 2026 09:00:00 +0000",
        b"Message-ID": b"<fuzz@example.net>",
        b"MIME-Version": b"1.0",
        b"Content-Type": b"text/plain; charset=utf-8",
    }
    for name in draw(st.lists(st.sampled_from(sorted(headers)), max_size=4, unique=True)):
        del headers[name]  # missing headers
    for name in draw(
        st.lists(
            st.sampled_from(
                [
                    b"From",
                    b"Subject",
                    b"Reply-To",
                    b"To",
                    b"Message-ID",
                    b"References",
                    b"Content-Type",
                    b"X-Junk",
                ]
            ),
            max_size=4,
        )
    ):
        headers[name] = draw(header_value)
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        headers[b"To"] = b", ".join(b"r%d@example.com" % n for n in range(10_000))
    body = draw(st.one_of(st.text(max_size=300).map(_utf8), st.binary(max_size=300)))
    lines = [name + b": " + value for name, value in headers.items()]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


@st.composite
def mime_part(draw: st.DrawFn, depth: int = 0) -> bytes:
    """A random MIME tree: odd types, encodings, charsets and boundaries, closed or not."""
    if depth >= 4 or draw(st.booleans()):
        content_type = draw(
            st.sampled_from(
                [
                    "text/plain",
                    "text/html",
                    "application/octet-stream",
                    "message/rfc822",
                    "image/png",
                    "",
                    "x/y",
                ]
            )
        )
        charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "x-unknown", "utf-7", "", "gb2312"]))
        encoding = draw(st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", ""]))
        payload = draw(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(_utf8)))
        return b'Content-Type: %s; charset="%s"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s' % (
            content_type.encode(),
            charset.encode(),
            encoding.encode(),
            payload,
        )
    boundary = draw(st.sampled_from([b"b", b"=_x", b"", b"a" * 90, b"--", b"b b"]))
    children = draw(st.lists(mime_part(depth + 1), max_size=4))
    subtype = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"digest", b"report"]))
    parts = b"".join(b"--" + boundary + b"\r\n" + child + b"\r\n" for child in children)
    closing = b"--" + boundary + b"--\r\n" if draw(st.booleans()) else b""
    return b'Content-Type: multipart/%s; boundary="%s"\r\n\r\npreamble\r\n%s%s' % (
        subtype,
        boundary,
        parts,
        closing,
    )


def deeply_nested(levels: int) -> bytes:
    head = [b"From: Deep Buyer <deep@example.net>\r\nSubject: where is my order?\r\n"]
    for level in range(levels):
        head.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level))
    head.append(b"Content-Type: text/plain\r\n\r\nwhere is my order 113-4829175-6031482?\r\n")
    return b"".join(head + [b"--b%d--\r\n" % level for level in reversed(range(levels))])


random_mime = mime_part().map(
    lambda tree: b"From: Fuzz <fuzz@example.net>\r\nSubject: my order\r\nMIME-Version: 1.0\r\n" + tree
)
hostile_mail = st.one_of(
    mutated_real_mail(),
    hostile_headers(),
    random_mime,
    st.integers(min_value=20, max_value=3000).map(deeply_nested),
    st.binary(max_size=600),  # not mail at all
)


def test_generated_hostile_mail_never_fails_a_record_and_is_always_stored_with_a_status(
    stack: Stack,
) -> None:
    handler = stack.use_function("IngestFunction")
    delivered_ids: list[str] = []

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(raw=hostile_mail, inline=st.booleans(), verdict=st.sampled_from(["PASS", "PASS", "PASS", "FAIL"]))
    def deliver(raw: bytes, inline: bool, verdict: str) -> None:
        ses_id = f"fuzz-{len(delivered_ids):04d}"
        delivered_ids.append(ses_id)
        if inline and len(raw) <= SES_INLINE_LIMIT:
            doc = notification_inline(raw, ses_id, verdict)
        else:
            doc = delivered(stack, raw, ses_id, verdicts={"spam": verdict})
        assert handler(sqs_event([doc])) == {"batchItemFailures": []}
        record = stored(stack, ses_id)
        assert_stored_with_a_status(record)
        if verdict == "FAIL" and record.status is MessageStatus.QUARANTINED:
            assert record.ack_status is AckStatus.SUPPRESSED

    deliver()

    records = [stored(stack, ses_id) for ses_id in delivered_ids]
    run_pipeline(stack)  # acknowledgements, diagnosis and drafts: no stage may fail on any of it
    for record in records:
        after = stored(stack, record.message_id)
        if record.status is not MessageStatus.PARSED or record.ack_status is not AckStatus.PENDING:
            assert after.ack_sent_at is None, f"{record.message_id} was answered"
    for destinations, raw in sent_raw(stack):
        assert_no_injected_header(destinations, raw, to=destinations[0])


def notification_inline(raw: bytes, ses_id: str, verdict: str) -> dict[str, object]:
    from tests.integration.ses_mail import notification

    return notification(raw, ses_id=ses_id, bucket=None, inline=True, verdicts={"spam": verdict})


# -- mail too large for SNS --------------------------------------------------------------------------------


def test_mail_larger_than_sns_carries_arrives_through_the_s3_action_and_is_handled(stack: Stack) -> None:
    """SES's SNS action bounces mail over 150 KB; the template's S3 action stores it and announces it
    without content, and ingest reads it from the bucket."""
    message = EmailMessage()
    message["From"] = "Large Buyer <large.buyer@example.net>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Where is my order 113-4829175-6031482?"
    message["Message-ID"] = "<large-1@example.net>"
    message.set_content("Hello, my order 113-4829175-6031482 is still pending. Where is it?\n")
    message.add_attachment(bytes(range(256)) * 2048, maintype="image", subtype="png", filename="photo.png")
    raw = message.as_bytes()
    assert len(raw) > SES_INLINE_LIMIT

    doc = delivered(stack, raw, "large-1")
    assert "content" not in doc  # the S3 action's notification never carries the mail
    event = sqs_event([doc])
    assert len(event["Records"][0]["body"].encode()) < SQS_BODY_LIMIT
    assert stack.use_function("IngestFunction")(event) == {"batchItemFailures": []}

    record = stored(stack, "large-1")
    assert record.status is MessageStatus.PARSED
    assert record.raw_key == "inbound/large-1"
    assert record.message is not None
    assert [a.filename for a in record.message.attachments] == ["photo.png"]
    assert record.ack_status is AckStatus.PENDING
    run_pipeline(stack)
    ((destinations, _raw),) = sent_raw(stack)
    assert destinations == ["large.buyer@example.net"]


def test_mail_that_would_not_fit_a_dynamodb_item_is_stored_cut_down_and_kept_whole_in_s3(
    stack: Stack,
) -> None:
    recipients = ", ".join(f"r{n}@example.com" for n in range(10_000))
    words = "Where is my order 113-4829175-6031482? " * 20_000  # 800 KB of text
    raw = (
        f"From: Anna Buyer <anna@example.net>\r\nTo: {recipients}\r\nSubject: my order\r\n"
        f"Message-ID: <huge@example.net>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{words}"
    ).encode()
    ingest_all(stack, [("huge-1", raw)])

    record = stored(stack, "huge-1")
    assert record.status is MessageStatus.PARSED
    assert record.message is not None
    assert "truncated_for_storage" in record.message.defects
    assert record.message.fresh_text.startswith("Where is my order 113-4829175-6031482?")
    assert len(record.message.to) <= 50
    kept = stack.client("s3").get_object(Bucket=record.raw_bucket, Key=record.raw_key)["Body"].read()
    assert kept == raw


# -- header injection ------------------------------------------------------------------------------------

INJECTIONS = {
    "crlf": "\r\nBcc: victim@evil.example",
    "lf": "\nBcc: victim@evil.example",
    "line-separator": "\u2028Bcc: victim@evil.example",
    "paragraph-separator": "\u2029Cc: victim@evil.example",
    "next-line": "\x85Bcc: victim@evil.example",
    "nul-and-tabs": "\x00\x0b\x0cBcc: victim@evil.example",
}


def encoded_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="


def relay_mail(alias: str, name: str, subject: str) -> bytes:
    """Amazon relay mail whose display name and subject (RFC 2047 encoded) carry ``name``/``subject``."""
    template = (DEMO / "01-pending-us.eml").read_text()
    head, body = template.split("\n\n", 1)
    lines = [
        f"From: {encoded_word(name + ' - Amazon Marketplace')} <{alias}>",
        "To: orders@example.com",
        f"Subject: {encoded_word(subject)}",
        "Date: Fri, 20 Nov 2026 09:00:00 +0000",
        f"Message-ID: <{alias.split('@')[0]}@email.amazonses.com>",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "MIME-Version: 1.0",
    ]
    assert head.startswith("From:")
    return ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("utf-8")


def approve_all_drafts(stack: Stack) -> list[str]:
    drafts = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    waiting = drafts.list_by_status(DraftStatus.PENDING_APPROVAL)
    api = stack.use_function("ApiFunction")
    for draft in waiting:
        response = api(api_event("POST", f"/api/drafts/{draft.draft_id}/approve"))
        assert response["statusCode"] == 200, response
    return [d.draft_id for d in waiting]


def test_line_breaks_in_buyer_names_and_subjects_never_add_a_header_to_what_we_send(stack: Stack) -> None:
    aliases = {}
    for index, (label, injection) in enumerate(INJECTIONS.items()):
        alias = f"inj{index:02d}abcdefgh{index:02d}@marketplace.amazon.com"
        aliases[label] = alias
        name = f"Anna{injection}"
        subject = f"Order delivery inquiry (Order: 113-4829175-6031482){injection}"
        ingest_all(stack, [(f"inject-{label}", relay_mail(alias, name, subject))])
    run_pipeline(stack)
    assert len(approve_all_drafts(stack)) == len(INJECTIONS)

    sent = sent_raw(stack)
    acknowledgements = [raw for _, raw in sent if b"Auto-Submitted: auto-replied" in raw]
    replies = [raw for _, raw in sent if b"Auto-Submitted" not in raw]
    assert len(acknowledgements) == len(replies) == len(INJECTIONS)
    for destinations, raw in sent:
        assert destinations[0] in aliases.values()
        message = assert_no_injected_header(destinations, raw, to=destinations[0])
        assert "victim@evil.example" not in {
            a.addr_spec for h in ("To", "Cc", "Bcc") for a in (message[h].addresses if message[h] else ())
        }
        assert message["Subject"].startswith("Re: Order delivery inquiry")


def test_direct_mail_with_an_injected_reply_to_name_is_answered_at_its_address_only(stack: Stack) -> None:
    raw = (
        "From: Buyer <buyer@example.net>\r\n"
        f"Reply-To: {encoded_word('Buyer' + INJECTIONS['crlf'])} <reply.here@example.net>\r\n"
        "To: orders@example.com\r\n"
        f"Subject: {encoded_word('Where is my order?' + INJECTIONS['line-separator'])}\r\n"
        "Message-ID: <direct-inject@example.net>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hello, my order 113-4829175-6031482 is still pending. Where is it?\r\n"
    ).encode()
    ingest_all(stack, [("inject-direct", raw)])
    run_pipeline(stack)
    approve_all_drafts(stack)
    sent = sent_raw(stack)
    assert len(sent) == 2  # the acknowledgement and the approved reply
    for destinations, raw_sent in sent:
        assert_no_injected_header(destinations, raw_sent, to="reply.here@example.net")


hostile_text = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from('\r\n\x00\x0b\x0c\x85\u2028\u2029:<>"@,;')),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(
    subject=hostile_text,
    name=hostile_text,
    message_id=hostile_text,
    references=st.lists(hostile_text, max_size=4),
)
def test_compose_reply_never_writes_a_header_the_buyer_controls(
    subject: str, name: str, message_id: str, references: list[str]
) -> None:
    from datetime import UTC, datetime

    target = ReplyTarget("buyer@example.net", subject, message_id or None, tuple(references))
    for auto_submitted in (True, False):
        email = compose_reply(
            target,
            sender="care@shop.example",
            sender_name=name,  # stands in for any text that reaches the From display name
            text="Thank you for your message.",
            html=None,
            language="en",
            now=datetime(2026, 11, 20, tzinfo=UTC),
            auto_submitted=auto_submitted,
        )
        raw = email.as_bytes()
        assert_no_injected_header(["buyer@example.net"], raw, to="buyer@example.net")


# -- template payloads -------------------------------------------------------------------------------------

TEMPLATE_PAYLOADS = (
    "{{ 7*7 }}",
    "{{ 7*191 }}",
    '{{ "pwn" * 3 }}',
    "{% raw %}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for x in range(3) %}loop{% endfor %}",
)
EVALUATED = ("1337", "pwnpwnpwn", "__builtins__", "uid=", "looplooploop")


def test_template_code_in_the_buyers_name_subject_and_text_is_never_evaluated(stack: Stack) -> None:
    payload = " ".join(TEMPLATE_PAYLOADS)
    template = (DEMO / "01-pending-us.eml").read_text()
    body = template.split("\n\n", 1)[1].replace(
        "Thanks, Emily", f"Thanks, Emily {payload.replace('=', '=3D')}"
    )
    raw = (
        f"From: {encoded_word('{{ 7*7 }} - Amazon Marketplace')} <jinja0payload01@marketplace.amazon.com>\r\n"
        "To: orders@example.com\r\n"
        f"Subject: {encoded_word('Order 113-4829175-6031482 ' + payload)}\r\n"
        "Message-ID: <jinja-payload@email.amazonses.com>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        + body.replace("\n", "\r\n")
    ).encode()
    ingest_all(stack, [("jinja-1", raw)])
    record = stored(stack, "jinja-1")
    assert record.message is not None
    assert "{% raw %}" in record.message.fresh_text  # kept as the buyer wrote it

    run_pipeline(stack)
    drafts = DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])
    found = drafts.get("d-jinja-1")
    assert found is not None
    draft = found[0]
    assert draft.status is DraftStatus.PENDING_APPROVAL  # rendered fine: the payload never reached Jinja
    detail = stack.use_function("ApiFunction")(api_event("GET", "/api/drafts/d-jinja-1"))
    assert detail["statusCode"] == 200
    assert "{{ self.__init__.__globals__ }}" in detail["body"]  # shown to the agent as text
    approve_all_drafts(stack)

    sent = [raw_sent.decode("utf-8", "replace") for _, raw_sent in sent_raw(stack)]
    assert len(sent) == 2  # the acknowledgement and the approved reply
    texts = [
        *sent,
        draft.body,
        str(draft.reply.get("html", "")),
        str(stored(stack, "jinja-1").ack_reply),
    ]
    for text in texts:
        for evaluated in EVALUATED:
            assert evaluated not in text
    for _, raw_sent in sent_raw(stack):
        message = message_from_bytes(raw_sent, policy=policy.default)
        assert isinstance(message, EmailMessage)
        reply_text = message.get_body(preferencelist=("plain",))
        assert reply_text is not None
        assert "{{" not in reply_text.get_content()  # the buyer's words are never quoted back
