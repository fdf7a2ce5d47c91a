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


# The wait that a sentence is sorry for may be the reply's own: "sorry for the delay in replying, we were
# short-staffed" takes no blame for the order, which the README's labelling calls clean.
_LATE_REPLY = re.compile(
    r"\bdelay(?:ed)? in (?:replying|responding|getting back)|\b(?:late|slow|delayed) (?:reply|response)|"
    r"\breplying (?:so )?late|\btaking (?:so )?long to (?:reply|respond|get back)|"
    r"\b(?:verspätete|späte|verzögerte)[n]? antwort|\bantworte\w* (?:so )?spät|\bspät (?:zu )?antworten|"
    r"\bréponse tardive|\brépondre (?:si )?tard|\btardé à (?:vous )?répondre|\bretard (?:de|dans) (?:ma|"
    r"notre) réponse|"
    r"\brespuesta tardía|\b(?:tardanza|demora|retraso) en (?:responder|contestar)|\btardado en (?:responder|"
    r"contestar)|"
    r"\brisposta tardiva|\britardo (?:nella|della) (?:nostra |mia )?risposta|\brispondere (?:così )?tardi"
)


def find_phrases(folded: str, lexicons: list[CompiledLexicon]) -> list[Span]:
    sentences = sentence_spans(folded)
    found = _find_phrases(folded, sentences, lexicons)
    late_replies = [
        (s, e)
        for s, e in sentences
        if _LATE_REPLY.search(folded, s, e) and not any(lex.subject.search(folded, s, e) for lex in lexicons)
    ]
    if not late_replies:
        return found
    return [
        span
        for span in found
        if span[0] != BLAME_ACCEPTANCE or not any(s <= span[1] < e for s, e in late_replies)
    ]


def _find_phrases(
    folded: str, sentences: list[tuple[int, int]], lexicons: list[CompiledLexicon]
) -> list[Span]:
    found: list[Span] = []
    for lex in lexicons:
        for m in lex.blame.finditer(folded):
            if not _negated(folded, m.start(), m.end(), lex):
                found.append((BLAME_ACCEPTANCE, m.start(), m.end()))
        for m in lex.owned_failure.finditer(folded):  # the "not" is the admission: no negation check
            found.append((BLAME_ACCEPTANCE, m.start(), m.end()))
        for m in lex.refund.finditer(folded):
            clause_start = max((c.end() for c in _CLAUSE_START.finditer(folded, 0, m.start())), default=0)
            following = _CLAUSE_START.search(folded, m.end())
            clause = folded[clause_start : following.start() if following else len(folded)]
            if "amazon" in folded[clause_start : m.start()] or _negated(folded, m.start(), m.end(), lex):
                continue  # "Amazon canceló su pedido" is Amazon's doing, not a promise
            if lex.amazon_agent.search(clause) or lex.status_report.search(clause):
                continue  # "die Stornierung wurde von Amazon vorgenommen", "risulta ora annullato su Amazon"
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
        found.extend(_own_causes(folded, sentences, lex))
        found.extend(_promised_refunds(folded, sentences, lex))
        found.extend(_invitations(folded, sentences, lex))
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
                own_clause_start, _ = _clause_around(folded, s, e, own.start())
                if lex.negation.search(folded, own_clause_start, own.end()):
                    continue  # "non c'è alcun errore da parte nostra: l'ordine è in attesa" denies
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
        clause = folded[clause_start:clause_end]
        if _COMPLEMENTIZER.match(clause.lstrip()) and not lex.first_person.search(clause):
            continue  # "we have seen that your order was cancelled" reports what happened
        # a "not" inside an opening condition or reason denies nothing: "if it isn't released by Friday, we
        # refund you", "da die Bestellung noch nicht versandt wurde, übernehmen wir die Stornierung"
        opening = (
            lex.conditional_start.match(folded, s)
            or lex.verb_first_condition.match(folded, s)
            or _REASON_START.match(folded, s)
        )
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
        change = next(
            (c for c in lex.rating_change.finditer(folded, s, e) if not _about_ourselves(folded, c, e)), None
        )
        question = folded[s:e].rstrip().endswith("?")
        asked = change is not None and (review or earlier) and (question or _first(lex.request, folded, s, e))
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


