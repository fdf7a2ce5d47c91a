"""Italian phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|a|o|e)\s*\d+)?|un|uno|una|due|tre|quattro|cinque|sei|sette|otto|nove|"
    r"dieci|dodici|quindici|qualche|pochi|poche|alcuni|alcune|diversi|diverse|ventiquattro|quarantotto|"
    r"un paio di|uno o due|due o tre)"
)
_UNIT = (
    r"(?:ore|ora|h|giorni(?:\s+lavorativi)?|giorno(?:\s+lavorativo)?|settimane|settimana|minuti|min|"
    r"mesi|mese)"
)
_DAY = (
    r"(?:lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica)"
)
_MONTH = r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)"
_NOT_AGO = r"(?!\s*fa\b)"

LEXICON = Lexicon(
    language="it",
    future_time=(
        r"\bdomani\b",
        r"\bdopodomani\b",
        r"\b(?:la\s+)?(?:prossima\s+settimana|settimana\s+prossima)\b|\b(?:il\s+)?(?:prossimo\s+mese|"
        r"mese\s+prossimo)\b",
        rf"\b{_DAY}\s+prossimo\b|\b(?:il\s+)?prossimo\s+{_DAY}\b",
        rf"\bentro\s+(?:domani|stasera|oggi|la fine|fine|{_DAY}|il\s+\d|l'\d|\d{{1,2}}\s+{_MONTH}|questa|"
        rf"la prossima|"
        rf"il prossimo|il fine settimana|il weekend|{_MONTH})",
        r"\bal più tardi\b|\bnon oltre\b",
        rf"\b(?:prima di|prima del(?:la)?|per)\s+(?:{_DAY}|il\s+\d{{1,2}}|\d{{1,2}}|domani|"
        rf"la fine della settimana|"
        rf"il fine settimana|fine settimana|weekend|il weekend)\b",
        r"\b(?:a|alla|in)\s+fine\s+(?:settimana|mese)\b|\bin giornata\b",
        r"\bin settimana\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:prima di|per|entro|a)\s+(?:natale|pasqua|capodanno|le feste|ferragosto|black friday)\b",
        rf"\b(?:entro|in|tra|fra|nel giro di|in meno di|al massimo|massimo|non oltre|dopo|fino a|circa|"
        rf"nell'arco di)\s+(?:le\s+|i\s+)?(?:prossim[ei]\s+)?{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        r"\bne(?:i|lle)\s+prossim[ei]\s+(?:\d+\s+|pochi\s+|poche\s+)?(?:giorni|ore|settimane)\b",
        rf"\b\d+\s*(?:-|–|a)\s*\d+\s*{_UNIT}\b{_NOT_AGO}",
        r"\b(?:12|24|36|48|72)\s*(?:h|ore)\b",
        r"\b(?:uno|due|tre|quattro|cinque|pochi|\d+)\s+giorni\s+lavorativi\b",
        r"\boggi\b",
        r"\bstasera\b|\bquesta\s+(?:settimana|sera|mattina)\b|\bquesto\s+fine\s+settimana\b",
        rf"\b{_DAY}\b",
        rf"\b\d{{1,2}}\s+{_MONTH}\b",
        r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\bil giorno \d{1,2}\b|\bil \d{1,2}(?=\s*[.!?,;]|\s*$)",
    ),
    ship=(
        r"\bsped\w*",
        r"\binvi(?:at[oaie]|are|eremo|erà|eranno|amo|o)\b",
        r"\bpart(?:irà|iranno|ono|ire)\b|\bparte\s+(?:domani|oggi|lunedì|entro|in giornata|subito)",
        r"\bconsegn\w*",
        r"\barriv\w*",
        r"\bin viaggio\b|\bin arrivo\b|\bin transito\b",
        r"\bda lei\b|\bnelle sue mani\b|\ba casa sua\b",
        r"\bevas[oaie]\b|\bevader\w*",
        r"\baffidat\w*\s+al\s+corriere\b",
        r"\bfar(?:le|glielo|gliela|glieli)?\s+(?:avere|arrivare|recapitare)\b|\brecapit\w*",
        r"\blascer(?:à|anno)\b|\bsi metterà in (?:viaggio|cammino)\b",
    ),
    receive=(
        r"\b(?:lo |la |li |le )?ricever(?:à|ete|anno|lo|la|li)\b",
        r"\bricevere\s+(?:il|l'|la|i|gli)\s*(?:pacco|ordine|articolo|merce|prodotto|spedizione)",
        r"\bavrà\s+(?:il|l'|la)\s*(?:pacco|ordine|articolo|prodotto)",
    ),
    completion=(
        r"\bverificat[oaie]\b|\bverificher(?:à|anno)\b",
        r"\bcompletat[oaie]\b|\bcompleter(?:à|anno)\b",
        r"\bconfermat[oaie]\b|\bconfermer(?:à|anno)\b",
        r"\belaborat[oaie]\b|\belaborer(?:à|anno)\b",
        r"\brisolt[oaie]\b|\brisolver(?:à|anno)\b",
        r"\bsbloccat[oaie]\b|\bsblocc(?:herà|heranno)\b",
        r"\baggiornat[oaie]\b|\bcambier(?:à|anno)\b|\bpasserà\b",
        r"\bconclus[oaie]\b|\bconcluder(?:à|anno)\b",
        r"\brichieder(?:à|anno)\b|\brichiede\b|\bdurer(?:à|anno)\b|\bci vorr(?:à|anno)\b",
        r"\bdisponibile\b|\bpront[oaie]\b",
    ),
    future=(
        r"\b(?:sarà|saranno|verrà|verranno|garantisc\w*|prometto|promettiamo|sicuramente|certamente|"
        r"senza dubbio|dovrebbe|dovrebbero|di sicuro)\b"
        r"|\b\w{2,}(?:erà|irà|eranno|iranno|eremo|iremo|arà|arranno)\b"
    ),
    subject=r"\b(?:ordine|ordini|pacco|pacchi|articolo|spedizione|consegna|blocco|stato|pagamento|verifica|controllo)\b",
    hedge=(
        r"\b(?:può|possono|potrebbe|potrebbero|talvolta|a volte|di solito|solitamente|normalmente|"
        r"in genere)\b"
    ),
    past=(
        r"\b(?:è stat[oa]|sono stat[ie]|abbiamo|ha|hanno|ieri|l'altro ieri|già|scors[oa]|era|erano)\b"
        r"|\b\d+\s+(?:giorni|ore|settimane)\s+fa\b"
    ),
    promise_words=r"\b(?:le|vi)?\s*(?:garantiamo|garantisco|promettiamo|prometto|assicuriamo|assicuro)\b|\bgarantit[oa]\b",
    promise_negation=(
        r"\bnon\s+(?:\w+\s+){0,3}?(?:promettere|garantire|indicare|dare|dire|confermare|prevedere|sapere|"
        r"stimare|accelerare|assicurare)\b",
        r"\bnessuna\s+(?:data|garanzia|stima|certezza)\b",
        r"\bimpossibile\s+(?:dire|prevedere|sapere|indicare|garantire)\b",
    ),
    reply_words=r"\b(?:risposta|rispondere\w*|risponder\w*|notizie|messaggio|e-mail|aggiornamento|ricontatt\w*)\b",
    conditional_start=r"(?:se|qualora|nel caso(?: in cui)?|in caso|a meno che)\b",
    conditional_inline=r"\b(?:se|qualora|nel caso in cui|a meno che)\b",
    negation=r"\b(?:non|né|mai|nessun|nessuna|nessuno|niente|nulla)\b",
    blame=(
        r"\b(?:nostra|mia)\s+(?:colpa|responsabilità|negligenza|svista|mancanza)\b",
        r"\b(?:nostro|mio)\s+(?:errore|sbaglio|ritardo|disguido)\b",
        r"\b(?:errore|sbaglio|svista|ritardo|disguido|mancanza)\s+(?:da\s+parte\s+nostra|nostro|nostra)\b",
        r"\b(?:siamo|sono)\s+(?:noi\s+)?(?:i\s+)?(?:unici\s+|interamente\s+|pienamente\s+)?(?:responsabili|"
        r"colpevoli|"
        r"in torto)\b|\bsono (?:io )?responsabile\b",
        r"\b(?:ci assumiamo|mi assumo|ci prendiamo|mi prendo)\s+(?:tutta\s+|la\s+|piena\s+|l'intera\s+)?"
        r"(?:la\s+)?(?:piena\s+)?(?:responsabilità|colpa)\b",
        r"\bcausat[oa]\s+(?:da|dal|dalla|dai|dalle)\s+(?:noi|nostr\w+)\b",
        r"\babbiamo\s+\w+\s+male\b",
        r"\babbiamo\s+(?:\w+\s+){0,2}?(?:dimenticato|ritardato|sbagliato|commesso un errore|trascurato)\b",
        r"\bil\s+nostro\s+(?:magazzino|team|sistema|personale)\s+(?:ha\s+)?(?:\w+\s+){0,2}?(?:commesso|"
        r"dimenticato|"
        r"ritardato|sbagliato|causato)\b",
        r"\bcolpa (?:nostra|mia)\b|\bla colpa è (?:nostra|mia)\b|\b(?:nostra|mia) colpa\b",
        r"\bci è sfuggit[oa]\b|\b(?:errore|sbaglio|problema)\s+(?:dalla|dalla nostra|"
        r"da)\s+(?:nostra\s+)?parte\b",
        r"\bavremmo dovuto\b",
    ),
    refund=(
        r"\b(?:la\s+|le\s+|vi\s+|lo\s+)?(?:rimborseremo|annulleremo|cancelleremo|rimborsiamo|annulliamo|"
        r"cancelliamo|rimborserò|annullerò|cancellerò)\b",
        r"\b(?:possiamo|abbiamo|ho|posso|provvederemo a|procederemo (?:a|con|al|all')|procediamo (?:a|con|"
        r"al|all'))"
        r"\s*(?:\w+\s+){0,2}?(?:annullar(?:e|lo|la)|annullato|annullata|cancellar(?:e|lo|la)|cancellato|"
        r"cancellata|"
        r"rimborsar(?:e|la|le|vi)|rimborsato|rimborso|annullamento)\b",
        r"\b(?:sarà|verrà)\s+(?:\w+\s+)?rimborsat[oa]\b",
        r"\b(?:riceverà|otterrà)\s+(?:un|il)\s+rimborso\b",
        r"\brimborso\s+(?:completo|totale|integrale|immediato)\b",
        r"\b(?:le\s+|gli\s+)?(?:annullo|cancello|rimborso|restituisco|restituiamo|rimborsiamo)\s+(?:l'|il|"
        r"la|i|subito|tutto|le)\b",
        r"\b(?:avviamo|avvio|effettuiamo|effettuo|emettiamo|emetto|disponiamo|dispongo|"
        r"elaboriamo)\s+(?:\w+\s+){0,2}?"
        r"(?:il|un)\s+(?:rimborso|annullamento)\b",
        r"\brestituir(?:le|e)\s+(?:i|il)\s+(?:soldi|denaro|importo)\b",
        r"\b(?:procediamo|procederemo|provvediamo|provvederemo)\s+(?:\w+\s+){0,2}?(?:a|ad|con|al|all'|"
        r"allo)\s*"
        r"(?:il\s+|l'|un\s+)?(?:rimborso|annullamento|annullare|rimborsare|cancellare|cancellazione)",
        r"\bconsideri\b[^.!?\n]{0,40}\b(?:annullat[oa]|rimborsat[oa])\b",
        r"\b(?:soldi|denaro|importo)\b[^.!?\n]{0,40}\b(?:torneranno|tornerà|restituit\w*|rimborsat\w*|"
        r"riaccreditat\w*)",
    ),
    refund_passive=(
        r"\b(?:sarà|verrà|saranno|verranno)\s+(?:\w+\s+)?(?:annullat[oaie]|cancellat[oaie]|rimborsat[ie])\b",
    ),
    amazon_agent=r"\bda amazon\b|\bamazon\s+(?:annullerà|rimborserà|annulla)\b",
    marketing=(
        r"\bscont\w*",
        r"\bcodice\s+(?:sconto|promozionale|promo)\b",
        r"\bcoupon\b|\bbuono\s+(?:sconto|regalo|acquisto)\b",
        r"\bpromozion\w*|\bpromo\b",
        r"\bofferta\s+(?:speciale|esclusiva|limitata|del giorno|imperdibile)\b|\bofferte\b",
        r"\bsaldi\b|\bvendite? flash\b",
        r"\bnewsletter\b",
        r"\biscriviti\b|\bsi iscriva\b",
        r"\bseguici\b|\bci segua\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\b(?:visit[ai]|scopr[ai]|dia un'occhiata a[il]?)\s+(?:il nostro|la nostra|i nostri|le nostre|"
        r"nostro|nostra)\s+"
        r"(?:\w+\s+)?(?:negozio|sito|shop|catalogo|prodotti|collezione|novità|gamma|altri)",
        r"\bi nostri\s+(?:altri|nuovi|ultimi)\s+(?:prodotti|articoli)\b",
        r"\bnuova collezione\b|\bnovità\b",
        r"\b\d+\s*%\s*di\s+sconto\b",
        r"\bapprofitt\w*",
        r"\bpiù venduti\b|\bblack friday\b",
        r"\bpotrebbe (?:anche )?(?:piacerle|interessarle)\b|\ble potrebbe(?:ro)? (?:anche )?(?:piacere|"
        r"interessare)\b",
        r"\b(?:suo|tuo|un)\s+prossim[oa]\s+(?:ordine|acquisto)\b",
        r"\bspedizione gratuita\b|\bregalo omaggio\b|\bomaggio\b",
        r"\b\d+\s*%\s*(?:in meno|di meno)\b|(?<![\w-])-\s?\d+\s*%",
        r"\btutt[aoie]\s+(?:la\s+|il\s+|i\s+|le\s+)?nostr[aoie]\s+(?:gamma|catalogo|collezione|selezione|"
        r"assortimento)\b|\bsfogli\w*",
        r"\bmailing list\b|\bnuovi prodotti\b|\bin anteprima\b",
        r"\b(?:vendiamo anche|vendiamo pure|offriamo anche|abbiamo anche)\b",
        r"\b(?:negozio|sito|shop)\b[^.!?\n]{0,60}\b(?:dia|dare|date) un'occhiata\b",
        r"\bacquist[ai]\b[^.!?\n]{0,40}\b(?:in regalo|in omaggio|gratis)\b|\bil (?:secondo|terzo|"
        r"\d+°?) (?:\w+ )?(?:è )?(?:in regalo|gratis|in omaggio)\b",
        r"\bscopr[ai]\b|\b(?:altri|più)\s+(?:\w+\s+)?prodotti\b",
        r"\b(?:usi|utilizzi|inserisca|con) il codice\b|\bal prossimo (?:acquisto|ordine)\b",
    ),
    feedback=(
        r"\b(?:5|cinque)\s+stelle\b",
        r"\b(?:recensione|valutazione|feedback|giudizio|commento)\w*\s+(?:molto\s+)?(?:positiv\w+|"
        r"favorevol\w+|"
        r"eccellent\w+|ottim\w+)",
        r"\b(?:buona|ottima|eccellente|bella|migliore|splendida)\s+(?:recensione|valutazione|feedback)\b",
        r"\b(?:se|quando|non appena|in cambio di)\s+(?:lei\s+)?(?:ci\s+)?(?:\w+\s+){0,3}?(?:pubblic|lasci|"
        r"scriv|d[aà]|modific|"
        r"mett|rimuov|elimin)\w*\s+(?:una\s+|la sua\s+|un\s+|ci\s+)?(?:\w+\s+)?(?:recensione|valutazione|"
        r"feedback|commento)",
        r"\b(?:modific|rimuov|elimin|cancell|cambi|aggiorn|ritir|rived|riconsider)\w*\s+"
        r"(?:la sua|sua|la|questa|quella|il suo|il)\s+(?:recensione|valutazione|feedback|commento)\b",
        r"\b(?:recensione|valutazione|feedback)\s+negativ[oa]\b[^.!?\n]{0,60}?\b(?:modific|rimuov|elimin|"
        r"cancell|ritir|cambi)",
    ),
    review_words=r"\b(?:recension\w+|valutazion\w+|feedback|stelle|valutar\w+|giudizi\w*)\b",
    incentive_words=(
        r"\b(?:estrazione|concorso|premi|premio|vincere|lotteria|gratis|gratuit\w*|scont\w*|buono|omaggio|"
        r"regalo|ricompensa|in cambio|premio)\b"
        r"|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
)
