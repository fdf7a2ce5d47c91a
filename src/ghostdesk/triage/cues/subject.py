"""Amazon relay and webform topics, matched on the subject only.

The relay puts the topic the buyer picked into the subject ("Shipping inquiry from Amazon customer ...",
"Versandanfrage ...", "WHERES_MY_STUFF_BUYER_TO_SELLER"). It is evidence, weaker than the buyer's own
words: the topic alone never reaches the threshold.
"""

from __future__ import annotations

from ghostdesk.triage.cues.base import Cue, cue

# The topics by which the relay says a message is about the delivery of an order (order context, see
# ghostdesk.triage.intent): the names of the positive cues below.
SUBJECT_ORDER_TOPIC = frozenset(
    {"relay topic: where's my stuff", "relay topic: order delivery", "relay topic: shipping"}
)

SUBJECT: tuple[Cue, ...] = (
    cue("relay topic: where's my stuff", 0.9, r"where'?s?_?my_?stuff"),
    cue(
        "relay topic: order delivery",
        0.9,
        r"\border\s+delivery\s+inquiry\b|\bzustellung\s+der\s+bestellung\b"
        r"|\blivraison\s+de\s+(?:la\s+)?commande\b"
        r"|\bentrega\s+del\s+pedido\b|\bconsegna\s+dell'ordine\b",
    ),
    cue(
        "relay topic: shipping",
        0.8,
        r"\bshipping\s+inquiry\b|\bversandanfrage\b|\blieferanfrage\b|\banfrage\s+zu(?:m|r)\s+(?:versand"
        r"|lieferung)\b"
        r"|\bdemande\s+(?:de\s+renseignements\s+)?(?:sur|concernant)\s+(?:l'expedition|la\s+livraison)\b"
        r"|\bconsulta\s+sobre\s+(?:el\s+envio|la\s+entrega)\b|\bconsulta\s+de\s+envio\b"
        r"|\brichiesta\s+(?:di\s+informazioni\s+)?(?:sulla\s+spedizione|sulla\s+consegna)\b",
    ),
    cue("relay topic: ship faster", 0.3, r"\bship\s+faster\s+inquiry\b"),
    cue(
        "relay topic: not about status",
        -0.8,
        r"\b(?:product\s+details|return\s+policy|return|refund|invoice|product\s+customization)\s+inquiry\b"
        r"|\bproduktdetails\b|\bruckgabe\w*|\brucksendung\w*|\bretour\b|\bdevolucion\w*|\breso\b"
        r"|\bdetalles\s+del\s+producto\b|\bdetails\s+(?:du|sur\s+le)\s+produit\b"
        r"|\bdettagli\s+(?:del\s+)?prodotto\b"
        r"|\breturn_|_return\b|\brefund_",
    ),
)
