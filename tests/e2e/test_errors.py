"""Error responses, table-driven over both endpoints, sent as raw bytes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

import pytest

from e2e_util import ALIASES, MAX_BODY_BYTES, ANTHROPIC_PATH, OPENAI_PATH, auth_headers, httpx

ENDPOINTS = {"openai": OPENAI_PATH, "anthropic": ANTHROPIC_PATH}
ANTHROPIC_TYPES = {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error", 413: "request_too_large"}


def base(endpoint: str, **over) -> dict:
    if endpoint == "openai":
        body = {"model": "sim", "messages": [{"role": "user", "content": "hi"}]}
    else:
        body = {"model": "sim", "max_tokens": 16, "messages": [{"role": "user", "content": "hi"}]}
    body.update(over)
    return body


def enc(obj) -> bytes:
    return json.dumps(obj).encode()


@dataclass
class Case:
    id: str
    body: Callable[[str], bytes]
    status: int
    code: str
    fields: tuple = ()  # the message must name one of these
    key: str = "valid"  # "valid" | "missing" | "wrong"
    auth_style: str = "bearer"
    endpoints: tuple = ("openai", "anthropic")
    extra_headers: dict = field(default_factory=dict)


INVALID = "rampart_invalid_request"
CASES = [
    Case("malformed_json", lambda ep: b'{"model": "sim", "messages": [{"role": "user", "content": "hi"}', 400, INVALID),
    Case("trailing_garbage", lambda ep: enc(base(ep)) + b" }}", 400, INVALID),
    Case("body_not_object", lambda ep: b"[1, 2, 3]", 400, INVALID),
    Case("empty_body", lambda ep: b"", 400, INVALID),
    Case("messages_string", lambda ep: enc(base(ep, messages="hi")), 400, INVALID, ("messages",)),
    Case("max_tokens_string", lambda ep: enc(base(ep, max_tokens="ten")), 400, INVALID, ("max_tokens",)),
    Case("temperature_string", lambda ep: enc(base(ep, temperature="hot")), 400, INVALID, ("temperature",)),
    Case("model_number", lambda ep: enc(base(ep, model=123)), 400, INVALID, ("model",)),
    Case("stream_string", lambda ep: enc(base(ep, stream="yes")), 400, INVALID, ("stream",)),
    Case("content_number", lambda ep: enc(base(ep, messages=[{"role": "user", "content": 42}])), 400, INVALID, ("content", "messages")),
    Case("role_unknown", lambda ep: enc(base(ep, messages=[{"role": "wizard", "content": "hi"}])), 400, INVALID, ("role", "messages")),
    Case("tools_not_array", lambda ep: enc(base(ep, tools="get_weather")), 400, INVALID, ("tools",)),
    Case("empty_messages", lambda ep: enc(base(ep, messages=[])), 400, INVALID, ("messages",)),
    Case("missing_max_tokens", lambda ep: enc({"model": "sim", "messages": [{"role": "user", "content": "hi"}]}), 400, INVALID,
         ("max_tokens",), endpoints=("anthropic",)),
    Case("oversize_body", lambda ep: enc(base(ep, messages=[{"role": "user", "content": "x" * (MAX_BODY_BYTES + 4096)}])), 413,
         "rampart_request_too_large"),
    Case("invalid_utf8", lambda ep: enc(base(ep)).replace(b'"hi"', b'"hi \xff\xfe\xc3( there"'), 400, INVALID),
    Case("unknown_model", lambda ep: enc(base(ep, model="no-such-model")), 404, "rampart_model_not_found"),
    Case("unknown_model_streaming", lambda ep: enc(base(ep, model="no-such-model", stream=True)), 404, "rampart_model_not_found"),
    Case("missing_key", lambda ep: enc(base(ep)), 401, "rampart_missing_api_key", key="missing"),
    Case("wrong_key_bearer", lambda ep: enc(base(ep)), 401, "rampart_invalid_api_key", key="wrong"),
    Case("wrong_key_x_api_key", lambda ep: enc(base(ep)), 401, "rampart_invalid_api_key", key="wrong", auth_style="x-api-key"),
]
PARAMS = [pytest.param(ep, c, id=f"{ep}-{c.id}") for c in CASES for ep in ENDPOINTS if ep in c.endpoints]


def check_error_shape(endpoint: str, r, status: int, code: str, fields: tuple = ()) -> dict:
    assert r.status_code == status, f"expected {status}, got {r.status_code}: {r.text[:500]}"
    assert r.headers.get("x-rampart-request-id"), "x-rampart-request-id header missing on error response"
    assert "application/json" in r.headers.get("content-type", ""), r.headers.get("content-type")
    try:
        body = r.json()
    except ValueError:
        pytest.fail(f"error body is not JSON: {r.content[:300]!r}")
    if endpoint == "openai":
        assert set(body) == {"error"}, f"OpenAI error body must be {{'error': ...}}: {body}"
        err = body["error"]
        assert {"message", "type", "param", "code"} <= set(err), err
        assert isinstance(err["type"], str) and err["type"]
        assert err["param"] is None or isinstance(err["param"], str)
    else:
        assert body.get("type") == "error", body
        err = body["error"]
        assert {"type", "message", "code"} <= set(err), err
        assert err["type"] == ANTHROPIC_TYPES[status], f"Anthropic error type {err['type']!r} for HTTP {status}"
    assert err["code"] == code, f"code {err['code']!r}, expected {code!r}: {err}"
    assert isinstance(err["message"], str) and err["message"].strip()
    if fields:
        assert any(f in err["message"] for f in fields), f"message does not name {fields}: {err['message']!r}"
        if endpoint == "openai":
            assert err["param"] is not None and any(f in err["param"] for f in fields), f"param does not name {fields}: {err['param']!r}"
    return body


@pytest.mark.parametrize("endpoint,case", PARAMS)
def test_error_response(http, api_key, endpoint, case):
    key = {"valid": api_key, "missing": None, "wrong": api_key + "-wrong"}[case.key]
    headers = {**auth_headers(key, case.auth_style), **case.extra_headers}
    r = http.post(ENDPOINTS[endpoint], content=case.body(endpoint), headers=headers)
    check_error_shape(endpoint, r, case.status, case.code, case.fields)
    assert http.get("/healthz").status_code == 200


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
@pytest.mark.parametrize("style", ["bearer", "x-api-key"])
def test_both_auth_styles_accepted(http, api_key, endpoint, style):
    r = http.post(ENDPOINTS[endpoint], content=enc(base(endpoint)), headers=auth_headers(api_key, style))
    assert r.status_code == 200, r.text[:500]
    assert r.headers.get("x-rampart-request-id")
    assert r.headers.get("x-rampart-route") == "sim/sim-1"


def test_body_just_under_limit_is_accepted(http, api_key):
    body = base("openai")
    overhead = len(enc(body)) - len("hi")
    body["messages"][0]["content"] = "y " * ((MAX_BODY_BYTES - overhead - 200) // 2)
    data = enc(body)
    assert MAX_BODY_BYTES - 300 < len(data) <= MAX_BODY_BYTES
    r = http.post(OPENAI_PATH, content=data, headers=auth_headers(api_key))
    assert r.status_code == 200, r.text[:300]


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_oversize_chunked_body_rejected(http, api_key, endpoint):
    """No Content-Length (chunked upload): the size limit must still hold."""
    data = enc(base(endpoint, messages=[{"role": "user", "content": "z" * (MAX_BODY_BYTES * 2)}]))

    def gen():
        for i in range(0, len(data), 8192):
            yield data[i : i + 8192]

    try:
        r = http.post(ENDPOINTS[endpoint], content=gen(), headers=auth_headers(api_key))
    except httpx.TransportError as e:  # the server may cut the upload short; it must still be alive
        assert http.get("/healthz").status_code == 200
        pytest.fail(f"connection dropped instead of a 413 response: {e!r}")
    check_error_shape(endpoint, r, 413, "rampart_request_too_large")


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_small_chunked_body_accepted(http, api_key, endpoint):
    data = enc(base(endpoint))
    r = http.post(ENDPOINTS[endpoint], content=iter([data[:10], data[10:]]), headers=auth_headers(api_key))
    assert r.status_code == 200, r.text[:300]


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_deeply_nested_json_does_not_crash(http, api_key, endpoint):
    depth = 20000  # 40 KB, under the body limit
    r = http.post(ENDPOINTS[endpoint], content=b"[" * depth + b"]" * depth, headers=auth_headers(api_key))
    check_error_shape(endpoint, r, 400, INVALID)
    nested = enc(base(endpoint, metadata="X")).replace(b'"X"', b"[" * depth + b"]" * depth)
    r = http.post(ENDPOINTS[endpoint], content=nested, headers=auth_headers(api_key))
    assert r.status_code in (200, 400), r.text[:300]
    assert http.get("/healthz").status_code == 200


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_lone_surrogate_escape_does_not_crash(http, api_key, endpoint):
    data = enc(base(endpoint)).replace(b'"hi"', b'"hi \\ud800 there"')  # valid JSON escape, invalid Unicode
    assert b"\\ud800" in data
    r = http.post(ENDPOINTS[endpoint], content=data, headers=auth_headers(api_key))
    assert r.status_code in (200, 400), r.text[:300]
    if r.status_code == 400:
        check_error_shape(endpoint, r, 400, INVALID)
    assert http.get("/healthz").status_code == 200


def test_models_list(http, api_key):
    r = http.get("/v1/models", headers=auth_headers(api_key))
    assert r.status_code == 200, r.text
    assert r.headers.get("x-rampart-request-id")
    body = r.json()
    assert body["object"] == "list"
    ids = [m["id"] for m in body["data"]]
    assert sorted(ids) == sorted(ALIASES), ids
    assert all(m["object"] == "model" for m in body["data"])


def test_models_list_requires_key(http):
    r = http.get("/v1/models")
    check_error_shape("openai", r, 401, "rampart_missing_api_key")


def test_health_endpoints_need_no_key(http):
    for path in ("/healthz", "/readyz"):
        r = http.get(path)
        assert r.status_code == 200, f"{path}: {r.status_code} {r.text[:200]}"
        assert r.headers.get("x-rampart-request-id"), f"{path} has no x-rampart-request-id"


def test_request_ids_are_unique(http, api_key):
    ids = {http.post(OPENAI_PATH, content=enc(base("openai")), headers=auth_headers(api_key)).headers.get("x-rampart-request-id")
           for _ in range(5)}
    ids |= {http.get("/healthz").headers.get("x-rampart-request-id") for _ in range(3)}
    assert None not in ids and len(ids) == 8, ids


def test_still_healthy_after_errors(rampart):
    """Runs after the table above (pytest keeps file order)."""
    assert rampart.proc.poll() is None, f"rampart exited:\n{rampart.log_text()}"
    with httpx.Client(base_url=rampart.base_url, timeout=5) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").status_code == 200
