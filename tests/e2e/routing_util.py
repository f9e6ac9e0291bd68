"""Helpers shared by the routing tests (``test_routing_*.py``).

Each routing module runs its own ``rampart serve`` with its own config, fakes and
``server.state_dir``; this module writes those configs, sends requests in either
wire format (streaming or not) and reads what came back: status, the
``x-rampart-*`` headers, the text, whether a stream ended properly, and the typed
error (from a JSON body or a stream error event).

The contract these tests check is docs/routing.md.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from e2e_util import (ANTHROPIC_PATH, FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH, RAMPART_TEST_KEY, SSEEvent,
                      _parse_block, httpx)
from fake_upstreams import FakeAnthropic, FakeOpenAI
from rampart_proc import RampartProcess, free_port, start_rampart

ADMIN_TOKEN = "adm-e2e-5b7e21c94d"
ENDPOINTS = ("openai", "anthropic")
PATHS = {"openai": OPENAI_PATH, "anthropic": ANTHROPIC_PATH}
# The healthy fallback in most routing configs: a simulator with a fixed answer.
FALLBACK_TEXT = "Fallback answer from the healthy target."
SIM_OK = {"id": "sim-ok", "kind": "simulator", "text": FALLBACK_TEXT}
SIM_OK_TARGET = {"provider": "sim-ok", "model": "sim-1"}
SIM_OK_ROUTE = "sim-ok/sim-1"
OPENAI_FAKE_PROVIDER = "fake-openai"
ANTHROPIC_FAKE_PROVIDER = "fake-anthropic"


# ---------------------------------------------------------------------------
# Config
# ---------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z0-9_./-]+$")
_RESERVED = re.compile(r"^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.inf|\.nan)$", re.I)


def _scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    if _PLAIN.match(s) and not _RESERVED.match(s):
        return s  # includes dates such as 2026-06-01, written as in docs/routing.md
    return json.dumps(s)  # a JSON string is a valid double-quoted YAML scalar


def to_yaml(obj: Any, indent: int = 0) -> str:
    """Block-style YAML for dicts, lists and scalars (enough for rampart.yaml)."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(obj, dict):
        if not obj:
            return pad + "{}\n"
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{_scalar(k)}:\n{to_yaml(v, indent + 2)}")
            elif isinstance(v, (dict, list)):
                out.append(f"{pad}{_scalar(k)}: {'{}' if isinstance(v, dict) else '[]'}\n")
            else:
                out.append(f"{pad}{_scalar(k)}: {_scalar(v)}\n")
        return "".join(out)
    if isinstance(obj, list):
        for v in obj:
            if isinstance(v, (dict, list)) and v:
                body = to_yaml(v, indent + 2)
                out.append(f"{pad}- {body[indent + 2:]}")
            else:
                out.append(f"{pad}- {_scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}\n")
        return "".join(out)
    return pad + _scalar(obj) + "\n"


def fake_providers(fo: FakeOpenAI, fa: FakeAnthropic) -> list[dict]:
    return [
        {"id": OPENAI_FAKE_PROVIDER, "kind": "openai", "base_url": f"{fo.url}/v1", "api_key": "env:FAKE_OPENAI_KEY"},
        {"id": ANTHROPIC_FAKE_PROVIDER, "kind": "anthropic", "base_url": fa.url, "api_key": "env:FAKE_ANTHROPIC_KEY"},
    ]


def default_keys() -> list[dict]:
    return [{"id": "test-app", "secret": "env:RAMPART_TEST_KEY", "tenant": "acme", "attributes": {"jurisdiction": "US"}}]


def make_config(port: int, state_dir: Path, *, providers: list[dict], models: list[dict], keys: list[dict] | None = None,
                routing: dict | None = None, admin_token: str | None = ADMIN_TOKEN) -> str:
    server: dict = {"host": "127.0.0.1", "port": port, "state_dir": str(state_dir)}
    if admin_token is not None:
        server["admin_token"] = admin_token
    cfg: dict = {"server": server}
    if routing:
        cfg["routing"] = routing
    cfg["providers"] = providers
    cfg["models"] = models
    cfg["keys"] = default_keys() if keys is None else keys
    return to_yaml(cfg)


