"""Identifiers in a buyer's words: Amazon order IDs, tracking numbers, other platforms' order numbers.

Diagnosis hinges on telling these apart. A buyer who pastes a UPS number or a Walmart order number where an
Amazon order ID belongs is a *ghost – wrong identifier*, not an unknown Amazon order, so every number is
recognised for what it is, and a run of digits is called an Amazon order ID only when it has exactly the
3-7-7 shape (dashed, spaced, otherwise separated, or 17 straight digits) and is not part of a longer number.

How a candidate is judged:

* **Self-describing formats** are accepted wherever they appear: Amazon 3-7-7, UPS ``1Z…``, UPU S10
  (``RR123456785GB``), ``TBA…``, ``JJD…``, ``LP…``, Colissimo ``6A…``, Correos ``PQ…``/``PK…``,
  PostNL ``3S…``, Evri ``H…``, USPS 20-22 digits from ``92``-``95``, FedEx Ground ``96`` + 20 digits,
  DHL Paket SSCC ``00340434…``, Hermes ``H`` + 19 digits, eBay ``12-34567-89012`` and Walmart
  ``2000123-45678901``.
* **Bare digit runs** (a 12-digit number could be FedEx, DHL, a phone number or an invoice) are accepted
  only on context: the nearest cue before the number (or just after it) decides. A carrier name or a
  tracking word ("tracking", "Sendungsnummer", "numéro de suivi", "número de seguimiento", "codice di
  tracciamento", ...) makes a 10-22 digit run a tracking number; "Walmart" makes a 13/15-digit run a
  Walmart order; "Shopify" or "your website/shop" makes a 9-14 digit run a Shopify order ID. A nearer
  phone, ISBN/EAN/ASIN, invoice, customer-number or postcode cue means it is none of these, and a nearer
  "order number" label means it is not a tracking number.
* **Check digits.** UPS, S10 and USPS numbers carry one. A number that passes is accepted without
  context; one that fails is accepted only when a tracking word or carrier name stands next to it.
  Rationale: with context the buyer has told us it is a tracking number, and for diagnosis what matters
  is that they gave a tracking number instead of an order ID (a mistyped one is still the wrong
  identifier); without context a failed check is most likely not a tracking number at all. ``Identifier``
  has no confidence field, so such a number is returned like any other; :func:`check_digit_ok` lets a
  caller tell the two apart.

Everything here is pure and regex-based: patterns are compiled once at import and a message is scanned in
microseconds, with no data files or network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from ghostdesk.mail.quoting import forwarded_text
from ghostdesk.models import BuyerMessage, Identifier, IdentifierKind, IdentifierSource
from ghostdesk.triage.folding import fold
from ghostdesk.triage.message_text import own_words

# --- carriers -------------------------------------------------------------------------------------------

UPS: Final = "UPS"
USPS: Final = "USPS"
FEDEX: Final = "FedEx"
DHL_EXPRESS: Final = "DHL Express"
DHL_PAKET: Final = "DHL Paket"
DEUTSCHE_POST: Final = "Deutsche Post"
ROYAL_MAIL: Final = "Royal Mail"
DPD: Final = "DPD"
HERMES: Final = "Hermes"
EVRI: Final = "Evri"
GLS: Final = "GLS"
AMAZON_LOGISTICS: Final = "Amazon Logistics"
COLISSIMO: Final = "Colissimo"
LA_POSTE: Final = "La Poste"
POSTE_ITALIANE: Final = "Poste Italiane"
CORREOS: Final = "Correos"
POSTNL: Final = "PostNL"
CHINA_POST: Final = "China Post"
CAINIAO: Final = "Cainiao"
CANADA_POST: Final = "Canada Post"
BRT: Final = "BRT"
SEUR: Final = "SEUR"
MRW: Final = "MRW"
NACEX: Final = "Nacex"
CHRONOPOST: Final = "Chronopost"
MONDIAL_RELAY: Final = "Mondial Relay"
TNT: Final = "TNT"
SWISS_POST: Final = "Swiss Post"
AUSTRIAN_POST: Final = "Österreichische Post"
BPOST: Final = "bpost"
POSTNORD: Final = "PostNord"
AN_POST: Final = "An Post"
PUROLATOR: Final = "Purolator"
CANPAR: Final = "Canpar"
ONTRAC: Final = "OnTrac"
LASERSHIP: Final = "LaserShip"
YODEL: Final = "Yodel"
PARCELFORCE: Final = "Parcelforce"
INPOST: Final = "InPost"
COLIS_PRIVE: Final = "Colis Privé"
ESTAFETA: Final = "Estafeta"
CORREOS_MEXICO: Final = "Correos de México"
CTT: Final = "CTT"

# UPU S10 numbers end in the issuing post's ISO country code.
_S10_CARRIERS: Final[dict[str, str]] = {
    "US": USPS,
    "GB": ROYAL_MAIL,
    "FR": LA_POSTE,
    "ES": CORREOS,
    "IT": POSTE_ITALIANE,
    "CN": CHINA_POST,
    "CA": CANADA_POST,
    "DE": DEUTSCHE_POST,
    "NL": POSTNL,
    "AT": AUSTRIAN_POST,
    "BE": BPOST,
    "CH": SWISS_POST,
    "IE": AN_POST,
    "PL": "Poczta Polska",
    "SE": POSTNORD,
    "DK": POSTNORD,
    "JP": "Japan Post",
    "AU": "Australia Post",
    "HK": "Hongkong Post",
    "SG": "Singapore Post",
    "MX": CORREOS_MEXICO,
    "BR": "Correios",
    "IN": "India Post",
}

# The carriers that hand out a post's S10 numbers besides the post itself: a buyer who says "numéro
# Chronopost" next to "XY529184065FR" is right, Chronopost (La Poste group) issues such numbers.
_S10_FAMILIES: Final[dict[str, frozenset[str]]] = {
    "FR": frozenset({LA_POSTE, COLISSIMO, CHRONOPOST}),
    "GB": frozenset({ROYAL_MAIL, PARCELFORCE}),
    "DE": frozenset({DEUTSCHE_POST, DHL_PAKET}),
    "IT": frozenset({POSTE_ITALIANE}),
    "ES": frozenset({CORREOS}),
    "US": frozenset({USPS}),
    "CH": frozenset({SWISS_POST}),
}

# A carrier named next to a bare digit run; DHL is resolved to Express or Paket by length below.
_DHL: Final = "DHL"
_CARRIER_CUES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (carrier, re.compile(pattern))
    for carrier, pattern in (
        (DHL_EXPRESS, r"\bdhl\s*express\b"),
        (DHL_PAKET, r"\bdhl\s*paket\b|\bdeutsche\s*post\b"),
        (_DHL, r"\bdhl\b"),
        (UPS, r"\bups\b"),
        (USPS, r"\busps\b|\bus\s*postal\b|\bpostal\s+service\b"),
        (FEDEX, r"\bfed\s*ex\b"),
        (ROYAL_MAIL, r"\broyal\s*mail\b"),
        (DPD, r"\bdpd\b"),
        (HERMES, r"\bhermes\b"),
        (EVRI, r"\bevri\b"),
        (GLS, r"\bgls\b"),
        (AMAZON_LOGISTICS, r"\bamazon\s+(?:logistics|shipping)\b"),
        (COLISSIMO, r"\bcolissimo\b"),
        (LA_POSTE, r"\bla\s*poste\b"),
        (POSTE_ITALIANE, r"\bposte(?:\s*italiane)?\b|\bsda\b"),
        (CORREOS, r"\bcorreos\b(?!\s+de\s+mexico)"),
        (POSTNL, r"\bpost\s*nl\b"),
        (CHINA_POST, r"\bchina\s*post\b"),
        (CAINIAO, r"\bcainiao\b"),
        (CANADA_POST, r"\bcanada\s*post\b|\bpostes\s*canada\b"),
        (BRT, r"\bbrt\b|\bbartolini\b"),
        (SEUR, r"\bseur\b"),
        (MRW, r"\bmrw\b"),
        (NACEX, r"\bnacex\b"),
        (CHRONOPOST, r"\bchronopost\b"),
        (MONDIAL_RELAY, r"\bmondial\s*relay\b"),
        (TNT, r"\btnt\b"),
        # Regional carriers a buyer names next to their number (matched on folded text).
        (
            SWISS_POST,
            r"\bswiss\s*post\b|\bpost\s*ch\b|\bpostlogistics\b|\bschweizerische\s+post\b"
            r"|\bposte\s+suisse\b|\bposta\s+svizzera\b",
        ),
        (AUSTRIAN_POST, r"\b(?:osterreichische|oesterreichische|austrian)\s*post\b"),
        (BPOST, r"\bbpost\b"),
        (POSTNORD, r"\bpostnord\b"),
        (AN_POST, r"\ban\s+post\b"),
        (PUROLATOR, r"\bpurolator\b"),
        (CANPAR, r"\bcanpar\b"),
        (ONTRAC, r"\bontrac\b"),
        (LASERSHIP, r"\blasership\b"),
        (YODEL, r"\byodel\b"),
        (PARCELFORCE, r"\bparcel\s*force\b"),
        (INPOST, r"\binpost\b"),
        (COLIS_PRIVE, r"\bcolis\s*prive\b"),
        (ESTAFETA, r"\bestafeta\b"),
        (CORREOS_MEXICO, r"\bcorreos\s+de\s+mexico\b"),
        (CTT, r"\bctt\b"),
    )
)

# --- context cues (matched on folded text) --------------------------------------------------------------

_TRACKING_CUE = re.compile(
    r"track|trace|verfolg|sendung|paketnummer|paketnr|paket-nr|paketschein|suivi|seguimiento|rastre"
    r"|localizador|tracciamento|tracciabilita|waybill|\bawb\b|consignment|lieferschein"
    r"|\bspedizione\b|\benvio\b|\bcolis\b|\bpaket\b|\bparcel\b|\bpackage\b|\bpaquete\b|\bpacco\b"
    r"|\bshipment\b|\bversand(?:nummer|nr)?\b"
)
_BLOCK_CUE = re.compile(
    r"\b(?:tel|tlf|telf|phone|telephone|telefon|telefono|handy|mobil|mobile|cell|call|ring|anrufen"
    r"|appel(?:ez|er)?|llam\w*|chiam\w*|whatsapp|fax|isbn|ean|gtin|upc|asin|sku"
    r"|art(?:ikel)?\.?\s*-?\s*(?:nr|nummer)|item\s*(?:number|no|nr|#)|model[lo]?|modele|serial|serien\w*"
    r"|serie|iban|bic|swift|konto\w*|kunden\w*|customer\s*(?:number|id|no)|invoice|rechnung\w*|facture"
    r"|factura|fattura|ricevuta|receipt|quittung|zip|plz|postcode|post\s*code|postal\s*code|code\s*postal"
    r"|codigo\s*postal|cap|steuer\w*|vat|ust\w*|tva|iva|siret|nif|partita"
    r"|card|karte|carte|tarjeta|carta|visa|mastercard|amex|paypal|transaction|transaktion|transazione"
    r"|transaccion|referen\w*|voucher|gutschein|coupon|codice\s+sconto|bon\s+d'achat|cupon)\b"
)
_ORDER_LABEL_CUE = re.compile(
    r"\border\b|\bbestellung\b|\bbestell-?(?:nummer|nr)\b|\bauftrag\w*|\bcommande\b|\bpedido\b"
    r"|\borden\b|\bordine\b|\bordinazione\b"
)
_WALMART_CUE = re.compile(r"\bwal\s*-?\s*mart\b")
_SHOPIFY_CUE = re.compile(
    r"\bshopify\b|\bweb\s*shop\b|\bonline[- ]?(?:shop|store)\b|\bsite\s+(?:web|internet)\b"
    r"|\bsito(?:\s+web)?\b|\btienda\s+(?:online|web)\b|\bboutique\s+en\s+ligne\b|\bnegozio\s+online\b"
    r"|\b(?:your|ihre[mnrs]?|eure[mnrs]?|votre|vos|vuestra|vuestro|su|sus|tu|vostro|vostra|il\s+vostro)"
    r"\s+(?:own\s+)?(?:web\s*site|website|webseite|homepage|site|web|shop|store|webshop|tienda|pagina"
    r"|negozio|boutique)\b"
)
_AMAZON_CUE = re.compile(r"\bamazon\b")
_EBAY_CUE = re.compile(r"\be-?bay\b")
_NUMBERED_THING = re.compile(
    r"\b(?:items?|artikel|articles?|articolo|articulo|products?|produkt|produit|prodotto|producto|sku|model"
    r"|modell|ref|page|seite|room|apt|suite|unit|ticket|case|fall|size|no)\s*$"
)

# --- patterns (matched on the original text, so spans and ``raw`` are exact) ---------------------------

_B = r"(?<![A-Za-z0-9])"  # not glued to a preceding letter or digit
_E = r"(?![A-Za-z0-9])"  # nor to a following one
_UPS_RE = re.compile(_B + r"1\s?Z(?:\s?[0-9A-Z]){16}" + _E, re.IGNORECASE)
# UPU S10: two letters, eight digits and a check digit, two letters; buyers type it in groups of any size
# ("RR 123 456 785 GB", "QG 4781 5562 4GB"), one space at most between characters.
_S10_RE = re.compile(_B + r"[A-Z]{2} ?(?:\d ?){8}\d ?[A-Z]{2}" + _E, re.IGNORECASE)
_DHL_EXPRESS_RE = re.compile(_B + r"(?:JJD\d{10,24}|JD\d{18})" + _E, re.IGNORECASE)
_TBA_RE = re.compile(_B + r"TBA\s?\d{12}" + _E, re.IGNORECASE)
_CAINIAO_RE = re.compile(_B + r"LP\d{12,16}" + _E, re.IGNORECASE)
_COLISSIMO_RE = re.compile(_B + r"[5-8][A-Z]\s?\d{11}" + _E, re.IGNORECASE)
# The same typed in groups ("6A 184 229 017 37", "6C18 9034 2217 1"): one space at most between characters;
# accepted only with a carrier name or tracking word next to it (see _scan_formats).
_COLISSIMO_GROUPED_RE = re.compile(_B + r"[5-8][A-Z](?: ?\d){11}" + _E, re.IGNORECASE)
# Correos' own barcodes: a "P" product prefix (PQ Paq Estándar, PK Paq Premium, PH, ...), 20-24 chars.
_CORREOS_RE = re.compile(_B + r"P[A-Z](?=(?:[A-Z]*\d){10})[0-9A-Z]{18,22}" + _E, re.IGNORECASE)
_POSTNL_RE = re.compile(_B + r"3S[A-Z]{2,5}\d{5,11}" + _E, re.IGNORECASE)
_EVRI_RE = re.compile(_B + r"H(?=(?:[A-Z]*\d){10})[0-9A-Z]{15}" + _E)
# Hermes Germany: "H" and 19 digits (the older 14-digit numbers are bare runs, recognised on context).
_HERMES_RE = re.compile(_B + r"H\d{19}" + _E)
_GLS_ALNUM_RE = re.compile(_B + r"(?=[0-9A-Z]*\d)(?=[0-9A-Z]*[A-Z])[0-9A-Z]{8,12}" + _E)
# Any other carrier's letters-and-digits code ("1UW0123456789"): accepted only on context, see below.
_LABELLED_ALNUM_RE = re.compile(_B + r"(?=(?:[A-Z]*\d){8})(?=[0-9]*[A-Z])[0-9A-Z]{10,24}" + _E, re.IGNORECASE)

# A run of digit groups joined by single separators: "302-1234567-1234567", "9400 1118 ...", "12.03.2024".
_DASHES = "-‐‑‒–—"
# A line may break right after a dash: plain-text mail is wrapped at 72-78 columns, and clients break a
# long dashed number there ("... order 202-2041997-" / "3380162").
_DIGIT_CHUNK_RE = re.compile(
    r"(?<![A-Za-z0-9_+])\d+(?:(?:[ \u00a0]?["
    + _DASHES
    + r"](?:[ \u00a0]|\r?\n[ \u00a0]?)?|[ \u00a0]|[./_])\d+)*"
    r"(?![A-Za-z0-9_])"
)
_GROUP_RE = re.compile(r"\d+")
# Swiss Post's domestic parcel number as printed and typed: "99.60.118204.10293847".
_SWISS_POST_DOTTED_RE = re.compile(r"99\.\d{2}\.\d{6}\.\d{8}")
# A run of digit groups joined by dots is one number only when long and not made of small groups only:
# "12.03.2024", "1.299.000", "06.12.34.56.78" (a phone) and "192.168.100.200" stay what they are.
_MIN_DOTTED_DIGITS: Final = 12
_MIN_DOTTED_LONGEST_GROUP: Final = 5
_MAX_SHOPIFY_NAME_DIGITS: Final = 9
_SHOPIFY_NAME_RE = re.compile(
    r"(?<![A-Za-z0-9_])#\s?((?:[A-Z]{1,5}-?)?\d{3,9})(?![A-Za-z0-9_-])", re.IGNORECASE
)
_AMAZON_ID_RE = re.compile(r"\d{3}-\d{7}-\d{7}")
# "Bestellnummer 1089", "order no. 1089", "commande n° 1089": a short labelled number, which is a web-shop
# (Shopify) order number when the buyer says they ordered in the seller's own shop (see _scan_shop_numbers).
_SHOP_NUMBER_RE = re.compile(
    r"(?:\border\s*(?:number|no\.?|nr\.?|num\.?|id)?|\bbestell(?:ung)?\s*-?(?:nummer|nr\.?)|\bbestellung|\bauftrags?\s*-?"
    r"(?:nummer|nr\.?)|\bcommande\s*(?:n[°o]\.?|num[ée]ro)?|\bpedido\s*(?:n[°ºo]\.?|n[úu]mero)?"
    r"|\bordine\s*(?:n[°.]?|numero)?)\s*[:.]?\s*((?-i:[A-Z]{1,5})-?\d{3,9}|\d{3,9})(?![\d\-/.,]\d|[A-Za-z])",
    re.IGNORECASE,
)

# Bare digit runs a carrier might use; 17 digits are always Amazon's (and never reach here unless glued).
_TRACKING_LENGTHS: Final = frozenset(range(10, 23)) - {17}
_SHORT_TRACKING_LENGTH: Final = 8
_SOURCE_RANK: Final[dict[IdentifierSource, int]] = {
    IdentifierSource.BODY: 0,
    IdentifierSource.SUBJECT: 1,
    IdentifierSource.RELAY: 2,
    IdentifierSource.QUOTED: 3,
}


# --- check digits and normalisation ---------------------------------------------------------------------


def normalize_amazon_order_id(raw: str) -> str | None:
    """``raw`` as a dashed 3-7-7 Amazon order ID, or None when it does not hold exactly 17 digits."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if len(digits) != 17 or not digits.isascii():
        return None
    return f"{digits[:3]}-{digits[3:10]}-{digits[10:]}"


