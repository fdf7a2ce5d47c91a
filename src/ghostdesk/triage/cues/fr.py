"""French cues: phrases that ask about an order's status (``FOR``) and topics that are something else
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
    r"(?:commande|commandes|comande|commade|colis|article|articles|livraison|paquet|achat|envoi|produit"
    r"|marchandise)"
)

# "ma commande", "mon colis", "j'ai commandé", "nous avons acheté": the buyer speaks of an order they have.
ORDER_WORDS = (
    r"\b(?:ma|mon|mes|notre|nos)\s+(?:\w+\s+)?" + _NOUNS + r"s?\b"
    r"|\b(?:ai|avons|l'ai|les\s+ai)\s+(?:\w+\s+)?(?:commande|achete|paye|precommande|reserve|passe\s+(?:une\s+|ma\s+)?commande)e?s?\b"
)

FOR: tuple[Cue, ...] = (
    cue(
        "où est ma commande",
        2.0,
        r"\bou\s+(?:est|en\s+est|se\s+trouve|sont|en\s+sont|est\s+passee?)\s+(?:ma|mon|mes|la|le|les|notre"
        r"|nos)\s+(?:\w+\s+)?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue("où est <numéro>", 1.5, r"\bou\s+(?:est|en\s+est)(?:\s+(?:ma\s+)?commande)?" + NUMBER_AHEAD),
    cue(
        "où en est-on",
        1.2,
        r"\bou\s+en\s+(?:est|sont|sommes)(?:[- ]?(?:on|nous|elle|il|elles|ils))?\b|\bou\s+(?:est"
        r"|sont)[- ](?:il|elle|ils|elles)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "pas reçu",
        2.0,
        r"\b(?:pas|jamais|rien|point)\b"
        + r"[^.!?\n:;]{0,30}?\b(?:recu\w*|arrive\w*|livre\w*|parvenu\w*|venu\w*)"
        r"|\bn'(?:ai|avons|a|est)\s+(?:\w+\s+)?(?:recu|arrive|livre|parvenu)\w*\s+(?:aucune?|rien)\b",
        veto_after=OTHER_OBJECT,
        veto_before=OTHER_OBJECT,  # "mon remboursement, je ne l'ai pas reçu"
    ),
    cue(
        "j'attends toujours",
        1.5,
        r"\bj'?attends\s+(?:toujours|encore|depuis)\b|\btoujours\s+rien\b|\btoujours\s+en\s+attente\b"
        r"|\btoujours\s+pas\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "pas expédié",
        2.0,
        r"\b(?:pas|jamais)\b" + CLAUSE + r"{0,30}?\b(?:expedie\w*|envoye\w*|parti\w*|postee?s?)\b",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "déjà expédiée ?",
        1.5,
        r"\b(?:deja|bien|enfin)\s+(?:ete\s+)?(?:expediee?s?|envoyee?s?|partie?s?)\b"
        r"|\b(?:expediee?s?|envoyee?s?|partie?s?)\b" + CLAUSE + r"{0,30}\?",
        veto_after=OTHER_OBJECT,
        veto_before=r"retour|rembours|" + CONDITIONAL,
    ),
    cue(
        "quand sera-t-elle expédiée",
        1.5,
        r"\bquand\b"
        + CLAUSE
        + r"{0,50}?\b(?:expedie\w*|envoye\w*|expedier\w*|envoyer\w*|partira|expediez|envoyez)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "quand vais-je recevoir",
        1.8,
        r"\bquand\b" + CLAUSE + r"{0,50}?\b(?:recevr\w*|recevoir|arriv\w*|livr\w*|esperer|compter\s+sur)"
        r"|\b(?:une\s+eternite|des\s+lustres|des\s+siecles)\b",
        veto_after=OTHER_OBJECT,
        veto_before=REFUND_OBJECT,
    ),
    cue(
        "quand sort la précommande",
        1.5,
        r"\bquand\b" + CLAUSE + r"{0,50}?\b(?:sortir|sortie|sort|sortira)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "annulée mais prélevée",
        2.0,
        r"\bannulee?s?\b[^\n]{0,80}?\b(?:preleve|debite|paye|facture)e?s?\b"
        r"|\b(?:preleve|debite|facture)e?s?\b[^\n]{0,80}?\bannulee?s?\b",
        veto_before=r"\b(?:j'ai|nous\s+avons|je\s+l'ai)\s+(?:\w+\s+)?$",
    ),
    cue(
        "incident de livraison",
        1.5,
        r"\bincident\s+(?:de\s+|d')?(?:livraison|acheminement)\b|\bnon\s+livrable\b|\blivraison\s+impossible\b"
        r"|\bn'a\s+pas\s+pu\s+etre\s+livree?s?\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "il me le faut pour",
        2.0,
        r"\b(?:j'en\s+ai|en\s+ai)\s+besoin\s+(?:pour|avant|d'ici)\s+(?:\w+\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le\s+week-?end|demain|noel|\d)"
        r"|\bil\s+me\s+(?:le|la|les)\s+faut\s+(?:pour|avant|d'ici)\s+(?:\w+\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le\s+week-?end|demain|noel|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "pourquoi annulée",
        2.0,
        r"\bpourquoi\b" + CLAUSE + r"{0,40}?\bannulee?s?\b"
        r"|\b(?:a\s+ete|est|etait|apparait\s+comme|indiquee?\s+comme)\s+annulee?s?\b"
        + CLAUSE
        + r"{0,60}?\b(?:mais|sans|pourquoi|pas)\b",
        veto_before=CONDITIONAL,
    ),
    cue(
        "annulée ?",
        1.5,
        r"\b(?:a\s+ete|a[- ]t[- ](?:elle|il)\s+ete|est[- ](?:elle|il)|etait)\s+annulee?s?\s*\?",
    ),
    cue(
        "ça arrive quand ?",
        1.8,
        r"\b(?:arriv|livr|expedi|envoy|part|recev)\w*\s+quand\b|\bpour\s+quand\b",
        veto_after=OTHER_OBJECT,
    ),
    cue("j'attends", 1.2, r"\bj'?attends\b|\bet\s+(?:toujours\s+)?rien\b", veto_after=OTHER_OBJECT),
    cue(
        "c'est trop long",
        1.2,
        r"\bc'(?:est|etait)\s+(?:\w+\s+)?long\b|\bdelai\s+(?:\w+\s+)?long\b|\bprend\s+(?:\w+\s+)?trop\s+de\s+temps\b",
        veto_after=OTHER_OBJECT + r"|\bpour\b",
    ),
    cue(
        "je n'ai pas annulé",
        1.5,
        r"\bje\s+n'ai\s+(?:\w+\s+)?(?:pas|jamais|rien)\s+annule\b|\bsans\s+(?:que\s+je\s+)?(?:l'avoir\s+)?annule",
    ),
    cue(
        "temps écoulé",
        0.6,
        r"\b(?:ca|cela)\s+fait\s+(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plus\s+d'une?"
        r"|plusieurs)\s+(?:jours?|semaines?)\b|\bil\s+y\s+a\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit"
        r"|neuf|dix|plus\s+d'une?|plusieurs)\s+(?:jours?|semaines?)\b",
    ),
    cue(
        "retourné à l'expéditeur",
        2.0,
        r"\b(?:retourne|renvoye|reparti|revenu)e?s?\s+(?:a|chez)\s+l'expediteur\b|\bretour\s+(?:a\s+l')?expediteur\b",
    ),
    cue(
        "et ma commande ?",
        1.5,
        r"(?:^|\n)\W*et\s+(?:ma|mon|la|le)\s+(?:commande|colis)\s*\?+",
    ),
    cue(
        "livrée avant samedi ?",
        1.5,
        r"\b(?:livree?s?|arriver\w*|recevr\w*|expediee?s?)\s+(?:\w+\s+)?(?:avant|pour|d'ici)\s+(?:lundi|mardi|mercredi"
        r"|jeudi|vendredi|samedi|dimanche|le\s+week-?end|demain|noel|la\s+fin|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "personne à la maison",
        1.5,
        r"\b(?:personne|absent)\w*\s+(?:n'etait\s+)?(?:a\s+la\s+maison|chez\s+moi|au\s+domicile|la)\b"
        r"|\bnouvelle\s+livraison\b|\brelivr\w*",
    ),
    cue(
        "le reste arrive séparément ?",
        2.0,
        r"\b(?:envoye|expedie|livre|arrive|vient|viendra|suit|suivra)\w*\s+(?:\w+\s+)?(?:separement|a\s+part)\b"
        r"|\bcolis\s+(?:separe|a\s+part)\b|\benvoi\s+separe\b",
        role=PART_MISSING,
    ),
    cue(
        "en instance",
        1.5,
        r"\ben\s+instance\b|\bavis\s+de\s+passage\b|\bpoint\s+relais\b|\btentative\s+de\s+livraison\b",
    ),
    cue(
        "que s'est-il passé",
        0.7,
        r"\bque\s+s'est[- ]il\s+passe\b|\bqu'est[- ]ce\s+qui\s+(?:s'est\s+)?passe\b"
        r"|\bque\s+se\s+passe[- ]t[- ]il\b",
    ),
    cue(
        "des nouvelles ?",
        1.5,
        r"(?:^|\n)\W*(?:et\s+)?(?:alors|des\s+nouvelles|du\s+nouveau|statut|status|et\s+donc|nouvelles"
        r"|des\s+news|news)\s*\?+",
    ),
    cue(
        "où est le reste",
        2.0,
        r"\bou\s+(?:est|sont|en\s+est)\s+(?:le\s+reste|l'autre|les\s+autres|la\s+suite|le\s+deuxieme)\b"
        r"|\breste\s+de\s+(?:ma|la|mon|notre)\s+(?:\w+\s+)?" + _NOUNS + r"\b"
        r"|\bqu'une\s+partie\b|\blivraison\s+partielle\b"
        # "je n'ai reçu que la théière", "seule la cocotte est arrivée"
        r"|\bn'(?:ai|avons)\s+recu\s+que\b|\bseule?s?\s+(?:la|le|les|l')\s*\w+\s+(?:est|sont)\s+(?:arrivee?s?"
        r"|livree?s?)\b",
        veto_after=OTHER_OBJECT,
        role=PART_MISSING,
    ),
    cue(
        "délai de livraison",
        1.5,
        r"\b(?:delais?|date)\s+(?:de\s+|d')?(?:livraison|reception|arrivee|expedition|envoi|sortie)\b"
        r"|\blivraison\s+prevue\b"
        r"|\bdate\s+prevue\b|\bprevue?\s+pour\s+le\b",
    ),
    cue(
        "en attente",
        1.8,
        r"\ben\s+attente\b|\ben\s+cours\s+de\s+(?:traitement|preparation|validation|verification)\b"
        r"|\b(?:toujours|encore)\s+en\s+(?:traitement|preparation|cours)\b"
        r"|\bbloquee?s?\b|\bpending\b",
        veto_after=r"rembours|retour|avis",
    ),
    cue(
        "aucune trace de ma commande",
        2.0,
        r"\b(?:aucune|pas\s+de)\s+trace\s+de\b|\btrouve\s+(?:pas|plus)\s+(?:ma|la|cette|votre)\s+commande"
        r"|\b(?:trouve|vois|retrouve)\s+(?:pas|plus)\s+(?:\w+\s+)?(?:ma|la|cette|votre|mon)\s+commande"
        r"|\bcommande\b"
        + CLAUSE
        + r"{0,30}?\b(?:disparu\w*|introuvable|n'apparait\s+(?:pas|plus)|n'existe\s+pas)"
        r"|\baucune\s+commande\b|\bpas\s+de\s+commande\s+(?:a|au|enregistree)",
    ),
    cue(
        "suivi",
        1.5,
        r"\bsuivi\b|\bsuivre\s+(?:ma|mon|le|la|mes)\s+(?:\w+\s+)?"
        + _NOUNS
        + r"|\btracking\b|\bnumero\s+de\s+suivi\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"retour",
        role=CARRIER_REPORT,
    ),
    cue(
        "statut de ma commande",
        1.5,
        r"\b(?:statut|etat|avancement|suivi)\s+(?:de\s+|d')?(?:ma|mon|la|votre|cette|l')\s*(?:\w+\s+)?"
        + _NOUNS
        + r"|\b(?:des|de|aucune|sans)\s+nouvelles?\b|\bmise\s+a\s+jour\b|\bdu\s+nouveau\b"
        r"|\b(?:aucune|pas\s+d'|sans)\s*info(?:rmation)?s?\b",
        veto_after=OTHER_OBJECT,
        veto_before=THANKED,
    ),
    cue(
        "en retard",
        1.2,
        r"\ben\s+retard\b|\bretard\w*|\baurai[st]\s+du\s+(?:arriver|etre\s+livre)|\bdevai[st]\s+(?:arriver"
        r"|etre\s+livre)",
    ),
    cue(
        "paiement en attente",
        1.8,
        r"\bpaiement\b"
        + CLAUSE
        + r"{0,30}?\b(?:en\s+attente|en\s+cours|verification|pending|pas\s+(?:encore\s+)?valide)"
        r"|\b(?:debite|preleve|paye)e?s?\b" + CLAUSE + r"{0,60}?\b(?:mais|toujours|aucune|pas)\b",
    ),
    cue(
        "indiqué livré",
        2.0,
        r"\b(?:indique|marque|affiche|note|signale)e?s?\s+(?:comme\s+)?livree?s?\b",
        veto_after=TO_THE_SELLER,
        role=CARRIER_REPORT,
    ),
    cue(
        "n'a pas bougé",
        1.2,
        r"\b(?:pas|plus|rien)\s+(?:\w+\s+)?(?:bouge|avance|evolue|change)\b|\baucune\s+(?:evolution"
        r"|mise\s+a\s+jour)\b",
    ),
    cue(
        "en route ?",
        1.5,
        r"\ben\s+(?:route|chemin|transit)\b|\ben\s+(?:cours\s+de\s+)?livraison\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "dit avoir livré",
        2.0,
        r"\b(?:dit|pretend|affirme|indique|assure)\w*\s+(?:avoir|l'avoir|les\s+avoir)\s+(?:\w+\s+)?(?:livre|laisse"
        r"|depose|remis)\w*",
    ),
    cue(
        "si longtemps",
        1.2,
        r"\b(?:prend|met|faut)\w*\b" + CLAUSE + r"{0,25}?\b(?:autant|tant|si\s+longtemps|trop)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "colis perdu",
        1.5,
        r"\b(?:colis|commande|paquet|envoi)\b" + CLAUSE + r"{0,30}?\b(?:perdue?|egaree?)\b",
    ),
)

AGAINST: tuple[Cue, ...] = (
    cue(
        "retour",
        -2.0,
        r"\bretour\w*|\brenvoy(?:er|e)\b" + CLAUSE + r"{0,30}?\b(?:article|produit)|\bechang\w*"
        r"|\b(?:vous\s+)?(?:l'|les\s+)?ai\s+(?:deja\s+)?renvoyee?s?\b|\brenvoyee?s?\s+(?:chez\s+vous|a\s+vos\s+frais)"
        r"|\bremplac\w*",
        veto_after=r"expediteur",
    ),
    cue("remboursement", -0.8, r"\brembours\w*"),
    cue(
        "question de remboursement",
        -2.0,
        r"\bquand\b" + CLAUSE + r"{0,40}?\brembours\w*|\b(?:pas|jamais)\s+(?:encore\s+|ete\s+)*rembourse\w*"
        r"|\bou\s+en\s+est\s+(?:mon|le)\s+remboursement\b",
    ),
    cue(
        "article renvoyé",
        -1.0,
        r"\b(?:j'ai|nous\s+avons|je\s+l'ai|je\s+les\s+ai)\s+(?:\w+\s+)?(?:renvoye|retourne|rendu|reexpedie)e?s?\b"
        r"|\bcolis\s+(?:de\s+)?retour\b|\bretour\s+(?:a\s+ete\s+)?(?:depose|livre|recu)e?\b",
        veto_after=r"expediteur",
        role=RETURN_SENT,
    ),
    cue(
        "annulation",
        -1.2,
        r"\bannul(?:er|ez|ation|e)\b|\bretract\w*",
        veto_before=r"\b(?:ete|est|etait)\s+$|" + CONDITIONAL,
        role=CHANGE_REQUEST,
    ),
    cue(
        "changement d'avis",
        -1.5,
        r"\bchange\s+d'avis\b|\bpar\s+erreur\b|\bplus\s+besoin\b|\bmoins\s+cher\s+ailleurs\b"
        r"|\btrompee?\s+de\b",
        role=CHANGE_REQUEST,
    ),
    cue("facture", -2.0, r"\bfactur\w*|\btva\b|\bjustificatif\w*"),
    cue(
        "changement d'adresse",
        -1.8,
        r"\b(?:changer|modifier|corriger|mettre\s+a\s+jour)\b" + CLAUSE + r"{0,30}?\badresse\b"
        r"|\badresse\b" + CLAUSE + r"{0,20}?\b(?:changer|modifier|corriger|erronee)\b|\bnouvelle\s+adresse\b"
        r"|\b(?:erreur|faute)\s+(?:\w+\s+)?(?:dans|sur)\s+(?:mon\s+|l')adresse\b|\bmauvaise\s+adresse\b"
        r"|\blivrer\s+(?:\w+\s+){0,4}?(?:plutot|au\s+lieu)\b|\bplutot\s+qu'(?:a|chez)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "changement de nom",
        -1.8,
        r"\b(?:mettre|changer|modifier|passer)\s+(?:\w+\s+){0,3}?au\s+nom\s+de\b|\bchanger\s+(?:le|de)\s+nom\b"
        r"|\bnom\s+du\s+destinataire\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "changer d'article",
        -1.8,
        r"\b(?:changer|modifier|echanger)\s+(?:la|le|de)\s+(?:couleur|taille|modele|coloris|pointure)\b"
        r"|\bplutot\s+(?:la|le|les|en|un|une)\s+(?:\w+\s+)?(?:rouge|noir\w*|blanc\w*|bleu\w*|vert\w*|gris\w*"
        r"|taille|couleur|modele)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "modifier la commande",
        -1.2,
        r"\bajouter\s+(?:\w+\s+){0,4}?a\s+(?:ma|la|cette)\s+commande\b|\bmodifier\s+(?:ma|la|cette)\s+commande\b"
        r"|\bretirer\s+(?:\w+\s+){0,4}?de\s+(?:ma|la|cette)\s+commande\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "moyen de paiement",
        -1.2,
        r"\bpayer\s+(?:\w+\s+){0,3}?(?:en\s+(?:\w+\s+)?fois|par\s+(?:virement|cheque|carte|paypal))\b"
        r"|\bmoyens?\s+de\s+paiement\b|\bpaiement\s+en\s+(?:\w+\s+)?fois\b",
    ),
    cue(
        "question produit",
        -1.5,
        r"\bcompatib\w*|\bquelle\s+(?:taille|couleur|version)\b|\btaille\b|\bdimensions?\b|\ben\s+stock\b"
        r"|\bdisponible\s+en\b|\b(?:la|une|sans|de)\s+notice\b|\bnotice\s+(?:de|d'|en)\b|\bmode\s+d'emploi\b"
        r"|\bgarantie\b|\bcomment\s+(?:\w+\s+){0,2}?(?:nettoyer|laver|entretenir|utiliser|monter|installer|regler)\b"
        r"|\blave-?\s?vaisselle\b|\binduction\b|\bconvient\s+(?:a|pour)\b",
    ),
    cue(
        "avant achat",
        -2.5,
        r"\bavant\s+de\s+(?:commander|l'acheter|acheter|passer\s+commande)\b|\bsi\s+je\s+(?:commande"
        r"|l'achete|achete)\b"
        r"|\blivrez-?\s?vous\b|\bexpediez-?\s?vous\b|\bje\s+(?:souhaite|voudrais|souhaiterais"
        r"|compte)\s+(?:commander|acheter)\b",
    ),
    cue(
        "options de livraison",
        -1.5,
        r"\b(?:options|modes|frais|couts)\s+de\s+(?:livraison|port|expedition)\b",
    ),
    cue(
        "produit défectueux",
        -1.5,
        r"\bcasse(?:e|s|es)?\b|\bdefectu\w*|\babime\w*|\bendommage\w*|\bne\s+(?:fonctionne|marche)\s+(?:pas|plus)\b"
        r"|\bne\s+s'allume\s+(?:pas|plus)\b|\bfelee?s?\b|\bbrisee?s?\b|\bfuit\b|\bau\s+lieu\s+d[eu']"
        r"|\bmanque\w*\s+(?:les|des|la|le)\s+(?:vis|pieces?|notice|chargeur|cable|boulons|accessoires?)\b"
        r"|\btrop\s+(?:petite?s?|grande?s?|court|courte|serre|large)\b"
        r"|\bmauvaise?\s+(?:article|taille|couleur|produit|modele)\b|\bpiece\s+manquante\b|\bmanque\s+(?:une"
        r"|des)\s+piece"
        r"|\bfissure\w*|\braye\w*",
    ),
    cue(
        "bien reçu",
        -1.5,
        r"\b(?:j'ai|ai|avons|a\s+ete|est|sont|bien|enfin|aujourd'hui|hier)\s+(?:bien\s+)?(?:recu|arrive"
        r"|livre)e?s?\b",
        unless_negated=True,
        veto_after=MESSAGE_OBJECT + "|" + IN_TRANSIT + "|" + NOTHING,
        veto_before=HYPOTHETICAL + "|" + RECEIVED_INFO_BEFORE,
        role=RECEIVED,
    ),
    cue(
        "compte",
        -1.5,
        r"\bmot\s+de\s+passe\b|\bconnexion\b|\bse\s+connecter\b|\bcreer\s+un\s+compte\b|\bnewsletter\b"
        r"|\bdesinscri\w*",
    ),
    cue(
        "avis",
        -1.0,
        r"\bavis\b(?!\s+de\s+passage)|\bcommentaire\w*|\bevaluation\w*|\betoiles\b|\btres\s+satisfaite?\b"
        r"|\bsuper\s+produit\b",
    ),
    cue("merci", -0.3, r"\bmerci\b"),
    cue(
        "merci pour la livraison",
        -1.5,
        r"\bmerci\s+(?:\w+\s+)?pour\s+(?:la|le|l'|votre)\s*(?:\w+\s+)?(?:livraison|envoi|expedition|service"
        r"|rapidite|emballage)\b",
    ),
    cue(
        "consigne de livraison",
        -1.5,
        r"\b(?:deposer|laisser)\s+(?:le\s+colis\s+|le\s+paquet\s+)?(?:chez|a\s+la\s+loge|dans\s+la\s+boite|devant)\b"
        r"|\bpaquet\s+cadeau\b|\bemballage\s+cadeau\b|\bemballer\s+(?:le\s+colis\s+)?de\s+facon\b"
        r"|\bcadeau\b|\bpetit\s+mot\b|\bne\s+pas\s+mettre\s+la\s+facture\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "tout va bien, pour info",
        -2.5,
        r"\b(?:tout\s+(?:est\s+)?(?:bon|ok|en\s+ordre)|pour\s+info\w*|c'est\s+regle|tout\s+va\s+bien)\b"
        + NOT_A_QUESTION,
    ),
    cue(
        "détails du produit",
        -1.5,
        r"\bpiles?\b|\bbatterie\b|\bbpa\b|\bmatiere\b|\b(?:epaisseur|largeur|hauteur|longueur|poids|diametre"
        r"|contenance|puissance)\b|\bqualite\b|\bdecue?s?\b|\bbancal\w*|\bdecolor\w*|\bferme\s+mal\b"
        r"|\bnormal\s+pour\s+(?:ce|cet|cette|un|une)\s+(?:modele|produit|article)\b|\bphotos?\s+du\s+produit\b|\benvoyer\s+(?:\w+\s+){0,2}?photo\w*",
    ),
    cue(
        "autre achat ou retrait",
        -1.5,
        r"\b(?:remise|reduction|code\s+promo|prix\s+de\s+gros)\b|\ben\s+personne\b|\bvenir\s+(?:le\s+)?(?:chercher"
        r"|retirer)\b|\bavez-?\s?vous\s+(?:aussi|egalement)\b|\bvendez-?\s?vous\b"
        r"|\brien\s+ne\s+manque\b|\bil\s+ne\s+manque\s+rien\b|\bje\s+(?:voulais|veux)\s+juste\s+vous"
        r"\s+(?:prevenir|informer|signaler)\b",
    ),
)
