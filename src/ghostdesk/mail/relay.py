"""Which channel a message came through, and the relay's own boilerplate apart from the buyer's words.

Amazon buyers write through Amazon's messaging relay: the mail comes from a stable anonymised alias
(``x@marketplace.amazon.<tld>``) that is also the only address a reply may go to, and the buyer's words
sit between "Begin message"/"End message" marker lines inside the relay's item line, order line and
legal footers, in the marketplace's language. The relay's wording varies by marketplace and changes
over time, so markers are recognised by shape (a short phrase between runs of dashes) and keywords, not
by one spelling. Amazon's own notices (``donotreply@amazon.<tld>`` and the like) are recognisable too,
because they are never a buyer and must never be answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ghostdesk.marketplaces import by_domain
from ghostdesk.models import Channel

_EBAY_RELAY_DOMAIN = re.compile(r"^members\.ebay\.[a-z]{2,3}(\.[a-z]{2})?$")
_AMAZON_NAME_SUFFIX = re.compile(
    r"\s*[-–—]\s*(amazon\s+marketplace|marketplace\s+amazon|amazon(\.[a-z.]+)?)\s*$", re.IGNORECASE
)
_AMAZON_ORDER_ID = re.compile(r"(?<!\d)(\d{3})[- ]?(\d{7})[- ]?(\d{7})(?!\d)")


@dataclass(frozen=True)
class Sender:
    """Who a message is from, as far as the channel is concerned."""

    channel: Channel
    marketplace: str | None  # marketplace code ("US", "DE", ...) for Amazon relay and system mail
    relay_alias: str | None  # the relay address a reply must go to (lower-case)
    name: str  # the display name without the relay's " - Amazon Marketplace" suffix


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def is_amazon_relay(address: str) -> bool:
    """True for a buyer alias of Amazon's buyer-seller messaging relay (``...@marketplace.amazon.<tld>``)."""
    domain = _domain(address)
    return domain.startswith("marketplace.amazon.") and by_domain(domain) is not None


def is_amazon_system_sender(address: str) -> bool:
    """True for Amazon's own mail (``donotreply@amazon.de``, ``seller-notification@amazon.com``, ...).

    Any address at an Amazon marketplace domain or one of its subdomains counts, except the buyer relay:
    Amazon sends notices, never buyer questions, from those.
    """
    if "@" not in address or is_amazon_relay(address):
        return False
    domain = _domain(address)
    marketplace = by_domain(domain)
    return marketplace is not None and (
        domain == marketplace.domain or domain.endswith("." + marketplace.domain)
    )


def is_ebay_relay(address: str) -> bool:
    """True for an eBay member alias (``...@members.ebay.com``, ``.co.uk``, ``.de``, ...)."""
    return bool(_EBAY_RELAY_DOMAIN.match(_domain(address)))


def identify_sender(address: str, display_name: str) -> Sender:
    """The channel, marketplace and reply alias implied by a From address."""
    address = address.strip().lower()
    if is_amazon_relay(address):
        marketplace = by_domain(_domain(address))
        name = _AMAZON_NAME_SUFFIX.sub("", display_name).strip()
        return Sender(Channel.AMAZON, marketplace.code if marketplace else None, address, name)
    if is_ebay_relay(address):
        return Sender(Channel.EBAY, None, address, display_name.strip())
    if is_amazon_system_sender(address):
        marketplace = by_domain(_domain(address))
        return Sender(Channel.DIRECT, marketplace.code if marketplace else None, None, display_name.strip())
    return Sender(Channel.DIRECT, None, None, display_name.strip())


def normalise_order_id(raw: str) -> str | None:
    """An Amazon order ID in its canonical 3-7-7 form, or None when ``raw`` holds no complete one."""
    match = _AMAZON_ORDER_ID.search(raw)
    if match is None:
        return None
    return "-".join(match.groups())


# -- the relay's body ------------------------------------------------------------------------------

