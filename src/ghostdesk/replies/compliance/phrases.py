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
        for m in lex.refund.finditer(folded):
            if not _negated(folded, m.start(), m.end(), lex):
                found.append((REFUND_OR_CANCEL_PROMISE, m.start(), m.end()))
        for m in lex.refund_passive.finditer(folded):
            s, e = _sentence_of(sentences, m.start())
            if lex.amazon_agent.search(folded[s:e]) or _negated(folded, m.start(), m.end(), lex):
                continue
            found.append((REFUND_OR_CANCEL_PROMISE, m.start(), m.end()))
        for m in lex.marketing.finditer(folded):
            found.append((MARKETING, m.start(), m.end()))
        for m in lex.feedback.finditer(folded):
            found.append((FEEDBACK_INCENTIVE, m.start(), m.end()))
        found.extend(_bought_reviews(folded, sentences, lex))
    return found


def _bought_reviews(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """A review or rating asked for next to something offered: in the same or a neighbouring sentence."""
    found: list[Span] = []
    for i, (s, e) in enumerate(sentences):
        review = lex.review_words.search(folded, s, e)
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
