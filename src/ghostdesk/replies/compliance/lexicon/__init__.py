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
    # A clause that opens with its finite verb is a condition in German ("Wird die Bestellung storniert,
    # ..." = "if the order is cancelled, ..."); languages without that word order never match.
    verb_first_condition: str = r"(?!)"
    # -- rules that need two kinds of words in one sentence (each defaults to "never matches") --
    rating_verbs: str = r"(?!)"  # "rate us", "bewerten Sie uns": a review asked for as a verb
    rating_change: str = r"(?!)"  # "bump it up", "korrigieren", "remonter": changing a rating
    request: str = r"(?!)"  # "could you", "bitte", "pourriez-vous": asking the buyer to do it
    satisfaction: str = (
        r"(?!)"  # "happy", "zufrieden": with a review and a condition, reviews only from the happy
    )
    gating: str = r"(?!)"  # "only", "once", "erst", "avant de": the condition that gates the review
    fault: str = r"(?!)"  # "oversight", "backlog", "Versäumnis": a fault that, owned by us, is blame
    ours: str = r"(?!)"  # "our", "on our side", "unsererseits": whose the fault is
    delay_words: str = r"(?!)"  # "delay", "Verzögerung", "retard": the wait itself
    blamed_on_us: str = r"(?!)"  # "down to us", "de notre fait", "cosa nuestra": the wait put on the seller
    refund_words: str = r"(?!)"  # "refund", "money back", "storniert": a refund or cancellation named
    first_person: str = r"(?!)"  # "I'll", "wir", "je", "yo", "io": the seller doing it
    refund_state: str = r"(?!)"  # "is cancelled", "on its way back": declared done, whoever did it
    buyer_action: str = (
        r"(?!)"  # "you can request", "Your Orders", "Sie möchten": the buyer's own step or wish
    )
    reassurance: str = r"(?!)"  # "no problem", "keine Sorge": a "no" that denies nothing
    status_report: str = r"(?!)"  # "shows as cancelled", "risulta annullato": what the order systems say
    schedule: str = r"(?!)"  # "Monday to Friday", "du lundi au vendredi": opening days, not a date
    habitual: str = (
        r"(?!)"  # "every weekday", "werktags", "tous les jours": a routine, not a date for this order
    )
    owned_failure: str = r"(?!)"  # "we didn't process it in time": blame whose "not" is the admission itself
    # -- the seller giving its own operations as the cause of a wait (blame in any words) --
    own_cause: str = r"(?!)"  # "short-staffed", "Kollegen krank", "changé de logiciel", "label printer"
    consequence: str = r"(?!)"  # "delayed", "im Rückstand", "bloquées", "vamos con retraso": the wait
    internal: str = r"(?!)"  # "internal", "intern": a cause that is the seller's without "we" or "our"
    # -- marketing as a structure: an invitation towards the seller's other offers --
    invitation: str = r"(?!)"  # "have a look", "schauen Sie", "découvrez", "echa un vistazo", "scopri"
    our_range: str = (
        r"(?!)"  # "our shop", "unser Sortiment", "notre blog", "nuestra tienda", "nostra vetrina"
    )


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
    verb_first_condition: re.Pattern[str]
    rating_verbs: re.Pattern[str]
    rating_change: re.Pattern[str]
    request: re.Pattern[str]
    satisfaction: re.Pattern[str]
    gating: re.Pattern[str]
    fault: re.Pattern[str]
    ours: re.Pattern[str]
    delay_words: re.Pattern[str]
    blamed_on_us: re.Pattern[str]
    refund_words: re.Pattern[str]
    first_person: re.Pattern[str]
    refund_state: re.Pattern[str]
    buyer_action: re.Pattern[str]
    reassurance: re.Pattern[str]
    status_report: re.Pattern[str]
    schedule: re.Pattern[str]
    habitual: re.Pattern[str]
    owned_failure: re.Pattern[str]
    own_cause: re.Pattern[str]
    consequence: re.Pattern[str]
    internal: re.Pattern[str]
    invitation: re.Pattern[str]
    our_range: re.Pattern[str]


def _join(patterns: str | tuple[str, ...], plain: bool = False) -> re.Pattern[str]:
    from ghostdesk.replies.compliance.text import strip_accents

    source = patterns if isinstance(patterns, str) else "|".join(f"(?:{p})" for p in patterns)
    return re.compile(strip_accents(source) if plain else source)


def load(language: str) -> Lexicon:
    if language not in LANGUAGES:
        raise ValueError(f"no compliance lexicon for language {language!r}; known: {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"ghostdesk.replies.compliance.lexicon.{language}")
    lexicon: Lexicon = module.LEXICON
    return lexicon


@cache
def has_accents(language: str) -> bool:
    """Whether any pattern of a language names an accented letter, so that its accent-free twin differs."""
    from ghostdesk.replies.compliance.text import strip_accents

    lexicon = load(language)
    for f in fields(Lexicon):
        value = getattr(lexicon, f.name)
        for source in (value,) if isinstance(value, str) else value:
            if strip_accents(source) != source:
                return True
    return False


@cache
def compiled(language: str, plain: bool = False) -> CompiledLexicon:
    """The lexicon of a language with its patterns compiled once per process.

    ``plain`` compiles the patterns with accents stripped, to be matched against text stripped the same
    way (:func:`ghostdesk.replies.compliance.text.strip_accents`): replies typed without accents.
    """
    lexicon = load(language)
    values: dict[str, Any] = {
        f.name: (getattr(lexicon, f.name) if f.name == "language" else _join(getattr(lexicon, f.name), plain))
        for f in fields(Lexicon)
    }
    return CompiledLexicon(**values)
