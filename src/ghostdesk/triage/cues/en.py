"""English cues: phrases that ask about an order's status (``FOR``) and topics that are something else
(``AGAINST``), on folded text."""

from __future__ import annotations

from ghostdesk.triage.cues.base import (
    CARRIER_REPORT,
    CHANGE_REQUEST,
    CLAUSE,
    CONDITIONAL,
    HYPOTHETICAL,
    IN_TRANSIT,
    MESSAGE_OBJECT,
    NOT_A_QUESTION,
    NOT_YET_SHIPPED,
    NOTHING,
    NUMBER_AHEAD,
    OTHER_OBJECT,
    PART_MISSING,
    RECEIVED,
    RECEIVED_INFO_BEFORE,
    REFUND_OBJECT,
    RETURN_SENT,
    THANKED,
    TO_THE_SELLER,
    Cue,
    cue,
)

_NOUNS = (
    r"(?:order|orders|ord[ea]r|oder|package|packages|parcel|parcels|item|items|shipment|delivery|stuff"
    r"|purchase|goods|product|products|things|box|packet)"
)

# The buyer speaks of an order they have: "my order", "our parcel", "I ordered", "placed an order". Puts a
# message in order context (see ghostdesk.triage.intent); "if I order", "an order" and "the delivery" do not.
ORDER_WORDS = (
    r"\b(?:my|our)\s+(?:\w+\s+){0,2}?"
    + _NOUNS
    + r"\b(?!\s+ad+r)|\b(?:ordered|purchased)\b|\b(?:i|we)\s+(?:\w+\s+)?bought\b"
    r"|\bplaced\s+(?:an?|my|the|this)\s+order\b"
)

_RECEIVE_EN = (
    r"(?:rec(?:ie|ei|i|e)ve?d?|arriv\w*|ariv\w*|come|came|turned\s+up|shown\s+up|showed\s+up"
    r"|delivered|got(?:ten)?)"
)
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|couple\s+of"
    r"|several|many|few|a\s+few)"
)

_NEG_EN = (
    r"(?:\b(?:not|never|yet\s+to|no\s+longer|havent|hasnt|hadnt|didnt|dont|doesnt|wasnt|werent|isnt|arent"
    r"|cant|wont)\b|\b\w+n't)"
)

# "I only got the lid", "received one of the two": a partial delivery, not a receipt confirmation.
PARTIAL_EN = r"\bonly\b|\b(?:part|half|one|some)\s+of\b|\bbut\s+not\b"

