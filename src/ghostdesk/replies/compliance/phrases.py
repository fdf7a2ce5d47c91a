"""Rules that are phrases in a language: blame, refund or cancellation promises, marketing, feedback."""

from __future__ import annotations

import re

from ghostdesk.replies.compliance.finding import (
    BLAME_ACCEPTANCE,
    FEEDBACK_INCENTIVE,
    MARKETING,
    REFUND_OR_CANCEL_PROMISE,
)
from ghostdesk.replies.compliance.lexicon import CompiledLexicon
from ghostdesk.replies.compliance.text import sentence_spans

Span = tuple[str, int, int]

_CLAUSE_START = re.compile(r"[,;:()]|\s[-–—]\s")
_WORDS_BEFORE = 3  # a negation this close before a phrase ("not our fault") voids it


def _negated(text: str, start: int, end: int, lex: CompiledLexicon) -> bool:
    """Whether a negation sits inside the phrase or within a few words before it, in the same clause."""
    head = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    words = head[cut:].split()[-_WORDS_BEFORE:]
    window = " ".join(words) + " " + text[start:end]
    return bool(lex.negation.search(window))


def _in_verb_first_condition(text: str, sentence_start: int, pos: int, lex: CompiledLexicon) -> bool:
    """Whether ``pos`` lies in a clause that opens with its verb and ends in a comma: a German condition."""
    head = text[sentence_start:pos]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    clause_start = sentence_start + cut
    while clause_start < pos and text[clause_start].isspace():
        clause_start += 1
    if not lex.verb_first_condition.match(text, clause_start):
        return False
    rest = text[pos:]
    comma = rest.find(",")
    return comma != -1 and not any(ch in ".!?;\n" for ch in rest[:comma])


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return 0, 0


def find_phrases(folded: str, lexicons: list[CompiledLexicon]) -> list[Span]:
    found: list[Span] = []
    sentences = sentence_spans(folded)
    for lex in lexicons:
        for m in lex.blame.finditer(folded):
            if not _negated(folded, m.start(), m.end(), lex):
                found.append((BLAME_ACCEPTANCE, m.start(), m.end()))
        for m in lex.owned_failure.finditer(folded):  # the "not" is the admission: no negation check
            found.append((BLAME_ACCEPTANCE, m.start(), m.end()))
        for m in lex.refund.finditer(folded):
            head = folded[
                max((c.end() for c in _CLAUSE_START.finditer(folded, 0, m.start())), default=0) : m.start()
            ]
            if "amazon" in head or _negated(folded, m.start(), m.end(), lex):
                continue  # "Amazon canceló su pedido" is Amazon's doing, not a promise
            found.append((REFUND_OR_CANCEL_PROMISE, m.start(), m.end()))
        for m in lex.refund_passive.finditer(folded):
            s, e = _sentence_of(sentences, m.start())
            if lex.amazon_agent.search(folded[s:e]) or _negated(folded, m.start(), m.end(), lex):
                continue
            if _in_verb_first_condition(folded, s, m.start(), lex):
                continue
            found.append((REFUND_OR_CANCEL_PROMISE, m.start(), m.end()))
        for m in lex.marketing.finditer(folded):
            found.append((MARKETING, m.start(), m.end()))
        for m in lex.feedback.finditer(folded):
            found.append((FEEDBACK_INCENTIVE, m.start(), m.end()))
        found.extend(_bought_reviews(folded, sentences, lex))
        found.extend(_steered_reviews(folded, sentences, lex))
        found.extend(_reviews_asked_of_the_happy(folded, sentences, lex))
        found.extend(_owned_faults(folded, sentences, lex))
        found.extend(_delays_put_on_us(folded, sentences, lex))
        found.extend(_promised_refunds(folded, sentences, lex))
    return found


_NEAR_DELAY = 50  # characters between the wait and the words that put it on us


