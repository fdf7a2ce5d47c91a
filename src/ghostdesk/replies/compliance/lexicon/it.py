"""Italian phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|a|o|e)\s*\d+)?|un|uno|una|due|tre|quattro|cinque|sei|sette|otto|nove|"
    r"dieci|dodici|quindici|qualche|pochi|poche|alcuni|alcune|diversi|diverse|ventiquattro|quarantotto|"
    r"un paio di|uno o due|due o tre)"
)
_UNIT = (
    r"(?:ore|ora|h|giorni(?:\s+lavorativi)?|giorno(?:\s+lavorativo)?|settimane|settimana|minuti|min|"
    r"mesi|mese|settimanett[ae]|giornett?i|oretta)"
)
_DAY = (
    r"(?:lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica)"
)
_MONTH = r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)"
_NOT_AGO = r"(?!\s*fa\b)"

LEXICON = Lexicon(
    language="it",
    future_time=(
        r"\ba metà (?:della )?settimana\b|\bentro (?:mezzogiorno|il pomeriggio|sera)\b",
        r"\bdomani\b",
        r"\bdopodomani\b",
        r"\b(?:la\s+)?(?:prossima\s+settimana|settimana\s+prossima)\b|\b(?:il\s+)?(?:prossimo\s+mese|"
        r"mese\s+prossimo)\b",
        rf"\b{_DAY}\s+prossimo\b|\b(?:il\s+)?prossimo\s+{_DAY}\b",
        rf"\bentro\s+(?:domani|stasera|oggi|la fine|fine|{_DAY}|il\s+\d|l'\d|\d{{1,2}}\s+{_MONTH}|questa|"
        rf"la prossima|"
        rf"il prossimo|il fine settimana|il weekend|{_MONTH})",
        r"\bal più tardi\b|\bnon oltre\b",
        rf"\b{_DAY}\s+al massimo\b|\bal massimo\s+(?:entro\s+)?{_DAY}",
        rf"\b(?:prima di|prima del(?:la)?|per)\s+(?:{_DAY}|il\s+\d{{1,2}}|\d{{1,2}}|domani|"
        rf"la fine della settimana|"
        rf"il fine settimana|fine settimana|weekend|il weekend)\b",
        r"\b(?:a|alla|in)\s+fine\s+(?:settimana|mese)\b|\bin giornata\b",
        r"\bin settimana\b",
        r"\b(?:ai primi|agli inizi|a inizio|all'inizio|a metà|a fine)\s+(?:del(?:la|l')?\s*|"
        r"di\s+)?(?:prossim\w+\s+)?"
        r"(?:mese|settimana|prossim\w+|" + _MONTH[3:-1] + r")\b",
        r"\bin tempo per\b",
        r"\bdomattina\b|\bdomani (?:mattina|pomeriggio|sera)\b",
        r"\bintorno al\s+\d{1,2}\b|\bverso il\s+\d{1,2}\b",
        rf"\b(?:conti|calcoli|calcola|preveda|metta in conto|aspetti)\s+(?:circa\s+|ancora\s+|altri\s+|"
        rf"altre\s+)?"
        rf"{_NUM}?\s*{_UNIT}\b",
        r"\b(?:lo stesso giorno|il giorno stesso|il giorno dopo|il giorno successivo|entro le\s+\d{1,2}"
        r"(?:[:.]\d\d)?)\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:lun|mar|mer|gio|ven|sab|dom)\.\s*\d{1,2}\b|\balle\s+\d{1,2}(?:[:.]\d\d)?\b|"
        r"\b\d{1,2}\s+(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\.?(?=\s|$|[.,;!?])|"
        r"\bnel (?:primo )?pomeriggio\b|\bin (?:serata|mattinata)\b|\bun paio d'\s*ore\b",
        r"\b\d{1,2}°\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
        r"novembre|dicembre)\b",
        r"\bdel \d{1,2}\b",
        r"\bnel (?:weekend|fine settimana)\b",
        rf"\b(?:\d+|un|una|due|tre|quattro|cinque|pochi|poche)\s*(?:giorni|giorno|ore|ora|settimane|"
        rf"settimana)"
        rf"(?:\s+lavorativ[io])?\b{_NOT_AGO}",
        r"\b(?:prima di|prima del|prima della|per|entro|a)\s+(?:\w+\s+){0,2}?(?:natale|pasqua|capodanno|"
        r"le feste|ferragosto|black friday|"
        r"il ponte|ponte|l'epifania|la befana|san valentino|la festa della mamma|la festa del papà|"
        r"il compleanno|"
        r"il suo compleanno|il tuo compleanno|la festa|il trasloco|il prime day)\b",
        rf"\b(?:entro|in|tra|fra|nel giro di|in meno di|al massimo|massimo|non oltre|dopo|fino a|circa|"
        rf"nell'arco di)\s+(?:le\s+|i\s+)?(?:prossim[ei]\s+)?{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        r"\bne(?:i|lle)\s+prossim[ei]\s+(?:\d+\s+|pochi\s+|poche\s+)?(?:giorni|ore|settimane)\b",
        rf"\b\d+\s*(?:-|–|a)\s*\d+\s*{_UNIT}\b{_NOT_AGO}",
        r"\b(?:12|24|36|48|72)\s*(?:h|ore)\b",
        r"\b(?:uno|due|tre|quattro|cinque|pochi|\d+)\s+giorni\s+lavorativi\b",
        r"\boggi\b",
        r"\bstasera\b|\bquesta\s+(?:stessa\s+)?(?:settimana|sera|mattina)\b|"
        r"\bquesto\s+(?:stesso\s+)?fine\s+settimana\b",
        rf"\b{_DAY}\b",
        rf"\b\d{{1,2}}\s+{_MONTH}\b",
        r"\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\bil giorno \d{1,2}\b|\bil \d{1,2}(?=\s*[.!?,;]|\s*$)",
    ),
    ship=(
        r"\b(?:prossimo|prossima)\s+(?:furgone|ritiro|giro|camion)\b|\britiro\b|\bfinestra di consegna\b",
        r"\bcassetta della posta\b|\bbuca delle lettere\b|\btrover(?:à|ai)\b",
        r"\b(?:alla|fino alla) sua porta\b",
        r"\b(?:facciamo|faremo|faccio|farò)\s+(?:avere|arrivare)\b|\bscart(?:ando|are|erà|i)\b",
        r"\bsped\w*",
        r"\binvi(?:at[oaie]|are|eremo|erà|eranno|amo|o)\b",
        r"\bpart(?:irà|iranno|ono|ire)\b|\bparte\s+(?:domani|oggi|lunedì|entro|in giornata|subito)",
        r"\bconsegn\w*",
        r"\barriv\w*",
        r"\bin viaggio\b|\bin arrivo\b|\bin transito\b",
        r"\bda lei\b|\bnelle sue mani\b|\ba casa sua\b|\b(?:è|sarà|sono|saranno|arriva|arriverà)\s+"
        r"(?:già\s+)?da (?:te|voi)\b|\bnelle tue mani\b|\ba casa tua\b",
        r"\bevas[oaie]\b|\bevader\w*",
        r"\baffidat\w*\s+al\s+corriere\b",
        r"\bfar(?:le|glielo|gliela|glieli)?\s+(?:avere|arrivare|recapitare)\b|\brecapit\w*",
        r"\blascer(?:à|anno)\b|\bsi metterà in (?:viaggio|cammino)\b",
        r"\blasc(?:ia|iano|ino|erà|eranno|iare)\b[^.!?\n]{0,30}\b(?:magazzino|deposito|laboratorio)\b",
        r"\btemp[oi] di (?:preparazione|spedizione|consegna|lavorazione|evasione)\b",
        r"\b(?=part(?:e|ono)\b)(?<!da )(?<!in )(?<!a )(?<!nostra )(?<!vostra )(?<!sua )(?<!mia )(?<!la )"
        r"(?<!una )(?<!altra )(?<!gran )(?<!prima )\bpart(?:e|ono)\b(?!\s+(?:di|del|della|dei|delle|da)\b)",
    ),
    receive=(
        r"\b(?:lo |la |li |le |l')?ricever(?:à|ai|ete|anno|lo|la|li)\b",
        r"\b(?:lo|la|li|le|l')\s*avr(?:à|ai|ete|anno)\b",
        r"\bav(?:er|rà|rai|rete)(?:lo|la|li|le)\b|\bce l'(?:hai|ha|avrai|avrà|avete|avrete)\b",
        r"\bricevere\s+(?:il|l'|la|i|gli)\s*(?:pacco|ordine|articolo|merce|prodotto|spedizione)",
        r"\bavr(?:à|ai|ete)\s+(?:il|l'|la|i|gli|le)\s*(?:pacco|ordine|articolo|prodotto|merce|acquist)",
    ),
    completion=(
        r"\b(?:sia|sarà|verrà|venga|risulterà)\s+chius[oaie]\b",
        r"\bapprov\w+",
        r"\bverificat[oaie]\b|\bverificher(?:à|anno)\b",
        r"\bcompletat[oaie]\b|\bcompleter(?:à|anno)\b|\b(?:si )?(?:complet|termin|chiud|conclud|"
        r"risolv)(?:a|ano|e|ono)\b",
        r"\bconfermat[oaie]\b|\bconfermer(?:à|anno)\b",
        r"\belaborat[oaie]\b|\belaborer(?:à|anno)\b",
        r"\brisolt[oaie]\b|\brisolver(?:à|anno)\b",
        r"\bsbloccat[oaie]\b|\bsblocc(?:herà|heranno|a|ano)\b",
        r"\baggiornat[oaie]\b|\bcambier(?:à|anno)\b|\bpasserà\b",
        r"\bconclus[oaie]\b|\bconcluder(?:à|anno)\b|\bterminat[oaie]\b|\bfinit[oaie]\b|\btermin(?:erà|"
        r"eranno)\b",
        r"\brichieder(?:à|anno)\b|\brichiede\b|\bdurer(?:à|anno)\b|\bci vorr(?:à|anno)\b|\bsuper(?:a|"
        r"ano)\b|"
        r"\bva oltre\b",
        r"\bdisponibile\b|\bpront[oaie]\b",
    ),
    future=(
        r"\b(?:siamo fiduciosi|siamo sicuri)\b|"
        r"\b(?:sarà|saranno|verrà|verranno|garantisc\w*|prometto|promettiamo|sicuramente|certamente|"
        r"senza dubbio|dovrebbe|dovrebbero|di sicuro|avrà|avranno|contiamo|prevediamo|calcoliamo)\b"
        r"|\b\w{2,}(?:erà|irà|eranno|iranno|eremo|iremo|arà|arranno)\b"
    ),
    subject=(
        r"\b(?:ordine|ordini|pacco|pacchi|articolo|spedizione|consegna|blocco|stato|pagamento|verifica|"
        r"controllo)\b"
    ),
    hedge=(r"\b(?:può|possono|potrebbe|potrebbero|talvolta|a volte|in alcuni casi|in rari casi)\b"),
    past=(
        r"\b(?:precedente|precedenti|è stat[oa]|sono stat[ie]|abbiamo|ha|hanno|ieri|l'altro ieri|già|"
        r"scors[oa]|era|erano)\b"
        r"|\b\d+\s+(?:giorni|ore|settimane)\s+fa\b"
        r"|\b(?:è|sono)\s+(?:\w+\s+)?(?:arrivat|partit|giunt|uscit|passat|entrat)[oaie]\b|"
        r"\brisulta(?:va)?\s+(?:già\s+)?(?:consegnat|spedit|partit|arrivat|recapitat)[oaie]\b"
    ),
    promise_words=(
        r"\b(?:le|vi)?\s*(?:garantiamo|garantisco|promettiamo|prometto|assicuriamo|assicuro)\b|"
        r"\bgarantit[oa]\b|"
        r"\bal più tardi\b|\bpromesso\b|\bsenza fallo\b|\bsicuramente\b|\b(?:lunedì|martedì|mercoledì|"
        r"giovedì|venerdì|"
        r"sabato|domenica|domani)\s+al massimo\b"
    ),
    promise_negation=(
        r"\bnon\s+(?:\w+\s+){0,3}?(?:promettere|garantire|indicare|dare|dire|confermare|prevedere|sapere|"
        r"stimare|accelerare|assicurare)\b",
        r"\bnessuna\s+(?:data|garanzia|stima|certezza)\b",
        r"\bimpossibile\s+(?:dire|prevedere|sapere|indicare|garantire)\b",
    ),
    reply_words=(
        r"\b(?:risposta|rispondere\w*|risponder\w*|notizie|messaggio|e-mail|aggiornamento|ricontatt\w*)\b"
    ),
    conditional_start=r"(?:se|qualora|nel caso(?: in cui)?|in caso|a meno che)\b",
    conditional_inline=r"\b(?:se|qualora|nel caso in cui|a meno che)\b",
    negation=r"\b(?:non|n\u00e9|mai|nessun|nessuna|nessuno|niente|nulla|alcun|alcuna)\b",
    blame=(
        r"\bci siamo lasciati sfuggire\b",
        r"\b(?:eravamo|siamo|ero|sono stat[oi])\s+(?:\w+\s+)?(?:a corto di personale|sotto organico|"
        r"sommersi|oberati|"
        r"sovraccarichi)\b|\bcarenza di personale\b",
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
        r"\b(?:la\s+)?(?:colpa|responsabilità)(?:\s+\w+){0,3}\s+è\s+(?:tutta\s+)?(?:nostra|"
        r"mia)\b(?!\s+di\s+\w+re\b)|"
        r"\bmea culpa\b|\b(?:abbiamo|ho|noi|io)\b[^.!?\n]{0,40}\b(?:per errore|per sbaglio|erroneamente|"
        r"per distrazione)\b",
        r"\bci è sfuggit[oa]\b|\b(?:errore|sbaglio|problema)\s+(?:dalla|dalla nostra|"
        r"da)\s+(?:nostra\s+)?parte\b",
        r"\bavremmo dovuto\b",
        r"\bci è (?:passat[oa] di mente|sfuggit[oa])\b|\babbiamo fatto (?:confusione|un pasticcio|"
        r"un casino)\b|"
        r"\babbiamo\b[^.!?\n]{0,60}\b(?:questo|ciò)\s+ha\s+(?:rallentato|ritardato|bloccato)\b",
        r"\b(?:l'|la|lo|vi|ti)\s*(?:abbiamo|ho)\s+(?:delus[oa]|delusi|tradit[oa])\b|"
        r"\bsiamo rimasti indietro\b|"
        r"\bsiamo in ritardo\b",
        r"\b(?:dovut[oa]|dovuti|dovute)\s+(?:a|ad)\s+(?:un|una|uno|un')?\s*(?:\w+\s+)?(?:errore|sbaglio|"
        r"problema|"
        r"disguido|svista|guasto|dimenticanza)\b[^.!?\n]{0,30}\bnostr[oaie]\b",
        r"\b(?:a causa di|per via di|causat[oa] da|per colpa di)\s+(?:un|una|uno|"
        r"un')?\s*(?:\w+\s+)?(?:errore|"
        r"sbaglio|problema|disguido|svista|guasto|dimenticanza)\b[^.!?\n]{0,30}\bnostr[oaie]\b",
        r"\babbiamo\s+(?:\w+\s+){0,3}?(?:in ritardo|troppo tardi|con ritardo)\b",
        r"\b(?:siamo stati|sono stat[oa]|eravamo|ero)\s+(?:\w+\s+)?(?:troppo lent[ioae]|lent[ioae]|"
        r"negligent[ie]|"
        r"distratt[ioae])\b",
        r"\bci siamo\s+(?:\w+\s+)?(?:sbagliati|confusi|dimenticati|distratti)\b|\bmi sono\s+(?:\w+\s+)?"
        r"(?:sbagliat[oa]|confus[oa]|dimenticat[oa])\b",
    ),
    refund=(
        r"\b(?:le|gli|vi|ti)\s+(?:ridiamo|restituiamo|ridaremo|restituiremo)\b",
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
        r"\b(?:le\s+|gli\s+|ti\s+)?(?:annullo|cancello|rimborso|restituisco|restituiamo|rimborsiamo|"
        r"annulliamo)"
        r"\s+(?:io\s+|noi\s+)?(?:subito\s+)?(?:io\s+|noi\s+)?(?:l'|il|la|i|subito|tutto|le)\b",
        r"\b(?:ci|me ne|ce ne|mi)\s+(?:occupiamo|occupo|pensiamo|penso)\s+(?:noi\s+|io\s+)?(?:\w+\s+){0,2}?"
        r"(?:dell'|del\s+|della\s+|di\s+)?(?:annull\w+|rimbors\w+|cancell\w+)",
        r"\b(?:avviamo|avvio|effettuiamo|effettuo|emettiamo|emetto|disponiamo|dispongo|"
        r"elaboriamo)\s+(?:\w+\s+){0,2}?"
        r"(?:il|un)\s+(?:rimborso|annullamento)\b",
        r"\brestituir(?:le|e)\s+(?:i|il)\s+(?:soldi|denaro|importo)\b",
        r"\bstorn(?:eremo|aremo|iamo|erò|o|are)\b|\bstorniamo\b",
        r"\b(?:la|le|vi|ti|lo|li)\s+rimbors(?:o|iamo|erò|eremo)\b",
        r"\b(?:le|gli|vi|ti)\s+(?:abbiamo|ho)\s+(?:restituito|rimborsato|riaccreditato|stornato|"
        r"accreditato)\b",
        r"\b(?:riceva|riceverà|riavrà|riabbia|recuperi|"
        r"recupererà)\s+(?:indietro\s+)?(?:tutti\s+)?(?:i suoi|il suo|"
        r"i|il)?\s*(?:soldi|denaro|importo)\b",
        r"\b(?:abbiamo|ho)\s+(?:\w+\s+)?(?:avviato|effettuato|disposto|richiesto|elaborato|emesso|"
        r"predisposto)\s+"
        r"(?:il\s+|l'|un\s+)?(?:rimborso|annullamento|storno)\b",
        r"\b(?:è|risulta|viene)\s+(?:ora|adesso|ormai|già|subito|quindi)\s+(?:\w+\s+)?(?:annullat|"
        r"cancellat|"
        r"rimborsat)[oaie]\b",
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
        r"\b(?:faccia|fai|facciate) un giro (?:nel|sul) nostro\b",
        r"\b(?:facciamo|produciamo|vendiamo|realizziamo) (?:\w+\s+){0,2}?anche\b|\bsapeva che\b|"
        r"\b\d+\s*%\s*su tutt[ieoa]\b",
        r"\bnostro (?:nuovo )?catalogo\b",
        r"(?<![\w.])@[a-z][\w.]{2,}\b|\bgiveaway\b|\bsi affretti\b|\bfino a esaurimento\b",
        r"\bscont\w*",
        r"\bcodice\s+(?:sconto|promozionale|promo)\b",
        r"\bcoupon\b|\bbuono\s+(?:sconto|regalo|acquisto)\b",
        r"\bpromozion\w*|\bpromo\b",
        r"\bofferta\s+(?:speciale|esclusiva|limitata|del giorno|imperdibile)\b|\bofferte\b",
        r"\bsaldi\b|\bvendite? flash\b",
        r"\bnewsletter\b",
        r"\b(?:abbiamo|ho)\s+(?:appena\s+|da poco\s+)?(?:lanciato|introdotto|aggiunto|presentato)\b",
        r"\b(?:codice|coupon)\b[^.!?\n]{0,30}\b\d+\s*%|\b\d+\s*%[^.!?\n]{0,40}\bvalido\b",
        r"\biscriviti\b|\bsi iscriva\b",
        r"\bseguici\b|\bci segua\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\b(?:visit[ai]|scopr[ai]|dia un'occhiata a[il]?)\s+(?:il nostro|la nostra|i nostri|le nostre|"
        r"nostro|nostra)\s+"
        r"(?:\w+\s+)?(?:negozio|sito|shop|catalogo|prodotti|collezione|novità|gamma|altri)\b",
        r"\bi nostri\s+(?:altri|nuovi|ultimi)\s+(?:prodotti|articoli)\b",
        r"\bnuova collezione\b|\b(?:le nostre|scopra le|scopri le|tutte le) novità\b",
        r"\bil nostro kit\b|\bla nostra app\b|\bvantaggi (?:riservati|esclusivi)\b|"
        r"\bnostre altre inserzioni\b|"
        r"\d+\s?[€$£]\s*(?:in meno|di meno|di sconto)\b|\b(?:la nostra|le nostre|il nostro|la|"
        r"una)\s+nuov[aoie]\s+(?:linea|gamma|collezione|serie)\b|"
        r"\bnegozio di marca\b|\bdisponibile (?:ora |già )?(?:nel|sul) nostro (?:\w+\s+)?(?:negozio|sito|"
        r"shop)\b|\bcampagna\s+(?:di\s+)?(?:primavera|estate|autunno|inverno|natale|saldi|sconti|"
        r"black friday)\b|"
        r"\b(?:a\s+)?metà prezzo\b|\bclub (?:clienti|fedeltà|vip)\b|\b(?:entri|entra|si iscriva|iscriviti) "
        r"(?:nel|al) nostro\b|\bpiù vendut[ieao]\b|\blanci\b",
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
        r"\bci valuti\s+(?:positivamente|bene)\b|\bvalutateci positivamente\b",
        r"\bvot[oi] (?:altissim|alt|pien|massim)\w*|\bdieci e lode\b",
        r"\b(?:5|cinque)\s+stell(?:e|ine)\b",
        r"\bprima di (?:lasciare|pubblicare|scrivere|dare)(?:ci|ne)?\s+(?:una\s+|un\s+|la\s+|"
        r"il\s+)?(?:\w+\s+)?"
        r"(?:recensione|valutazione|feedback|commento)\b",
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
        r"\b(?:recensione|valutazione|feedback|opinione)\s+negativ[oa]\b[^.!?\n]{0,60}\b(?:contatt\w+|"
        r"scriv\w+)\b",
        r"\b(?:recensione|valutazione|feedback)\s+negativ[oa]\b[^.!?\n]{0,60}?\b(?:modific|rimuov|elimin|"
        r"cancell|ritir|cambi)",
        r"\b(?:recension\w+|valutazion\w+|opinion\w+|feedback|stelle)\b[^.!?\n]{0,40}\b(?:solo se|"
        r"soltanto se|se|"
        r"quando)\b[^.!?\n]{0,40}\b(?:soddisfatt[oaie]|content[oaie]|felic[ei])\b",
        r"\b(?:se|quando)\b[^.!?\n]{0,40}\b(?:soddisfatt[oaie]|content[oaie])\b[^.!?\n]{0,50}"
        r"\b(?:recension\w+|valutazion\w+|stelle|valutarci)\b",
        r"\b(?:recension\w+|valutazion\w+|opinion\w+)\b[^.!?\n]{0,80}\b(?:altrimenti|prima|"
        r"in caso contrario)\b"
        r"[^.!?\n]{0,40}\b(?:contatt\w+|scriv\w+)\b",
    ),
    review_words=r"\b(?:recension\w+|valutazion\w+|feedback|stell(?:e|ine)|valutar\w+|giudizi\w*)\b",
    rating_verbs=r"\b(?:valutarci|recensirci|valutare il nostro|ci valuti|ci valuta)\b",
    incentive_words=(
        r"\b(?:estrazione|concorso|premi|premio|vincere|lotteria|gratis|gratuit\w*|scont\w*|buono|omaggio|"
        r"regal\w*|ricompensa|in cambio|premio|per ringraziarla|per ringraziarti|come ringraziamento|"
        r"in segno di gratitudine|sorpresa|estra\w*|sorteggi\w*|vincitor\w*)\b"
        r"|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
    rating_change=(
        r"\b(?:alz|aument|modific|cambi|rived|rivedere|riconsider|miglior|aggiorn|rimuov|elimin|cancell|"
        r"togli|"
        r"ritir|corregg)\w*"
    ),
    request=(
        r"\b(?:potrebbe|potresti|vorrebbe|le dispiacerebbe|ti dispiacerebbe)\b|\bper favore\b|"
        r"\bper cortesia\b|"
        r"\bla preghiamo\b|\bti preghiamo\b|\ble chiediamo\b|\ble saremmo grati\b|\bci farebbe piacere\b|"
        r"\b(?:le|ti|vi) (?:chiederemmo|chiediamo|chiedo|chiederei)\b|\bgentilmente\b|\bvorremmo\b"
    ),
    satisfaction=r"\b(?:soddisfatt[oaie]|content[oaie]|felic[ei]|100\s?%)\b",
    gating=r"\b(?:solo se|soltanto se|se|prima di|una volta|quando|finché|non appena|aspettare|aspetti)\b",
    fault=(
        r"\b(?:un|una|uno|un'|l'|il|lo|la|questo|questa|nostro|nostra|della|del|dello|d'un|"
        r"di una)\s*(?:\w+\s+)?"
        r"(?:errore|svista|sbaglio|dimenticanza|disguido|negligenza|distrazione|accumulo di lavoro|guasto|"
        r"malfunzionamento|problema tecnico|"
        r"mancanza)\b"
    ),
    ours=r"\b(?:nostr[oaie]|da parte nostra|da noi|nel nostro|del nostro|dal nostro)\b",
    delay_words=r"\b(?:ritard\w*|attesa)\b",
    blamed_on_us=(
        r"\b(?:colpa|responsabilità) nostra\b|\bnostra (?:colpa|responsabilità)\b|\b(?:dipende|dipendeva|"
        r"deriva)\s+da\s+noi\b|\b(?:da|per colpa di|a causa di)\s+noi\b|\bda parte nostra\b|\bsiamo "
        r"(?:\w+\s+)?responsabili\b"
    ),
    refund_words=(
        r"\b(?:rimbors\w*|annull\w*|cancellat\w*|i suoi soldi|il denaro|l'importo|riaccredit\w*|"
        r"accredit\w*)\b"
    ),
    first_person=r"\b(?:io|noi|mi|ci|me|nostr[oaie]|lasci fare a me|\w+(?:iamo|eremo|iremo))\b",
    refund_state=(
        r"\b(?:è|sono)\s+(?:ora|adesso|già)\s+(?:annullat|rimborsat|riaccreditat)[oaie]\b|\b(?:stanno|sta) "
        r"tornando\b|\btorneranno sul\b"
    ),
    buyer_action=(
        r"\b(?:può|potrà|potrebbe|puoi)\b|\bi miei ordini\b|\brichiedere l'annullamento\b|\b(?:desidera|"
        r"vuole|"
        r"preferisce|ha chiesto)\b|\bse\s+(?:lei|desidera|vuole|non)\b"
    ),
    reassurance=r"\bnessun problema\b|\bnon si preoccupi\b|\bnon preoccuparti\b|\bnon c'è problema\b",
    status_report=(
        r"\brisulta\b|\b(?:appare|compare|indicat[oa]|segnat[oa]|contrassegnat[oa])\s+come\b|\bstato (?:è|"
        r"indica)\b"
    ),
    schedule=rf"\b(?:dal?\s+)?{_DAY}\s*(?:-|–|al?)\s*{_DAY}\b",
    owned_failure=(
        r"\bnon\s+(?:l'|lo |la |le |gli )?(?:abbiamo|ho)\s+(?:\w+\s+){0,4}?(?:in tempo|per tempo|"
        r"abbastanza in fretta|"
        r"tempestivamente)\b"
    ),
    own_cause=(
        r"\b(?:carenza|mancanza) di personale\b|\bsotto organico\b|\bpersonale ridotto\b|\b(?:sommersi|"
        r"oberati|sovraccarichi)\b"
        r"|\b(?:colleghi|collega|personale|squadra|team|dipendenti|magazzinieri|magazzino)\b[^.!?\n]{0,30}"
        r"\b(?:malat\w*|in malattia|influenza|assenti)\b|\bin malattia\b"
        r"|\b(?:cambi\w*|trasloc\w*|trasferi\w*|migra\w*|aggiorna\w*)\b[^.!?\n]{0,30}\b(?:gestionale|"
        r"sistema|software|magazzino|piattaforma|sede)\b"
        r"|\btroppi ordini\b|\b(?:valanga|ondata|picco) di ordini\b|\bsottovaluta\w*"
        r"|\bstampante\b"
        r"|\b(?:problema|guasto|errore|disguido|intoppo)\w*\s+(?:\w+\s+){0,2}?(?:con|nel|nella|al|alla|in)\s+"
        r"(?:il |la |lo )?(?:nostr[oaie]|magazzino|sistema|gestionale|imballaggio|confezionamento|"
        r"etichett\w*)\b"
        r"|\b(?:errore|problema|disguido) intern[oa]\b"
    ),
    consequence=(
        r"\britard\w*|\bbloccat\w*|\bferm[oaie]\b|\bindietro\b|\barretrat\w*|\bin tempo\b"
        r"|\bnon\s+(?:siamo|sono|è)\s+(?:riusciti|riuscito|riuscita)\s+a\b|\bnon\s+(?:è|"
        r"sono)\s+(?:ancora\s+)?"
        r"(?:stat[oaie]\s+)?(?:partit|spedit|elaborat|evas|inviat)\w*|\bancora\s+(?:qui|da noi|"
        r"in magazzino)\b"
    ),
    internal=r"\bintern[oaie]\b",
    invitation=(
        r"\bscopr\w*|\b(?:dia|dai|date|dare) un'occhiata\b|\bvisit\w*|\btrov(?:a|i|ate)\b|"
        r"\btrover(?:à|ai|ete)\b|\bprov(?:i|a)\s+anche\b"
    ),
    our_range=(
        r"\bnostr[oaie]\s+(?:\w+\s+){0,2}?(?:negozio|vetrina|gamma|collezione|linea|prodotti|catalogo|blog|"
        r"ricette|novità|shop)\b"
    ),
    habitual=r"\bogni giorno\b|\btutti i giorni\b|\bnei giorni feriali\b|\bquotidianamente\b",
)