class Harness:
    """One module's rampart and fakes.  ``state`` is the module's E2E_STATE (see conftest)."""

    def __init__(self, workdir: Path, state: dict | None = None, fakes: bool = True):
        self.workdir = workdir
        self.state_dir = workdir / "state"
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.state = state if state is not None else {}
        self.fo = FakeOpenAI(api_key=FAKE_OPENAI_KEY).start() if fakes else None
        self.fa = FakeAnthropic(api_key=FAKE_ANTHROPIC_KEY).start() if fakes else None
        self.state["fakes"] = [f for f in (self.fo, self.fa) if f is not None]
        self.rampart: RampartProcess | None = None
        self.port = free_port()
        self.config_text = ""
        self.http: httpx.Client | None = None

    def start(self, config_text: str, name: str = "rampart") -> RampartProcess:
        self.config_text = config_text
        self.rampart = start_rampart(self.workdir, config_text, port=self.port, name=name)
        self.state["rampart"] = self.rampart
        self.http = httpx.Client(base_url=self.rampart.base_url, timeout=30.0)
        return self.rampart

    def restart(self, name: str = "rampart-restarted") -> RampartProcess:
        """Stop rampart and start it again with the same config (and state_dir)."""
        self.stop_rampart()
        return self.start(self.config_text, name=name)

    def stop_rampart(self) -> None:
        if self.http is not None:
            self.http.close()
            self.http = None
        if self.rampart is not None:
            self.rampart.stop()
            self.rampart = None

    def close(self) -> None:
        self.stop_rampart()
        for f in (self.fo, self.fa):
            if f is not None:
                f.stop()


# ---------------------------------------------------------------------------
# Requests and what came back
# ---------------------------------------------------------------------------


def request_body(endpoint: str, alias: str, text: str, stream: bool = False, max_tokens: int | None = 256, **extra: Any) -> dict:
    body: dict = {"model": alias, "messages": [{"role": "user", "content": text}]}
    if endpoint == "anthropic":
        body["max_tokens"] = max_tokens or 256
    if stream:
        body["stream"] = True
    body.update(extra)
    return body


def key_headers(key: str | None = RAMPART_TEST_KEY, extra: dict | None = None) -> dict:
    h = {"content-type": "application/json"}
    if key is not None:
        h["authorization"] = f"Bearer {key}"
    h.update(extra or {})
    return h


