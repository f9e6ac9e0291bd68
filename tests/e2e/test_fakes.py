"""Self-checks: the fake upstreams, driven directly by the official SDKs.

These prove that the fakes produce wire formats the real SDK parsers accept
and that their validation rejects what the real APIs reject.  They do not
need the rampart binary.
"""

from __future__ import annotations

import json
import time

import anthropic
import openai
import pytest

from e2e_util import (FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, WEATHER_TOOL_ANTHROPIC, WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI, TIME_TOOL_ANTHROPIC,
                      httpx, iter_sse, marker, stream_text_events)
from fake_upstreams import PREAMBLE_TEXT, anthropic_text_reply, openai_text_reply, tool_result_reply


@pytest.fixture
def oai(fake_openai):
    c = openai.OpenAI(base_url=f"{fake_openai.url}/v1", api_key=FAKE_OPENAI_KEY, max_retries=0, timeout=10)
    yield c
    c.close()


@pytest.fixture
def ant(fake_anthropic):
    c = anthropic.Anthropic(base_url=fake_anthropic.url, api_key=FAKE_ANTHROPIC_KEY, max_retries=0, timeout=10)
    yield c
    c.close()


# ------------------------------ fake OpenAI ------------------------------


def test_fake_openai_text(oai, fake_openai):
    mk = marker()
    r = oai.chat.completions.create(model="gpt-fake", messages=[{"role": "system", "content": "be nice"}, {"role": "user", "content": f"hi {mk}"}])
    assert r.choices[0].message.content == openai_text_reply(f"hi {mk}")
    assert r.choices[0].finish_reason == "stop"
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens > 0
    rec = fake_openai.last_request(mk)
    assert rec.headers["authorization"] == f"Bearer {FAKE_OPENAI_KEY}"
    assert rec.body["messages"][0] == {"role": "system", "content": "be nice"}


def test_fake_openai_stream_with_usage(oai):
    mk = marker()
    chunks = list(oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": mk}], stream=True,
                                              stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == openai_text_reply(mk)
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0


def test_fake_openai_streaming_tool_round_trip(oai):
    mk = marker()
    msgs = [{"role": "user", "content": f"weather in Paris? {mk}"}]
    calls: dict[int, dict] = {}
    finish = None
    for c in oai.chat.completions.create(model="gpt-fake", messages=msgs, tools=[WEATHER_TOOL_OPENAI], stream=True):
        for ch in c.choices:
            for tc in ch.delta.tool_calls or []:
                d = calls.setdefault(tc.index, {"id": None, "name": None, "arguments": ""})
                if tc.id:
                    d["id"] = tc.id
                if tc.function and tc.function.name:
                    d["name"] = tc.function.name
                if tc.function and tc.function.arguments:
                    d["arguments"] += tc.function.arguments
            finish = ch.finish_reason or finish
    assert finish == "tool_calls"
    call = calls[0]
    assert call["id"].startswith("call_") and call["name"] == "get_weather"
    assert json.loads(call["arguments"]) == {"location": "Paris"}
    msgs += [
        {"role": "assistant", "content": None, "tool_calls": [{"id": call["id"], "type": "function", "function": {"name": call["name"], "arguments": call["arguments"]}}]},
        {"role": "tool", "tool_call_id": call["id"], "content": "sunny 21C"},
    ]
    r = oai.chat.completions.create(model="gpt-fake", messages=msgs, tools=[WEATHER_TOOL_OPENAI])
    assert r.choices[0].message.content == tool_result_reply("sunny 21C")


def test_fake_openai_forced_tool_choice(oai):
    r = oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "time?"}], tools=[WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI],
                                    tool_choice={"type": "function", "function": {"name": "get_time"}})
    tc = r.choices[0].message.tool_calls[0]
    assert tc.function.name == "get_time" and json.loads(tc.function.arguments) == {"timezone": "UTC"}