FOR: tuple[Cue, ...] = (
    cue(
        "where is my order",
        2.0,
        r"\bwh?ere?'?s?\s+(?:is\s+|are\s+)?(?:my|the|our)\s+(?:\w+\s+){0,2}?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "where is the rest of my order",
        2.0,
        r"\bwh?ere?'?s?\s+(?:is\s+|are\s+)?(?:the\s+)?(?:rest|remainder|other\s+(?:part|half|items?|box)"
        r"|second\s+(?:part|box|package|parcel))\b"
        r"|\b(?:rest|remainder|other\s+half)\s+of\s+(?:my|the|our)\s+(?:\w+\s+)?" + _NOUNS + r"\b"
        r"|\bonly\s+(?:got|received|came|arrived)\b" + CLAUSE + r"{0,30}?\b(?:part|half|one|some|\d+)\s+of\b"
        r"|\b(?:part|half|one|some)\s+of\s+(?:my|the)\s+(?:\w+\s+)?(?:order|items)\b"
        + CLAUSE
        + r"{0,30}?\b(?:missing|still|hasn't|has\s+not|not)\b"
        # "only the lamp came", "got just the base": one item of several
        r"|\b(?:only|just)\s+(?:the|one|a)\s+(?:\w+\s+){0,3}?(?:came|arrived|was\s+in\s+(?:the|it)"
        r"|showed\s+up|turned\s+up)\b|\b(?:got|received)\s+(?:only|just)\s+(?:the|one)\b",
        veto_after=OTHER_OBJECT,
        role=PART_MISSING,
    ),
    cue(
        "what happened to my order",
        2.0,
        r"\bwhat(?:'s|\s+has|\s+is)?\s+happen\w*\s+(?:to|with)\s+(?:my|the|our|this)\s+(?:\w+\s+)?"
        + _NOUNS
        + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "why was it cancelled",
        2.0,
        r"\bwhy\b" + CLAUSE + r"{0,40}?\bcancel+ed\b"
        r"|\b(?:order|it|purchase)\s+(?:was|has\s+been|got|is\s+now|shows\s+as|says)\s+cancel+ed\b"
        + CLAUSE
        + r"{0,60}?\b(?:but|without|never|why|didn't|did\s+not)\b",
        veto_before=CONDITIONAL,
    ),
    cue(
        "was it cancelled?",
        1.5,
        r"\b(?:was|has|been|got|is)\b" + CLAUSE + r"{0,30}?\bcancel+ed\s*\?"
        r"|\bdid\s+(?:you|they|amazon|someone|somebody|the\s+seller)\s+cancel\b",
        veto_before=r"\b(?:can|could|may|possible|want|would|please)\b",
    ),
    cue(
        "cancelled but charged",
        2.0,
        r"\bcancel+ed\b[^\n]{0,80}?\b(?:charged|debited|billed|money\s+(?:was\s+|has\s+been\s+)?taken)\b"
        r"|\bcancel+ed\b[^\n]{0,60}?\b(?:but|yet|though|although)\b[^\n]{0,30}?\bpaid\b"
        r"|\b(?:charged|debited|billed)\b[^\n]{0,80}?\b(?:was|got|been|is|it's)\s+cancel+ed\b",
        veto_before=r"\b(?:i|we|i've|we've)\s+(?:have\s+|had\s+|just\s+)?$",
    ),
    cue(
        "delivery exception",
        1.5,
        r"\b(?:delivery|shipment|shipping)\s+exception\b|\bexception\b"
        + CLAUSE
        + r"{0,20}?\b(?:delivery|address)\b"
        r"|\bundeliverable\b|\bunable\s+to\s+deliver\b|\bcould\s+not\s+be\s+delivered\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "needed by a date",
        2.0,
        r"\bneed\s+(?:it|them|this|the\s+\w+)\s+(?:by|before|for)\s+(?:\w+\s+)?(?:monday|tuesday|wednesday"
        r"|thursday|friday|saturday|sunday|the\s+weekend|tomorrow|christmas|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "held for collection",
        1.5,
        r"\bheld\s+(?:at|for\s+collection)\b|\bdelivery\s+attempt\w*|\bmissed\s+delivery\b"
        r"|\b(?:no\s+one|nobody|noone)\s+(?:was\s+)?(?:home|in|there|answered)\b|\bredeliver\w*"
        r"|\b(?:attempted|failed)\s+delivery\b|\bsorry\s+we\s+missed\s+you\b",
    ),
    cue(
        "status label quoted",
        1.5,
        r"\b(?:says|said|shows|showing|stuck\s+on|sitting\s+on|status\s+is)\b" + CLAUSE + r"{0,15}?"
        r"\b(?:shipping\s+soon|not\s+yet\s+(?:shipped|dispatched)|preparing\s+for\s+(?:shipment|dispatch)"
        r"|payment\s+(?:pending|revision)|order\s+(?:received|placed)|arriving\s+(?:soon|late))\b",
    ),
    cue(
        "been waiting",
        1.5,
        r"\b(?:i've|i\s+have|we've|we\s+have|i'm|i\s+am|been)\s+(?:\w+\s+)?waiting\b|\band\s+(?:still\s+)?nothing\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "what's going on",
        0.7,
        r"\bwhat(?:'s|\s+is)\s+(?:actually\s+|really\s+)?(?:happening|going\s+on)\b|\bwhat\s+happened\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "will it arrive by",
        1.5,
        r"\b(?:arrive|be\s+delivered|get\s+here|be\s+here|ship)\s+(?:\w+\s+)?(?:by|before|in\s+time\s+for)\s+"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+weekend|tomorrow|christmas|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "I didn't cancel",
        1.5,
        r"\b(?:i|we)\s+(?:didn't|did\s+not|never|have\s+not|haven't)\s+cancel+(?:ed)?\b",
    ),
    cue(
        "delivery instruction",
        -1.5,
        r"\bleave\s+(?:it|the\s+(?:parcel|package|box))\s+(?:with|at|in|behind|by)\b|\bsafe\s+place\b"
        r"|\bnote\s+for\s+the\s+(?:courier|driver)\b|\bside\s+gate\b|\bgift\s+(?:wrap|receipt|message)\w*"
        r"|\bremove\s+the\s+price\b|\b(?:put|include|add|enclose)\s+(?:in\s+)?an?\s+(?:little\s+|short\s+"
        r"|small\s+)?(?:note|card|message)\b|\bleave\s+out\s+the\s+(?:receipt|invoice|price)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "cancel because of the delay",
        1.5,
        r"\bcancel\w*\b[^.!?\n]{0,60}?\b(?:pending|taking\s+(?:so\s+|too\s+)?long|too\s+long|(?:hasn't|has\s+not"
        r"|hasnt|still\s+not|not\s+yet)\s+(?:\w+\s+)?(?:shipped|arrived|been\s+shipped)|can't\s+wait|cannot\s+wait)"
        r"|\b(?:pending|taking\s+(?:so\s+|too\s+)?long|too\s+long|(?:hasn't|has\s+not|still\s+not)\s+(?:\w+\s+)?"
        r"(?:shipped|arrived))\b[^.!?\n]{0,60}?\bcancel\b",
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "says it was delivered",
        2.0,
        r"\b(?:says|claims|said|claimed)\s+(?:that\s+)?(?:they|he|she|it|the\s+(?:driver|courier))\s+"
        r"(?:\w+\s+)?(?:delivered|left|dropped)\b",
    ),
    cue(
        "status?",
        1.5,
        r"(?:^|\n)\W*(?:order\s+)?(?:status|update|updates|news|eta|progress)\s*\?+"
        r"|(?:^|\n)\W*(?:and\s+)?(?:what\s+about\s+)?(?:my|the)\s+(?:order|package|parcel)\s*\?+",
        veto_before=OTHER_OBJECT,
    ),
    cue("where is it", 1.2, r"\bwhere\s+(?:is|are)\s+(?:it|they|this|that)\b(?!\s+(?:located|made|from))"),
    cue("where is <order number>", 1.5, r"\bwhere\s+(?:is|are)(?:\s+(?:my\s+)?order)?" + NUMBER_AHEAD),
    cue(
        "not received",
        2.0,
        _NEG_EN + r"\s+(?:\w+\s+){0,2}?" + _RECEIVE_EN + r"\b"
        r"|\b(?:not|never|n't)\s+(?:\w+\s+)?get\s+(?:my|the|it|them|anything|any|our)\b"
        r"|\b(?:not|isn't|aren't|is\s+not|are\s+not)\s+(?:yet\s+|still\s+)?here\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"refund|reimburs|money|credit|invoice|receipt",
    ),
    cue(
        "still waiting",
        1.5,
        r"\bstill\s+(?:no\b|nothing|waiting|haven't|have\s+not|not\b|hasn't|has\s+not|didn't|did\s+not|don't"
        r"|do\s+not|dont)"
        r"|\bnothing\s+(?:has\s+)?(?:arrived|came|come|been\s+delivered|received|yet|happened)\b"
        r"|\bwaiting\s+for\s+(?:my|the)\s+" + _NOUNS + r"|\b(?:had|got|received|seen|heard)\s+nothing\b"
        r"|\bstill\s+(?:nada|zilch|zip)\b|\bnothing\s+(?:in|at|on)\s+(?:my|the)\s+(?:letterbox|mailbox|postbox|door"
        r"|doorstep|porch)\b|\b(?:been|being|am|i'm)\s+(?:very\s+|really\s+)?patient\b"
        r"|\bfor\s+ages\b|\bbeen\s+ages\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "not shipped",
        2.0,
        _NEG_EN + r"\s+(?:\w+\s+){0,2}?(?:ship+ed|shiped|sent|d[ei]spatched|posted|mailed|left)\b",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "when will it ship",
        1.5,
        r"\bwhen\b"
        + CLAUSE
        + r"{0,40}?\b(?:ship|shipping|be\s+shipped|be\s+sent|be\s+dispatched|dispatch|go\s+out|leave)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "has it shipped?",
        1.5,
        r"\b(?:was|has|is|did|have)\s+(?:it|my\s+\w+|the\s+\w+|this|they|you)\s+(?:\w+\s+)?(?:been\s+)?"
        r"(?:sent|shipped|dispatched|posted|ship)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "will it arrive",
        1.5,
        r"\b(?:will|would|is|are|does|do)\s+(?:my|the|it|this|they|our)\s+(?:\w+\s+)?(?:arrive"
        r"|be\s+delivered|get\s+here"
        r"|come|coming|arriving|shipping|be\s+here|make\s+it|going\s+to\s+(?:arrive|come|be\s+delivered))\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "check on my order",
        1.5,
        r"\b(?:check(?:ing)?|look(?:ing)?|follow(?:ing)?\s+up)\s+(?:on|up\s+on|in\s+on|into)\s+(?:my|the|our"
        r"|this)\s+(?:\w+\s+)?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "no sign of it",
        1.5,
        r"\bno\s+sign\s+of\b|\bno\s+(?:package|parcel|delivery|order|shipment)\b(?!\s+(?:options?|number|id"
        r"|fee|confirmation))"
        r"|\bstill\s+(?:no|nothing)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "on its way?",
        1.5,
        r"\bon\s+(?:its|their|the)\s+way\b|\bin\s+transit\b|\bout\s+for\s+delivery\b",
        veto_after=OTHER_OBJECT,
    ),
    cue("any ETA?", 1.5, r"\b(?:any|an|the|what's\s+the|what\s+is\s+the|new|updated)\s+eta\b"),
    cue(
        "time has passed",
        0.6,
        r"\b(?:it's|it\s+has|has|have|it\s+is|already|over|almost|nearly|more\s+than)\s+(?:been\s+)?"
        + _COUNT
        + r"\s+(?:business\s+)?(?:days?|weeks?|months?)\b"
        r"|\b(?:paid|ordered|bought|purchased|placed\s+(?:it|the\s+order|my\s+order|an\s+order))\s+(?:\w+\s+)?"
        + _COUNT
        + r"\s+(?:business\s+)?(?:days?|weeks?)\s+ago\b"
        r"|\b(?:pending|waiting|stuck|processing|sitting|sat)\s+(?:\w+\s+){0,2}?for\s+(?:over\s+|more\s+than\s+)?"
        + _COUNT
        + r"\s+(?:business\s+)?(?:days?|weeks?)\b"
        r"|\bfor\s+" + _COUNT + r"\s+(?:business\s+)?(?:days?|weeks?)\s+now\b",
    ),
    cue(
        "please ship",
        1.0,
        r"\b(?:ship|send|dispatch)\s+(?:out\s+)?(?:my|our)\s+" + _NOUNS + r"\b",
        veto_after=r"\bback\b|" + OTHER_OBJECT,
    ),
    cue(
        "pending",
        1.8,
        r"\bpending\b|\bstuck\b|\bon\s+hold\b",
        veto_after=r"refund|return|review|approval|" + OTHER_OBJECT,
        # German "10 Stück" folds to "stuck": a number or an article right before it is a quantity
        veto_before=r"refund|return|review|approval|\b(?:\d+|ein|zwei|drei|vier|funf|zehn|pro|je|das|per)\s*$",
    ),
    cue(
        "still processing",
        1.5,
        r"\b(?:still|been|says|shows|showing|(?:stuck|sitting|sat)\s+(?:on|in|at)|is|it's|status\s+is)\s+"
        r"(?:\w+\s+){0,2}?[\"'“”‘’«»]?(?:processing|in\s+process|being\s+processed|preparing|in\s+preparation)\b",
    ),
    cue(
        "no record of the order",
        2.0,
        r"\b(?:no|any)\s+record\s+of\b"
        r"|\b(?:can't|cannot|can\s+not|couldn't|unable\s+to|don't|do\s+not|doesn't"
        r"|does\s+not)\s+(?:\w+\s+){0,2}?"
        r"(?:find|see|locate|show|have)\s+(?:my|the|this|an?|any)\s+(?:\w+\s+)?(?:order|purchase)"
        r"|\border\b"
        + CLAUSE
        + r"{0,30}?\b(?:disappeared|vanished)\b|\border\s+(?:has\s+)?(?:is\s+gone|isn't\s+showing"
        r"|is\s+not\s+showing|not\s+showing"
        r"|doesn't\s+show|does\s+not\s+show|not\s+appearing|doesn't\s+appear|does\s+not\s+appear)"
        r"|\bno\s+(?:order|purchase)\s+(?:found|on\s+file|under|with)\b"
        r"|\bsays?\s+(?:there\s+is\s+)?no\s+order|\bno\s+such\s+order\b|\border\s+(?:does\s+not"
        r"|doesn't)\s+exist\b"
        # "it's not showing up when I look at my orders", "I go to my orders and there is nothing there"
        r"|\b(?:isn't|is\s+not|not|no\s+longer)\s+(?:showing|appearing|visible|listed)(?:\s+up)?\s+(?:in|on|under"
        r"|when|anywhere)\b"
        r"|\b(?:my\s+orders|order\s+history|your\s+orders|my\s+account)\b"
        + CLAUSE
        + r"{0,40}?\b(?:nothing|empty"
        r"|not\s+there|isn't\s+there|no\s+order)\b"
        r"|\bnowhere\s+(?:to\s+be\s+(?:seen|found)\s+)?in\s+my\s+(?:order\s+history|orders|account)\b",
    ),
    cue(
        "tracking",
        1.5,
        r"\btrack\w*|\btrakc\w*|\btraking\b",
        veto_after=r"refund|return|" + OTHER_OBJECT,
        veto_before=r"refund|return",
        role=CARRIER_REPORT,
    ),
    cue(
        "order status",
        1.5,
        r"\b(?:status|state|progress|whereabouts)\s+(?:of|on)\s+(?:my|the|our|this|an?)?\s*(?:\w+\s+)?"
        + _NOUNS
        + r"\b|\b(?:order|delivery|shipping|shipment|package|parcel)\s+status\b"
        r"|\bupdates?\s+(?:on|about|regarding|for)\s+(?:my|the|our|this)\s+(?:\w+\s+)?" + _NOUNS + r"\b"
        r"|\b(?:order|delivery|package)\s+eta\b|\b(?:my|the)\s+eta\b|\beta\s+(?:of|for|on)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "any update",
        1.0,
        r"\b(?:any|an)\s+(?:news|update|updates|information|info|joy|luck|progress|movement)\b|\bstatus\s+update\b",
        veto_after=OTHER_OBJECT,
        veto_before=THANKED,
    ),
    cue(
        "when will it arrive",
        1.8,
        r"\bwhen\b"
        + CLAUSE
        + r"{0,45}?\b(?:arriv\w*|ariv\w*|be\s+delivered|delivered|get\s+here|show\s+up|reach\s+me"
        r"|(?:i|we)\s+(?:\w+\s+)?(?:receive|recieve|get\s+(?:it|my|the|them)|expect)|come|be\s+here)\b",
        veto_after=OTHER_OBJECT,
        veto_before=REFUND_OBJECT,
    ),
    cue(
        "how long until it arrives",
        1.5,
        r"\bhow\s+(?:soon|long)\b"
        + CLAUSE
        + r"{0,50}?\b(?:arriv\w*|deliver\w*|take|takes|expect|get\s+(?:it|here)"
        r"|receive|come)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "delivery date",
        1.5,
        r"\bexpect(?:ed)?\s+(?:the\s+|my\s+|our\s+)?(?:delivery|item|items|order|package|parcel|arrival"
        r"|shipment)\b"
        r"|\b(?:delivery|arrival|shipping|d[ei]spatch)\s+(?:period|periods|time|times|date|estimate|window)\b"
        r"|\bestimated\s+(?:delivery|arrival)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "heard nothing",
        1.5,
        r"\b(?:haven't|have\s+not|hasn't|has\s+not|not|never)\s+heard\s+(?:anything|back|a\s+thing|from"
        r"|a\s+word|a\s+peep|a\s+squeak|squat)"
        r"|\bno\s+(?:news|word|updates?|shipping\s+(?:confirmation|notification|email)|confirmation"
        r"|notification)\b"
        r"|\bnothing\s+(?:since|from\s+you)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "payment pending",
        1.8,
        r"\bpayment\b"
        + CLAUSE
        + r"{0,30}?\b(?:pending|verif\w*|processing|on\s+hold|not\s+(?:yet\s+)?(?:confirmed|processed"
        r"|gone\s+through|complete))"
        r"|\bverif\w*\s+(?:\w+\s+){0,2}?payment\b|\bpayment\s+revision\b"
        r"|\b(?:charged|paid|debited|money\s+(?:was\s+|has\s+been\s+)?taken)\b"
        + CLAUSE
        + r"{0,60}?\b(?:no|not|but|still|nothing)\b"
        + CLAUSE
        + r"{0,40}?\b(?:order|ship\w*|arriv\w*|record|confirm\w*)",
    ),
    cue(
        "late",
        1.2,
        r"\b(?:late|overdue|delayed|delay|delays)\b|\bwas\s+due\b|\bdue\s+(?:on|by|yesterday|last)\b"
        r"|\btak(?:ing|es?)\s+(?:so|this|that)\s+long\b"
        r"|\b(?:should|was\s+supposed\s+to|were\s+supposed\s+to|expected\s+to|due\s+to)\s+(?:have\s+)?"
        r"(?:arriv\w*|be\s+(?:here|delivered)|come|been\s+delivered|been\s+here)",
        veto_after=r"refund|" + OTHER_OBJECT,
    ),
    cue(
        "marked delivered, not here",
        2.0,
        r"\b(?:says|shows?|marked|stated|listed|showing|status\s+is)\s+(?:as\s+|it\s+(?:was|is"
        r"|has\s+been)\s+)?delivered\b",
        veto_after=TO_THE_SELLER,
        role=CARRIER_REPORT,
    ),
    cue(
        "lost in transit",
        1.5,
        r"\b(?:lost|missing)\s+(?:in\s+(?:the\s+)?(?:post|mail|transit))\b"
        r"|\b(?:order|package|parcel|shipment|delivery)\s+(?:is\s+|was\s+|went\s+|seems\s+"
        r"|has\s+gone\s+)?(?:missing|lost)\b"
        r"|\b(?:is|was|has|did)\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:been\s+|got\s+|get\s+)?lost\b"
        r"|\bgot\s+lost\b",
        veto_after=r"(?:missing|lost)\s+(?:a|an|one|two|some|the|parts?|pieces?|screws?|accessor)\b",
    ),
    cue(
        "not moving",
        1.2,
        r"\b(?:hasn't|has\s+not|hasnt|haven't|have\s+not|not|didn't|never)\s+(?:\w+\s+)?(?:moved|changed"
        r"|updated|been\s+updated)\b"
        r"|\bno\s+(?:movement|progress|change|scans?|tracking\s+updates?)\b|\bnot\s+moving\b"
        r"|\bsitting\s+(?:in|at|on)\b",
    ),
    cue("returned to sender", 2.0, r"\breturn(?:ed|ing)?\s+to\s+(?:the\s+)?sender\b"),
    cue(
        "coming separately?",
        2.0,
        r"\b(?:coming|come|sent|shipped|shipping|arriving|dispatched|delivered)\s+(?:\w+\s+)?separately\b"
        r"|\bseparate\s+(?:package|parcel|box|delivery|shipment)\b|\b(?:was|were|got)\s+left\s+out\b",
        role=PART_MISSING,
    ),
)

