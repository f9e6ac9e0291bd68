"""Fake OpenAI and Anthropic upstream servers for Rampart's end-to-end tests.

Both servers speak the real vendor wire formats and validate requests about
as strictly as the real APIs do, so that a translation bug in the gateway
shows up as a 400 from the fake (which the gateway then has to surface) or
as a wrong recorded request.

Only the standard library is used.  Each server runs a
``ThreadingHTTPServer`` (HTTP/1.1, keep-alive, chunked streaming responses)
in a background thread:

    fake = FakeOpenAI(api_key="sk-test").start()
    fake.url            # "http://127.0.0.1:<port>"
    fake.requests       # every request seen: RecordedRequest(path, headers, body, raw, ...)
    fake.token_delay    # seconds between streamed tokens (default 0)
    fake.reply_words    # if set, text replies are "tok001 tok002 ..." of this length
    fake.reply_text     # if set, text replies are exactly this (e.g. a guard judge's JSON verdict)
    fake.response_delay # seconds before the first token / the JSON body (client leaving is noticed)
    fake.split_writes   # write each SSE event in pieces (mid-line, mid-UTF-8 character)
    fake.streams        # one StreamRecord per streamed response
    fake.replies        # one StreamRecord per 200 reply, streaming or not
    fake.sent_log       # [(token, time.monotonic() just before the write)] of the latest stream
    fake.closed_at      # monotonic time the latest stream saw its client go away (or None)
    fake.find_requests(marker) / last_request(marker) / find_streams(marker) / find_replies(marker)
    fake.fault          # None, or a fault (below) for every chat request
    fake.fault_count    # None, or: only the next N requests get ``fault`` (then it stops)
    fake.model_faults   # {model: fault}: per-model faults, taking precedence over ``fault``
    fake.faulted        # how many requests a fault was applied to
    fake.requests_for(model=None, marker=None)   # recorded chat requests, filtered
    fake.reset()        # knobs back to defaults, faults cleared (history kept)
    fake.stop()

Faults do not depend on the message text (the same request goes to a primary
and then to a fallback), only on the fake and the request's ``model``.  A
fault is a dict; a ``"count": N`` member makes it strike only N more times:

    {"status": 403, "message": "model suspended"}  vendor-format JSON error
        (optional "type", "code", "retry_after": seconds -> Retry-After header)
    {"context_length": True}   400, OpenAI code context_length_exceeded /
                               Anthropic "prompt is too long: ..."
    {"content_policy": True}   400, OpenAI code content_policy_violation /
                               Anthropic "Output blocked by content filtering policy"
    {"html500": True}          500 text/html page ({"html": True, "status": 502} too)
    {"hang": True}             never answer; hold the connection until the client leaves
                               (at most "hang_max" seconds, default 300; also for stall_*)
    {"reset": True}            close the socket abruptly (SO_LINGER 0: RST), no response
    {"cut_before_first_byte": True}  stream: 200 SSE head, then close before any
                               event; non-streaming: close halfway through the body
    {"cut_after_tokens": N}    stream N text deltas, then close without finishing
                               (non-streaming: close halfway through the body)
    {"stall_after_tokens": N}  stream N text deltas, then fall silent until the client
                               leaves (non-streaming: half the body, then silence)
    {"malformed": True}        200 application/json that is not the API's format
                               ("html": 200 text/html; "truncated": cut-off JSON)
    {"token_delay": s, "response_delay": s}   no error: answer normally, this slowly

Directives in the last user message steer the reply: ``[[all-tools]]`` calls
every tool, ``[[preamble]]`` puts a text block before the tool call(s),
``[[fail-NNN]]`` answers HTTP NNN with a vendor-format error.

Streams poll the client socket for EOF (``select`` + ``MSG_PEEK``) while
waiting between tokens, so a client disconnect is detected promptly even if
no write fails.
"""

from __future__ import annotations

import json
import re
import select
import socket
import ssl
import struct
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

__all__ = [
    "FakeOpenAI",
    "FakeAnthropic",
    "RecordedRequest",
    "StreamRecord",
    "ValidationError",
    "openai_text_reply",
    "anthropic_text_reply",
    "tool_result_reply",
    "args_from_schema",
    "split_words",
]

OPENAI_TEXT_PREFIX = "Hello from fake OpenAI. You said:"
ANTHROPIC_TEXT_PREFIX = "Hello from fake Anthropic. You said:"
TOOL_RESULT_PREFIX = "The tool returned:"
NAME_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------


class ValidationError(Exception):
    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.message = message
        self.param = param


def split_words(text: str) -> list[str]:
    """Split text into streaming tokens whose concatenation is ``text``."""
    parts = text.split(" ")
    out = [parts[0]] + [" " + p for p in parts[1:]]
    return [p for p in out if p != ""] or [""]


def openai_text_reply(user_text: str) -> str:
    return f"{OPENAI_TEXT_PREFIX} {user_text}".strip()


def anthropic_text_reply(user_text: str) -> str:
    return f"{ANTHROPIC_TEXT_PREFIX} {user_text}".strip()


def tool_result_reply(result_text: str) -> str:
    return f"{TOOL_RESULT_PREFIX} {result_text}".strip()


def numbered_words(n: int) -> str:
    return " ".join(f"tok{i:03d}" for i in range(1, n + 1))


def _value_from_schema(name: str, schema: Any) -> Any:
    if not isinstance(schema, dict):
        return "example"
    if "enum" in schema and isinstance(schema["enum"], list) and schema["enum"]:
        return schema["enum"][0]
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), "string")
    if t == "integer":
        return 1
    if t == "number":
        return 1.5
    if t == "boolean":
        return True
    if t == "array":
        return []
    if t == "object":
        return args_from_schema(schema)
    lname = name.lower()
    if "location" in lname or "city" in lname:
        return "Paris"
    return "example"


def args_from_schema(schema: Any) -> dict:
    """Arguments for a tool call: every required property gets a value."""
    if not isinstance(schema, dict):
        return {}
    props = schema.get("properties") or {}
    required = schema.get("required") or []
    return {name: _value_from_schema(name, props.get(name)) for name in required}


def _fragments(s: str, size: int = 6) -> list[str]:
    return [s[i : i + size] for i in range(0, len(s), size)] or [""]


def _split_points(data: bytes) -> list[bytes]:
    cuts = {3, len(data) - 1}
    for i, b in enumerate(data):
        if b >= 0xC0:  # lead byte of a multi-byte UTF-8 sequence: cut right after it
            cuts.add(i + 1)
            break
    cuts = sorted(c for c in cuts if 0 < c < len(data))
    return [data[a:b] for a, b in zip([0] + cuts, cuts + [len(data)])]


def _count_words(x: Any) -> int:
    if isinstance(x, str):
        return len(x.split())
    if isinstance(x, list):
        return sum(_count_words(i) for i in x)
    if isinstance(x, dict):
        return sum(_count_words(v) for k, v in x.items() if k in ("text", "content", "input", "arguments"))
    return 0


PREAMBLE_TEXT = "Let me check that."
FAIL_RE = re.compile(r"\[\[fail-(\d{3})\]\]")


