"""Spanish phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|a|o|y)\s*\d+)?|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
    r"diez|doce|quince|unos|unas|pocos|pocas|algunos|algunas|varios|varias|veinticuatro|cuarenta y ocho|"
    r"uno o dos|dos o tres|un par de)"
)
_UNIT = (
    r"(?:horas?|h|días?(?:\s+(?:hábiles|laborables|laborales|naturales))?|semanas?|minutos?|min|mes(?:es)?|"
    r"semanitas?|d[ií]tas?|horitas?)"
)
_DAY = r"(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)"
_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre)"
)
# "mañana" is tomorrow unless it is the morning: "esta mañana", "por la mañana", "buena mañana".
_MORNING = r"(?<!esta )(?<!la )(?<!una )(?<!cada )(?<!buena )(?<!buenas )(?<!media)"

LEXICON = Lexicon(
    language="es",
    future_time=(
        r"\ba (?:mitad|media|mediados) de (?:la )?semana\b|\b(?:a|al|antes del) mediodía\b",
        rf"\bno\s+(?:\w+\s+){{0,2}}?(?:llevar|tardar|durar)\s+más de\s+{_NUM}\s*{_UNIT}\b",
        r"\b(?=ma[ñn]ana\b)" + _MORNING + r"ma[ñn]ana\b",
        r"\bpasado ma[ñn]ana\b",
        r"\b(?:la\s+)?(?:próxima|proxima)\s+semana\b|\bsemana\s+(?:que viene|próxima)\b",
        rf"\b(?:el\s+)?(?:próximo|proximo)\s+(?:{_DAY}|mes|fin de semana)\b|\b{_DAY}\s+(?:que viene|"
        rf"próximo)\b",
        rf"\b(?:antes del?|para el|hasta el|a más tardar el)\s+(?:{_DAY}|\d{{1,2}}\b|fin de semana|"
        rf"fin de mes|final de|"
        rf"próximo|{_MONTH})",
        r"\ba más tardar\b|\bcomo (?:muy )?tarde\b",
        r"\b(?:a\s+)?(?:finales|final|fin)\s+de\s+(?:esta|la)\s+semana\b|\b(?:a\s+)?finales de mes\b",
        r"\ben el día de hoy\b|\bhoy mismo\b",
        r"\b(?:a\s+|para\s+)?(?:principios|primeros|mediados|finales)\s+de(?:l)?\s+(?:la\s+|este\s+|"
        r"esta\s+)?"
        r"(?:semana|mes|próxim\w+|" + _MONTH[3:-1] + r")\b",
        r"\b(?:a|con)\s+tiempo\s+para\b|\bantes de que (?:acabe|termine) (?:el día|la semana|el mes)\b|"
        r"\ba lo largo de (?:la|esta) (?:semana|próxima semana)\b|\bde aquí al? (?:lunes|martes|miércoles|"
        r"jueves|viernes|"
        r"sábado|domingo|fin de semana)\b",
        rf"\b(?:cuente con|calcule|calcula|cuenta con|prevea|espere)\s+(?:unos\s+|unas\s+|otros\s+|"
        rf"otras\s+)?"
        rf"{_NUM}?\s*{_UNIT}\b",
        r"\b(?:antes del|para el|hasta el|a más tardar el)\s+día\s+\d{1,2}\b",
        r"\b(?:alrededor|a partir) del?\s+(?:día\s+)?\d{1,2}\b|\bhacia el\s+(?:día\s+)?\d{1,2}\b",
        r"\b(?:ese mismo|el mismo)\s+día\b|\bel día siguiente\b|\bal día siguiente\b|\ben el día\b|"
        r"\bantes de las\s+\d{1,2}(?:[:.]\d\d)?\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:lun|mar|mié|mie|jue|vie|sáb|sab|dom)\.\s*\d{1,2}\b|\ba las\s+\d{1,2}(?:[:.]\d\d)?\b|"
        r"\b\d{1,2}\s+(?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)\.?(?=\s|$|[.,;!?])|"
        r"\b(?:antes del|para el|hasta el)\s+puente\b",
        r"\ba lo largo del día\b|\bdel (?:día )?\d{1,2}\b",
        r"\bel fin de semana\b",
        r"\b(?:\d+|un|una|dos|tres|cuatro|cinco|unos|unas|pocos|pocas)\s*(?:días?|horas?|semanas?)"
        r"(?:\s+(?:hábiles|laborables|laborales))?\b",
        r"\b(?:antes de|para|en|hasta)\s+(?:\w+\s+)?(?:navidad|reyes|semana santa|año nuevo|black friday|"
        r"el puente|"
        r"nochebuena|nochevieja|san valentín|el día de la madre|el día del padre|el cumpleaños|"
        r"su cumpleaños|"
        r"tu cumpleaños|la fiesta|el prime day)\b",
        rf"\b(?:en|dentro de|en un plazo de|en un máximo de|en menos de|como máximo en|antes de|tras|"
        rf"después de|"
        rf"hasta|no más de|máximo|unos|aproximadamente)\s+(?:las\s+|los\s+)?(?:próximas?\s+|próximos\s+)?"
        rf"{_NUM}\s*{_UNIT}\b",
        r"\b(?:en|durante)\s+(?:los|las)\s+próxim[oa]s\s+(?:\d+\s+|pocos\s+|pocas\s+)?(?:días|horas|"
        r"semanas)\b",
        rf"\b\d+\s*(?:-|–|a)\s*\d+\s*{_UNIT}\b",
        r"\b(?:12|24|36|48|72)\s*(?:h|horas)\b",
        r"\b(?:uno|dos|tres|cuatro|cinco|pocos|\d+)\s+días\s+(?:hábiles|laborables|laborales)\b",
        r"\bhoy\b",
        r"\besta\s+(?:misma\s+)?(?:tarde|noche|semana)\b|\beste\s+(?:mismo\s+)?(?:fin de semana|mes)\b",
        rf"\b(?:el\s+)?{_DAY}\b",
        rf"\b\d{{1,2}}\s+de\s+{_MONTH}\b",
        r"\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\bel día \d{1,2}\b|\bel \d{1,2}(?=\s*[.!?,;]|\s*$)",
    ),
    ship=(
        r"\b(?:próxima|próximo)\s+(?:furgoneta|recogida|ruta|camión)\b|\brecogida\b|\bfranja de entrega\b",
        r"\b(?:hasta|a) su puerta\b",
        r"\bdesembal\w*|\bestren\w*",
        r"\benv[ií]\w*",
        r"\bdespach\w*",
        r"\bsal(?:drá|drán|e|en|ga|gan|ir|iendo)\b",
        r"\bentreg\w*",
        r"\bllega\w*|\bllegu\w*",
        r"\ben camino\b|\ben tránsito\b",
        r"\ben (?:su|sus) (?:casa|manos|domicilio|buzón)\b|\bcon usted\b",
        r"\bexpedi\w*",
        r"\bmandar\w*|\bmandamos\b",
        r"\bhac(?:er|érselo|érsela|érselos|erle|emos|emos|o)\s+llegar\b|\bharemos llegar\b",
        r"\bse pondrá en (?:marcha|camino)\b|\bsaldrá de\b",
        r"\b(?:plazo|tiempo)s? de (?:preparación|envío|entrega|tramitación|gestión)\b",
        r"\bsal(?:e|en|drá|drán|ga|gan)\b[^.!?\n]{0,30}\b(?:almacén|almacenes|taller|nave)\b",
    ),
    receive=(
        r"\b(?:lo |la |los |las )?recibir(?:á|án|ás|éis|lo|la|los|las)?\b|\breciba\b|\brecibe\b|\brecibes\b",
        r"\btendr(?:á|ás|án)\s+(?:su|tu|el|la|los|las|sus|tus)\s+(?:pedido|paquete|artículo|producto|"
        r"compra)",
        r"\b(?:lo|la|los|las)\s+tendr(?:á|ás|án|éis)\b",
        r"\btener(?:lo|la|los|las)\b|\b(?:lo|la|los|las)\s+tienes\b|\b(?:lo|la|los|"
        r"las)\s+tiene\s+(?:en casa|ahí|"
        r"con usted|en sus manos)\b",
    ),
    completion=(
        r"\baprobad[oa]s?\b",
        r"\baprueb\w+|\baprobar\w*|\blibere\b|\bliberen\b",
        r"\bverificad[oa]s?\b|\bverificar(?:á|án)\b",
        r"\bcompletad[oa]s?\b|\bcompletar(?:á|án)\b|\b(?:se )?(?:complet|termin|resuelv|cierr|finaliz)(?:a|"
        r"an)\b",
        r"\bconfirmad[oa]s?\b|\bconfirmar(?:á|án)\b",
        r"\bprocesad[oa]s?\b|\bprocesar(?:á|án)\b",
        r"\bresuel(?:to|ta|tos|tas)\b|\bresolver(?:á|án)\b",
        r"\bliberad[oa]s?\b|\bliberar(?:á|án)\b",
        r"\bactualiz\w*|\bcambiar(?:á|án)\b|\bpasará\b",
        r"\bfinalizad[oa]\b|\bfinalizar(?:á|án)\b|\bterminad[oa]s?\b|\bterminar(?:á|án)\b|\bacabad[oa]\b",
        r"\btardar(?:á|án)\b|\btarda\b|\bdurar(?:á|án)\b|\bpasa de\b|\bsupera[n]?\b|\bexcede[n]?\b",
        r"\blist[oa]s?\b|\bdisponible\b",
    ),
    future=(
        r"\b(?:confiamos en que|estamos seguros)\b|"
        r"\b(?:será|serán|va a|van a|vamos a|garantiz\w*|prometo|prometemos|seguro que|seguramente|"
        r"sin falta|"
        r"debería|deberían|estará|estarán|habrá|habrán|calculamos|contamos con|prevemos)\b"
        r"|\b\w{2,}(?:ará|erá|irá|arán|erán|irán|aremos|eremos|iremos|drá|drán)\b"
    ),
    subject=(
        r"\b(?:pedido|paquete|artículo|envío|entrega|bloqueo|estado|pago|verificación|comprobación)s?\b"
    ),
    hedge=r"\b(?:puede|pueden|podría|podrían|a veces|en ocasiones|en casos excepcionales|en raros casos)\b",
    past=(
        # the preterite: "se entregó", "llegaron"; the accent is written as an escape so that the accent-free
        # reading keeps it ("confirmo" is the present, "confirmó" the past)
        r"\b\w{2,}(?:\u00f3|aron|ieron)\b|"
        r"\b(?:anterior|anteriores|fue|fueron|ha sido|han sido|hemos|ha|ayer|anteayer|hace|ya|pasado|"
        r"pasada|salió|"
        r"se envió|llegó)\b|\b(?:figura|consta|aparece|figuraba|constaba|aparecía)\s+como\s+\w+(?:ad|"
        r"id)[oa]s?\b"
    ),
    promise_words=(
        r"\bcomo (?:muy )?tarde\b|\ba más tardar\b|\bprometido\b|\bsin falta\b|\bseguro\b(?! que no)|"
        r"\b(?:le|te|se lo|se la)?\s*(?:garantizamos|garantizo|prometemos|prometo|aseguramos|aseguro)\b"
        r"|\bgarantizad[oa]\b"
    ),
    promise_negation=(
        r"\bno\s+(?:\w+\s+){0,3}?(?:prometer|garantizar|indicar|dar|decir|confirmar|predecir|saber|estimar|"
        r"acelerar|asegurar)\b",
        r"\b(?:ninguna|sin)\s+(?:una\s+)?fecha\b|\bninguna\s+garantía\b",
        r"\bimposible\s+(?:saber|decir|predecir|indicar|garantizar)\b",
    ),
    reply_words=r"\b(?:respuesta|respond\w*|noticias|mensaje|correo|contestar\w*)\b",
    conditional_start=r"(?:si|en caso de(?: que)?|salvo que|a menos que)\b",
    conditional_inline=r"\b(?:si|en caso de que|salvo que|a menos que)\b",
    negation=r"\b(?:no|ni|nunca|jamás|ningún|ninguna|ninguno|nada|tampoco)\b",
    blame=(
        r"\b(?:pasamos|hemos pasado) por alto\b",
        r"\b(?:estábamos|estamos|estaba|hemos estado)\s+(?:\w+\s+)?(?:faltos de personal|desbordados|"
        r"saturados|"
        r"sin personal|con poco personal)\b|\bfalta de personal\b",
        r"\b(?:nuestra|mi)\s+(?:propia\s+)?(?:culpa|responsabilidad|equivocaci[óo]n|negligencia)\b",
        r"\b(?:nuestro|mi)\s+(?:propio\s+)?(?:error|fallo|descuido|retraso)\b",
        r"\b(?:error|fallo|descuido|retraso|equivocaci[óo]n)\s+(?:por|de)\s+nuestra\s+parte\b",
        r"\b(?:somos|soy)\s+(?:los\s+|el\s+|la\s+)?(?:únicos?\s+)?(?:responsables?|culpables?)\b",
        r"\b(?:asumimos|asumo|aceptamos|acepto)\s+(?:toda\s+|plena\s+|total\s+)?(?:la\s+)?(?:plena\s+|"
        r"total\s+)?"
        r"(?:responsabilidad|culpa)\b",
        r"\bcausad[oa]\s+por\s+(?:nosotros|nuestro|nuestra)\b",
        r"\b(?:hemos|he)\s+(?:\w+\s+){0,2}?(?:olvidado|retrasado|cometido un error|tardado|descuidado|"
        r"equivocado)\b",
        r"\bnos\s+(?:hemos\s+)?equivoca(?:do|mos)\b|\bnos\s+olvidamos\b",
        r"\bnuestro\s+(?:almacén|equipo|sistema|personal)\s+(?:ha\s+)?(?:\w+\s+){0,2}?(?:cometido|olvidado|"
        r"retrasado|fallado|causado)\b",
        r"\bla culpa es (?:nuestra|mía)\b|\bculpa nuestra\b|\bnuestra culpa\b",
        r"\b(?:es|fue|ha sido)\s+(?:\w+\s+)?(?:responsabilidad|culpa)\s+(?:nuestra|mía)\b|\b(?:la\s+)?"
        r"(?:responsabilidad|culpa)(?:\s+\w+){0,3}\s+es\s+(?:nuestra|mía)\b(?!\s+de\s+\w+r\b)|\bmea culpa\b",
        r"\b(?:vamos|estamos|andamos|íbamos)\s+(?:un poco\s+|algo\s+|muy\s+)?(?:con retraso|atrasad[oa]s|"
        r"retrasad[oa]s)\b|\bpor (?:error|equivocación|despiste) nuestr[oa]\b",
        r"\b\w+(?:amos|é)\s+mal\b|\b(?:lo|la)\s+(?:ha|han)\s+causado\s+nuestr[oa]\b|\b(?:ha|"
        r"han)\s+causado\s+nuestr[oa]\b",
        r"\b(?:error|fallo|problema|descuido)\s+(?:de|por)\s+nuestro\s+lado\b|\bse nos pasó\b",
        r"\bdeberíamos haber\b|\btendríamos que haber\b|\b(?:error|fallo|descuido) nuestro\b",
        r"\b(?:le|te|les)\s+(?:hemos|he)\s+(?:fallado|decepcionado|defraudado)\b|\bnos hemos retrasado\b|"
        r"\bse nos (?:olvidó|olvidaron|escapó|fue de las manos|quedó olvidad[oa]|traspapeló|pasó)\b|"
        r"\bolvidamos\b|"
        r"\bnos (?:hicimos|hemos hecho) un lío\b|\bnos liamos\b|"
        r"\b\w+(?:amos|é)\b[^.!?\n]{0,60}\b(?:eso|esto|lo que)\s+(?:ha\s+)?(?:retrasó|retrasado|ralentizó|"
        r"frenó)\b|\b(?:fuimos|hemos sido|he sido|fui)\s+(?:\w+\s+)?"
        r"(?:demasiado lent[oa]s?|lent[oa]s|muy lent[oa]s?|descuidad[oa]s?)\b",
        r"\bnos\s+(?:hemos\s+)?(?:despistamos|despistado|liamos|liado|dormimos|dormido|confundimos|"
        r"confundido|"
        r"olvidado|retrasado)\b",
        r"\b(?:tramitamos|procesamos|enviamos|gestionamos|preparamos|despachamos)\s+(?:\w+\s+){0,3}?"
        r"(?:tarde|con retraso|demasiado tarde)\b",
        r"\b(?:se debe a|debido a|a causa de|causado por|causada por|fruto de|por culpa de)\s+(?:un|una|el|"
        r"la)?\s*"
        r"(?:\w+\s+)?(?:error|fallo|problema|descuido|despiste|equivocación|incidencia)\b[^.!?\n]{0,30}"
        r"\bnuestr[oa]s?\b",
    ),
    refund=(
        r"\b(?:le|te)\s+(?:reembolso|devuelvo|abono)\b",
        r"\b(?:le|te|se lo)?\s*(?:reembolsaremos|cancelaremos|anularemos|devolveremos|reembolsamos|"
        r"cancelamos|"
        r"anulamos|reembolsaré|cancelaré|anularé|devolveré)\b",
        r"\b(?:vamos a|podemos|hemos|he|voy a|puedo|podríamos|procederemos a|procedemos a|"
        r"procedemos)\s+(?:\w+\s+){0,3}?"
        r"(?:cancelar(?:lo|la)?|cancelado|anular(?:lo|la)?|anulado|reembolsar(?:le)?|reembolsado|"
        r"devolver(?:le)?\s+(?:el|su)\s+dinero|tramitar\s+(?:el|un|su)\s+reembolso|reembolso|cancelación)\b",
        r"\b(?:se le|le será|le serán)\s+(?:\w+\s+)?reembols\w*",
        r"\b(?:le|te)\s+(?:abon|reintegr|devolv)(?:amos|aremos|emos|eremos|o|aré|eré)\b",
        r"\b(?:le|te|les)\s+(?:devuelvo|devolvemos|reembolso|reembolsamos)\s+(?:yo|nosotros)\b",
        r"\b(?:le|te|les)\s+(?:hemos|he)\s+(?:devuelto|reembolsado|abonado|reintegrado|cancelado|anulado)\b",
        r"\b(?:le|te|se lo|se la)?\s*(?:acabo|acabamos)\s+de\s+(?:reembolsar|cancelar|anular|devolver|"
        r"abonar)\w*",
        r"\b(?:recupere|recuperará|recuperarás|recuperes)\s+(?:su|tu|el)\s+(?:dinero|importe)\b",
        r"\b(?:hemos|he)\s+(?:\w+\s+)?(?:iniciado|tramitado|solicitado|gestionado|procesado|emitido)\s+"
        r"(?:la|el|su|una|un)\s+(?:cancelación|anulación|reembolso)\b",
        r"\b(?:tramit|gestion|proces|realiz)(?:amos|aremos|o|aré)\s+(?:\w+\s+)?(?:la|el|su|una|un)\s+"
        r"(?:cancelación|anulación|reembolso|devolución del (?:dinero|importe))\b",
        r"\bqueda\s+(?:\w+\s+)?(?:cancelad|anulad|reembolsad)[oa]s?\b|\b(?:ya|ahora)\s+(?:está|queda|"
        r"ha sido)\s+"
        r"(?:cancelad|anulad|reembolsad)[oa]s?\b",
        r"\brecibirá\s+(?:un|el|su)\s+reembolso\b",
        r"\breembolso\s+(?:completo|total|íntegro|inmediato)\b",
        r"\b(?:nos|me)\s+(?:encargamos|encargo|ocupamos|ocupo|encargaremos|ocuparemos)\s+(?:\w+\s+){0,2}?"
        r"(?:de\s+)?(?:la\s+|el\s+|del\s+)?(?:cancel\w+|anul\w+|reembols\w+)",
        r"\b(?:le\s+|se\s+lo\s+)?(?:cancelo|anulo|reembolso|devuelvo|devolvemos)\s+(?:el|su|la|los|todo|"
        r"ahora|de)\b",
        r"\b(?:tramitamos|tramito|procesamos|proceso|iniciamos|emitimos|gestionamos|"
        r"hacemos)\s+(?:\w+\s+){0,2}?"
        r"(?:el|un|su)\s+(?:reembolso|cancelación)\b",
        r"\bdevolver(?:le)?\s+(?:el|su)\s+dinero\b",
        r"\bdevolución\s+(?:completa|total|íntegra)\s+del\s+dinero\b",
        r"\bd[ée] (?:el|su) pedido por (?:cancelado|anulado|reembolsado)\b|"
        r"\bconsidere\b[^.!?\n]{0,40}\b(?:cancelado|anulado)\b",
        r"\b(?:dinero|importe)\b[^.!?\n]{0,40}\b(?:volverá|devuelto|reembolsado|reintegrado|abonado|"
        r"regresará)\b",
    ),
    refund_passive=(r"\b(?:será|serán)\s+(?:\w+\s+)?(?:cancelad[oa]s?|anulad[oa]s?|reembolsad[oa]s?)\b",),
    amazon_agent=r"\bpor amazon\b|\bamazon\s+(?:cancelará|reembolsará|va a|cancela)\b",
    marketing=(
        r"\btambién (?:fabricamos|vendemos|hacemos|ofrecemos)\b|\bsabía(?:s)? que\b|\b\d+\s*%\s*(?:en|"
        r"sobre) tod[oa]s\b",
        r"\bnuestro (?:nuevo )?catálogo\b",
        r"(?<![\w.])@[a-z][\w.]{2,}\b|\bsorteos?\b|\bmás vendid[oa]s\b|\bdese prisa\b|"
        r"\bhasta agotar existencias\b",
        r"\bdescuento\w*",
        r"\bcup[óo]n\w*",
        r"\bcódigo\s+(?:promocional|de descuento|descuento)\b",
        r"\bpromoci[óo]n\w*|\bpromo\b",
        r"\boferta\w*\s+(?:especial|exclusiva|limitada|del día|única|imbatible)\w*|\bofertas\b",
        r"\brebajas\b|\bliquidación\b",
        r"\bboletín\b|\bnewsletter\b",
        r"\b(?:código|cupón)\b[^.!?\n]{0,30}\b\d+\s*%|\b\d+\s*%[^.!?\n]{0,40}\bválido\b",
        r"\bsuscríba\w*|\bsuscríbete\b|\bregístrese\b",
        r"\bsíganos\b|\bsíguenos\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\b(?:visite|visita|descubra|descubre|eche un vistazo (?:a|en))\s+(?:nuestra|nuestro|nuestros|"
        r"nuestras)\s+"
        r"(?:\w+\s+)?(?:tienda|web|página|catálogo|productos|colección|novedades|gama|otros)\b",
        r"\bnuestros\s+(?:otros|nuevos|últimos)\s+(?:productos|artículos)\b",
        r"\bnueva colección\b|\b(?:nuestras|descubra las|descubre las|vea las|conozca las) novedades\b",
        r"\b(?:nuestro|este|el) pack\b|\bnuestra app\b|\bventajas exclusivas\b|\bnuestros otros anuncios\b|"
        r"\d+\s?[€$£]\s*menos\b|\b(?:quizá|quizás|tal vez)\s+le interese\b|\bdisponibles? (?:ya |"
        r"ahora )?en nuestra (?:\w+\s+)?(?:tienda|web)\b|"
        r"\b(?:nuestra|la)\s+nueva\s+(?:línea|gama|colección|serie)\b|\btienda de marca\b|"
        r"\bcampaña\s+(?:de\s+)?(?:primavera|verano|otoño|invierno|navidad|rebajas|descuentos?|"
        r"black friday)\b|"
        r"\b(?:a\s+)?(?:mitad de precio|medio precio)\b|\bclub de (?:clientes|socios|fidelidad)\b|"
        r"\b(?:únase|únete|apúntese|apúntate) a nuestr[oa]\b|\beche un ojo a nuestr\w+|\blanzamientos\b",
        r"\b\d+\s*%\s*(?:de descuento|dto)\b",
        r"\baproveche\b|\baprovecha\b",
        r"\bmás vendidos\b|\bblack friday\b",
        r"\b(?:también\s+)?le (?:puede|podría|podrían|pueden) (?:interesar|gustar)\b",
        r"\b(?:su|tu|una)\s+próxim[oa]\s+(?:pedido|compra)\b",
        r"\benvío gratis\b|\benvío gratuito\b|\bregalo gratis\b",
        r"\b\d+\s*%\s*(?:menos|más barato)\b|(?<![\w-])-\s?\d+\s*%",
        r"\btod[oa]s?\s+(?:nuestr[oa]s?|la|el)\s+(?:nuestr[oa]\s+)?(?:gama|catálogo|colección|selección|"
        r"surtido)\b",
        r"\blista de correo\b|\bnuevos productos\b|\bantes que nadie\b",
        r"\b(?:también vendemos|vendemos también|también ofrecemos|también tenemos)\b",
        r"\b(?:tienda|web|página)\b[^.!?\n]{0,60}\b(?:eche|echa|echar) un vistazo\b",
        r"\bcompre\b[^.!?\n]{0,40}\b(?:llévese|gratis)\b|\bllévese\b|\b\d+\s+(?:\w+\s+)?gratis\b",
        r"\bdescubr[ae]\b|\b(?:más|otros)\s+(?:\w+\s+)?productos\b",
        r"\b(?:use|utilice|introduzca|con) el (?:código|cupón)\b",
    ),
    feedback=(
        r"\bvalóre(?:nos|nos)\s+(?:positivamente|bien)\b|\bpuntúenos\s+(?:bien|alto)\b",
        r"\b(?:valoración|nota|puntuación|reseña) de (?:diez|10|sobresaliente)\b",
        r"\b(?:5|cinco)\s+estrell(?:as|itas)\b",
        r"\bantes de (?:dejar|publicar|escribir|poner|dar)(?:nos|le|la)?\s+(?:una\s+|un\s+|su\s+|tu\s+|"
        r"la\s+)?"
        r"(?:\w+\s+)?(?:valoración|opinión|reseña|comentario|calificación)\b",
        r"\b(?:valoraci[óo]n|opini[óo]n|reseña|comentario|calificaci[óo]n|puntuaci[óo]n)(?:es|"
        r"s)?\s+(?:muy\s+)?"
        r"(?:positiv\w+|favorable\w*|excelente\w*|buena\w*)",
        r"\b(?:buena|excelente|mejor|gran|estupenda)\s+(?:valoración|opinión|reseña|calificación|"
        r"puntuación)\b",
        r"\b(?:si|cuando|en cuanto|a cambio de)\s+(?:usted\s+)?(?:nos\s+)?(?:\w+\s+){0,3}?(?:publi|dej|"
        r"escrib|d[ae]|modific|pon|"
        r"elimin|cambi)\w*\s+(?:una\s+|su\s+|un\s+|nos\s+)?(?:\w+\s+)?(?:reseña|valoración|opinión|"
        r"comentario|calificación)",
        r"\b(?:modific|elimin|borr|retir|cambi|actualic|actualiz|quit|reconsider)\w*\s+(?:su|tu|la|esa|"
        r"esta)\s+"
        r"(?:valoración|opinión|reseña|comentario|calificación)\b",
        r"\b(?:valoración|opinión|reseña|comentario)\s+negativ[oa]\b[^.!?\n]{0,60}\b(?:contacte|"
        r"contáctenos|escríbanos|"
        r"escriba|avísenos|contactar)\b",
        r"\b(?:valoración|opinión|reseña)\s+negativa\b[^.!?\n]{0,60}?\b(?:modific|elimin|borr|retir|cambi|"
        r"quit)",
        r"\b(?:valora\w*|opini[óo]n|reseña|estrellas|calificaci[óo]n)\b[^.!?\n]{0,40}\b(?:solo si|sólo si|"
        r"si|cuando)\b"
        r"[^.!?\n]{0,40}\b(?:satisfech[oa]s?|content[oa]s?|encantad[oa]s?|feliz|felices)\b",
        r"\b(?:si|cuando)\b[^.!?\n]{0,40}\b(?:satisfech[oa]s?|content[oa]s?|encantad[oa]s?)\b[^.!?\n]{0,50}"
        r"\b(?:valora\w*|opini[óo]n|reseña|estrellas)\b",
        r"\b(?:valora\w*|opini[óo]n|reseña)\b[^.!?\n]{0,80}\b(?:si no|de lo contrario|antes|primero)\b"
        r"[^.!?\n]{0,40}\b(?:contácte\w*|escríba\w*|contacte|escriba|avísenos|contactar)\b",
    ),
    review_words=r"\b(?:valoraci\w+|opini[óo]n\w*|reseña\w*|calific\w+|estrellas|valorar\w*|puntu\w+)\b",
    rating_verbs=r"\bnos (?:valoren|valore|valoran|puntúen|califiquen|reseñen)\b|"
    r"\b(?:valorar|valórenos|valorarnos|valórenos|calificarnos|puntuarnos|evaluarnos)\b",
    incentive_words=(
        r"\b(?:sorteo|concurso|ganar|premio|gratis|gratuit\w*|descuento\w*|cup[óo]n|vale|regalo\w*|"
        r"recompensa\w*|a cambio|obsequi\w*|regal\w*|como agradecimiento|en agradecimiento|sorpresa|"
        r"sorte\w*|ganador\w*)\b"
        r"|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
    rating_change=(
        r"\b(?:sub|cambi|modific|actualic|actualiz|mejor|revis|reconsider|elimin|borr|retir|quit|correg|"
        r"corrij)\w*"
    ),
    request=(
        r"\b(?:¿)?(?:podría|podrías|le importaría|te importaría|sería posible)\b|\bpor favor\b|"
        r"\ble rogamos\b|"
        r"\bte rogamos\b|\ble pedimos\b|\b(?:le|te) agradeceríamos\b|\bnos encantaría\b|"
        r"\b(?:le|te) (?:pediríamos|pedimos)\b|\bamablemente\b"
    ),
    satisfaction=r"\b(?:satisfech[oa]s?|content[oa]s?|encantad[oa]s?|feliz|felices|100\s?%)\b",
    gating=r"\b(?:solo si|sólo si|solo cuando|si|antes de|una vez|cuando|hasta que|en cuanto|espere)\b",
    fault=(
        r"\b(?:un|una|el|la|este|esta|nuestro|nuestra|del)\s+(?:\w+\s+)?(?:error|fallo|despiste|descuido|"
        r"olvido|"
        r"equivocación|acumulación de trabajo|retraso interno|negligencia)\b"
    ),
    ours=r"\b(?:nuestr[oa]s?|por nuestra parte|de nuestra parte|por nosotros|de nuestro lado)\b",
    delay_words=r"\b(?:retraso\w*|demora\w*|espera|tardanza)\b",
    blamed_on_us=(
        r"\b(?:cosa|culpa|responsabilidad) nuestra\b|\bnuestra (?:culpa|responsabilidad)\b|\b(?:de|por|"
        r"a causa "
        r"de)\s+nosotros\b|\b(?:viene|es) de nuestra parte\b|\bpor nuestra parte\b|\bsomos (?:\w+\s+)?"
        r"responsables\b"
    ),
    refund_words=(
        r"\b(?:reembols\w*|cancel\w*|anul\w*|devolución del (?:dinero|importe)|devolver(?:le)? el dinero|"
        r"su dinero|"
        r"el dinero|el importe|reintegr\w*|abon\w+)\b"
    ),
    first_person=(
        r"\b(?:yo|nosotros|me|nos|mí|nuestr[oa]s?|déjelo en mis manos|\w+(?:amos|emos|imos|aremos|eremos|"
        r"iremos))\b"
    ),
    refund_state=(
        r"\bqueda\s+(?:cancelad|anulad|reembolsad)[oa]s?\b|\b(?:ya|ahora)\s+(?:está|ha sido)\s+(?:cancelad|"
        r"anulad|"
        r"reembolsad)[oa]s?\b|\b(?:vuelve|volverá|"
        r"regresa) a su (?:cuenta|tarjeta)\b"
    ),
    buyer_action=(
        r"\b(?:puede|podrá|podría|puedes)\b|\bmis pedidos\b|\bsolicitar la cancelación\b|\b(?:desea|quiere|"
        r"prefiere|pidió|solicitó)\b|\bsi\s+(?:usted|lo|la|desea|quiere)\b"
    ),
    reassurance=(
        r"\bsin problema\b|\bningún problema\b|\bno se preocupe\b|\bno te preocupes\b|\bno pasa nada\b"
    ),
    status_report=(
        r"\b(?:aparece|figura|consta|indicad[oa]|marcad[oa]|mostrad[oa])\s+como\b|\bestado (?:es|indica)\b"
    ),
    schedule=rf"\b(?:de\s+)?{_DAY}\s*(?:-|–|a)\s*{_DAY}\b",
    owned_failure=(
        r"\bno\s+(?:lo\s+|la\s+|le\s+)?(?:\w+(?:amos|é)|hemos \w+|he \w+)\s+(?:\w+\s+){0,3}?(?:a tiempo|"
        r"con rapidez|lo bastante rápido)\b"
    ),
    own_cause=(
        r"\b(?:falta|escasez) de personal\b|\b(?:poco|menos) personal\b|\bdesbordad[oa]s\b|\bsaturad[oa]s\b"
        r"|\b(?:equipo|personal|compañer[oa]s|emplead[oa]s|trabajador\w*)\b[^.!?\n]{0,30}\b(?:de baja|"
        r"enferm[oa]s?|gripe|ausentes?)\b|\bbajas? (?:por enfermedad|médicas?)\b"
        r"|\b(?:cambi\w*|mudanza|traslad\w*|migra\w*|actualiza\w*)\b[^.!?\n]{0,30}\b(?:programa|"
        r"sistema|software|almacén|plataforma|nave|proveedor)\w*|\bnos (?:hemos )?mudado\b|\bnos mudamos\b"
        r"|\bdemasiados pedidos\b|\b(?:avalancha|aluvión|pico) de pedidos\b|\bsubestima\w*"
        r"|\bimpresora\b"
        r"|\b(?:problema|fallo|error|incidencia|avería)s?\s+(?:\w+\s+){0,2}?(?:con|en|de)\s+(?:el\s+|la\s+)?"
        r"(?:nuestr[oa]s?|embalaje|empaquetado|almacén|sistema|programa|etiquet\w*|preparación)\b"
        r"|\b(?:error|fallo|problema) intern[oa]\b"
    ),
    consequence=(
        r"\bretras\w*|\bdemora\w*|\batrasad\w*|\bbloquead\w*|\bparad[oa]s\b|\batascad\w*|\ba tiempo\b"
        r"|\bno\s+(?:ha|han|hemos|se ha|se han)?\s*(?:podido\s+)?(?:salido|enviado|enviar|procesado|procesar|"
        r"despachado|preparado|salir)\b|\btodavía no\b|\baún no\b|\bno\s+(?:pudimos|hemos podido|pude|"
        r"he podido|"
        r"podemos)\s+(?:\w+\s+)?(?:enviar|salir|procesar|despachar|preparar|entregar)\b"
    ),
    internal=r"\bintern[oa]s?\b",
    invitation=(
        r"\b(?:eche|echa|echar|echen)\s+un (?:vistazo|ojo)\b|\bdescubr\w*|\bvisit\w*|\bconoce[rn]?\b|"
        r"\bconozca\b|\bencontrará[sn]?\b|\bprueb[ae]\b"
    ),
    our_range=(
        r"\bnuestr[oa]s?\s+(?:\w+\s+){0,2}?(?:tienda|gama|colección|línea|productos|catálogo|blog|recetas|"
        r"novedades|escaparate)\b"
    ),
    habitual=r"\btodos los días\b|\bcada día\b|\blos días laborables\b|\bde lunes a viernes\b|\ba diario\b",
)
