"""The official Anthropic SDK against Rampart's /v1/messages.

Parametrized over ``sim`` (built-in simulator) and ``via-openai``
(Anthropic wire -> OpenAI upstream -> back).
"""

from __future__ import annotations

import json

import anthropic
import pytest

from e2e_util import (blocks_as_params, FAKE_OPENAI_KEY, ANTHROPIC_PATH, OPENAI_PATH, TIME_TOOL_ANTHROPIC, WEATHER_TOOL_ANTHROPIC, auth_headers,
                      iter_sse, marker, text_of)
from fake_upstreams import openai_text_reply

ROUTES = {"sim": "sim/sim-1", "via-openai": "fake-openai/gpt-fake"}
SYSTEM = "You are a terse assistant."

pytestmark = pytest.mark.parametrize("alias", list(ROUTES))


def _assert_upstream_system(fake_openai, mk: str) -> dict:
    """The fake OpenAI saw the system prompt as the first, system-role message."""
    rec = fake_openai.last_request(mk)
    body = rec.body
    assert rec.headers.get("authorization") == f"Bearer {FAKE_OPENAI_KEY}"
    assert body["model"] == "gpt-fake"
    first = body["messages"][0]
    assert first["role"] in ("system", "developer") and text_of(first["content"]) == SYSTEM, \
        f"system prompt did not arrive as a system message: {body['messages']}"
    assert all(m["role"] not in ("system", "developer") for m in body["messages"][1:])
    return body


def test_messages_non_streaming(anthropic_client, fake_openai, alias):
    mk = marker()
    user = f"Say hello. {mk}"
    raw = anthropic_client.messages.with_raw_response.create(
        model=alias, max_tokens=256, system=SYSTEM, messages=[{"role": "user", "content": user}])
    assert raw.headers.get("x-rampart-request-id")
    assert raw.headers.get("x-rampart-route") == ROUTES[alias]
    attempts = raw.headers.get("x-rampart-attempts")
    assert attempts is not None and attempts.isdigit() and int(attempts) >= 1, attempts
    m = raw.parse()
    assert m.type == "message" and m.role == "assistant"
    assert m.id
    assert [b.type for b in m.content] == ["text"]
    assert m.content[0].text.strip()
    assert m.stop_reason == "end_turn"
    assert m.usage.output_tokens > 0 and m.usage.input_tokens > 0
    if alias == "via-openai":
        assert m.content[0].text == openai_text_reply(user)
        body = _assert_upstream_system(fake_openai, mk)
        assert 256 in (body.get("max_tokens"), body.get("max_completion_tokens")), body
        up = fake_openai.last_request(mk).response["usage"]
        assert (m.usage.input_tokens, m.usage.output_tokens) == (up["prompt_tokens"], up["completion_tokens"])
    else:
        again = anthropic_client.messages.create(model=alias, max_tokens=256, system=SYSTEM,
                                                 messages=[{"role": "user", "content": user}])
        assert again.content[0].text == m.content[0].text, "simulator is not deterministic"


def test_system_as_text_blocks(anthropic_client, fake_openai, alias):
    mk = marker()
    m = anthropic_client.messages.create(model=alias, max_tokens=64, system=[{"type": "text", "text": SYSTEM}],
                                         messages=[{"role": "user", "content": [{"type": "text", "text": f"hi {mk}"}]}])
    assert m.content[0].text
    if alias == "via-openai":
        _assert_upstream_system(fake_openai, mk)
        assert m.content[0].text == openai_text_reply(f"hi {mk}")


def test_sampling_params_forwarded(anthropic_client, fake_openai, alias):
    mk = marker()
    m = anthropic_client.messages.create(model=alias, max_tokens=77, stop_sequences=["END"], extra_body={"temperature": 0.5},
                                         messages=[{"role": "user", "content": f"hi {mk}"}])
    assert m.content[0].text
    if alias == "via-openai":
        body = fake_openai.last_request(mk).body
        assert 77 in (body.get("max_tokens"), body.get("max_completion_tokens")), body
        assert body.get("temperature") == 0.5
        assert body.get("stop") in (["END"], "END"), body


def test_messages_streaming(anthropic_client, fake_openai, alias):
    mk = marker()
    kwargs = dict(model=alias, max_tokens=256, system=SYSTEM, messages=[{"role": "user", "content": f"Tell me something. {mk}"}])
    full = anthropic_client.messages.create(**kwargs).content[0].text
    with anthropic_client.messages.stream(**kwargs) as s:
        text = "".join(s.text_stream)
        final = s.get_final_message()
    assert text == full
    assert [b.type for b in final.content] == ["text"] and final.content[0].text == text
    assert final.stop_reason == "end_turn"
    assert final.usage.output_tokens > 0, "no output usage reported in the stream"
    if alias == "via-openai":
        assert text == openai_text_reply(f"Tell me something. {mk}")
        body = _assert_upstream_system(fake_openai, mk)
        assert body.get("stream") is True


def test_raw_event_sequence(http, api_key, alias):
    body = {"model": alias, "max_tokens": 64, "stream": True, "messages": [{"role": "user", "content": f"hi {marker()}"}]}
    with http.stream("POST", ANTHROPIC_PATH, json=body, headers=auth_headers(api_key, "x-api-key")) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        assert r.headers.get("x-rampart-request-id")
        events = list(iter_sse(r))
    names = [e.event for e in events]
    for e in events:
        assert e.event == e.json()["type"], f"event: line {e.event!r} does not match data type {e.data[:80]}"
    core = [n for n in names if n != "ping"]
    assert core[0] == "message_start" and core[-2:] == ["message_delta", "message_stop"], names
    blocks = core[1:-2]
    assert blocks and blocks[0] == "content_block_start" and blocks[-1] == "content_block_stop", names
    open_index = None
    for e in events:
        d = e.json()
        if d["type"] == "content_block_start":
            assert open_index is None
            open_index = d["index"]
        elif d["type"] == "content_block_delta":
            assert d["index"] == open_index
        elif d["type"] == "content_block_stop":
            assert d["index"] == open_index
            open_index = None
    start = events[0].json()["message"]
    assert start["role"] == "assistant" and start["content"] == [] and start["type"] == "message"
    delta = [e.json() for e in events if e.event == "message_delta"][0]
    assert delta["delta"]["stop_reason"] == "end_turn"
    assert delta["usage"]["output_tokens"] > 0


