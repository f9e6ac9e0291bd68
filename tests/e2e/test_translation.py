"""Cross-vendor translation details beyond the basic round trips.

OpenAI client -> ``via-anthropic`` and Anthropic client -> ``via-openai``:
parallel tool calls, text before a tool call, structured tool results,
developer role, stop sequences, multi-turn history, non-ASCII text split
across upstream TCP writes, and upstream errors.
"""

from __future__ import annotations

import json

import anthropic
import openai
import pytest

from e2e_util import (blocks_as_params, ANTHROPIC_PATH, FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH, TIME_TOOL_ANTHROPIC,
                      TIME_TOOL_OPENAI, WEATHER_TOOL_ANTHROPIC, WEATHER_TOOL_OPENAI, auth_headers, iter_sse, marker,
                      text_of)
from fake_upstreams import PREAMBLE_TEXT, anthropic_text_reply, openai_text_reply, tool_result_reply

STREAM = pytest.mark.parametrize("stream", [False, True], ids=["json", "sse"])
UNICODE_TEXT = "héllo wörld — 世界 🎉 naïve café"


# ----------------------------------------------------------------- helpers


def oai_call(client, stream: bool, **kw):
    """(text, [tool calls as dicts], finish_reason) from an OpenAI-SDK call."""
    if not stream:
        ch = client.chat.completions.create(**kw).choices[0]
        calls = [{"id": t.id, "name": t.function.name, "arguments": t.function.arguments} for t in ch.message.tool_calls or []]
        return ch.message.content or "", calls, ch.finish_reason
    text, calls, finish = "", {}, None
    for c in client.chat.completions.create(stream=True, **kw):
        for ch in c.choices:
            text += ch.delta.content or ""
            for tc in ch.delta.tool_calls or []:
                d = calls.setdefault(tc.index, {"id": None, "name": None, "arguments": ""})
                d["id"] = tc.id or d["id"]
                if tc.function is not None:
                    d["name"] = tc.function.name or d["name"]
                    d["arguments"] += tc.function.arguments or ""
            finish = ch.finish_reason or finish
    return text, [calls[i] for i in sorted(calls)], finish


def ant_call(client, stream: bool, **kw):
    if not stream:
        return client.messages.create(**kw)
    with client.messages.stream(**kw) as s:
        return s.get_final_message()


# ------------------------------------------- OpenAI client -> Anthropic upstream


@STREAM
def test_openai_parallel_tool_calls(openai_client, fake_anthropic, stream):
    mk = marker()
    tools = [WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI]
    msgs = [{"role": "user", "content": f"[[all-tools]] weather and time {mk}"}]
    text, calls, finish = oai_call(openai_client, stream, model="via-anthropic", messages=msgs, tools=tools)
    assert finish == "tool_calls"
    assert [c["name"] for c in calls] == ["get_weather", "get_time"], calls
    assert len({c["id"] for c in calls}) == 2 and all(c["id"] for c in calls)
    assert json.loads(calls[0]["arguments"]) == {"location": "Paris"}
    assert json.loads(calls[1]["arguments"]) == {"timezone": "UTC"}
    msgs += [
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": c["id"], "type": "function", "function": {"name": c["name"], "arguments": c["arguments"]}} for c in calls]},
        {"role": "tool", "tool_call_id": calls[0]["id"], "content": f"W-{mk}"},
        {"role": "tool", "tool_call_id": calls[1]["id"], "content": f"T-{mk}"},
    ]
    text, calls2, finish = oai_call(openai_client, stream, model="via-anthropic", messages=msgs, tools=tools)
    assert finish == "stop" and not calls2
    assert text == tool_result_reply(f"W-{mk} T-{mk}")
    body = fake_anthropic.last_request(f"T-{mk}").body
    asst, last = body["messages"][-2:]
    uses = [b for b in asst["content"] if b["type"] == "tool_use"]
    assert [u["name"] for u in uses] == ["get_weather", "get_time"], asst
    assert last["role"] == "user"
    results = [b for b in last["content"] if b["type"] == "tool_result"]
    assert [r["tool_use_id"] for r in results] == [u["id"] for u in uses], last
    assert [text_of(r["content"]) for r in results] == [f"W-{mk}", f"T-{mk}"]