AGAINST: tuple[Cue, ...] = (
    cue(
        "return",
        -2.0,
        r"\breturn(?:s|ed|ing)?\b|\bsend\s+(?:it|them|this|the\s+\w+)?\s*back\b|\brma\b|\bexchange\b"
        r"|\b(?:post|ship|mail|send|posted|shipped|mailed|sent)\s+(?:it|them|this|that|the)\s+(?:\w+\s+){0,2}?back\b"
        r"|\bswap\s+(?:it|them|this)\b"
        r"|\breplacement\b",
        veto_after=r"^return(?:ed|ing)?\s+to\s+(?:the\s+)?sender",
    ),
    cue("refund", -0.8, r"\brefund\w*|\bmoney\s+back\b|\breimburs\w*|\bchargeback\b"),
    cue(
        "refund question",
        -2.0,
        r"\bwhere(?:'s|\s+is)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:refund|money)\b"
        r"|\bwhen\b" + CLAUSE + r"{0,40}?\b(?:refund\w*|money\s+back|reimburs\w*)"
        # "haven't been refunded", "still no refund" (but not "I don't want a refund, I want the item")
        r"|\b(?:not|never|n't|still\s+no|no|yet\s+to)\s+(?:yet\s+)?(?:been\s+|got(?:ten)?\s+|received\s+|seen\s+"
        r"|had\s+)?(?:my\s+|a\s+|the\s+|any\s+)?(?:refund(?:ed)?|reimbursed|money\s+back)\b",
    ),
    cue(
        "sent it back",
        -1.0,
        r"\b(?:i|we)\s+(?:have\s+|already\s+|just\s+)?(?:sent|shipped|posted|mailed|brought|took|dropped)\s+"
        r"(?:\w+\s+){0,3}?(?:back|off)\b|\b(?:i|we)\s+(?:have\s+|already\s+)?returned\s+(?:it|them|the|my)\b"
        r"|\breturn\s+(?:parcel|package|shipment|tracking)\b",
        role=RETURN_SENT,
    ),
    cue(
        "cancellation",
        -1.2,
        r"\bcancel(?:lation|ling|ing)?\b|\b(?:want|like|have|get)\s+(?:it|this|them|the\s+order"
        r"|my\s+order)\s+cancel+ed\b",
        # "if it isn't here by Friday I'll cancel" is a threat, not the request; "did you cancel it?" asks
        veto_before=CONDITIONAL + r"|\bdid\s+(?:you|they|amazon|someone|somebody|the\s+seller)\s*$",
        role=CHANGE_REQUEST,
    ),
    cue(
        "item change",
        -1.8,
        r"\b(?:swap|switch|change|exchange)\s+(?:it|them|this|that|the|my)\b"
        + CLAUSE
        + r"{0,30}?\b(?:for|to|into)\s+"
        r"(?:a|an|the)\b"
        r"|\b(?:change|switch)\s+(?:the\s+|my\s+)?(?:colou?r|size|model|variant|style)\b"
        r"|\b(?:rather|instead)\s+have\s+(?:the|a|an)\b|\b(?:get|have|send)\s+(?:me\s+)?the\s+\w+\s+(?:one\s+)?instead\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "change of mind",
        -1.5,
        r"\bchanged?\s+my\s+mind\b|\bby\s+mistake\b|\bmistakenly\b|\baccidentally\b|\bno\s+longer\s+(?:need"
        r"|want)"
        r"|\bdon't\s+(?:need|want)\s+(?:it|this|them)\b|\bfound\s+(?:it\s+)?cheaper\b"
        r"|\bordered\s+(?:the\s+)?wrong\b",
        role=CHANGE_REQUEST,
    ),
    cue("invoice", -2.0, r"\binvoice\w*|\breceipt\b|\bvat\b|\btax\s+(?:document|invoice)|\bbilling\b"),
    cue(
        "address change",
        -1.8,
        r"\b(?:chang|updat|correct|modif|edit|amend|set\s+up|add|fix)\w*\s+(?:my|the|our|a|an)?\s*(?:\w+\s+)?"
        r"(?:shipping\s+|delivery\s+|postal\s+|new\s+)?(?:address|adress|addres|addrses|adres)\b|\bnew\s+(?:shipping\s+"
        r"|delivery\s+)?address\b"
        r"|\b(?:old|wrong|incorrect|previous|outdated)\s+(?:shipping\s+|delivery\s+|postal\s+|home\s+)?address\b"
        r"|\baddress\b" + CLAUSE + r"{0,30}?\b(?:wrong|incorrect|mistake|typo|outdated)\b"
        r"|\b(?:deliver|send|ship|redirect)\s+it\s+to\s+my\s+(?:work|office|neighbou?r|parents)\b",
        # a carrier calling it "incorrect address" while the buyer says it is right reports a problem
        veto_after=r"\baddress\s+is\s+(?:\w+\s+)?(?:right|correct|fine|ok)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "name change",
        -1.8,
        r"\bname\s+on\s+the\s+(?:order|parcel|package|label|delivery)\b"
        r"|\b(?:update|change|correct|add)\s+(?:the\s+|my\s+|a\s+)?(?:phone|telephone|mobile|contact)\s+(?:number|details)\b"
        r"|\b(?:change|amend|update|correct)\s+the\s+(?:recipient'?s?\s+|delivery\s+)?name\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "change delivery date",
        -1.5,
        r"\b(?:change|reschedule|modify|move|postpone)\s+(?:the\s+|my\s+)?(?:delivery|shipping)\s+(?:date"
        r"|day|time|slot)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "product question",
        -1.5,
        r"\bcompatib\w*|\bdoes\s+(?:it|this|the\s+\w+)\s+(?:fit|work\s+with|come\s+with|include|have"
        r"|support)\b"
        r"|\bwhat\s+size\b|\bdimensions?\b|\bin\s+stock\b|\bavailable\s+in\b|\bwhich\s+(?:size|colou?r|model"
        r"|version)\b"
        r"|\bhow\s+(?:do|to|does)\s+(?:i\s+)?(?:use|install|assemble|set\s+up|charge|clean|connect|pair)\b"
        r"|\bmanual\b|\binstructions?\b|\bwarranty\b"
        r"|\bhow\s+(?:do\s+(?:i|you)|to|should\s+i|can\s+i)\s+(?:\w+\s+)?(?:clean|wash|care\s+for|store"
        r"|maintain|season|descale|reproof|iron|dry|fold|fit|mount|adjust|replace\s+the)\b"
        r"|\b(?:dishwasher|microwave|oven|machine|hand)[\s-](?:safe|washable|wash)\b|\bmachine\s+washable\b"
        r"|\bwhich\s+\w+\s+(?:do|would)\s+you\s+recommend\b|\b(?:can|could)\s+i\s+(?:get|buy|order)\s+(?:the\s+same"
        r"|another|one\s+more|a\s+second)\b|\bin\s+(?:white|black|red|blue|green|gr[ae]y|pink|yellow|another\s+colou?r"
        r"|a\s+different\s+colou?r|other\s+colou?rs)\b|\b(?:does|do)\s+(?:it|this|they)\s+take\b"
        r"|\binduction\b",
    ),
    cue(
        "before buying",
        -2.5,
        r"\bbefore\s+(?:i|we)\s+(?:order|buy|purchase|place)\b|\bif\s+i\s+(?:order|buy|purchase)\b"
        r"|\bthinking\s+(?:of|about)\s+(?:buying|ordering|purchasing)\b|\bplanning\s+to\s+(?:buy|order"
        r"|purchase)\b"
        r"|\bdo\s+you\s+(?:ship|deliver)\s+(?:to|internationally|outside|abroad)\b|\bcan\s+you\s+(?:ship"
        r"|deliver)\s+to\b"
        r"|\b(?:would\s+like|want|wanted|like)\s+to\s+(?:buy|order|purchase)\b|\binterested\s+in\s+(?:buying"
        r"|ordering)\b"
        r"|\bdo\s+you\s+(?:offer|have|sell)\b|\bhow\s+(?:can|do)\s+i\s+(?:buy|order|purchase"
        r"|make\s+an?\s+order|place)\b"
        r"|\b(?:buy|purchase)\s+(?:an?\s+|some\s+|several\s+)?(?:of\s+your\s+)?items?\b",
        unless_negated=True,  # "I don't want to order twice" is about an order they have
    ),
    cue(
        "delivery options",
        -1.5,
        r"\b(?:delivery|shipping)\s+(?:options?|methods?|choices|costs?|fees?|rates?|charges?)\b"
        r"|\boptions?\s+for\s+(?:delivery|shipping)\b",
    ),
    cue(
        "product defect",
        -1.5,
        r"\b(?:broken|damaged|defective|faulty|cracked|scratched|dented|torn|leaking|leaked|doesn't\s+work"
        r"|does\s+not\s+work|not\s+working|stopped\s+working|won't\s+turn\s+on|doesn't\s+turn\s+on"
        r"|dead\s+on\s+arrival"
        r"|malfunction\w*|smashed|shattered|chipped|crushed|soaked|snapped|bent|ripped|stained|cracks?"
        r"|leaks?)\b|\bwrong\s+(?:item|size|colou?r|product|model|part|one)\b"
        r"|\b(?:sent|received|got|delivered)\s+(?:me\s+|us\s+)?(?:\w+\s+){0,5}?instead\s+of\b"
        r"|\binstead\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:one\s+)?(?:i|we)\s+ordered\b"
        r"|\b(?:too\s+(?:small|big|large|short|long|tight)|doesn't\s+fit|does\s+not\s+fit)\b"
        r"|\b(?:aren't|are\s+not|isn't|is\s+not|not)\s+(?:the\s+)?(?:ones?|items?|product)\s+(?:i|we)\s+(?:wanted|ordered"
        r"|chose)\b"
        r"|\bmissing\s+(?:parts?|pieces?|screws?|accessor\w*)\b|\b(?:poor|bad|terrible|cheap"
        r"|low)\s+quality\b",
        veto_before=r"track\w*|\blink\b|\bnumber\b|\bcode\b|\bwebsite\b|\bpage\b",
    ),
    cue(
        "received it",
        -1.5,
        r"\b(?:have|has|just|finally|today|yesterday|already|it|they|package|parcel|order|which|that)\s+(?:\w+\s+)?"
        r"(?:received|arrived|came|got\s+(?:it|my|the)|got\s+here|turned\s+up|showed\s+up)\b"
        r"|\breceived\s+(?:it|my\s+\w+|the\s+\w+|everything)\b|\b(?:got|received)\s+(?:my|the)\s+(?:order"
        r"|package|parcel|box|delivery)\b",
        unless_negated=True,
        veto_after=MESSAGE_OBJECT + "|" + IN_TRANSIT + "|" + NOTHING + "|" + PARTIAL_EN,
        # ... nor a status label quoted from Amazon's page ("still showing 'Order received'")
        veto_before=HYPOTHETICAL
        + "|"
        + RECEIVED_INFO_BEFORE
        + r"|\bonly\b|\b(?:says|said|shows|showing|status|reads)\b\W{0,3}$|['\"“‘«]\s*$",
        role=RECEIVED,
    ),
    cue(
        "account",
        -1.5,
        r"\b(?:create|delete|close|open|edit|switch|change|recover|reset|set\s+up"
        r"|register)\s+(?:\w+\s+)?(?:account|password|profile)"
        r"|\bpassword\b|\blog\s*-?in\b|\bsign\s*(?:in|up)\b|\bregistration\b|\bnewsletter\b|\bunsubscribe\b",
    ),
    cue(
        "change the order",
        -1.2,
        r"\b(?:chang|modif|amend|edit)\w*\s+(?:my|the|an?|this)\s+(?:\w+\s+)?orders?\b"
        r"|\bforg[oe]t\w*\s+to\s+(?:include|add|order)\b"
        r"|\b(?:add|remove)\b" + CLAUSE + r"{0,30}?\b(?:to|from)\s+(?:my|the|an?|this)\s+(?:\w+\s+)?order\b"
        r"|\b(?:add|remove)\s+(?:an?|some|several|one|the|this|something)\s*(?:\w+\s+)?(?:items?)?\b(?=\s|$"
        r"|[.?!])",
        role=CHANGE_REQUEST,
    ),
    cue(
        "payment method",
        -1.2,
        r"\bpayment\s+(?:methods?|options?)\b|\bcan\s+i\s+pay\s+(?:with|by|via)\b"
        r"|\b(?:can't|cannot|can\s+not|unable\s+to|don't\s+want\s+to|do\s+not\s+want\s+to)\s+pay\b",
        # "Amazon is verifying my payment method" is a pending order, not a question about how to pay
        veto_before=r"verif|confirm|updat|declin|revis|problem|issue|fail",
    ),
    cue(
        "feedback",
        -1.0,
        r"\breview\b|\bfeedback\b|\brating\b|\bgreat\s+product\b|\blove[ds]?\s+it\b|\bworks\s+(?:great"
        r"|perfectly)\b",
    ),
    cue("thanks", -0.3, r"\bthanks?\b|\bthank\s+you\b"),
    cue(
        "all good, just letting you know",
        -2.5,
        r"\b(?:all\s+good|all\s+fine|no\s+worries|(?:just\s+)?a\s+heads[\s-]up|not\s+your\s+fault"
        r"|just\s+(?:fyi|so\s+you\s+know|letting\s+you\s+know"
        r"|to\s+let\s+you\s+know)|problem\s+solved|(?:it|all)\s+(?:is|'s)\s+(?:fine|sorted|resolved))\b"
        + NOT_A_QUESTION,
    ),
    cue(
        "contact a person",
        -0.5,
        r"\b(?:speak|talk|chat)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:human|person|agent|someone|representative)"
        r"|\bcustomer\s+(?:service|support)\s+(?:number|phone|hours)\b",
    ),
    cue(
        "product details",
        -1.5,
        r"\bbatter(?:y|ies)\b|\bbpa\b|\b(?:made\s+of|what\s+material)\b|\bis\s+(?:it|this|that)\s+\w+[\s-]free\b"
        r"|\b(?:thickness|width|height|length|weight|diameter|capacity|wattage|voltage)\b|\bquality\b"
        r"|\bdisappoint\w*|\bwobbl\w*|\bdiscolou?r\w*|\bgap\b|\bdoesn't\s+(?:sit|close|seal|stay|lock)\b"
        r"|\bnormal\s+for\s+(?:this|the|a)\s+(?:model|product|item|type)\b|\bsend\s+(?:me\s+)?(?:a\s+|some\s+)?(?:photos?"
        r"|pictures?)\b|\bstars?\b|\bsoaking\b",
    ),
    cue(
        "other purchase or pick-up",
        -1.5,
        r"\b(?:discount|coupon|bulk\s+price|wholesale)\b|\bpick\s+(?:it\s+|them\s+)?up\s+(?:in\s+person|myself"
        r"|from\s+your)\b|\bin\s+person\b|\bdo\s+you\s+(?:also\s+)?(?:stock|carry|make)\b"
        r"|\bnothing\s+(?:is\s+)?missing\b|\beverything\s+(?:is\s+)?(?:there|intact)\b",
    ),
)