def is_amazon_order_id(value: str) -> bool:
    """True for a normalised Amazon order ID (``123-1234567-1234567``)."""
    return _AMAZON_ID_RE.fullmatch(value) is not None


def _ups_check_digit(number: str) -> int:
    total = 0
    for index, char in enumerate(number[2:17]):
        value = int(char) if char.isdigit() else (ord(char) - 63) % 10
        total += value * 2 if index % 2 else value
    return (10 - total % 10) % 10


def _s10_check_digit(serial: str) -> int:
    total = sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def _usps_check_digit(number: str) -> int:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(number[:-1])))
    return (10 - total % 10) % 10


def check_digit_ok(value: str) -> bool | None:
    """Whether a normalised tracking number's check digit holds; None for formats without one."""
    if re.fullmatch(r"1Z[0-9A-Z]{16}", value):
        return _ups_check_digit(value) == int(value[-1]) if value[-1].isdigit() else False
    if re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", value):
        return _s10_check_digit(value[2:10]) == int(value[10])
    if re.fullmatch(r"9[1-5]\d{18,20}", value):
        return _usps_check_digit(value) == int(value[-1])
    return None


# --- context --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    category: str  # "tracking" | "carrier" | "block" | "order" | "walmart" | "shopify" | "ebay"
    distance: int
    carrier: str | None = None