@pytest.mark.parametrize("messages,needle", [
    ([], "empty array"),
    ([{"role": "tool", "tool_call_id": "call_x", "content": "r"}], "preceeding message with 'tool_calls'"),
    ([{"role": "user", "content": "q"}, {"role": "assistant", "content": None,
      "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
      {"role": "user", "content": "no result"}], "must be followed by tool messages"),
    ([{"role": "user", "content": "q"}, {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": {"a": 1}}}]},
      {"role": "tool", "tool_call_id": "call_1", "content": "r"}], "expected a string"),
    ([{"role": "model", "content": "x"}], "Supported values"),
])
def test_fake_openai_rejects_invalid(oai, messages, needle):
    with pytest.raises(openai.BadRequestError) as ei:
        oai.chat.completions.create(model="gpt-fake", messages=messages)
    assert needle in ei.value.message


def test_fake_openai_rejects_unknown_param_and_bad_key(oai, fake_openai):
    with pytest.raises(openai.BadRequestError) as ei:
        oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "x"}], extra_body={"system": "s"})
    assert "Unrecognized request argument" in ei.value.message
    with pytest.raises(openai.BadRequestError):
        oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "x"}], stream_options={"include_usage": True})
    bad = openai.OpenAI(base_url=f"{fake_openai.url}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "x"}])


# ------------------------------ fake Anthropic ------------------------------


def test_fake_anthropic_text(ant, fake_anthropic):
    mk = marker()
    m = ant.messages.create(model="claude-fake", max_tokens=100, system="be nice", messages=[{"role": "user", "content": f"hi {mk}"}])
    assert m.content[0].type == "text" and m.content[0].text == anthropic_text_reply(f"hi {mk}")
    assert m.stop_reason == "end_turn" and m.usage.output_tokens > 0
    rec = fake_anthropic.last_request(mk)
    assert rec.headers["authorization"] == f"Bearer {FAKE_ANTHROPIC_KEY}" and rec.headers.get("anthropic-version")


def test_fake_anthropic_stream_text(ant):
    mk = marker()
    with ant.messages.stream(model="claude-fake", max_tokens=100, messages=[{"role": "user", "content": mk}]) as s:
        text = "".join(s.text_stream)
        final = s.get_final_message()
    assert text == anthropic_text_reply(mk) == final.content[0].text
    assert final.stop_reason == "end_turn" and final.usage.output_tokens > 1


def test_fake_anthropic_streaming_tool_round_trip(ant):
    mk = marker()
    msgs = [{"role": "user", "content": f"weather in Paris? {mk}"}]
    with ant.messages.stream(model="claude-fake", max_tokens=100, messages=msgs, tools=[WEATHER_TOOL_ANTHROPIC]) as s:
        final = s.get_final_message()
    assert final.stop_reason == "tool_use"
    tu = [b for b in final.content if b.type == "tool_use"][0]
    assert tu.name == "get_weather" and tu.input == {"location": "Paris"} and tu.id.startswith("toolu_")
    msgs += [
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in final.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": tu.id, "content": "sunny 21C"}]},
    ]
    m = ant.messages.create(model="claude-fake", max_tokens=100, messages=msgs, tools=[WEATHER_TOOL_ANTHROPIC])
    assert m.content[0].text == tool_result_reply("sunny 21C") and m.stop_reason == "end_turn"


def test_fake_anthropic_forced_tool_choice(ant):
    m = ant.messages.create(model="claude-fake", max_tokens=50, messages=[{"role": "user", "content": "time?"}],
                            tools=[WEATHER_TOOL_ANTHROPIC, TIME_TOOL_ANTHROPIC], tool_choice={"type": "tool", "name": "get_time"})
    assert m.content[0].name == "get_time" and m.content[0].input == {"timezone": "UTC"}


@pytest.mark.parametrize("kwargs,needle", [
    (dict(messages=[]), "at least one message"),
    (dict(messages=[{"role": "assistant", "content": "x"}]), "first message"),
    (dict(messages=[{"role": "system", "content": "x"}]), "role"),
    (dict(messages=[{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "r"}]}]), "tool_use_id"),
    (dict(messages=[{"role": "user", "content": "q"}, {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}]},
                    {"role": "user", "content": "no result"}]), "without `tool_result`"),
    (dict(messages=[{"role": "user", "content": [{"type": "text", "text": ""}]}]), "non-empty"),
    (dict(messages=[{"role": "user", "content": "q"}], tools=[{"name": "f", "parameters": {"type": "object"}}]), "tools.0"),
    (dict(messages=[{"role": "user", "content": "q"}], extra_body={"stream_options": {"include_usage": True}}), "Extra inputs"),
])
def test_fake_anthropic_rejects_invalid(ant, kwargs, needle):
    with pytest.raises(anthropic.BadRequestError) as ei:
        ant.messages.create(model="claude-fake", max_tokens=10, **kwargs)
    assert needle in str(ei.value)


