"""Per-language word lists for the rules that depend on words, not on the shape of characters.

A lexicon holds only pattern strings, so importing one costs nothing; patterns are compiled on first use
(:func:`compiled`) and cached for the life of the process. Every language's lexicon is applied to every
reply: an agent may type an English phrase into a German reply, and the patterns are specific enough not
to fire on another language's ordinary words.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it")


@dataclass(frozen=True)
class Lexicon:
    """The words of one language that the phrase rules look for. Patterns match lower-cased text.

    Date promises are a time expression and a shipping or completion predicate in the same sentence,
    outside any conditional clause ("if it is still pending after 7 days, ..." is advice, not a promise).
    """

    language: str
    # -- date promises --
    future_time: tuple[str, ...]  # times that can only lie ahead: "tomorrow", "next week", "by Friday"
    other_time: tuple[str, ...]  # spans and dates that may also lie behind: "within 24 hours", "on Monday"
    ship: tuple[str, ...]  # shipping and arrival: "ship", "dispatch", "arrive", "on its way"
    receive: tuple[str, ...]  # "you will receive it": ignored in a sentence about a reply or message
    completion: tuple[str, ...]  # "verified", "completed", "released": a promise only with a future marker
    future: str  # "will", "'ll", "guaranteed"
    subject: str  # what a promise is about: "order", "parcel", "hold", "payment check"
    hedge: str  # "can", "may": a duration that may happen is a description, not a promise
    past: str  # "was", "yesterday": "it shipped on Monday" reports, it does not promise
    promise_words: str  # "I promise", "guaranteed": with any time expression, a promise
    promise_negation: tuple[str, ...]  # "we cannot promise a date": the sentence promises nothing
    reply_words: str  # "answer", "reply": "you will receive an answer within 24 hours" is not shipping
    conditional_start: str  # a clause opening with these is a condition: "If ...", "Falls ..."
    conditional_inline: str  # these cut the rest of a clause: "... if it is still pending after 7 days"
    # -- phrase rules --
    negation: str  # "not", "nicht", "pas": voids a blame or refund phrase right after it
    blame: tuple[str, ...]
    refund: tuple[str, ...]
    refund_passive: tuple[str, ...]  # "your order will be cancelled": fine when Amazon is the one doing it
    amazon_agent: str  # "by Amazon", "von Amazon"
    marketing: tuple[str, ...]
    feedback: tuple[str, ...]  # a demand for a positive rating, or to change a negative one
    review_words: str  # "review", "Bewertung": with an incentive nearby, a bought review
    incentive_words: str  # "free", "voucher", "10%"


@dataclass(frozen=True)
class CompiledLexicon:
    language: str
    future_time: re.Pattern[str]
    other_time: re.Pattern[str]
    ship: re.Pattern[str]
    receive: re.Pattern[str]
    completion: re.Pattern[str]
    future: re.Pattern[str]
    subject: re.Pattern[str]
    hedge: re.Pattern[str]
    past: re.Pattern[str]
    promise_words: re.Pattern[str]
    promise_negation: re.Pattern[str]
    reply_words: re.Pattern[str]
    conditional_start: re.Pattern[str]
    conditional_inline: re.Pattern[str]
    negation: re.Pattern[str]
    blame: re.Pattern[str]
    refund: re.Pattern[str]
    refund_passive: re.Pattern[str]
    amazon_agent: re.Pattern[str]
    marketing: re.Pattern[str]
    feedback: re.Pattern[str]
    review_words: re.Pattern[str]
    incentive_words: re.Pattern[str]


def _join(patterns: str | tuple[str, ...]) -> re.Pattern[str]:
    if isinstance(patterns, str):
        return re.compile(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def load(language: str) -> Lexicon:
    if language not in LANGUAGES:
        raise ValueError(f"no compliance lexicon for language {language!r}; known: {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"ghostdesk.replies.compliance.lexicon.{language}")
    lexicon: Lexicon = module.LEXICON
    return lexicon


@cache
def compiled(language: str) -> CompiledLexicon:
    """The lexicon of a language with its patterns compiled once per process."""
    lexicon = load(language)
    values: dict[str, Any] = {
        f.name: (getattr(lexicon, f.name) if f.name == "language" else _join(getattr(lexicon, f.name)))
        for f in fields(Lexicon)
    }
    return CompiledLexicon(**values)
