"""OpenTelemetry traces (issue 7): with `telemetry.traces` set, Rampart exports over OTLP/HTTP one
trace per request: the ingress span, the input guard (with its stage-2 judge), each upstream attempt
(a failed first attempt included) and the output guard, all in the caller's trace when it sent a
`traceparent`. A local collector receives the JSON encoding and checks the tree."""

from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rampart_proc import free_port
from routing_util import Harness, chat, default_keys, to_yaml

E2E_STATE: dict = {}
JUDGE_ALLOWS = '{"verdict": "allow", "category": null, "reason": "ordinary request"}'


class Collector:
    """An OTLP/HTTP receiver that keeps every span it is sent."""

    def __init__(self) -> None:
        self.spans: list[dict] = []
        self.content_types: list[str] = []
        self.lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with collector.lock:
                    collector.content_types.append(self.headers.get("content-type", ""))
                    if self.path == "/v1/traces" and self.headers.get("content-type") == "application/json":
                        for resource in json.loads(body).get("resourceSpans", []):
                            for scope in resource.get("scopeSpans", []):
                                collector.spans.extend(scope.get("spans", []))
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def trace(self, trace_id: str, names: set[str], timeout: float = 20.0) -> list[dict]:
        """The spans of `trace_id` once every name in `names` has arrived."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                spans = [s for s in self.spans if ident(s.get("traceId")) == trace_id]
            if names <= {s["name"] for s in spans} or time.monotonic() > deadline:
                return spans
            time.sleep(0.2)


def ident(value: str | None) -> str:
    """A trace or span id as lowercase hex (OTLP JSON says hex; protobuf's JSON mapping says base64)."""
    if not value:
        return ""
    if len(value) in (16, 32) and all(c in "0123456789abcdefABCDEF" for c in value):
        return value.lower()
    return base64.b64decode(value).hex()


def attributes(span: dict) -> dict:
    out = {}
    for item in span.get("attributes", []):
        (kind, value), = item["value"].items()
        out[item["key"]] = int(value) if kind == "intValue" else value
    return out


def kind(span: dict) -> str:
    value = span.get("kind")
    return {1: "SPAN_KIND_INTERNAL", 2: "SPAN_KIND_SERVER", 3: "SPAN_KIND_CLIENT"}.get(value, value or "SPAN_KIND_INTERNAL")


def errored(span: dict) -> bool:
    return span.get("status", {}).get("code") in (2, "STATUS_CODE_ERROR")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    collector = Collector()
    h = Harness(tmp_path_factory.mktemp("tracing"), E2E_STATE, fakes=False)
    config = {
        "server": {"host": "127.0.0.1", "port": h.port, "state_dir": str(h.state_dir)},
        "telemetry": {"traces": {"endpoint": f"http://127.0.0.1:{collector.port}/v1/traces", "protocol": "http/json",
                                 "service_name": "rampart-e2e"}},
        "guard": {"input": {"mode": "monitor"}, "output": {"mode": "monitor", "check_every_tokens": 8},
                  "judge": {"provider": "judge", "model": "judge-1", "escalate": "all"}},
        "providers": [
            {"id": "sim", "kind": "simulator"},
            {"id": "broken", "kind": "simulator", "fault": {"status": 500, "message": "down"}},
            {"id": "judge", "kind": "simulator", "text": JUDGE_ALLOWS},
        ],
        "models": [
            {"alias": "sim", "targets": [{"provider": "sim", "model": "m"}]},
            {"alias": "flaky", "targets": [{"provider": "broken", "model": "m"}, {"provider": "sim", "model": "m"}]},
        ],
        "keys": default_keys(),
    }
    h.start(to_yaml(config))
    h.collector = collector
    yield h
    h.close()
    collector.server.shutdown()


def tree(spans: list[dict]) -> dict[str, list[dict]]:
    by_name: dict[str, list[dict]] = {}
    for span in spans:
        by_name.setdefault(span["name"], []).append(span)
    return by_name


def test_a_request_is_one_trace_in_the_callers_trace(env):
    trace_id, caller_span = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    reply = chat(env.http, "openai", "flaky", text="What is 12 times 7?",
                 headers={"traceparent": f"00-{trace_id}-{caller_span}-01"})
    assert reply.status == 200, reply.describe()
    wanted = {"/v1/chat/completions", "guard.input", "guard.judge", "upstream.attempt", "guard.output"}
    spans = env.collector.trace(trace_id, wanted)
    found = tree(spans)
    assert wanted <= set(found), f"spans received: {sorted(found)}"

    ingress, = found["/v1/chat/completions"]
    assert kind(ingress) == "SPAN_KIND_SERVER" and ident(ingress.get("parentSpanId")) == caller_span
    ingress_attributes = attributes(ingress)
    assert ingress_attributes["http.response.status_code"] == 200
    assert ingress_attributes["http.response.header.x_rampart_request_id"] == reply.headers["x-rampart-request-id"]
    root = ident(ingress["spanId"])

    screening, = found["guard.input"]
    assert ident(screening["parentSpanId"]) == root
    assert attributes(screening)["rampart.guard.verdict"] == "allow"

    attempts = sorted(found["upstream.attempt"], key=lambda s: int(s["startTimeUnixNano"]))
    # A 500 is retried once on the same target (routing defaults), then the request fails over.
    assert [attributes(a)["rampart.target"] for a in attempts] == ["broken/m", "broken/m", "sim/m"]
    assert int(reply.headers["x-rampart-attempts"]) == 3
    assert all(ident(a["parentSpanId"]) == root and kind(a) == "SPAN_KIND_CLIENT" for a in attempts)
    for failed in attempts[:2]:
        assert errored(failed) and attributes(failed)["rampart.outcome"] == attributes(failed)["error.type"] == "server_error"
    assert not errored(attempts[2]) and attributes(attempts[2])["rampart.outcome"] == "ok"
    assert [attributes(a)["rampart.attempt"] for a in attempts] == [1, 2, 3]

    answer, = found["guard.output"]
    assert ident(answer["parentSpanId"]) == root and attributes(answer)["rampart.guard.streaming"] is False

    judged = {ident(j["parentSpanId"]): attributes(j) for j in found["guard.judge"]}
    assert judged[ident(screening["spanId"])]["rampart.guard.side"] == "input"
    assert judged[ident(answer["spanId"])]["rampart.guard.side"] == "output"
    assert all(j["rampart.guard.judgement"] == "allow" for j in judged.values())

    # Nothing secret travels: not the client's key, not the prompt.
    exported = json.dumps(spans)
    assert "What is 12 times 7" not in exported and "rk-" not in exported


def test_a_stream_is_traced_to_its_end(env):
    trace_id = "0af7651916cd43dd8448eb211c80319c"
    reply = chat(env.http, "anthropic", "sim", text="Tell me about the sea.", stream=True,
                 headers={"traceparent": f"00-{trace_id}-b7ad6b7169203331-01"})
    assert reply.status == 200 and reply.complete, reply.describe()
    found = tree(env.collector.trace(trace_id, {"/v1/messages", "guard.output", "upstream.attempt"}))
    ingress, = found["/v1/messages"]
    answer, = found["guard.output"]
    output = attributes(answer)
    assert output["rampart.guard.streaming"] is True and output["rampart.guard.tokens"] > 0
    assert output["rampart.guard.checks"] >= 1 and output["rampart.guard.tripped"] is False
    assert ident(answer["parentSpanId"]) == ident(ingress["spanId"])
    # The ingress span covers the whole stream, not just the handler that started it.
    assert int(ingress["endTimeUnixNano"]) >= int(answer["endTimeUnixNano"])


def test_a_request_without_a_caller_trace_starts_its_own(env):
    before = len(env.collector.spans)
    reply = chat(env.http, "openai", "sim", text="Name three rivers.")
    assert reply.status == 200
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with env.collector.lock:
            ingress = [s for s in env.collector.spans[before:] if s["name"] == "/v1/chat/completions"]
        if ingress:
            break
        time.sleep(0.2)
    assert ingress and not ingress[0].get("parentSpanId")
