"""The compliance checker: every reply, edit and send passes here, so a policy breach cannot go out.

``check_reply`` looks for what Amazon's buyer-seller messaging rules forbid, in English, German, French,
Spanish and Italian at once: promises of a date or time span, links other than Amazon's own, email
addresses, phone numbers, emojis, bought or steered reviews, marketing, blame for a delay Amazon controls,
and promises of a refund or cancellation. It is a pure function of the text, with patterns compiled on
first use, so it costs nothing at import and little per call.
"""

from __future__ import annotations

from collections.abc import Iterable

from ghostdesk.replies.compliance.finding import RULES, Finding
from ghostdesk.replies.compliance.text import html_to_checkable_text, looks_like_html

__all__ = ["RULES", "Finding", "check_html", "check_reply"]


def check_reply(text: str, language: str | None = None, *, known_facts: Iterable[str] = ()) -> list[Finding]:
    """Every breach in a reply, in order of appearance; an empty list means the reply may be sent.

    ``language`` is the reply's language (ISO 639-1); it is checked first, and the other four languages'
    rules apply too, because a phrase typed in another language breaks the rules all the same.
    ``known_facts`` are values the macro took from the order systems (order IDs, tracking numbers, item
    titles, the seller's name); their exact occurrences are not held against the reply.
    """
    from ghostdesk.replies.compliance.contact import find_contact_breaches
    from ghostdesk.replies.compliance.lexicon import LANGUAGES, compiled, has_accents
    from ghostdesk.replies.compliance.phrases import find_phrases
    from ghostdesk.replies.compliance.promises import find_date_promises
    from ghostdesk.replies.compliance.text import prepare, strip_accents

    prepared = prepare(text, known_facts)
    order = [language] if language in LANGUAGES else []
    order += [lang for lang in LANGUAGES if lang not in order]
    spans = find_contact_breaches(prepared.folded, prepared.original)
    # The word rules read the reply twice: as written, and with accents taken off both the reply and the
    # patterns, so a reply typed without accents ("sera expedie demain") is read like one typed with them.
    plain = strip_accents(prepared.folded)
    for words, accents in ((prepared.folded, False), (plain, True)):
        lexicons = [compiled(lang, accents) for lang in order if not accents or has_accents(lang)]
        spans += find_date_promises(words, lexicons)
        spans += find_phrases(words, lexicons)
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for rule, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if any(rule == r and start < e and s < end for r, s, e in seen):
            continue  # the same breach, found again by another language's words or another pattern
        seen.add((rule, start, end))
        findings.append(Finding(rule, prepared.quote(start, end)))
    return findings


def check_html(html: str, language: str | None = None, *, known_facts: Iterable[str] = ()) -> list[Finding]:
    """Check an HTML reply: its visible words and every link target it carries."""
    return check_reply(html_to_checkable_text(html), language, known_facts=known_facts)


def check_document(content: str, language: str | None = None) -> list[Finding]:
    """Check a reply as stored in a file: HTML when it looks like HTML, plain text otherwise."""
    if looks_like_html(content):
        return check_html(content, language)
    return check_reply(content, language)