# A marker: a short phrase between two runs of dashes ("------------- Begin message -------------").
_MARKER_LINE = re.compile(r"^\s*[-=]{3,}\s*([^-=\n]{2,60}?)\s*[-=]{3,}\s*$")
_BEGIN_WORDS = re.compile(
    r"\b(begin|beginn|beginnen|start|début|debut|inizio|inicio|início|aanvang)", re.IGNORECASE
)
_END_WORDS = re.compile(r"\b(end|ende|beenden|fin|fine|fim|einde|final)\b", re.IGNORECASE)
_NOT_A_MARKER = re.compile(
    r"original|ursprünglich|d'origine|originale|oorspronkelijk|forward|weitergeleitet|transféré|reenviado|"
    r"inoltrato|encaminhada",
    re.IGNORECASE,
)
_ITEM_LINE = re.compile(r"^\s*\d+\s+(of|x|von|de|di|sur)\s+.*\[ASIN:\s*[A-Z0-9]{10}\]\s*$", re.IGNORECASE)
_ASIN_ONLY = re.compile(r"\[ASIN:\s*[A-Z0-9]{10}\]", re.IGNORECASE)
_NUMERO = r"(?:n[º°o.]?|nr\.?|no\.?)"  # "N°", "Nº", "No.", "Nr." (º is a letter to the regex engine)
_ORDER_LINE = re.compile(
    r"^\s*(order\s*id(\s*/\s*commande\s*" + _NUMERO + r")?|order\s*#|order\s*number|bestellnummer|"
    r"bestell-nr\.?|numero\s+(d'|di\s+)?ordine|"
    + _NUMERO
    + r"\s*(de\s+)?commande|commande\s*"
    + _NUMERO
    + r"|"
    r"num[eé]ro\s+de\s+commande|"
    + _NUMERO
    + r"\s*de\s+pedido|n[uú]mero\s+de\s+pedido|pedido\s*"
    + _NUMERO
    + r"|"
    r"n[uú]mero\s+do\s+pedido|bestelnummer)"
    r"[^\d\n]{0,6}\d{3}[- ]?\d{7}[- ]?\d{7}(?!\d)[^\n]*$",
    re.IGNORECASE,
)
_SUBJECT_ORDER = re.compile(
    r"\((?:order|commande|bestellung|ordine|pedido|orden)(?:\s*(?:id|n[º°o.]?|#))?\s*:\s*"
    r"(\d{3}-\d{7}-\d{7})(?!\d)",
    re.IGNORECASE,
)
# Footers that only the relay writes.
_FOOTER_START = re.compile(
    r"^\s*(for your information\s*:|to mark this message as no response needed|was this email helpful|"
    r"um diese nachricht als|pour marquer ce message|per contrassegnare questo messaggio|"
    r"para marcar este mensaje|para marcar esta mensagem|war diese e-mail hilfreich|"
    r"cet e-mail vous a-t-il été utile|questa e-mail ti è stata utile|¿te ha resultado útil este correo|"
    r"este e-mail foi útil|copyright\s+\d{4}|©\s*\d{4}\s+amazon|\[commMgrTok:)",
    re.IGNORECASE,
)
# Footer labels a buyer might also type ("Important: ..."): a footer only as a long legal paragraph
# that names Amazon.
_FOOTER_LABEL = re.compile(
    r"^\s*(wichtiger hinweis|important|nota informativa|informação importante|pour information|"
    r"zur information|per tua informazione|para tu información|para su información)\s*:",
    re.IGNORECASE,
)
_COMM_TOKEN = re.compile(r"\[commMgrTok:[^\]]*\]")


@dataclass(frozen=True)
class RelayBody:
    """A relayed body split into the buyer's block and the relay's own lines around it."""

    buyer_text: str  # what the buyer typed (may still carry quoted history: see quoting.split_reply)
    relay_text: str  # the relay's lines outside the buyer's block (order line, item line, footers)
    had_markers: bool


