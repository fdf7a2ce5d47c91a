"""Italian cues: phrases that ask about an order's status (``FOR``) and topics that are something else
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
    r"(?:ordine|ordini|ordne|odrine|pacco|pacchi|ordinazione|spedizione|articolo|articoli|acquisto|prodotto"
    r"|prodotti|pacchetto|merce)"
)

# "il mio ordine", "il nostro pacco", "ho ordinato", "comprato": the buyer speaks of an order they have.
ORDER_WORDS = (
    r"\b(?:mio|mia|miei|mie|nostro|nostra|nostri|nostre)\s+(?:\w+\s+)?" + _NOUNS + r"\b"
    r"|\b(?:ordinat[oaie]|comprat[oaie]|acquistat[oaie]|prenotat[oaie]|preordinat[oaie])\b"
    r"|\b(?:ho|abbiamo)\s+(?:fatto|effettuato)\s+(?:un|l')\s*(?:ordine|acquisto)\b"
)

FOR: tuple[Cue, ...] = (
    cue(
        "dov'è il mio ordine",
        2.0,
        r"\bdov(?:e|')\s*(?:e'?|sono|si\s+trova(?:no)?|sta|stanno|(?:e|sia)\s+finit[oa]|e\s+andat[oa])?\s+"
        r"(?:il\s+mio|la\s+mia|i\s+miei|le\s+mie|il|la|l'|lo|mio|mia)\s*(?:\w+\s+)?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue("dov'è <numero>", 1.5, r"\bdov(?:e|')\s*e?(?:\s+(?:il\s+mio\s+|l')?ordine)?" + NUMBER_AHEAD),
    cue(
        "non ricevuto",
        2.0,
        r"\b(?:non|mai|nessun\w*)\b"
        + CLAUSE
        + r"{0,30}?\b(?:ricevut\w*|arrivat\w*|consegnat\w*|pervenut\w*|giunt\w*"
        r"|ricevo|arriva)\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"rimbors|soldi|fattur|\breso\b",  # "il rimborso non mi è arrivato"
    ),
    cue(
        "sto ancora aspettando",
        1.5,
        r"\b(?:sto\s+)?ancora\s+(?:aspettando|in\s+attesa|niente|nulla)\b|\baspetto\s+ancora\b"
        r"|\bancora\s+(?:non|nessun\w*)\b"
        r"|\bnon\s+(?:e\s+|sono\s+|ho\s+|mi\s+e\s+)?ancora\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"rimbors|soldi|fattur|\breso\b|" + CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "non spedito",
        2.0,
        r"\b(?:non|mai)\b" + CLAUSE + r"{0,30}?\b(?:spedit\w*|inviat\w*|partit\w*|evas\w*|mandat\w*)",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "è già partito?",
        1.5,
        r"\bgia\b" + CLAUSE + r"{0,30}?\b(?:spedit\w*|partit\w*|inviat\w*|evas\w*)"
        r"|\b(?:spedit[oaie]|partit[oaie]|inviat[oaie]|evas[oaie])\b" + CLAUSE + r"{0,30}\?",
        veto_after=OTHER_OBJECT,
        veto_before=r"\breso\b|rimbors|" + CONDITIONAL,
    ),
    cue(
        "quando verrà spedito",
        1.5,
        r"\bquando\b" + CLAUSE + r"{0,50}?\b(?:spedi\w*|invia\w*|partira|evas\w*|mand(?:ate|ato|ata|erete"
        r"|a|ano|are)\b)|\bper\s+quando\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "quando arriverà",
        1.8,
        r"\bquando\b" + CLAUSE + r"{0,50}?\b(?:arriv\w*|ricev\w*|consegn\w*|aspettar\w*)"
        r"|\b(?:un\s+secolo|una\s+vita|un'eternita)\b",
        veto_after=OTHER_OBJECT,
        veto_before=REFUND_OBJECT,  # "il rimborso quando arriva?"
    ),
    cue(
        "annullato ma addebitato",
        2.0,
        r"\b(?:annullat|cancellat)[oaie]\b[^\n]{0,80}?\b(?:addebitat|pagat|prelevat|scalat)\w*"
        r"|\b(?:addebitat|prelevat|scalat)\w*\b[^\n]{0,80}?\b(?:annullat|cancellat)[oaie]\b",
        veto_before=r"\b(?:ho|abbiamo)\s+(?:\w+\s+)?$",
    ),
    cue(
        "problema di consegna",
        1.5,
        r"\b(?:eccezione|anomalia|problema)\s+(?:di|nella|con\s+la|sulla)\s+consegna\b|\bnon\s+consegnabile\b"
        r"|\bconsegna\s+(?:non\s+riuscita|fallita|impossibile)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "mi serve per sabato",
        2.0,
        r"\bmi\s+serv(?:e|ono)\s+(?:\w+\s+)?(?:per|entro|prima\s+di)\s+(?:\w+\s+)?(?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|il\s+weekend|domani|natale|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "perché annullato",
        2.0,
        r"\bperche\b" + CLAUSE + r"{0,40}?\b(?:annullat|cancellat)\w*"
        r"|\b(?:e\s+stat[oa]|risulta|viene\s+indicat[oa]\s+come|e)\s+(?:annullat|cancellat)[oa]\b"
        + CLAUSE
        + r"{0,60}?\b(?:ma|senza|perche|non)\b",
        veto_before=CONDITIONAL,
    ),
    cue(
        "a che punto è",
        1.5,
        r"\ba\s+che\s+punto\b|\bcome\s+(?:va|procede)\s+(?:il\s+mio\s+|la\s+mia\s+|l')?(?:ordine|spedizione|consegna)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "sto aspettando",
        1.2,
        r"\b(?:sto\s+)?aspett(?:ando|o)\b|\be\s+(?:ancora\s+)?(?:niente|nulla)\b|\bdov(?:e|')\s*e\s*\?",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "ancora da spedire",
        1.8,
        r"\b(?:ancora\s+)?da\s+(?:spedire|consegnare|evadere|inviare)\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"\breso\b|restitu|rimand",
    ),
    cue(
        "non ho annullato",
        1.5,
        r"\bnon\s+(?:l'|lo\s+|la\s+)?(?:ho|abbiamo)\s+(?:\w+\s+)?(?:annullat|cancellat)\w*",
    ),
    cue(
        "annullato?",
        1.5,
        r"\b(?:e|stato|stata|risulta)\b" + CLAUSE + r"{0,30}?\b(?:annullat|cancellat)[oa]\s*\?",
        veto_before=r"\b(?:posso|potete|possibile|vorrei|si\s+puo)\b",
    ),
    cue(
        "tempo trascorso",
        0.6,
        r"\b(?:sono\s+passat[ie]|da|dopo)\s+(?:\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|una"
        r"|piu\s+di\s+una?)\s+(?:giorni|settiman[ae])\b"
        r"|\b(?:\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|una)\s+(?:giorni|settiman[ae])\s+fa\b",
    ),
    cue(
        "in giacenza",
        1.5,
        r"\bgiacenza\b|\bavviso\s+di\s+(?:passaggio|giacenza)\b|\btentata\s+consegna\b|\bdestinatario\s+assente\b"
        r"|\briconsegna\b|\blasciato\s+un\s+avviso\b|\bnon\s+c'era\s+nessuno\b",
    ),
    cue(
        "tornato al mittente",
        2.0,
        r"\b(?:tornat|rimandat|rispedit|restituit|rientrat|ritornat)[oa]\s+(?:\w+\s+)?al\s+mittente\b"
        r"|\breso\s+al\s+mittente\b",
    ),
    cue(
        "arriverà entro sabato?",
        1.5,
        r"\b(?:arriv\w*|consegnat\w*|spedit\w*)\s+(?:\w+\s+)?(?:entro|prima\s+di|per)\s+(?:lunedi|martedi|mercoledi"
        r"|giovedi|venerdi|sabato|domenica|il\s+weekend|domani|natale|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "cosa è successo",
        0.7,
        r"\b(?:cos(?:a|')|che\s+cosa|che)\s*e\s+successo\b|\bcome\s+mai\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "novità?",
        1.5,
        r"(?:^|\n)\W*(?:ci\s+sono\s+)?(?:novita|notizie|aggiornamenti|allora|stato|status|e\s+quindi|e\s+allora)"
        r"\s*\?+|(?:^|\n)\W*e\s+(?:il\s+mio|l')\s*(?:ordine|pacco)\s*\?+",
    ),
    cue(
        "dov'è il resto",
        2.0,
        r"\bdov(?:e|')\s*(?:e\s+|sono\s+)?(?:il\s+resto|l'altr[oa]|gli\s+altri|le\s+altre)\b"
        r"|\bresto\s+(?:del(?:l')?|dell)\s*(?:mio\s+|mia\s+)?(?:\w+\s+)?" + _NOUNS + r"\b"
        r"|\bsolo\s+(?:una\s+)?parte\b|\bconsegna\s+parziale\b"
        # "mi è arrivata solo la moka", "ho ricevuto solo le tazzine" (not "arrivato solo ieri")
        r"|\b(?:arrivat|ricevut|consegnat)[oaie]\s+(?:\w+\s+){0,2}?(?:solo|soltanto)\b"
        r"(?!\s+(?:ieri|oggi|adesso|ora|stamattina|stasera|dopo|\d))",
        veto_after=OTHER_OBJECT,
        role=PART_MISSING,
    ),
    cue(
        "tempi di consegna",
        1.5,
        r"\b(?:tempi|data|termine)\s+(?:previst[oa]\s+)?di\s+(?:consegna|arrivo|spedizione)\b"
        r"|\b(?:consegna|arrivo)\s+previst[oa]\b"
        r"|\bdata\s+prevista\b",
    ),
    cue(
        "in sospeso",
        1.8,
        r"\bin\s+sospeso\b|\bin\s+attesa\b|\bin\s+(?:fase\s+di\s+)?(?:elaborazione|lavorazione"
        r"|preparazione)\b"
        r"|\bbloccat\w*|\bpending\b|\bfermo\b",
        veto_after=r"rimbors|\breso\b|recension",
    ),
    cue(
        "nessuna traccia dell'ordine",
        2.0,
        r"\bnessuna\s+traccia\b|\bnon\s+vedo\s+(?:niente|nulla)\b|\bne\s+conferma\b"
        r"|\bnessuna\s+(?:e-?mail\s+di\s+)?conferma\b"
        r"|\bnon\s+(?:trovo|vedo|risulta|esiste|c'e)\b"
        + CLAUSE
        + r"{0,30}?\b(?:ordine|acquisto)\b|\bordine\b"
        + CLAUSE
        + r"{0,20}?\b(?:scompars\w*|sparit\w*|non\s+risulta|non\s+compare|non\s+appare)",
    ),
    cue(
        "tracciamento",
        1.5,
        r"\btraccia\w*|\btracking\b|\bcodice\s+(?:di\s+)?spedizione\b|\bseguire\s+(?:il|la"
        r"|mio)\s+(?:\w+\s+)?(?:pacco|ordine|spedizione)",
        veto_after=OTHER_OBJECT,
        veto_before=r"\breso\b",
        role=CARRIER_REPORT,
    ),
    cue(
        "stato dell'ordine",
        1.5,
        r"\bstato\s+(?:del|della|dell'|di)\s*(?:mio\s+|mia\s+)?(?:\w+\s+)?(?:ordine|spedizione|pacco"
        r"|consegna|acquisto)\b"
        r"|\baggiornament\w*|\bnotizi[ae]\b|\bnovita\b|\bnon\s+so\s+(?:piu\s+)?(?:niente|nulla)\b",
        veto_after=OTHER_OBJECT,
        veto_before=THANKED,
    ),
    cue(
        "ritardo",
        1.2,
        r"\britard\w*|\bdoveva\s+(?:arrivare|essere\s+consegnat)|\bsarebbe\s+dovut[oa]\s+arrivare\b"
        r"|\bavrebbe\s+dovuto\b",
    ),
    cue(
        "pagamento in sospeso",
        1.8,
        r"\bpagamento\b"
        + CLAUSE
        + r"{0,30}?\b(?:in\s+sospeso|in\s+attesa|verifica|pending|elaborazione|non\s+confermato)"
        r"|\b(?:addebitat\w*|pagat\w*|prelevat\w*|scalat\w*)\b"
        + CLAUSE
        + r"{0,60}?\b(?:ma|ancora|nessun\w*)\b"
        r"|\bverifica\w*\s+(?:del\s+|dei\s+)?pagament\w*",
    ),
    cue(
        "risulta consegnato",
        2.0,
        r"\b(?:risulta|segna|indica|dice|mostra|compare)\w*\s+(?:come\s+)?consegnat\w*",
        veto_after=TO_THE_SELLER,
        role=CARRIER_REPORT,
    ),
    cue(
        "arriva a parte?",
        2.0,
        r"\b(?:a\s+parte|separatamente|in\s+un\s+(?:altro|secondo)\s+(?:pacco|collo|momento))\b",
        role=PART_MISSING,
    ),
    cue("dove sono?", 1.2, r"\bdov(?:e|')\s*(?:e|sono|sta|stanno|sia|siano)\s*\?"),
    cue(
        "non si muove",
        1.2,
        r"\bnon\s+si\s+(?:e\s+)?(?:muove|mosso)\b|\bnessun\s+(?:movimento|aggiornamento)\b"
        r"|\bferm[oa]\s+(?:da|a|al|nel|in)\b",
    ),
    cue(
        "in viaggio?",
        1.5,
        r"\bin\s+(?:viaggio|arrivo|transito|consegna)\b|\bper\s+strada\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "ci mette tanto",
        1.2,
        r"\b(?:ci\s+)?(?:mette|vuole|impiega)\w*\b" + CLAUSE + r"{0,20}?\b(?:tanto|cosi\s+tanto|troppo)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "dice di averlo consegnato",
        2.0,
        r"\b(?:dice|sostiene|afferma|risulta)\w*\s+(?:di\s+)?(?:averlo|averla|aver|avere)\s+(?:\w+\s+)?(?:consegnat"
        r"|lasciat)\w*",
    ),
    cue(
        "pacco perso",
        1.5,
        r"\b(?:pacco|ordine|spedizione)\b" + CLAUSE + r"{0,30}?\b(?:pers[oa]|smarrit\w*)\b"
        r"|\b(?:pers[oa]|smarrit[oa])\s+(?:il\s+mio\s+|la\s+mia\s+|il\s+|la\s+)?(?:pacco|ordine|spedizione)\b",
    ),
)

AGAINST: tuple[Cue, ...] = (
    cue(
        "reso",
        -2.0,
        r"\breso\b|\bresi\b|\brestitu\w*|\brimandare\s+indietro\b|\bsostitu\w*|\bcambio\b|\brispedit\w*"
        r"|\brimandat[oaie]\s+indietro\b|\bcambiarl[oaie]\b",
        veto_after=r"mittente",
    ),
    cue("rimborso", -0.8, r"\brimbors\w*|\bsoldi\s+indietro\b"),
    cue(
        "domanda sul rimborso",
        -2.0,
        r"\bquando\b"
        + CLAUSE
        + r"{0,40}?\b(?:rimbors\w*|soldi)\b|\brimborso\b"
        + CLAUSE
        + r"{0,20}?\bquando\b"
        r"|\bdov(?:e|')\s*(?:e\s+)?(?:finito\s+)?(?:il\s+)?(?:mio\s+)?rimborso\b"
        r"|\bnon\s+(?:ho\s+)?(?:ancora\s+)?(?:ricevuto\s+(?:il\s+)?rimborso|(?:sono\s+)?(?:stato|stata)\s+rimborsat[oa])",
    ),
    cue(
        "articolo restituito",
        -1.0,
        r"\b(?:ho|abbiamo)\s+(?:gia\s+)?(?:restituit|rimandat|rispedit|res)[oaie]\b"
        r"|\bil\s+reso\s+(?:\w+\s+){0,2}?(?:consegnat|arrivat|ricevut)\w*|\bpacco\s+(?:del\s+)?reso\b",
        veto_after=r"mittente",
        role=RETURN_SENT,
    ),
    cue(
        "cambio di articolo",
        -2.0,
        r"\bcambiare\s+(?:il|la|lo)\s+(?:colore|taglia|misura|modello)\b"
        r"|\bvorrei\s+(?:quell[oaie]|quelli|il|la|lo)\s+(?:\w+\s+)?(?:ross[oaie]|ner[oaie]|bianc[oaie]|blu"
        r"|verd[ei]|gialla?|grigi[oa]|taglia|colore|misura)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "annullamento",
        -1.2,
        r"\bannull(?:are|ate|a|o|amento)\b|\bcancellare\b|\bdisdire\b|\brecesso\b",
        veto_before=CONDITIONAL,
        role=CHANGE_REQUEST,
    ),
    cue(
        "cambio idea",
        -1.5,
        r"\bcambiato\s+idea\b|\bper\s+errore\b|\bnon\s+(?:mi\s+)?serve\s+piu\b"
        r"|\bnon\s+ne\s+ho\s+piu\s+bisogno\b|\bpiu\s+economico\b|\bper\s+sbaglio\b",
        role=CHANGE_REQUEST,
    ),
    cue("fattura", -2.0, r"\bfattur\w*|\bricevuta\b|\bpartita\s+iva\b|\bcodice\s+fiscale\b|\bscontrino\b"),
    cue(
        "cambio indirizzo",
        -1.8,
        r"\b(?:cambiare|modificare|correggere|aggiornare)\b" + CLAUSE + r"{0,30}?\bindirizzo\b"
        r"|\bindirizzo\b" + CLAUSE + r"{0,20}?\b(?:sbagliato|errato|nuovo)\b|\bnuovo\s+indirizzo\b"
        r"|\bsbagliat[oa]\s+(?:\w+\s+){0,4}?(?:nell'|l')?indirizzo\b|\bsbagliato\s+(?:il\s+)?(?:numero\s+)?civico\b"
        r"|\b(?:consegnar|spedir|mandar|inviar)\w*\s+(?:\w+\s+){0,3}?(?:in|al|all')\s*(?:ufficio|lavoro)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "cambio nome",
        -1.8,
        r"\bintestar\w*|\b(?:cambiare|modificare|correggere)\s+(?:il\s+)?nome\b|\bnome\s+del\s+destinatario\b"
        r"|\ba\s+nome\s+di\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "modifica dell'ordine",
        -1.2,
        r"\b(?:aggiungere|togliere|rimuovere)\s+(?:\w+\s+){0,4}?(?:all'|al|dall'|dal)\s*ordine\b"
        r"|\bmodificare\s+(?:il\s+(?:mio\s+)?|l')ordine\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "domanda sul prodotto",
        -1.5,
        r"\bcompatib\w*|\bquale\s+(?:taglia|colore|misura|versione)\b|\btaglia\b|\bmisur[ae]\b|\bdimensioni\b"
        r"|\bdisponibil\w*|\bmanuale\b|\bistruzioni\b|\bgaranzia\b|\bfunziona\s+con\b"
        r"|\badatt[oaie]\s+(?:a|al|alla|allo|per)\b|\binduzione\b|\blavastoviglie\b|\bin\s+lavatrice\b"
        r"|\bcome\s+si\s+(?:pulisce|lava|usa|monta|installa|utilizza)\b|\bsi\s+puo\s+(?:lavare|mettere|usare"
        r"|utilizzare)\b",
    ),
    cue(
        "prima dell'acquisto",
        -2.5,
        r"\bprima\s+di\s+(?:acquistare|ordinare|comprare)\b|\bse\s+(?:lo\s+)?(?:ordino|compro|acquisto)\b"
        r"|\bspedite\s+(?:anche\s+)?(?:in|a|all'estero)\b|\bvorrei\s+(?:acquistare|ordinare|comprare)\b",
    ),
    cue(
        "opzioni di spedizione",
        -1.5,
        r"\b(?:opzioni|metodi|costi|spese|modalita)\s+di\s+(?:spedizione|consegna)\b",
    ),
    cue(
        "prodotto difettoso",
        -1.5,
        r"\brott[oaie]\b|\bdifettos\w*|\bdanneggiat\w*|\bnon\s+funziona\b|\bsmesso\s+di\s+funzionare\b"
        r"|\b(?:articolo|prodotto|taglia|colore|modello|misura)\s+(?:sbagliat|errat)\w*|\bmanca(?:no)?\s+(?:un|una|dei"
        r"|delle|pezzi|viti|accessori)\b"
        r"|\bmanca(?:no)?\s+(?:le|i|gli|il|la|l')\s*(?:viti|pezzi|istruzioni|accessori|cavo|caricatore|bulloni)\b"
        r"|\b(?:invece\s+d(?:i|el|ella|ello)|al\s+posto\s+d(?:i|el|ella|ello))\b|\bperde\s+acqua\b"
        r"|\btroppo\s+(?:grand|piccol|strett|larg|cort|lung)\w*"
        r"|\bgraffiat\w*|\bincrinat\w*|\bguast\w*",
    ),
    cue(
        "già ricevuto",
        -1.5,
        r"\b(?:ho|abbiamo|e|sono|gia|oggi|ieri|finalmente)\s+(?:\w+\s+)?(?:ricevut[oaie]|arrivat[oaie]"
        r"|consegnat[oaie])\b",
        unless_negated=True,
        veto_after=MESSAGE_OBJECT + "|" + IN_TRANSIT + "|" + NOTHING + r"|\bsolo\b|\bsoltanto\b",
        veto_before=HYPOTHETICAL + r"|\bsolo\b|\bsoltanto\b|" + RECEIVED_INFO_BEFORE,
        role=RECEIVED,
    ),
    cue("account", -1.5, r"\bpassword\b|\baccedere\b|\bregistrazione\b|\bnewsletter\b|\bdisiscri\w*"),
    cue(
        "recensione",
        -1.0,
        r"\brecension\w*|\bfeedback\b|\bvalutazion\w*|\bstelle\b|\bmolto\s+soddisfatt\w*"
        r"|\bottimo\s+prodotto\b",
    ),
    cue("grazie", -0.3, r"\bgrazie\b"),
    cue(
        "grazie per la spedizione",
        -1.5,
        r"\bgrazie\s+(?:\w+\s+)?per\s+(?:la|il|l')\s*(?:\w+\s+)?(?:spedizione|consegna|servizio|imballaggio"
        r"|rapidita)\b|\bcomplimenti\s+per\b",
    ),
    cue(
        "istruzioni di consegna",
        -1.5,
        r"\blasciatel[oa]\s+(?:pure\s+)?(?:al|alla|dal|dalla|presso|davanti)\b|\bconsegnatel[oa]\s+(?:al|alla|presso)\b"
        r"|\bpacco\s+regalo\b|\bconfezione\s+regalo\b|\be\s+un\s+regalo\b|\bbiglietto\s+(?:con|di\s+auguri)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "tutto a posto, solo per informarvi",
        -2.5,
        r"\b(?:tutto\s+(?:a\s+posto|ok|bene|perfetto)|solo\s+per\s+(?:informar|avvisar)\w*"
        r"|(?:e\s+)?risolto)\b" + NOT_A_QUESTION,
    ),
    cue(
        "dettagli del prodotto",
        -1.5,
        r"\bpile\b|\bbatteri[ae]\b|\bbpa\b|\bmateriale\b|\b(?:spessore|larghezza|altezza|lunghezza|diametro"
        r"|capienza|potenza)\b|\bqualita\b|\bdelus[oa]\b|\btraballa\b|\bscolorit\w*|\bnon\s+chiude\s+bene\b"
        r"|\bnormale\s+(?:per|in)\s+(?:questo|questa|un|una)\s+(?:modello|prodotto|articolo)\b|\bva\s+bene\s+anche\s+per\b|\b(?:inviare|mandare|inviarmi|mandarmi)\s+(?:\w+\s+){0,2}?foto\b",
    ),
    cue(
        "altro acquisto o ritiro",
        -1.5,
        r"\b(?:sconto|coupon|prezzo\s+per\s+quantita)\b|\bdi\s+persona\b|\bavete\s+anche\b|\bvendete\b|\bpossibile\s+avere\s+anche\b|\bnon\s+manca\s+(?:nulla|niente)\b"
        r"|\bvolevo\s+solo\s+(?:avvisar|informar|segnalar)\w*",
    ),
    cue(
        "modalità di pagamento",
        -1.2,
        r"\bpagare\s+(?:\w+\s+){0,2}?(?:con|tramite|in|mediante|a)\s+(?:bonifico|contrassegno|paypal|carta|rate"
        r"|contanti)\b|\b(?:metodi|modalita)\s+di\s+pagamento\b",
    ),
)

# Amazon relay and webform topics, matched on the subject only.
