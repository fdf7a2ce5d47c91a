"""German cues: phrases that ask about an order's status (``FOR``) and topics that are something else
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
    r"(?:bestellung|bestellungen|bestelung|bestellug|paket|pakete|packchen|paeckchen|sendung|lieferung"
    r"|ware|waren|artikel|auftrag|sachen|produkt)"
)

# "meine Bestellung", "unser Paket", "bestellt", "gekauft": the buyer speaks of an order they have.
ORDER_WORDS = (
    r"\b(?:meine?[mnrs]?|unsere?[mnrs]?)\s+(?:\w+\s+)?" + _NOUNS + r"\b"
    r"|\b(?:bestellt|gekauft|erworben|vorbestellt|reserviert)\b"
)

FOR: tuple[Cue, ...] = (
    cue(
        "wo ist meine Bestellung",
        2.0,
        r"\bwo\s+(?:ist|sind|bleibt|bleiben|steckt|stecken)\s+(?:denn\s+|nun\s+|jetzt\s+|eigentlich\s+)*"
        r"(?:meine?|meinen|unsere?|die|das|der)\s+(?:\w+\s+)?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "wo bleibt ...?",
        1.5,
        r"\bwo\s+(?:bleibt|bleiben|steckt|stecken)\s+(?:denn\s+|nun\s+|jetzt\s+|eigentlich\s+)*(?:der|die|das"
        r"|mein|meine|meinen)\s+\w+",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "wo bleibt der Rest",
        2.0,
        r"\bwo\s+(?:ist|sind|bleibt|bleiben)\s+(?:denn\s+|nun\s+|jetzt\s+)*(?:der|die|das)\s+(?:rest\w*"
        r"|andere[nr]?|zweite[nr]?|ubrige[nn]?|uebrige[nn]?)\b"
        r"|\brest\s+(?:meiner|der|unserer)\s+(?:\w+\s+)?" + _NOUNS + r"\b|\bteillieferung\b"
        r"|\bnur\s+(?:\w+\s+){0,4}?(?:bekommen|erhalten|geliefert|angekommen)\b"
        + CLAUSE
        + r"{0,60}?\b(?:fehl\w*|rest|noch)\b",
        veto_after=OTHER_OBJECT,
        role=PART_MISSING,
    ),
    cue(
        "warum storniert",
        2.0,
        r"\bwarum\b" + CLAUSE + r"{0,40}?\b(?:storniert|annulliert|abgebrochen)\b"
        r"|\b(?:bestellung|auftrag|sie|es)\s+(?:wurde|ist|wurden)\s+(?:\w+\s+){0,2}?(?:storniert"
        r"|annulliert)\b" + CLAUSE + r"{0,60}?\b(?:aber|obwohl|warum|ohne|nicht)\b",
        veto_before=CONDITIONAL,
    ),
    cue(
        "storniert, aber abgebucht",
        2.0,
        r"\b(?:storniert|annulliert)\b[^\n]{0,80}?\b(?:abgebucht|belastet|bezahlt|berechnet|eingezogen)\b"
        r"|\b(?:abgebucht|belastet|berechnet|eingezogen)\b[^\n]{0,80}?\b(?:storniert|annulliert)\b",
        veto_before=r"\b(?:ich|wir)\s+(?:habe|haben|hab)\s+(?:\w+\s+){0,3}$",
    ),
    cue(
        "Zustellproblem",
        1.5,
        r"\bzustellproblem\w*|\b(?:nicht|un)zustellbar\b|\bzustellung\s+(?:war\s+)?(?:nicht\s+mo(?:e)?glich"
        r"|gescheitert|fehlgeschlagen)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "brauche es bis",
        2.0,
        r"\bbrauche\s+(?:es|ihn|sie|das|die\s+\w+|den\s+\w+)\s+(?:\w+\s+)?(?:bis|vor|fu(?:e)?r|zum|zu)\s+"
        r"(?:\w+\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|dem\s+wochenende|wochenende|morgen|weihnachten|heiligabend|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "kommt da noch was",
        1.5,
        r"\bkommt\s+(?:da|das|die|der|es|sie|er|meine?\s+\w+)\s+(?:\w+\s+)?(?:noch|uberhaupt|ueberhaupt|bald"
        r"|irgendwann)\b|\bbis\s+wann\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "ich warte",
        1.2,
        r"\b(?:ich|wir)\s+warte[nt]?\b|\bund\s+(?:immer\s+noch\s+)?nichts\b|\bwo\s+(?:ist|sind|bleibt)\s+(?:es|sie|er)\s*\?",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "nicht storniert",
        1.5,
        r"\b(?:ich|wir)\s+(?:habe|haben|hab)\s+(?:\w+\s+){0,2}?(?:nicht|nichts|nie)\s+(?:\w+\s+)?storniert\b",
    ),
    cue(
        "storniert?",
        1.5,
        r"\b(?:wurde|ist|wurden)\b" + CLAUSE + r"{0,30}?\b(?:storniert|annulliert)\s*\?",
        veto_before=r"\b(?:kann|konnen|koennen|moglich|moeglich|bitte)\b",
    ),
    cue(
        "Zeit vergangen",
        0.6,
        r"\b(?:seit|vor)\s+(?:\d+|einer|einem|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwolf"
        r"|mehreren|einigen|uber\s+\w+|ueber\s+\w+)\s+(?:tag|tagen|woche|wochen)\b",
    ),
    cue(
        "zur Abholung",
        1.5,
        r"\bbenachrichtigungskarte\b|\bzustellversuch\w*|\bin\s+der\s+filiale\b|\bzur\s+abholung\b"
        r"|\bpackstation\b|\bnicht\s+angetroffen\b",
    ),
    cue("was ist passiert", 0.7, r"\bwas\s+ist\s+(?:denn\s+)?(?:da\s+)?(?:los|passiert)\b"),
    cue(
        "Status?",
        1.5,
        r"(?:^|\n)\W*(?:und|also|status|stand|neuigkeiten|news|update|und\s+jetzt|was\s+nun)\s*\?+"
        r"|(?:^|\n)\W*(?:und\s+)?(?:was\s+ist\s+mit\s+)?(?:meine[rnm]?|die|der|das)\s+(?:bestellung|paket|lieferung)\s*\?+"
        r"|\bgibt(?:'s|\s+es)\s+(?:\w+\s+)?(?:neues|news|neuigkeiten)\b",
    ),
    cue(
        "wo ist <Bestellnummer>", 1.5, r"\bwo\s+(?:ist|bleibt)(?:\s+(?:meine\s+)?bestellung)?" + NUMBER_AHEAD
    ),
    cue(
        "nicht erhalten",
        2.0,
        r"\b(?:nicht|nie|niemals|keine?n?)\b"
        + CLAUSE
        + r"{0,40}?\b(?:erhalten|bekommen|angekommen|eingetroffen"
        r"|geliefert|zugestellt|da|gekommen|zugegangen|empfangen|eingegangen)\b",
        veto_after=OTHER_OBJECT,
        # the object comes first ("meine Erstattung noch nicht erhalten"); "falls ich nicht da bin" is an if
        veto_before=OTHER_OBJECT + "|" + CONDITIONAL,
    ),
    cue(
        "warte noch",
        1.5,
        r"\bwarte(?:n)?\s+(?:\w+\s+)?(?:immer\s+noch|noch\s+immer|noch|schon|seit)\b"
        r"|\b(?:noch\s+immer|immer\s+noch)\s+(?:nicht|nichts|kein\w*)\b"
        r"|\bnichts\s+(?:angekommen|erhalten|bekommen|geliefert)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "nicht versendet",
        2.0,
        r"\b(?:nicht|nie)\b" + CLAUSE + r"{0,40}?\b(?:versendet|verschickt|versandt|verschifft|abgeschickt"
        r"|rausgegangen|unterwegs|losgeschickt|auf\s+den\s+weg\s+gebracht|raus)\b",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "schon verschickt?",
        1.5,
        r"\b(?:schon|bereits|inzwischen|mittlerweile|endlich|jetzt)\b"
        + CLAUSE
        + r"{0,40}?\b(?:verschickt|versendet|versandt|abgeschickt|unterwegs|losgeschickt|rausgegangen)\b"
        r"|\b(?:verschickt|versendet|versandt|abgeschickt|unterwegs|abgeholt)\b\s*(?:worden\s*)?\?",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
    ),
    cue(
        "warte auf mein Paket",
        1.5,
        r"\bwarte\w*\s+(?:\w+\s+){0,3}?auf\s+(?:meine?[nrs]?|die|das|den|unsere?[nrs]?)\s+(?:\w+\s+)?"
        + _NOUNS
        + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "wann wird versendet",
        1.5,
        r"\bwann\b"
        + CLAUSE
        + r"{0,50}?\b(?:versendet|verschickt|versandt|raus|los|versand|abgeschickt|versenden|verschicken)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "wann kommt",
        1.8,
        r"\bwann\b"
        + CLAUSE
        + r"{0,50}?\b(?:ankommen|kommt|kommen|geliefert|zugestellt|erhalte|erhalten|bekomme|bekommen"
        r"|eintreffen|trifft|da\s+sein|liefern|zustellung|lieferung|rechnen|erwarten)\b"
        r"|\bseit\s+ewigkeiten\b|\bewig\s+(?:und\s+drei\s+tage|lange)\b",
        veto_after=OTHER_OBJECT,
        veto_before=REFUND_OBJECT,
    ),
    cue(
        "ausstehend",
        1.8,
        r"\b(?:ausstehend\w*|pending|in\s+bearbeitung|wird\s+(?:noch\s+)?bearbeitet|hangt|haengt|feststeck\w*"
        r"|steckt\s+fest|unbearbeitet|steht\s+(?:\w+\s+){0,3}?auf\s+(?:ausstehend|pending|offen"
        r"|in\s+bearbeitung)|in\s+vorbereitung|wird\s+(?:noch\s+)?vorbereitet|versand\s+in\s+kurze"
        r"|versand\s+in\s+kuerze)\b",
        veto_after=r"erstatt|ruc?e?ksend|retoure|gutschrift|bewertung",
    ),
    cue(
        "keine Bestellung gefunden",
        2.0,
        r"\bgibt\s+(?:es\s+)?keine\s+bestellung|\bkeine\s+bestellung\s+(?:gibt|existiert|vorhanden)"
        r"|\b(?:keine?|nicht)\b"
        + CLAUSE
        + r"{0,30}?\b(?:bestellung|auftrag)\b"
        + CLAUSE
        + r"{0,30}?\b(?:gefunden|finden|auffindbar|sehen|sichtbar|angezeigt|vorhanden|registriert|vermerkt"
        r"|gespeichert)\b"
        r"|\b(?:sehe|finde)\s+(?:ich\s+)?(?:\w+\s+)?keine[nr]?\s+(?:bestellung|auftrag)"
        r"|\b(?:finde|sehe)\b"
        + CLAUSE
        + r"{0,25}?\b(?:bestellung|auftrag)\b"
        + CLAUSE
        + r"{0,30}?\b(?:nicht|nirgends)\b"
        r"|\bbestellung\b"
        + CLAUSE
        + r"{0,40}?\b(?:verschwunden|nicht\s+mehr\s+(?:da|sichtbar|auffindbar|angezeigt))",
    ),
    cue(
        "Sendungsverfolgung",
        1.5,
        r"\bsendungs(?:verfolgung|nummer|nr|status)\w*|\btracking\w*|\bverfolg\w*|\bpaketverfolgung\w*"
        r"|\bpaket(?:nummer|nr|schein)\w*",
        veto_after=OTHER_OBJECT,
        veto_before=r"ruc?e?ksend|retoure",
        role=CARRIER_REPORT,
    ),
    cue(
        "Bestellstatus",
        1.5,
        r"\b(?:status|stand)\s+(?:meiner|der|unserer|meines|des)\s+(?:\w+\s+)?(?:bestellung|lieferung"
        r"|sendung|pakets?|auftrags?)"
        r"|\b(?:bestell|liefer|versand|sendungs)status\b|\bneuigkeiten\b|\bsachstand\b|\bzwischenstand\b"
        r"|\bwie\s+(?:ist\s+)?(?:der\s+)?(?:aktuelle\s+)?stand\b|\bgibt\s+es\s+(?:\w+\s+)?(?:neues|infos?"
        r"|ein\s+update)\b",
        veto_after=OTHER_OBJECT,
        veto_before=THANKED,
    ),
    cue(
        "nichts gehört",
        1.5,
        r"\bnichts\s+(?:mehr\s+)?(?:gehort|gehoert)\b|\bnichts\s+(?:mehr\s+)?von\s+(?:ihnen|euch|dir)\b"
        r"|\bkeine\s+(?:info\w*|nachricht\w*|ruc?e?kmeldung|versandbestatigung|versandbestaetigung"
        r"|bestatigung"
        r"|benachrichtigung|e-?mail)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "Lieferzeit",
        1.5,
        r"\bliefer(?:zeit|termin|datum|dauer|frist)\w*|\bvoraussichtlich\w*|\bzustell(?:termin|datum|tag)\w*",
    ),
    cue(
        "verspätet",
        1.2,
        r"\bverspat\w*|\bverspaet\w*|\buberfallig|\bueberfaellig|\bverzoger\w*|\bverzoeger\w*"
        r"|\bhatte\s+" + CLAUSE + r"{0,40}?(?:ankommen|da\s+sein|geliefert\s+werden|kommen)\s+sollen"
        r"|\bsollte\s+(?:\w+\s+)?(?:schon|bereits|eigentlich|langst|laengst)\b"
        r"|\bsollte\b" + CLAUSE + r"{0,30}?\b(?:kommen|ankommen|da\s+sein|geliefert\s+werden|eintreffen)\b"
        r"|\bdauert\b" + CLAUSE + r"{0,30}?\bso\s+lange\b",
        veto_after=r"erstatt|gutschrift",
    ),
    cue(
        "Zahlung ausstehend",
        1.8,
        r"\bzahlung\w*\b"
        + CLAUSE
        + r"{0,30}?\b(?:ausstehend|gepruft|geprueft|uberpruf\w*|ueberpruef\w*|pending"
        r"|bearbeitung|nicht\s+bestatigt|verifiz\w*)"
        r"|\b(?:abgebucht|bezahlt|belastet)\b"
        + CLAUSE
        + r"{0,60}?\b(?:aber|doch|trotzdem|keine|nicht|nichts)\b",
    ),
    cue(
        "laut Tracking zugestellt",
        2.0,
        r"\b(?:laut|angeblich|als)\s+(?:\w+\s+){0,3}?zugestellt\b|\bzugestellt\b"
        + CLAUSE
        + r"{0,40}?\b(?:aber|jedoch)\b",
        veto_after=TO_THE_SELLER,
        role=CARRIER_REPORT,
    ),
    cue(
        "bewegt sich nicht",
        1.2,
        r"\bbewegt\s+sich\s+(?:\w+\s+)?nicht|\bkeine\s+(?:bewegung|veranderung|aktualisierung)\b"
        r"|\bnichts\s+(?:neues|getan)\b"
        r"|\bliegt\b" + CLAUSE + r"{0,40}?\b(?:seit|fest)\b",
    ),
    cue(
        "unterwegs?",
        1.5,
        r"\bauf\s+dem\s+weg\b|\bunterwegs\b|\bin\s+zustellung\b",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL + r"|ruc?e?ksendung|retoure",
    ),
    cue(
        "zurück an Absender",
        2.0,
        r"\b(?:an\s+den|zum)\s+absender\s+(?:\w+\s+)?zuru(?:e)?ck\w*|\bzuru(?:e)?ck\s+an\s+(?:den\s+)?absender\b"
        r"|\ban\s+den\s+absender\s+(?:zuru(?:e)?ck)?(?:geschickt|gesendet|gegangen)\b",
    ),
    cue(
        "kommt es bis Samstag?",
        1.5,
        r"\b(?:bis|vor)\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|dem\s+wochenende"
        r"|morgen|weihnachten|\d)" + CLAUSE + r"{0,30}?\b(?:da|ankommen|geliefert|zugestellt|bei\s+mir)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "niemand angetroffen",
        1.5,
        r"\bniemand\s+(?:\w+\s+)?(?:zu\s+hause|zuhause|da|angetroffen)\b|\berneute\s+zustellung\b",
    ),
    cue(
        "angeblich zugestellt",
        2.0,
        r"\b(?:behauptet|sagt|meint)\b" + CLAUSE + r"{0,40}?\b(?:zugestellt|abgegeben|abgelegt|geliefert)\b"
        r"|\bangeblich\s+(?:beim\s+nachbarn|abgegeben|abgelegt)\b",
    ),
    cue("nichts passiert", 1.2, r"\bnichts\s+(?:ist\s+)?passiert\b|\btut\s+sich\s+nichts\b"),
    cue(
        "kommt der Rest separat?",
        2.0,
        r"\b(?:separat|getrennt|extra|nach)\s*(?:geschickt|verschickt|versendet|geliefert|kommen|kommt|nachgeliefert)\b"
        r"|\bnach(?:geliefert|geschickt|gesendet)\b|\bnachlieferung\b|\bfehlt\s+(?:aber\s+)?noch\b"
        r"|\bfehlen\s+(?:aber\s+)?noch\b"
        # "kommt die noch extra?", "da waren nur die Topflappen drin"
        r"|\bkomm(?:t|en)\s+(?:\w+\s+){0,3}?(?:extra|separat|getrennt|nach)\b"
        r"|\bnur\s+(?:\w+\s+){0,4}?(?:drin|drinnen|dabei|enthalten|im\s+paket)\b",
        role=PART_MISSING,
    ),
    cue(
        "verloren",
        1.5,
        r"\b(?:paket|sendung|lieferung|bestellung)\b" + CLAUSE + r"{0,30}?\b(?:verloren|verschollen)",
    ),
)

AGAINST: tuple[Cue, ...] = (
    cue(
        "Rücksendung",
        -2.0,
        r"\bru(?:e)?ck(?:sendung|gabe|senden|schicken|versand|geben)\w*|\bzuru(?:e)?ck(?:senden|schicken"
        r"|geben|gesendet"
        r"|geschickt|zuschicken)\b|\bretoure\w*|\bumtausch\w*|\bumtauschen\b|\bersatz\b|\bersatzlieferung\b",
        veto_after=r"absender",
        veto_before=r"absender",  # "an den Absender zurückgeschickt" is the carrier's return, not the buyer's
    ),
    cue(
        "Erstattung",
        -0.8,
        r"\b\w*erstatt\w*|\bgeld\s+zuru(?:e)?ck\b|\bgutschrift\w*|\bru(?:e)?ckzahlung\w*",
    ),
    cue(
        "Frage nach der Erstattung",
        -2.0,
        r"\bwann\b" + CLAUSE + r"{0,40}?\b(?:geld|erstattung|gutschrift|ru(?:e)?ckzahlung|erstattet)\b"
        r"|\bwo\s+bleibt\s+(?:denn\s+)?(?:meine?|die|das)\s+(?:erstattung|gutschrift|ru(?:e)?ckzahlung|geld)\b"
        r"|\bnoch\s+(?:immer\s+)?(?:keine|nicht)\s+(?:\w+\s+)?(?:erstattung|gutschrift|erstattet"
        r"|zuru(?:e)?ckerstattet)\b",
    ),
    cue(
        "zurückgeschickt",
        -1.0,
        r"\bzuru(?:e)?ck(?:geschickt|gesendet|gesandt|gegeben)\b|\bretourniert\b|\bru(?:e)?cksendung\b"
        + CLAUSE
        + r"{0,40}?\b(?:angekommen|zugestellt|erhalten|eingegangen)\b",
        veto_after=r"absender",
        veto_before=r"absender",
        role=RETURN_SENT,
    ),
    cue(
        "Stornierung",
        -1.2,
        r"\bstornier(?:en|e|ung)\b|\bstorno\b|\bwiderruf\w*|\babbestell\w*|\bzuru(?:e)?cktret\w*"
        r"|\bru(?:e)?cktritt\w*",
        veto_before=CONDITIONAL,
        role=CHANGE_REQUEST,
    ),
    cue(
        "nicht mehr gewollt",
        -1.5,
        r"\bversehentlich\b|\baus\s+versehen\b|\bnicht\s+mehr\s+(?:benotigt|gebraucht|brauche|haben)"
        r"|\bbrauche\s+(?:es|ihn|sie|das)\s+nicht\s+mehr"
        r"|\bgu(?:e)?nstiger\s+gefunden\b|\bfalsch\s+bestellt\b|\banders\s+u(?:e)?berlegt\b|\bumentschieden\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "Rechnung",
        -2.0,
        r"\brechnung\w*|\bquittung\w*|\bmwst\b|\bmehrwertsteuer\b|\bust-?id\b",
        # "auf Rechnung bestellt" names the payment method, not a request for an invoice
        veto_before=r"\b(?:auf|per|gegen|mit)\s*$",
    ),
    cue(
        "Adresse ändern",
        -1.8,
        r"\b(?:liefer|versand)?adresse\b"
        + CLAUSE
        + r"{0,30}?\b(?:andern|aendern|anpassen|korrigieren|aktualisieren|geandert)\b"
        r"|\b(?:andern|aendern|korrigieren)\b" + CLAUSE + r"{0,30}?\badresse\b|\bneue\s+(?:liefer)?adresse\b"
        r"|\b(?:alte|falsche|fruhere|frueheren|alten|falschen)\s+(?:liefer|versand)?adresse\b"
        r"|\b(?:liefer|versand)?adresse\b" + CLAUSE + r"{0,30}?\bfalsch\b"
        r"|\b(?:an|zu)\s+(?:meine[rmn]?|die)\s+(?:arbeit|firma|buro|nachbar\w*|andere\s+adresse)\s+(?:\w+\s+)?"
        r"(?:schicken|liefern|senden|umleiten)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "Artikel tauschen",
        -1.8,
        r"\bstatt\b" + CLAUSE + r"{0,40}?\blieber\b"
        r"|\blieber\s+(?:\w+\s+){0,3}?(?:in|die|den|das|eine?n?)\s+(?:\w+\s+)?(?:weiss|schwarz|rot|blau|gru(?:e)?n"
        r"|grau|creme|beige|braun|gelb|rosa|farbe|gro(?:e)?sse)\b"
        r"|\b(?:farbe|gro(?:e)?sse|variante|ausfu(?:e)?hrung|modell)\b"
        + CLAUSE
        + r"{0,30}?\b(?:a(?:e)?ndern|tauschen"
        r"|wechseln)\b|\bandere[nrs]?\s+(?:farbe|gro(?:e)?sse|variante|ausfu(?:e)?hrung)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "Bestellung ändern",
        -1.2,
        r"\b(?:zu|in|aus|von)\s+(?:meiner|der|dieser|unserer)\s+bestellung\s+(?:\w+\s+)?(?:hinzufugen|hinzufuegen"
        r"|dazu\w*|entfernen|streichen|nehmen)\b|\bbestellung\s+(?:\w+\s+)?(?:andern|aendern|erganzen|ergaenzen)\b"
        r"|\bdazu\s*(?:packen|legen)\b|\bdazupacken\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "Name ändern",
        -1.8,
        r"\bname\w*\s+(?:auf|an|in)\s+(?:der|dem|die)\s+(?:bestellung|lieferung|sendung|paket|adresse)\b"
        r"|\bname\w*\b[^!?\n]{0,40}?\b(?:andern|aendern|korrigieren|anpassen)\b|\bauf\s+den\s+namen\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "Produktfrage",
        -1.5,
        r"\bkompatib\w*|\bpasst\s+(?:das|der|die|es)\b|\bwelche\s+(?:grosse|groesse|farbe|version)\b"
        r"|\bgrosse\b|\bgroesse\b"
        r"|\babmessung\w*|\bauf\s+lager\b|\bvorratig\b|\bbedienungsanleitung\w*|\banleitung\w*|\bgarantie\w*"
        r"|\bgewahrleistung\w*|\bpasst\s+(?:\w+\s+){0,3}?(?:in|an|auf|zu|fur|mit)\b|\bgeeignet\b"
        r"|\bwie\s+(?:\w+\s+){0,2}?(?:reinige|putze|wasche|pflege|benutze|verwende|montiere|bediene|entkalke)\b"
        r"|\bwie\s+wird\s+(?:\w+\s+){0,3}?(?:montiert|gereinigt|gewaschen|aufgebaut|benutzt)\b"
        r"|\b(?:spulmaschinen|spuelmaschinen|backofen|mikrowellen)\w*(?:fest|geeignet)\b|\binduktion\b",
    ),
    cue(
        "vor dem Kauf",
        -2.5,
        r"\bbevor\s+ich\s+(?:\w+\s+)?(?:bestelle|kaufe)\b|\bwenn\s+ich\s+(?:heute\s+)?(?:bestelle|kaufe)\b"
        r"|\bmo(?:e)?chte\s+(?:gerne?\s+)?(?:\w+\s+)?(?:bestellen|kaufen)\b"
        r"|\bliefern\s+sie\s+(?:auch\s+)?(?:nach|in\s+die|ins)\b"
        r"|\bversenden\s+sie\s+(?:auch\s+)?(?:nach|ins|in\s+die)\b|\bplane\s+(?:\w+\s+)?zu\s+(?:kaufen"
        r"|bestellen)\b",
    ),
    cue("Versandoptionen", -1.5, r"\b(?:versand|liefer)(?:optionen|arten|kosten|methoden)\b"),
    cue(
        "Produktmangel",
        -1.5,
        r"\bkaputt\w*|\bdefekt\w*|\bbeschadigt\w*|\bbeschaedigt\w*|\bfunktioniert\s+(?:\w+\s+)?nicht"
        r"|\bgeht\s+nicht\s+(?:an|mehr)\b"
        r"|\bfalsche[nrs]?\s+(?:artikel|grosse|groesse|farbe|produkt|teil)\b|\bfehlende?n?\s+(?:teile?"
        r"|schrauben|zubehor)\b"
        r"|\bzerbrochen\b|\bfehlerhaft\w*|\bschlechte\s+qualitat\b|\bsprung\b|\brisse?\b|\bangeschlagen\b"
        r"|\babgebrochen\b|\bgesprungen\b|\bzerkratzt\b|\bverbogen\b|\bundicht\b|\bdurchgeweicht\b"
        r"|\bzu\s+(?:klein|gross|eng|kurz|lang|weit)\b|\bstatt\s+(?:de[rsnm]|eine[rsnm]?)\b",
    ),
    cue(
        "erhalten",
        -1.5,
        r"\b(?:habe|hab|ist|sind|wurde|heute|gestern|endlich|alles|paket|lieferung|ware)\s+(?:\w+\s+){0,5}?"
        r"(?:erhalten|angekommen|bekommen|geliefert)\b|\b(?:paket|lieferung|ware)\s+kam\b",
        unless_negated=True,
        veto_after=MESSAGE_OBJECT + "|" + IN_TRANSIT + "|" + NOTHING + r"|\bnur\b|\bteil\w*",
        veto_before=HYPOTHETICAL + r"|\bnur\b|" + RECEIVED_INFO_BEFORE,
        role=RECEIVED,
    ),
    cue(
        "Konto",
        -1.5,
        r"\bpasswort\w*|\bkennwort\w*|\banmeld\w*|\beinlogg\w*|\bkonto\s+(?:erstellen|loschen|loeschen"
        r"|andern)\b|\bregistrier\w*|\bnewsletter\b",
    ),
    cue(
        "Bewertung",
        -1.0,
        r"\bbewertung\w*|\brezension\w*|\bfeedback\b|\bsterne\b|\bsuper\s+produkt\b|\bsehr\s+zufrieden\b"
        r"|\bwar\s+(?:super|toll|klasse|prima)\b",
    ),
    cue("Dank", -0.3, r"\bdanke\b|\bvielen\s+dank\b"),
    cue(
        "Dank für die Lieferung",
        -1.5,
        r"\b(?:dank\w*|danke)\s+(?:\w+\s+)?fur\s+(?:den|die|das)\s+(?:\w+\s+)?(?:versand|lieferung|service"
        r"|abwicklung|hilfe)\b|\bgerne\s+wieder\b",
    ),
    cue(
        "Zustellhinweis",
        -1.5,
        r"\b(?:beim|bei\s+(?:meinem|meiner|dem|der))\s+nachbar\w*\s+(?:\w+\s+){0,4}?(?:abgeben|abstellen|hinterlegen|lassen)\b"
        r"|\babstellgenehmigung\b|\bals\s+geschenk\s+verpack\w*|\bvor\s+die\s+tur\s+stellen\b"
        r"|\bgeschenk\w*|\b(?:karte|gruss\w*|notiz)\s+(?:\w+\s+){0,4}?beileg\w*|\bohne\s+(?:preis\w*|rechnung)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "alles gut, nur zur Info",
        -2.5,
        r"\b(?:alles\s+(?:gut|ok|in\s+ordnung)|nur\s+zur\s+info\w*|hat\s+sich\s+erledigt)\b" + NOT_A_QUESTION,
    ),
    cue(
        "Produktdetails",
        -1.5,
        r"\bbatterien?\b|\bakkus?\b|\bbpa\b|\bmaterial\b|\b(?:gewicht|durchmesser|fassungsvermogen"
        r"|fassungsvermoegen)\b|\bauch\s+in\s+\w+\s+(?:lieferbar|erhaltlich|erhaeltlich|verfugbar|verfuegbar)\b|\bqualitat\b|\bqualitaet\b|\benttauscht\b|\benttaeuscht\b"
        r"|\bwackel\w*|\bverfarb\w*|\bverfaerb\w*|\bspalt\b|\bschliesst\s+nicht\b"
        r"|\bfoto\w*\s+(?:\w+\s+){0,3}?(?:schicken|senden)\b",
    ),
    cue(
        "anderer Kauf oder Abholung",
        -1.5,
        r"\b\w*rabatt\w*|\bgutschein\w*|\bpersonlich\s+abholen\b|\bpersoenlich\s+abholen\b|\bselbst\s+abholen\b"
        r"|\bhaben\s+sie\s+(?:\w+\s+)?auch\s+in\b|\bgibt\s+es\s+(?:\w+\s+){0,2}?auch\s+in\b|\bfuhren\s+sie\b"
        r"|\bnichts\s+fehlt\b|\bes\s+fehlt\s+nichts\b",
    ),
    cue(
        "Zahlungsart",
        -1.2,
        r"\b(?:zahlen|bezahlen)\b"
        + CLAUSE
        + r"{0,20}?\b(?:rechnung|paypal|uberweisung|ueberweisung|kreditkarte"
        r"|nachnahme|raten|lastschrift|vorkasse)\b|\b(?:per|auf|mit|uber|ueber)\s+(?:rechnung|paypal|uberweisung"
        r"|ueberweisung|kreditkarte|nachnahme|raten|lastschrift)\s+(?:\w+\s+)?(?:zahlen|bezahlen)\b"
        r"|\bzahlungs(?:art|arten|methode|moglichkeit\w*|moeglichkeit\w*)\b",
        veto_before=r"\b(?:bereits|schon)\b",
    ),
)
