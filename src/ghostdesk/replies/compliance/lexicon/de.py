"""German phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|bis|oder)\s*\d+)?|ein(?:,| oder| bis) zwei|zwei(?:,| oder| bis) drei|"
    r"eine[mnr]?|ein|eins|zwei|drei|vier|fünf|sechs|"
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
        r"\b(?:am )?(?:folgetag|nächsten tag|darauffolgenden tag|tag darauf)\b|\bbis (?:zum )?mittag\b|"
        rf"\bnicht länger als\s+{_NUM}\s*{_UNIT}\b",
        r"\b(?=morgen\b)" + _MORNING + r"morgen\b",
        r"\bübermorgen\b",
        rf"\b(?:nächste[nrs]?|kommende[nrs]?)\s+(?:woche|wochenende|monat|{_DAY}|werktag)\b",
        rf"\b{_DAY}\s+(?:nächster|kommender)\s+woche\b",
        r"\b(?:anfang|mitte|ende)\s+(?:der\s+|dieser\s+|nächster\s+|kommender\s+|des\s+)?(?:woche|"
        r"monats?)\b",
        rf"\bbis\s+(?:spätestens\s+)?(?:zum\s+|zur\s+|am\s+)?(?:ende\b|anfang\b|mitte\b|morgen|übermorgen|"
        rf"heute|"
        rf"{_DAY}\b|nächste|kommende|\d{{1,2}}\.|{_MONTH}\b|mittag|abend|feierabend|wochenende|weihnachten|"
        rf"ostern)",
        r"\bspätestens\b",
        r"\bnoch heute\b|\bheute noch\b",
        r"\bin (?:ein|zwei) bis (?:zwei|drei) tagen\b",
        r"\b(?:ab )?sofort versand\w*\b",
        r"\b(?:kw|kalenderwoche)\s*\d{1,2}\b",
        r"\b(?:um|gegen|ab) den\s+\d{1,2}\.(?:\s*herum)?",
        r"\b(?:übermorgen|morgen früh|morgn|morgen vormittag|morgen nachmittag)\b|"
        r"\b(?:rechnen sie (?:mit|so mit)|planen sie|geben sie (?:uns|der prüfung|"
        r"amazon))\s+(?:noch\s+)?(?:etwa\s+|ca\.\s*|"
        rf"rund\s+|gut\s+|knapp\s+)?{_NUM}\s*{_UNIT}\b",
        r"\b(?:monats|wochen)(?:anfang|mitte|ende)\b|\b(?:anfang|mitte|ende)\s+(?:" + _MONTH[3:-1] + r")\b",
        r"\brechtzeitig (?:zu[mr]?|für|vor)\b|\bvor dem wochenende\b|\bvor (?:ende der|"
        r"der nächsten) woche\b",
        r"\b(?:noch\s+)?(?:am\s+)?(?:selben|gleichen|demselben|nächsten|folgenden)\s+(?:werk|"
        r"arbeits)?tag\b|"
        r"\btaggleich\b|\bheutige[nrms]?\b|\bbis\s+\d{1,2}(?:[:.]\d\d)?\s*uhr\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:mo|di|mi|do|fr|sa|so)\.\s*\d{1,2}\.|\bum\s+\d{1,2}(?:[:.]\d\d)?\s*uhr\b|"
        r"\b\d{1,2}\.\s*(?:jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\b|"
        r"\bvor dem (?:\w+)?feiertag\b|"
        r"\bmorgige[nmrs]?\b",
        rf"\b(?:\d+|ein|einen|einem|zwei|drei|vier|fünf|ein paar|wenige)\s*(?:werk|arbeits|"
        rf"liefer)?(?:tage?n?|stunden?|"
        rf"std\.?|wochen?)\b{_NOT_AGO}",
        r"\b(?:vor|bis|zu|an|über)\s+(?:\w+\s+)?(?:weihnachten|heiligabend|ostern|silvester|neujahr|"
        r"den feiertagen|black friday|"
        r"pfingsten|nikolaus|dem brückentag|dem langen wochenende|muttertag|vatertag|valentinstag|"
        r"prime day|"
        r"(?:ihrem|deinem|seinem|ihren) geburtstag|der feier|der party)\b",
        rf"\b(?:innerhalb|binnen|in|im laufe|in weniger als|nicht mehr als|höchstens|maximal|bis zu|nach|"
        rf"in etwa|etwa|rund|ungefähr|circa|ca\.)\s+(?:von\s+)?(?:der\s+|den\s+|des\s+)?(?:nächsten\s+|"
        rf"kommenden\s+)?"
        rf"(?:ca\.\s*|circa\s+|etwa\s+|ungefähr\s+|rund\s+|knapp\s+|gut\s+)?{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        rf"\b(?:in|innerhalb|im laufe)\s+(?:der|den|des)\s+(?:nächsten|kommenden)\s+(?:{_NUM}\s+)?{_UNIT}\b",
        rf"\b\d+\s*(?:-|–|bis)\s*\d+\s*{_UNIT}\b",
        r"\b(?:12|24|36|48|72)\s*(?:h|std\.?|stunden)\b",
        r"\b(?:ein|zwei|drei|vier|fünf|wenigen|paar|\d+)\s+werktag(?:e|en)?\b",
        r"\bheute\b(?!\s+morgen)",
        r"\bim laufe des tages\b|\bim laufe der woche\b|\büber nacht\b",
        r"\bdiese(?:s|r|n)?\s+(?:woche|wochenende|monat)\b",
        rf"\b(?:am\s+)?{_DAY}(?:s|vormittag|nachmittag|morgen|abend|früh)?\b",
        rf"\b\d{{1,2}}\.\s*{_MONTH}\b",
        r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?",
        r"\bam\s+\d{1,2}\.(?=\s|$)",
    ),
    ship=(
        r"\b(?:nächsten|morgigen|heutigen)\s+(?:transporter|abholung|tour|lieferwagen)\b|\babholung\b|"
        r"\blieferzeitraum\b|\blieferfenster\b",
        r"\b(?:liefer|versand|zustell)(?:termin|datum)\w*|\bpacken sie\b[^.!?\n]{0,40}\baus\b|\bauspacken\b",
        r"\bversand\w*|\bversan?t\b",
        r"\bversend\w*",
        r"\bverschi?c?k\w*",
        r"\b(?:kriegen|bekommen|bringen|haben|hauen)\b(?:[^.!?]|(?<=\d)\.){0,40}\braus\b|"
        r"\b(?:los)?schick(?:e|en|t)\b|\b(?:schicke|schicken|schickt)\b[^.!?\n]{0,40}\blos\b",
        r"\bgeht\b(?:[^.!?]|(?<=\d)\.){0,40}?\braus\b|\braus(?:gehen|geht)\b",
        r"\bausgeliefert\b|\bgeliefert\b|\bliefer(?:n|t|ung|ungen)\b|\bausliefer\w*",
        r"\bzugestellt\b|\bzustell\w*",
        r"\bkomm(?:t|en)\b(?:[^.!?]|(?<=\d)\.){0,40}?\ban\b|\bankomm\w*|\bangekommen\b",
        r"\beintreffen\b|\btrifft\b(?:[^.!?]|(?<=\d)\.){0,40}?\bein\b",
        r"\bunterwegs\b|\bauf dem weg\b|\bauf den weg\b",
        r"\b(?:lager|versandzentrum|logistikzentrum|haus)\b(?:[^.!?]|(?<=\d)\.){0,30}verl(?:ässt|assen)",
        r"\bverl(?:ässt|assen)\b(?:[^.!?]|(?<=\d)\.){0,50}\b(?:lager|versandzentrum|logistikzentrum|haus)\b",
        r"\bbei (?:ihnen|dir|euch) (?:sein|ist|eintreffen|ankommen)\b|\b(?:ist|sind)\b(?:[^.!?]|"
        r"(?<=\d)\.){0,40}?\bbei (?:dir|euch)\b|\b(?:ist|sind|wäre|"
        r"sein)\b(?:[^.!?]|(?<=\d)\.){0,40}?\bbei ihnen\b",
        r"\bverl(?:ässt|assen)\b(?:[^.!?]|(?<=\d)\.){0,30}\b(?:lager|versandzentrum|logistikzentrum)\b",
        r"\bübergeben\b|\bübergabe\b",
        r"\bin den versand\b",
        r"\b(?:zur|in die|an die|auf die) post\b|\bzu hause\b|\bdaheim\b|\bvor (?:ihrer|der|"
        r"deiner) (?:haus)?tür\b|"
        r"\bin (?:ihrem|deinem|den) briefkasten\b|\bzustellung\b|\bankunft\b|\b(?:bearbeitungs|liefer|"
        r"versand|vorlauf)zeit(?:en)?\b",
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
        r"\bsie (?:haben|hätten|halten) (?:die|das|den|ihre?n?|ihr) [\wäöüß-]+",
        r"\b(?:du\s+(?:\w+\s+){0,3}?(?:bekommst|erhältst|hast|hältst)|(?:bekommst|erhältst|hast|"
        r"hältst)\s+du)\b"
        r"[^.!?\n]{0,40}\b(?:paket|päckchen|bestellung|ware|artikel|sendung|lieferung|es|sie|ihn)\b",
    ),
    completion=(
        r"\b(?:frei|auf|ab|durch)(?:gibt|geben|hebt|heben|schließt|schließen|geht|gehen)\b",
        r"\babgeschlossen\b|\babschließ\w*",
        r"\bbestätigt\b|\bbestätigen\b",
        r"\bgeprüft\b|\büberprüft\b|\bverifiziert\b",
        r"\bfreigegeben\b|\bfreigabe\b",
        r"\bbearbeitet\b|\berledigt\b|\bgelöst\b|\bgeklärt\b|\baufgehoben\b",
        r"\b(?:durch|erledigt|fertig|abgeschlossen) (?:sein|ist)\b|\b(?:hebt|heben)\b[^.!?\n]{0,40}\bauf\b|"
        r"\baufheben\b|\bgibt\b[^.!?\n]{0,40}\bfrei\b|\bfreigeben\b|"
        r"\b(?:schließt|schließen)\b[^.!?\n]{0,40}\bab\b|\bist\b[^.!?\n]{0,40}\b(?:durch|erledigt|fertig)\b",
        r"\baktualisiert\b|\bändert\b|\bändern\b|\bwechselt\b|\bspringt\b",
        r"\bdauer\w*|\bverfügbar\b|\bfertig\b|\büberschreite[nt]?\b",
    ),
    future=(
        r"\b(?:zuversichtlich)\b|"
        r"\b(?:wird|werden|werde|wirst|werdet|garantiert|garantieren|garantiere|versprechen|verspreche|"
        r"versprochen|definitiv|bestimmt|sicherlich|auf jeden fall|ganz sicher|sollte|sollten|"
        r"voraussichtlich|rechnen sie|erwarten|rechnen damit|gehen davon aus)\b"
    ),
    subject=(
        r"\b(?:bestellung|paket|päckchen|sendung|lieferung|artikel|ware|sperre|status|zahlung|"
        r"zahlungsprüfung|prüfung|freigabe|versand)\w*"
    ),
    hedge=(
        r"\b(?:kann|können|könnte|könnten|mitunter|manchmal|gelegentlich|in seltenen fällen|"
        r"im einzelfall)\b"
    ),
    past=(
        r"\b(?:vorherige[nmrs]?|letzten|wurde|wurden|worden|gestern|vorgestern|bereits|schon|letzte[nrs]?|"
        r"vergangene[nrs]?|war|"
        r"waren)\b"
        r"|\bvor\s+\w+\s+(?:tagen|stunden|wochen)\b"
        r"|\b(?:hat|haben|ist|sind)\b(?:[^.!?]|(?<=\d)\.){0,50}?\b(?:versandt|verschickt|geliefert|"
        r"zugestellt|"
        r"angekommen|rausgegangen|eingetroffen|eingegangen|übergeben|verlassen|erreicht|abgeholt|"
        r"losgeschickt|"
        r"ausgeliefert|eingeliefert|aufgegeben|bestellt|gekauft|bezahlt|erhalten|bekommen|geschrieben|"
        r"gesendet|"
        r"geschickt)\b"
    ),
    promise_words=(
        r"\b(?:wir|ich)\s+(?:können\s+)?(?:garantieren|versprechen|garantiere|verspreche|sichern)\b|"
        r"\bgarantiert\b|"
        r"\b(?:aller)?spätestens\b|\bversprochen\b|\bganz sicher\b|\bauf jeden fall\b|\bfest zugesagt\b"
    ),
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
        r"\b(?:wir|ich)\s+(?:waren|war|sind|bin)\s+(?:\w+\s+){0,3}?(?:unterbesetzt|überlastet|im verzug)\b|"
        r"\b(?:wir|ich)\b[^.!?\n]{0,30}\b(?:unterbesetzt|überlastet)\b|"
        r"\bpersonalmangel bei uns\b|\bbei uns\b[^.!?\n]{0,20}\bpersonalmangel\b",
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
        r"\b(?:wir|ich)\s+(?:\w+\s+){0,4}?(?:falsch|fehlerhaft|zu spät|nicht rechtzeitig|"
        r"versehentlich)\s+\w+\s+"
        r"(?:haben|habe|hatten|hatte)\b",
        r"\bentschuldigen (?:uns|mich) für (?:unseren|meinen|unser|mein) (?:fehler|versäumnis|versehen)\b",
        r"\b(?:wir|ich)\s+(?:waren|war|sind|bin)\s+(?:\w+\s+)?(?:zu langsam|zu spät|nachlässig|"
        r"unaufmerksam)\b",
        r"\b(?:haben|habe)\s+(?:wir|ich)\s+(?:\w+\s+)?zu verantworten\b|\b(?:wir|ich)\s+(?:haben|habe)\s+"
        r"(?:\w+\s+){0,3}?zu verantworten\b",
        r"\bes ist unsere schuld\b|\bdas ist unsere schuld\b",
        r"\b(?:das|dies|es)\s+(?:liegt|lag)\s+(?:\w+\s+){0,2}?an uns\b|\bliegt (?:das|dies|"
        r"es)\s+(?:\w+\s+){0,2}?"
        r"an uns\b",
        r"\bbei uns\b[^.!?\n]{0,30}\bschief\w*|\bschief(?:gelaufen|gegangen)\b[^.!?\n]{0,20}\bbei uns\b",
        r"\b(?:wir|ich|uns)\b[^.!?\n]{0,60}\b(?:versehentlich|irrtümlich|aus versehen|fälschlicherweise)\b",
        r"\bwir hätten\b[^.!?\n]{0,60}\b(?:müssen|sollen)\b",
        r"\b(?:uns|mir)\b[^.!?\n]{0,30}\b(?:fehler|versehen|missgeschick|panne|patzer|lapsus|schnitzer|"
        r"fauxpas)\b[^.!?\n]{0,15}\b(?:unterlaufen|passiert)\b",
        r"\b(?:wir|ich)\s+(?:haben|habe)\s+(?:uns|mich)\s+(?:\w+\s+){0,2}?(?:vertan|geirrt|verschätzt|"
        r"verzählt)\b|\b(?:mist|murks)\s+gebaut\b|\bvermasselt\b|\bverbockt\b",
        r"\b(?:wir|ich)\b[^.!?\n]{0,30}\b(?:geschlampt|gepennt|verpennt|gepatzt|getrödelt|gebummelt|"
        r"geschludert)\b",
        r"\b(?:bei uns|uns)\b[^.!?\n]{0,30}\b(?:untergegangen|durchgerutscht|liegen geblieben|"
        r"verloren gegangen|"
        r"durchgegangen)\b|\b(?:wir|ich)\b[^.!?\n]{0,60}\b(?:dadurch|deshalb|deswegen|"
        r"darum)\b[^.!?\n]{0,30}\bverzöger\w*|"
        r"\bim stich gelassen\b|\b(?:wir|ich)\s+(?:haben|habe)\s+(?:\w+\s+){0,5}?(?:zu spät|verspätet|"
        r"zu langsam)\s+"
        r"(?:bearbeitet|verschickt|versandt|verpackt|gesehen|bemerkt|reagiert)\b|\b(?:wir|ich)\s+(?:sind|"
        r"bin)\s+"
        r"(?:\w+\s+)?(?:im rückstand|hinterher|in verzug)\b",
        r"\b(?:durch|wegen|aufgrund|infolge|auf)\s+(?:eines?|einen|einem|einer)?\s*(?:\w+\s+)?(?:fehler|"
        r"versehen|"
        r"panne|problem|missgeschick|irrtum|versäumnis)s?\b[^.!?\n]{0,30}\b(?:unsere[mnrs]?|bei uns)\b",
        r"\b(?:es gab|da gab es|da war)\s+(?:\w+\s+){0,2}?(?:fehler|versehen|panne|problem|"
        r"missgeschick)\w*\s+"
        r"(?:in|bei)\s+(?:unsere[mnr]?|uns)\b",
    ),
    refund=(
        r"\b(?:wir|ich)\s+(?:werden|werde|können|kann|haben|habe|würden|würde|möchten|möchte|veranlassen|"
        r"veranlasse)?\s*(?:(?!dass\b|ob\b|wie\b|damit\b|raten\b|empfehlen\b|bitten\b|"
        r"vorschlagen\b)\w+[\s,]+){0,6}?(?:stornieren|storniert|erstatten|"
        r"erstattet|zurückerstatten|zurückerstattet|rückerstatten|annullieren|zurückzahlen|"
        r"zurücküberweisen|storniere|erstatte|"
        r"zahle\s+\w+\s+zurück|überweise\s+\w+\s+zurück)\b",
        r"\b(?:storniere|stornieren|erstatte|erstatten|annullieren)\s+(?:wir|ich)\b",
        r"\b(?:können|werden|würden|möchten|dürfen)\s+(?:wir|ich)\s+(?:(?!dass\b|ob\b|"
        r"wie\b)\w+[\s,]+){0,5}?"
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
        r"\b(?:wir|ich)\s+(?:haben|habe)\s+(?:\w+\s+){0,8}?(?:zurückerstattet|erstattet|storniert|"
        r"zurückgebucht|"
        r"gutgeschrieben|zurücküberwiesen|zurückgezahlt)\b",
        r"\b(?:wir|ich)\s+(?:buchen|buche|überweisen|überweise|zahlen|zahle|geben|gebe|erstatten|"
        r"erstatte)\b"
        r"[^.!?\n]{0,40}\bzurück\b",
        r"\b(?:wir|ich)\b[^.!?\n]{0,60}\b(?:geld|betrag|kaufpreis)\s+(?:\w+\s+)?zurück(?:bekommen|erhalten|"
        r"kriegen)\b",
        r"\b(?:stornierung|erstattung|rückerstattung|rückzahlung|gutschrift|rückbuchung)\b[^.!?\n]{0,40}"
        r"\b(?:in die wege geleitet|eingeleitet|veranlasst|angestoßen|beauftragt|ausgelöst|vorgenommen)\b",
        r"\b(?:ist|wurde|wird)\s+(?:\w+\s+)?(?:hiermit|hiemit|jetzt|nun|soeben|gerade|ab sofort|"
        r"umgehend)\s+"
        r"(?:\w+\s+)?(?:storniert|erstattet|annulliert)\b",
        r"\b(?:erhalten|bekommen)\s+sie\s+(?:\w+\s+){0,3}?(?:ihr\s+geld|(?:eine\s+|"
        r"die\s+)?(?:rück)?erstattung|"
        r"gutschrift|den\s+(?:vollen\s+|gesamten\s+)?(?:betrag|kaufpreis))\b",
        r"\b(?:geld|betrag|kaufpreis|summe)\b[^.!?\n]{0,40}\b(?:bekommen|erhalten)\s+sie\b[^.!?\n]{0,40}"
        r"\bzurück\b",
        r"\b(?:bekommen|erhalten)\s+sie\s+(?:\w+\s+){0,4}?(?:geld|betrag|kaufpreis|summe|cent|euro)\s+"
        r"(?:\w+\s+){0,3}?zurück\b",
        r"\bgutschrift\s+(?:erhalten|veranlassen|veranlasst)\b",
        r"\b(?:(?:wir|ich)\s+(?:\w+\s+)?(?:übernehmen|übernehme|erledigen|erledige)|(?:übernehmen|"
        r"erledigen)\s+wir|"
        r"übernehme ich|erledige ich)\s+(?:\w+\s+){0,2}?(?:die\s+)?(?:stornierung|erstattung|rückerstattung|"
        r"rückzahlung)\b|\b(?:kümmern uns|kümmere mich)\s+(?:\w+\s+)?um\s+(?:die\s+)?(?:stornierung|"
        r"erstattung|"
        r"rückerstattung)\b",
        r"\bbetrachten sie\b[^.!?\n]{0,40}\bals (?:storniert|erstattet|erledigt)\b",
        r"\b(?:geld|betrag|kaufpreis)\b[^.!?\n]{0,40}\b(?:wieder auf|zurück auf|zurücküberwiesen|erstattet|"
        r"gutgeschrieben)",
    ),
    refund_passive=(
        r"\b(?:wird|werden)\s+(?:(?!als\b)\w+\s+){0,4}?(?:storniert|erstattet|zurückerstattet|"
        r"rückerstattet|"
        r"gutgeschrieben|annulliert)\b(?!\s+(?:angezeigt|geführt|markiert|gelistet))",
    ),
    amazon_agent=r"\b(?:von|durch)\s+amazon\b|\bamazon\s+(?:wird|storniert|erstattet)\b",
    marketing=(
        r"\bmelden sie sich\b[^.!?\n]{0,40}\b(?:website|webseite|newsletter|shop|seite)\b|"
        r"\bexklusiv\w*\b[^.!?\n]{0,30}"
        r"\bangebot",
        r"\bwir (?:\w+\s+){0,3}?auch\b[^.!?\n]{0,40}\b(?:herstellen|verkaufen|anbieten|führen|machen|"
        r"fertigen)\b|"
        r"\bwussten sie(?:,)? dass\b|\binsider\b|\bwerden sie (?:\w+[- ])?(?:mitglied|insider|vip)\b",
        r"\bunser\w*\s+(?:\w+)?katalog\w*|\b\w*katalog\b[^.!?\n]{0,20}\b(?:ist da|erschienen|ist neu)\b",
        r"(?<![\w.])@[a-z][\w.]{2,}\b|\bverlosung\w*|\bgewinnspiel\w*|\bsolange der vorrat reicht\b|"
        r"\bschnell zugreifen\b",
        r"\b\w*rabatt\w*",
        r"\b\w*gutschein\w*",
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
        r"\bbundle\b|\bunsere[rn]? app\b|\bexklusive[n]? (?:vorteile|angebote|rabatte|preise)\b|"
        r"\bunsere[n]? (?:anderen|weiteren) (?:angebote|artikel|produkte)\b|\d+\s?[€$£]\s*(?:günstiger|"
        r"billiger|"
        r"weniger|rabatt|nachlass)\b|\b(?:frühjahrs|frühlings|sommer|herbst|winter|oster|weihnachts|rabatt|"
        r"spar|sonder|jubiläums|"
        r"wochenend|treue)aktion(?:en)?\b|\baktionspreis\w*|\bzum halben preis\b|\bhalbe[nm]? preis\b|"
        r"\b(?:kunden|treue|vip)[- ]?club\b|\beinen blick auf unser\w*|\bunsere[mnr]?\s+(?:beliebte|"
        r"meistverkaufte|"
        r"bestverkaufte|top-?seller|top-produkt)\w*",
        r"\b(?:jetzt|neu|nun|ab sofort|auch)\b[^.!?\n]{0,40}\b(?:im|ins)\s+(?:programm|sortiment)\b|"
        r"\bpassend\w*\s+zu[mr]?\b[^.!?\n]{0,50}\b(?:gibt es|haben wir|bieten wir|führen wir|im shop|"
        r"im sortiment|erhältlich)\b",
        r"\bneue[nrs]?\s+(?:\w+\s+)?\w*(?:kollektion|kollektionen|produktlinie|serie)\b|"
        r"\b\w*kollektion\b[^.!?\n]{0,40}\b(?:jetzt|ab sofort|neu|erhältlich)\b|\bjetzt (?:neu |"
        r"auch )?im shop\b",
        r"\bschau(?:en sie|t)? (?:\w+\s+){0,3}?unser\w*\s+(?:\w+\s+)?(?:shop|onlineshop|store|sortiment|"
        r"produkte|angebote?|neuheiten|\w*kollektion|website|webseite|seite|markenshop)\b",
        r"\b\d+\s*%\s*(?:rabatt|nachlass|günstiger|sparen|off)\b|\b\d+\s*prozent\b",
        r"\bsparen sie\b|\bjetzt (?:zugreifen|kaufen|bestellen|sparen)\b",
        r"\b(?:im|großer|großen|sommer|winter)\s+sale\b|\bsale[- ](?:preis|aktion|artikel)\w*|"
        r"\bblack friday\b|\bcyber monday\b|\bbestseller\b",
        r"\bkönnte ihnen (?:auch\s+)?gefallen\b|\bgefällt ihnen (?:vielleicht )?auch\b|"
        r"\b(?:jetzt |auch |ab sofort )?(?:in|im) unserem (?:\w+[- ])?(?:shop|store|"
        r"onlineshop)\s+(?:\w+\s+)?(?:erhältlich|"
        r"verfügbar|zu haben)\b|\bempfehlen (?:ihnen\s+)?(?:gerne\s+)?(?:auch\s+)?unser\w*",
        r"\b(?:ihre[rn]?|einer?)\s+nächsten?\s+(?:bestellung|einkauf|kauf)\b",
        r"\b\d+\s*%\s*(?:weniger|günstiger|billiger|reduziert)\b|(?<![\w-])-\d+\s*%",
        r"\b\w*schlussverkauf\b|\bausverkauf\b|\b\d+\s*%\s*auf\s+(?:alles|alle|das gesamte)\b|\bstöbern\b",
        r"\bunsere[mns]?\s+(?:gesamte[mns]?|ganze[mns]?|komplette[mns]?)\s+\w*(?:sortiment|angebot|katalog|"
        r"kollektion)\b",
        r"\bverteiler\b|\bmailingliste\b|\bneue(?:n|s)?\s+produkt(?:e|en)?\b",
        r"\bcode\b[^.!?\n]{0,30}\b\d+\s*%|\b\d+\s*%[^.!?\n]{0,40}\bgültig\b",
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
        r"\bbevor (?:sie|du)\b[^.!?\n]{0,30}\b(?:bewert|rezension|feedback|sterne)\w*",
        r"\b(?:ändern|löschen|entfernen|anpassen|zurückziehen|überdenken)\s+sie\s+(?:bitte\s+)?(?:ihre\s+)?"
        r"(?:negative\s+)?(?:bewertung|rezension|feedback)\w*",
        r"\b(?:negative|schlechte|kritische)[ns]?\s+(?:bewertung|rezension|feedback)\w*\b[^.!?\n]{0,60}"
        r"\b(?:melden|kontaktieren|schreiben|wenden)\b",
        r"\bnegative[ns]?\s+(?:bewertung|rezension|feedback)\w*\b[^.!?\n]{0,60}?\b(?:ändern|löschen|"
        r"entfernen|zurückziehen|anpassen|zurücknehmen)",
        r"\b(?:bewert|rezension|feedback|sterne)\w*\b[^.!?\n]{0,40}\b(?:nur|bloß|erst)?,?\s*(?:wenn|falls|"
        r"sofern)\b"
        r"[^.!?\n]{0,40}\b(?:zufrieden|glücklich|begeistert)\b",
        r"\b(?:wenn|falls|sofern)\b[^.!?\n]{0,40}\b(?:zufrieden|glücklich|begeistert)\b[^.!?\n]{0,50}"
        r"\b(?:bewert|rezension|sterne)\w*",
        r"\b(?:bewert|rezension|feedback)\w*\b[^.!?\n]{0,80}\b(?:ansonsten|andernfalls|sonst|vorher|"
        r"zuerst)\b"
        r"[^.!?\n]{0,40}\b(?:melden|kontaktieren|schreiben|wenden)\b",
    ),
    review_words=r"\b(?:bewert\w*|rezension\w*|rezensier\w*|feedback|sterne\w*|\d[- ]?stern\w*)",
    verb_first_condition=r"(?:wird|werden|ist|sind|wurde|wurden|hat|haben|kommt|geht|sollte|sollten)\b",
    incentive_words=(
        r"\b(?:verlosung|gewinnspiel|gewinnen|preisausschreiben|gratis|kostenlos\w*|rabatt\w*|gutschein\w*|"
        r"geschenk\w*|belohn\w*|im gegenzug|als dankeschön|"
        r"dankeschön|prämie|bonus|geld zurück|teilerstattung|gegenleistung|zum dank|als dank|"
        r"überraschung|verlos\w*|auslos\w*|gewinner)\b|\b\d+\s*%|[$€£]\s?\d+|"
        r"\d+\s?[$€£]"
    ),
    rating_verbs=(
        r"\b(?:bewerten|bewertet|rezensieren)\s+(?:sie\s+)?(?:uns|unseren (?:shop|service))\b|"
        r"\buns\s+(?:zu\s+)?bewerten\b"
    ),
    rating_change=(
        r"\b(?:korrigier|änder|anpass|aktualisier|überarbeit|überdenk|erhöh|verbesser|hochsetz|heraufsetz|"
        r"lösch|entfern|"
        r"zurückzieh|zurücknehm)\w*\b|\bnach oben\b|\bnoch einmal (?:überdenken|anschauen|ansehen)\b"
    ),
    request=(
        r"\b(?:könnten|würden|möchten|wollen|können) sie\b|\bbitte\b|\bbitten (?:wir )?sie\b|\b(?:wir|ich) "
        r"(?:würden|würde) uns\b|\bwären (?:wir|ich) (?:ihnen )?dankbar\b|\bfreuen uns\b|\bvielleicht\b"
    ),
    satisfaction=r"\b(?:zufrieden|glücklich|begeistert|100\s?%)\b",
    gating=r"\b(?:nur|erst|sobald|bevor|wenn|falls|sofern|solange)\b",
    fault=(
        r"\b(?:ein|eine|einen|einem|eines|einer|der|die|das|dem|den|des|unser\w*)\s+(?:\w+\s+)?\w*"
        r"(?:fehler|versehen|versäumnis|nachlässigkeit|panne|missgeschick|rückstau|rückstand|schlamperei|"
        r"störung|"
        r"irrtum|verschulden|unachtsamkeit)\w*"
    ),
    ours=(r"\b(?:unsere[mnrs]?|unsererseits|bei uns|von uns|durch uns|auf unserer seite)\b"),
    delay_words=r"\b(?:verzögerung\w*|verspätung\w*|wartezeit|warten|ausstehend\w*)\b",
    blamed_on_us=(
        r"\b(?:geht|liegt|lag|ging)\s+(?:\w+\s+)?(?:auf|an|bei)\s+uns\b|\b(?:durch|wegen|von)\s+uns\b|"
        r"\bunsere[rn]?\s+(?:schuld|verantwortung|verschulden)\b|\bunsererseits\b|\b(?:wir|ich) (?:sind|"
        r"bin) "
        r"(?:\w+\s+)?(?:schuld|verantwortlich)\b|\bzu unseren lasten\b"
    ),
    refund_words=(
        r"\b(?:\w*erstatt\w*|storn\w*|rückzahlung\w*|zurückgezahlt|ihr geld|gutgeschrieben|zurückgebucht|"
        r"gutschreiben|gutschrift)\b|\b(?:den|ihren|der)\s+(?:\w+\s+)?(?:betrag|kaufpreis)\b|"
        r"\b(?:schreiben|schreibe)\b[^.!?\n]{0,40}\bgut\b"
    ),
    first_person=r"\b(?:ich|wir|mir|uns|mich|unser\w*|persönlich|überlassen sie das mir)\b",
    refund_state=(
        r"\b(?:ist|wurde|sind)\s+(?:hiermit|jetzt|nun|soeben)\s+(?:storniert|erstattet|zurückerstattet|"
        r"gutgeschrieben)\b|\b(?:sie bekommen|bekommen sie|erhalten sie|"
        r"sie erhalten)\b[^.!?\n]{0,30}\b(?:erstattet|"
        r"zurückerstattet|gutgeschrieben)\b|\bauf dem (?:rück)?weg (?:zurück|zu ihnen)\b|"
        r"\bauf dem rückweg\b"
    ),
    buyer_action=(
        r"\b(?:sie|du) (?:können|kannst|könnten|dürfen)\b|\bmeine bestellungen\b|\b(?:beantragen|"
        r"anfordern)\b|"
        r"\bsie (?:möchten|wünschen|wollen|hatten|haben (?:nach|um))\b|\bwenn sie\b|\bfalls sie\b|\bob\b"
    ),
    reassurance=(
        r"\bkein(?:e)? (?:problem|sorge|ursache|stress)\b|\bmachen sie sich keine sorgen\b|"
        r"\bnicht schlimm\b"
    ),
    status_report=(
        r"\bals\s+(?:storniert|erstattet)\s+(?:angezeigt|markiert|geführt|gelistet|vermerkt)\b|"
        r"\bwird als\b|"
        r"\bstatus (?:ist|lautet|zeigt)\b|\bsteht auf\b"
    ),
    schedule=(
        rf"\b(?:von\s+)?{_DAY}\s*(?:-|–|bis)\s*{_DAY}\b|\b(?:mo|di|mi|do|fr|sa)\.?\s*[-–]\s*(?:fr|sa|"
        rf"so)\.?(?=\s|$)"
    ),
    owned_failure=(
        r"\b(?:(?:wir|ich)\s+(?:haben|habe|hatten|hatte)|(?:haben|habe|hatten|hatte)\s+(?:wir|ich))\s+"
        r"(?:\w+\s+){0,4}?nicht\s+(?:rechtzeitig|pünktlich|"
        r"schnell genug|"
        r"zeitnah)\b|\b(?:wir|ich)\s+(?:\w+\s+){0,4}?nicht\s+rechtzeitig\s+\w+\s+(?:haben|habe|hatten)\b"
    ),
    own_cause=(
        r"\b(?:personell|personalmangel|personalengpass|personalausfall|personalausfälle|unterbesetzt|"
        r"knapp besetzt|dünn besetzt|zu wenig (?:personal|leute|mitarbeiter)|nicht genug (?:personal|leute|"
        r"mitarbeiter))\w*"
        r"|\b(?:kolleg\w*|mitarbeiter\w*|team|personal|packer\w*|hälfte (?:des|"
        r"unseres) teams)\b[^.!?\n]{0,30}"
        r"\b(?:krank\w*|erkältet|grippe|ausgefallen|fehlen|fehlt)\b|\bkrankheit\w*"
        r"|\b(?:umstellung|umzug|wechsel|migration|umstieg|einführung|"
        r"umbau)\b[^.!?\n]{0,40}\b(?:\w*system\w*|"
        r"software|lager\w*|warenwirtschaft\w*|shop\w*|versanddienstleister|plattform)"
        r"|\b(?:\w*system\w*|software|lager\w*|warenwirtschaft\w*)\b[^.!?\n]{0,30}\b(?:umgestellt|umgezogen|"
        r"gewechselt|erneuert|zieht um|ziehen um)\b|\bumzieh\w*|\bumgezogen\b"
        r"|\bzu viele bestellungen\b|\b(?:flut|ansturm|welle)\s+(?:an|von)\s+bestellungen\b|\bbestellflut\b|"
        r"\bunterschätzt\b|\büberlastet\b|\büberrannt\b"
        r"|\betikettendrucker\b|\bdrucker\b[^.!?\n]{0,20}\b(?:kaputt|defekt|ausgefallen|streikt)"
        r"|\b(?:problem|fehler|panne|störung|schwierigkeit)\w*\s+(?:mit|in|bei|im)\s+unsere[mnrs]?\s+\w+"
        r"|\b(?:pack|verpackungs|kommissionier|bearbeitungs)(?:fehler|problem)\w*"
        r"|\bintern\w*\s+(?:fehler|versäumnis|versehen|panne|problem)\w*"
        r"|\b(?:wir|ich)\s+(?:haben|habe)\s+(?:\w+\s+){0,3}?(?:vergessen|übersehen|versäumt)\b"
    ),
    consequence=(
        r"\bverzöger\w*|\bverspät\w*|\brückstand\b|\b(?:im|in) verzug\b|\bengpass\w*|\bhinterher\w*|"
        r"\bliegen geblieben\b|\bnoch\b[^.!?\n]{0,20}\bbei uns\b|\bhängen geblieben\b|\bhängt\b|"
        r"\bnicht rechtzeitig\b|\bzu spät\b|\blangsamer\b|\bnicht nachgekommen\b"
        r"|\bnichts?\s+(?:\w+\s+){0,3}?(?:verschickt|versandt|bearbeitet|übernommen|übergeben|weitergeleitet|"
        r"gemeldet|rausgegangen|abgeholt|verpackt|gepackt|erfasst|übertragen|verschicken|versenden|"
        r"bearbeiten|"
        r"packen|rausschicken|übergeben)\b"
    ),
    internal=r"\bintern\w*",
    invitation=(
        r"\b(?:schauen|sehen) sie\b|\bschau\b|\bwerfen sie\b|\bbesuchen sie\b|\bentdecken sie\b|\bstöbern\b|"
        r"\bfinden sie\b|\bentdecke\b|\bprobieren sie\b"
    ),
    our_range=(
        r"\bunsere[mnrs]?\s+(?:\w+[- ]){0,2}?(?:shop|store|sortiment|kollektion|produktlinie|serie|produkte|"
        r"blog|markenshop)\w*"
    ),
    habitual=(
        r"\bwerktags\b|\btäglich\b|\bjeden (?:tag|werktag|morgen|nachmittag)\b|\b(?:montag|dienstag|"
        r"mittwoch|donnerstag|freitag|samstag|sonntag)s\b"
    ),
)