@dataclass
class Reply:
    endpoint: str
    stream: bool
    status: int
    headers: Any  # httpx.Headers
    raw: bytes
    events: list = field(default_factory=list)  # SSEEvent
    transport_error: Exception | None = None
    elapsed: float = 0.0

    # -- headers ---------------------------------------------------------
    @property
    def route(self) -> str | None:
        return self.headers.get("x-rampart-route")

    @property
    def attempts(self) -> int | None:
        v = self.headers.get("x-rampart-attempts")
        return int(v) if v is not None and v.strip().isdigit() else None

    @property
    def fallback_reason(self) -> str | None:
        return self.headers.get("x-rampart-fallback-reason")

    @property
    def fallback(self) -> dict:
        """x-rampart-fallback-reason as {provider/model: class}."""
        return parse_fallback_reason(self.fallback_reason)

    @property
    def route_reason(self) -> str | None:
        return self.headers.get("x-rampart-route-reason")

    # -- body ------------------------------------------------------------
    @property
    def json(self) -> Any:
        try:
            return json.loads(self.raw)
        except ValueError:
            return None

    @property
    def error(self) -> dict | None:
        """The typed error: from the JSON body of a non-200 answer, or from a stream's error event."""
        if self.status != 200:
            body = self.json
            return body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else None
        ev = self.error_event
        return ev.get("error") if ev else None

    def payloads(self):
        """(event, decoded JSON) for each stream event whose data is JSON ([DONE] skipped)."""
        for e in self.events:
            if e.data.strip() == "[DONE]":
                continue
            try:
                yield e, json.loads(e.data)
            except ValueError:
                continue

    @property
    def error_event(self) -> dict | None:
        for e, obj in self.payloads():
            if self.endpoint == "openai" and isinstance(obj, dict) and isinstance(obj.get("error"), dict):
                return obj
            if self.endpoint == "anthropic" and (e.event == "error" or (isinstance(obj, dict) and obj.get("type") == "error")):
                return obj
        return None

    @property
    def text(self) -> str:
        if not self.stream:
            body = self.json
            if self.status != 200 or not isinstance(body, dict):
                return ""
            if self.endpoint == "openai":
                return ((body.get("choices") or [{}])[0].get("message") or {}).get("content") or ""
            return "".join(b.get("text", "") for b in body.get("content") or [] if b.get("type") == "text")
        out = []
        for _, obj in self.payloads():
            if self.endpoint == "openai":
                for ch in obj.get("choices") or []:
                    c = (ch.get("delta") or {}).get("content")
                    if c:
                        out.append(c)
            elif obj.get("type") == "content_block_delta" and obj.get("delta", {}).get("type") == "text_delta":
                out.append(obj["delta"].get("text", ""))
        return "".join(out)

    @property
    def complete(self) -> bool:
        """200 and a whole answer: a message, or a stream that ended with [DONE] / message_stop."""
        if self.status != 200 or self.transport_error is not None:
            return False
        if not self.stream:
            body = self.json
            if not isinstance(body, dict):
                return False
            if self.endpoint == "openai":
                return bool(body.get("choices")) and body["choices"][0].get("finish_reason") is not None
            return body.get("type") == "message" and body.get("stop_reason") is not None
        if not self.events or self.error_event is not None:
            return False
        last = self.events[-1]
        if self.endpoint == "openai":
            return last.data.strip() == "[DONE]"
        return last.event == "message_stop"

    def describe(self) -> str:
        hdrs = {k: v for k, v in self.headers.items() if k.startswith("x-rampart") or k in ("retry-after", "deprecation", "sunset")}
        body = self.raw[:700].decode("utf-8", "replace")
        te = f" transport_error={self.transport_error!r}" if self.transport_error else ""
        return f"[{self.endpoint}{' stream' if self.stream else ''}] HTTP {self.status} {hdrs}{te}\n{body}"


def parse_fallback_reason(value: str | None) -> dict:
    out: dict = {}
    if not value:
        return out
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        target, _, cls = part.rpartition("=")
        out[target.strip()] = cls.strip()
    return out


def parse_sse_bytes(data: bytes) -> list[SSEEvent]:
    text = data.replace(b"\r\n", b"\n").decode("utf-8", "replace")
    t = time.monotonic()
    events = []
    for block in text.split("\n\n"):
        ev = _parse_block(block, t)
        if ev is not None:
            events.append(ev)
    return events


