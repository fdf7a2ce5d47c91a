"""What a failed queue message is about, as ``ghostdesk dlq`` shows it: IDs only, never the buyer."""

from __future__ import annotations

import json

from ghostdesk.aws.failures import DETAIL_LIMIT, safe_detail, subject_of


def test_an_ses_notification_in_its_sns_envelope_is_about_the_ses_message_and_nothing_personal() -> None:
    notification = {
        "notificationType": "Received",
        "mail": {
            "messageId": "k6s1ok3ps0dmq9e4",
            "source": "emily.carter@example.net",
            "commonHeaders": {"from": ["Emily Carter <emily.carter@example.net>"], "subject": "Where is it?"},
        },
    }
    body = json.dumps({"Type": "Notification", "Message": json.dumps(notification)})

    assert subject_of(body) == {"message_id": "k6s1ok3ps0dmq9e4"}


def test_work_requests_and_order_changes_name_their_message_or_order() -> None:
    assert subject_of('{"kind": "draft", "message_id": "m-1"}') == {"kind": "draft", "message_id": "m-1"}
    change = {
        "NotificationType": "ORDER_CHANGE",
        "Payload": {"OrderChangeNotification": {"AmazonOrderId": "113-1"}},
    }
    assert subject_of(json.dumps(change)) == {"order_id": "113-1"}


def test_garbage_is_about_nothing() -> None:
    assert subject_of("not json") == {}
    assert subject_of("[1, 2]") == {}
    assert subject_of('{"Type": "Notification", "Message": "not json"}') == {}


def test_a_detail_loses_addresses_and_is_bounded() -> None:
    assert safe_detail("no route for emily.carter@example.net") == "no route for <email>"
    assert len(safe_detail("x" * 5000)) == DETAIL_LIMIT