def _marker_kind(line: str) -> str | None:
    match = _MARKER_LINE.match(line)
    if match is None:
        return None
    phrase = match.group(1)
    if _NOT_A_MARKER.search(phrase):
        return None
    if _BEGIN_WORDS.search(phrase):
        return "begin"
    if _END_WORDS.search(phrase):
        return "end"
    return "unknown"


def split_relay_body(text: str) -> RelayBody:
    """The buyer's block of a relayed message: what lies between the Begin and End markers.

    Without markers (older or reformatted relay mail), the relay's recognisable lines are removed
    instead: item and order lines, and everything from the first footer on.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    markers = [(index, kind) for index, line in enumerate(lines) if (kind := _marker_kind(line))]
    begin = next((index for index, kind in markers if kind == "begin"), None)
    if begin is None and markers and markers[0][1] == "unknown":
        begin = markers[0][0]
    if begin is not None:
        end = next(
            (index for index, kind in markers if index > begin and kind in ("end", "unknown")),
            None,
        )
        if end is None:
            end = _first_footer(lines, begin + 1)
        inner = lines[begin + 1 : end]
        outer = lines[:begin] + lines[end + 1 :]
        inner = _without_boilerplate(inner)
        return RelayBody(_join(inner), _join(outer), had_markers=True)
    footer = _first_footer(lines, 0)
    kept: list[str] = []
    relay: list[str] = []
    for line in lines[:footer]:
        if _ITEM_LINE.match(line) or _ORDER_LINE.match(line) or _ASIN_ONLY.search(line):
            relay.append(line)
        else:
            kept.append(line)
    relay.extend(lines[footer:])
    return RelayBody(_join(_without_boilerplate(kept)), _join(relay), had_markers=False)


def _is_footer(lines: list[str], index: int) -> bool:
    line = lines[index]
    if _FOOTER_START.match(line):
        return True
    if _FOOTER_LABEL.match(line) and len(line.strip()) >= 60:
        nearby = " ".join(lines[index : index + 3]).lower()
        return "amazon" in nearby
    return False


def _first_footer(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        if _is_footer(lines, index):
            return index
    return len(lines)


def _without_boilerplate(lines: list[str]) -> list[str]:
    """The relay's leftovers inside the buyer's block: a footer ends it, the comm token is dropped."""
    cut = _first_footer(lines, 0)
    return [_COMM_TOKEN.sub("", line) for line in lines[:cut]]


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def relay_order_id(subject: str, relay_text: str) -> str | None:
    """The order the relay says a message is about: the subject's "(Order: ...)", else its order line.

    A subject cut short mid-ID ("(Order: 111-1537220-523865...") names no order: a partial ID is never
    completed by guessing. Only the relay's own lines are searched, never the buyer's block or history.
    """
    match = _SUBJECT_ORDER.search(subject)
    if match:
        return normalise_order_id(match.group(1))
    for line in relay_text.split("\n"):
        if _ORDER_LINE.match(line):
            found = normalise_order_id(line)
            if found:
                return found
    return None


_EBAY_NOISE = re.compile(
    r"^\s*(ebay|new message from:.*|reply to this message:.*|\[#[^\]]*#\].*|email reference id:.*)\s*$",
    re.IGNORECASE,
)
_EBAY_FOOTER = re.compile(
    r"^\s*(only purchases on ebay are covered|ebay sent this message|ebay is committed to your privacy|"
    r"learn more about|copyright © \d{4} ebay)",
    re.IGNORECASE,
)


def strip_ebay_boilerplate(text: str) -> str:
    """The buyer's words of an eBay member message, without eBay's header lines, reference marker and footer.

    The ``[#...#]`` reference marker is removed from the words only: a reply must carry it, and it stays
    in the message's full text for the reply composer.
    """
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _EBAY_FOOTER.match(line):
            break
        if not _EBAY_NOISE.match(line):
            kept.append(line)
    return _join(kept)