def _context(text: str, start: int, end: int) -> list[_Cue]:
    """Cues around ``text[start:end]``, nearest first: the paragraph before it and the rest of its line."""
    before = text[max(0, start - 90) : start]
    paragraph_break = max(before.rfind("\n\n"), before.rfind("\r\n\r\n"))
    if paragraph_break >= 0:
        before = before[paragraph_break:]
    after = text[end : end + 40].split("\n", 1)[0]
    folded_before, folded_after = fold(before), fold(after)
    cues: list[_Cue] = []
    for folded, is_before in ((folded_before, True), (folded_after, False)):

        def distance(match: re.Match[str], folded: str = folded, is_before: bool = is_before) -> int:
            # Words after the number count, but less than the same words before it.
            return len(folded) - match.end() if is_before else match.start() + 15

        for category, pattern in (
            ("tracking", _TRACKING_CUE),
            ("block", _BLOCK_CUE),
            ("order", _ORDER_LABEL_CUE),
            ("walmart", _WALMART_CUE),
            ("shopify", _SHOPIFY_CUE),
            ("ebay", _EBAY_CUE),
        ):
            for match in pattern.finditer(folded):
                if category == "shopify" and _AMAZON_CUE.search(folded):
                    continue  # "your store" on Amazon is the seller's storefront, not a web shop
                cues.append(_Cue(category, distance(match)))
        for carrier, pattern in _CARRIER_CUES:
            for match in pattern.finditer(folded):
                cues.append(_Cue("carrier", distance(match), carrier))
    cues.sort(key=lambda cue: cue.distance)
    return cues