@STREAM
def test_openai_text_before_tool_call(openai_client, fake_anthropic, stream):
    mk = marker()
    msgs = [{"role": "user", "content": f"[[preamble]] weather {mk}"}]
    text, calls, finish = oai_call(openai_client, stream, model="via-anthropic", messages=msgs, tools=[WEATHER_TOOL_OPENAI])
    assert finish == "tool_calls"
    assert text == PREAMBLE_TEXT
    assert len(calls) == 1 and calls[0]["name"] == "get_weather"
    msgs += [
        {"role": "assistant", "content": text, "tool_calls": [
            {"id": calls[0]["id"], "type": "function", "function": {"name": "get_weather", "arguments": calls[0]["arguments"]}}]},
        {"role": "tool", "tool_call_id": calls[0]["id"], "content": f"R-{mk}"},
    ]
    text2, _, finish = oai_call(openai_client, stream, model="via-anthropic", messages=msgs, tools=[WEATHER_TOOL_OPENAI])
    assert finish == "stop" and text2 == tool_result_reply(f"R-{mk}")
    asst = fake_anthropic.last_request(f"R-{mk}").body["messages"][-2]
    assert asst["role"] == "assistant"
    assert [b["type"] for b in asst["content"]] == ["text", "tool_use"], asst
    assert asst["content"][0]["text"] == PREAMBLE_TEXT


def test_openai_structured_tool_result_and_developer_role(openai_client, fake_anthropic):
    mk = marker()
    r = openai_client.chat.completions.create(model="via-anthropic", tools=[WEATHER_TOOL_OPENAI], messages=[
        {"role": "developer", "content": "Developer instructions."},
        {"role": "user", "content": [{"type": "text", "text": f"weather {mk}"}]}])
    tc = r.choices[0].message.tool_calls[0]
    body = fake_anthropic.last_request(mk).body
    assert "Developer instructions." in text_of(body.get("system")), f"developer message not sent as system: {body}"
    r2 = openai_client.chat.completions.create(model="via-anthropic", tools=[WEATHER_TOOL_OPENAI], messages=[
        {"role": "developer", "content": "Developer instructions."},
        {"role": "user", "content": [{"type": "text", "text": f"weather {mk}"}]},
        {"role": "assistant", "content": None, "tool_calls": [tc.model_dump(include={"id", "type", "function"})]},
        {"role": "tool", "tool_call_id": tc.id, "content": [{"type": "text", "text": f"part-one-{mk}"}]}])
    assert r2.choices[0].message.content == tool_result_reply(f"part-one-{mk}")


def test_openai_multi_turn_and_stop(openai_client, fake_anthropic):
    mk = marker()
    msgs = [{"role": "system", "content": "sys"},
            {"role": "user", "content": "first question"},
            {"role": "assistant", "content": "first answer"},
            {"role": "user", "content": f"second question {mk}"}]
    r = openai_client.chat.completions.create(model="via-anthropic", messages=msgs, stop=["STOP-HERE"])
    assert r.choices[0].message.content == anthropic_text_reply(f"second question {mk}")
    body = fake_anthropic.last_request(mk).body
    assert [(m["role"], text_of(m["content"])) for m in body["messages"]] == [
        ("user", "first question"), ("assistant", "first answer"), ("user", f"second question {mk}")]
    assert body.get("stop_sequences") == ["STOP-HERE"], body


def test_openai_tool_options_mapped(openai_client, fake_anthropic):
    """tool without parameters, tool_choice required/none, parallel_tool_calls, max_completion_tokens."""
    mk = marker()
    r = openai_client.chat.completions.create(
        model="via-anthropic", max_completion_tokens=33, tool_choice="required", parallel_tool_calls=False,
        tools=[{"type": "function", "function": {"name": "ping"}}], messages=[{"role": "user", "content": f"ping {mk}"}])
    tc = r.choices[0].message.tool_calls[0]
    assert tc.function.name == "ping" and json.loads(tc.function.arguments) == {}
    body = fake_anthropic.last_request(mk).body
    assert body["max_tokens"] == 33
    assert body["tools"][0]["input_schema"].get("type") == "object"
    assert body["tool_choice"]["type"] == "any"
    assert body["tool_choice"].get("disable_parallel_tool_use") is True
    mk2 = marker()
    r = openai_client.chat.completions.create(model="via-anthropic", tool_choice="none", tools=[WEATHER_TOOL_OPENAI],
                                              messages=[{"role": "user", "content": f"no tools {mk2}"}])
    assert r.choices[0].finish_reason == "stop" and not r.choices[0].message.tool_calls
    body = fake_anthropic.last_request(mk2).body
    assert body.get("tool_choice") == {"type": "none"} or "tools" not in body, body


