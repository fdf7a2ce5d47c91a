"""The date-promise rule: a time expression and a shipping or completion predicate in one sentence.

Amazon, not the seller, decides when a pending order moves on, so any date or time span for shipping,
delivery or the end of a check is a promise the seller cannot keep. Time words alone are not enough
("have a nice weekend", "Amazon allows up to 21 days"), nor is advice under a condition ("if it is still
pending after 7 days, please contact Amazon"), nor a report of the past ("it shipped on Monday").
"""

from __future__ import annotations

import re
from itertools import pairwise

from ghostdesk.replies.compliance.finding import DATE_PROMISE
from ghostdesk.replies.compliance.lexicon import CompiledLexicon
from ghostdesk.replies.compliance.text import sentence_spans

Span = tuple[str, int, int]

# "then" ends a condition as surely as a comma: "if Amazon releases it before then it'll go out today".
_CLAUSE_BREAK = re.compile(r"(?<!\d),|(?<!\d):|\s[-–—]\s|\(|\)|\s(?:then|dann|alors|entonces|allora)\s")
_NEAR = 60  # characters between a predicate and a time for the finding to quote both
# A ceiling or a threshold ("up to 21 days", "after 7 days") describes Amazon's rules; on its own, with no
# shipping or completion verb, it promises nothing.
_THRESHOLD = re.compile(
    r"(?:up to|after|more than|over|longer than|at least|bis zu|nach|mehr als|länger als|über|mindestens|"
    r"jusqu'à|après|plus de|au moins|hasta|después de|más de|al menos|fino a|dopo|oltre|più di|almeno)\b"
)


def _without_conditions(sentence: str, lex: CompiledLexicon) -> str:
    """The sentence with its conditional clauses blanked out (same length, so offsets hold)."""
    chars = list(sentence)
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    for start, end in pairwise(bounds):
        clause = sentence[start:end]
        lead = len(clause) - len(clause.lstrip())
        cut: int | None = None
        if lex.conditional_start.match(clause, lead):
            cut = start
        else:
            inline = lex.conditional_inline.search(clause)
            if inline:
                cut = start + inline.start()
        if cut is not None:
            for i in range(cut, end):
                chars[i] = " "
    return "".join(chars)


# "Already" says nothing about the clause after "and": "the shoes are already set aside and should leave
# us on Monday" reports one thing and promises another. A past tense does carry over ("it was shipped on
# the 3rd and delivered on the 5th"), so only these words are held to their own part of the sentence.
_WEAK_PAST = re.compile(r"already|bereits|schon|déjà|deja|ya|già|gia")
_AND = re.compile(r"\s(?:and|but|und|aber|et|mais|y|pero|e|ed|ma)\s")


def _clause(text: str, pos: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> tuple[int, int]:
    """The clause (between commas, colons, dashes or brackets) around a position."""
    start = max((m.end() for m in breaks.finditer(text, 0, pos)), default=0)
    following = breaks.search(text, pos)
    return start, following.start() if following else len(text)


_WORD = re.compile(r"\w+")


def _clause_with_apposition(text: str, pos: int) -> tuple[int, int]:
    """The clause around a position, joined to its neighbours when it is a bare insert between commas.

    "wurde am Montag, den 8. Januar, verschickt": "den 8. Januar" and "verschickt" are parts of the clause
    "wurde am Montag", whose past tense they share.
    """
    start, end = _clause(text, pos)
    if len(_WORD.findall(text, start, end)) <= 3:
        if start > 1:
            start = _clause(text, start - 2)[0]
        if end < len(text) - 1:
            end = _clause(text, end + 1)[1]
    return start, end


def _past_near(
    text: str, time: tuple[int, int], predicates: list[tuple[int, int]], lex: CompiledLexicon
) -> bool:
    """Whether the clause of a time, or of the predicate nearest to it, reports the past."""
    nearest = min(predicates, key=lambda p: abs(p[0] - time[0]))
    for pos in (time[0], nearest[0]):
        start, end = _clause_with_apposition(text, pos)
        if any(not _WEAK_PAST.fullmatch(m.group()) for m in lex.past.finditer(text, start, end)):
            return True
        part_start = max((m.end() for m in _AND.finditer(text, start, pos)), default=start)
        following = _AND.search(text, pos, end)
        if lex.past.search(text, part_start, following.start() if following else end):
            return True
    return False


def _hits(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


def find_date_promises(folded: str, lexicons: list[CompiledLexicon]) -> list[Span]:
    spans: list[Span] = []
    for s, e in sentence_spans(folded):
        sentence = folded[s:e]
        for lex in lexicons:
            found = _promise_in_sentence(sentence, lex)
            if found is not None:
                spans.append((DATE_PROMISE, s + found[0], s + found[1]))
                break
    return spans


def _promise_in_sentence(sentence: str, lex: CompiledLexicon) -> tuple[int, int] | None:
    if not (lex.future_time.search(sentence) or lex.other_time.search(sentence)):
        return None  # most sentences name no time at all: skip the clause analysis
    if lex.promise_negation.search(sentence):
        return None
    live = _without_conditions(lex.schedule.sub(lambda m: " " * len(m.group()), sentence), lex)
    future_times = _hits(lex.future_time, live)
    other_times = _hits(lex.other_time, live)
    times = future_times + other_times
    if not times:
        return None
    if lex.habitual.search(live):  # "our van leaves at 3 pm each weekday" describes a routine
        other_times = [t for t in other_times if not lex.habitual.search(live, *_clause(live, t[0]))]
        if not future_times and not other_times:
            return None
    predicates = _hits(lex.ship, live)
    if not lex.reply_words.search(live):
        predicates += _hits(lex.receive, live)
    has_future = bool(lex.future.search(live))
    has_past = bool(lex.past.search(live))
    promised: list[tuple[int, int]] = []
    if predicates:
        if future_times:
            promised = future_times
        elif has_future or not has_past:
            promised = other_times
        else:  # a past elsewhere in the sentence: "we have noted it: dispatch is planned for Tuesday 10 June"
            promised = [t for t in other_times if not _past_near(live, t, predicates, lex)]
    firm = [(s, e) for s, e in times if not _THRESHOLD.match(live, s)]
    if not promised:
        # "the check will be done in 2 days", and in the present for the future: "Amazon hebt die Sperre in
        # etwa 48 Stunden auf", "the check completes within a day" (a firm span, not "up to 21 days")
        completions = _hits(lex.completion, live)
        if completions and not lex.hedge.search(live) and (has_future or (firm and not has_past)):
            promised, predicates = (times if has_future else firm), completions
    if not promised and lex.promise_words.search(live):
        promised = times
        predicates = _hits(lex.promise_words, live)
    if not promised and has_future and not lex.hedge.search(live) and not lex.reply_words.search(live):
        subjects = _hits(lex.subject, live)
        if subjects and firm:  # "the hold should lift within 48 hours": a future about the order, with a time
            promised, predicates = firm, subjects
    if not promised:
        return None
    return _quote_span(promised, predicates)


def _quote_span(times: list[tuple[int, int]], predicates: list[tuple[int, int]]) -> tuple[int, int]:
    """The shortest stretch that shows the promise: the time and its nearest predicate when close."""
    best: tuple[int, int] | None = None
    for ts, te in sorted(times):
        for ps, pe in predicates:
            gap = max(ps - te, ts - pe, 0)
            if gap <= _NEAR:
                span = (min(ts, ps), max(te, pe))
                if best is None or span[1] - span[0] < best[1] - best[0]:
                    best = span
    return best if best is not None else sorted(times)[0]
