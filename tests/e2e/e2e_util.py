"""Small helpers shared by the e2e tests (raw HTTP, SSE parsing, timing)."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any, Iterator

try:  # the SDKs bring either httpx or (newer releases) httpx2, same API
    import httpx  # type: ignore
except ImportError:  # pragma: no cover - depends on installed SDK versions
    import httpx2 as httpx  # type: ignore

# Secrets handed to rampart through its environment (config says env:NAME).
RAMPART_TEST_KEY = "rk-e2e-test-4f1c9a27d3"
FAKE_OPENAI_KEY = "sk-fake-openai-8b21e07c55"
FAKE_ANTHROPIC_KEY = "sk-ant-fake-93d6a4f210"
MAX_BODY_BYTES = 65536
ALIASES = ["sim", "sim-slow", "via-openai", "via-anthropic"]
SIM_SLOW_TEXT = "one two three four five six seven eight nine ten"

OPENAI_PATH = "/v1/chat/completions"
ANTHROPIC_PATH = "/v1/messages"

WEATHER_SCHEMA = {
    "type": "object",
    "properties": {"location": {"type": "string", "description": "City name, e.g. Paris"}},
    "required": ["location"],
}
TIME_SCHEMA = {
    "type": "object",
    "properties": {"timezone": {"type": "string", "enum": ["UTC", "Europe/Paris"]}, "verbose": {"type": "boolean"}},
    "required": ["timezone"],
}
WEATHER_TOOL_OPENAI = {"type": "function", "function": {"name": "get_weather", "description": "Get the current weather for a location", "parameters": WEATHER_SCHEMA}}
TIME_TOOL_OPENAI = {"type": "function", "function": {"name": "get_time", "description": "Get the current time", "parameters": TIME_SCHEMA}}
WEATHER_TOOL_ANTHROPIC = {"name": "get_weather", "description": "Get the current weather for a location", "input_schema": WEATHER_SCHEMA}
TIME_TOOL_ANTHROPIC = {"name": "get_time", "description": "Get the current time", "input_schema": TIME_SCHEMA}


def marker() -> str:
    """A unique token to find this test's requests in the fakes' logs."""
    return f"mk{uuid.uuid4().hex[:10]}"


def openai_body(model: str, text: str, **extra: Any) -> dict:
    return {"model": model, "messages": [{"role": "user", "content": text}], **extra}


def anthropic_body(model: str, text: str, max_tokens: int = 256, **extra: Any) -> dict:
    return {"model": model, "max_tokens": max_tokens, "messages": [{"role": "user", "content": text}], **extra}


def auth_headers(key: str | None, style: str = "bearer") -> dict:
    h = {"content-type": "application/json"}
    if key is not None:
        if style == "bearer":
            h["authorization"] = f"Bearer {key}"
        else:
            h["x-api-key"] = key
    return h


def blocks_as_params(content) -> list[dict]:
    """An Anthropic SDK message's content blocks as request params, to send the turn back."""
    out = []
    for b in content:
        if b.type == "text":
            out.append({"type": "text", "text": b.text})
        elif b.type == "tool_use":
            out.append({"type": "tool_use", "id": b.id, "name": b.name, "input": b.input})
    return out


def text_of(content: Any) -> str:
    """Flatten OpenAI/Anthropic content (string or list of text parts/blocks)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return str(content)


@dataclass
class SSEEvent:
    event: str | None
    data: str
    t: float  # time.monotonic() when the bytes completing this event were received

    def json(self) -> Any:
        return json.loads(self.data)


def iter_sse(response: "httpx.Response") -> Iterator[SSEEvent]:
    """Parse SSE from a streaming httpx response as bytes arrive.

    Uses ``iter_raw`` so no decoder/line buffering sits between the socket
    and the timestamp.
    """
    buf = b""
    for chunk in response.iter_raw():
        t = time.monotonic()
        buf += chunk.replace(b"\r\n", b"\n")
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            ev = _parse_block(block.decode("utf-8"), t)
            if ev is not None:
                yield ev
    if buf.strip():
        ev = _parse_block(buf.decode("utf-8"), time.monotonic())
        if ev is not None:
            yield ev


def _parse_block(block: str, t: float) -> SSEEvent | None:
    event = None
    data_lines = []
    for line in block.split("\n"):
        if not line or line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "event":
            event = value
        elif name == "data":
            data_lines.append(value)
    if event is None and not data_lines:
        return None
    return SSEEvent(event=event, data="\n".join(data_lines), t=t)


def stream_text_events(endpoint: str, events: Iterator[SSEEvent]) -> Iterator[tuple[str, float]]:
    """Yield (text_delta, receive_time) from OpenAI- or Anthropic-format SSE."""
    for ev in events:
        if endpoint == "openai":
            if ev.data.strip() == "[DONE]":
                return
            obj = ev.json()
            for ch in obj.get("choices") or []:
                c = (ch.get("delta") or {}).get("content")
                if c:
                    yield c, ev.t
        else:
            obj = ev.json()
            if obj.get("type") == "content_block_delta" and obj["delta"].get("type") == "text_delta":
                if obj["delta"]["text"]:
                    yield obj["delta"]["text"], ev.t
            elif obj.get("type") == "message_stop":
                return
