"""Which language a buyer wrote in, from one or two sentences, with no model and no download.

The reply macro is rendered in the buyer's language, so a German question on amazon.fr gets a German
answer. Buyer messages are short ("Wo ist meine Bestellung?"), which defeats statistical detectors
trained on long text; what works is counting the function words and the shop vocabulary each language
uses ("wo", "ist", "meine", "Bestellung"), each word weighted by how few languages share it, plus letters
and letter groups only some languages use (ß, ñ, ç, "ção", "ij"). When the evidence is thin (a single
"Merci!", a bare order number) the marketplace's language (``hint``) decides.
"""

from __future__ import annotations

import re

_WORDS: dict[str, str] = {
    "en": """
        the and is are was were i i'm my me you your it this that these to of in on for with have has had
        not no yes please thanks thank hello hi dear order orders ordered where when what why how still yet
        received receive item package parcel delivery delivered shipped shipping tracking number refund
        return can could would will do does did didn't don't doesn't haven't hasn't be been an at from but or
        if any about there they we our just placed week weeks days day ago status pending stuck record help
        sir madam seller know arrived wrong get got says say since today yesterday cancel cancelled still
        need want money back which who should by up out than then account
    """,
    "de": """
        der die das und ist ich nicht mein meine meinen meiner meinem sie ihr ihre ihren es ein eine einen
        einem zu mit von auf für den dem des wo wann warum wie noch schon bitte danke hallo sehr geehrte
        geehrter geehrtes damen herren bestellung bestellungen bestellt paket lieferung geliefert versendet
        versand sendung sendungsnummer rückerstattung rücksendung erhalten habe hat haben war wurde sind
        keine kein keinen aber oder wenn dass leider heute tagen tage woche wochen seit status ausstehend
        artikel nummer bekommen nachricht können kann würde gibt angekommen immer nichts mir mich uns
        ware storniert stornieren bezahlt zahlung grüße gruß freundlichen mfg auch nur jetzt hier bis
        vor nach über sich dieser diese wird werden
    """,
    "fr": """
        le la les et est je j ne pas mon ma mes vous votre vos il elle un une des du de à au aux en pour
        avec sur dans où quand pourquoi comment encore toujours déjà merci bonjour madame monsieur commande
        commandes commandé colis livraison livré livrée expédié expédiée suivi numéro remboursement retour
        reçu reçue recu ai avez a été n qu que qui ce cette mais ou si jours semaine semaines depuis statut
        attente article bien cordialement aucune aucun rien pouvez svp l d c est-ce nous mais toujours
        paiement annulé annuler reçois jamais aujourd hui
    """,
    "es": """
        el la los las y es yo no mi mis usted su sus un una unos de del a al en para con por dónde donde
        cuándo cuando qué que cómo como todavía aún ya gracias hola señor señora pedido pedidos paquete
        envío entrega entregado enviado seguimiento número reembolso devolución recibido recibí he ha han
        fue está estoy pero o si días semana semanas desde estado pendiente artículo muy nada saludos
        buenas buenos tengo hice realicé llegado llegó compra hace cuenta pago cancelar cancelado sigue
        nunca hoy
    """,
    "it": """
        il lo la i gli le e è io non mio mia miei mie lei suo sua un una uno di del della dei delle a al alla
        in per con su dove quando perché come ancora già grazie ciao buongiorno buonasera salve gentile
        ordine ordini ordinato pacco spedizione consegna consegnato spedito tracciamento numero rimborso
        reso ricevuto ho ha hanno stato stata sono ma o se che giorni settimana settimane da attesa
        articolo molto niente cordiali saluti arrivato arrivata l dov nessun nessuna ancora oggi pagamento
        annullare annullato mai
    """,
    "pt": """
        o a os as e é eu não meu minha meus minhas você seu sua um uma de do da dos das em no na para com
        por onde quando porque como ainda já obrigado obrigada olá bom dia senhor senhora pedido pedidos
        pacote encomenda entrega entregue enviado rastreamento número reembolso devolução recebi recebido
        tenho foi está estou mas ou se que dias semana semanas desde status pendente produto muito nada
        chegou fiz compra hoje nunca pagamento cancelar cancelado
    """,
    "nl": """
        de het een en is ik niet mijn u uw jij je hij zij van in op voor met aan waar wanneer waarom hoe nog
        al bedankt dank hallo beste geachte bestelling bestellingen besteld pakket pakje levering geleverd
        verzonden nummer terugbetaling retour ontvangen heb heeft hebben was werd zijn geen maar of als dat
        dagen week weken sinds status artikel niets groeten vriendelijke gekregen aangekomen nooit vandaag
        betaling geannuleerd graag alstublieft
    """,
}