def _delays_put_on_us(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """The wait put on the seller: "the delay is down to us", "ce retard vient de nous", "dipende da noi".

    Not when denied ("not down to us"), when Amazon is named between the two, or about a late reply.
    """
    found: list[Span] = []
    for s, e in sentences:
        if lex.reply_words.search(folded, s, e):
            continue
        for delay in lex.delay_words.finditer(folded, s, e):
            lo, hi = max(s, delay.start() - _NEAR_DELAY), min(e, delay.end() + _NEAR_DELAY)
            for own in lex.blamed_on_us.finditer(folded, lo, hi):
                start, end = min(delay.start(), own.start()), max(delay.end(), own.end())
                if "amazon" in folded[start:end] or _negated(folded, start, end, lex):
                    continue
                found.append((BLAME_ACCEPTANCE, start, end))
                break
    return found


def _promised_refunds(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """A refund or cancellation the seller takes on or declares done, in any words.

    "Leave it with me, I'll sort out the refund", "je m'occupe du remboursement", "the order is cancelled and
    your money is on its way back". Not when denied, when Amazon is the one doing it, when the buyer is
    told how to do it or what they may want, when it reports a status ("shows as cancelled"), or under a
    condition. A denial counts from the start of the
    sentence to the end of the refund's clause ("we have no way to cancel it"), except the reassurances that
    open so many replies ("no problem, you'll be refunded today").
    """
    found: list[Span] = []
    for s, e in sentences:
        refund = lex.refund_words.search(folded, s, e)
        if refund is None:
            continue
        if not (lex.first_person.search(folded, s, e) or lex.refund_state.search(folded, s, e)):
            continue
        sentence = folded[s:e]
        clause_start, clause_end = _clause_around(folded, s, e, refund.start())
        # a "not" inside an opening condition denies nothing: "if it isn't released by Friday, we refund you"
        opening = lex.conditional_start.match(folded, s) or lex.verb_first_condition.match(folded, s)
        denial_from = s
        if opening is not None:
            comma = folded.find(",", s, refund.start())
            denial_from = comma + 1 if comma != -1 else s
        if (
            "amazon" in sentence
            or lex.negation.search(lex.reassurance.sub(_blanks, folded[denial_from:clause_end]))
            or lex.buyer_action.search(sentence)
            or lex.status_report.search(sentence)
            or lex.conditional_inline.search(folded, clause_start, refund.start())
        ):
            continue
        found.append((REFUND_OR_CANCEL_PROMISE, refund.start(), refund.end()))
    return found


def _blanks(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _clause_around(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of a sentence (between commas, semicolons, colons or dashes) that holds a position."""
    lo = max((m.end() for m in _CLAUSE_START.finditer(text, start, pos)), default=start)
    following = _CLAUSE_START.search(text, pos, end)
    return lo, following.start() if following else end


def _first(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    return pattern.search(text, start, end)


def _steered_reviews(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """A review steered by the seller: asked to be changed, or asked only of buyers who are happy.

    "We saw your 2-star review. Could you bump it up?" asks for a change of a rating (the review may be in
    the sentence before); "please rate us once you are happy" asks only satisfied buyers to review.
    """
    found: list[Span] = []
    for i, (s, e) in enumerate(sentences):
        review = _first(lex.review_words, folded, s, e) or _first(lex.rating_verbs, folded, s, e)
        earlier = _first(lex.review_words, folded, *sentences[i - 1]) if i else None
        change = _first(lex.rating_change, folded, s, e)
        asked = change is not None and (review or earlier) and _first(lex.request, folded, s, e)
        if change is not None and asked and not _negated(folded, change.start(), change.end(), lex):
            found.append((FEEDBACK_INCENTIVE, change.start(), change.end()))
            continue
        happy = _first(lex.satisfaction, folded, s, e)
        if review and happy and _first(lex.gating, folded, s, e):
            start, end = min(review.start(), happy.start()), max(review.end(), happy.end())
            found.append((FEEDBACK_INCENTIVE, start, end))
    return found


def _reviews_asked_of_the_happy(
    folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon
) -> list[Span]:
    """A review asked for right after a question about satisfaction: "Happy? Then please leave us a review."

    The question gates the review as surely as "only if you are happy" does.
    """
    found: list[Span] = []
    for i in range(1, len(sentences)):
        qs, qe = sentences[i - 1]
        question = folded[qs:qe].rstrip()
        if not question.endswith("?") or len(question) > 60 or not lex.satisfaction.search(question):
            continue
        s, e = sentences[i]
        review = _first(lex.review_words, folded, s, e) or _first(lex.rating_verbs, folded, s, e)
        if review is not None:
            found.append((FEEDBACK_INCENTIVE, qs, review.end()))
    return found


_NEAR_FAULT = 45  # characters from a fault to the word that makes it ours ("an oversight by our team")


def _owned_faults(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """A fault the seller owns, in one sentence: "an oversight by our logistics team", "a backlog on our end".


    Only a fault followed by whose it is: "our team found an error in the listing" owns no fault.

    Not when denied ("no error on our side"), asked about under a condition, or about a message we wrote.
    """
    found: list[Span] = []
    for s, e in sentences:
        sentence = folded[s:e]
        if lex.reply_words.search(sentence):
            continue
        for fault in lex.fault.finditer(folded, s, e):
            for own in lex.ours.finditer(folded, fault.end(), min(e, fault.end() + _NEAR_FAULT)):
                start, end = fault.start(), own.end()
                if _negated(folded, start, end, lex) or lex.conditional_inline.search(folded, s, end):
                    continue
                found.append((BLAME_ACCEPTANCE, start, end))
                break
    return found


def _bought_reviews(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """A review or rating asked for next to something offered: in the same or a neighbouring sentence."""
    found: list[Span] = []
    for i, (s, e) in enumerate(sentences):
        review = lex.review_words.search(folded, s, e) or lex.rating_verbs.search(folded, s, e)
        if review is None:
            continue
        lo = sentences[max(0, i - 1)][0]
        hi = sentences[min(len(sentences) - 1, i + 1)][1]
        incentive = lex.incentive_words.search(folded, lo, hi)
        if incentive is not None:
            start, end = min(review.start(), incentive.start()), max(review.end(), incentive.end())
            if end - start > 120:
                start, end = review.start(), review.end()
            found.append((FEEDBACK_INCENTIVE, start, end))
    return found
