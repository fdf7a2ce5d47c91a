"""French phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|à|ou)\s*\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"douze|quinze|quelques|plusieurs|vingt-quatre|quarante-huit|soixante-douze|un ou deux|deux ou trois)"
)
_UNIT = (
    r"(?:(?:petite?s?|bonne?s?|grande?s?|courte?s?)\s+)?(?:heures?|h|jours?(?:\s+ouvr(?:és|ables|és))?|"
    r"semaines?|"
    r"minutes?|min|mois|huitaine|quinzaine)"
)
_DAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTH = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    r"décembre|decembre)"
)
_NOT_AGO = r"(?!\s*(?:plus tôt|auparavant))"

LEXICON = Lexicon(
    language="fr",
    future_time=(
        r"\bd'ici (?:midi|ce midi|la mi-journée|cet après-midi|la fin de journée)\b",
        rf"\bne\s+(?:\w+\s+){{0,2}}?pas\s+(?:\w+\s+){{0,2}}?plus d'?\s*{_NUM}\s*(?:journée|{_UNIT})\b",
        r"\bdemain\b",
        r"\baprès-demain\b",
        r"\b(?:la\s+)?semaine\s+prochaine\b|\bprochaine\s+semaine\b|\b(?:le\s+)?mois\s+prochain\b",
        rf"\b{_DAY}\s+prochain\b|\bprochain\s+{_DAY}\b",
        rf"\bd'ici\s+(?:à\s+)?(?:demain|ce soir|la fin|fin|{_DAY}|le\s+\d|\d|quelques|deux|trois|"
        rf"la semaine|"
        rf"{_MONTH}|lundi|noël|ce week-end)",
        r"\bau plus tard\b|\bdernier délai\b",
        rf"\b(?:avant|jusqu'(?:à|au))\s+(?:demain|{_DAY}|le\s+\d{{1,2}}|la fin|ce soir|"
        rf"la semaine prochaine|"
        rf"le week-end|{_MONTH})",
        r"\b(?:en\s+)?fin de (?:la\s+|cette\s+)?(?:semaine|journée|mois)\b",
        r"\bdès demain\b|\bdans la journée\b|\bsous peu de jours\b",
        r"\ble jour même\b|\ble (?:même|jour) jour\b|\ble lendemain\b|\bavant\s+\d{1,2}\s*h(?:\d\d)?\b",
        r"\b(?:dans le\s+)?courant\s+(?:de\s+(?:la\s+|cette\s+)?|du\s+)?(?:semaine|mois|journée)\b",
        r"\b(?:en |au |dès le |d'ici le )?(?:début|milieu|fin)\s+(?:de\s+(?:la\s+)?|du\s+)?(?:semaine|"
        r"mois)\b|"
        rf"\b(?:début|mi|fin)[- ]{_MONTH}\b",
        r"\bà temps pour\b",
        r"\b(?:aux alentours|autour) du\s+\d{1,2}\b|\bvers le\s+\d{1,2}\b",
        r"\bsous (?:huitaine|quinzaine|(?:une |la )?semaine)\b|\b(?:une|la) (?:petite|bonne) semaine\b",
        rf"\b(?:comptez|prévoyez|compter|prévoir)\s+(?:environ\s+|à peu près\s+|"
        rf"encore\s+)?{_NUM}\s*{_UNIT}\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:lun|mar|mer|jeu|ven|sam|dim)\.\s*\d{1,2}\b|\bà\s+\d{1,2}\s*h(?:\d\d)?\b|"
        r"\b\d{1,2}\s+(?:janv|févr|avr|juil|sept|oct|nov|déc)\.?(?=\s|$|[.,;!?])",
        rf"\b(?:\d+|un|une|deux|trois|quatre|cinq|quelques)\s*(?:petits?\s+|petites?\s+)?(?:jours?|heures?|"
        rf"semaines?)"
        rf"(?:\s+ouvr(?:és|ables))?\b{_NOT_AGO}",
        r"\b(?:avant|pour|d'ici|à)\s+(?:\w+\s+)?(?:noël|le réveillon|la saint-sylvestre|pâques|"
        r"le nouvel an|les fêtes|black friday|la toussaint|"
        r"le pont|le week-end prolongé|la rentrée|la fête des (?:mères|pères)|la saint-valentin|"
        r"son anniversaire|"
        r"votre anniversaire|l'anniversaire|le prime day)\b",
        rf"\b(?:sous|dans|en|d'ici|au bout de|après|moins de|pas plus de|au maximum|maximum|jusqu'à|"
        rf"environ|"
        rf"dans un délai de|en l'espace de|"
        rf"d'ici à)\s+(?:les\s+)?(?:prochain(?:e)?s\s+)?{_NUM}\s*{_UNIT}\b{_NOT_AGO}",
        r"\bdans\s+les\s+(?:\d+\s+)?(?:tout\s+|toutes\s+)?(?:prochain(?:e)?s\s+)?(?:jours|heures|"
        r"semaines)\b",
        rf"\b\d+\s*(?:-|–|à)\s*\d+\s*{_UNIT}\b",
        r"\b(?:12|24|36|48|72)\s*(?:h|heures)\b",
        r"\b(?:un|deux|trois|quatre|cinq|quelques|\d+)\s+jours?\s+ouvr(?:és|ables)\b",
        r"\baujourd'hui\b",
        r"\bce soir\b|\bcette semaine\b|\bce week-end\b|\bce matin\b|"
        r"\bcet après-midi\b",
        rf"\b(?:ce\s+|le\s+|pour le\s+)?{_DAY}\b",
        rf"\b\d{{1,2}}(?:er)?\s+{_MONTH}\b",
        r"\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\ble\s+(?:1er|\d{1,2})(?=\s*[.!?,;]|\s*$)",
    ),
    ship=(
        r"\b(?:prochaine|prochain)\s+(?:tournée|enlèvement|passage|camion)\b|\benlèvement\b|\btournée\b|"
        r"\bcréneau de livraison\b",
        r"\bà votre porte\b",
        r"\bdépart\b|\bdéball\w*",
        r"\bexpédi\w*",
        r"\benvo[iy]\w*|\benverr\w*",
        r"\bpartir(?:a|ont)?\b|\bpart\s+(?:demain|aujourd'hui|ce|dans|lundi|mardi|mercredi|jeudi|vendredi)",
        r"\b(?=part(?:ent)?\b)(?<!de )(?<!à )(?<!notre )(?<!votre )(?<!ma )(?<!sa )(?<!leur )(?<!autre )"
        r"(?<!faire )(?<!fait )(?<!quelque )(?<!une )(?<!la )\bpart(?:ent)?\b(?!\s+(?:de|du|des|d')\b)",
        r"\blivr(?:é|ée|ées|és|er|era|eront|ons|erons|aison|ée?s?)\b",
        r"\barriv\w*",
        r"\bchez vous\b|\bentre vos mains\b|\bdans votre boîte aux lettres\b",
        r"\ben route\b|\ben chemin\b",
        r"\bquitte(?:ra)?\s+(?:notre|l')\s*entrepôt",
        r"\bquitt(?:e|ent|er|era|eront)\b[^.!?\n]{0,30}\b(?:entrepôt|stock|atelier|locaux)\b",
        r"\bacheminé\w*",
        r"\bremis\w*\s+(?:au|à la)\s+(?:transporteur|poste)",
        r"\ben transit\b|\bdélais? (?:de |d')(?:préparation|traitement|expédition|livraison|envoi)\b",
        r"\bquitter\w*\s+nos\b|\bprendra la route\b|\bsur la route\b",
        r"\bfaire parvenir\b|\bparviendra\b|\bparvenir\b",
    ),
    receive=(
        r"\bvous\s+(?:le\s+|la\s+|les\s+|l')?(?:recevrez|recevez|aurez|devriez (?:le |la |les |"
        r"l')?recevoir|"
        r"allez (?:le |la |les |l')?recevoir|pourrez (?:le |la |les |l')?recevoir)\b",
        r"\btu\s+(?:le\s+|la\s+|les\s+|l')?(?:recevras|auras|reçois|devrais (?:le |la |les |l')?recevoir|"
        r"vas (?:le |la |les |l')?recevoir)\b",
        r"\b(?:recevoir|recevrez|réception de)\s+(?:votre|le|la|vos|ce)\s+(?:colis|commande|article|paquet|"
        r"produit)",
    ),
    completion=(
        r"\bbouclée?s?\b",
        r"\blibér(?:é|ée|ées|és|era|eront)\b|\bapprouv\w+|\bvalider(?:a|ont)?\b",
        r"\bvalid(?:é|ée|ées|és|ation|era)\b",
        r"\bvérifi(?:é|ée|ées|és|era)\b",
        r"\bconfirm(?:é|ée|ées|és|era)\b",
        r"\btrait(?:é|ée|ées|és|era)\b",
        r"\btermin(?:é|ée|ées|és|era)\b|\bfinalis\w*",
        r"\brégl(?:é|ée|era)\b|\brésolu\w*|\bdébloqu\w*|\blev(?:é|ée)\b",
        r"\bmis(?:e)?\s+à\s+jour\b|\bchanger\w*|\bchangera\b|\bpassera\b",
        r"\bprendr(?:a|ont)\b|\bprend\b|\bdurer\w*|\bdurera\b|\bdépass(?:e|ent|era)\b|\bexcèd(?:e|ent)\b",
        r"\bdisponible\b|\bprête?\b",
    ),
    future=(
        r"\b(?:serait|seraient|sommes confiants|sommes sûrs)\b|"
        r"\b(?:sera|seront|serez|serons|va|vont|allons|allez|garanti\w*|promet\w*|certainement|assurément|"
        r"sans faute|devrait|devraient|sûrement|à coup sûr|aura|auront|comptons|prévoyons)\b"
        r"|\b\w{3,}(?:era|eront|erons|erez|ira|iront|irons|irez|rez|rons)\b"
    ),
    subject=(
        r"\b(?:commande|colis|paquet|article|envoi|livraison|blocage|statut|paiement|vérification|contrôle|"
        r"expédition)s?\b"
    ),
    hedge=(r"\b(?:peut|peuvent|pourrait|pourraient|pourra|parfois|dans certains cas|dans de rares cas)\b"),
    past=(
        r"\b(?:précédente?s?|a été|ont été|avons|avez|hier|avant-hier|il y a|déjà|dernier|dernière|était|"
        r"étaient|a|ont)\b"
        r"|\b(?:est|sont|suis|sommes|êtes)\s+(?:\w+\s+)?(?:arrivée?s?|partie?s?|parvenue?s?|passée?s?|"
        r"sortie?s?|"
        r"venue?s?|rentrée?s?)\b"
    ),
    promise_words=(
        r"\b(?:nous|je)\s+(?:vous\s+)?(?:garantissons|garantis|promettons|promets|assurons|assure)\b|"
        r"\bgaranti(?:e|es|s)?\b|"
        r"\bau plus tard\b|\bdernier délai\b|\bdernier carat\b|\bpromis\b|\bsans faute\b|\bc'est certain\b"
    ),
    promise_negation=(
        r"\b(?:ne|n')\s*(?:\w+\s+){0,3}?pas\s+(?:\w+\s+){0,2}?(?:promettre|garantir|prévoir|dire|indiquer|"
        r"donner|estimer|confirmer|savoir|accélérer|annoncer|avancer)\b",
        r"\baucune\s+(?:date|garantie|idée|estimation|visibilité|certitude)\b",
        r"\bpas\s+de\s+(?:date|délai|garantie)\b",
        r"\bimpossible\s+de\s+(?:dire|prévoir|savoir|donner|indiquer|garantir|promettre)\b",
        r"\bsans\s+(?:pouvoir|vous)\s+(?:promettre|garantir|donner)\b",
    ),
    reply_words=r"\b(?:réponse|répondr\w*|nouvelles|retour|message|e-mail|courriel|revenir vers vous)\b",
    conditional_start=r"(?:si|s'il(?! vous plaît)|s'ils|au cas où|dans le cas où|en cas de|à moins que)\b",
    conditional_inline=r"\b(?:si|s'il(?! vous plaît)|s'ils|au cas où|dans le cas où|à moins que)\b",
    negation=r"\b(?:ne|n'|pas|aucun|aucune|jamais|ni|nullement|rien|non)\b|\bn'",
    blame=(
        r"\bnous avons laissé (?:passer|filer|traîner|échapper)\b",
        r"\b(?:nous|je)\s+(?:manquions|manquons|avons manqué)\s+de personnel\b|\b(?:nous étions|"
        r"nous sommes|"
        r"j'étais)\s+(?:\w+\s+)?(?:en sous-effectif|débordés?|surchargés?|submergés?)\b",
        r"\b(?:notre|ma)\s+(?:propre\s+)?(?:faute|erreur|négligence|responsabilité|bévue)\b",
        r"\b(?:erreur|faute|oubli|retard|négligence|problème)\s+de\s+notre\s+(?:part|côté)\b",
        r"\bnous avons manqué de (?:vigilance|rigueur)\b",
        r"\b(?:nous|je)\s+(?:en\s+)?(?:sommes|suis)\s+(?:entièrement\s+|totalement\s+|"
        r"seuls?\s+)?(?:responsables?|fautifs?|"
        r"en tort|à blâmer)\b",
        r"(?:\b(?:nous|je)\s+|\bj')(?:assumons|assume|prenons|prends|reconnaissons|reconnais|endossons)\s+"
        r"(?:l'|la\s+|toute\s+la\s+|l'entière\s+|la\s+pleine\s+)?(?:entière\s+|"
        r"pleine\s+)?(?:responsabilité|faute|erreur)",
        r"\bcausé\w*\s+par\s+(?:nous|notre|nos)\b|\bdû\s+à\s+notre\b",
        r"\bmea culpa\b|\b(?:nous|je|j')\b[^.!?\n]{0,40}\bpar (?:erreur|mégarde|inadvertance)\b",
        r"\b(?:nous\s+avons|j'ai)\s+(?:\w+\s+){0,3}?(?:oublié|omis|tardé|négligé|commis une erreur|"
        r"fait une erreur|"
        r"retardé|"
        r"fait une faute|mal géré)\b",
        r"\bnotre\s+(?:entrepôt|équipe|système|service|personnel|"
        r"logistique)\s+a\s+(?:\w+\s+){0,3}?(?:commis|fait|"
        r"oublié|retardé|tardé|causé)\b",
        r"\bnous avons\s+(?:\w+\s+){0,2}?mal\s+\w+",
        r"\bnotre\s+retard\b|\bc'est de notre faute\b|\bla faute nous incombe\b",
        r"\bnous (?:avons|accusons)\s+(?:un peu\s+|beaucoup\s+|pas mal\s+)?(?:du|un|de) retard\b|"
        r"\bnous sommes (?:un peu\s+|très\s+)?en retard\b",
        r"\b(?:c'est|c'était|cela relève de|ça relève de)\s+(?:\w+\s+)?(?:notre|ma)\s+(?:faute|"
        r"responsabilité)\b"
        r"(?!\s+de\s+\w+er\b)",
        r"\b(?:excuser|excusons|excuse)\s+(?:\w+\s+){0,2}?(?:notre|mon)\s+(?:erreur|oubli|retard)\b",
        r"\bnous aurions dû\b|\bnous aurions pu\b[^.!?\n]{0,40}\béviter\b",
        r"\bpassée? à la trappe\b|\bnous (?:est|a) (?:sortie? de la tête|échappé)\b|"
        r"\bnous nous sommes emmêlés?\b|"
        r"\b(?:nous|je|j')\b[^.!?\n]{0,60}\b(?:cela|ça|ce qui)\s+a\s+(?:retardé|ralenti|bloqué)\b",
        r"\b(?:nous avons|j'ai)\s+(?:\w+\s+){0,2}?pris (?:du|un peu de|beaucoup de) retard\b|"
        r"\bfait défaut\b|"
        r"\b(?:nous vous avons|je vous ai)\s+(?:\w+\s+)?(?:déçue?s?|laissée? tomber)\b",
        r"\b(?:nous avons été|nous étions|j'ai été|j'étais)\s+(?:\w+\s+)?(?:trop lente?s?|trop lents|"
        r"négligente?s?|"
        r"en retard)\b",
        r"\b(?:nous avons|j'ai)\s+(?:\w+\s+){0,2}?(?:traîné|lambiné|tardé|trainé)\b|"
        r"\b(?:nous avons|j'ai)\b[^.!?\n]{0,40}\btrop tard\b",
        r"\b(?:(?:dû|due|dus|dues)\s+à|à cause d'|à cause de|suite à|en raison d'|en raison de|provient d'|"
        r"vient d'|"
        r"causé par|causée par|lié à|liée à)\s*(?:une?\s+|l')?(?:\w+\s+)?(?:erreur|oubli|problème|incident|"
        r"bévue|souci|faute|négligence|bug|couac)s?\b[^.!?\n]{0,30}\b(?:notre|nos|chez nous)\b",
        r"\b(?:nous nous sommes|je me suis)\s+(?:\w+\s+)?(?:trompée?s?|emmêlé\w*|mélangé\w*)\b",
        r"\b(?:erreur|oubli|couac|bévue|faute)\b[^.!?\n]{0,20}\b(?:s'est glissée?|est survenue?|"
        r"a été commise?)"
        r"\s+(?:de|chez|dans)\s+(?:notre|nous)\b",
    ),
    refund=(
        r"(?:\b(?:nous|je)\s+|\bj')(?:vous\s+)?(?:allons|vais|pouvons|peux|avons|ai|pourrons|pourrions|"
        r"allons vous|"
        r"vais vous)?\s*(?:(?!vous\s+(?:pouvez|devez))\w+\s+){0,3}?(?:l'|vous\s+)?(?:annuler|annulé|"
        r"annulée|annulons|annulerons|"
        r"annulerai|rembourser|remboursé|remboursée|remboursons|rembourserons|rembourserai)\b",
        r"\b(?:nous|je)\s+(?:\w+\s+){0,3}?(?:procéd\w+|effectu\w+|lancer|lançons|émettre|émettons|initier|"
        r"déclencher|déclenchons)\s+(?:\w+\s+){0,2}?(?:l'|à l'|au\s+|un\s+|le\s+)?(?:annulation|"
        r"remboursement)",
        r"\bvous\s+(?:recevrez|obtiendrez|allez recevoir|aurez)\s+(?:un|le|votre)\s+(?:remboursement|"
        r"avoir)\b",
        r"(?:\bje\s+|\bj'|\bnous\s+)(?:vous\s+|l'|la\s+|le\s+)?(?:annule|rembourse|annulons|remboursons)\b",
        r"\b(?:nous|je)\s+(?:\w+\s+){0,2}?(?:lançons|lance|effectuons|effectue|déclenchons|déclenche|"
        r"initions|émettons)\s+"
        r"(?:\w+\s+){0,2}?(?:remboursement|annulation)\b",
        r"\bvous\s+rendre\s+votre\s+argent\b",
        r"\b(?:rendre|rendons|rendrons|restituer|restituons|reverser|reversons|recréditer|recréditons|"
        r"rembourserons)\s+(?:\w+\s+){0,2}?(?:prix|argent|montant|somme|paiement|frais)\b",
        r"\b(?:est|a été|sera)\s+(?:\w+\s+)?(?:désormais|maintenant|dès à présent|officiellement|bien|"
        r"immédiatement)\s+(?:\w+\s+)?(?:annulée?s?|remboursée?s?)\b",
        r"\bvous\s+(?:serez|allez être)\s+(?:\w+\s+){0,2}?rembours\w*",
        r"\b(?:je|nous)\b[^.!?\n]{0,40}\bvous\s+soy(?:ez)\s+(?:\w+\s+)?rembours\w*",
        r"(?:\b(?:nous|je)\s+|\bj')(?:\w+\s+){0,2}?(?:lancé|initié|effectué|déclenché|demandé|enclenché|"
        r"émis)\s+(?:\w+\s+){0,1}?(?:l'|le\s+|un\s+|une\s+)?(?:annulation|remboursement)",
        r"\bremboursement\s+(?:intégral|complet|total|immédiat)\b",
        r"(?:\bnous nous|\bje m'|\bje me)\s*(?:occupons|occupe|chargeons|charge)\s+(?:\w+\s+){0,2}?"
        r"(?:de l'|du\s+|de la\s+|d')?(?:annulation|remboursement|annuler|rembourser)",
        r"\bconsidérez\b[^.!?\n]{0,40}\bcomme (?:annulée?|remboursée?)\b",
        r"\b(?:argent|montant|somme)\b[^.!?\n]{0,40}\b(?:recrédité|remboursé|rendu|reversé|reviendra)\w*",
    ),
    refund_passive=(r"\b(?:sera|seront)\s+(?:\w+\s+)?(?:annulée?s?|remboursée?s?)\b",),
    amazon_agent=r"\bpar amazon\b|\bamazon\s+(?:va|annulera|remboursera|annule)\b",
    marketing=(
        r"\bnous (?:fabriquons|vendons|proposons|faisons|créons) (?:aussi|également)\b|\bsaviez-vous que\b",
        r"\bnotre (?:nouveau )?catalogue\b",
        r"(?<![\w.])@[a-z][\w.]{2,}\b|\bjeux?-concours\b|\bplus vendu(?:e|s|es)\b|\bdépêchez-vous\b|"
        r"\bdans la limite des stocks\b",
        r"\bcode\s+(?:promo\w*|de réduction|réduction|remise)\b",
        r"\bpromotion\w*|\bpromo\b",
        r"\bréduction\w*",
        r"\bremise\s+(?:de\s+)?\d+|\b\d+\s*%\s*de\s+remise\b|\bremise\s+(?:exclusive|spéciale)\b",
        r"\bsoldes\b|\bventes? privées?\b|\bventes? flash\b|\bbons plans?\b",
        r"\boffre\w*\s+(?:spéciale|exclusive|limitée|du moment|promotionnelle|imbattable)s?\b",
        r"\bbon\s+(?:de réduction|d'achat)\b|\bchèques?[- ]cadeaux?\b|\bcartes?[- ]cadeaux?\b",
        r"\bnewsletter\b|\blettre d'information\b",
        r"\bcode\b[^.!?\n]{0,30}\b\d+\s*%|\b\d+\s*%[^.!?\n]{0,40}\bvalable\b|\bvalable sur (?:toute?s?|"
        r"l'ensemble)\b",
        r"\babonnez-vous\b|\binscrivez-vous\b",
        r"\bsuivez-nous\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\b(?:visitez|consultez|découvrez)\s+(?:notre|nos)\s+(?:\w+\s+)?(?:boutique|site|magasin|"
        r"catalogue|"
        r"autres|nouvelle|nouveaux|nouveautés|collection|gamme|produits)",
        r"\bnos\s+(?:autres|nouveaux|derniers)\s+(?:produits|articles)\b",
        r"\bnouvelle collection\b|\bnouveautés\b",
        r"\b\d+\s*%\s*(?:de réduction|sur|off)\b",
        r"\bprofitez\s+(?:vite\s+|dès maintenant\s+|dès aujourd'hui\s+)?(?:de nos|de notre|des offres|"
        r"du code|de la promo|"
        r"de l'offre|de cette offre|de \d+|des soldes|de \w+ %)",
        r"\bmeilleures ventes\b|\bblack friday\b",
        r"\bvous (?:pourriez|pourrez) (?:aussi|également) aimer\b|\bpourrai(?:t|ent) (?:aussi|"
        r"également) vous plaire\b|"
        r"\bdisponibles? (?:dès maintenant |désormais )?(?:dans|sur) notre (?:\w+\s+)?(?:boutique|site|"
        r"magasin)\b|\bvous aimerez (?:aussi|également)\b",
        r"\b(?:votre|une)\s+prochaine\s+commande\b|\bprochain achat\b",
        r"\blivraison (?:gratuite|offerte)\b|\bcadeau offert\b",
        r"\b\d+\s*%\s*(?:moins cher|de moins|en moins)\b|(?<![\w-])-\s?\d+\s*%",
        r"\b(?:toute|tout)\s+(?:notre|nos)\s+(?:gamme|catalogue|collection|sélection|assortiment)\b|"
        r"\bparcour(?:ir|ez)\b",
        r"\bliste de diffusion\b|\bnouveaux produits\b|\ben avant-première\b",
        r"\bnous (?:vendons|proposons) (?:\w+\s+){0,1}?(?:aussi|également)\b",
        r"\b(?:notre|ce|le) pack\b|\bnotre application\b|\bavantages? (?:réservés?|exclusifs?)\b|"
        r"\bnos autres annonces\b|"
        r"\d+\s?[€$£]\s*(?:de moins|en moins|de remise|de réduction)\b|\b(?:notre|nos|la|"
        r"une)\s+nouvel(?:le|les)?\s+(?:gamme|ligne|collection|série|modèles?)\b|"
        r"\b(?:rendez-vous|allez|passez|faites un tour)\s+(?:sur|dans|"
        r"voir)\s+notre\s+(?:\w+\s+)?(?:boutique|site|"
        r"magasin|page|vitrine)\b|\bboutique de marque\b|\bl'univers\b|\bsort(?:ira)? le mois prochain\b|"
        r"\bopération\s+(?:printemps|été|automne|hiver|spéciale|promo\w*|soldes|fidélité|noël|"
        r"black friday)\b|"
        r"\b(?:à\s+)?moitié prix\b|\bdemi-tarif\b|\bclub (?:fidélité|privilège|vip|clients?)\b|"
        r"\brejoignez notre\b|\b(?:nos|les) lancements\b|\bnos (?:\w+\s+)?best-sellers\b",
        r"\b(?:d'autres|autres|nombreuses|plein d'|tant d'|beaucoup d')\s*(?:\w+\s+)?offres\b",
        r"\bnous (?:proposons|avons|vendons|offrons)\s+(?:maintenant|désormais|aussi|également|en plus)\b|"
        r"\bnouveau(?:x|té)?\s+(?:dans|en)\s+(?:notre\s+)?(?:boutique|gamme|catalogue)\b",
        r"\b(?:boutique|magasin|site)\b[^.!?\n]{0,60}\b(?:jeter un (?:œil|oeil|coup d'œil)|faire un tour)\b",
        r"\b(?:\d+|le \d+e|le \d+ème|le troisième|le deuxième)\s*(?:\w+\s+)?offerts?\b|"
        r"\bachetés?\b[^.!?\n]{0,30}\boffert",
        r"\bdécouvrez\b|\b(?:d\'autres|autres|plus de)\s+(?:\w+\s+)?produits\b",
        r"\b(?:avec|utilisez|saisissez|entrez) le code\b",
    ),
    feedback=(
        r"\b(?:notez|évaluez)-nous\s+(?:positivement|bien|favorablement)\b",
        r"\b(?:passer|mettre|changer|transformer)\s+(?:votre|l'|cet|cette)\s*(?:avis|évaluation|note|"
        r"commentaire)\s+en\s+"
        r"(?:positi\w+|5 étoiles|cinq étoiles)",
        r"\b(?:5|cinq)\s+(?:petites\s+|belles\s+)?étoiles\b",
        r"\bavant de (?:nous\s+)?(?:laisser|publier|écrire|donner|mettre|poster)\s+(?:un\s+|une\s+|votre\s+|"
        r"le\s+|la\s+)?(?:\w+\s+)?(?:avis|évaluation|commentaire|note)\b",
        r"\b(?:avis|évaluation|commentaire|note|retour|feedback)s?\s+(?:très\s+)?(?:positi\w+|favorable\w*|"
        r"excellent\w*|élogieu\w*|parfait\w*)",
        r"\b(?:bon|bonne|excellent|excellente|meilleur|meilleure|très bon|très bonne|super)\s+"
        r"(?:avis|évaluation|note|commentaire)\b",
        r"\b(?:si|dès que|une fois que|lorsque|quand|en échange d'|"
        r"en contrepartie d')\s*(?:vous\s+)?(?:nous\s+)?(?:\w+\s+){0,3}?"
        r"(?:publi|laiss|écri|donn|modifi|mett|retir|supprim)\w*\s+(?:un|une|votre|cet|cette|"
        r"nous)?\s*(?:\w+\s+)?"
        r"(?:avis|évaluation|commentaire)",
        r"\b(?:modifi|supprim|retir|chang|mettre à jour|révis|revoir|reconsidér)\w*\s+(?:votre|cet|cette|"
        r"ce|l')\s*"
        r"(?:avis|évaluation|commentaire|note)\b",
        r"\b(?:avis|évaluation|commentaire)\s+(?:négati\w+)\b[^.!?\n]{0,60}?\b(?:modifi|supprim|retir|"
        r"chang)",
        r"\b(?:avis|évaluation|note|commentaire)s?\s+(?:négati\w+|mauvai\w+)[^.!?\n]{0,60}\b(?:contactez|"
        r"écrivez|"
        r"contacter|écrire)(?:-nous)?\b",
        r"\b(?:avis|évaluation|note|étoiles|commentaire)\b[^.!?\n]{0,40}\b(?:que si|seulement si|si|"
        r"lorsque|quand)\b"
        r"[^.!?\n]{0,40}\b(?:satisfaite?s?|content(?:e|s|es)?|ravie?s?|heureu(?:x|se|ses))\b",
        r"\b(?:si|lorsque|quand)\b[^.!?\n]{0,40}\b(?:satisfaite?s?|content(?:e|s|es)?|"
        r"ravie?s?)\b[^.!?\n]{0,50}"
        r"\b(?:avis|évaluation|étoiles|noter|évaluer)\b",
        r"\b(?:avis|évaluation|commentaire)\b[^.!?\n]{0,80}\b(?:sinon|autrement|avant de|"
        r"d'abord)\b[^.!?\n]{0,40}"
        r"\b(?:contactez|écrivez|contacter|écrire)\b",
    ),
    review_words=r"\b(?:avis|évaluation\w*|commentaire\w*|étoiles|évaluer|notez-nous|noter notre)\b",
    rating_verbs=r"\b(?:nous\s+)?(?:évaluer|noter|évaluez|notez)(?:-nous)?\b|\bnous (?:évaluer|noter)\b",
    incentive_words=(
        r"\b(?:tirage au sort|concours|gagner|loterie|gratuit\w*|offert\w*|réduction|remise|bon d'achat|"
        r"cadeau\w*|récompense\w*|en échange|"
        r"en contrepartie|code promo|pour vous remercier|en remerciement|offrons|offrirons|surprise|"
        r"au sort|tirons|gagnant\w*|lot)\b|\b(?:un|d'un|bon d')\s*avoir\b|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
    rating_change=(
        r"\b(?:remont|modifi|chang|revoir|revoy|révis|reconsidér|amélior|augment|mettre à jour|"
        r"mettiez à jour|"
        r"actualis|supprim|retir|corrig)\w*"
    ),
    request=(
        r"\bpourriez-vous\b|\bpourrais-tu\b|\bvoudriez-vous\b|\bmerci de\b|\bs'il vous plaît\b|\bsvp\b|"
        r"\bnous vous (?:prions|demandons|invitons)\b|\bnous serions (?:très |vraiment )?(?:reconnaissants|"
        r"ravis|"
        r"heureux)\b|\bvous serait-il possible\b|\bserait-il possible\b|\bseriez-vous\b|\bpeut-être\b|"
        r"\bnous (?:aimerions|souhaiterions|voudrions)\b|\bgentiment\b"
    ),
    satisfaction=r"\b(?:satisfaite?s?|content(?:e|s|es)?|ravie?s?|heureu(?:x|se|ses)|100\s?%)\b",
    gating=(
        r"\b(?:que si|seulement si|uniquement si|si|avant de|une fois|dès que|lorsque|quand|d'attendre|"
        r"attendez)\b"
    ),
    fault=(
        r"\b(?:un|une|l'|le|la|cet|cette|notre|d'un|d'une)\s*(?:\w+\s+)?(?:erreur|oubli|négligence|bévue|"
        r"manquement|bug|panne|dysfonctionnement|"
        r"couac|"
        r"faute|surcharge|surplus de travail|retard de traitement|manque de vigilance|défaillance)\b"
    ),
    ours=r"\b(?:notre|nos|chez nous|de notre (?:part|côté)|par nous|nous-mêmes)\b",
    delay_words=r"\b(?:retard\w*|attente|délai)\b",
    blamed_on_us=(
        r"\b(?:vient|venait|provient)\s+de\s+nous\b|\bde notre (?:fait|faute|responsabilité)\b|\b(?:par|"
        r"à cause "
        r"de)\s+nous\b|\bnotre (?:faute|responsabilité)\b|\bnous (?:en )?sommes (?:\w+\s+)?responsables\b|"
        r"\bnous incombe\b|\bde notre côté\b"
    ),
    refund_words=(
        r"\b(?:rembours\w*|annul\w*|votre argent|le montant|l'intégralité|recrédit\w*|crédit(?:er|erons|"
        r"ons))\b"
    ),
    first_person=r"(?:\b(?:je|nous|moi|me|m'en|laissez-moi|notre|nos)\b|\bj'|\bm')",
    refund_state=(
        r"\b(?:est|a été|sont)\s+(?:désormais|maintenant|dès à présent)\s+(?:annulée?s?|remboursée?s?|"
        r"recréditée?s?)\b|"
        r"\bvous revient\b|"
        r"\best en route vers votre\b"
    ),
    buyer_action=(
        r"\bvous (?:pouvez|pourrez|pourriez)\b|\bvos commandes\b|\bdemander l'annulation\b|\bdemande "
        r"d'annulation\b|\bvous (?:souhaitez|voulez|désirez|préférez|avez demandé)\b|\bsi vous\b|\bs'il\b"
    ),
    reassurance=(
        r"\b(?:pas|aucun) (?:de )?(?:souci|problème|inquiétude|soucis)\b|\bne vous inquiétez pas\b|"
        r"\bne t'inquiète pas\b"
    ),
    status_report=(
        r"\b(?:apparaît|apparait|figure|indiquée?|affichée?|marquée?|signalée?)\s+comme\b|\bstatut (?:est|"
        r"indique)\b"
    ),
    schedule=rf"\b(?:du\s+)?{_DAY}\s*(?:-|–|au)\s*{_DAY}\b",
    owned_failure=(
        r"(?:\b(?:nous|je)\s+n'|\bj'ai pas\b|\bje n')(?:avons|ai)?\s*pas\s+(?:\w+\s+){0,3}?(?:à temps|"
        r"assez vite|"
        r"assez rapidement|dans les temps)\b"
    ),
    own_cause=(
        r"\b(?:manque|pénurie) de personnel\b|\bsous-effectif\b|\beffectif réduit\b|\b(?:débordés?|"
        r"submergés?|surchargés?)\b"
        r"|\b(?:collègues?|équipe|personnel|employés?|salariés?|préparateurs?)\b[^.!?\n]{0,30}\b(?:malades?|"
        r"grippe|en arrêt|arrêt maladie|absente?s?)\b"
        r"|\b(?:chang(?:é|ement|er)|déménag\w*|migr\w*|mise à jour|passage)\b[^.!?\n]{0,30}\b(?:logiciel|"
        r"système|entrepôt|plateforme|locaux|prestataire|outil)\w*"
        r"|\btrop de commandes\b|\bafflux de commandes\b|\bsous-estimé\w*"
        r"|\bimprimante\b"
        r"|\b(?:souci|problème|erreur|incident|bug|panne|couac|raté)s?\s+(?:\w+\s+){0,2}?(?:à l'|au |à la |"
        r"de |d'|"
        r"avec |dans |chez )\s*(?:l'|la |le |notre |nos )?(?:emballage|préparation|conditionnement|"
        r"entrepôt|logiciel|système|stock|étiquet\w*|nous)\b"
        r"|\b(?:erreur|problème|souci|oubli)s? intern\w*"
    ),
    consequence=(
        r"\bretard\w*|\bbloqu\w*|\bralenti\w*|\bd'où\b|\bà temps\b|\bdans les temps\b|\ben souffrance\b"
        r"|\bpas\s+(?:encore\s+)?(?:été\s+)?(?:\w+\s+)?(?:expédiée?s?|envoyée?s?|traitée?s?|remise?s?|"
        r"partie?s?|préparée?s?|enregistrée?s?)\b|\bpas (?:pu|réussi à) (?:\w+\s+)?(?:expédier|envoyer|"
        r"traiter)"
    ),
    internal=r"\bintern(?:e|es|s)?\b",
    invitation=(
        r"\bdécouvr\w*|\bjet(?:ez|er) un (?:œil|oeil|coup d'œil|coup d'oeil)\b|\bvisit\w*|\bparcour\w*|"
        r"\bvous trouverez\b|\bretrouvez\b|\bessayez\b|\bfaites un tour\b"
    ),
    our_range=(
        r"\b(?:notre|nos)\s+(?:\w+\s+){0,2}?(?:boutique|magasin|gamme|collection|ligne|produits|catalogue|"
        r"blog|vitrine|recettes|nouveautés|créations)\b"
    ),
    habitual=(
        r"\btous les jours\b|\bchaque (?:jour|matin|après-midi)(?: de semaine)?\b|\ben semaine\b|"
        r"\bquotidiennement\b"
    ),
)