# Letters and letter groups that few languages use, with the languages they point to.
_FEATURES: dict[str, tuple[str, ...]] = {
    "ß": ("de",),
    "ä": ("de",),
    "ö": ("de",),
    "ü": ("de",),
    "sch": ("de", "nl"),
    "cht": ("de", "nl"),
    "ung": ("de",),
    "ñ": ("es",),
    "¿": ("es",),
    "¡": ("es",),
    "ción": ("es",),
    "ç": ("fr", "pt"),
    "ê": ("fr", "pt"),
    "è": ("fr", "it"),
    "œ": ("fr",),
    "eau": ("fr",),
    "ã": ("pt",),
    "õ": ("pt",),
    "ção": ("pt",),
    "ões": ("pt",),
    "ò": ("it",),
    "ì": ("it",),
    "zione": ("it",),
    "gli": ("it",),
    "ij": ("nl",),
    "oe": ("nl",),
    "aa": ("nl",),
    "uu": ("nl",),
    "th": ("en",),
    "wh": ("en",),
    "ing": ("en",),
}

_TOKEN = re.compile(r"[^\W\d_]+(?:'[a-z]+)?", re.UNICODE)
_MIN_EVIDENCE = 1.5
_CLEAR_MARGIN = 1.0
_MAX_CHARS = 4000
_FEATURE_WEIGHT = 0.4
_FEATURE_CAP = 3


def _build_weights() -> dict[str, dict[str, float]]:
    owners: dict[str, set[str]] = {}
    for language, words in _WORDS.items():
        for word in words.split():
            owners.setdefault(word, set()).add(language)
    return {word: {lang: 1.0 / len(langs) for lang in langs} for word, langs in owners.items()}


_WEIGHTS = _build_weights()
LANGUAGES: tuple[str, ...] = tuple(_WORDS)


def language_scores(text: str) -> dict[str, float]:
    """Evidence for each language: shared words count for less, rare letter groups count a little."""
    sample = text[:_MAX_CHARS].lower().replace("\u2019", "'")
    scores: dict[str, float] = dict.fromkeys(LANGUAGES, 0.0)
    for token in _TOKEN.findall(sample):
        for part in (token, *token.split("'")) if "'" in token else (token,):
            for language, weight in _WEIGHTS.get(part, {}).items():
                scores[language] += weight
    for feature, languages in _FEATURES.items():
        hits = min(sample.count(feature), _FEATURE_CAP)
        if hits:
            for language in languages:
                scores[language] += hits * _FEATURE_WEIGHT / len(languages)
    return scores


def has_evidence(text: str) -> bool:
    """Whether ``text`` alone says which language it is in (else a hint or the context must decide)."""
    return max(language_scores(text).values()) >= _MIN_EVIDENCE


def detect_language(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of ``text``'s language; ``hint`` (else "en") when the evidence is too thin.

    The hint also breaks near-ties: a message that reads as Spanish or Portuguese equally, sent from
    amazon.com.br, is Portuguese.
    """
    fallback = (hint or "en").lower()
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, best_score = ranked[0]
    if best_score < _MIN_EVIDENCE:
        return fallback
    if fallback in scores and best_score - scores[fallback] < _CLEAR_MARGIN * 0.5:
        return fallback
    runner_up = ranked[1][1]
    if best_score - runner_up < _CLEAR_MARGIN * 0.25 and hint:
        return fallback
    return best
