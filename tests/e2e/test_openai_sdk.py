"""The official OpenAI SDK against Rampart's /v1/chat/completions.

Parametrized over ``sim`` (built-in simulator) and ``via-anthropic``
(OpenAI wire -> Anthropic upstream -> back).
"""

from __future__ import annotations

import json

import openai
import pytest

from e2e_util import FAKE_ANTHROPIC_KEY, TIME_TOOL_OPENAI, WEATHER_TOOL_OPENAI, marker, text_of
from fake_upstreams import anthropic_text_reply

ROUTES = {"sim": "sim/sim-1", "via-anthropic": "fake-anthropic/claude-fake"}
SYSTEM = "You are a terse assistant."

pytestmark = pytest.mark.parametrize("alias", list(ROUTES))


def _assert_upstream_system(fake_anthropic, mk: str) -> dict:
    """The fake Anthropic saw the system prompt as top-level ``system``."""
    rec = fake_anthropic.last_request(mk)
    body = rec.body
    assert rec.headers.get("x-api-key") == FAKE_ANTHROPIC_KEY, rec.headers
    assert rec.headers.get("anthropic-version"), "anthropic-version header missing"
    assert body["model"] == "claude-fake"
    assert text_of(body.get("system")) == SYSTEM, f"system prompt not sent as top-level system: {body}"
    assert all(m["role"] in ("user", "assistant") for m in body["messages"]), body["messages"]
    assert SYSTEM not in json.dumps(body["messages"]), "system prompt leaked into messages"
    return body


def test_chat_non_streaming(openai_client, fake_anthropic, alias):
    mk = marker()
    user = f"Say hello. {mk}"
    raw = openai_client.chat.completions.with_raw_response.create(
        model=alias, messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}])
    assert raw.headers.get("x-rampart-request-id")
    assert raw.headers.get("x-rampart-route") == ROUTES[alias]
    attempts = raw.headers.get("x-rampart-attempts")
    assert attempts is not None and attempts.isdigit() and int(attempts) >= 1, attempts
    c = raw.parse()
    assert c.object == "chat.completion"
    ch = c.choices[0]
    assert ch.message.role == "assistant"
    assert isinstance(ch.message.content, str) and ch.message.content.strip()
    assert ch.finish_reason == "stop"
    assert not ch.message.tool_calls
    u = c.usage
    assert u is not None and u.completion_tokens > 0 and u.prompt_tokens > 0
    assert u.total_tokens == u.prompt_tokens + u.completion_tokens
    if alias == "via-anthropic":
        assert ch.message.content == anthropic_text_reply(user)
        body = _assert_upstream_system(fake_anthropic, mk)
        assert isinstance(body["max_tokens"], int) and body["max_tokens"] > 0
        up = fake_anthropic.last_request(mk).response["usage"]
        assert (u.prompt_tokens, u.completion_tokens) == (up["input_tokens"], up["output_tokens"])
    else:
        again = openai_client.chat.completions.create(
            model=alias, messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}])
        assert again.choices[0].message.content == ch.message.content, "simulator is not deterministic"


def test_chat_max_tokens_forwarded(openai_client, fake_anthropic, alias):
    mk = marker()
    c = openai_client.chat.completions.create(model=alias, max_tokens=77, temperature=0.5,
                                              messages=[{"role": "user", "content": f"hi {mk}"}])
    assert c.choices[0].message.content
    if alias == "via-anthropic":
        body = fake_anthropic.last_request(mk).body
        assert body["max_tokens"] == 77
        assert body.get("temperature") == 0.5


def test_chat_streaming(openai_client, fake_anthropic, alias):
    mk = marker()
    msgs = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Tell me something. {mk}"}]
    full = openai_client.chat.completions.create(model=alias, messages=msgs).choices[0].message.content

    chunks = list(openai_client.chat.completions.create(model=alias, messages=msgs, stream=True,
                                                        stream_options={"include_usage": True}))
    assert chunks, "no chunks"
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    text = "".join((c.choices[0].delta.content or "") for c in chunks if c.choices)
    assert text == full
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finishes == ["stop"], finishes
    usage_chunks = [c for c in chunks if c.usage is not None]
    assert len(usage_chunks) == 1, f"expected exactly one usage chunk, got {len(usage_chunks)}"
    uc = usage_chunks[0]
    assert uc is chunks[-1], "usage chunk must be the last chunk"
    assert uc.choices == []
    assert uc.usage.completion_tokens > 0 and uc.usage.total_tokens == uc.usage.prompt_tokens + uc.usage.completion_tokens
    if alias == "via-anthropic":
        assert text == anthropic_text_reply(f"Tell me something. {mk}")
        body = _assert_upstream_system(fake_anthropic, mk)
        assert body.get("stream") is True


