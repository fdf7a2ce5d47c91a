"""Which macro answers which diagnosis: one pure function per kind of reply."""

from __future__ import annotations

from ghostdesk.models import Case, Diagnosis
from ghostdesk.replies.errors import NoMacro

ACK_GENERAL = "ack.general"
ACK_GHOST_NO_ORDER_ID = "ack.ghost_no_order_id"

_PENDING_CAUSES = {
    "payment_verification": "pending.payment_verification",
    "fba_inventory_transfer": "pending.fba_transfer_hold",
    "address_verification": "pending.address_verification",
}
_ORDER_FOUND = {
    "UNSHIPPED": "order_found.unshipped",
    "PARTIALLY_SHIPPED": "order_found.partially_shipped",
    "SHIPPED": "order_found.shipped",
    "CANCELLED": "order_found.cancelled",
    "CANCELED": "order_found.cancelled",
}
_BY_CASE = {
    Case.PENDING_LONG: "pending_long",
    Case.PENDING_AVAILABILITY: "pending_availability",
    Case.GHOST_NO_ORDER_ID: "ghost.no_order_id",
    Case.GHOST_NOT_FOUND: "ghost.not_found",
    Case.GHOST_WRONG_IDENTIFIER: "ghost.wrong_identifier",
    Case.GHOST_OTHER_CHANNEL: "ghost.other_channel",
}


def select_macro(diagnosis: Diagnosis) -> str:
    """The name of the macro that answers a diagnosis.

    Pending orders are answered by their likely cause (``evidence["likely_cause"]``; payment verification,
    the common case, when the diagnosis could not tell). Raises :class:`NoMacro` for messages that are
    not about an order's status and for order statuses no macro covers (UNFULFILLABLE): those need a
    person to write the answer.
    """
    case = diagnosis.case
    if case is Case.PENDING:
        cause = diagnosis.evidence.get("likely_cause") or "payment_verification"
        return _PENDING_CAUSES.get(str(cause), _PENDING_CAUSES["payment_verification"])
    if case is Case.ORDER_FOUND:
        status = (diagnosis.order_status or (diagnosis.order.status if diagnosis.order else "") or "").upper()
        try:
            return _ORDER_FOUND[status]
        except KeyError:
            raise NoMacro(
                f"no macro for an order in status {status or 'unknown'!r}; an agent has to write this reply"
            ) from None
    if case is Case.NOT_ORDER_STATUS:
        raise NoMacro("the message is not about an order's status, so no macro answers it; an agent replies")
    try:
        return _BY_CASE[case]
    except KeyError:  # a case added to the model without a macro
        raise NoMacro(f"no macro for case {case.value!r}") from None


def acknowledgement_macro(triage_has_amazon_id: bool) -> str:
    """The immediate acknowledgement: a general one, or one that asks for the order ID and name/email."""
    return ACK_GENERAL if triage_has_amazon_id else ACK_GHOST_NO_ORDER_ID