def test_fake_anthropic_headers_and_max_tokens(fake_anthropic):
    body = {"model": "claude-fake", "messages": [{"role": "user", "content": "x"}]}
    with httpx.Client(base_url=fake_anthropic.url, timeout=5) as c:
        r = c.post("/v1/messages", json=body, headers={"x-api-key": FAKE_ANTHROPIC_KEY, "anthropic-version": "2023-06-01"})
        assert r.status_code == 400 and "max_tokens" in r.json()["error"]["message"]
        r = c.post("/v1/messages", json=dict(body, max_tokens=5), headers={"x-api-key": FAKE_ANTHROPIC_KEY})
        assert r.status_code == 400 and "anthropic-version" in r.json()["error"]["message"]
        r = c.post("/v1/messages", json=dict(body, max_tokens=5), headers={"x-api-key": "nope", "anthropic-version": "2023-06-01"})
        assert r.status_code == 401 and r.json()["error"]["type"] == "authentication_error"


def test_fake_anthropic_raw_event_sequence(fake_anthropic):
    body = {"model": "claude-fake", "max_tokens": 10, "stream": True, "messages": [{"role": "user", "content": "a b c"}]}
    with httpx.Client(base_url=fake_anthropic.url, timeout=5) as c:
        with c.stream("POST", "/v1/messages", json=body, headers={"x-api-key": FAKE_ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}) as r:
            evs = list(iter_sse(r))
    names = [e.event for e in evs]
    assert names[0] == "message_start" and names[-1] == "message_stop" and "ping" in names
    assert all(e.event == e.json()["type"] for e in evs)


# ------------------------------ timing & disconnect hooks ------------------------------


def test_fake_stream_pacing_and_disconnect_detection(fake_openai):
    fake_openai.token_delay = 0.1
    fake_openai.reply_words = 50
    mk = marker()
    body = {"model": "gpt-fake", "stream": True, "messages": [{"role": "user", "content": mk}]}
    client = httpx.Client(base_url=fake_openai.url, timeout=5)
    with client.stream("POST", "/v1/chat/completions", json=body, headers={"authorization": f"Bearer {FAKE_OPENAI_KEY}"}) as r:
        got = []
        for ev in iter_sse(r):
            delta = ev.json()["choices"][0]["delta"].get("content")
            if delta:
                got.append((delta, ev.t))
            if len(got) == 3:
                break
        t_close = time.monotonic()
    client.close()
    (stream,) = fake_openai.find_streams(mk)
    deadline = time.monotonic() + 2
    while stream.closed_at is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert stream.closed_at is not None, "fake did not notice the client closing"
    assert stream.closed_at - t_close < 0.3
    assert not stream.completed and len(stream.sent) < 10
    # Tokens were paced and recorded against the same clock as our receive times.
    sent = dict(stream.sent)
    for tok, t_recv in got:
        assert 0 <= t_recv - sent[tok] < 0.05
    assert stream.sent[2][1] - stream.sent[1][1] >= 0.09


# ------------------------------ directives & knobs ------------------------------


