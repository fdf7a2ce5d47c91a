"""English phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fourteen|a few|a couple(?: of)?|couple of|few|several|one or two|two or three|"
    r"twenty-four|forty-eight|seventy-two)"
)
_UNIT = (
    r"(?:(?:business|working|calendar|more)\s+)?"
    r"(?:hours?|hrs?|h|days?|weeks?|fortnights?|months?|minutes?|mins?)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_NOT_AGO = r"(?!\s*(?:ago|back|earlier))"

LEXICON = Lexicon(
    language="en",
    future_time=(
        r"\b(?:the )?(?:next|following) day\b|\bnext-day\b|\bby (?:lunch(?:time)?|close of play|"
        r"this evening|"
        r"the afternoon|teatime)\b",
        rf"\b(?:shouldn't|should not|won't|will not|doesn't|does not|never)\s+(?:take|"
        rf"last)\s+(?:any\s+)?(?:more|longer)"
        rf"\s+than\s+{_NUM}\s*{_UNIT}\b",
        r"\btomorrow\b",
        r"\btmrw?\b",
        rf"\b(?:next|this coming|coming)\s+(?:week|weekend|month|{_DAY}|business day|working day)\b",
        r"\b(?:end|close)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:business\s+)?(?:day|week|month)\b",
        r"\beo[dw]\b",
        rf"\b(?:by|before|until|till|no later than|not later than|latest by|on or before)\s+(?:the\s+)?"
        rf"(?:end\b|next\b|this\b|tomorrow|tonight|{_DAY}\b|\d{{1,2}}(?:st|nd|rd|th)?\b|{_MONTH}\b|noon|"
        rf"midday|midnight|\d{{1,2}}(?::\d\d)?\s*(?:am|pm)\b|weekend|christmas|easter|the weekend)",
        r"\bat the (?:very )?latest\b",
        rf"\b{_NUM}\s*{_UNIT}\s+from (?:now|today)\b",
        r"\bin a day or (?:two|so)\b",
        r"\bwithin (?:a|one) day or (?:two|so)\b",
        r"\b(?:same|next)[- ]day (?:delivery|shipping|dispatch)\b",
        r"\bany day now\b",
        r"\bfirst thing (?:tomorrow|in the morning|on \w+day|\w+day)\b",
        r"\bovernight\b",
        r"\b(?:at the |by the |in the )?(?:start|beginning|middle|end) of (?:the |this |next |the next )?"
        r"(?:week|month)\b|\bmid-?(?:week|month)\b|\bearly next\b|\blater this (?:week|month)\b",
        r"\bin time for\b|\bthis side of (?:the weekend|the holidays|christmas|\w+day)\b",
        r"\b(?:in )?a matter of (?:hours|days|minutes)\b",
        r"\bto+m+or+o+w*\b|\btmr\b|\btomoz\b",
        r"\b(?:in )?an?\s+(?:week|fortnight|month)'s time\b|\b(?:a|one|two) (?:week|"
        r"fortnight)s? from (?:now|today)\b|"
        r"\bwithin the (?:week|month|day)\b|\bby (?:the )?(?:week|month)(?:'s)? end\b",
        r"\b(?:allow|reckon on|count on|plan for|give it|expect)\s+(?:about\s+|around\s+|roughly\s+|"
        r"another\s+)?"
        rf"{_NUM}\s*{_UNIT}\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
        r"\bat\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)?(?=\s*[.!?,;]|\s*$|\s+(?:am|pm|today|tomorrow|"
        r"tonight))",
        rf"\b(?:\d+|one|two|three|four|five|a few|a couple of)\s*(?:business |working )?(?:days?|hours?|"
        rf"hrs|weeks?)\b{_NOT_AGO}",
        r"\b(?:before|by|until|for|over|on)\s+(?:christmas|xmas|easter|new year|black friday|the holidays|"
        r"(?:mother|father|valentine)'?s'? day|prime day|thanksgiving|halloween|the bank holiday|"
        r"the long weekend|"
        r"(?:his|her|their|your) birthday|the party)\b",
        rf"\b(?:within|in|inside(?: of)?|under|in under|in the space of|in less than|less than|"
        rf"no more than|not more than|at most|"
        rf"max(?:imum)?(?: of)?|over the next|in the next|during the next|in the coming|within the next|"
        rf"up to|after|around|about|approximately|"
        rf"roughly)\s+(?:the\s+)?(?:next\s+)?{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        rf"\b(?:in|within|over|during)\s+the\s+(?:next|coming)\s+(?:few\s+|couple of\s+)?{_UNIT}\b",
        rf"\b\d+\s*(?:-|–|to)\s*\d+\s*{_UNIT}\b{_NOT_AGO}",
        rf"\b(?:12|24|36|48|72)\s*(?:h|hrs?|hours?)\b{_NOT_AGO}",
        rf"\b(?:one|two|three|four|five|a few|a couple of|\d+)\s+(?:business|working)\s+days?\b{_NOT_AGO}",
        r"\btoday\b",
        r"\btonight\b",
        r"\bthis\s+(?:week|weekend|morning|afternoon|evening|month)\b",
        rf"\b(?:on\s+)?{_DAY}s?\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
        rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
        r"\b(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)\b",
        r"\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\b\d{4}-\d{2}-\d{2}\b",
    ),
    ship=(
        r"\b(?:next|tomorrow's|today's|this afternoon's|the next)\s+(?:van|collection|pick-?up|run|post|"
        r"courier)\b|"
        r"\bbooked (?:in|on)\b",
        r"\blands?\b|\blanding\b|\bon your doormat\b|\bin your letterbox\b|\bthrough your letterbox\b",
        r"\bto your (?:door|doorstep)\b",
        r"\bship+(?:s|ed|ing|ment)?\b",
        r"\b(?:dispatch|despatch|dispach)(?:es|ed|ing)?\b",
        r"\bsen[dt]s?\b|\bsending\b",
        r"\bmail(?:ed)? (?:it|them|out)\b",
        r"\bdeliver(?:s|ed|y|ies|ing)?\b",
        r"\barriv(?:e|es|ed|al|ing)\b",
        r"\bon (?:its|their|the) way\b",
        r"\bout the door\b",
        r"\b(?:go(?:es|ing)?|sent|head(?:s|ing)?) out\b|\bheading your way\b",
        r"\bget (?:it|this|them|that|everything)\s+(?:over |out |across )?to you\b|\bsend (?:it|"
        r"this) over\b|"
        r"\bget (?:it|them|your (?:order|package|parcel|item)) to you\b|\bhave (?:it|them) with you\b",
        r"\bleav(?:e|es|ing) (?:our|the) (?:warehouse|facility|fulfil+ment)",
        r"\bbe (?:with you|there|at your door|in your hands)\b",
        r"\breach(?:es)? you\b",
        r"\bin (?:your|the) mailbox\b|\bin the post\b|\b(?:on|at) your doorstep\b|\bin your hands\b",
        r"\bexpect (?:it|them|your (?:order|package|parcel|item|delivery))\b|\bexpect (?:your|the) [\w-]+\b",
        r"\bhand(?:ed)? (?:it |them )?(?:over )?to (?:the )?(?:carrier|courier)\b",
        r"\beta\b|\b(?:lead|handling|processing|turnaround|dispatch|delivery|shipping) times?\b",
        r"\bin transit\b",
        r"\bleav(?:e|es|ing) us\b|\bon the road\b|\bon its journey\b",
    ),
    receive=(
        r"\byou(?:'ll| will)\s+(?:be\s+)?(?:unpacking|unboxing|using|enjoying|holding|wearing|opening)\b",
        r"\byou(?:'ll| will| should| shall| can expect to| are going to)?\s+(?:receive|get|have)\s+"
        r"(?!(?:an?\s+|our\s+|a\s+quick\s+|further\s+)?(?:answer|reply|response|update|message|news|email|"
        r"word|call|notification|confirmation)\b)"
        r"(?!(?:an?\s+)?(?:\w+\s+)?(?:trip|day|time|weekend|holiday|evening|week|journey|vacation|"
        r"questions?)\b)",
        r"\b(?:having|receiving|getting)\s+(?:it|them|your\s+\w+)\b",
        r"\b(?:receive|get)\s+(?:it|them|your (?:order|package|parcel|item))\b",
    ),
    completion=(
        r"\bwrapped up\b|\bsigned off\b|\bthrough\b",
        r"\b(?:verified|completed?|clear(?:ed)?|released?|resolved?|processed|approved|confirmed|updated|"
        r"lifted|fixed|sorted(?: out)?|finali[sz]ed|ready|done|finished|available)\b",
        r"\b(?:completes|clears|resolves|finishes|updates|changes?|moves?|releases|process|verify|approve|"
        r"lifts?)\b",
        r"\b(?:take|takes|last|lasts|exceed|exceeds)\b",
    ),
    future=(
        r"\b(?:(?:we're|we are|i'm|i am) (?:confident|sure|certain))\b|"
        r"\b(?:will|shall|going to|gonna|should|expected? to|guarantee[ds]?|promise[ds]?|definitely|"
        r"certainly|for sure|sure to|bound to|assured?|can expect|expect|(?:is|are) due to|scheduled)\b|"
        r"'ll\b"
    ),
    subject=(
        r"\b(?:order|parcel|package|item|shipment|delivery|hold|status|payment|verification|check|tracking|"
        r"dispatch)s?\b"
    ),
    hedge=r"\b(?:can|could|may|might|sometimes|occasionally|in some cases|in rare cases)\b",
    past=(
        r"\b(?:was|were|had|yesterday|ago|already|earlier|last (?:week|night|month|\w+day))\b"
        r"|\b(?:has|have)\s+(?:already\s+)?(?:been|shipped|left|arrived|gone|dispatched|sent)\b"
        r"|(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bgets )(?<!\bis )(?<!\bare )"
        r"\b(?:shipped|dispatched|delivered|arrived|sent|left|went out|handed)\b"
    ),
    promise_words=(
        r"\b(?:i|we)\s+(?:can\s+)?(?:promise|guarantee|assure you)\b|\bguaranteed\b|"
        r"\b(?:at the (?:very )?)?latest\b|"
        r"\bpromise[ds]?\b|\bno question\b|\bwithout fail\b"
    ),
    promise_negation=(
        r"\b(?:can(?:not|'t)|can not|unable to|not able to|won't|will not|don't|do not|"
        r"are not in a position to)"
        r"\s+(?:\w+\s+){0,3}?(?:promise|guarantee|predict|say|tell|know|confirm|give|estimate|commit|speed)",
        r"\bno (?:exact |firm |specific |fixed |reliable )?(?:date|timeline|time ?frame|eta|estimate)\b",
        r"\bnot (?:possible|able) to (?:say|predict|give|tell|know)\b",
        r"\bwithout (?:a|any) (?:date|promise|guarantee)\b",
    ),
    reply_words=r"\b(?:answer|reply|respond|response|get back to you|hear from us|update you|message)\b",
    conditional_start=r"(?:if|unless|in case|should (?:it|your|the|you)|in the event)\b",
    conditional_inline=r"\b(?:if|unless|in case|in the event that)\b",
    negation=(
        r"\b(?:not|no|never|nothing|none|neither|nor|cannot|can't|isn't|wasn't|aren't|don't|won't)\b|n't\b"
    ),
    blame=(
        r"\bwe let (?:this|it|that|things|your order) slip\b",
        r"\b(?:we|i)(?:'re| are|'ve been| have been| were| was)\s+(?:\w+\s+)?(?:short-staffed|understaffed|"
        r"short of staff|"
        r"overwhelmed|swamped|snowed under|behind)\b",
        r"\b(?:our|my)\s+(?:own\s+)?(?:fault|mistake|error|oversight|bad|blunder|negligence)\b",
        r"\b(?:mistake|error|oversight|fault|delay|slip|problem)\s+on\s+our\s+(?:part|side|end)\b",
        r"\b(?:we|i)\s*(?:are|am|'re|'m)\s+(?:entirely\s+|fully\s+|completely\s+)?(?:to blame|at fault|"
        r"responsible for (?:the|this|your)|the ones responsible)\b",
        r"\b(?:we|i)\s+(?:take|accept|bear)\s+(?:full\s+|complete\s+|the\s+|all\s+)*(?:responsibility|"
        r"blame)\b",
        r"\b(?:caused|created)\s+by\s+(?:us|our (?:team|warehouse|system|staff|side))\b",
        r"\b(?:we|i)\s+(?:have\s+|'ve\s+)?forgot(?:ten)?\b(?!\s+to\s+(?:mention|say|tell|add|attach|ask|"
        r"include|"
        r"reply|answer|write))",
        r"\b(?:we|i)\s+(?:have\s+|'ve\s+)?(?:caused|delayed|held up|failed to|messed up|dropped the ball|"
        r"made (?:an|a) (?:error|mistake)|were slow|were late|mishandled|overlooked|neglected)\b",
        r"\bour\s+(?:warehouse|team|staff|system|store|shop|packing team|fulfil+ment team)(?:'s)?\s+"
        r"(?:mistake|error|fault|failure|delay|oversight|forgot|failed|made|delayed|caused|held|slowed|"
        r"glitch|"
        r"bug|outage|issue|problem|crash)\b",
        r"\bdue to (?:an? )?(?:error|mistake|problem|issue|oversight|delay)\s+(?:on our (?:part|side|end)|"
        r"by us|in our (?:warehouse|system))\b",
        r"\b(?:sorry|apologi[sz]e)\s+for\s+(?:our|my)\s+(?:mistake|error|delay|oversight)\b",
        r"\bour (?:own )?(?:shipping |processing |handling )?delay\b",
        r"\bthe (?:delay|problem|issue|hold-up) (?:is|was) (?:entirely |completely |all )?(?:on us|"
        r"our fault|our doing)\b",
        r"\b(?:that|this|it)(?: one)?(?:'s| is| was)(?: \w+)? on (?:us|me)\b(?!\s+to\b)|"
        r"\bwe dropped the ball\b|"
        r"\bour (?:own )?doing\b",
        r"\b(?:due to|because of|result of|caused by|owing to|down to|stems? from|comes? from|there (?:was|"
        r"were|"
        r"has been))\s+(?:an?\s+|the\s+|some\s+)?(?:\w+\s+)?(?:error|mistake|problem|issue|oversight|"
        r"glitch|"
        r"fault|mix-up|bug|slip|failure)s?\b[^.!?\n]{0,25}\b(?:in|at|with|from|of|by|"
        r"on)\s+our\s+(?:own\s+)?"
        r"(?:warehouse|system|team|staff|side|end|part|shop|store|software|stock|inventory|office|packing|"
        r"dispatch|logistics)",
        r"\b(?:we|i)\b[^.!?\n]{0,40}\bshould(?:'ve| have)\s+(?:\w+\s+)?(?:chased|noticed|checked|flagged|"
        r"caught|spotted|acted|processed|shipped|sent|dispatched|contacted|told|informed|followed|looked)\b",
        r"\bwe\s+(?:\w+\s+)?(?:mislabel+ed|mixed up|misplaced|lost|mispacked|sent the wrong|"
        r"shipped the wrong|"
        r"entered the wrong|got (?:it|this) wrong)\b",
        r"\b(?:error|mistake|fault|problem|issue|oversight)\s+(?:at|from)\s+our\s+(?:end|side)\b",
        r"\bwe should(?:\'ve| have)\s+\w+(?:ed|en|ent|own|ne|ld|ht|ne)\b|\bwe ought to have\b",
        r"\b(?:we|i|our\s+(?:\w+\s+){0,2}?(?:warehouse|team|staff|system|people|guys|department|packers|"
        r"colleagues|courier|side|end)s?)\s+(?:\w+\s+)?(?:messed|screwed|slipped|mucked|stuffed) up\b",
        r"\bwent wrong\s+(?:on|at|in)\s+our\s+(?:end|side|part|warehouse|shop)\b",
        r"\b(?:slipped|fell|got lost)\s+(?:through the (?:cracks|net)|between the cracks)\b|"
        r"\bwe lost track\b",
        r"\b(?:we|i)\b[^.!?\n]{0,60}\b(?:and|which|so)\s+(?:that|this|it)?\s*(?:held up|delayed|"
        r"slowed down|stalled)\b",
        r"\b(?:we|i)(?:'ve| have)?\s+(?:really\s+)?(?:let you down|failed you|fallen short|fell short|"
        r"dropped the ball)\b",
        r"\b(?:we|i)\s+(?:\w+\s+){0,3}?(?:processed|handled|packed|shipped|dealt with)\s+(?:\w+\s+){0,3}?"
        r"(?:late|too late|slowly)\b|\b(?:we|i)(?:'re| are|'ve been| have been)\s+(?:running\s+)?behind\b",
        r"\b(?:we|i)(?:'re| are|'m| am)\s+(?:\w+\s+)?(?:the )?(?:culprits?|guilty)\b",
        r"\b(?:delay|hold-up|wait|problem|issue|this|that|it)(?:'s|\s+is|\s+was)\s+(?:entirely\s+|fully\s+|"
        r"all\s+|"
        r"completely\s+|solely\s+)?(?:our|my)\s+(?:own\s+)?responsibility\b(?!\s+to\b)",
        r"\bmea culpa\b|\b(?:we|i)\b[^.!?\n]{0,40}\b(?:accidentally|mistakenly|inadvertently|by mistake|"
        r"in error)\b",
        r"\b(?:we|i)\s+(?:were|was|have been|'ve been)\s+(?:\w+\s+)?(?:too slow|slow to|late to|careless|"
        r"sloppy|"
        r"negligent)\b",
    ),
    refund=(
        r"\b(?:we|i)\s*(?:'ll|will|shall|'re going to|are going to|am going to|'m going to|can|could|"
        r"'d be happy to|would be happy to|are happy to|'m happy to|have|'ve|just|already|'d like to|"
        r"would like to)"
        r"\s+(?:\w+\s+){0,3}?(?:refund|cancel|reimburse|void|credit you|give you your money back)\w*",
        r"\b(?:we|i)\s+(?:'ll\s+|will\s+)?(?:go ahead and |immediately |now )?(?:refund|cancel|"
        r"reimburse)\s+"
        r"(?:you|it|the order|your order|this order|your payment)\b",
        r"\b(?:we|i)\s*(?:'ll|will|can|have|'ve)?\s+(?:\w+\s+){0,2}?(?:issue|process|arrange|send|initiate|"
        r"organi[sz]e|take care of|handle|sort out|deal with|look after|take over)\s+(?:you\s+)?(?:a|an|the|"
        r"your)\s+(?:full\s+|complete\s+|partial\s+)?(?:refund|cancellation|reimbursement)\b",
        r"\blet (?:me|us) (?:\w+\s+)?(?:cancel|refund)\b",
        r"(?:\b(?:we|i)(?:'re|'m|'d be|'ll be| are| am| would be| will be)?\s+(?:\w+\s+)?|(?:^|"
        r"(?<=[.!?\n-]))\s*)"
        r"(?:happy|glad|pleased|more than willing)\s+to\s+(?:\w+\s+)?(?:cancel|refund|reimburse)\b",
        r"\b(?:we|i)\b[^.!?\n]{0,30}\b(?:reverse|void|credit back|refund)\s+(?:the|your|this|"
        r"that)\s+(?:charge|payment|transaction|"
        r"purchase)\b",
        r"\bcancel+ed (?:it|the order|your order) for you\b",
        r"\b(?:we|i)\s+(?:\w+\s+){0,2}?(?:start|initiate|process|issue|trigger|"
        r"send)\w*\s+(?:\w+\s+){0,2}?(?:refund|reimbursement)\b",
        r"\byou(?:'ll| will| are going to| shall)\s+(?:\w+\s+)?(?:get|receive|be given)\s+(?:a |your |"
        r"the )?"
        r"(?:full |complete |immediate )?(?:refund|money back|reimbursement)\b",
        r"\byou(?:'ll| will)\s+be\s+(?:fully\s+)?(?:refunded|reimbursed|credited)\b",
        r"\b(?:full|complete|immediate|100%) refund\b",
        r"\b(?:refund|cancellation) (?:is|has been|will be) (?:issued|processed|arranged|on its way|"
        r"initiated)\b",
        r"\bconsider (?:it|the order|your order|this)(?: as)? (?:cancel+ed|refunded|done)\b",
        r"\b(?:order|purchase|it)\s+(?:is|has been)\s+(?:now|hereby|officially|successfully)\s+(?:been\s+)?"
        r"(?:cancel+ed|refunded)\b",
        r"\b(?:money|amount|payment|funds|purchase price)\b[^.!?\n]{0,40}\b(?:back on|back to|returned to|"
        r"refunded|credited)\b",
        r"\b(?:get|have|receive|be given)\s+(?:\w+\s+){0,3}?(?:money|penny|pennies|cent|cents|dollar|"
        r"amount|payment|funds|purchase price|it all)\s+back\b",
        r"\b(?:pay|give|send)\s+(?:you|it)\s+(?:all\s+)?back\b|\bmoney[- ]back\b",
        r"\b(?:we|i)(?:'ve| have)\s+(?:\w+\s+){0,2}?(?:refunded|reimbursed|cancel+ed|credited|returned)\b",
    ),
    refund_passive=(
        r"\b(?:your|the|this) (?:order|payment|purchase) (?:will|'ll|is going to) be (?:\w+\s+)?"
        r"(?:cancel+ed|refunded|voided)\b",
    ),
    amazon_agent=r"\bby amazon\b|\bamazon (?:will|'ll|may|automatically|cancels|refunds)\b",
    marketing=(
        r"\b(?:our|the) (?:new |spring |summer |autumn |fall |winter |latest |holiday )?catalog(?:ue)?\b",
        r"\bfollow\s+@\w+|(?<![\w.])@[a-z][\w.]{2,}\b|\bgiveaways?\b|\bhurry\b|\bbefore they(?:'re|"
        r" are)? go(?:ne)?\b|"
        r"\bwhile stocks? last\b",
        r"\bdiscount(?:s|ed)?\b",
        r"\bcoupons?\b",
        r"\bpromo(?:tion(?:al)?)?\s*codes?\b|\bpromo\b|\bpromotions?\b",
        r"\bvouchers?\b",
        r"\b(?:special|exclusive|limited|great|amazing|unbeatable|best)\s+(?:offers?|deals?|prices?)\b",
        r"\blimited[- ]time\b",
        r"\bon sale\b|\b(?:big|summer|winter|spring|flash|clearance|holiday|annual)\s+sale\b",
        r"\b\d+\s*%\s*off\b|\bpercent off\b",
        r"\bbuy one,? get one\b|\bbogo\b",
        r"\bnewsletter\b|\bmailing list\b",
        r"\b(?:code|coupon|voucher)\b[^.!?\n]{0,30}\b\d+\s*%|\b\d+\s*%[^.!?\n]{0,40}\b(?:valid|good)"
        r"\s+(?:on|for|across)\b",
        r"\bsubscribe\b|\bsign up\b",
        r"\bfollow us\b|\blike us on\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat|linkedin)\b",
        r"\bcheck out our\b|\bvisit our (?:\w+\s+)?(?:store|shop|website|site|page|storefront)\b|"
        r"\bbrowse our\b",
        r"\bour (?:other|new|latest|newest|full|wider) (?:products|items|collection|range|arrivals|line)\b",
        r"\bnew (?:arrivals|collection)\b",
        r"\byou (?:might|may|will) also (?:like|enjoy|love)\b",
        r"\bdon't miss (?:out|our)\b|\bshop now\b|\bbuy now\b",
        r"\bbest[- ]sellers?\b|\bblack friday\b|\bcyber monday\b|\bdeal of the day\b",
        r"\b(?:your|a) (?:next|future) (?:order|purchase)\b",
        r"\bfree (?:shipping|gift|sample)s?\b",
        r"\bloyalty (?:program|discount|reward)\b",
        r"\b\d+\s*%\s*(?:less|cheaper|discount|savings?)\b|(?<![\w-])-\d+\s*%",
        r"\bwe also (?:sell|offer|stock|carry|make|have)\b",
        r"\b(?:now |also )?available (?:in|on|from) our\b(?!\s+(?:amazon\s+)?(?:product|item|listing)\s+"
        r"(?:page|listing)\b)|\b(?:our|the) new\s+(?:[\w-]+\s+){0,2}?(?:range|"
        r"line|collection|series|models?|products?)\b|"
        r"\b(?:launch|launches|launching|coming soon)\b|"
        r"\bbundle\b|\b(?:download|get|install|try) our app\b|\bour (?:other|more) (?:listings|offers|"
        r"items)\b|"
        r"\bexclusive (?:offers?|deals?|discounts?|perks?|benefits?|access|prices?)\b|\bmembers?[- ]only\b|"
        r"\d+\s?[€$£]\s*(?:less|off|cheaper)\b|[€$£]\s?\d+\s*(?:less|off|cheaper)\b|\bhalf[- ]price\b|"
        r"\bhalf off\b|\bbest-?selling\b|\bmost popular\b|\b(?:vip|loyalty|members?'?) club\b|"
        r"\bjoin our\b|\b(?:look|peek|glance) at our\b|\bnew releases?\b|\bcampaign\b",
        r"\bwe(?:'ve| have)?\s+(?:just\s+)?(?:added|launched|released|restocked)\b[^.!?\n]{0,40}\b(?:store|"
        r"shop|"
        r"range|collection|storefront|catalog(?:ue)?|line)\b|\bwe now (?:also )?(?:have|stock|sell|carry|"
        r"offer)\b|"
        r"\bmatching\b[^.!?\n]{0,60}\b(?:in our|from our|available in|on our)\b",
        r"\b(?:store|shop|storefront)\b[^.!?\n]{0,60}\b(?:have|take) a look\b|\b(?:have|"
        r"take) a look (?:at|on|in) our\b|\ba sale\b|\bsale (?:on|now|ends|starts)\b|\bthe sale\b",
        r"\bour (?:amazon )?storefront\b|\bnew products?\b|\bearly access\b|\bbrowse\b",
        r"\b(?:our|the) (?:full|entire|whole|complete|wide) (?:range|selection|catalog(?:ue)?|collection|"
        r"line)\b",
        r"\bbuy\s+(?:\w+[\s,]+){0,2}(?:and\s+)?get\b|\bget (?:\w+ )?(?:\d+|one|a second|"
        r"another) (?:\w+ )?free\b",
        r"\bdiscover\b|\b(?:more|other) (?:\w+ )?products\b",
        r"\b(?:use|using|enter|apply|with)\s+(?:the\s+|our\s+)?(?:promo\s+|discount\s+)?(?:code|"
        r"coupon)\s+\w+|\bat checkout\b",
    ),
    feedback=(
        r"\b(?:5|five)[- ]?stars?\b|\b5\s?\*",
        r"\b(?:positive|good|great|excellent|glowing|top|high|nice|favou?rable|perfect|best|stellar)\s+"
        r"(?:feedback|reviews?|ratings?|scores?|comments?)\b",
        r"\brate us (?:highly|well|5|five|positively|the highest)\b",
        r"\b(?:remov|delet|chang|updat|revis|edit|tak(?:e|ing) down|withdraw|amend|reconsider)\w*\s+"
        r"(?:your |the |this |that |any )?(?:negative |bad |poor |low |[1-4][- ]?star |(?:one|two|"
        r"three)-star |critical )?"
        r"(?:feedback|reviews?|ratings?)\b",
        r"\b(?:if|when|once|after|in exchange for|in return for)\s+(?:you\s+)?(?:\w+\s+){0,3}?(?:leav|writ|"
        r"post|giv|"
        r"submit|updat|chang|edit|remov|shar|add)\w*\s+(?:us\s+)?(?:a\s+|an\s+|your\s+|the\s+)?(?:\w+\s+)?"
        r"(?:review|feedback|rating)",
        r"\b(?:in exchange|in return) for (?:a|an|your) (?:\w+\s+)?(?:review|feedback|rating)",
        r"\bbefore (?:you\s+)?(?:leav|post|writ|giv|submit|add|rat)\w*\s+(?:us\s+)?(?:a\s+|an\s+|any\s+|"
        r"your\s+|the\s+)?(?:\w+\s+)?(?:feedback|reviews?|ratings?)\b",
        r"\b(?:negative|bad|poor|1-star|one-star) (?:feedback|reviews?|ratings?)\b[^.!?\n]{0,60}\b"
        r"(?:remov|delet|chang|updat|revis|take (?:it )?down|withdraw)",
        r"\b(?:review|feedback|rating|rate us)\b[^.!?\n]{0,40}\b(?:if|when|once|provided)\b[^.!?\n]{0,30}"
        r"\b(?:happy|satisfied|pleased|delighted|content|thrilled)\b",
        r"\b(?:if|when|once|provided)\b[^.!?\n]{0,30}\b(?:happy|satisfied|pleased|delighted|content|"
        r"thrilled)\b"
        r"[^.!?\n]{0,50}\b(?:leave|write|post|give|share)\b[^.!?\n]{0,20}\b(?:review|feedback|rating)\b",
        r"\b(?:negative|bad|poor|low|critical|1-star|one-star)\s+(?:review|feedback|rating)\b[^.!?\n]{0,60}"
        r"\b(?:contact|message|tell|write to|talk to|reach out to) us\b",
        r"\b(?:review|feedback|rating)\b[^.!?\n]{0,80}\b(?:otherwise|if not|before (?:leaving|posting|"
        r"writing))\b"
        r"[^.!?\n]{0,40}\b(?:contact|message|write to|tell|talk to) us\b",
    ),
    review_words=(
        r"\b(?:your|a|an)\s+(?:[\w-]+\s+)?review\b|\b(?:[1-5]|one|two|three|four|five)[- ]?stars?\b|"
        r"\breviewers?\b|\breview(?:ing|ed)\b|"
        r"\b(?:leave|write|post|give|submit|share|add)\s+(?:us\s+)?(?:a |an |your |the )?(?:\w+\s+)?"
        r"(?:review|feedback|rating)\b|\brate us\b|\brating\b|\bfeedback\b|\bproduct review\b"
    ),
    incentive_words=(
        r"\b(?:prize draw|raffle|sweepstakes?|competition|lottery|giveaway|win a|(?<!feel )free|"
        r"discount\w*|"
        r"vouchers?|coupons?|gift(?: card)?s?|reward\w*|in exchange|in return|"
        r"compensat\w*|cash|bonus|credit|money back|partial refund|rebate|thank[- ]you gift|"
        r"off your next|as a (?:small )?thank[- ]?you|as thanks|by way of thanks|in appreciation|"
        r"surprise|prize|winner|draw|entered into|entry)\b|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
    rating_verbs=r"\breview(?:s|ed|ing)?\s+us\b|\brates? us\b|"
    r"\b(?:rat(?:e|ed|ing)|review(?:ed|ing)?)\s+(?:us|our (?:shop|store|service))\b",
    rating_change=(
        r"\b(?:bump(?:ing)?|mov(?:e|ing)|push(?:ing)?|bring(?:ing)?|put(?:ting)?|turn(?:ing)?)\s+(?:it|"
        r"that|this|them)"
        r"\s+up\b|\b(?:rais|increas|improv|upgrad|adjust|reconsider|revisit|revis|updat|chang|amend|edit|"
        r"correct|"
        r"remov|delet|withdraw|retract)\w*\b|\btak(?:e|ing) (?:it|that|this|them) down\b|\btak(?:e|"
        r"ing) down\b"
    ),
    request=(
        r"\b(?:could|would|can|will) you\b|\bplease\b|\bwould you mind\b|\b(?:we|i)(?:'d|"
        r" would)\s+(?:be (?:so |very |really )?"
        r"(?:grateful|thankful)|appreciate|love)\b|\bkindly\b|\bwe (?:ask|hope|invite)\b|\bif you (?:could|"
        r"would)\b"
    ),
    satisfaction=(
        r"\b(?:happy|satisfied|pleased|delighted|content|thrilled|(?:100|\d+) ?%)\b"
        r"(?! to\b)"
    ),
    gating=r"\b(?:only|once|until|unless|before|provided|as long as|if|when)\b",
    fault=(
        r"\b(?:an?|the|this|that|one|some|our(?: own)?|a (?:small|big|huge|silly|stupid))\s+(?:[\w-]+\s+)?"
        r"(?:errors?|mistakes?|oversights?|backlogs?|slip-?ups?|mix-?ups?|blunders?|negligence|"
        r"carelessness|"
        r"mishaps?|glitch(?:es)?|failures?|fault)\b"
    ),
    ours=(r"\b(?:our|on our (?:side|end|part)|by us|at our end|from our side|ourselves)\b"),
    delay_words=r"\b(?:delay|delays|hold-?up|wait|waiting|late(?:ness)?|pending status)\b",
    blamed_on_us=(
        r"\b(?:down to|because of|caused by|due to|thanks to|blame|on)\s+us\b|\bour (?:own )?(?:fault|"
        r"doing|"
        r"responsibility|mistake|error|oversight)\b|\bwe(?:'re| are) (?:to blame|responsible|at fault)\b"
    ),
    refund_words=(
        r"\b(?:refund(?:s|ed|ing)?|reimburs\w*|cancel+(?:s|ed|ing|ation)?|money back|your money|"
        r"every penny|"
        r"full amount|the charge|credit (?:your|the) (?:account|card))\b"
    ),
    first_person=(
        r"\b(?:i|we|i'll|we'll|i've|we've|i'm|we're|i'd|we'd|me|us|our|myself|ourselves|personally|let me|"
        r"leave it with me)\b"
    ),
    refund_state=(
        r"\b(?:is|has been)\s+(?:now|hereby)\s+(?:cancel+ed|refunded|reimbursed)\b|\bon (?:its|the) way "
        r"back\b|\b(?:is|are) (?:being )?(?:returned|credited) to\b"
    ),
    buyer_action=(
        r"\byou (?:can|could|may|might|are welcome to|'re welcome to)\b|\byour orders\b|\brequest (?:a|"
        r"the)?\s*"
        r"cancel|\byou(?:'d| would) (?:like|prefer|rather)\b|\byou (?:want|wish|asked|requested|"
        r"mentioned)\b|"
        r"\bif you\b|\bwhether\b|\bpolicy\b"
    ),
    reassurance=(
        r"\bno (?:problem|worries|stress|need to worry)\b|\bdon't worry\b|\bdo not worry\b|"
        r"\bnot a problem\b"
    ),
    status_report=(
        r"\b(?:shows?|shown|appears?|listed|marked|displayed|flagged)\s+(?:up\s+)?as\b|\bstatus (?:is|says|"
        r"shows)\b"
    ),
    schedule=rf"\b(?:from\s+)?{_DAY}s?\s*(?:-|–|to|through|thru|till|until)\s*{_DAY}s?\b",
    owned_failure=(
        r"\b(?:we|i)\s+(?:didn't|did not|failed to|couldn't|could not|weren't able to|"
        r"wasn't able to)\s+(?:\w+\s+){0,4}?"
        r"(?:in time|on time|promptly|quickly enough|fast enough|soon enough)\b"
    ),
    habitual=(
        r"\bevery (?:day|weekday|morning|afternoon|evening|\w+day)\b|\beach (?:day|weekday)\b|\bdaily\b|"
        r"\bon weekdays\b"
    ),
    own_cause=(
        r"\b(?:short[- ]staffed|understaffed|short of staff|staff(?:ing)? (?:shortages?|issues?|problems?)|"
        r"shortage of staff|"
        r"not enough (?:staff|people|hands)|(?:didn't|did not|don't|do not) have enough (?:staff|people|"
        r"hands))"
        r"|\b(?:staff|colleagues?|team(?: members)?|packers?|employees?|half (?:of )?(?:our|the) team)\b"
        r"[^.!?\n]{0,30}\b(?:off sick|sick|ill|off with|down with|on sick leave|absent|with (?:the )?(?:flu|"
        r"covid))\b"
        r"|\b(?:mov(?:ed|ing)|relocat(?:ed|ing)|switch(?:ed|ing)|chang(?:ed|ing)|migrat(?:ed|ing)|"
        r"upgrad(?:ed|ing)|updat(?:ed|ing))\s+(?:over\s+)?(?:to\s+|from\s+)?(?:a\s+|an\s+|our\s+|the\s+)?"
        r"(?:new\s+)?(?:warehouse|premises|unit|system|software|platform|inventory|stock system|order system|"
        r"shop system|label printer|courier|logistics)"
        r"|\bunderestimated\b|\b(?:too many|flood of|surge (?:in|of)|rush of|influx of|high volume of|"
        r"record number of) orders\b|\b(?:swamped|overwhelmed|snowed under|overloaded|inundated)\b"
        r"|\blabel printer\b|\bprinter\b[^.!?\n]{0,20}\b(?:broke|broken|failed|jammed|stopped|down)\b"
        r"|\b(?:packing|packaging|picking|labell?ing|processing|dispatch) (?:error|mistake|mix-?up|problem|"
        r"issue|glitch)s?\b"
        r"|\b(?:problem|issue|glitch|fault|trouble|error|mix-?up|hiccup|outage|bug|breakdown)s?\s+"
        r"(?:with|in|at)\s+(?:our|my)\s+(?:own\s+)?\w+"
        r"|\b(?:we|i)\s+(?:\w+\s+)?(?:forgot|overlooked|omitted|neglected|misplaced)\b"
        r"|\binternal\s+(?:error|mistake|oversight|problem|issue|glitch|mix-?up)\b"
        r"|\b(?:our|my)\s+(?:\w+\s+){0,2}?(?:system|software|printer|scanner|website|platform|"
        r"till)\s+(?:glitched|"
        r"crashed|went down|failed|broke(?: down)?|stopped working|had (?:a|an) (?:glitch|outage|problem|"
        r"issue|"
        r"fault))\b"
    ),
    consequence=(
        r"\bdelay\w*|\bheld up\b|\bhold-?up\b|\bbehind\b|\bbacklog\b|\bstuck\b|\blate\b|\bslow\w*|"
        r"\bslipped\b|\bon time\b|\bin time\b|\bstill (?:\w+\s+)?(?:pending|waiting|here|with us|sitting)\b"
        r"|(?:\bnot|n't|\bnever)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:\w+\s+)?(?:ship\w*|sent|send|process\w*|"
        r"dispatch\w*|pick\w*|pack\w*|go(?:ne)? out|left|leave|handed|transferred|imported|come through|"
        r"registered|recorded|collected|booked|reached|made it)\b"
    ),
    internal=r"\binternal\b",
    invitation=(
        r"\b(?:have|take) a (?:\w+\s+)?look\b|\bcheck out\b|\bvisit\b|\bbrowse\b|\bexplore\b|"
        r"\bdiscover\b|\bfind (?:it|them|more|these|those|lots)\b|\byou(?:'ll| will| can) (?:also )?find\b|"
        r"\btry (?:our|them|it)\b"
    ),
    our_range=(
        r"\bour (?:\w+\s+){0,2}?(?:shop|store|storefront|range|ranges|collection|line|products|items|"
        r"catalog(?:ue)?|blog|brand page|selection)\b"
    ),
)