def test_chat_streaming_without_usage_option(openai_client, alias):
    mk = marker()
    chunks = list(openai_client.chat.completions.create(
        model=alias, messages=[{"role": "user", "content": f"hi {mk}"}], stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    # Like OpenAI: without stream_options.include_usage every chunk carries a choice.
    assert all(c.choices for c in chunks), "a chunk without choices was sent although include_usage was not requested"


def _first_turn(mk: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"What's the weather in Paris? {mk}"}]


def _collect_stream(stream) -> tuple[str, dict[int, dict], str | None]:
    text, calls, finish = "", {}, None
    for c in stream:
        for ch in c.choices:
            text += ch.delta.content or ""
            for tc in ch.delta.tool_calls or []:
                d = calls.setdefault(tc.index, {"id": None, "name": None, "arguments": ""})
                if tc.id:
                    d["id"] = tc.id
                if tc.function is not None:
                    if tc.function.name:
                        d["name"] = tc.function.name
                    if tc.function.arguments:
                        d["arguments"] += tc.function.arguments
            if ch.finish_reason:
                finish = ch.finish_reason
    return text, calls, finish


@pytest.mark.parametrize("stream", [False, True], ids=["json", "sse"])
def test_tool_call_round_trip(openai_client, fake_anthropic, alias, stream):
    mk = marker()
    msgs = _first_turn(mk)
    tools = [WEATHER_TOOL_OPENAI]
    if stream:
        _, calls, finish = _collect_stream(openai_client.chat.completions.create(model=alias, messages=msgs, tools=tools, stream=True))
        assert finish == "tool_calls"
        assert list(calls) == [0], calls
        call = calls[0]
        call_id, name, arguments = call["id"], call["name"], call["arguments"]
    else:
        r = openai_client.chat.completions.create(model=alias, messages=msgs, tools=tools)
        ch = r.choices[0]
        assert ch.finish_reason == "tool_calls"
        assert ch.message.tool_calls and len(ch.message.tool_calls) == 1
        tc = ch.message.tool_calls[0]
        assert tc.type == "function"
        call_id, name, arguments = tc.id, tc.function.name, tc.function.arguments
    assert call_id, "tool call without id"
    assert name == "get_weather"
    assert isinstance(arguments, str), "arguments must be a JSON string"
    args = json.loads(arguments)
    assert isinstance(args, dict) and isinstance(args.get("location"), str) and args["location"]

    result = f"Sunny, 21 C, result-{mk}"
    msgs = msgs + [
        {"role": "assistant", "content": None,
         "tool_calls": [{"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}]},
        {"role": "tool", "tool_call_id": call_id, "content": result},
    ]
    if stream:
        text, calls, finish = _collect_stream(openai_client.chat.completions.create(model=alias, messages=msgs, tools=tools, stream=True))
        assert not calls
    else:
        r = openai_client.chat.completions.create(model=alias, messages=msgs, tools=tools)
        text, finish = r.choices[0].message.content, r.choices[0].finish_reason
        assert not r.choices[0].message.tool_calls
    assert finish == "stop"
    assert result in text

    if alias == "via-anthropic":
        body = _assert_upstream_system(fake_anthropic, f"result-{mk}")
        assert body["tools"][0]["name"] == "get_weather"
        assert body["tools"][0]["input_schema"] == WEATHER_TOOL_OPENAI["function"]["parameters"]
        *_, asst, last = body["messages"]
        assert asst["role"] == "assistant"
        uses = [b for b in asst["content"] if b.get("type") == "tool_use"]
        assert len(uses) == 1 and uses[0]["name"] == "get_weather" and uses[0]["input"] == args
        assert last["role"] == "user"
        results = [b for b in last["content"] if b.get("type") == "tool_result"]
        assert len(results) == 1, f"tool message did not become a tool_result block: {last}"
        assert results[0]["tool_use_id"] == uses[0]["id"]
        assert text_of(results[0].get("content")) == result


def test_forced_tool_choice(openai_client, fake_anthropic, alias):
    mk = marker()
    r = openai_client.chat.completions.create(
        model=alias, messages=[{"role": "user", "content": f"What time is it? {mk}"}],
        tools=[WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI], tool_choice={"type": "function", "function": {"name": "get_time"}})
    ch = r.choices[0]
    assert ch.finish_reason == "tool_calls"
    tc = ch.message.tool_calls[0]
    assert tc.function.name == "get_time"
    args = json.loads(tc.function.arguments)
    assert args.get("timezone") in ("UTC", "Europe/Paris")
    if alias == "via-anthropic":
        assert fake_anthropic.last_request(mk).body["tool_choice"] == {"type": "tool", "name": "get_time"}


def test_empty_messages_is_bad_request(openai_client, alias):
    with pytest.raises(openai.BadRequestError) as ei:
        openai_client.chat.completions.create(model=alias, messages=[])
    e = ei.value
    assert e.status_code == 400
    assert e.code == "rampart_invalid_request"
    body = e.response.json()
    assert body["error"]["code"] == "rampart_invalid_request"
    assert "messages" in body["error"]["message"] or body["error"].get("param") == "messages"
    assert e.response.headers.get("x-rampart-request-id")


def test_unknown_model_is_not_found(openai_client, alias):
    with pytest.raises(openai.NotFoundError) as ei:
        openai_client.chat.completions.create(model=f"{alias}-does-not-exist", messages=[{"role": "user", "content": "hi"}])
    e = ei.value
    assert e.status_code == 404
    assert e.code == "rampart_model_not_found"
    assert e.response.json()["error"]["code"] == "rampart_model_not_found"
