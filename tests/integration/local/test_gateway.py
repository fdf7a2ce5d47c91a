"""The local HTTP API: API Gateway's v2 event in, its response rules out, its 401 and 404 answers."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghostdesk.local.gateway import Integration, LocalHttpApi, match_route
from ghostdesk.local.lambda_runtime import LocalFunction
from ghostdesk.local.resources import HttpRoute
from tests.integration.local.conftest import ACCOUNT, REGION, function_spec
from tests.shared_data import SHARED_DATA

TOKEN = "s3cret-agent-token"
ROUTES = (
    HttpRoute("GET", "/api/drafts"),
    HttpRoute("GET", "/api/drafts/{id}"),
    HttpRoute("ANY", "/api/{proxy+}"),
    HttpRoute("GET", "/", authorized=False),
    HttpRoute("ANY", "/{proxy+}", authorized=False),
)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalHttpApi]:
    function = LocalFunction(
        function_spec("ApiFunction", timeout_s=5),
        region=REGION,
        account_id=ACCOUNT,
        endpoint_url=None,
        log_dir=Path(tmp_path_factory.mktemp("logs")),
        max_concurrency=2,
    )
    with LocalHttpApi(
        [Integration(route, function) for route in ROUTES], agent_token=TOKEN, account_id=ACCOUNT, port=0
    ) as server:
        yield server
    function.close()


def request(
    api, method: str, target: str, *, token: str | None = TOKEN, body: bytes | None = None, headers=None
):
    connection = http.client.HTTPConnection("127.0.0.1", api.port, timeout=10)
    all_headers = dict(headers or {})
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
    connection.request(method, target, body=body, headers=all_headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def echoed(api, method: str, target: str, **kwargs) -> dict:
    response, data = request(api, method, target, **kwargs)
    assert response.status == 200, data
    return json.loads(data)


def test_event_has_the_keys_of_api_gateways_v2_payload(api):
    samples = [
        json.loads((SHARED_DATA / "lambda-events" / name).read_text())
        for name in ("sam-cli/HttpApi.json", "powertools/apiGatewayProxyV2Event.json")
    ]

    event = echoed(
        api,
        "POST",
        "/api/drafts/d-1/approve?notify=yes&notify=again",
        body=b'{"note": "ok"}',
        headers={
            "Content-Type": "application/json",
            "Cookie": "session=1; theme=dark",
            "User-Agent": "pytest",
        },
    )

    optional = {"stageVariables", "authentication", "domainPrefix"}  # not part of a local request
    for sample in samples:
        assert set(sample) - optional <= set(event)
        assert set(sample["requestContext"]) - optional <= set(event["requestContext"])
        assert set(sample["requestContext"]["http"]) == set(event["requestContext"]["http"])
    assert event["version"] == "2.0"
    assert event["routeKey"] == event["requestContext"]["routeKey"] == "ANY /api/{proxy+}"
    assert event["rawPath"] == "/api/drafts/d-1/approve"
    assert event["rawQueryString"] == "notify=yes&notify=again"
    assert event["queryStringParameters"] == {"notify": "yes,again"}
    assert event["pathParameters"] == {"proxy": "drafts/d-1/approve"}
    assert event["cookies"] == ["session=1", "theme=dark"]
    assert "cookie" not in event["headers"]
    assert event["headers"]["content-type"] == "application/json"
    assert all(name == name.lower() for name in event["headers"])
    assert event["body"] == '{"note": "ok"}'
    assert event["isBase64Encoded"] is False
    context = event["requestContext"]
    assert context["stage"] == "$default"
    assert context["accountId"] == ACCOUNT
    assert context["http"] == {
        "method": "POST",
        "path": "/api/drafts/d-1/approve",
        "protocol": "HTTP/1.1",
        "sourceIp": "127.0.0.1",
        "userAgent": "pytest",
    }
    assert context["authorizer"]["jwt"]["claims"] == {
        "sub": "local-agent",
        "email": "agent@localhost",
        "cognito:username": "local-agent",
    }
    assert isinstance(context["timeEpoch"], int)


def test_most_specific_route_wins_and_path_parameters_are_decoded(api):
    listed = echoed(api, "GET", "/api/drafts")
    one = echoed(api, "GET", "/api/drafts/d%201")
    deeper = echoed(api, "GET", "/api/drafts/d-1/history")

    assert listed["routeKey"] == "GET /api/drafts"
    assert "pathParameters" not in listed
    assert one["routeKey"] == "GET /api/drafts/{id}"
    assert one["pathParameters"] == {"id": "d 1"}
    assert one["rawPath"] == "/api/drafts/d%201"
    assert deeper["routeKey"] == "ANY /api/{proxy+}"


def test_authorized_route_without_token_is_401_like_api_gateway(api):
    response, data = request(api, "GET", "/api/drafts", token=None)

    assert response.status == 401
    assert json.loads(data) == {"message": "Unauthorized"}


def test_authorized_route_with_wrong_token_is_401(api):
    response, data = request(api, "GET", "/api/drafts", token="not-the-token")

    assert response.status == 401
    assert json.loads(data) == {"message": "Unauthorized"}


def test_open_route_needs_no_token_and_carries_no_authorizer(api):
    event = echoed(api, "GET", "/", token=None)

    assert event["routeKey"] == "GET /"
    assert "authorizer" not in event["requestContext"]


def test_unmatched_route_is_404_like_api_gateway():
    with LocalHttpApi(
        [Integration(HttpRoute("GET", "/api/drafts"), object())],  # type: ignore[arg-type]
        agent_token=TOKEN,
        account_id=ACCOUNT,
        port=0,
    ) as lonely:
        response, data = request(lonely, "GET", "/nowhere")

    assert response.status == 404
    assert json.loads(data) == {"message": "Not Found"}


def test_binary_request_body_is_base64_encoded(api):
    event = echoed(
        api, "PUT", "/api/blob", body=bytes([0, 1, 2]), headers={"Content-Type": "application/octet-stream"}
    )

    assert event["isBase64Encoded"] is True
    assert event["body"] == "AAEC"


def test_string_result_is_a_200_json_response_with_the_string_as_body(api):
    response, data = request(api, "GET", "/plain")

    assert response.status == 200
    assert response.getheader("content-type") == "application/json"
    assert data == b"hello from the probe"


def test_dict_without_status_code_is_serialised_as_the_body(api):
    response, data = request(api, "GET", "/dict")

    assert response.status == 200
    assert json.loads(data) == {"drafts": []}


def test_status_headers_and_cookies_come_back(api):
    response, data = request(api, "GET", "/cookies")

    assert response.status == 201
    assert response.getheader("x-probe") == "yes"
    assert response.headers.get_all("set-cookie") == ["a=1", "b=2; Path=/"]
    assert response.getheader("apigw-requestid")
    assert data == b"made"


def test_base64_response_body_is_decoded(api):
    _, data = request(api, "GET", "/binary")

    assert data == bytes(range(4))


def test_function_error_is_a_500_like_api_gateway(api):
    response, data = request(api, "GET", "/raise")

    assert response.status == 500
    assert json.loads(data) == {"message": "Internal Server Error"}


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/api/drafts", "GET /api/drafts"),
        ("POST", "/api/drafts", "ANY /api/{proxy+}"),
        ("GET", "/api/drafts/x", "GET /api/drafts/{id}"),
        ("GET", "/api/", None),
        ("GET", "/", "GET /"),
    ],
)
def test_route_matching(method, path, expected):
    integrations = [Integration(route, object()) for route in ROUTES[:4]]  # type: ignore[arg-type]

    match = match_route(integrations, method, path)

    assert (match.integration.route_key if match else None) == expected