def test_fake_openai_preamble_and_all_tools_streaming(oai):
    calls: dict[int, dict] = {}
    text = ""
    for c in oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "[[preamble]] [[all-tools]]"}],
                                         tools=[WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI], stream=True):
        for ch in c.choices:
            text += ch.delta.content or ""
            for tc in ch.delta.tool_calls or []:
                d = calls.setdefault(tc.index, {"id": None, "name": None, "arguments": ""})
                d["id"] = tc.id or d["id"]
                d["name"] = (tc.function.name if tc.function else None) or d["name"]
                d["arguments"] += (tc.function.arguments if tc.function else None) or ""
    assert text == PREAMBLE_TEXT
    assert [calls[i]["name"] for i in sorted(calls)] == ["get_weather", "get_time"]
    assert json.loads(calls[1]["arguments"]) == {"timezone": "UTC"}
    msgs = [{"role": "user", "content": "[[all-tools]]"},
            {"role": "assistant", "content": text, "tool_calls": [
                {"id": c["id"], "type": "function", "function": {"name": c["name"], "arguments": c["arguments"]}} for c in calls.values()]},
            {"role": "tool", "tool_call_id": calls[0]["id"], "content": "R1"},
            {"role": "tool", "tool_call_id": calls[1]["id"], "content": "R2"}]
    r = oai.chat.completions.create(model="gpt-fake", messages=msgs, tools=[WEATHER_TOOL_OPENAI, TIME_TOOL_OPENAI])
    assert r.choices[0].message.content == tool_result_reply("R1 R2")


def test_fake_anthropic_preamble_and_all_tools_streaming(ant):
    with ant.messages.stream(model="claude-fake", max_tokens=50, messages=[{"role": "user", "content": "[[preamble]] [[all-tools]]"}],
                             tools=[WEATHER_TOOL_ANTHROPIC, TIME_TOOL_ANTHROPIC]) as s:
        m = s.get_final_message()
    assert [b.type for b in m.content] == ["text", "tool_use", "tool_use"]
    assert m.content[0].text == PREAMBLE_TEXT and m.content[2].input == {"timezone": "UTC"}
    msgs = [{"role": "user", "content": "[[all-tools]]"},
            {"role": "assistant", "content": [b.model_dump(include={"type", "text", "id", "name", "input"}) for b in m.content]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": m.content[1].id, "content": "R1"},
                                         {"type": "tool_result", "tool_use_id": m.content[2].id, "content": [{"type": "text", "text": "R2"}]}]}]
    r = ant.messages.create(model="claude-fake", max_tokens=50, messages=msgs, tools=[WEATHER_TOOL_ANTHROPIC, TIME_TOOL_ANTHROPIC])
    assert r.content[0].text == tool_result_reply("R1 R2")


def test_fake_fail_directives(oai, ant):
    with pytest.raises(openai.RateLimitError):
        oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "[[fail-429]]"}])
    with pytest.raises(openai.InternalServerError):
        oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "[[fail-500]]"}])
    with pytest.raises(anthropic.InternalServerError) as ei:
        ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "[[fail-529]]"}])
    assert ei.value.status_code == 529


def test_fake_split_writes_unicode(oai, ant, fake_openai, fake_anthropic):
    text = "héllo wörld 世界 🎉 naïve"
    fake_openai.split_writes = fake_anthropic.split_writes = True
    got = "".join(c.choices[0].delta.content or "" for c in oai.chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": text}], stream=True) if c.choices)
    assert got == openai_text_reply(text)
    with ant.messages.stream(model="claude-fake", max_tokens=50, messages=[{"role": "user", "content": text}]) as s:
        assert "".join(s.text_stream) == anthropic_text_reply(text)


def test_fake_response_delay_non_streaming_disconnect(fake_anthropic):
    fake_anthropic.response_delay = 3.0
    mk = marker()
    body = {"model": "claude-fake", "max_tokens": 5, "messages": [{"role": "user", "content": mk}]}
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{fake_anthropic.url}/v1/messages", json=body, timeout=0.3,
                   headers={"x-api-key": FAKE_ANTHROPIC_KEY, "anthropic-version": "2023-06-01"})
    t_close = time.monotonic()
    (rec,) = fake_anthropic.find_replies(mk)
    deadline = time.monotonic() + 2
    while rec.closed_at is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert rec.closed_at is not None and rec.closed_at - t_close < 0.3 and not rec.completed and not rec.streaming