# ------------------------------------------- Anthropic client -> OpenAI upstream


@STREAM
def test_anthropic_parallel_tool_use(anthropic_client, fake_openai, stream):
    mk = marker()
    tools = [WEATHER_TOOL_ANTHROPIC, TIME_TOOL_ANTHROPIC]
    msgs = [{"role": "user", "content": f"[[all-tools]] weather and time {mk}"}]
    m = ant_call(anthropic_client, stream, model="via-openai", max_tokens=128, messages=msgs, tools=tools)
    assert m.stop_reason == "tool_use"
    uses = [b for b in m.content if b.type == "tool_use"]
    assert [u.name for u in uses] == ["get_weather", "get_time"], m.content
    assert uses[0].input == {"location": "Paris"} and uses[1].input == {"timezone": "UTC"}
    assert len({u.id for u in uses}) == 2
    msgs += [
        {"role": "assistant", "content": blocks_as_params(m.content)},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": uses[0].id, "content": f"W-{mk}"},
                                     {"type": "tool_result", "tool_use_id": uses[1].id, "content": f"T-{mk}"}]},
    ]
    m2 = ant_call(anthropic_client, stream, model="via-openai", max_tokens=128, messages=msgs, tools=tools)
    assert m2.stop_reason == "end_turn"
    assert "".join(b.text for b in m2.content if b.type == "text") == tool_result_reply(f"W-{mk} T-{mk}")
    body = fake_openai.last_request(f"T-{mk}").body
    asst, t1, t2 = body["messages"][-3:]
    assert [tc["function"]["name"] for tc in asst["tool_calls"]] == ["get_weather", "get_time"]
    assert (t1["role"], t1["tool_call_id"], text_of(t1["content"])) == ("tool", asst["tool_calls"][0]["id"], f"W-{mk}")
    assert (t2["role"], t2["tool_call_id"], text_of(t2["content"])) == ("tool", asst["tool_calls"][1]["id"], f"T-{mk}")


@STREAM
def test_anthropic_text_before_tool_use(anthropic_client, fake_openai, stream):
    mk = marker()
    msgs = [{"role": "user", "content": f"[[preamble]] weather {mk}"}]
    m = ant_call(anthropic_client, stream, model="via-openai", max_tokens=128, messages=msgs, tools=[WEATHER_TOOL_ANTHROPIC])
    assert m.stop_reason == "tool_use"
    assert [b.type for b in m.content] == ["text", "tool_use"], m.content
    assert m.content[0].text == PREAMBLE_TEXT and m.content[1].input == {"location": "Paris"}
    msgs += [
        {"role": "assistant", "content": blocks_as_params(m.content)},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": m.content[1].id,
                                      "content": [{"type": "text", "text": f"R-{mk}"}]}]},
    ]
    m2 = ant_call(anthropic_client, stream, model="via-openai", max_tokens=128, messages=msgs, tools=[WEATHER_TOOL_ANTHROPIC])
    assert m2.content[0].text == tool_result_reply(f"R-{mk}")
    asst = fake_openai.last_request(f"R-{mk}").body["messages"][-2]
    assert asst["role"] == "assistant" and text_of(asst["content"]) == PREAMBLE_TEXT and len(asst["tool_calls"]) == 1


def test_anthropic_tool_options_mapped(anthropic_client, fake_openai):
    mk = marker()
    m = anthropic_client.messages.create(model="via-openai", max_tokens=20, tools=[WEATHER_TOOL_ANTHROPIC],
                                         tool_choice={"type": "any", "disable_parallel_tool_use": True},
                                         messages=[{"role": "user", "content": f"weather {mk}"}])
    assert m.stop_reason == "tool_use"
    body = fake_openai.last_request(mk).body
    assert body["tool_choice"] == "required"
    assert body.get("parallel_tool_calls") is False
    tu = m.content[0]
    mk2 = marker()
    m2 = anthropic_client.messages.create(model="via-openai", max_tokens=20, tools=[WEATHER_TOOL_ANTHROPIC], messages=[
        {"role": "user", "content": f"weather {mk}"},
        {"role": "assistant", "content": blocks_as_params(m.content)},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": tu.id, "content": f"boom-{mk2}", "is_error": True},
                                     {"type": "text", "text": f"and also {mk2}"}]}])
    assert m2.content
    msgs = fake_openai.last_request(mk2).body["messages"]
    assert [x["role"] for x in msgs] == ["user", "assistant", "tool", "user"], msgs
    assert f"boom-{mk2}" in text_of(msgs[2]["content"]) and msgs[2]["tool_call_id"] == msgs[1]["tool_calls"][0]["id"]
    assert text_of(msgs[3]["content"]) == f"and also {mk2}"


