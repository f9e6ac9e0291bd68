"""Rampart's own upstream HTTP/1.1 path for non-streaming calls: keep-alive connections, a
connection the provider dropped while idle, chunked and close-delimited answers, and https with
the system's trust roots or a provider's ``ca_file``.

The raw upstream here is a socket server written for these cases, so each test controls exactly
what goes over the wire; the https tests use the fake OpenAI server behind TLS with the
self-signed certificate in ``fixtures/`` (valid for 127.0.0.1 and localhost).
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from pathlib import Path

import pytest

from e2e_util import httpx
from fake_upstreams import FakeOpenAI
from rampart_proc import free_port, start_rampart
from routing_util import FAKE_OPENAI_KEY, assert_error, assert_well_formed_stream, chat, make_config

FIXTURES = Path(__file__).parent / "fixtures"
CERT = FIXTURES / "localhost-cert.pem"
KEY = FIXTURES / "localhost-key.pem"

COMPLETION = json.dumps({
    "id": "chatcmpl-raw", "object": "chat.completion", "created": 1, "model": "raw-model",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "raw upstream says hi"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
}).encode()


class RawUpstream:
    """Answers chat completions over plain sockets, one thread per connection.

    ``answers_per_connection``: after that many answers, the next request that arrives on the same
    connection is read and the connection closed without a byte of answer (a provider dropping an
    idle keep-alive connection just as a request comes in). ``mode`` picks the framing:
    ``length`` (content-length, keep-alive), ``chunked`` or ``close`` (no length, the body ends
    when the connection does).
    """

    def __init__(self, answers_per_connection: int = 1_000, mode: str = "length"):
        self.answers_per_connection = answers_per_connection
        self.mode = mode
        self.connections = 0
        self.requests = 0
        self.dropped = 0
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket, buffer: bytes) -> tuple[bytes | None, bytes]:
        while b"\r\n\r\n" not in buffer:
            data = conn.recv(65536)
            if not data:
                return None, buffer
            buffer += data
        head, rest = buffer.split(b"\r\n\r\n", 1)
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
        while len(rest) < length:
            data = conn.recv(65536)
            if not data:
                return None, b""
            rest += data
        return head + b"\r\n\r\n" + rest[:length], rest[length:]

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        answered = 0
        with conn:
            while True:
                request, buffer = self._read_request(conn, buffer)
                if request is None:
                    return
                with self.lock:
                    self.requests += 1
                if answered >= self.answers_per_connection:
                    with self.lock:
                        self.dropped += 1
                    return  # closes without answering
                answered += 1
                if self.mode == "length":
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(COMPLETION) + COMPLETION)
                elif self.mode == "chunked":
                    half = len(COMPLETION) // 2
                    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (COMPLETION[:half], COMPLETION[half:]))
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
                else:
                    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n" + COMPLETION)
                    return

    def close(self) -> None:
        self.listener.close()


def rampart_for(tmp_path: Path, providers: list[dict]):
    models = [{"alias": p["id"], "targets": [{"provider": p["id"], "model": "raw-model"}]} for p in providers]
    port = free_port()
    return start_rampart(tmp_path, make_config(port, tmp_path / "state", providers=providers, models=models), port=port)


def provider(pid: str, url: str, **extra) -> dict:
    return {"id": pid, "kind": "openai", "base_url": url, "api_key": "k", **extra}


def test_a_connection_the_provider_dropped_is_replaced_and_answers_keep_their_framing(tmp_path):
    dropping, chunked, closing = RawUpstream(answers_per_connection=1), RawUpstream(mode="chunked"), RawUpstream(mode="close")
    rampart = rampart_for(tmp_path, [provider("dropping", dropping.url), provider("chunked", chunked.url), provider("closing", closing.url)])
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            for alias in ("dropping", "chunked", "closing"):
                for _ in range(3):
                    reply = chat(http, "openai", alias)
                    assert reply.status == 200, reply.text
                    assert reply.json["choices"][0]["message"]["content"] == "raw upstream says hi"
                    assert reply.json["usage"]["total_tokens"] == 7
        # Each request after the first found its kept connection dropped and went again on a new one.
        assert dropping.dropped == 2 and dropping.connections == 3 and dropping.requests == 5
        assert chunked.connections == 1, "chunked answers keep the connection"
        assert closing.connections == 3, "a close-delimited answer ends its connection"
    finally:
        rampart.stop()
        for upstream in (dropping, chunked, closing):
            upstream.close()


@pytest.fixture()
def tls_fake():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(CERT, KEY)
    fake = FakeOpenAI(api_key=FAKE_OPENAI_KEY)
    fake.ssl_context = context
    fake.start()
    yield fake
    fake.stop()


def test_https_providers_verify_the_certificate_against_ca_file_or_the_system(tmp_path, tls_fake):
    url = f"{tls_fake.url}/v1"
    rampart = rampart_for(tmp_path, [
        {"id": "trusted", "kind": "openai", "base_url": url, "api_key": FAKE_OPENAI_KEY, "ca_file": str(CERT)},
        {"id": "by-name", "kind": "openai", "base_url": url.replace("127.0.0.1", "localhost"), "api_key": FAKE_OPENAI_KEY,
         "ca_file": str(CERT)},
        {"id": "untrusted", "kind": "openai", "base_url": url, "api_key": FAKE_OPENAI_KEY},
    ])
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            for alias in ("trusted", "by-name"):
                assert chat(http, "openai", alias).status == 200
                streamed = chat(http, "openai", alias, stream=True)
                assert_well_formed_stream(streamed)
                assert streamed.text.startswith("Hello from fake OpenAI")
            for stream in (False, True):
                refused = chat(http, "openai", "untrusted", stream=stream)
                assert_error(refused, 502, "rampart_upstream_unavailable")
                message = refused.json["error"]["message"]
                assert "certificate is not trusted" in message and "ca_file" in message and ".build" not in message, message
    finally:
        rampart.stop()


def test_ca_file_is_checked_when_the_config_loads(tmp_path):
    from rampart_proc import rampart_bin
    import subprocess

    config = tmp_path / "rampart.yaml"
    config.write_text(make_config(free_port(), tmp_path / "state", models=[{"alias": "a", "targets": [{"provider": "p", "model": "m"}]}],
                                  providers=[provider("p", "https://127.0.0.1:1/v1", ca_file=str(tmp_path / "missing.pem"))]))
    result = subprocess.run([str(rampart_bin()), "config", "validate", str(config)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "providers[0].ca_file" in result.stdout + result.stderr and "missing.pem" in result.stdout + result.stderr