def make_plan(*, last_role: str, user_text: str, result_text: str | None, tools: list, tools_disabled: bool,
              forced: str | None, default_text: str, reply_words: int | None) -> dict:
    """What a fake answers, shared by both vendors.

    Returns ``{"text": str|None, "tools": [(name, args)], "fail": status|None}``.
    Directives in the last user text steer it:
      ``[[all-tools]]`` call every tool, ``[[preamble]]`` say PREAMBLE_TEXT
      before the tool call(s), ``[[fail-NNN]]`` answer with HTTP NNN.
    """
    m = FAIL_RE.search(user_text or "") if last_role == "user" else None
    if m:
        return {"text": None, "tools": [], "fail": int(m.group(1))}
    if last_role == "tool":
        text = numbered_words(reply_words) if reply_words else tool_result_reply(result_text or "")
        return {"text": text, "tools": [], "fail": None}
    if tools and last_role == "user" and not tools_disabled:
        if forced:
            chosen = [t for t in tools if t[0] == forced]
        elif "[[all-tools]]" in user_text:
            chosen = list(tools)
        else:
            chosen = tools[:1]
        text = PREAMBLE_TEXT if "[[preamble]]" in user_text else None
        return {"text": text, "tools": [(name, args_from_schema(schema)) for name, schema in chosen], "fail": None}
    return {"text": default_text, "tools": [], "fail": None}


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict  # lower-cased names
    raw: bytes
    body: Any  # parsed JSON or None
    received_at: float
    status: int | None = None  # status we answered with
    response: Any = None  # JSON we answered with (non-streaming)
    fault: dict | None = None  # the fault applied to this request, if any

    @property
    def model(self) -> str | None:
        return self.body.get("model") if isinstance(self.body, dict) else None

    def contains(self, marker: str) -> bool:
        return marker.encode() in self.raw