def test_anthropic_multi_turn_history(anthropic_client, fake_openai):
    mk = marker()
    m = anthropic_client.messages.create(model="via-openai", max_tokens=64, system="sys", messages=[
        {"role": "user", "content": "first question"},
        {"role": "assistant", "content": [{"type": "text", "text": "first answer"}]},
        {"role": "user", "content": f"second question {mk}"}])
    assert m.content[0].text == openai_text_reply(f"second question {mk}")
    body = fake_openai.last_request(mk).body
    assert [(x["role"], text_of(x["content"])) for x in body["messages"]] == [
        ("system", "sys"), ("user", "first question"), ("assistant", "first answer"), ("user", f"second question {mk}")]


# --------------------------------------------------- non-ASCII, split writes


@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
def test_unicode_split_across_upstream_writes(http, api_key, fake_openai, fake_anthropic, endpoint, alias):
    fake_openai.split_writes = fake_anthropic.split_writes = True
    mk = marker()
    user = f"{UNICODE_TEXT} {mk}"
    expected = openai_text_reply(user) if alias == "via-openai" else anthropic_text_reply(user)
    if endpoint == "openai":
        path, body = OPENAI_PATH, {"model": alias, "stream": True, "messages": [{"role": "user", "content": user}]}
    else:
        path, body = ANTHROPIC_PATH, {"model": alias, "max_tokens": 64, "stream": True, "messages": [{"role": "user", "content": user}]}
    with http.stream("POST", path, json=body, headers=auth_headers(api_key)) as r:
        assert r.status_code == 200, r.read()
        events = list(iter_sse(r))
    text = ""
    for e in events:
        if e.data == "[DONE]":
            continue
        d = e.json()
        if endpoint == "openai":
            text += "".join((c.get("delta") or {}).get("content") or "" for c in d.get("choices") or [])
        elif d.get("type") == "content_block_delta":
            text += d["delta"].get("text", "")
    assert text == expected
    fake = fake_openai if alias == "via-openai" else fake_anthropic
    assert UNICODE_TEXT in text_of(fake.last_request(mk).body["messages"][-1]["content"])


# --------------------------------------------------------- upstream errors


@pytest.mark.parametrize("status", [400, 429, 500])
@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
def test_upstream_error_reported_in_caller_format(http, api_key, endpoint, alias, status):
    mk = marker()
    content = f"[[fail-{status}]] {mk}"
    if endpoint == "openai":
        path, body = OPENAI_PATH, {"model": alias, "messages": [{"role": "user", "content": content}]}
    else:
        path, body = ANTHROPIC_PATH, {"model": alias, "max_tokens": 16, "messages": [{"role": "user", "content": content}]}
    r = http.post(path, json=body, headers=auth_headers(api_key))
    assert r.status_code >= 400, f"upstream {status} answered as {r.status_code}: {r.text[:300]}"
    assert r.headers.get("x-rampart-request-id")
    err_body = r.json()
    if endpoint == "openai":
        assert set(err_body) == {"error"}, err_body
        err = err_body["error"]
        assert isinstance(err.get("type"), str) and "param" in err
    else:
        assert err_body.get("type") == "error", err_body
        err = err_body["error"]
        assert isinstance(err.get("type"), str) and err["type"]
    assert isinstance(err.get("message"), str) and err["message"]
    assert isinstance(err.get("code"), str) and err["code"].startswith("rampart_"), err
    for secret in (FAKE_OPENAI_KEY, FAKE_ANTHROPIC_KEY):
        assert secret not in r.text, "upstream API key leaked into the error response"


@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
def test_upstream_error_on_streaming_request(openai_client, anthropic_client, alias):
    mk = marker()
    with pytest.raises(openai.APIError) as ei:
        for _ in openai_client.chat.completions.create(model=alias, stream=True, messages=[{"role": "user", "content": f"[[fail-500]] {mk}"}]):
            pass
    assert not isinstance(ei.value, openai.APIConnectionError), ei.value
    with pytest.raises(anthropic.APIError) as ei2:
        with anthropic_client.messages.stream(model=alias, max_tokens=16, messages=[{"role": "user", "content": f"[[fail-500]] {mk}"}]) as s:
            s.get_final_message()
    assert not isinstance(ei2.value, anthropic.APIConnectionError), ei2.value