# ------------------------------ fault knobs ------------------------------
# Faults steer a fake by fake and model, never by message text, so that the same
# request can fail on a primary and succeed on a fallback.

OAI_HEADERS = {"authorization": f"Bearer {FAKE_OPENAI_KEY}"}
ANT_HEADERS = {"x-api-key": FAKE_ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}


def _raw(fake, vendor: str, mk: str, stream: bool = False, model: str | None = None, timeout: float = 5.0):
    if vendor == "openai":
        url, headers = f"{fake.url}/v1/chat/completions", OAI_HEADERS
        body = {"model": model or "gpt-fake", "messages": [{"role": "user", "content": f"one two three four {mk}"}]}
    else:
        url, headers = f"{fake.url}/v1/messages", ANT_HEADERS
        body = {"model": model or "claude-fake", "max_tokens": 50, "messages": [{"role": "user", "content": f"one two three four {mk}"}]}
    if stream:
        body["stream"] = True
    return httpx.post(url, json=body, headers=headers, timeout=timeout)


@pytest.fixture(params=["openai", "anthropic"])
def vendor_fake(request, fake_openai, fake_anthropic):
    return request.param, (fake_openai if request.param == "openai" else fake_anthropic)


def test_fault_status_vendor_shapes(oai, ant, fake_openai, fake_anthropic):
    fake_openai.fault = {"status": 403, "message": "model suspended"}
    with pytest.raises(openai.PermissionDeniedError) as ei:
        oai.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == 403 and "model suspended" in str(ei.value)
    fake_anthropic.fault = {"status": 403, "message": "model suspended"}
    with pytest.raises(anthropic.PermissionDeniedError) as ei2:
        ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert ei2.value.body["error"] == {"type": "permission_error", "message": "model suspended"}
    fake_anthropic.fault = {"status": 529}
    with pytest.raises(anthropic.InternalServerError) as ei3:
        ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert ei3.value.status_code == 529 and ei3.value.body["error"]["type"] == "overloaded_error"
    for status, exc in ((401, anthropic.AuthenticationError), (404, anthropic.NotFoundError), (451, anthropic.APIStatusError)):
        fake_anthropic.fault = {"status": status}
        with pytest.raises(exc) as ei4:
            ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
        assert ei4.value.status_code == status


def test_fault_retry_after(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"status": 429, "retry_after": 2}
    r = _raw(fake, vendor, marker())
    assert r.status_code == 429 and r.headers["retry-after"] == "2"


def test_fault_context_length_and_content_policy(fake_openai, fake_anthropic):
    fake_openai.fault = {"context_length": True}
    r = _raw(fake_openai, "openai", marker())
    assert r.status_code == 400 and r.json()["error"]["code"] == "context_length_exceeded"
    assert "maximum context length" in r.json()["error"]["message"]
    fake_openai.fault = {"content_policy": True}
    r = _raw(fake_openai, "openai", marker())
    assert r.status_code == 400 and r.json()["error"]["code"] == "content_policy_violation"
    fake_anthropic.fault = {"status": 400, "context_length": True}
    r = _raw(fake_anthropic, "anthropic", marker())
    assert r.status_code == 400 and r.json()["error"]["message"].startswith("prompt is too long")
    fake_anthropic.fault = {"content_policy": True}
    r = _raw(fake_anthropic, "anthropic", marker())
    assert r.status_code == 400 and r.json()["error"] == {"type": "invalid_request_error", "message": "Output blocked by content filtering policy"}


def test_fault_html500_and_malformed(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"html500": True}
    r = _raw(fake, vendor, marker())
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html") and b"<html>" in r.content
    fake.fault = {"malformed": True}
    for stream in (False, True):
        r = _raw(fake, vendor, marker(), stream=stream)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        assert "choices" not in r.json() and "content" not in r.json()
    fake.fault = {"malformed": "truncated"}
    r = _raw(fake, vendor, marker())
    with pytest.raises(ValueError):
        r.json()


def test_fault_hang_until_client_leaves(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"hang": True}
    mk = marker()
    for stream in (False, True):
        with pytest.raises(httpx.ReadTimeout):
            _raw(fake, vendor, mk, stream=stream, timeout=0.3)
    assert len(fake.requests_for(marker=mk)) == 2 and fake.faulted >= 2


