"""Spanish cues: phrases that ask about an order's status (``FOR``) and topics that are something else
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
    r"(?:pedido|pedidos|pedio|paquete|paqete|orden|envio|articulo|articulos|compra|producto|productos"
    r"|mercancia)"
)

# "mi pedido", "nuestro paquete", "pedí", "he comprado": the buyer speaks of an order they have.
ORDER_WORDS = (
    r"\b(?:mi|mis|nuestr[oa]s?)\s+(?:\w+\s+)?" + _NOUNS + r"s?\b"
    r"|\b(?:pedi|compre|encargue|(?:he|hemos|hice|hicimos|realice)\s+(?:\w+\s+)?(?:pedido|comprado|encargado"
    r"|compra|una\s+compra))\b"
)

FOR: tuple[Cue, ...] = (
    cue(
        "dónde está mi pedido",
        2.0,
        r"\bdonde\s+(?:esta|estan|se\s+encuentra|anda|queda)n?\s+(?:mi|mis|el|la|los|las"
        r"|nuestro)\s+(?:\w+\s+)?" + _NOUNS + r"\b",
        veto_after=OTHER_OBJECT,
    ),
    cue("dónde está <número>", 1.5, r"\bdonde\s+esta(?:\s+(?:mi\s+|el\s+)?pedido)?" + NUMBER_AHEAD),
    cue(
        "no recibido",
        2.0,
        r"\b(?:no|nunca|ni)\b"
        + CLAUSE
        + r"{0,30}?\b(?:recibido|recibi|recibo|llegado|llego|llega|entregado|entregaron"
        r"|aparecido)\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"reembols|dinero|factura|devoluc",
    ),
    cue(
        "sigo esperando",
        1.5,
        r"\bsigo\s+(?:esperando|sin)\b|\b(?:todavia|aun)\s+no\b|\b(?:todavia|aun)\s+(?:estoy\s+)?esperando\b"
        r"|\b(?:todavia|aun)\s+nada\b|\bestoy\s+esperando\b"
        r"|\bsigue(?:n)?\s+(?:sin\s+(?:enviar|llegar|salir|despachar|mover|actualizar|noticias|recibir|saber)\w*"
        r"|pendiente|igual|parad[oa]|en\s+preparacion)",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
    ),
    cue(
        "no enviado",
        2.0,
        r"\b(?:no|nunca)\b"
        + CLAUSE
        + r"{0,30}?\b(?:enviado|enviada|enviados|despachado|expedido|salido|mandado|enviaron)\b",
        veto_after=OTHER_OBJECT,
        veto_before=CONDITIONAL,
        role=NOT_YET_SHIPPED,
    ),
    cue(
        "¿ya lo enviaron?",
        1.5,
        r"\bya\b" + CLAUSE + r"{0,30}?\b(?:enviado|enviaron|salido|despachado|despacharon|mandado|mandaron)\b"
        r"|\b(?:enviado|enviaron|salido|despachado|despacharon|mandado|mandaron)\b" + CLAUSE + r"{0,30}\?",
        veto_after=OTHER_OBJECT,
        veto_before=r"devoluc|reembols|" + CONDITIONAL,
    ),
    cue(
        "cuándo lo envían",
        1.5,
        r"\bcuando\b"
        + CLAUSE
        + r"{0,50}?\b(?:envi(?:an|aran|ara|ado|ar|ais|areis|as|amos)|despach\w*|mand(?:an|aran|ara|ar|ais"
        r"|areis|as)|sale|saldra|salga)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "cuándo llegará",
        1.8,
        r"\bcuando\b"
        + CLAUSE
        + r"{0,50}?\b(?:llega\w*|recibir\w*|recibo|entrega\w*|entregar\w*|esperar\w*|contar\s+con)"
        r"|\b(?:hace|desde\s+hace)\s+(?:siglos|una\s+eternidad|mil\s+anos)\b",
        veto_after=OTHER_OBJECT,
        veto_before=REFUND_OBJECT,
    ),
    cue(
        "cancelado pero cobrado",
        2.0,
        r"\b(?:cancelad[oa]|cancelaron|anulad[oa]|anularon)\b[^\n]{0,80}?\b(?:cobrad[oa]|cobraron|cobro|cargo"
        r"|cargad[oa]|cargaron|pagad[oa]|pague|descontad[oa])\b"
        r"|\b(?:cobrad[oa]|cobraron|cargaron|descontad[oa])\b[^\n]{0,80}?\b(?:cancelad[oa]|cancelaron|anulad[oa]"
        r"|anularon)\b",
        veto_before=r"\b(?:he|hemos|habia|habiamos)\s+(?:\w+\s+)?$",
    ),
    cue(
        "incidencia en la entrega",
        1.5,
        r"\bincidencia\s+(?:en\s+(?:la\s+|el\s+)?|de\s+)?(?:entrega|envio|reparto)\b"
        r"|\bno\s+(?:se\s+)?(?:ha\s+)?(?:podido|pudo|pudieron)\s+entregar\b|\bentrega\s+fallida\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "lo necesito para el viernes",
        2.0,
        r"\b(?:lo|la|los|las)\s+necesit(?:o|amos)\s+(?:\w+\s+)?(?:para|antes\s+del?)\s+(?:el\s+|la\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin\s+de\s+semana|manana|navidad|reyes|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "por qué se canceló",
        2.0,
        r"\bpor\s*que\b"
        + CLAUSE
        + r"{0,40}?\b(?:cancelad[oa]|anulad[oa]|cancelo|anulo|cancelaron|anularon)\b"
        r"|\b(?:se\s+ha|ha\s+sido|fue|esta|aparece(?:\s+como)?|figura(?:\s+como)?|sale(?:\s+como)?)\s+"
        r"(?:cancelad[oa]|anulad[oa])\b",
        veto_before=CONDITIONAL,
    ),
    cue(
        "en qué estado está",
        1.5,
        r"\ben\s+que\s+(?:estado|punto)\b|\bcomo\s+va\s+(?:mi|el)\s+(?:pedido|envio|paquete)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "llevo esperando",
        1.5,
        r"\b(?:llevo|llevamos|sigo|estoy|estamos)\s+(?:\w+\s+)?esperando\b|\by\s+(?:todavia\s+|aun\s+)?nada\b"
        r"|\bdonde\s+esta\s*\?",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "yo no lo he cancelado",
        1.5,
        r"\b(?:yo\s+)?no\s+(?:lo\s+|la\s+)?(?:he|hemos)\s+(?:cancelad|anulad)[oa]\b",
    ),
    cue(
        "¿para cuándo?",
        1.5,
        r"\bpara\s+cuando\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "tiempo transcurrido",
        0.6,
        r"\b(?:hace|llevo|lleva|llevamos|desde\s+hace|pasaron|han\s+pasado|van)\s+(?:ya\s+)?(?:\d+|un|una|dos|tres"
        r"|cuatro|cinco|seis|siete|ocho|nueve|diez|mas\s+de\s+una?|varios|varias)\s+(?:dias?|semanas?)\b",
    ),
    cue(
        "en la oficina",
        1.5,
        r"\baviso\s+de\s+llegada\b|\bintento\s+de\s+entrega\b|\bdestinatario\s+ausente\b"
        r"|\brecoger\w*\s+en\s+(?:la\s+)?oficina\b|\bno\s+(?:habia|hay|estaba)\s+nadie\b|\bnueva\s+entrega\b",
    ),
    cue(
        "devuelto al remitente",
        2.0,
        r"\b(?:devuelt[oa]|vuelto|regresad[oa]|retornad[oa])\s+(?:\w+\s+)?al\s+remitente\b|\bdevolucion\s+al\s+remitente\b",
    ),
    cue(
        "¿llegará antes del sábado?",
        1.5,
        r"\b(?:llega\w*|entrega\w*|envia\w*)\s+(?:\w+\s+)?(?:antes\s+del?|para\s+el|a\s+tiempo\s+para)\s+"
        r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin\s+de\s+semana|manana|navidad|\d)",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "qué ha pasado",
        0.7,
        r"\bque\s+(?:ha\s+)?pas(?:ado|o|a)\b|\bque\s+ocurre\b|\bque\s+sucede\b|\bque\s+(?:esta|estais)\s+pasando\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "¿novedades?",
        1.5,
        r"(?:^|\n)\W*(?:y\s+)?(?:alguna\s+)?(?:novedad(?:es)?|noticias?|estado|status|y\s+bien|algo|y)\s*\?+"
        r"|(?:^|\n)\W*y\s+(?:que\s+hay\s+de\s+)?(?:mi|el)\s+(?:pedido|paquete|envio|compra)\s*\?+"
        r"|\bcomo\s+va\s+lo\s+mio\b",
    ),
    cue(
        "plazo de entrega",
        1.5,
        r"\b(?:plazo|fecha|tiempo|dia)s?\s+(?:estimad[oa]s?\s+)?de\s+(?:entrega|llegada|envio)\b"
        r"|\bfecha\s+estimada\b",
    ),
    cue(
        "pendiente",
        1.8,
        r"\bpendiente\b|\ben\s+(?:proceso|tramite|preparacion)\b|\bprocesando\b|\batascad\w*|\bbloquead\w*"
        r"|\bpreparando\s+(?:para\s+)?el\s+envio\b"
        r"|\bpending\b"
        r"|\bparad[oa]\b|\bdetenid[oa]\b|\bsin\s+moverse\b|\bno\s+se\s+(?:ha\s+)?movido\b"
        r"|\b(?:no\s+hay|ningun|sin)\s+movimiento\b",
        veto_after=r"reembols|devoluc|valoracion",
    ),
    cue(
        "no hay registro del pedido",
        2.0,
        r"\bno\s+(?:me\s+|nos\s+|se\s+|lo\s+|la\s+)?(?:hay|existe|consta|aparece|encuentro|encuentran|veo"
        r"|figura|sale)\b" + CLAUSE + r"{0,30}?\b(?:registro|pedido|compra|orden)\b"
        r"|\b(?:pedido|compra)\b" + CLAUSE + r"{0,30}?\bdesaparec\w*|\bningun\s+pedido\b"
        r"|\bsin\s+registro\b",
    ),
    cue(
        "seguimiento",
        1.5,
        r"\bseguimiento\b|\brastre\w*|\btracking\b|\blocalizador\b|\bseguir\s+(?:mi|el)\s+(?:pedido|paquete"
        r"|envio)\b",
        veto_after=OTHER_OBJECT,
        veto_before=r"devoluc",
        role=CARRIER_REPORT,
    ),
    cue(
        "estado del pedido",
        1.5,
        r"\b(?:estado|estatus|status|situacion)\s+(?:de|del)\s+(?:mi\s+|el\s+|la\s+|su\s+)?(?:\w+\s+)?(?:pedido|envio|paquete|compra"
        r"|orden|entrega)\b"
        r"|\bnovedad(?:es)?\b|\bnoticias?\b|\bactualizacion\w*|\bno\s+se\s+nada\b"
        r"|\b(?:ninguna|sin)\s+informacion\b",
        veto_after=OTHER_OBJECT,
        veto_before=THANKED,
    ),
    cue(
        "retraso",
        1.2,
        r"\bretras\w*|\bdemora\w*|\bdeberia\s+haber\s+llegado\b|\btenia\s+que\s+(?:haber\s+)?llegar\b"
        r"|\bya\s+deberia\b",
    ),
    cue(
        "pago pendiente",
        1.8,
        r"\bpago\b"
        + CLAUSE
        + r"{0,30}?\b(?:pendiente|verificacion|verificando|proceso|no\s+(?:esta\s+)?confirmado)"
        r"|\b(?:cobrado|cobraron|cargado|pagado|pague)\b" + CLAUSE + r"{0,60}?\b(?:pero|sin|todavia|aun)\b"
        r"|\bverifica\w*\s+(?:de\s+|del\s+|el\s+)?pago\b",
    ),
    cue(
        "figura como entregado",
        2.0,
        r"\b(?:figura|aparece|pone|dice|marca|indica)n?\s+(?:que\s+(?:esta|fue|ha\s+sido)\s+"
        r"|como\s+)?entregad[oa]\b",
        veto_after=TO_THE_SELLER,
        role=CARRIER_REPORT,
    ),
    cue(
        "¿llega por separado?",
        2.0,
        r"\bpor\s+separado\b|\ben\s+otro\s+(?:paquete|envio)\b|\bfalta(?:n)?\s+(?:todavia|aun)\b"
        # "solo me ha llegado la sartén", "me llegó solamente la tapa"
        r"|\bsolo\s+(?:me\s+)?(?:ha\s+)?(?:llegado|llego|recibi|vino)\b"
        r"|\b(?:llegado|llego|recibido|recibi|vino)\s+(?:\w+\s+){0,3}?(?:solo|solamente|unicamente)\s+(?:el|la"
        r"|los|las|un|una)\b",
        role=PART_MISSING,
    ),
    cue(
        "en camino?",
        1.5,
        r"\ben\s+(?:camino|transito|ruta|reparto)\b",
        veto_after=OTHER_OBJECT,
    ),
    cue(
        "dice que lo entregó",
        2.0,
        r"\b(?:dice|dicen|asegura|afirma)n?\s+que\s+(?:lo\s+|la\s+)?(?:ha(?:n)?\s+)?(?:entregad[oa]|dejad[oa]"
        r"|entrego|dejo|entregaron|dejaron)\b",
    ),
    cue(
        "tarda tanto", 1.2, r"\btard(?:a|an|ando|ado)\s+(?:tanto|mucho|demasiado)\b", veto_after=OTHER_OBJECT
    ),
    cue(
        "paquete perdido",
        1.5,
        r"\b(?:paquete|pedido|envio)\b" + CLAUSE + r"{0,30}?\b(?:perdid[oa]|extraviad[oa])\b"
        r"|\b(?:perdid[oa]|extraviad[oa])\s+(?:mi\s+|el\s+)?(?:paquete|pedido|envio)\b",
    ),
)

AGAINST: tuple[Cue, ...] = (
    cue(
        "devolución",
        -2.0,
        r"\bdevol\w*|\bdevuelv\w*"
        r"|\betiqueta\s+de\s+devolucion\b|\bcambiar\w*\s+por\b|\b(?:las|los|lo|la)\s+puedo\s+cambiar\b"
        r"|\bcambiarl[oa]s?\b|\breemplaz\w*|\bsustitu\w*",
        veto_after=r"remitente",
    ),
    cue("reembolso", -0.8, r"\breembols\w*|\bme\s+devuelvan\s+el\s+dinero\b"),
    cue(
        "pregunta por el reembolso",
        -2.0,
        r"\bcuando\b" + CLAUSE + r"{0,40}?\b(?:reembols\w*|dinero|importe)\b"
        r"|\bdonde\s+esta\s+(?:mi|el)\s+(?:reembolso|dinero)\b"
        r"|\b(?:no|todavia\s+no|aun\s+no)\s+(?:me\s+)?(?:han\s+|habeis\s+)?(?:reembolsado|devuelto\s+el\s+dinero)\b",
    ),
    cue(
        "ya lo devolví",
        -1.0,
        r"\b(?:devolvi|devolvimos|(?:he|hemos)\s+devuelto|envie\s+de\s+vuelta|mande\s+de\s+vuelta)\b"
        r"|\bpaquete\s+de\s+(?:la\s+)?devolucion\b|\bdevolucion\b"
        + CLAUSE
        + r"{0,40}?\b(?:entregad[oa]|recibid[oa]"
        r"|llego)\b",
        veto_after=r"remitente",
        role=RETURN_SENT,
    ),
    cue(
        "cambio de artículo",
        -2.0,
        r"\bcambiar\s+(?:el|la|por)\s+(?:\w+\s+)?(?:talla|color|producto|articulo|modelo)\b"
        r"|\b(?:prefiero|preferiria)\s+(?:el|la|los|las)\s+(?:\w+\s+)?(?:en\s+)?(?:rojo|roja|negro|negra|blanco|blanca"
        r"|azul|verde|gris|talla|color)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "cancelación",
        -1.2,
        r"\bcancel(?:ar|en|e|o|acion)\w*|\banul(?:ar|en|e|o|acion|ad)\w*",
        veto_before=CONDITIONAL,
        role=CHANGE_REQUEST,
    ),
    cue(
        "cambio de opinión",
        -1.5,
        r"\bcambiado\s+de\s+opinion\b|\bpor\s+error\b|\bpor\s+equivocacion\b|\bya\s+no\s+(?:lo|la|los"
        r"|las)\s+necesito\b"
        r"|\bmas\s+barato\b|\bme\s+(?:he\s+)?equivoc\w*\s+(?:al|de|con)\s+(?:hacer|pedir|elegir|comprar|talla"
        r"|color|modelo)\b",
        role=CHANGE_REQUEST,
    ),
    cue("factura", -2.0, r"\bfactura\w*|\biva\b|\bnif\b|\bcif\b|\bcomprobante\w*"),
    cue(
        "cambio de dirección",
        -1.8,
        r"\b(?:cambiar|modificar|corregir|actualizar)\b" + CLAUSE + r"{0,30}?\bdireccion\b"
        r"|\bdireccion\b" + CLAUSE + r"{0,20}?\b(?:incorrecta|equivocada|nueva|mal)\b"
        r"|\b(?:puesto|escrito|metido|poner|escribir)\s+mal\b|\bequivocad\w*\s+(?:\w+\s+){0,3}?direccion\b"
        r"|\b(?:enviar|mandar|entregar)\w*\s+(?:\w+\s+){0,3}?a\s+(?:mi\s+)?(?:trabajo|oficina)\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "cambio de nombre",
        -1.8,
        r"\b(?:cambiar|modificar|corregir|poner)\s+(?:\w+\s+){0,2}?nombre\b|\bnombre\s+del\s+destinatario\b"
        r"|\ba\s+nombre\s+de\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "modificar el pedido",
        -1.2,
        r"\b(?:anadir|agregar|quitar)\s+(?:\w+\s+){0,4}?(?:a|al|del|de)\s+(?:mi\s+|el\s+|este\s+)?pedido\b"
        r"|\bmodificar\s+(?:mi|el|este)\s+pedido\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "pregunta de producto",
        -1.5,
        r"\bcompatib\w*|\bque\s+(?:talla|color|tamano|medida)\b|\btalla\b|\btamano\b|\bmedidas\b"
        r"|\bdimensiones\b"
        r"|\ben\s+stock\b|\bdisponible\s+en\b|\bmanual\b|\binstrucciones\b|\bgarantia\b|\bsirve\s+para\b"
        r"|\bvale\s+para\b|\bse\s+puede\s+(?:poner|lavar|meter|usar|utilizar)\b|\bcomo\s+se\s+(?:limpia|lava|usa"
        r"|monta|utiliza|cura)\b|\bprimer\s+uso\b|\blavavajillas\b|\binduccion\b|\bvitroceramica\b"
        r"|\bque\s+(?:tipo\s+de\s+)?(?:bombilla|pila|pilas|cargador|recambio)\b",
    ),
    cue(
        "antes de comprar",
        -2.5,
        r"\bantes\s+de\s+(?:comprar|pedir|hacer\s+el\s+pedido|realizar)\b|\bsi\s+(?:lo\s+)?(?:compro|pido)\b"
        r"|\b(?:envian|enviais|hacen\s+envios)\s+a\b|\b(?:quiero|quisiera|me\s+gustaria)\s+(?:comprar|pedir"
        r"|encargar)\b",
    ),
    cue(
        "opciones de envío",
        -1.5,
        r"\b(?:opciones|metodos|gastos|costes|costos|formas)\s+de\s+(?:envio|entrega)\b",
    ),
    cue(
        "producto defectuoso",
        -1.5,
        r"\brot[oa]s?\b|\bdefectuos\w*|\bdanad\w*|\bno\s+(?:funciona|enciende)\b|\bdej(?:ado|o)\s+de\s+funcionar\b"
        r"|\bsuelt[oa]s?\b|\brayad[oa]s?\b|\babollad[oa]s?\b|\b(?:distint|diferent)[oae]s?\s+(?:al|a\s+(?:lo|la))\s+que\b"
        r"|\ben\s+(?:lugar|vez)\s+de(?:l)?\b|\b(?:quedan?|me\s+queda)\s+(?:muy\s+)?(?:grandes?|pequen\w*|enormes?"
        r"|cort[oa]s?|larg[oa]s?|estrech[oa]s?)\b"
        r"|\b(?:articulo|producto|talla|color)\s+(?:equivocad|incorrect)\w*|\bfalta(?:n)?\s+(?:una|piezas?"
        r"|tornillos?|accesorios?)\b"
        r"|\bestropead\w*|\bagrietad\w*",
    ),
    cue(
        "ya recibido",
        -1.5,
        r"\b(?:he|hemos|ha|han|ya)\s+(?:\w+\s+)?(?:recibido|llegado)\b"
        r"|\b(?:me|nos|ya|ayer|hoy)\s+(?:\w+\s+)?(?:llego|llegaron)\b|\b(?:paquete|pedido)\s+(?:\w+\s+)?llego\b",
        unless_negated=True,
        veto_after=MESSAGE_OBJECT + "|" + IN_TRANSIT + "|" + NOTHING,
        veto_before=HYPOTHETICAL + "|" + RECEIVED_INFO_BEFORE,
        role=RECEIVED,
    ),
    cue(
        "cuenta",
        -1.5,
        r"\bcontrasena\b|\biniciar\s+sesion\b|\bcrear\s+(?:una\s+)?cuenta\b|\bnewsletter\b|\bboletin\b"
        r"|\bdarme\s+de\s+baja\b",
    ),
    cue(
        "valoración",
        -1.0,
        r"\bvaloracion\w*|\bopinion\b|\bresena\w*|\bestrellas\b|\bmuy\s+(?:contenta?|satisfech[oa])\b"
        r"|\bme\s+encanta\b",
    ),
    cue("gracias", -0.3, r"\bgracias\b"),
    cue(
        "gracias por el envío",
        -1.5,
        r"\bgracias\s+(?:\w+\s+)?por\s+(?:el|la|su|vuestro|vuestra)\s+(?:\w+\s+)?(?:envio|entrega|servicio"
        r"|rapidez|atencion)\b",
    ),
    cue(
        "instrucciones de entrega",
        -1.5,
        r"\bdej(?:enlo|adlo|arlo|enla|adla|arla)\s+(?:en|con|a)\b|\bdejar\s+(?:el\s+paquete\s+)?en\s+(?:conserjeria|porteria)\b"
        r"|\bpapel\s+de\s+regalo\b|\benvolver\s+para\s+regalo\b|\benvolv\w*\s+(?:\w+\s+)?para\s+regalo\b"
        r"|\bes\s+(?:un|para)\s+regalo\b|\bdedicatoria\b"
        r"|\b(?:una\s+)?(?:nota|notita|tarjeta)\s+(?:de\s+regalo|con|que\s+(?:diga|ponga))\b",
        role=CHANGE_REQUEST,
    ),
    cue(
        "todo bien, solo para informar",
        -2.5,
        r"\b(?:todo\s+(?:bien|correcto|perfecto)|solo\s+para\s+(?:informar|avisar)\w*"
        r"|ya\s+esta\s+(?:solucionado|resuelto))\b" + NOT_A_QUESTION,
    ),
    cue(
        "detalles del producto",
        -1.5,
        r"\bpilas?\b|\bbateria\b|\bbpa\b|\bmaterial\b|\b(?:grosor|espesor|anchura|altura|diametro|capacidad"
        r"|potencia)\b|\bcalidad\b|\bdecepcionad\w*|\bcojea\b|\bdecolor\w*|\bno\s+cierra\s+bien\b"
        r"|\bnormal\s+(?:en|para)\s+(?:este|esta|un|una)\s+(?:modelo|producto|articulo)\b|\b(?:enviar|mandar)\w*\s+(?:\w+\s+){0,2}?fotos?\b",
    ),
    cue(
        "otra compra o recogida",
        -1.5,
        r"\b(?:descuento|cupon|precio\s+por\s+cantidad)\b|\ben\s+persona\b|\brecoger\w*\s+(?:\w+\s+)?en\s+(?:vuestra"
        r"|su|la)\s+(?:tienda|almacen|nave)\b|\b(?:teneis|tienen)\s+tambien\b|\b(?:vendeis|venden)\b"
        r"|\b(?:la|lo|las|los)\s+compraria\b|\bno\s+falta\s+nada\b|\bsolo\s+(?:queria|para)\s+(?:avisar|informar)\w*",
    ),
    cue(
        "forma de pago",
        -1.2,
        r"\bpagar\s+(?:\w+\s+){0,2}?(?:con|por|en|mediante|a)\s+(?:transferencia|paypal|tarjeta|contra\s?reembolso"
        r"|plazos|bizum|efectivo)\b|\b(?:formas?|metodos?)\s+de\s+pago\b",
    ),
)