@dataclass
class StreamRecord:
    request: RecordedRequest
    started_at: float
    sent: list = field(default_factory=list)  # [(token, monotonic send time)]
    closed_at: float | None = None  # when client disconnect was detected
    completed: bool = False  # whole reply (incl. stream terminator) was written
    planned_tokens: int = 0
    streaming: bool = True
    cut: bool = False  # broken off on purpose by a cut_*/stall_* fault


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client dropping a keep-alive connection is normal, not an error.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: "_FakeBase"  # set on subclass
    server_version = "fake-upstream/1.0"
    e2e_fault: dict | None = None  # the fault applied to the current request

    def setup(self) -> None:
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.fake.verbose:
            super().log_message(format, *args)

    # -- body reading --------------------------------------------------
    def _read_body(self) -> bytes:
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            chunks = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    # trailers until empty line
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(65537)
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    # -- plain responses -----------------------------------------------
    def send_json(self, status: int, obj: Any, extra_headers: dict | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    # -- streaming -----------------------------------------------------
    def start_stream(self, extra_headers: dict | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.flush()

    def write_chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def end_stream(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def peer_closed(self) -> bool:
        """True if the client has closed its side (EOF / reset)."""
        try:
            r, _, _ = select.select([self.connection], [], [], 0)
            if not r:
                return False
            data = self.connection.recv(1, socket.MSG_PEEK)
            return data == b""
        except (OSError, ValueError):
            return True

    def wait_or_closed(self, delay: float) -> bool:
        """Sleep ``delay`` seconds; return True early if the client went away."""
        deadline = time.monotonic() + delay
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self.peer_closed()
            try:
                r, _, _ = select.select([self.connection], [], [], min(remaining, 0.05))
            except (OSError, ValueError):
                return True
            if r:
                try:
                    data = self.connection.recv(1, socket.MSG_PEEK)
                except OSError:
                    return True
                if data == b"":
                    return True
                # Unexpected data from client (pipelining?): just sleep the rest.
                time.sleep(max(0.0, deadline - time.monotonic()))
                return False

    # -- dispatch ------------------------------------------------------
    def do_POST(self) -> None:  # noqa: N802
        self.fake._handle(self, "POST")

    def do_GET(self) -> None:  # noqa: N802
        self.fake._handle(self, "GET")


def _html_page(status: int) -> bytes:
    return (f"<html>\r\n<head><title>{status} Internal Server Error</title></head>\r\n<body>\r\n"
            f"<center><h1>{status} Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n").encode()


def _send_raw(h: _Handler, status: int, content_type: str, data: bytes, extra_headers: dict | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(data)))
    for k, v in (extra_headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(data)
    h.wfile.flush()


def _send_half_body(h: _Handler, data: bytes | None = None, extra_headers: dict | None = None) -> None:
    """A 200 JSON head announcing the whole body, then half of it, then the connection closes."""
    if data is None:
        data = json.dumps({"id": "cut-body", "object": "chat.completion", "type": "message", "role": "assistant",
                           "content": "this body is cut off halfway", "choices": []}).encode()
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(len(data)))
    for k, v in (extra_headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(data[: len(data) // 2])
    h.wfile.flush()
    h.close_connection = True


def _abort_connection(h: _Handler) -> None:
    """Close the client connection with a TCP RST (SO_LINGER 0) and no response."""
    try:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    h.close_connection = True
    try:
        # The real close happens when the handler's rfile is closed (right after this
        # handler returns), before socketserver's shutdown(SHUT_WR) could send a FIN.
        h.connection.close()
    except OSError:
        pass


class _FakeBase:
    """Common machinery: server thread, recording, stream bookkeeping."""

    name = "fake"

    def __init__(self, api_key: str, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        self.api_key = api_key
        self.host = host
        self.port = port
        self.verbose = verbose
        self.requests: list[RecordedRequest] = []
        self.streams: list[StreamRecord] = []
        self.token_delay: float = 0.0
        self.reply_words: int | None = None
        self.reply_text: str | None = None
        self.response_delay: float = 0.0  # before the first token (stream) or the JSON body
        self.split_writes: bool = False  # write each SSE event in several pieces (mid-UTF-8, mid-line)
        self.replies: list[StreamRecord] = []  # one record per 200 reply, streaming or not
        self.on_send: Callable[[str, float], None] | None = None
        self.fault: dict | None = None
        self.fault_count: int | None = None
        self.model_faults: dict[str, dict] = {}
        self.faulted = 0
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.ssl_context: "ssl.SSLContext | None" = None  # set before start() to serve https

    # -- lifecycle -------------------------------------------------------
    def start(self) -> "_FakeBase":
        handler = type(f"{type(self).__name__}Handler", (_Handler,), {"fake": self})
        self._server = _Server((self.host, self.port), handler)
        if self.ssl_context is not None:
            self._server.socket = self.ssl_context.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name=self.name)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self) -> str:
        return f"{'https' if self.ssl_context else 'http'}://{self.host}:{self.port}"

    def reset(self) -> None:
        """Restore default behaviour (recorded history is kept)."""
        self.token_delay = 0.0
        self.reply_words = None
        self.reply_text = None
        self.response_delay = 0.0
        self.split_writes = False
        self.on_send = None
        with self._lock:
            self.fault = None
            self.fault_count = None
            self.model_faults = {}

    # -- inspection ------------------------------------------------------
    @property
    def sent_log(self) -> list:
        return list(self.streams[-1].sent) if self.streams else []

    @property
    def closed_at(self) -> float | None:
        return self.streams[-1].closed_at if self.streams else None

    def find_requests(self, marker: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.contains(marker)]

    def last_request(self, marker: str) -> RecordedRequest:
        found = self.find_requests(marker)
        assert found, f"{self.name} received no request containing {marker!r} (saw {len(self.requests)} requests)"
        return found[-1]

    def find_streams(self, marker: str) -> list[StreamRecord]:
        with self._lock:
            return [s for s in self.streams if s.request.contains(marker)]

    def find_replies(self, marker: str) -> list[StreamRecord]:
        """Records of all 200 replies (streaming or not) to requests containing marker."""
        with self._lock:
            return [s for s in self.replies if s.request.contains(marker)]

    def requests_for(self, model: str | None = None, marker: str | None = None) -> list[RecordedRequest]:
        """Recorded POSTs (chat requests), optionally only for ``model`` / containing ``marker``."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and (model is None or r.model == model)
                    and (marker is None or r.contains(marker))]

    # -- faults ----------------------------------------------------------
    def _take_fault(self, rec: RecordedRequest) -> dict | None:
        """The fault for this request (consuming one use of a counted fault), or None."""
        with self._lock:
            model = rec.model
            if model is not None and model in self.model_faults:
                f = self.model_faults[model]
                counted_attr = False
            else:
                f = self.fault
                counted_attr = self.fault_count is not None
            if f is None:
                return None
            if counted_attr:
                if self.fault_count <= 0:  # used up: the fault stops
                    self.fault, self.fault_count = None, None
                    return None
                self.fault_count -= 1
                if self.fault_count == 0:
                    self.fault, self.fault_count = None, None
            elif "count" in f:
                if f["count"] <= 0:
                    return None
                f["count"] -= 1
            self.faulted += 1
            rec.fault = dict(f)
            return rec.fault

    def _serve_fault(self, h: _Handler, rec: RecordedRequest) -> bool:
        """Apply this request's fault, if any.  True when the request was fully handled."""
        f = self._take_fault(rec)
        h.e2e_fault = f
        if f is None:
            return False
        streaming = bool(isinstance(rec.body, dict) and rec.body.get("stream"))
        if f.get("hang"):
            rec.status = 0
            h.wait_or_closed(float(f.get("hang_max", 300)))
            h.close_connection = True
            return True
        if f.get("reset"):
            rec.status = 0
            _abort_connection(h)
            return True
        if f.get("html500") or f.get("html"):
            status = int(f.get("status", 500))
            rec.status, rec.response = status, "<html>"
            _send_raw(h, status, "text/html", _html_page(status))
            return True
        if f.get("malformed"):
            kind = f["malformed"]
            rec.status = 200
            if kind == "html":
                rec.response = "<html>"
                _send_raw(h, 200, "text/html; charset=utf-8", _html_page(200))
            elif kind == "truncated":
                rec.response = "truncated"
                _send_raw(h, 200, "application/json", b'{"id": "x-malformed", "object": "chat.completion", "choices": [{"index": 0, "mess')
            else:
                rec.response = {"status": "ok", "result": "this is not a chat completion or a message"}
                _send_raw(h, 200, "application/json", json.dumps(rec.response).encode())
            return True
        if f.get("cut_before_first_byte"):
            rec.status = 200
            if streaming:
                stream = self._new_stream(rec)
                stream.cut = True
                h.start_stream()
                stream.closed_at = time.monotonic()
                h.close_connection = True  # no chunk, no terminating chunk: the stream just ends
            else:
                _send_half_body(h)
            return True
        status = f.get("status")
        if status is None and (f.get("context_length") or f.get("content_policy")):
            status = 400
        if status is not None:
            self._status_fault(h, rec, int(status), f)
            return True
        return False  # cut_after_tokens, stall_after_tokens, slowness: the normal reply applies them

    def _status_fault(self, h: _Handler, rec: RecordedRequest, status: int, f: dict) -> None:
        raise NotImplementedError

    # -- request handling ------------------------------------------------
    def _record(self, h: _Handler, method: str) -> RecordedRequest:
        h.e2e_fault = None
        raw = h._read_body() if method == "POST" else b""
        body = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
        rec = RecordedRequest(
            method=method,
            path=h.path,
            headers={k.lower(): v for k, v in h.headers.items()},
            raw=raw,
            body=body,
            received_at=time.monotonic(),
        )
        with self._lock:
            self.requests.append(rec)
        return rec

    def _handle(self, h: _Handler, method: str) -> None:
        raise NotImplementedError

    def _new_stream(self, rec: RecordedRequest, streaming: bool = True) -> StreamRecord:
        s = StreamRecord(request=rec, started_at=time.monotonic(), streaming=streaming)
        with self._lock:
            self.replies.append(s)
            if streaming:
                self.streams.append(s)
        return s

    def _send_json_reply(self, h: _Handler, rec: RecordedRequest, resp: dict, headers: dict) -> None:
        """Non-streaming 200, after ``response_delay`` (abandoned if the client leaves)."""
        record = self._new_stream(rec, streaming=False)
        rec.status, rec.response = 200, resp
        f = getattr(h, "e2e_fault", None) or {}
        response_delay = f.get("response_delay", self.response_delay)
        if response_delay > 0 and h.wait_or_closed(response_delay):
            record.closed_at = time.monotonic()
            h.close_connection = True
            return
        if "cut_after_tokens" in f or "stall_after_tokens" in f:
            record.cut = True
            try:
                _send_half_body(h, json.dumps(resp).encode(), headers)
                if "stall_after_tokens" in f:
                    h.wait_or_closed(float(f.get("hang_max", 300)))
            except OSError:
                pass
            record.closed_at = time.monotonic()
            h.close_connection = True
            return
        try:
            h.send_json(200, resp, headers)
            record.completed = True
        except OSError:
            record.closed_at = time.monotonic()
            h.close_connection = True

    def _run_stream(self, h: _Handler, stream: StreamRecord, events: list[tuple[bytes, str | None]]) -> None:
        """Write events; those carrying a token are paced by ``token_delay``.

        ``events`` is a list of ``(sse_bytes, token_or_None)``.
        """
        f = getattr(h, "e2e_fault", None) or {}
        delay = f.get("token_delay", self.token_delay)
        first_delay = f.get("response_delay", self.response_delay)
        cut_after = f.get("cut_after_tokens")
        stall_after = f.get("stall_after_tokens")
        split = self.split_writes
        on_send = self.on_send
        first_token = True
        stream.planned_tokens = sum(1 for _, t in events if t is not None)
        try:
            for data, token in events:
                if token is not None and (cut_after is not None or stall_after is not None):
                    if len(stream.sent) >= (cut_after if cut_after is not None else stall_after):
                        stream.cut = True
                        if stall_after is not None and cut_after is None:
                            h.wait_or_closed(float(f.get("hang_max", 300)))
                        stream.closed_at = time.monotonic()
                        h.close_connection = True  # no terminating chunk
                        return
                wait = first_delay if first_token else delay
                if token is not None and wait > 0:
                    if h.wait_or_closed(wait):
                        stream.closed_at = time.monotonic()
                        h.close_connection = True
                        return
                elif h.peer_closed():
                    stream.closed_at = time.monotonic()
                    h.close_connection = True
                    return
                t = time.monotonic()  # taken just before the write: send <= any receive
                if split:
                    # Several TCP writes per event, cutting through the field
                    # name, a multi-byte UTF-8 character and the blank line.
                    for piece in _split_points(data):
                        h.write_chunk(piece)
                        time.sleep(0.002)
                else:
                    h.write_chunk(data)
                if token is not None:
                    stream.sent.append((token, t))
                    first_token = False
                    if on_send is not None:
                        on_send(token, t)
            h.end_stream()
            stream.completed = True
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            stream.closed_at = time.monotonic()
            h.close_connection = True

    def _reply_text(self, default: str) -> str:
        if self.reply_text is not None:
            return self.reply_text
        if self.reply_words:
            return numbered_words(self.reply_words)
        return default


def _text_of_openai_content(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def _text_of_anthropic_content(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")
    return ""


# --------------------------------------------------------------------------
# Fake OpenAI
# --------------------------------------------------------------------------

OPENAI_ALLOWED_PARAMS = {
    "model", "messages", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs",
    "max_tokens", "max_completion_tokens", "n", "presence_penalty", "response_format",
    "seed", "stop", "stream", "stream_options", "temperature", "top_p", "tools",
    "tool_choice", "parallel_tool_calls", "user", "metadata", "store", "service_tier",
    "reasoning_effort", "modalities", "audio", "prediction", "web_search_options",
    "function_call", "functions", "verbosity", "prompt_cache_key", "safety_identifier",
    "moderation", "prompt_cache_options", "prompt_cache_retention",
}
OPENAI_ROLES = {"system", "developer", "user", "assistant", "tool"}


def validate_openai_request(body: Any) -> None:
    """Raise ValidationError the way api.openai.com would reject a request."""
    if not isinstance(body, dict):
        raise ValidationError("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)")
    for k in body:
        if k not in OPENAI_ALLOWED_PARAMS:
            raise ValidationError(f"Unrecognized request argument supplied: {k}", k)
    if not isinstance(body.get("model"), str) or not body["model"]:
        raise ValidationError("you must provide a model parameter", "model")
    msgs = body.get("messages")
    if not isinstance(msgs, list):
        raise ValidationError("Invalid type for 'messages': expected an array.", "messages")
    if not msgs:
        raise ValidationError("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages")

    for key in ("max_tokens", "max_completion_tokens", "n", "seed", "top_logprobs"):
        if key in body and body[key] is not None and (not isinstance(body[key], int) or isinstance(body[key], bool)):
            raise ValidationError(f"Invalid type for '{key}': expected an integer.", key)
    for key in ("max_tokens", "max_completion_tokens"):
        if isinstance(body.get(key), int) and body[key] < 1:
            raise ValidationError(f"Invalid '{key}': integer below minimum value.", key)
    for key, lo, hi in (("temperature", 0, 2), ("top_p", 0, 1), ("frequency_penalty", -2, 2), ("presence_penalty", -2, 2)):
        if key in body and body[key] is not None:
            v = body[key]
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise ValidationError(f"Invalid type for '{key}': expected a decimal.", key)
            if not lo <= v <= hi:
                raise ValidationError(f"Invalid '{key}': decimal out of range [{lo}, {hi}].", key)
    if "n" in body and body["n"] not in (None, 1):
        raise ValidationError("fake OpenAI only supports n=1", "n")
    if "stream" in body and body["stream"] is not None and not isinstance(body["stream"], bool):
        raise ValidationError("Invalid type for 'stream': expected a boolean.", "stream")
    if body.get("stream_options") is not None:
        if not body.get("stream"):
            raise ValidationError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options")
        so = body["stream_options"]
        if not isinstance(so, dict) or any(k not in ("include_usage", "include_obfuscation") for k in so):
            raise ValidationError("Invalid 'stream_options'.", "stream_options")
        if "include_usage" in so and not isinstance(so["include_usage"], bool):
            raise ValidationError("Invalid type for 'stream_options.include_usage': expected a boolean.", "stream_options.include_usage")
    stop = body.get("stop")
    if stop is not None and not isinstance(stop, str):
        if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop) or len(stop) > 4:
            raise ValidationError("Invalid 'stop': expected a string or an array of at most 4 strings.", "stop")

    tools = body.get("tools")
    tool_names: set[str] = set()
    if tools is not None:
        if not isinstance(tools, list):
            raise ValidationError("Invalid type for 'tools': expected an array.", "tools")
        for i, t in enumerate(tools):
            p = f"tools[{i}]"
            if not isinstance(t, dict) or t.get("type") != "function":
                raise ValidationError(f"Invalid value for '{p}.type': expected 'function'.", f"{p}.type")
            extra = set(t) - {"type", "function"}
            if extra:
                raise ValidationError(f"Unrecognized request argument supplied: {p}.{sorted(extra)[0]}", p)
            fn = t.get("function")
            if not isinstance(fn, dict):
                raise ValidationError(f"Missing required parameter: '{p}.function'.", f"{p}.function")
            extra = set(fn) - {"name", "description", "parameters", "strict"}
            if extra:
                raise ValidationError(f"Unrecognized request argument supplied: {p}.function.{sorted(extra)[0]}", f"{p}.function")
            name = fn.get("name")
            if not isinstance(name, str) or not NAME_RE.match(name):
                raise ValidationError(f"Invalid '{p}.function.name': string does not match pattern.", f"{p}.function.name")
            if "description" in fn and not isinstance(fn["description"], str):
                raise ValidationError(f"Invalid type for '{p}.function.description': expected a string.", f"{p}.function.description")
            if "parameters" in fn:
                params = fn["parameters"]
                if not isinstance(params, dict) or (params and params.get("type") != "object"):
                    raise ValidationError(f"Invalid schema for function '{name}': schema must be a JSON Schema of 'type: \"object\"'.", f"{p}.function.parameters")
            tool_names.add(name)
    tc = body.get("tool_choice")
    if tc is not None:
        if tools is None:
            raise ValidationError("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", "tool_choice")
        if isinstance(tc, str):
            if tc not in ("none", "auto", "required"):
                raise ValidationError("Invalid value for 'tool_choice'.", "tool_choice")
        elif isinstance(tc, dict):
            fn = tc.get("function")
            if tc.get("type") != "function" or not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
                raise ValidationError("Invalid value for 'tool_choice'.", "tool_choice")
            if fn["name"] not in tool_names:
                raise ValidationError(f"Invalid value for 'tool_choice': no function named '{fn['name']}' was specified in the 'tools' parameter.", "tool_choice")
        else:
            raise ValidationError("Invalid type for 'tool_choice'.", "tool_choice")

    pending: dict[str, int] = {}  # tool_call_id -> index of assistant message awaiting a response
    seen_ids: set[str] = set()
    for i, m in enumerate(msgs):
        p = f"messages[{i}]"
        if not isinstance(m, dict):
            raise ValidationError(f"Invalid type for '{p}': expected an object.", p)
        role = m.get("role")
        if role not in OPENAI_ROLES:
            raise ValidationError(f"Invalid value: '{role}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'developer'.", f"{p}.role")
        if pending and role != "tool":
            ids = ", ".join(sorted(pending))
            raise ValidationError(f"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {ids}", f"messages.[{i}].role")
        content = m.get("content")
        if role in ("system", "developer", "user", "tool"):
            if content is None:
                raise ValidationError(f"Missing required parameter: '{p}.content'.", f"{p}.content")
        if content is not None and not isinstance(content, (str, list)):
            raise ValidationError(f"Invalid type for '{p}.content': expected one of a string or array of objects.", f"{p}.content")
        if isinstance(content, list):
            allowed = {"system": {"text"}, "developer": {"text"}, "tool": {"text"}, "assistant": {"text", "refusal"}, "user": {"text", "image_url", "input_audio", "file"}}[role]
            for j, part in enumerate(content):
                if not isinstance(part, dict) or part.get("type") not in allowed:
                    raise ValidationError(f"Invalid value for '{p}.content[{j}].type'.", f"{p}.content[{j}].type")
                if part["type"] == "text" and not isinstance(part.get("text"), str):
                    raise ValidationError(f"Missing required parameter: '{p}.content[{j}].text'.", f"{p}.content[{j}].text")
        if role == "assistant":
            tcs = m.get("tool_calls")
            if content is None and not tcs:
                raise ValidationError(f"Missing required parameter: '{p}.content'.", f"{p}.content")
            if tcs is not None:
                if not isinstance(tcs, list) or not tcs:
                    raise ValidationError(f"Invalid '{p}.tool_calls': empty array.", f"{p}.tool_calls")
                for j, call in enumerate(tcs):
                    q = f"{p}.tool_calls[{j}]"
                    if not isinstance(call, dict):
                        raise ValidationError(f"Invalid type for '{q}'.", q)
                    if not isinstance(call.get("id"), str) or not call["id"]:
                        raise ValidationError(f"Missing required parameter: '{q}.id'.", f"{q}.id")
                    if call.get("type") != "function":
                        raise ValidationError(f"Missing required parameter: '{q}.type'.", f"{q}.type")
                    fn = call.get("function")
                    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
                        raise ValidationError(f"Missing required parameter: '{q}.function.name'.", f"{q}.function")
                    if not isinstance(fn.get("arguments"), str):
                        raise ValidationError(f"Invalid type for '{q}.function.arguments': expected a string, but got an object instead.", f"{q}.function.arguments")
                    pending[call["id"]] = i
                    seen_ids.add(call["id"])
        if role == "tool":
            tcid = m.get("tool_call_id")
            if not isinstance(tcid, str):
                raise ValidationError(f"Missing required parameter: '{p}.tool_call_id'.", f"{p}.tool_call_id")
            if tcid not in pending:
                if tcid in seen_ids:
                    raise ValidationError(f"Invalid parameter: duplicate tool message for tool_call_id {tcid}.", f"{p}.tool_call_id")
                raise ValidationError("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", f"{p}.role")
            del pending[tcid]
    if pending:
        ids = ", ".join(sorted(pending))
        raise ValidationError(f"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {ids}", "messages")


class FakeOpenAI(_FakeBase):
    name = "fake-openai"

    def _error(self, h: _Handler, rec: RecordedRequest, status: int, message: str, type_: str, param: str | None, code: str | None) -> None:
        body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
        rec.status, rec.response = status, body
        h.send_json(status, body, {"x-request-id": f"req_{uuid.uuid4().hex}"})

    def _handle(self, h: _Handler, method: str) -> None:
        rec = self._record(h, method)
        path = h.path.split("?")[0]
        if method == "GET" and path == "/v1/models":
            body = {"object": "list", "data": [{"id": "gpt-fake", "object": "model", "created": 0, "owned_by": "fake"}]}
            rec.status, rec.response = 200, body
            h.send_json(200, body)
            return
        if method != "POST" or path != "/v1/chat/completions":
            self._error(h, rec, 404, f"Invalid URL ({method} {path})", "invalid_request_error", None, None)
            return
        auth = h.headers.get("Authorization") or ""
        if auth != f"Bearer {self.api_key}":
            if not auth:
                msg = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
            else:
                msg = "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."
            self._error(h, rec, 401, msg, "invalid_request_error", None, "invalid_api_key")
            return
        if rec.body is None:
            self._error(h, rec, 400, "We could not parse the JSON body of your request.", "invalid_request_error", None, None)
            return
        try:
            validate_openai_request(rec.body)
        except ValidationError as e:
            self._error(h, rec, 400, e.message, "invalid_request_error", e.param, None)
            return
        if self._serve_fault(h, rec):
            return
        self._reply(h, rec)

    # (type, code, message) of OpenAI's errors by status, for faults
    FAULT_ERRORS = {
        400: ("invalid_request_error", None, "Invalid value for 'temperature': decimal above maximum value."),
        401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."),
        403: ("permission_error", "model_access_suspended", "Access to this model has been suspended for your organization."),
        404: ("invalid_request_error", "model_not_found", "The model `{model}` does not exist or you do not have access to it."),
        410: ("invalid_request_error", "model_not_found", "The model `{model}` has been deprecated and is no longer available."),
        429: ("requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again in 1s."),
        451: ("invalid_request_error", "unavailable_for_legal_reasons", "This model is not available in your country, region, or territory for legal reasons."),
        500: ("server_error", None, "The server had an error while processing your request. Sorry about that!"),
        502: ("server_error", None, "Bad gateway."),
        503: ("server_error", None, "The engine is currently overloaded, please try again later."),
        529: ("server_error", "overloaded", "The server is overloaded."),
    }

    def _status_fault(self, h: _Handler, rec: RecordedRequest, status: int, f: dict) -> None:
        model = rec.model or ""
        if f.get("context_length"):
            type_, code = "invalid_request_error", "context_length_exceeded"
            message = ("This model's maximum context length is 1024 tokens. However, your messages resulted in "
                       "5000 tokens. Please reduce the length of the messages.")
            param = "messages"
        elif f.get("content_policy"):
            type_, code = "invalid_request_error", "content_policy_violation"
            message = ("Your request was rejected as a result of our safety system. Your prompt may contain text "
                       "that is not allowed by our safety system.")
            param = None
        else:
            type_, code, message = self.FAULT_ERRORS.get(status, ("server_error", None, f"Error {status}."))
            message = message.format(model=model)
            param = None
        type_ = f.get("type", type_)
        code = f.get("code", code)
        message = f.get("message", message)
        body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
        rec.status, rec.response = status, body
        headers = {"x-request-id": f"req_{uuid.uuid4().hex}"}
        if f.get("retry_after") is not None:
            headers["Retry-After"] = str(f["retry_after"])
        h.send_json(status, body, headers)

    # -- reply construction ----------------------------------------------
    def plan(self, body: dict) -> dict:
        """Decide what to answer (see ``make_plan``)."""
        msgs = body["messages"]
        last = msgs[-1]
        tools = [t["function"] for t in body.get("tools") or []]
        tc = body.get("tool_choice")
        forced = tc["function"]["name"] if isinstance(tc, dict) else None
        user_text = ""
        for m in reversed(msgs):
            if m["role"] == "user":
                user_text = _text_of_openai_content(m.get("content"))
                break
        result_text = _text_of_openai_content(last.get("content")) if last["role"] == "tool" else None
        if last["role"] == "tool":
            # all tool messages answering the latest assistant turn
            results = []
            for m in reversed(msgs):
                if m["role"] != "tool":
                    break
                results.insert(0, _text_of_openai_content(m.get("content")))
            result_text = " ".join(results)
        return make_plan(
            last_role="user" if last["role"] == "user" else ("tool" if last["role"] == "tool" else last["role"]),
            user_text=user_text, result_text=result_text,
            tools=[(t["name"], t.get("parameters")) for t in tools], tools_disabled=(tc == "none"), forced=forced,
            default_text=self._reply_text(openai_text_reply(user_text)), reply_words=self.reply_words)

    def _reply(self, h: _Handler, rec: RecordedRequest) -> None:
        body = rec.body
        plan = self.plan(body)
        if plan["fail"]:
            status = plan["fail"]
            type_, code = {400: ("invalid_request_error", None), 401: ("invalid_request_error", "invalid_api_key"),
                           429: ("requests", "rate_limit_exceeded"), 500: ("server_error", None),
                           503: ("server_error", None)}.get(status, ("server_error", None))
            self._error(h, rec, status, f"fake OpenAI failure {status} (requested by the test)", type_, None, code)
            return
        prompt_tokens = max(1, _count_words(body["messages"]))
        cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        model = body["model"]
        text = plan["text"]
        calls = [(f"call_{uuid.uuid4().hex[:24]}", name, json.dumps(args)) for name, args in plan["tools"]]
        text_tokens = split_words(text) if text else []
        completion_tokens = len(text_tokens) + sum(len(_fragments(a)) + 5 for _, _, a in calls)
        finish = "tool_calls" if calls else "stop"
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
        }
        headers = {"x-request-id": f"req_{uuid.uuid4().hex}", "openai-processing-ms": "1"}

        if not body.get("stream"):
            message = {"role": "assistant", "content": text, "refusal": None, "annotations": []}
            if calls:
                message["tool_calls"] = [{"id": cid_, "type": "function", "function": {"name": n, "arguments": a}} for cid_, n, a in calls]
            resp = {
                "id": cid,
                "object": "chat.completion",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
                "usage": usage,
                "service_tier": "default",
                "system_fingerprint": "fp_fake",
            }
            self._send_json_reply(h, rec, resp, headers)
            return

        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))

        def chunk(delta: dict, finish_reason: str | None = None) -> bytes:
            c = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "service_tier": "default",
                "system_fingerprint": "fp_fake",
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
            }
            if include_usage:
                c["usage"] = None
            return b"data: " + json.dumps(c, ensure_ascii=False).encode() + b"\n\n"

        events: list[tuple[bytes, str | None]] = [(chunk({"role": "assistant", "content": "", "refusal": None}), None)]
        for t in text_tokens:
            events.append((chunk({"content": t}), t))
        for i, (call_id, name, arguments) in enumerate(calls):
            events.append((chunk({"tool_calls": [{"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}), None))
            for t in _fragments(arguments):
                events.append((chunk({"tool_calls": [{"index": i, "function": {"arguments": t}}]}), t))
        events.append((chunk({}, finish), None))
        if include_usage:
            u = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model, "service_tier": "default",
                 "system_fingerprint": "fp_fake", "choices": [], "usage": usage}
            events.append((b"data: " + json.dumps(u).encode() + b"\n\n", None))
        events.append((b"data: [DONE]\n\n", None))
        rec.status = 200
        stream = self._new_stream(rec)
        h.start_stream(headers)
        self._run_stream(h, stream, events)


# --------------------------------------------------------------------------
# Fake Anthropic
# --------------------------------------------------------------------------

ANTHROPIC_ALLOWED_PARAMS = {
    "model", "messages", "max_tokens", "system", "metadata", "stop_sequences", "stream",
    "temperature", "top_p", "top_k", "tools", "tool_choice", "thinking", "service_tier",
    "container", "mcp_servers", "context_management", "cache_control", "diagnostics",
    "inference_geo", "output_config", "output_format", "speed", "user_profile_id", "workspace_id",
}


def validate_anthropic_request(body: Any) -> None:
    """Raise ValidationError the way api.anthropic.com would reject a request."""
    if not isinstance(body, dict):
        raise ValidationError("Input should be a valid dictionary")
    for k in body:
        if k not in ANTHROPIC_ALLOWED_PARAMS:
            raise ValidationError(f"{k}: Extra inputs are not permitted")
    if "model" not in body:
        raise ValidationError("model: Field required")
    if not isinstance(body["model"], str) or not body["model"]:
        raise ValidationError("model: Input should be a valid string")
    if "max_tokens" not in body:
        raise ValidationError("max_tokens: Field required")
    mt = body["max_tokens"]
    if not isinstance(mt, int) or isinstance(mt, bool):
        raise ValidationError("max_tokens: Input should be a valid integer")
    if mt < 1:
        raise ValidationError("max_tokens: Input should be greater than or equal to 1")
    for key, lo, hi in (("temperature", 0, 1), ("top_p", 0, 1)):
        if key in body and body[key] is not None:
            v = body[key]
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise ValidationError(f"{key}: Input should be a valid number")
            if not lo <= v <= hi:
                raise ValidationError(f"{key}: range: {lo}..{hi}")
    if "top_k" in body and body["top_k"] is not None and (not isinstance(body["top_k"], int) or isinstance(body["top_k"], bool)):
        raise ValidationError("top_k: Input should be a valid integer")
    if "stream" in body and not isinstance(body["stream"], bool):
        raise ValidationError("stream: Input should be a valid boolean")
    ss = body.get("stop_sequences")
    if ss is not None and (not isinstance(ss, list) or not all(isinstance(s, str) for s in ss)):
        raise ValidationError("stop_sequences: Input should be a valid list of strings")
    md = body.get("metadata")
    if md is not None and (not isinstance(md, dict) or set(md) - {"user_id"}):
        raise ValidationError("metadata: Extra inputs are not permitted")

    system = body.get("system")
    if system is not None:
        if isinstance(system, list):
            for i, b in enumerate(system):
                if not isinstance(b, dict) or b.get("type") != "text" or not isinstance(b.get("text"), str):
                    raise ValidationError(f"system.{i}: Input should be a valid text block")
                if not b["text"]:
                    raise ValidationError("system: text content blocks must be non-empty")
        elif not isinstance(system, str):
            raise ValidationError("system: Input should be a valid string")

    tools = body.get("tools")
    tool_names: set[str] = set()
    if tools is not None:
        if not isinstance(tools, list):
            raise ValidationError("tools: Input should be a valid list")
        for i, t in enumerate(tools):
            if not isinstance(t, dict):
                raise ValidationError(f"tools.{i}: Input should be a valid dictionary")
            if t.get("type") not in (None, "custom"):
                raise ValidationError(f"tools.{i}.type: Input should be 'custom'")
            extra = set(t) - {"name", "description", "input_schema", "type", "cache_control"}
            if extra:
                raise ValidationError(f"tools.{i}.{sorted(extra)[0]}: Extra inputs are not permitted")
            if not isinstance(t.get("name"), str) or not NAME_RE.match(t["name"]):
                raise ValidationError(f"tools.{i}.name: String should match pattern '^[a-zA-Z0-9_-]{{1,64}}$'")
            if "description" in t and not isinstance(t["description"], str):
                raise ValidationError(f"tools.{i}.description: Input should be a valid string")
            schema = t.get("input_schema")
            if not isinstance(schema, dict):
                raise ValidationError(f"tools.{i}.custom.input_schema: Field required")
            if schema.get("type") != "object":
                raise ValidationError(f"tools.{i}.custom.input_schema.type: Input should be 'object'")
            tool_names.add(t["name"])
    tc = body.get("tool_choice")
    if tc is not None:
        if not isinstance(tc, dict) or tc.get("type") not in ("auto", "any", "tool", "none"):
            raise ValidationError("tool_choice: Input tag does not match any of the expected tags: 'auto', 'any', 'tool', 'none'")
        extra = set(tc) - {"type", "name", "disable_parallel_tool_use"}
        if extra:
            raise ValidationError(f"tool_choice.{sorted(extra)[0]}: Extra inputs are not permitted")
        if tc["type"] == "tool":
            if not isinstance(tc.get("name"), str):
                raise ValidationError("tool_choice.tool.name: Field required")
            if tc["name"] not in tool_names:
                raise ValidationError(f"Tool '{tc['name']}' not found in provided tools")
        if tc["type"] != "none" and tools is None:
            raise ValidationError("tool_choice may only be specified while providing tools.")

    msgs = body.get("messages")
    if not isinstance(msgs, list):
        raise ValidationError("messages: Input should be a valid list")
    if not msgs:
        raise ValidationError("messages: at least one message is required")
    prev_tool_use_ids: set[str] = set()
    for i, m in enumerate(msgs):
        if not isinstance(m, dict):
            raise ValidationError(f"messages.{i}: Input should be a valid dictionary")
        extra = set(m) - {"role", "content"}
        if extra:
            raise ValidationError(f"messages.{i}.{sorted(extra)[0]}: Extra inputs are not permitted")
        role = m.get("role")
        if role not in ("user", "assistant"):
            raise ValidationError(f"messages.{i}.role: Input should be 'user' or 'assistant'")
        if i == 0 and role != "user":
            raise ValidationError('messages: first message must use the "user" role')
        content = m.get("content")
        is_final_assistant = role == "assistant" and i == len(msgs) - 1
        if isinstance(content, str):
            if not content and not is_final_assistant:
                raise ValidationError(f"messages.{i}: all messages must have non-empty content except for the optional final assistant message")
            blocks: list = []
        elif isinstance(content, list):
            if not content and not is_final_assistant:
                raise ValidationError(f"messages.{i}: all messages must have non-empty content except for the optional final assistant message")
            blocks = content
        else:
            raise ValidationError(f"messages.{i}.content: Input should be a valid string or list of content blocks")
        tool_use_ids: set[str] = set()
        result_ids: set[str] = set()
        for j, b in enumerate(blocks):
            p = f"messages.{i}.content.{j}"
            if not isinstance(b, dict):
                raise ValidationError(f"{p}: Input should be a valid dictionary")
            bt = b.get("type")
            if bt == "text":
                if not isinstance(b.get("text"), str):
                    raise ValidationError(f"{p}.text.text: Field required")
                if not b["text"]:
                    raise ValidationError("messages: text content blocks must be non-empty")
                extra = set(b) - {"type", "text", "cache_control", "citations"}
                if extra:
                    raise ValidationError(f"{p}.text.{sorted(extra)[0]}: Extra inputs are not permitted")
            elif bt == "image":
                if role != "user":
                    raise ValidationError(f"{p}: image blocks are only allowed in user messages")
            elif bt == "tool_use":
                if role != "assistant":
                    raise ValidationError(f"{p}: tool_use blocks are only allowed in assistant messages")
                if not isinstance(b.get("id"), str) or not re.match(r"^[a-zA-Z0-9_-]+$", b["id"]):
                    raise ValidationError(f"{p}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'")
                if not isinstance(b.get("name"), str) or not b["name"]:
                    raise ValidationError(f"{p}.tool_use.name: Field required")
                if not isinstance(b.get("input"), dict):
                    raise ValidationError(f"{p}.tool_use.input: Input should be a valid dictionary")
                extra = set(b) - {"type", "id", "name", "input", "cache_control"}
                if extra:
                    raise ValidationError(f"{p}.tool_use.{sorted(extra)[0]}: Extra inputs are not permitted")
                tool_use_ids.add(b["id"])
            elif bt == "tool_result":
                if role != "user":
                    raise ValidationError(f"{p}: tool_result blocks are only allowed in user messages")
                tid = b.get("tool_use_id")
                if not isinstance(tid, str):
                    raise ValidationError(f"{p}.tool_result.tool_use_id: Field required")
                if tid not in prev_tool_use_ids:
                    raise ValidationError(f"{p}: unexpected `tool_use_id` found in `tool_result` blocks: {tid}. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.")
                c = b.get("content")
                if c is not None and not isinstance(c, str):
                    if not isinstance(c, list) or not all(isinstance(x, dict) and x.get("type") in ("text", "image") for x in c):
                        raise ValidationError(f"{p}.tool_result.content: Input should be a valid string or list of text/image blocks")
                    for x in c:
                        if x.get("type") == "text" and not x.get("text"):
                            raise ValidationError("messages: text content blocks must be non-empty")
                if "is_error" in b and not isinstance(b["is_error"], bool):
                    raise ValidationError(f"{p}.tool_result.is_error: Input should be a valid boolean")
                extra = set(b) - {"type", "tool_use_id", "content", "is_error", "cache_control"}
                if extra:
                    raise ValidationError(f"{p}.tool_result.{sorted(extra)[0]}: Extra inputs are not permitted")
                result_ids.add(tid)
            elif bt in ("thinking", "redacted_thinking", "document"):
                pass
            else:
                raise ValidationError(f"{p}.type: Input tag '{bt}' found using 'type' does not match any of the expected tags")
        if prev_tool_use_ids:
            missing = prev_tool_use_ids - result_ids
            if role != "user" or missing:
                raise ValidationError(f"messages.{i - 1}: `tool_use` ids were found without `tool_result` blocks immediately after: {', '.join(sorted(missing or prev_tool_use_ids))}. Each `tool_use` block must have a corresponding `tool_result` block in the next message.")
        prev_tool_use_ids = tool_use_ids
    if prev_tool_use_ids and msgs[-1].get("role") == "assistant" and len(msgs) > 0:
        # An assistant turn ending with tool_use as the final (prefill) message is not allowed either.
        raise ValidationError(f"messages.{len(msgs) - 1}: `tool_use` ids were found without `tool_result` blocks immediately after: {', '.join(sorted(prev_tool_use_ids))}.")
    last = msgs[-1]
    if last.get("role") == "assistant":
        # A prefill (final assistant turn) must not end with whitespace, as on the real API.
        c = last.get("content")
        text = c if isinstance(c, str) else (c[-1].get("text") if c and isinstance(c[-1], dict) and c[-1].get("type") == "text" else None)
        if isinstance(text, str) and text and text != text.rstrip():
            raise ValidationError("messages: final assistant content cannot end with trailing whitespace")


class FakeAnthropic(_FakeBase):
    name = "fake-anthropic"

    def _error(self, h: _Handler, rec: RecordedRequest, status: int, type_: str, message: str) -> None:
        body = {"type": "error", "error": {"type": type_, "message": message}, "request_id": f"req_{uuid.uuid4().hex[:24]}"}
        rec.status, rec.response = status, body
        h.send_json(status, body, {"request-id": body["request_id"]})

    def _handle(self, h: _Handler, method: str) -> None:
        rec = self._record(h, method)
        path = h.path.split("?")[0]
        if method != "POST" or path != "/v1/messages":
            self._error(h, rec, 404, "not_found_error", "Not Found")
            return
        # The API takes the key as x-api-key; current official SDKs send
        # "Authorization: Bearer <key>" instead, which the API also accepts.
        key = h.headers.get("x-api-key")
        if key is None:
            auth = h.headers.get("Authorization") or ""
            if auth.startswith("Bearer "):
                key = auth[len("Bearer "):]
        if key is None:
            self._error(h, rec, 401, "authentication_error", "x-api-key header is required")
            return
        if key != self.api_key:
            self._error(h, rec, 401, "authentication_error", "invalid x-api-key")
            return
        if not h.headers.get("anthropic-version"):
            self._error(h, rec, 400, "invalid_request_error", "anthropic-version: header is required")
            return
        if rec.body is None:
            self._error(h, rec, 400, "invalid_request_error", "There was an error parsing the body of your request")
            return
        try:
            validate_anthropic_request(rec.body)
        except ValidationError as e:
            self._error(h, rec, 400, "invalid_request_error", e.message)
            return
        if self._serve_fault(h, rec):
            return
        self._reply(h, rec)

    # (type, message) of Anthropic's errors by status, for faults
    FAULT_ERRORS = {
        400: ("invalid_request_error", "temperature: Input should be less than or equal to 1"),
        401: ("authentication_error", "invalid x-api-key"),
        403: ("permission_error", "Your API key does not have permission to use the specified resource."),
        404: ("not_found_error", "model: {model}"),
        410: ("not_found_error", "model: {model} has been retired"),
        413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
        429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit."),
        451: ("permission_error", "This service is not available in your region for legal reasons."),
        500: ("api_error", "Internal server error"),
        502: ("api_error", "Bad gateway"),
        503: ("overloaded_error", "Overloaded"),
        529: ("overloaded_error", "Overloaded"),
    }

    def _status_fault(self, h: _Handler, rec: RecordedRequest, status: int, f: dict) -> None:
        if f.get("context_length"):
            type_, message = "invalid_request_error", "prompt is too long: 5000 tokens > 1024 maximum"
        elif f.get("content_policy"):
            type_, message = "invalid_request_error", "Output blocked by content filtering policy"
        else:
            type_, message = self.FAULT_ERRORS.get(status, ("api_error", f"Error {status}"))
            message = message.format(model=rec.model or "")
        type_ = f.get("type", type_)
        message = f.get("message", message)
        body = {"type": "error", "error": {"type": type_, "message": message}, "request_id": f"req_{uuid.uuid4().hex[:24]}"}
        rec.status, rec.response = status, body
        headers = {"request-id": body["request_id"]}
        if f.get("retry_after") is not None:
            headers["retry-after"] = str(f["retry_after"])
        h.send_json(status, body, headers)

    def plan(self, body: dict) -> dict:
        msgs = body["messages"]
        last = msgs[-1]
        tools = body.get("tools") or []
        tc = body.get("tool_choice") or {"type": "auto"}
        blocks = last["content"] if isinstance(last["content"], list) else []
        results = [b for b in blocks if isinstance(b, dict) and b.get("type") == "tool_result"]
        result_text = None
        if last["role"] == "user" and results:
            texts = []
            for r in results:
                c = r.get("content")
                texts.append(c if isinstance(c, str) else _text_of_anthropic_content(c or []))
            result_text = " ".join(texts)
        user_text = ""
        for m in reversed(msgs):
            if m["role"] == "user" and _text_of_anthropic_content(m["content"]):
                user_text = _text_of_anthropic_content(m["content"])
                break
        return make_plan(
            last_role="tool" if result_text is not None else last["role"],
            user_text=user_text if result_text is None else "", result_text=result_text,
            tools=[(t["name"], t.get("input_schema")) for t in tools], tools_disabled=(tc.get("type") == "none"),
            forced=tc.get("name") if tc.get("type") == "tool" else None,
            default_text=self._reply_text(anthropic_text_reply(user_text)), reply_words=self.reply_words)

    def _reply(self, h: _Handler, rec: RecordedRequest) -> None:
        body = rec.body
        plan = self.plan(body)
        if plan["fail"]:
            status = plan["fail"]
            type_ = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
                     429: "rate_limit_error", 500: "api_error", 529: "overloaded_error"}.get(status, "api_error")
            self._error(h, rec, status, type_, f"fake Anthropic failure {status} (requested by the test)")
            return
        input_tokens = max(1, _count_words(body["messages"]) + _count_words(body.get("system") or ""))
        mid = f"msg_{uuid.uuid4().hex[:24]}"
        model = body["model"]
        text = plan["text"]
        uses = [(f"toolu_{uuid.uuid4().hex[:24]}", name, args) for name, args in plan["tools"]]
        text_tokens = split_words(text) if text else []
        output_tokens = len(text_tokens) + sum(len(_fragments(json.dumps(a))) + 5 for _, _, a in uses)
        stop_reason = "tool_use" if uses else "end_turn"
        content = ([{"type": "text", "text": text}] if text else []) + [
            {"type": "tool_use", "id": i, "name": n, "input": a} for i, n, a in uses]
        headers = {"request-id": f"req_{uuid.uuid4().hex[:24]}"}
        usage = {"input_tokens": input_tokens, "output_tokens": output_tokens,
                 "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "service_tier": "standard"}
        if not body.get("stream"):
            resp = {"id": mid, "type": "message", "role": "assistant", "model": model, "content": content,
                    "stop_reason": stop_reason, "stop_sequence": None, "usage": usage}
            self._send_json_reply(h, rec, resp, headers)
            return

        def ev(name: str, data: dict) -> bytes:
            return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()

        start_usage = dict(usage, output_tokens=1)
        events: list[tuple[bytes, str | None]] = [
            (ev("message_start", {"type": "message_start", "message": {
                "id": mid, "type": "message", "role": "assistant", "model": model, "content": [],
                "stop_reason": None, "stop_sequence": None, "usage": start_usage}}), None),
        ]
        index = 0
        if text:
            events.append((ev("content_block_start", {"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}}), None))
            events.append((ev("ping", {"type": "ping"}), None))
            for t in text_tokens:
                events.append((ev("content_block_delta", {"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": t}}), t))
            events.append((ev("content_block_stop", {"type": "content_block_stop", "index": index}), None))
            index += 1
        for tool_id, name, args in uses:
            events.append((ev("content_block_start", {"type": "content_block_start", "index": index, "content_block": {"type": "tool_use", "id": tool_id, "name": name, "input": {}}}), None))
            if index == 0:
                events.append((ev("ping", {"type": "ping"}), None))
            events.append((ev("content_block_delta", {"type": "content_block_delta", "index": index, "delta": {"type": "input_json_delta", "partial_json": ""}}), None))
            for t in _fragments(json.dumps(args)):
                events.append((ev("content_block_delta", {"type": "content_block_delta", "index": index, "delta": {"type": "input_json_delta", "partial_json": t}}), t))
            events.append((ev("content_block_stop", {"type": "content_block_stop", "index": index}), None))
            index += 1
        events.append((ev("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                                            "usage": {"output_tokens": output_tokens}}), None))
        events.append((ev("message_stop", {"type": "message_stop"}), None))
        rec.status = 200
        stream = self._new_stream(rec)
        h.start_stream(headers)
        self._run_stream(h, stream, events)


if __name__ == "__main__":  # pragma: no cover - manual use
    import argparse

    ap = argparse.ArgumentParser(description="Run the fake upstreams in the foreground.")
    ap.add_argument("--openai-port", type=int, default=0)
    ap.add_argument("--anthropic-port", type=int, default=0)
    ap.add_argument("--openai-key", default="sk-fake-openai")
    ap.add_argument("--anthropic-key", default="sk-ant-fake")
    ap.add_argument("--token-delay", type=float, default=0.0)
    a = ap.parse_args()
    o = FakeOpenAI(a.openai_key, port=a.openai_port, verbose=True).start()
    an = FakeAnthropic(a.anthropic_key, port=a.anthropic_port, verbose=True).start()
    o.token_delay = an.token_delay = a.token_delay
    print(f"fake OpenAI: {o.url}/v1  fake Anthropic: {an.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