def test_fault_reset(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"reset": True}
    for stream in (False, True):
        with pytest.raises(httpx.TransportError) as ei:
            _raw(fake, vendor, marker(), stream=stream)
        assert not isinstance(ei.value, httpx.TimeoutException), ei.value


def test_fault_cut_before_first_byte(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"cut_before_first_byte": True}
    path = "/v1/chat/completions" if vendor == "openai" else "/v1/messages"
    headers = OAI_HEADERS if vendor == "openai" else ANT_HEADERS
    body = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "stream": True}
    if vendor == "openai":
        del body["max_tokens"]
    events = []
    with pytest.raises(httpx.TransportError):
        with httpx.stream("POST", fake.url + path, json=body, headers=headers, timeout=5) as r:
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
            events.extend(iter_sse(r))
    assert events == []
    with pytest.raises(httpx.TransportError):
        _raw(fake, vendor, marker())  # non-streaming: the body breaks off halfway


def test_fault_cut_after_tokens(vendor_fake):
    vendor, fake = vendor_fake
    fake.fault = {"cut_after_tokens": 2}
    path = "/v1/chat/completions" if vendor == "openai" else "/v1/messages"
    headers = OAI_HEADERS if vendor == "openai" else ANT_HEADERS
    mk = marker()
    body = {"model": "m", "max_tokens": 50, "messages": [{"role": "user", "content": f"a b c d {mk}"}], "stream": True}
    if vendor == "openai":
        del body["max_tokens"]
    events = []
    with pytest.raises(httpx.TransportError):
        with httpx.stream("POST", fake.url + path, json=body, headers=headers, timeout=5) as r:
            events.extend(iter_sse(r))
    deltas = list(stream_text_events(vendor, iter(events)))
    assert len(deltas) == 2, [e.data for e in events]
    assert not any(e.data == "[DONE]" or "message_stop" in e.data for e in events)
    (s,) = fake.find_streams(mk)
    assert s.cut and len(s.sent) == 2 and not s.completed


def test_fault_stall_after_tokens(fake_openai):
    fake_openai.fault = {"stall_after_tokens": 1}
    body = {"model": "m", "messages": [{"role": "user", "content": "a b c"}], "stream": True}
    events = []
    with pytest.raises(httpx.ReadTimeout):
        with httpx.stream("POST", fake_openai.url + "/v1/chat/completions", json=body, headers=OAI_HEADERS, timeout=0.5) as r:
            for e in iter_sse(r):
                events.append(e)
    assert sum(1 for e in events if '"content": "' in e.data and '"content": ""' not in e.data) == 1


def test_fault_count_model_faults_and_reset(fake_openai):
    fake_openai.fault = {"status": 500}
    fake_openai.fault_count = 1
    assert _raw(fake_openai, "openai", marker()).status_code == 500
    assert _raw(fake_openai, "openai", marker()).status_code == 200
    fake_openai.fault = None
    fake_openai.model_faults = {"bad-model": {"status": 503, "count": 2}}
    assert _raw(fake_openai, "openai", marker()).status_code == 200
    assert [_raw(fake_openai, "openai", marker(), model="bad-model").status_code for _ in range(3)] == [503, 503, 200]
    fake_openai.fault = {"token_delay": 0.05}
    t0 = time.monotonic()
    r = _raw(fake_openai, "openai", marker(), stream=True)
    assert r.status_code == 200 and time.monotonic() - t0 > 0.2 and b"[DONE]" in r.content
    fake_openai.reset()
    assert fake_openai.fault is None and fake_openai.fault_count is None and fake_openai.model_faults == {}


def test_fake_anthropic_rejects_prefill_with_trailing_whitespace(ant):
    with pytest.raises(anthropic.BadRequestError) as ei:
        ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hello "}])
    assert "trailing whitespace" in str(ei.value)
    r = ant.messages.create(model="claude-fake", max_tokens=5, messages=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hello"}])
    assert r.content