def chat(http: "httpx.Client", endpoint: str, alias: str, *, stream: bool = False, text: str = "Say something useful please.",
         key: str | None = RAMPART_TEST_KEY, headers: dict | None = None, body: dict | None = None,
         timeout: float | None = None, **extra: Any) -> Reply:
    """One request in ``endpoint``'s wire format; never raises for HTTP or transport errors."""
    payload = body if body is not None else request_body(endpoint, alias, text, stream, **extra)
    hdrs = key_headers(key, headers)
    t0 = time.monotonic()
    kw = {} if timeout is None else {"timeout": timeout}
    if not stream:
        try:
            r = http.post(PATHS[endpoint], json=payload, headers=hdrs, **kw)
        except httpx.TransportError as e:
            return Reply(endpoint, stream, 0, httpx.Headers(), b"", transport_error=e, elapsed=time.monotonic() - t0)
        return Reply(endpoint, stream, r.status_code, r.headers, r.content, elapsed=time.monotonic() - t0)
    chunks: list[bytes] = []
    status, rheaders, err = 0, httpx.Headers(), None
    try:
        with http.stream("POST", PATHS[endpoint], json=payload, headers=hdrs, **kw) as r:
            status, rheaders = r.status_code, r.headers
            for chunk in r.iter_raw():
                chunks.append(chunk)
    except httpx.TransportError as e:
        err = e
    raw = b"".join(chunks)
    events = parse_sse_bytes(raw) if status == 200 else []
    return Reply(endpoint, stream, status, rheaders, raw, events, transport_error=err, elapsed=time.monotonic() - t0)


async def achat(client: "httpx.AsyncClient", endpoint: str, alias: str, *, stream: bool = False, text: str = "Say something.",
                key: str | None = RAMPART_TEST_KEY, headers: dict | None = None) -> Reply:
    payload = request_body(endpoint, alias, text, stream)
    hdrs = key_headers(key, headers)
    t0 = time.monotonic()
    chunks: list[bytes] = []
    status, rheaders, err = 0, httpx.Headers(), None
    try:
        async with client.stream("POST", PATHS[endpoint], json=payload, headers=hdrs) as r:
            status, rheaders = r.status_code, r.headers
            async for chunk in r.aiter_raw():
                chunks.append(chunk)
    except httpx.TransportError as e:
        err = e
    raw = b"".join(chunks)
    events = parse_sse_bytes(raw) if stream and status == 200 else []
    return Reply(endpoint, stream, status, rheaders, raw, events, transport_error=err, elapsed=time.monotonic() - t0)


# ---------------------------------------------------------------------------
# Assertions
# ---------------------------------------------------------------------------

ANTHROPIC_ERROR_TYPES = {"invalid_request_error", "authentication_error", "permission_error", "not_found_error",
                         "request_too_large", "rate_limit_error", "api_error", "overloaded_error", "timeout_error"}


def assert_error(reply: Reply, status: int, codes: str | Iterable[str], *, mentions: Iterable[str] = ()) -> dict:
    """A typed error in the caller's format, delivered as an HTTP error (not a stream)."""
    codes = {codes} if isinstance(codes, str) else set(codes)
    assert reply.status == status, f"expected HTTP {status} with code {sorted(codes)}, got {reply.describe()}"
    body = reply.json
    assert isinstance(body, dict), f"error body is not JSON: {reply.describe()}"
    if reply.endpoint == "openai":
        assert set(body) == {"error"}, f"OpenAI error body must be {{'error': ...}}: {body}"
        assert {"message", "type", "param", "code"} <= set(body["error"]), body
    else:
        assert body.get("type") == "error" and isinstance(body.get("error"), dict), body
        assert {"type", "message", "code"} <= set(body["error"]), body
        assert body["error"]["type"] in ANTHROPIC_ERROR_TYPES, body
    err = body["error"]
    assert err["code"] in codes, f"code {err['code']!r}, expected one of {sorted(codes)}: {err}"
    assert isinstance(err["message"], str) and err["message"].strip(), err
    for m in mentions:
        assert m in err["message"], f"error message does not mention {m!r}: {err['message']!r}"
    return err


def assert_ok(reply: Reply, text: str | None = None, route: str | None = None) -> None:
    """200, a complete answer (stream ended properly), optionally this text and route."""
    assert reply.status == 200 and reply.complete, f"expected a complete 200 answer, got {reply.describe()}"
    if text is not None:
        assert reply.text == text, f"text {reply.text!r}, expected {text!r}\n{reply.describe()}"
    if route is not None:
        assert reply.route == route, f"x-rampart-route {reply.route!r}, expected {route!r}\n{reply.describe()}"
    assert reply.route, f"no x-rampart-route header: {reply.describe()}"
    assert reply.attempts is not None and reply.attempts >= 1, f"no valid x-rampart-attempts header: {reply.describe()}"


