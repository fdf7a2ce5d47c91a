"""German phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|bis|oder)\s*\d+)?|eine[mnr]?|ein|eins|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|zwölf|vierzehn|vierundzwanzig|achtundvierzig|wenigen|wenige|ein paar|paar|"
    r"einigen|einige|kurzer|eines|1-2|2-3)"
)
_UNIT = (
    r"(?:(?:werk|arbeits|kalender|geschäfts|liefer|versand)?tag(?:e|en|es)?|stunden?|std\.?|h|wochen?|"
    r"minuten?|min\.?|monat(?:e|en)?)"
)
_DAY = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
_MONTH = r"(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"
_NOT_AGO = r"(?!\s*(?:her|zuvor|früher))"
# "Morgen" the noun (morning) follows these; "morgen" the adverb (tomorrow) does not.
_MORNING = r"(?<!guten )(?<!am )(?<!heute )(?<!jeden )(?<!schönen )(?<!diesen )(?<!einen )(?<!den )"

LEXICON = Lexicon(
    language="de",
    future_time=(
        _MORNING + r"\bmorgen\b",
        r"\bübermorgen\b",
        rf"\b(?:nächste[nrs]?|kommende[nrs]?)\s+(?:woche|wochenende|monat|{_DAY}|werktag)\b",
        rf"\b{_DAY}\s+(?:nächster|kommender)\s+woche\b",
        r"\b(?:anfang|mitte|ende)\s+(?:der\s+|dieser\s+|nächster\s+|kommender\s+|des\s+)?(?:woche|monats?)\b",
        rf"\bbis\s+(?:spätestens\s+)?(?:zum\s+|zur\s+|am\s+)?(?:ende\b|anfang\b|mitte\b|morgen|übermorgen|"
        rf"heute|"
        rf"{_DAY}\b|nächste|kommende|\d{{1,2}}\.|{_MONTH}\b|mittag|abend|feierabend|wochenende|weihnachten|"
        rf"ostern)",
        r"\bspätestens\b",
        r"\bnoch heute\b|\bheute noch\b",
        r"\bin (?:ein|zwei) bis (?:zwei|drei) tagen\b",
        r"\b(?:ab )?sofort versand\w*\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:vor|bis|zu|an|über)\s+(?:weihnachten|ostern|silvester|neujahr|den feiertagen|black friday)\b",
        rf"\b(?:innerhalb|binnen|in|im laufe|in weniger als|nicht mehr als|höchstens|maximal|bis zu|nach|"
        rf"in etwa|ungefähr|circa|ca\.)\s+(?:von\s+)?(?:der\s+|den\s+|des\s+)?(?:nächsten\s+|kommenden\s+)?"
        rf"{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        rf"\b(?:in|innerhalb|im laufe)\s+(?:der|den|des)\s+(?:nächsten|kommenden)\s+(?:{_NUM}\s+)?{_UNIT}\b",
        rf"\b\d+\s*(?:-|–|bis)\s*\d+\s*{_UNIT}\b",
        r"\b(?:12|24|36|48|72)\s*(?:h|std\.?|stunden)\b",
        r"\b(?:ein|zwei|drei|vier|fünf|wenigen|paar|\d+)\s+werktag(?:e|en)?\b",
        r"\bheute\b(?!\s+morgen)",
        r"\bim laufe des tages\b|\bim laufe der woche\b|\büber nacht\b",
        r"\bdiese(?:s|r|n)?\s+(?:woche|wochenende|monat)\b",
        rf"\b(?:am\s+)?{_DAY}(?:s)?\b",
        rf"\b\d{{1,2}}\.\s*{_MONTH}\b",
        r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?",
        r"\bam\s+\d{1,2}\.(?=\s|$)",
    ),
    ship=(
        r"\bversand\w*",
        r"\bversend\w*",
        r"\bverschick\w*",
        r"\bgeht\b[^.!?]{0,40}?\braus\b|\braus(?:gehen|geht)\b",
        r"\bausgeliefert\b|\bgeliefert\b|\bliefer(?:n|t|ung|ungen)\b|\bausliefer\w*",
        r"\bzugestellt\b|\bzustell\w*",
        r"\bkomm(?:t|en)\b[^.!?]{0,40}?\ban\b|\bankomm\w*|\bangekommen\b",
        r"\beintreffen\b|\btrifft\b[^.!?]{0,40}?\bein\b",
        r"\bunterwegs\b|\bauf dem weg\b|\bauf den weg\b",
        r"\b(?:lager|versandzentrum|logistikzentrum)\b[^.!?]{0,30}verl(?:ässt|assen)",
        r"\bbei ihnen (?:sein|ist|eintreffen|ankommen)\b|\b(?:ist|sind|wäre|"
        r"sein)\b[^.!?]{0,40}?\bbei ihnen\b",
        r"\bverl(?:ässt|assen)\b[^.!?]{0,30}\b(?:lager|versandzentrum|logistikzentrum)\b",
        r"\bübergeben\b|\bübergabe\b",
        r"\bin den versand\b",
        r"\bzustellung\b",
        r"\bverl(?:ässt|assen) uns\b|\bkomm(?:t|en)\b|\bauf die reise\b|\bauf reisen\b",
        r"\bzukommen lassen\b|\bauf den weg (?:bringen|gebracht)\b",
        r"\b(?:ist|sind)\s+(?:\w+\s+){0,3}?da\b(?!\s*,)",
        r"\bsie\s+(?:haben|halten)\s+(?:\w+\s+){0,3}?(?:die ware|das paket|ihre bestellung|den artikel|"
        r"die lieferung|ihr paket|alles)\b",
    ),
    receive=(
        r"\b(?:erhalten|bekommen|haben)\s+sie\s+(?:\w+\s+){0,4}?(?:ihre?n?|das|die|den)\s+"
        r"(?:bestellung|paket|päckchen|ware|artikel|sendung|lieferung)\b",
        r"\bsie\s+(?:werden|sollten)?\s*(?:\w+\s+){0,4}?(?:erhalten|bekommen|in den händen halten)\b",
        r"\bhalten sie\b[^.!?]{0,40}\bin den händen\b",
    ),
    completion=(
        r"\babgeschlossen\b|\babschließ\w*",
        r"\bbestätigt\b|\bbestätigen\b",
        r"\bgeprüft\b|\büberprüft\b|\bverifiziert\b",
        r"\bfreigegeben\b|\bfreigabe\b",
        r"\bbearbeitet\b|\berledigt\b|\bgelöst\b|\bgeklärt\b|\baufgehoben\b",
        r"\baktualisiert\b|\bändert\b|\bändern\b|\bwechselt\b|\bspringt\b",
        r"\bdauer\w*|\bverfügbar\b|\bfertig\b",
    ),
    future=(
        r"\b(?:wird|werden|werde|wirst|werdet|garantiert|garantieren|garantiere|versprechen|verspreche|"
        r"versprochen|definitiv|bestimmt|sicherlich|auf jeden fall|ganz sicher|sollte|sollten|"
        r"voraussichtlich|rechnen sie|erwarten)\b"
    ),
    subject=r"\b(?:bestellung|paket|päckchen|sendung|lieferung|artikel|ware|sperre|status|zahlung|zahlungsprüfung|prüfung|freigabe|versand)\w*",
    hedge=(
        r"\b(?:kann|können|könnte|könnten|mitunter|manchmal|gelegentlich|in der regel|"
        r"üblicherweise|meist)\b"
    ),
    past=(
        r"\b(?:wurde|wurden|worden|gestern|vorgestern|bereits|schon|letzte[nrs]?|vergangene[nrs]?|war|"
        r"waren)\b"
        r"|\bvor\s+\w+\s+(?:tagen|stunden|wochen)\b"
        r"|\b(?:hat|haben|ist|sind)\b[^.!?]{0,40}?\b(?:versandt|verschickt|geliefert|zugestellt|angekommen|"
        r"rausgegangen)\b"
    ),
    promise_words=r"\b(?:wir|ich)\s+(?:können\s+)?(?:garantieren|versprechen|garantiere|verspreche|sichern)\b|\bgarantiert\b",
    promise_negation=(
        r"\b(?:kein|keine|keinen)\s+(?:genaues?\s+|festes?\s+|konkretes?\s+|verbindliches?\s+|"
        r"verlässliches?\s+)?"
        r"(?:datum|termin|zeitpunkt|zeitraum|lieferdatum|versanddatum|zusage|garantie|prognose|angabe)\w*\b",
        r"\bnicht\s+(?:\w+\s+){0,3}?(?:versprechen|zusagen|garantieren|vorhersagen|sagen|nennen|abschätzen|"
        r"einschätzen|beeinflussen|beschleunigen|voraussagen)\b",
        r"\b(?:versprechen|zusagen|garantieren|vorhersagen|sagen|nennen)\s+(?:\w+\s+){0,3}?nicht\b",
    ),
    reply_words=r"\b(?:antwort\w*|rückmeldung|nachricht|bescheid|melden|e-mail|information)\b",
    conditional_start=r"(?:wenn|falls|sofern|sollte|sollten|im falle|für den fall)\b",
    conditional_inline=r"\b(?:wenn|falls|sofern|für den fall)\b",
    negation=r"\b(?:nicht|kein|keine|keinen|keiner|keinem|keinesfalls|nie|niemals|weder|nichts)\b",
    blame=(
        r"\b(?:unser|mein)(?:e|em|en|er)?\s+(?:eigene[nr]?\s+)?(?:fehler|verschulden|versäumnis|versehen|"
        r"schuld|"
        r"fehlers|nachlässigkeit|verzögerung|panne)\b",
        r"\b(?:fehler|versehen|versäumnis|verzögerung|problem)\s+(?:auf|von)\s+unserer\s+seite\b",
        r"\b(?:fehler|versehen|versäumnis|verzögerung)\s+unsererseits\b",
        r"\b(?:die\s+)?schuld\s+(?:liegt|lag)\s+(?:ganz\s+|allein\s+|voll\s+|eindeutig\s+)?(?:bei|"
        r"an)\s+uns\b",
        r"\b(?:liegt|lag)\s+(?:die\s+schuld|der\s+fehler|es)\s+(?:ganz\s+|allein\s+)?(?:bei|an)\s+uns\b",
        r"\b(?:wir|ich)\s+(?:sind|bin)\s+(?:\w+\s+)?(?:dafür\s+)?(?:verantwortlich|schuld)\b",
        r"\b(?:sind|bin)\s+(?:wir|ich)\s+(?:\w+\s+)?(?:dafür\s+)?(?:verantwortlich|schuld)\b",
        r"\bhaben wir (?:\w+\s+){0,2}?geschlafen\b|\b(?:fehler|versehen|problem)\s+bei\s+uns\b",
        r"\b(?:wir|ich)\s+(?:übernehmen|übernehme|tragen|trage)\s+(?:\w+\s+)?(?:die\s+)?(?:volle\s+|"
        r"ganze\s+|alleinige\s+)?"
        r"(?:verantwortung|schuld)\b",
        r"\b(?:durch|von)\s+(?:uns|unsere[mnr]?\s+\w+)\s+(?:\w+\s+)?verursacht\b",
        r"\b(?:wir|ich)\s+(?:haben|habe)\s+(?:(?!sie\b)\w+\s+){0,4}?(?:vergessen|verzögert|versäumt|"
        r"verschlampt|"
        r"übersehen|verursacht|verbockt|verschlafen|falsch gemacht|einen fehler gemacht)\b",
        r"\bunser(?:e|em)?\s+(?:lager|team|system|mitarbeiter\w*|versand|logistik|"
        r"versandabteilung)\s+(?:hat|ist)\s+"
        r"(?:\w+\s+){0,3}?(?:fehler|vergessen|verzögert|versäumt|schuld|verantwortlich|zu langsam)\b",
        r"\bauf unsere kappe\b|\bgeht (?:das |es )?(?:voll |ganz )?auf uns\b",
        r"\b(?:wir|ich)\s+(?:haben|habe)\s+(?:\w+\s+){0,4}?(?:falsch|nicht richtig)\s+\w+",
        r"\bentschuldigen (?:uns|mich) für (?:unseren|meinen|unser|mein) (?:fehler|versäumnis|versehen)\b",
        r"\bes ist unsere schuld\b|\bdas ist unsere schuld\b",
        r"\bwir hätten\b[^.!?\n]{0,60}\b(?:müssen|sollen)\b",
    ),
    refund=(
        r"\b(?:wir|ich)\s+(?:werden|werde|können|kann|haben|habe|würden|würde|möchten|möchte|veranlassen|"
        r"veranlasse)?\s*(?:(?!dass\b|ob\b|wie\b|damit\b)\w+[\s,]+){0,4}?(?:stornieren|storniert|erstatten|"
        r"erstattet|zurückerstatten|zurückerstattet|rückerstatten|annullieren|zurückzahlen|"
        r"zurücküberweisen|storniere|erstatte|"
        r"zahle\s+\w+\s+zurück|überweise\s+\w+\s+zurück)\b",
        r"\b(?:storniere|stornieren|erstatte|erstatten|annullieren)\s+(?:wir|ich)\b",
        r"\b(?:können|werden|würden|möchten|dürfen)\s+(?:wir|ich)\s+(?:(?!dass\b|ob\b|wie\b)\w+[\s,]+){0,5}?"
        r"(?:stornieren|erstatten|zurückerstatten|rückerstatten|annullieren)\b",
        r"\b(?:wir|ich)\s+(?:\w+\s+){0,4}?(?:veranlassen|veranlasse|vornehmen|nehmen|leiten|veranlasst)\s+"
        r"(?:\w+\s+){0,3}?(?:stornierung|erstattung|rückerstattung|rückzahlung)\b",
        r"\b(?:stornierung|erstattung|rückerstattung|rückzahlung)\s+(?:\w+\s+){0,3}?(?:veranlassen|"
        r"veranlasse|"
        r"nehmen|leiten)\s+(?:wir|ich)\b",
        r"\bsie\s+(?:erhalten|bekommen)\s+(?:\w+\s+){0,3}?(?:ihr\s+geld|rückerstattung|erstattung|"
        r"den\s+betrag|"
        r"den\s+kaufpreis)\b",
        r"\b(?:volle|vollständige|komplette|sofortige)\s+(?:rückerstattung|erstattung|rückzahlung)\b",
        r"\bgeld\s+zurück\b",
        r"\bgutschrift\s+(?:erhalten|veranlassen|veranlasst)\b",
        r"\bbetrachten sie\b[^.!?\n]{0,40}\bals (?:storniert|erstattet|erledigt)\b",
        r"\b(?:geld|betrag|kaufpreis)\b[^.!?\n]{0,40}\b(?:wieder auf|zurück auf|zurücküberwiesen|erstattet|"
        r"gutgeschrieben)",
    ),
    refund_passive=(
        r"\b(?:wird|werden)\s+(?:(?!als\b)\w+\s+){0,4}?(?:storniert|erstattet|zurückerstattet|rückerstattet|"
        r"gutgeschrieben|annulliert)\b(?!\s+(?:angezeigt|geführt|markiert|gelistet))",
    ),
    amazon_agent=r"\b(?:von|durch)\s+amazon\b|\bamazon\s+(?:wird|storniert|erstattet)\b",
    marketing=(
        r"\brabatt\w*",
        r"\bgutschein\w*",
        r"\b(?:aktions|rabatt|gutschein|promo)code\w*\b",
        r"\bsonderangebot\w*",
        r"\bangebot\w*\s+des\s+(?:tages|monats|jahres)\b",
        r"\b(?:exklusive[ns]?|aktuelle[ns]?|tolle[ns]?|attraktive[ns]?|besondere[ns]?|unschlagbare[ns]?|"
        r"limitierte[ns]?|neue[ns]?)\s+angebot\w*",
        r"\bnewsletter\b",
        r"\babonnieren\b",
        r"\bfolgen sie uns\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\bbesuchen sie (?:doch\s+)?(?:auch\s+)?(?:gerne\s+)?unser\w*\s+(?:\w+\s+)?(?:shop|onlineshop|"
        r"online-shop|"
        r"webseite|website|store|laden|seite|markenshop)",
        r"\bschauen sie (?:doch\s+)?(?:auch\s+)?(?:gerne\s+)?(?:mal\s+)?(?:in\s+)?unser\w*\s+(?:\w+\s+)?"
        r"(?:shop|sortiment|store|produkte|angebot)",
        r"\bunser(?:e|em|en)?\s+(?:weitere[nm]?|andere[nm]?|neue[nm]?|neuesten|gesamte[sn]?)\s+"
        r"(?:produkte|artikel|kollektion|sortiment)\b",
        r"\bneue kollektion\b|\bneuheiten\b",
        r"\b\d+\s*%\s*(?:rabatt|nachlass|günstiger|sparen|off)\b|\b\d+\s*prozent\b",
        r"\bsparen sie\b|\bjetzt (?:zugreifen|kaufen|bestellen|sparen)\b",
        r"\bsale\b|\bblack friday\b|\bcyber monday\b|\bbestseller\b",
        r"\bkönnte ihnen (?:auch\s+)?gefallen\b|\bempfehlen (?:ihnen\s+)?(?:gerne\s+)?(?:auch\s+)?unser\w*",
        r"\b(?:ihre[rn]?|einer?)\s+nächsten?\s+(?:bestellung|einkauf|kauf)\b",
        r"\b\d+\s*%\s*(?:weniger|günstiger|billiger|reduziert)\b|(?<![\w-])-\d+\s*%",
        r"\w*schlussverkauf\b|\bausverkauf\b|\b\d+\s*%\s*auf\s+(?:alles|alle|das gesamte)\b|\bstöbern\b",
        r"\bunsere[mns]?\s+(?:gesamte[mns]?|ganze[mns]?|komplette[mns]?)\s+\w*(?:sortiment|angebot|katalog|"
        r"kollektion)\b",
        r"\bverteiler\b|\bmailingliste\b|\bneue(?:n|s)?\s+produkt(?:e|en)?\b",
        r"\b(?:wir verkaufen|verkaufen wir|führen wir|wir führen|wir haben)\s+(?:\w+\s+){0,2}?auch\b",
        r"\b(?:shop|store|storefront|sortiment)\b[^.!?\n]{0,60}\b(?:vorbei|stöbern|reinschauen)\b|"
        r"\bschauen sie (?:doch |gerne |einfach )*(?:mal )?vorbei\b",
        r"\bversandkostenfrei\b|\bgratis[- ]?(?:versand|geschenk|probe)\b|\bkostenlose[ns]?\s+(?:versand|"
        r"geschenk|probe)\b",
        r"\bkaufen sie\b[^.!?\n]{0,40}\berhalten sie\b|\bgratis dazu\b|\b\d+\s+(?:\w+\s+)?gratis\b",
        r"\bentdecken sie\b|\b(?:weitere|andere)\s+(?:\w+\s+)?produkte\b",
        r"\bmit dem (?:code|gutscheincode|rabattcode)\b|\bbeim nächsten (?:einkauf|kauf|bestellen)\b",
    ),
    feedback=(
        r"\b(?:5|fünf)[- ]?sterne?\w*",
        r"\b(?:positive[ns]?|gute[ns]?|tolle[ns]?|sehr gute[ns]?|beste[ns]?|hervorragende[ns]?|"
        r"ausgezeichnete[ns]?|top)[- ](?:bewertung|rezension|feedback|beurteilung|kommentar|note)\w*",
        r"\b(?:bewertung|rezension|feedback)\w*\s+(?:zu\s+)?(?:ändern|löschen|entfernen|anpassen|"
        r"überarbeiten|zurückziehen|aktualisieren|zurücknehmen)\b",
        r"\b(?:wenn|falls|sobald|nachdem)\s+sie\s+(?:uns\s+)?(?:\w+\s+){0,3}?(?:bewertung|rezension|"
        r"feedback|sterne)\w*\s+"
        r"(?:\w+\s+){0,2}?(?:schreiben|abgeben|hinterlassen|verfassen|ändern|löschen|anpassen|geben|posten|"
        r"veröffentlichen)",
        r"\bim gegenzug (?:für|zu) (?:eine|ihre|einer) (?:\w+\s+)?(?:bewertung|rezension)",
        r"\b(?:ändern|löschen|entfernen|anpassen|zurückziehen|überdenken)\s+sie\s+(?:bitte\s+)?(?:ihre\s+)?"
        r"(?:negative\s+)?(?:bewertung|rezension|feedback)\w*",
        r"\bnegative[ns]?\s+(?:bewertung|rezension|feedback)\w*\b[^.!?\n]{0,60}?\b(?:ändern|löschen|"
        r"entfernen|zurückziehen|anpassen|zurücknehmen)",
    ),
    review_words=r"\b(?:bewert\w*|rezension\w*|rezensier\w*|feedback|sterne\w*)",
    incentive_words=(
        r"\b(?:verlosung|gewinnspiel|gewinnen|preisausschreiben|gratis|kostenlos\w*|rabatt\w*|gutschein\w*|"
        r"geschenk\w*|belohn\w*|im gegenzug|als dankeschön|"
        r"dankeschön|prämie|bonus|geld zurück|teilerstattung|gegenleistung)\b|\b\d+\s*%|[$€£]\s?\d+|"
        r"\d+\s?[$€£]"
    ),
)
