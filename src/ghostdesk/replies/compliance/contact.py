"""Language-independent rules: links, email addresses, phone numbers and emojis.

These are about the shape of characters, not about words, so one set of patterns serves every language.
Each check returns (rule, start, end) spans over the folded text.
"""

from __future__ import annotations

import re
from functools import cache

from ghostdesk import marketplaces
from ghostdesk.replies.compliance.finding import EMAIL_ADDRESS, EMOJI, EXTERNAL_LINK, PHONE_NUMBER

Span = tuple[str, int, int]

# Top-level domains a link in a reply plausibly uses. Bare "word.tld" is only a link with one of these,
# so "z.B.", "ca. 5" or "2.5 m" never are.
_TLDS = (
    "com|net|org|info|biz|shop|store|online|site|app|io|co|me|ly|eu|de|fr|it|es|uk|at|ch|nl|be|pl|se|dk|"
    "no|fi|pt|us|ca|au|in|jp|cn|ru|xyz|top|link|club|page|tv|gl|gg|to|ai|dev|web|website|tech|sale|deals|"
    "click|live|email|mx|br|ie|cz|gr|ro|hu|sk|tk|ws|cc|gd|im|is|li|lu|mobi|name|one|pro|social|world"
)
_SCHEME_URL = r"\b(?:https?|hxxps?|ftp)\s?:\s?//[^\s<>\"']+"
_WWW_URL = r"\bwww\s?\.\s?[a-z0-9-]+(?:\.[a-z0-9-]+)*[^\s<>\"',;]*"
_BARE_DOMAIN = (
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + _TLDS + r")(?![\w-])(?::\d{2,5})?"
    r"(?:/[^\s<>\"']*)?"
)
# "(dot)", "[punkt]", "{point}", "<punto>": a dot spelled out in brackets, in any of the five languages.
_BRACKETED_DOT = r"[(\[{<]\s*(?:\.|dot|punkt|point|punto)\s*[)\]}>]"
_BRACKETED_AT = r"[(\[{<]\s*(?:at|ät|@|arroba|chiocciola|arobase|aff?e|klammeraffe)\s*[)\]}>]"
# Any host with a path is a link, whatever its ending: "forms.gle/abc", "go.shop.ink/faq".
_PATH_DOMAIN = (
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/[^\s<>\"']*[a-z0-9][^\s<>\"']*"
)
# A web address read out with its path: "shop dot co dot uk slash care", "tienda punto es barra ayuda".
_SPOKEN_PATH = (
    r"\b[a-z0-9-]{2,}(?:\s+(?:dot|punkt|point|punto)\s+[a-z0-9-]{2,})+\s+(?:slash|schrägstrich|barre oblique|"
    r"barre|barra|slash)\s+[a-z0-9-]+"
)
_SPOKEN_DOMAIN = (
    r"\b[a-z0-9-]{2,}\s*(?:" + _BRACKETED_DOT + r"|\s+dot\s+)\s*(?:" + _TLDS + r")\b"
    r"|\b[a-z0-9-]{2,}\s+(?:punkt\s+(?:de|com|at|ch|eu)|point\s+(?:com|fr|be|net)|punto\s+(?:com|it|net))\b"
    r"|\b[a-z0-9-]{5,}\s+(?:punto\s+es|point\s+(?:ch|ca|eu))\b(?!\s+(?:que|importante|clave))"
)
_EMAIL = (
    r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"|[a-z0-9._%+-]+\s@\s?[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9._%+-]+\s?@\s[a-z0-9-]+(?:\.[a-z0-9-]+)+"
    r"|[a-z0-9._%+-]+\s*" + _BRACKETED_AT + r"\s*[a-z0-9-]+"
    r"(?:\s*(?:\.|" + _BRACKETED_DOT + r"|\s+dot\s+|\s+punkt\s+|\s+point\s+|\s+punto\s+)\s*[a-z]{2,})+"
    r"|\b[a-z0-9._%+-]+\s+(?:at|ät|arroba|chiocciola|arobase)\s+[a-z0-9-]+"
    r"(?:\s+(?:dot|punkt|point|punto)\s+[a-z]{2,})+\b"
)
# Candidates for phone numbers: runs of digits with the separators people type in them.
_PHONE_CANDIDATE = r"(?<![\w#+-])(?:\+\s?|00)?\(?\+?\d[\d \t()./–-]{4,24}\d(?![\w-])"
_VANITY = r"\b1[-. ]?8(?:00|33|44|55|66|77|88)[-. ]?[a-z]{3,4}[-. ]?[a-z0-9]{0,4}\b"
_PHONE_WORDS = (
    r"\b(?:call|calling|phone|telephone|tel|mobile|cell|hotline|helpline|whats\s?app|text us|sms|fax|"
    r"ring us|dial|anruf\w*|rufen|telefon\w*|handy|mobil\w*|rufnummer|hotline|appel\w*|téléphon\w*|"
    r"portable|ll[aá]m\w*|tel[ée]fono|m[óo]vil|celular|cellulare|chiam\w*|telefonic\w*|numero verde|"
    r"n[úu]mero de tel[ée]fono|numéro de téléphone|numero di telefono|t[ée]l\.)"
)
_EMOJI = (
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u231a\u231b\u23e9-\u23fa\u2328\u23cf\u2934\u2935"
    "\u3030\u303d\u3297\u3299]\ufe0f?(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf]\ufe0f?)*"
    "|[\u00a9\u00ae\u2122\u2139\u2194-\u2199]\ufe0f"
)
_EMOTICON = r"(?<![\w:/=])(?:[:;=][-'^o]?[)(\]\[dpo3*|\\/]|<3|\^\^|\^_\^|xd|:'\()(?![\w/])"


@cache
def _compiled() -> dict[str, re.Pattern[str]]:
    return {
        "scheme": re.compile(_SCHEME_URL),
        "www": re.compile(_WWW_URL),
        "bare": re.compile(_BARE_DOMAIN),
        "path": re.compile(_PATH_DOMAIN),
        "spoken": re.compile(_SPOKEN_DOMAIN),
        "spoken_path": re.compile(_SPOKEN_PATH),
        "email": re.compile(_EMAIL),
        "phone": re.compile(_PHONE_CANDIDATE),
        "vanity": re.compile(_VANITY),
        "phone_words": re.compile(_PHONE_WORDS),
        "emoji": re.compile(_EMOJI),
        "emoticon": re.compile(_EMOTICON),
    }


@cache
def _amazon_suffixes() -> tuple[str, ...]:
    domains = {m.domain for m in marketplaces.MARKETPLACES} | {"amazon.cn", "amazon.com.au", "amazon.eu"}
    return tuple(sorted(domains))


_AMAZON_SHORT_HOSTS = frozenset({"amzn.to", "amzn.com", "amzn.eu", "amzn.asia", "a.co"})


def link_host(link: str) -> str:
    """The host name of a link as typed: scheme, credentials, port and path removed."""
    host = re.sub(r"^(?:https?|hxxps?|ftp)\s?:\s?//", "", link.strip())
    host = re.split(r"[/?#\s]", host, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return host.strip(".").replace(" ", "")


def is_amazon_host(host: str) -> bool:
    """True for Amazon's own sites (amazon.de, www.amazon.co.uk, sellercentral.amazon.com, amzn.to).

    Look-alikes such as ``amazon.de.example.com`` or ``amazon-support.com`` are not Amazon's.
    """
    host = host.lower().rstrip(".")
    if host in _AMAZON_SHORT_HOSTS:
        return True
    return any(host == d or host.endswith("." + d) for d in _amazon_suffixes())


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def find_contact_breaches(folded: str, original: str) -> list[Span]:
    """Email addresses, links other than Amazon's, phone numbers and emojis, in that order of priority.

    An email address is reported once as an address, not again as a link; a link's digits are never
    taken for a phone number.
    """
    pats = _compiled()
    spans: list[Span] = []
    work = folded

    for m in pats["spoken_path"].finditer(work):  # before addresses: "the guide at shop dot com slash care"
        spans.append((EXTERNAL_LINK, m.start(), m.end()))
    for _, s, e in spans:
        work = _blank(work, s, e)
    for m in pats["email"].finditer(work):
        spans.append((EMAIL_ADDRESS, m.start(), m.end()))
    for _, s, e in spans:
        work = _blank(work, s, e)

    link_spans: list[tuple[int, int]] = []
    for key in ("scheme", "www", "bare", "path", "spoken"):
        for m in pats[key].finditer(work):
            if any(s <= m.start() < e for s, e in link_spans):
                continue
            token = m.group().rstrip(".,;:!?)]}'\"")
            end = m.start() + len(token)
            if key == "spoken":
                spans.append((EXTERNAL_LINK, m.start(), end))
                link_spans.append((m.start(), end))
                continue
            host = link_host(token)
            if is_amazon_host(host):
                link_spans.append((m.start(), end))
                continue
            if key in ("bare", "path") and _looks_like_missing_space(original, m.start(), end):
                continue
            spans.append((EXTERNAL_LINK, m.start(), end))
            link_spans.append((m.start(), end))
    for s, e in link_spans:
        work = _blank(work, s, e)

    for m in pats["vanity"].finditer(work):
        spans.append((PHONE_NUMBER, m.start(), m.end()))
    for m in pats["phone"].finditer(work):
        candidate = m.group().strip(" \t.-/–")
        start = m.start() + m.group().index(candidate)
        if _is_phone_number(candidate, work[max(0, start - 60) : start]):
            spans.append((PHONE_NUMBER, start, start + len(candidate)))

    for key in ("emoji", "emoticon"):
        for m in pats[key].finditer(folded):
            spans.append((EMOJI, m.start(), m.end()))
    return spans


def _looks_like_missing_space(original: str, start: int, end: int) -> bool:
    """ "Danke.Es ist ..." is a typo, not a link: a capital right after the dot of a lower-case word."""
    token = original[start:end]
    if "/" in token or token.count(".") != 1:
        return False
    label, tld = token.split(".")
    return bool(tld[:1].isupper() and label[-1:].islower())


# The group typed just before a run of digits: "1Z 999 AA1 01 2345 6784" is a tracking number whose tail
# merely looks like a phone number, because a group mixing letters and digits ("AA1") sits right before it.
_CODE_GROUP_BEFORE = re.compile(r"(?:^|\s)(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{2,}[ ]$")


def _is_phone_number(candidate: str, before: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 6 <= len(digits) <= 15:
        return False
    if _CODE_GROUP_BEFORE.search(before):
        return False  # the tail of a tracking or reference code with letters in it
    if re.fullmatch(r"\d{3}-\d{7}-\d{7}|\d{2}-\d{5}-\d{5}", candidate):
        return False  # an Amazon (3-7-7) or eBay (2-5-5) order number
    if re.fullmatch(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[./]\d{1,2}\.?", candidate):
        return False  # a date
    is_amount = re.fullmatch(r"\d+(?:[.,]\d+)?", candidate) and re.search(r"[.,]", candidate)
    if is_amount and not re.fullmatch(r"0\d{1,4}[.,]\d{5,8}", candidate):
        return False  # an amount or a measure, but not "06.5551234" (an area code and a number)
    if candidate.startswith("(0)") and len(digits) >= 7:
        return True  # "(0)89/1234567": the trunk 0 in brackets is only ever written in phone numbers
    has_words = bool(_compiled()["phone_words"].search(before))
    groups = [g for g in re.split(r"[ \t()./–-]+", candidate) if g]
    if candidate.startswith(("+", "00", "(+")) and len(digits) >= 8:
        return True
    if re.search(r"\(\d{2,5}\)", candidate) and len(digits) >= 7:
        return True
    if re.fullmatch(r"(?:1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}", candidate):
        return True
    if len(groups) >= 2 and digits.startswith("0") and 8 <= len(digits) <= 13 and 2 <= len(groups[0]) <= 5:
        return True
    if len(groups) >= 3 and 8 <= len(digits) <= 13 and all(len(g) <= 4 for g in groups):
        return True  # "912 345 678", "655 12 34 56": national numbers without a trunk 0
    if len(groups) == 2 and len(groups[0]) == 3 and groups[0][0] in "367" and 9 <= len(digits) <= 10:
        return True  # "335 7788990", "612 345678": Italian and Spanish mobiles
    return has_words and len(digits) >= 6
