"""The building blocks of intent cues: a pattern with a weight, and what cancels it.

Cues match *folded* text (see :mod:`ghostdesk.triage.folding`): lower case, no accents, ``ß`` as ``ss``.
The shared patterns below name the things that turn a status phrase into something else in every
language: the object of "not received" being a refund, a conditional "if it has not shipped", a
negation in front of "received".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLAUSE = r"[^.!?\n]"  # stay inside one sentence when looking for a cue's second half
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# "where is 302-1234567-1234567?": an order number standing in for "my order".
NUMBER_AHEAD = r"\s+(?:#|n[o°º]?\.?\s*)?\d{3}"

NEGATION = re.compile(
    r"\b(?:not|never|no|yet|nicht|nie|kein\w*|ne|pas|jamais|rien|nunca|todavia|aun|non|mai|ancora)\b|n't\b"
    r"|\bn'"
)
# "I have received nothing", "je n'ai reçu aucun colis": a receipt verb followed by "nothing".
NOTHING = r"\b(?:aucune?|rien|nada|ningun\w*|nothing|niente|nulla|nessun\w*|nichts|keine?n?)\b"

# Topics that make "not received"/"when will ... arrive" about something other than the order.
OTHER_OBJECT = (
    r"refund|reimburs|money|credit|newsletter|invoice|password|reply|response|answer|\bcode\b|return\s+label"
    r"|erstatt|gutschrift|\bgeld\b|rechnung|antwort|newsletter|ruc?e?ksend|retoure"
    r"|rembours|argent|factur|reponse|etiquette\s+de\s+retour"
    r"|reembols|dinero|respuesta|devoluc|contrasena"
    r"|rimbors|soldi|fattur|rispost|\breso\b"
    r"|right\s+(?:item|size|one)|correct\s+(?:item|size)|wrong\s+(?:item|size|one)|same\s+(?:item|one)"
)
# "Thanks for the update": gratitude for news, not a request for it (in the clause before a cue).
THANKED = r"\b(?:thanks?|thank\s+you|danke\w*|merci|gracias|grazie|ringrazi\w*|agradec\w*)\b"
# "is everything all right?" asks rather than reports: follows a "just FYI, all good" cue.
NOT_A_QUESTION = r"(?![^.!\n]{0,25}\?)"
CONDITIONAL = (
    r"\b(?:if|unless|before|once|falls|wenn|sofern|bevor|solange|si|avant|antes|mientras|se|prima)\b"
)
# "I received an email/message/a tracking number" is no delivery.
MESSAGE_OBJECT = (
    r"\b(?:an?\s+)?(?:e-?mail|message|notification|text|sms|confirmation|mail|nachricht|benachrichtigung"
    r"|bestatigung|courriel|notification|correo|mensaje|notificacion|messaggio|notifica|e-?mail|number|nummer"
    r"|numero|code|codice|codigo|link|lien|enlace|guia)\b"
)
# "the number that I received", "le numéro que j'ai reçu": what was received is named first.
RECEIVED_INFO_BEFORE = (
    r"\b(?:number|nummer|numero|code|codice|codigo|e-?mail|mail|message|nachricht|mensaje|messaggio|link|lien"
    r"|enlace|guia)\b[^.!?\n]{0,25}$"
)
# "it should have arrived" / "if it has arrived" are no receipt either.
HYPOTHETICAL = (
    r"\b(?:should|supposed|expected|would|could|must|might|if|when|until|once|sollte\w*|hatte|wenn|falls|bis"
    r"|devrait|aurait|si|quand|deberia|debia|cuando|hasta|dovrebbe|doveva|avrebbe|se|quando|finche)\b"
)
# "it has arrived at the depot" is tracking, not delivery.
IN_TRANSIT = (
    r"\b(?:at|in)\s+(?:the\s+)?(?:\w+\s+)?(?:facility|depot|hub|warehouse|post\s+office|sorting|country"
    r"|customs)"
    r"|\b(?:im|in|beim)\s+(?:\w+\s+)?(?:zentrum|depot|lager|verteilzentrum|zoll|paketzentrum)"
    r"|\b(?:au|en)\s+(?:\w+\s+)?(?:centre|depot|entrepot|douane)"
    r"|\b(?:en\s+(?:el|la)\s+)?(?:centro|almacen|aduana)\b|\b(?:al|nel|in)\s+(?:\w+\s+)?(?:centro|magazzino"
    r"|deposito|dogana)"
)


NOT_YET_SHIPPED = "not yet shipped"
CHANGE_REQUEST = "change request"
# PART_MISSING: part of the order is missing or follows ("where is the rest", "coming separately?");
# RECEIVED: a receipt statement ("it arrived"). With a part missing, the receipt is of the part that came.
PART_MISSING = "part missing"
RECEIVED = "received"
# RETURN_SENT: the buyer says they sent the item back ("I sent it back", "ya devolví", "ho restituito");
# CARRIER_REPORT: what a tracking page says ("tracking shows delivered", "il reso risulta consegnato"). With
# the item sent back, the tracking the buyer quotes is the return parcel's, not the order's.
RETURN_SENT = "return sent"
CARRIER_REPORT = "carrier report"

# What a refund question asks for: "where is my refund", "wann bekomme ich mein Geld", "il rimborso quando
# arriva?". The object of a "when will it arrive" is then the money, not the order.
REFUND_OBJECT = (
    r"refund|reimburs|money|erstatt|gutschrift|\bgeld\b|ruc?e?kzahlung|rembours|argent|reembols|dinero"
    r"|rimbors|soldi"
)

# The seller is the one who received it: a return delivered back ("delivered to your warehouse", "a voi").
TO_THE_SELLER = (
    r"\b(?:to|at)\s+(?:you|your|the\s+seller)|\bbei\s+(?:ihnen|euch|dir)\b|\ba\s+vous\b|\bchez\s+vous\b"
    r"|\ba\s+vosotros\b|\ba\s+ustedes\b|\ba\s+voi\b|\bal\s+(?:venditore|magazzino)\b"
)


# "tell me if", "dites-moi si", "decirme si", "sapere se", "sagen, ob": an indirect question, not a condition.
_WHETHER = re.compile(
    r"\b(?:tell\s+me|let\s+me\s+know|know|check|see|confirm|ask(?:ing)?|wonder(?:ing)?|decir(?:me|nos)?|saber"
    r"|sabeis|sabe|confirmar(?:me)?|comprobar|mirar|preguntar|dire|dites-moi|savoir|sais|verifier|confirmer"
    r"|sapere|sapete|dirmi|dirci|verificare|controllare|chiedere|chiedo)\s+(?:\w+\s+)?(?:if|whether|si|se)\b"
)


@dataclass(frozen=True)
class Cue:
    """A phrase that speaks for (positive ``weight``) or against (negative) an order-status inquiry.

    ``name`` is what an agent reads in the reasons. The vetoes exist because the same words serve other
    topics: a cue counts at its first match that no veto cancels, and only once per message.
    """

    name: str
    weight: float
    pattern: re.Pattern[str]
    veto_after: re.Pattern[str] | None = None  # in the match or the rest of its clause (35 chars at most)
    veto_before: re.Pattern[str] | None = None  # in its clause before the match (40 chars at most)
    unless_negated: bool = False  # cancelled by a negation in the match or just before it
    # How the cue interacts with others (see ghostdesk.triage.intent): NOT_YET_SHIPPED / CHANGE_REQUEST,
    # PART_MISSING / RECEIVED, or "" for none.
    role: str = ""

    def first_hit(self, text: str) -> str | None:
        for match in self.pattern.finditer(text):
            around = match.group(0) + _CLAUSE_END.split(text[match.end() : match.end() + 35], maxsplit=1)[0]
            before = _CLAUSE_END.split(text[max(0, match.start() - 40) : match.start()])[-1]
            before = _WHETHER.sub(
                " ", before
            )  # "can you tell me if it has shipped" asks, it sets no condition
            if self.veto_after and self.veto_after.search(around):
                continue
            if self.veto_before and self.veto_before.search(before):
                continue
            if self.unless_negated and NEGATION.search(before[-20:] + " " + match.group(0)):
                continue
            return match.group(0).strip()
        return None


def cue(
    name: str,
    weight: float,
    pattern: str,
    *,
    veto_after: str | None = None,
    veto_before: str | None = None,
    unless_negated: bool = False,
    role: str = "",
) -> Cue:
    """A :class:`Cue` from pattern strings, compiled once at import."""
    return Cue(
        name,
        weight,
        re.compile(pattern),
        re.compile(veto_after) if veto_after else None,
        re.compile(veto_before) if veto_before else None,
        unless_negated,
        role,
    )
