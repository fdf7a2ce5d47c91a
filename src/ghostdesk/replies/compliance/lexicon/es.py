"""Spanish phrases for the compliance rules. Patterns match lower-cased text with plain apostrophes."""

from ghostdesk.replies.compliance.lexicon import Lexicon

_NUM = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|a|o|y)\s*\d+)?|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
    r"diez|doce|quince|unos|unas|pocos|pocas|algunos|algunas|varios|varias|veinticuatro|cuarenta y ocho|"
    r"uno o dos|dos o tres|un par de)"
)
_UNIT = (
    r"(?:horas?|h|días?(?:\s+(?:hábiles|laborables|laborales|naturales))?|semanas?|minutos?|min|mes(?:es)?)"
)
_DAY = r"(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)"
_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
# "mañana" is tomorrow unless it is the morning: "esta mañana", "por la mañana", "buena mañana".
_MORNING = r"(?<!esta )(?<!la )(?<!una )(?<!cada )(?<!buena )(?<!buenas )(?<!media)"

LEXICON = Lexicon(
    language="es",
    future_time=(
        _MORNING + r"\bma[ñn]ana\b",
        r"\bpasado ma[ñn]ana\b",
        r"\b(?:la\s+)?(?:próxima|proxima)\s+semana\b|\bsemana\s+(?:que viene|próxima)\b",
        rf"\b(?:el\s+)?(?:próximo|proximo)\s+(?:{_DAY}|mes|fin de semana)\b|\b{_DAY}\s+(?:que viene|"
        rf"próximo)\b",
        rf"\b(?:antes del?|para el|hasta el|a más tardar el)\s+(?:{_DAY}|\d{{1,2}}\b|fin de semana|final de|"
        rf"próximo|{_MONTH})",
        r"\ba más tardar\b|\bcomo (?:muy )?tarde\b",
        r"\b(?:a\s+)?(?:finales|final|fin)\s+de\s+(?:esta|la)\s+semana\b|\b(?:a\s+)?finales de mes\b",
        r"\ben el día de hoy\b|\bhoy mismo\b",
    ),
    # holidays are dates too
    other_time=(
        r"\b(?:antes de|para|en|hasta)\s+(?:navidad|reyes|semana santa|año nuevo|black friday)\b",
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
        r"\besta\s+(?:tarde|noche|semana)\b|\beste fin de semana\b",
        rf"\b(?:el\s+)?{_DAY}\b",
        rf"\b\d{{1,2}}\s+de\s+{_MONTH}\b",
        r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\bel día \d{1,2}\b|\bel \d{1,2}(?=\s*[.!?,;]|\s*$)",
    ),
    ship=(
        r"\benv[ií]\w*",
        r"\bdespach\w*",
        r"\bsal(?:drá|drán|e|en|ga|gan|ir|iendo)\b",
        r"\bentreg\w*",
        r"\bllega\w*|\bllegu\w*",
        r"\ben camino\b|\ben tránsito\b",
        r"\ben (?:su|sus) (?:casa|manos|domicilio|buzón)\b|\bcon usted\b",
        r"\bexpedi\w*",
        r"\bmandar\w*|\bmandamos\b",
        r"\bhac(?:er|érselo|érsela|érselos|erle)\s+llegar\b",
        r"\bse pondrá en (?:marcha|camino)\b|\bsaldrá de\b",
    ),
    receive=(
        r"\b(?:lo |la |los |las )?recibir(?:á|án|lo|la|los|las)?\b|\breciba\b|\brecibe\b",
        r"\btendrá\s+(?:su|el|la)\s+(?:pedido|paquete|artículo|producto)",
    ),
    completion=(
        r"\bverificad[oa]s?\b|\bverificar(?:á|án)\b",
        r"\bcompletad[oa]s?\b|\bcompletar(?:á|án)\b",
        r"\bconfirmad[oa]s?\b|\bconfirmar(?:á|án)\b",
        r"\bprocesad[oa]s?\b|\bprocesar(?:á|án)\b",
        r"\bresuel(?:to|ta|tos|tas)\b|\bresolver(?:á|án)\b",
        r"\bliberad[oa]s?\b|\bliberar(?:á|án)\b",
        r"\bactualiz\w*|\bcambiar(?:á|án)\b|\bpasará\b",
        r"\bfinalizad[oa]\b|\bfinalizar(?:á|án)\b",
        r"\btardar(?:á|án)\b|\btarda\b|\bdurar(?:á|án)\b",
        r"\blist[oa]s?\b|\bdisponible\b",
    ),
    future=(
        r"\b(?:será|serán|va a|van a|vamos a|garantiz\w*|prometo|prometemos|seguro que|seguramente|sin falta|"
        r"debería|deberían|estará|estarán)\b"
        r"|\b\w{2,}(?:ará|erá|irá|arán|erán|irán|aremos|eremos|iremos|drá|drán)\b"
    ),
    subject=r"\b(?:pedido|paquete|artículo|envío|entrega|bloqueo|estado|pago|verificación|comprobación)s?\b",
    hedge=r"\b(?:puede|pueden|podría|podrían|a veces|en ocasiones|normalmente|suele|suelen|habitualmente)\b",
    past=(
        r"\b\w{2,}(?:ó|aron|ieron)\b|"  # the preterite: "se entregó", "llegaron"
        r"\b(?:fue|fueron|ha sido|han sido|hemos|ha|ayer|anteayer|hace|ya|pasado|pasada|salió|"
        r"se envió|llegó)\b"
    ),
    promise_words=(
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
        r"\b\w+(?:amos|é)\s+mal\b|\b(?:lo|la)\s+(?:ha|han)\s+causado\s+nuestr[oa]\b|\b(?:ha|"
        r"han)\s+causado\s+nuestr[oa]\b",
        r"\b(?:error|fallo|problema|descuido)\s+(?:de|por)\s+nuestro\s+lado\b|\bse nos pasó\b",
        r"\bdeberíamos haber\b|\btendríamos que haber\b|\b(?:error|fallo|descuido) nuestro\b",
    ),
    refund=(
        r"\b(?:le|te|se lo)?\s*(?:reembolsaremos|cancelaremos|anularemos|devolveremos|reembolsamos|"
        r"cancelamos|"
        r"anulamos|reembolsaré|cancelaré|anularé|devolveré)\b",
        r"\b(?:vamos a|podemos|hemos|he|voy a|puedo|podríamos|procederemos a|procedemos a|"
        r"procedemos)\s+(?:\w+\s+){0,3}?"
        r"(?:cancelar(?:lo|la)?|cancelado|anular(?:lo|la)?|anulado|reembolsar(?:le)?|reembolsado|"
        r"devolver(?:le)?\s+(?:el|su)\s+dinero|tramitar\s+(?:el|un|su)\s+reembolso|reembolso|cancelación)\b",
        r"\b(?:se le|le será|le serán)\s+(?:\w+\s+)?reembols\w*",
        r"\brecibirá\s+(?:un|el|su)\s+reembolso\b",
        r"\breembolso\s+(?:completo|total|íntegro|inmediato)\b",
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
        r"\bdescuento\w*",
        r"\bcup[óo]n\w*",
        r"\bcódigo\s+(?:promocional|de descuento|descuento)\b",
        r"\bpromoci[óo]n\w*|\bpromo\b",
        r"\boferta\w*\s+(?:especial|exclusiva|limitada|del día|única|imbatible)\w*|\bofertas\b",
        r"\brebajas\b|\bliquidación\b",
        r"\bboletín\b|\bnewsletter\b",
        r"\bsuscríba\w*|\bsuscríbete\b|\bregístrese\b",
        r"\bsíganos\b|\bsíguenos\b",
        r"\b(?:instagram|facebook|tiktok|twitter|youtube|pinterest|snapchat)\b",
        r"\b(?:visite|visita|descubra|descubre|eche un vistazo a)\s+(?:nuestra|nuestro|nuestros|nuestras)\s+"
        r"(?:\w+\s+)?(?:tienda|web|página|catálogo|productos|colección|novedades|gama|otros)",
        r"\bnuestros\s+(?:otros|nuevos|últimos)\s+(?:productos|artículos)\b",
        r"\bnueva colección\b|\bnovedades\b",
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
        r"\b(?:5|cinco)\s+estrellas\b",
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
        r"\b(?:valoración|opinión|reseña)\s+negativa\b[^.!?\n]{0,60}?\b(?:modific|elimin|borr|retir|cambi|"
        r"quit)",
    ),
    review_words=r"\b(?:valoraci\w+|opini[óo]n\w*|reseña\w*|calific\w+|estrellas|valorar\w*|puntu\w+)\b",
    incentive_words=(
        r"\b(?:sorteo|concurso|ganar|premio|gratis|gratuit\w*|descuento\w*|cup[óo]n|vale|regalo\w*|"
        r"recompensa\w*|a cambio|obsequio)\b"
        r"|\b\d+\s*%|[$€£]\s?\d+|\d+\s?[$€£]"
    ),
)