# "Since it has not shipped yet, we will ..." gives a reason; its "not" says nothing about what follows.
_REASON_START = re.compile(
    r"(?:da|weil|nachdem|since|as|because|given that|puisque|comme|vu que|étant donné que|como|ya que|"
    r"puesto que|dado que|poiché|siccome|visto che|dato che|giacché)\b"
)
# A clause that opens with these reports something ("we saw that the order was cancelled").
_COMPLEMENTIZER = re.compile(r"(?:dass|that|que|qu'|che|ob|whether)\b")
# "helps us improve", "uns zu verbessern", "ci aiuta a migliorare": the seller improves, no rating changes.
_US_BEFORE = re.compile(r"\b(?:us|uns|nous|nos|ci|noi|me|mich|mir|nosotros)\s+(?:\w+\s+){0,2}$")
_OUR_AFTER = re.compile(r"\s*(?:our|unsere?[mnrs]?|notre|nos|nuestr[oa]s?|nostr[oaie]|il nostro|la nostra)\b")


def _about_ourselves(folded: str, change: re.Match[str], sentence_end: int) -> bool:
    head = folded[max(0, change.start() - 30) : change.start()]
    return bool(_US_BEFORE.search(head) or _OUR_AFTER.match(folded, change.end(), sentence_end))


# Someone other than the seller: their shortage or breakdown is not the seller taking the blame.
_THIRD_PARTY = re.compile(
    r"\b(?:amazon|dhl|ups|dpd|gls|hermes|fedex|royal mail|evri|usps|correos|seur|mrw|nacex|brt|sda|"
    r"colissimo|chronopost|la poste|poste italiane|courier|carrier|paketdienst|zusteller|transporteur|"
    r"transportista|mensajer[ií]a|corriere|bank|banque|banco|banca)\b"
)


def _own_causes(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """The seller giving its own operations as the cause of the wait: blame, whatever the words.

    A cause in the seller's own house ("we're short-staffed", "unser Lager zieht um", "nous avons changé de
    logiciel", "tenemos a parte del equipo de baja", "la stampante delle etichette") said by the seller
    (first person, or "internal") next to its consequence for the order (a delay, a backlog, an order not
    processed or stuck), in the same or a neighbouring sentence. Not when denied, under a condition, about
    a late reply, when the cause belongs to Amazon or a carrier, or when the wait is put on Amazon.
    """
    found: list[Span] = []
    if not lex.own_cause.search(folded):
        return found  # most replies name no cause at all
    for i, (s, e) in enumerate(sentences):
        if not lex.own_cause.search(folded, s, e) or lex.reply_words.search(folded, s, e):
            continue
        if not (lex.first_person.search(folded, s, e) or lex.internal.search(folded, s, e)):
            continue
        for cause in lex.own_cause.finditer(folded, s, e):
            cs, ce = _clause_around(folded, s, e, cause.start())
            if _negated(folded, cause.start(), cause.end(), lex):
                continue
            if lex.conditional_inline.search(folded, cs, cause.start()) or lex.conditional_start.match(
                folded, s
            ):
                continue
            if _THIRD_PARTY.search(folded[cs : cause.start()] + " " + folded[cause.end() : ce]):
                continue
            if not any(_states_consequence(folded, span, lex) for span in sentences[max(0, i - 1) : i + 2]):
                continue
            found.append((BLAME_ACCEPTANCE, cause.start(), cause.end()))
            break
    return found


def _states_consequence(folded: str, span: tuple[int, int], lex: CompiledLexicon) -> bool:
    s, e = span
    for m in lex.consequence.finditer(folded, s, e):
        cs, ce = _clause_around(folded, s, e, m.start())
        if "amazon" not in folded[cs:ce]:
            return True
    return False


_NEAR_INVITATION = 90  # characters from an invitation to the seller's shop or range it points at
_ALSO = re.compile(r"\s+(?:also|anche|pure|auch|aussi|également|también)\b")


def _invitations(folded: str, sentences: list[tuple[int, int]], lex: CompiledLexicon) -> list[Span]:
    """An invitation towards the seller's other offers: "echa un vistazo también a ... nuestra tienda".

    "Have a look", "schauen Sie", "découvrez", "scopri", "la trova" followed by the seller's shop, range,
    line, blog or other products. The product page of the item bought and Amazon's Your Orders are not
    the seller's range, so pointing there is clean.
    """
    found: list[Span] = []
    if not lex.invitation.search(folded):
        return found
    for s, e in sentences:
        for invite in lex.invitation.finditer(folded, s, e):
            if _negated(folded, invite.start(), invite.end(), lex):
                continue
            offer = lex.our_range.search(folded, invite.end(), min(e, invite.end() + _NEAR_INVITATION))
            if offer is None and _ALSO.match(folded, invite.end()):
                # "nel nostro negozio Amazon trova anche ...": the shop named first, the other offers after
                offer = lex.our_range.search(
                    folded, max(s, invite.start() - _NEAR_INVITATION), invite.start()
                )
            if offer is not None:
                found.append((MARKETING, min(invite.start(), offer.start()), max(invite.end(), offer.end())))
                break
    return found