def _has_tracking_context(cues: list[_Cue]) -> bool:
    for cue in cues:
        if cue.category in ("tracking", "carrier"):
            return True
        if cue.category in ("block", "order"):
            return False
    return False


def _named_carrier(cues: list[_Cue], length: int) -> str | None:
    for cue in cues:
        if cue.category == "carrier" and cue.carrier:
            if cue.carrier == _DHL:
                return DHL_EXPRESS if length <= 11 else DHL_PAKET
            return cue.carrier
    return None


# --- scanning -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    identifier: Identifier


class _Claims:
    """Spans already recognised, so a number inside a longer identifier is not read a second time."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self._spans)

    def take(self, start: int, end: int) -> None:
        self._spans.append((start, end))


def _compact(raw: str) -> str:
    return "".join(raw.split()).upper()


def _tracking(raw: str, value: str, carrier: str | None, source: IdentifierSource) -> Identifier:
    return Identifier(IdentifierKind.TRACKING, value, raw, source, carrier)


def _scan_formats(text: str, source: IdentifierSource) -> Iterator[_Found]:
    """Self-describing alphanumeric tracking formats, most specific first."""
    for match in _UPS_RE.finditer(text):
        value = _compact(match.group(0))
        if check_digit_ok(value) or _has_tracking_context(_context(text, match.start(), match.end())):
            yield _Found(match.start(), match.end(), _tracking(match.group(0), value, UPS, source))
    for match in _S10_RE.finditer(text):
        value = _compact(match.group(0))
        country = value[-2:]
        carrier = _S10_CARRIERS.get(country)
        valid = check_digit_ok(value)
        cues = _context(text, match.start(), match.end())
        if (valid and carrier) or _has_tracking_context(cues):
            named = _named_carrier(cues, len(value))
            if named in _S10_FAMILIES.get(country, frozenset()):
                carrier = named
            yield _Found(match.start(), match.end(), _tracking(match.group(0), value, carrier, source))
    for match in _COLISSIMO_GROUPED_RE.finditer(text):
        if " " in match.group(0) and _has_tracking_context(_context(text, match.start(), match.end())):
            value = _compact(match.group(0))
            yield _Found(match.start(), match.end(), _tracking(match.group(0), value, COLISSIMO, source))
    simple: tuple[tuple[re.Pattern[str], str], ...] = (
        (_DHL_EXPRESS_RE, DHL_EXPRESS),
        (_TBA_RE, AMAZON_LOGISTICS),
        (_CAINIAO_RE, CAINIAO),
        (_COLISSIMO_RE, COLISSIMO),
        (_CORREOS_RE, CORREOS),
        (_POSTNL_RE, POSTNL),
        (_EVRI_RE, EVRI),
        (_HERMES_RE, HERMES),
    )
    for pattern, carrier in simple:
        for match in pattern.finditer(text):
            value = _compact(match.group(0))
            yield _Found(match.start(), match.end(), _tracking(match.group(0), value, carrier, source))
    for match in _GLS_ALNUM_RE.finditer(text):
        cues = _context(text, match.start(), match.end())
        if _named_carrier(cues, len(match.group(0))) == GLS:
            value = match.group(0)
            yield _Found(match.start(), match.end(), _tracking(value, value, GLS, source))
    # A code of letters and digits that a carrier name or a tracking word stands next to, as for bare
    # digit runs: "il codice di spedizione 1UW0123456789 di Poste". Without that context it is a
    # transaction ID, a serial number or a voucher, and is left alone.
    for match in _LABELLED_ALNUM_RE.finditer(text):
        cues = _context(text, match.start(), match.end())
        if _has_tracking_context(cues):
            value = _compact(match.group(0))
            carrier = _named_carrier(cues, len(value))
            yield _Found(match.start(), match.end(), _tracking(match.group(0), value, carrier, source))


@dataclass(frozen=True)
class _Group:
    digits: str
    start: int
    end: int
    sep_before: str  # "" for the first group; "dash" | "space" | "dot" | "slash" | "underscore"


def _sep_class(sep: str) -> str:
    stripped = sep.strip(" \u00a0\r\n")
    if not stripped:
        return "space"
    if stripped in _DASHES:
        return "dash"
    return {".": "dot", "/": "slash", "_": "underscore"}[stripped]


def _groups(text: str, chunk: re.Match[str]) -> list[_Group]:
    groups: list[_Group] = []
    previous_end: int | None = None
    for match in _GROUP_RE.finditer(chunk.group(0)):
        start, end = chunk.start() + match.start(), chunk.start() + match.end()
        sep = "" if previous_end is None else _sep_class(text[previous_end:start])
        groups.append(_Group(match.group(0), start, end, sep))
        previous_end = end
    return groups


# Group shapes that make an identifier on their own: (lengths, kind, separator classes allowed inside).
_ANY_SEP = frozenset({"dash", "space", "dot", "slash", "underscore"})
_DASH_ONLY = frozenset({"dash"})
_SHAPES: Final[tuple[tuple[tuple[int, ...], IdentifierKind, frozenset[str]], ...]] = (
    ((3, 7, 7), IdentifierKind.AMAZON_ORDER, _ANY_SEP),
    ((3, 14), IdentifierKind.AMAZON_ORDER, _ANY_SEP),
    ((10, 7), IdentifierKind.AMAZON_ORDER, _ANY_SEP),
    ((17,), IdentifierKind.AMAZON_ORDER, _ANY_SEP),
    ((2, 5, 5), IdentifierKind.EBAY_ORDER, _DASH_ONLY),
    ((12, 13), IdentifierKind.EBAY_ORDER, _DASH_ONLY),
    ((7, 8), IdentifierKind.WALMART_ORDER, _DASH_ONLY),
)


def _isolated(groups: list[_Group], first: int, last: int) -> bool:
    """Whether groups[first..last] stand apart from their neighbours rather than continue a longer number.

    A neighbour joined by the same kind of separator used inside (or, for one straight group, by anything
    but a space) means the shape is a piece of something longer: "1-302-1234567-1234567" is no Amazon ID.
    """
    inner = {groups[i].sep_before for i in range(first + 1, last + 1)}
    outer = []
    if first > 0:
        outer.append(groups[first].sep_before)
    if last + 1 < len(groups):
        outer.append(groups[last + 1].sep_before)
    for sep in outer:
        if sep in inner or (not inner and sep != "space") or (inner == {"space"} and sep == "space"):
            return False
    return True


def _shape_identifier(kind: IdentifierKind, digits: str, raw: str, source: IdentifierSource) -> Identifier:
    if kind is IdentifierKind.AMAZON_ORDER:
        value = normalize_amazon_order_id(digits)
        assert value is not None  # the shape guarantees 17 digits
    elif kind is IdentifierKind.EBAY_ORDER:
        value = (
            f"{digits[:2]}-{digits[2:7]}-{digits[7:]}"
            if len(digits) == 12
            else f"{digits[:12]}-{digits[12:]}"
        )
    else:
        value = digits
    return Identifier(kind, value, raw, source)


def _classify_run(
    digits: str, raw: str, text: str, start: int, end: int, source: IdentifierSource
) -> Identifier | None:
    """A bare digit run that matched no shape: a tracking or platform number by format or by context."""
    length = len(digits)
    if _SWISS_POST_DOTTED_RE.fullmatch(raw):
        return _tracking(raw, digits, SWISS_POST, source)
    usps_like = length in (20, 21, 22) and digits[:2] in ("92", "93", "94", "95")
    if usps_like and check_digit_ok(digits):
        return _tracking(raw, digits, USPS, source)
    if length == 20 and digits.startswith("00340434"):
        return _tracking(raw, digits, DHL_PAKET, source)
    if length == 22 and digits.startswith("96"):
        return _tracking(raw, digits, FEDEX, source)
    order_labelled = False
    cues = _context(text, start, end)
    for cue in cues:
        if cue.category == "block":
            return None
        if cue.category == "order":
            order_labelled = True
        elif cue.category == "walmart" and length in (13, 15):
            return Identifier(IdentifierKind.WALMART_ORDER, digits, raw, source)
        elif cue.category == "shopify" and 9 <= length <= 14:
            return Identifier(IdentifierKind.SHOPIFY_ORDER, digits, raw, source)
        elif cue.category == "ebay" and length == 12:
            # eBay's 12-34567-89012 typed without its dashes or with spaces ("11 13204 77109")
            return _shape_identifier(IdentifierKind.EBAY_ORDER, digits, raw, source)
        elif cue.category in ("tracking", "carrier") and not order_labelled and length in _TRACKING_LENGTHS:
            carrier = USPS if usps_like else _named_carrier(cues, length)
            return _tracking(raw, digits, carrier, source)
    return None


def _scan_digits(text: str, source: IdentifierSource, claims: _Claims) -> Iterator[_Found]:
    for chunk in _DIGIT_CHUNK_RE.finditer(text):
        # "#112-1234567-1234567" is an Amazon ID written as order numbers often are; "#1042" is a Shopify
        # order name (left to _scan_shopify_names), never a bare run to classify on context.
        hashed = chunk.start() > 0 and text[chunk.start() - 1] == "#"
        groups = _groups(text, chunk)
        taken = [not claims.free(g.start, g.end) for g in groups]
        # 1. shapes that say what they are
        for lengths, kind, allowed in _SHAPES:
            size = len(lengths)
            for first in range(len(groups) - size + 1):
                last = first + size - 1
                span = groups[first : last + 1]
                if any(taken[first : last + 1]) or tuple(len(g.digits) for g in span) != lengths:
                    continue
                if any(g.sep_before not in allowed for g in span[1:]) or not _isolated(groups, first, last):
                    continue
                raw = text[span[0].start : span[-1].end]
                digits = "".join(g.digits for g in span)
                yield _Found(span[0].start, span[-1].end, _shape_identifier(kind, digits, raw, source))
                for i in range(first, last + 1):
                    taken[i] = True
        # 2. the remaining runs, whole (tracking numbers are often typed in blocks of 4) then group by group;
        # a "#" before a short number makes it a Shopify order name, before a long one it is only a label
        # ("Walmart order #200014477120935")
        if hashed and len(groups[0].digits) <= _MAX_SHOPIFY_NAME_DIGITS:
            continue
        for run in _runs(groups, taken):
            found = _classify_candidates(text, source, run, taken, groups)
            yield from found


def _classify_short(
    digits: str, text: str, start: int, end: int, source: IdentifierSource
) -> Identifier | None:
    """An 8-digit number (Mondial Relay's, some national posts'): a tracking number only when the nearest
    cue is a carrier's name. A tracking word alone is not enough at this length: dates, postcodes with
    extras and customer numbers have eight digits too."""
    for cue in _context(text, start, end):
        if cue.category == "carrier":
            return _tracking(digits, digits, cue.carrier if cue.carrier != _DHL else DHL_PAKET, source)
        if cue.category in ("block", "order", "walmart", "shopify", "ebay"):
            return None
    return None


def _runs(groups: list[_Group], taken: list[bool]) -> Iterator[list[int]]:
    """Indices of untaken groups joined by one kind of space, dash or dot separator."""
    run: list[int] = []
    for index, group in enumerate(groups):
        joinable = (
            run
            and not taken[index]
            and group.sep_before in ("space", "dash", "dot")
            and (len(run) == 1 or group.sep_before == groups[run[-1]].sep_before)
        )
        if joinable:
            run.append(index)
            continue
        if run:
            yield run
        run = [] if taken[index] else [index]
    if run:
        yield run


def _joinable(groups: list[_Group], run: list[int]) -> bool:
    """Whether a run of several groups may be read as one number (see _MIN_DOTTED_DIGITS)."""
    if groups[run[1]].sep_before != "dot":
        return True
    lengths = [len(groups[i].digits) for i in run]
    return sum(lengths) >= _MIN_DOTTED_DIGITS and max(lengths) >= _MIN_DOTTED_LONGEST_GROUP


def _classify_candidates(
    text: str, source: IdentifierSource, run: list[int], taken: list[bool], groups: list[_Group]
) -> list[_Found]:
    if len(run) > 1 and _joinable(groups, run):
        first, last = groups[run[0]], groups[run[-1]]
        digits = "".join(groups[i].digits for i in run)
        ident = _classify_run(digits, text[first.start : last.end], text, first.start, last.end, source)
        if ident is not None:
            for i in run:
                taken[i] = True
            return [_Found(first.start, last.end, ident)]
    found: list[_Found] = []
    for i in run:
        group = groups[i]
        if len(group.digits) == _SHORT_TRACKING_LENGTH:
            ident = _classify_short(group.digits, text, group.start, group.end, source)
        elif len(group.digits) < 9:
            continue
        else:
            ident = _classify_run(group.digits, group.digits, text, group.start, group.end, source)
        if ident is not None:
            taken[i] = True
            found.append(_Found(group.start, group.end, ident))
    return found


def _scan_shopify_names(text: str, source: IdentifierSource) -> Iterator[_Found]:
    """Shopify order names ("#1001", "#SH-1042"), only where an order or a web shop is being talked about."""
    for match in _SHOPIFY_NAME_RE.finditer(text):
        before = fold(text[max(0, match.start() - 40) : match.start()])
        cues = _context(text, match.start(), match.end())
        near_order = bool(_ORDER_LABEL_CUE.search(before)) or any(c.category == "shopify" for c in cues)
        numbered_thing = _NUMBERED_THING.search(before)  # "item #12345", "page #2"
        if (
            near_order
            and not numbered_thing
            and not any(c.category == "block" and c.distance < 12 for c in cues)
        ):
            value = "#" + match.group(1).upper()
            yield _Found(
                match.start(),
                match.end(),
                Identifier(IdentifierKind.SHOPIFY_ORDER, value, match.group(0), source),
            )


def _scan_shop_numbers(text: str, source: IdentifierSource) -> Iterator[_Found]:
    """Web-shop order numbers typed without "#" ("Bestellnummer 1089 aus Ihrem Onlineshop"), also with the
    shop's prefix in capitals ("Bestellung NW1503", "NW-2044").

    Short numbers are everywhere (quantities, prices, house numbers), so one counts only with an order
    label right before it and a web-shop cue ("your website", "online shop", "Shopify") near it, and no
    mention of Amazon there (an "order number" on Amazon is an Amazon order ID the buyer cut short).
    """
    for match in _SHOP_NUMBER_RE.finditer(text):
        window = fold(text[max(0, match.start() - 150) : match.end() + 80])
        if _SHOPIFY_CUE.search(window) and not _AMAZON_CUE.search(window):
            number = match.group(1).upper()
            yield _Found(
                match.start(1),
                match.end(1),
                Identifier(IdentifierKind.SHOPIFY_ORDER, "#" + number, number, source),
            )


def scan_text(text: str, source: IdentifierSource) -> list[Identifier]:
    """Every identifier in ``text``, in the order they appear, each tagged with ``source``.

    The same number typed twice is returned twice; :func:`find_identifiers` de-duplicates across a message.
    """
    if not text:
        return []
    claims = _Claims()
    found: list[_Found] = []

    def accept(items: Iterable[_Found]) -> None:
        for item in items:
            if claims.free(item.start, item.end):
                claims.take(item.start, item.end)
                found.append(item)

    accept(_scan_formats(text, source))
    accept(_scan_digits(text, source, claims))
    accept(_scan_shopify_names(text, source))
    accept(_scan_shop_numbers(text, source))
    found.sort(key=lambda item: item.start)
    return [item.identifier for item in found]


def find_identifiers(message: BuyerMessage) -> tuple[Identifier, ...]:
    """The identifiers of a whole message, each once, from its most trustworthy place.

    Scans the buyer's fresh words (BODY; the text without quoted history when the parser found none), a
    notice the buyer forwarded (BODY too: Amazon's confirmation forwarded on purpose is evidence the buyer
    gives, see :func:`ghostdesk.mail.quoting.forwarded_text`), the subject (SUBJECT), the relay's order ID
    (RELAY) and the quoted history (QUOTED). A number found in
    several places keeps the best source, so an order named in both the body and the quoted history
    counts as the buyer's own, while one named only in the history stays QUOTED (and is never offered as
    the order this message is about). Ordered best source first, then as they appear.
    """
    parts = (
        (own_words(message), IdentifierSource.BODY),
        (forwarded_text(message.quoted_text, message.subject), IdentifierSource.BODY),
        (message.subject, IdentifierSource.SUBJECT),
        (message.relay_order_id or "", IdentifierSource.RELAY),
        (message.quoted_text, IdentifierSource.QUOTED),
    )
    best: dict[tuple[IdentifierKind, str], Identifier] = {}
    for text, source in parts:
        for ident in scan_text(text, source):
            key = (ident.kind, ident.value)
            current = best.get(key)
            if current is None or _SOURCE_RANK[source] < _SOURCE_RANK[current.source]:
                best[key] = ident
    return tuple(sorted(best.values(), key=lambda ident: _SOURCE_RANK[ident.source]))