def assert_well_formed_stream(reply: Reply) -> None:
    """The structure of a complete stream in the caller's format (one message, properly ended)."""
    assert reply.status == 200 and reply.transport_error is None, reply.describe()
    evs = reply.events
    assert evs, reply.describe()
    if reply.endpoint == "openai":
        assert evs[-1].data.strip() == "[DONE]", f"stream does not end with [DONE]: {reply.describe()}"
        assert sum(1 for e in evs if e.data.strip() == "[DONE]") == 1, reply.describe()
        finishes = 0
        for e in evs[:-1]:
            obj = json.loads(e.data)
            assert "error" not in obj, f"error event in a stream that should be complete: {e.data}"
            assert obj.get("object") == "chat.completion.chunk", e.data
            for ch in obj.get("choices") or []:
                if ch.get("finish_reason") is not None:
                    finishes += 1
        assert finishes == 1, f"expected exactly one finish_reason, got {finishes}: {reply.describe()}"
        return
    names = [e.event for e in evs]
    assert names[0] == "message_start", f"first event is {names[0]!r}: {reply.describe()}"
    assert names[-1] == "message_stop" and names.count("message_stop") == 1, f"stream does not end with one message_stop: {names}"
    assert "error" not in names, reply.describe()
    open_index: int | None = None
    next_index = 0
    stop_reason = None
    for e in evs:
        obj = json.loads(e.data)
        assert obj.get("type") == e.event, f"event {e.event!r} carries type {obj.get('type')!r}"
        if e.event == "content_block_start":
            assert open_index is None and obj["index"] == next_index, f"block {obj['index']} opened out of order: {names}"
            open_index = obj["index"]
        elif e.event == "content_block_delta":
            assert obj["index"] == open_index, f"delta for block {obj['index']} while block {open_index} is open"
        elif e.event == "content_block_stop":
            assert obj["index"] == open_index, f"stop for block {obj['index']} while block {open_index} is open"
            open_index, next_index = None, next_index + 1
        elif e.event == "message_delta":
            stop_reason = obj.get("delta", {}).get("stop_reason")
    assert open_index is None, f"a content block was never closed: {names}"
    assert stop_reason is not None, f"no message_delta with a stop_reason: {names}"


def assert_error_event_last(reply: Reply) -> dict:
    """A stream that ended with a typed error event in the caller's format (and not silently)."""
    assert reply.status == 200, f"expected a stream that ends with an error event, got {reply.describe()}"
    assert reply.transport_error is None, f"stream ended with a broken connection: {reply.describe()}"
    evs = reply.events
    assert evs, reply.describe()
    last = evs[-1]
    if reply.endpoint == "openai":
        obj = json.loads(last.data) if last.data.strip() != "[DONE]" else {}
        assert isinstance(obj.get("error"), dict), f"last event is not an error event: {last.data!r}\n{reply.describe()}"
        assert not any(e.data.strip() == "[DONE]" for e in evs), f"[DONE] in a stream that failed: {reply.describe()}"
        err = obj["error"]
        assert {"message", "type", "code"} <= set(err), err
    else:
        obj = json.loads(last.data)
        assert last.event == "error" and obj.get("type") == "error", f"last event is not an error event: {last.event} {last.data}"
        assert "message_stop" not in [e.event for e in evs], reply.describe()
        err = obj["error"]
        assert {"type", "message", "code"} <= set(err), err
    assert isinstance(err["code"], str) and err["code"].startswith("rampart_"), err
    return err


# ---------------------------------------------------------------------------
# Admin API
# ---------------------------------------------------------------------------


def admin(http: "httpx.Client", method: str, path: str, token: str | None = ADMIN_TOKEN, **kw: Any):
    headers = dict(kw.pop("headers", {}) or {})
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    return http.request(method, path, headers=headers, **kw)