@pytest.mark.parametrize("stream", [False, True], ids=["json", "sse"])
def test_tool_use_round_trip(anthropic_client, fake_openai, alias, stream):
    mk = marker()
    msgs = [{"role": "user", "content": f"What's the weather in Paris? {mk}"}]
    kwargs = dict(model=alias, max_tokens=256, system=SYSTEM, tools=[WEATHER_TOOL_ANTHROPIC])
    if stream:
        with anthropic_client.messages.stream(messages=msgs, **kwargs) as s:
            m = s.get_final_message()
    else:
        m = anthropic_client.messages.create(messages=msgs, **kwargs)
    assert m.stop_reason == "tool_use"
    uses = [b for b in m.content if b.type == "tool_use"]
    assert len(uses) == 1, m.content
    tu = uses[0]
    assert tu.id and tu.name == "get_weather"
    assert isinstance(tu.input, dict) and isinstance(tu.input.get("location"), str) and tu.input["location"]
    assert all(b.text for b in m.content if b.type == "text"), "empty text block in response"

    result = f"Sunny, 21 C, result-{mk}"
    msgs = msgs + [
        {"role": "assistant", "content": blocks_as_params(m.content)},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": tu.id, "content": result}]},
    ]
    if stream:
        with anthropic_client.messages.stream(messages=msgs, **kwargs) as s:
            text = "".join(s.text_stream)
            m2 = s.get_final_message()
    else:
        m2 = anthropic_client.messages.create(messages=msgs, **kwargs)
        text = "".join(b.text for b in m2.content if b.type == "text")
    assert m2.stop_reason == "end_turn"
    assert not [b for b in m2.content if b.type == "tool_use"]
    assert result in text

    if alias == "via-openai":
        body = _assert_upstream_system(fake_openai, f"result-{mk}")
        (tool,) = body["tools"]
        assert tool["type"] == "function"
        assert tool["function"]["name"] == "get_weather"
        assert tool["function"].get("description") == WEATHER_TOOL_ANTHROPIC["description"]
        assert tool["function"]["parameters"] == WEATHER_TOOL_ANTHROPIC["input_schema"]
        *_, asst, tool_msg = body["messages"]
        assert asst["role"] == "assistant" and len(asst["tool_calls"]) == 1, asst
        call = asst["tool_calls"][0]
        assert call["type"] == "function" and call["function"]["name"] == "get_weather"
        assert json.loads(call["function"]["arguments"]) == tu.input
        assert tool_msg["role"] == "tool", f"tool_result did not become a tool message: {tool_msg}"
        assert tool_msg["tool_call_id"] == call["id"]
        assert text_of(tool_msg["content"]) == result


def test_forced_tool_choice(anthropic_client, fake_openai, alias):
    mk = marker()
    m = anthropic_client.messages.create(
        model=alias, max_tokens=64, messages=[{"role": "user", "content": f"What time is it? {mk}"}],
        tools=[WEATHER_TOOL_ANTHROPIC, TIME_TOOL_ANTHROPIC], tool_choice={"type": "tool", "name": "get_time"})
    assert m.stop_reason == "tool_use"
    tu = [b for b in m.content if b.type == "tool_use"][0]
    assert tu.name == "get_time" and tu.input.get("timezone") in ("UTC", "Europe/Paris")
    if alias == "via-openai":
        assert fake_openai.last_request(mk).body["tool_choice"] == {"type": "function", "function": {"name": "get_time"}}


def test_empty_messages_is_bad_request(anthropic_client, alias):
    with pytest.raises(anthropic.BadRequestError) as ei:
        anthropic_client.messages.create(model=alias, max_tokens=16, messages=[])
    e = ei.value
    assert e.status_code == 400
    body = e.response.json()
    assert body["type"] == "error"
    assert body["error"]["type"] == "invalid_request_error"
    assert body["error"]["code"] == "rampart_invalid_request"
    assert "messages" in body["error"]["message"]
    assert e.response.headers.get("x-rampart-request-id")


def test_unknown_model_is_not_found(anthropic_client, alias):
    with pytest.raises(anthropic.NotFoundError) as ei:
        anthropic_client.messages.create(model=f"{alias}-does-not-exist", max_tokens=16, messages=[{"role": "user", "content": "hi"}])
    body = ei.value.response.json()
    assert ei.value.status_code == 404
    assert body["type"] == "error" and body["error"]["type"] == "not_found_error"
    assert body["error"]["code"] == "rampart_model_not_found"


def test_openai_endpoint_raw_wire_format(http, api_key, alias):
    """Same alias through the OpenAI endpoint: well-formed SSE ending in [DONE]."""
    body = {"model": alias, "stream": True, "messages": [{"role": "user", "content": f"hi {marker()}"}]}
    with http.stream("POST", OPENAI_PATH, json=body, headers=auth_headers(api_key)) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        events = list(iter_sse(r))
    assert events[-1].data == "[DONE]"
    chunks = [e.json() for e in events[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[0]["choices"][0]["delta"].get("role") == "assistant"
    assert len({c["id"] for c in chunks}) == 1, "chunk ids differ within one stream"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
