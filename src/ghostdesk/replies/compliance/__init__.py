"""The compliance checker: every reply, edit and send passes here, so a policy breach cannot go out.

``check_reply`` looks for what Amazon's buyer-seller messaging rules forbid, in English, German, French,
Spanish and Italian at once: promises of a date or time span, links other than Amazon's own, email
addresses, phone numbers, emojis, bought or steered reviews, marketing, blame for a delay Amazon controls,
and promises of a refund or cancellation. It is a pure function of the text, with patterns compiled on
first use, so it costs nothing at import and little per call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ghostdesk.replies.compliance.finding import RULES, Finding
from ghostdesk.replies.compliance.text import html_to_checkable_text, looks_like_html

if TYPE_CHECKING:
    from ghostdesk.replies.compliance.lexicon import CompiledLexicon

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
    from ghostdesk.replies.compliance.text import prepare, sentence_spans, strip_accents

    prepared = prepare(text, known_facts)
    order = [language] if language in LANGUAGES else []
    order += [lang for lang in LANGUAGES if lang not in order]
    spans = find_contact_breaches(prepared.folded, prepared.original)
    # The word rules read each sentence in the way it was typed: a sentence with accents against the patterns
    # as written, a sentence without any also against the same patterns with their accents taken off, so
    # "sera expedie demain" is read like "sera expédiée demain". (Taking accents off a sentence that has them
    # would blur words the rules tell apart, such as "entregó" and "entrego".) Both readings see the whole
    # reply, because some rules look at the sentence before.
    plain = strip_accents(prepared.folded)
    if plain == prepared.folded:
        spans += _word_rules(plain, [compiled(lang, True) for lang in order])
    else:
        spans += _word_rules(prepared.folded, [compiled(lang) for lang in order])
        unaccented = [(s, e) for s, e in sentence_spans(plain) if plain[s:e] == prepared.folded[s:e]]
        plain_lexicons = [compiled(lang, True) for lang in order if has_accents(lang)]
        spans += [
            span
            for span in _word_rules(plain, plain_lexicons)
            if any(s <= span[1] and span[2] <= e for s, e in unaccented)
        ]
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for rule, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if any(rule == r and start < e and s < end for r, s, e in seen):
            continue  # the same breach, found again by another language's words or another pattern
        seen.add((rule, start, end))
        findings.append(Finding(rule, prepared.quote(start, end)))
    return findings


def _word_rules(text: str, lexicons: list[CompiledLexicon]) -> list[tuple[str, int, int]]:
    from ghostdesk.replies.compliance.phrases import find_phrases
    from ghostdesk.replies.compliance.promises import find_date_promises

    return find_date_promises(text, lexicons) + find_phrases(text, lexicons)


def check_html(html: str, language: str | None = None, *, known_facts: Iterable[str] = ()) -> list[Finding]:
    """Check an HTML reply: its visible words and every link target it carries."""
    return check_reply(html_to_checkable_text(html), language, known_facts=known_facts)


def check_document(content: str, language: str | None = None) -> list[Finding]:
    """Check a reply as stored in a file: HTML when it looks like HTML, plain text otherwise."""
    if looks_like_html(content):
        return check_html(content, language)
    return check_reply(content, language)