def items_of(body: Any, *names: str) -> list:
    """The list in an admin answer: a bare JSON array, or the first list member among ``names``
    (then ``data``/``items``), or the only list member."""
    if isinstance(body, list):
        return body
    assert isinstance(body, dict), body
    for n in (*names, "data", "items"):
        if isinstance(body.get(n), list):
            return body[n]
    lists = [v for v in body.values() if isinstance(v, list)]
    assert len(lists) == 1, f"cannot find the list in {body}"
    return lists[0]


def switch_id(sw: dict) -> str:
    assert isinstance(sw, dict) and sw.get("id") not in (None, ""), f"kill switch without an id: {sw}"
    return str(sw["id"])


def breaker_state(body: Any, provider: str, model: str) -> str | None:
    """The breaker state of ``provider/model`` in GET /admin/providers, whatever the nesting.

    Finds the object for the target (``"target": "p/m"``, or ``"model": m`` inside a provider
    whose ``id`` is p, or ``"provider": p, "model": m``) and reads ``breaker.state``,
    ``breaker`` (a string), ``breaker_state`` or ``state``.
    """
    want = f"{provider}/{model}"

    def state_of(d: dict) -> str | None:
        b = d.get("breaker")
        if isinstance(b, dict) and isinstance(b.get("state"), str):
            return b["state"]
        if isinstance(b, str):
            return b
        for k in ("breaker_state", "state"):
            if isinstance(d.get(k), str):
                return d[k]
        return None

    def walk(node: Any, prov: str | None) -> str | None:
        if isinstance(node, dict):
            pid = node.get("id") if isinstance(node.get("id"), str) and ("targets" in node or "kind" in node) else prov
            pid = node.get("provider") if isinstance(node.get("provider"), str) else pid
            if node.get("target") == want or (node.get("model") == model and pid == provider) or node.get("id") == want:
                s = state_of(node)
                if s is not None:
                    return s
            for v in node.values():
                got = walk(v, pid)
                if got is not None:
                    return got
        elif isinstance(node, list):
            for v in node:
                got = walk(v, prov)
                if got is not None:
                    return got
        return None

    return walk(body, None)


def metric_samples(text: str, name: str) -> list[tuple[dict, float]]:
    """Samples of metric ``name`` in Prometheus text format: [(labels, value)]."""
    out = []
    for line in text.splitlines():
        if not line.startswith(name):
            continue
        m = re.match(rf"^{re.escape(name)}(\{{(.*)\}})?\s+(\S+)", line)
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        out.append((labels, float(m.group(3))))
    return out


# ---------------------------------------------------------------------------
# Network odds and ends
# ---------------------------------------------------------------------------


def closed_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Blackhole:
    """A loopback port where TCP connections never complete (for connect timeouts).

    A listening socket with a backlog of 0 whose accept queue is kept full by our own
    connections: the kernel drops further SYNs, so a connect just waits.
    """

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)
        self.port = self.listener.getsockname()[1]
        self.fillers = []
        for _ in range(4):
            s = socket.socket()
            s.setblocking(False)
            try:
                s.connect(("127.0.0.1", self.port))
            except (BlockingIOError, OSError):
                pass
            self.fillers.append(s)
        time.sleep(0.05)

    def works(self, timeout: float = 0.3) -> bool:
        with socket.socket() as s:
            s.settimeout(timeout)
            try:
                s.connect(("127.0.0.1", self.port))
            except (TimeoutError, socket.timeout):
                return True
            except OSError:
                return False
            return False

    def close(self) -> None:
        for s in self.fillers:
            s.close()
        self.listener.close()


def wait_until(pred: Callable[[], Any], timeout: float, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        v = pred()
        if v or time.monotonic() >= deadline:
            return v
        time.sleep(interval)


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def run_async(coro):
    return asyncio.run(coro)
