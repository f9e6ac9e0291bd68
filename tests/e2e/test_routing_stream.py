"""Streaming failover and deadlines (docs/routing.md, "Streaming failover" and "Timeouts").

- A stream cut after the first byte with ``stream_failover: continue`` arrives as one complete,
  well-formed stream; the next target gets the text already delivered as an assistant prefill
  and its answer is stitched on.  The simulator continues its deterministic answer after such a
  prefill, so a cut simulator followed by a healthy twin gives exactly the uncut answer.
- With ``error`` the stream ends with a typed error event in the caller's format.
- ``x-rampart-timeout-ms`` / ``deadline_ms``: one budget per request; 504 rampart_deadline_exceeded.
"""

from __future__ import annotations

import time

import anthropic
import openai
import pytest

from e2e_util import RAMPART_TEST_KEY, WEATHER_TOOL_ANTHROPIC, WEATHER_TOOL_OPENAI, text_of
from fake_upstreams import anthropic_text_reply, openai_text_reply
from routing_util import (ANTHROPIC_FAKE_PROVIDER, ENDPOINTS, OPENAI_FAKE_PROVIDER, SIM_OK, SIM_OK_TARGET, Harness,
                          assert_error, assert_error_event_last, assert_ok, assert_well_formed_stream, chat,
                          fake_providers, make_config)

E2E_STATE: dict = {}
PROMPT = "Please describe the seven wonders of the ancient world briefly"
FIXED = "Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima."
CUT = 3


def _fake(vendor: str, model: str, **extra) -> dict:
    return {"provider": OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER, "model": model, **extra}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-stream"), E2E_STATE)
    providers = fake_providers(h.fo, h.fa) + [
        SIM_OK,
        {"id": "sim-cut", "kind": "simulator", "fault": {"cut_after_tokens": CUT}},
        {"id": "sim-twin", "kind": "simulator"},
        {"id": "sim-cut-fixed", "kind": "simulator", "text": FIXED, "fault": {"cut_after_tokens": CUT}},
        {"id": "sim-twin-fixed", "kind": "simulator", "text": FIXED},
        {"id": "sim-hang", "kind": "simulator", "fault": {"hang": True}},
        {"id": "sim-hang2", "kind": "simulator", "fault": {"hang": True}},
        {"id": "sim-500", "kind": "simulator", "fault": {"status": 500}},
    ]
    cut, twin = {"provider": "sim-cut", "model": "sim-1"}, {"provider": "sim-twin", "model": "sim-1"}
    cutf, twinf = {"provider": "sim-cut-fixed", "model": "sim-1"}, {"provider": "sim-twin-fixed", "model": "sim-1"}
    hang1, hang2 = {"provider": "sim-hang", "model": "h1"}, {"provider": "sim-hang2", "model": "h2"}
    models = [
        {"alias": "twin", "targets": [twin]},
        {"alias": "twin-fixed", "targets": [twinf]},
        {"alias": "stitch-continue", "stream_failover": "continue", "targets": [cut, twin]},
        {"alias": "stitch-error", "stream_failover": "error", "targets": [cut, twin]},
        {"alias": "stitch-fixed-continue", "stream_failover": "continue", "targets": [cutf, twinf]},
        {"alias": "stitch-fixed-error", "stream_failover": "error", "targets": [cutf, twinf]},
        {"alias": "fake-continue-oa", "stream_failover": "continue", "targets": [_fake("openai", "cut3"), _fake("anthropic", "resume-a")]},
        {"alias": "fake-continue-ao", "stream_failover": "continue", "targets": [_fake("anthropic", "cut3"), _fake("openai", "resume-o")]},
        {"alias": "fake-error", "stream_failover": "error", "targets": [_fake("openai", "cut3e"), _fake("anthropic", "resume-e")]},
        {"alias": "tool-cut", "stream_failover": "continue", "targets": [_fake("openai", "toolcut"), SIM_OK_TARGET]},
        {"alias": "slow-total-continue", "stream_failover": "continue",
         "targets": [_fake("openai", "slow-t", timeouts={"total_ms": 600}), SIM_OK_TARGET]},
        {"alias": "slow-total-error", "stream_failover": "error",
         "targets": [_fake("openai", "slow-te", timeouts={"total_ms": 600}), SIM_OK_TARGET]},
        {"alias": "stall-continue", "stream_failover": "continue",
         "targets": [_fake("anthropic", "stall-c", timeouts={"idle_ms": 300}), SIM_OK_TARGET]},
        {"alias": "stall-error", "stream_failover": "error",
         "targets": [_fake("anthropic", "stall-e", timeouts={"idle_ms": 300}), SIM_OK_TARGET]},
        {"alias": "deadline-hang", "targets": [hang1, hang2]},
        {"alias": "deadline-alias", "deadline_ms": 300, "targets": [hang1, hang2]},
        {"alias": "deadline-fakes", "targets": [_fake("openai", "hang-o"), _fake("anthropic", "hang-a")]},
        {"alias": "deadline-retry", "targets": [{"provider": "sim-500", "model": "r", "retries": 10}]},
    ]
    h.fo.model_faults.update({"cut3": {"cut_after_tokens": CUT}, "cut3e": {"cut_after_tokens": CUT},
                              "toolcut": {"cut_after_tokens": 2}, "hang-o": {"hang": True},
                              "slow-t": {"token_delay": 0.15}, "slow-te": {"token_delay": 0.15}})
    h.fa.model_faults.update({"cut3": {"cut_after_tokens": CUT}, "hang-a": {"hang": True},
                              "stall-c": {"stall_after_tokens": 2}, "stall-e": {"stall_after_tokens": 2}})
    # The cut targets fail on every call: breakers that never open keep them in the route.
    routing = {"stream_failover": "continue", "retry": {"base_delay_ms": 200, "max_delay_ms": 2000},
               "breaker": {"min_requests": 100000, "consecutive_failures": 100000}}
    h.start(make_config(h.port, h.state_dir, providers=providers, models=models, routing=routing))
    yield h
    h.close()


@pytest.fixture(scope="module")
def oai(env):
    c = openai.OpenAI(base_url=f"{env.rampart.base_url}/v1", api_key=RAMPART_TEST_KEY, max_retries=0, timeout=20.0)
    yield c
    c.close()


@pytest.fixture(scope="module")
def ant(env):
    c = anthropic.Anthropic(base_url=env.rampart.base_url, api_key=RAMPART_TEST_KEY, max_retries=0, timeout=20.0)
    yield c
    c.close()


# ---------------------------------------------------------------------------
# stream_failover: continue
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("stitched,uncut", [("stitch-continue", "twin"), ("stitch-fixed-continue", "twin-fixed")])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_continue_stitches_the_uncut_answer(env, endpoint, stitched, uncut):
    whole = chat(env.http, endpoint, uncut, stream=True, text=PROMPT)
    assert_ok(whole)
    assert len(whole.text.split()) > CUT + 2, whole.describe()
    r = chat(env.http, endpoint, stitched, stream=True, text=PROMPT)
    assert_well_formed_stream(r)
    assert r.text == whole.text, f"stitched text differs from the uncut answer:\n{r.text!r}\n{whole.text!r}"


@pytest.mark.parametrize("stitched,uncut", [("stitch-continue", "twin"), ("stitch-fixed-continue", "twin-fixed")])
def test_continue_stream_parses_in_both_sdks(oai, ant, stitched, uncut):
    want = oai.chat.completions.create(model=uncut, messages=[{"role": "user", "content": PROMPT}]).choices[0].message.content
    chunks = list(oai.chat.completions.create(model=stitched, messages=[{"role": "user", "content": PROMPT}], stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == want
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["stop"]
    with ant.messages.stream(model=stitched, max_tokens=256, messages=[{"role": "user", "content": PROMPT}]) as s:
        final = s.get_final_message()
    assert text_of([b.model_dump() for b in final.content]) == want
    assert final.stop_reason == "end_turn"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_non_streaming_cut_fails_over_invisibly(env, endpoint):
    whole = chat(env.http, endpoint, "twin", text=PROMPT)
    r = chat(env.http, endpoint, "stitch-continue", text=PROMPT)
    assert_ok(r, text=whole.text, route="sim-twin/sim-1")
    assert r.fallback == {"sim-cut/sim-1": "stream_cut"}, r.describe()


@pytest.mark.parametrize("alias,first,second", [("fake-continue-oa", "openai", "anthropic"), ("fake-continue-ao", "anthropic", "openai")])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_continue_sends_delivered_text_as_prefill(env, endpoint, alias, first, second):
    first_fake, second_fake = (env.fo, env.fa) if first == "openai" else (env.fa, env.fo)
    second_model = "resume-a" if second == "anthropic" else "resume-o"
    before = len(second_fake.requests_for(model=second_model))
    text = f"tell me about lighthouses {endpoint}"
    r = chat(env.http, endpoint, alias, stream=True, text=text)
    assert_well_formed_stream(r)
    delivered = "Hello from fake"  # the first three tokens of either fake's answer
    reqs = second_fake.requests_for(model=second_model)
    assert len(reqs) == before + 1, "the next target was not called after the cut"
    msgs = reqs[-1].body["messages"]
    assert msgs[-1]["role"] == "assistant", f"no assistant prefill: {msgs}"
    assert text_of(msgs[-1]["content"]) in (delivered, delivered.rstrip()), msgs[-1]
    assert text_of(msgs[-2]["content"]) == text, msgs
    reply = anthropic_text_reply(text) if second == "anthropic" else openai_text_reply(text)
    assert r.text == delivered + reply, r.text


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_cut_inside_a_tool_call_ends_with_error_event(env, endpoint):
    tools = [WEATHER_TOOL_OPENAI] if endpoint == "openai" else [WEATHER_TOOL_ANTHROPIC]
    r = chat(env.http, endpoint, "tool-cut", stream=True, text="What is the weather in Paris?", tools=tools)
    assert_error_event_last(r)


# ---------------------------------------------------------------------------
# stream_failover: error
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("alias,uncut", [("stitch-error", "twin"), ("stitch-fixed-error", "twin-fixed"), ("fake-error", None)])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_error_mode_ends_with_typed_error_event(env, endpoint, alias, uncut):
    before = len(env.fa.requests_for(model="resume-e"))
    r = chat(env.http, endpoint, alias, stream=True, text=PROMPT)
    err = assert_error_event_last(r)
    assert err["code"] == "rampart_upstream_stream_cut", err
    if uncut:
        whole = chat(env.http, endpoint, uncut, stream=True, text=PROMPT)
        delivered = "".join(whole.text.split(" ")[i] + " " for i in range(CUT))
        assert r.text in (delivered, delivered.rstrip()), f"text before the error {r.text!r}, expected {delivered!r}"
    else:
        assert r.text == "Hello from fake", r.text
        assert len(env.fa.requests_for(model="resume-e")) == before, "error mode still called the next target"


def test_error_mode_raises_in_sdks(oai, ant):
    with pytest.raises(openai.APIError) as ei:
        for _ in oai.chat.completions.create(model="stitch-error", messages=[{"role": "user", "content": PROMPT}], stream=True):
            pass
    assert not isinstance(ei.value, openai.APIConnectionError), ei.value
    with pytest.raises(anthropic.APIError) as ei2:
        with ant.messages.stream(model="stitch-error", max_tokens=256, messages=[{"role": "user", "content": PROMPT}]) as s:
            s.get_final_message()
    assert not isinstance(ei2.value, anthropic.APIConnectionError), ei2.value


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_timeouts_after_the_first_byte_follow_stream_failover(env, endpoint):
    """total_ms and idle_ms striking mid-stream: continue stitches, error ends with a typed event."""
    text = "a b c d e f g h i j k l"
    for alias in ("slow-total-continue", "stall-continue"):
        r = chat(env.http, endpoint, alias, stream=True, text=text, timeout=10)
        assert_well_formed_stream(r)
        assert r.text.startswith("Hello from") and len(r.text) > len("Hello from"), r.describe()
    for alias in ("slow-total-error", "stall-error"):
        t0 = time.monotonic()
        r = chat(env.http, endpoint, alias, stream=True, text=text, timeout=10)
        err = assert_error_event_last(r)
        assert err["code"] == "rampart_upstream_timeout", err
        assert r.text.startswith("Hello"), r.describe()
        assert time.monotonic() - t0 < 3.0, f"{alias}: the timeout took {time.monotonic() - t0:.1f} s"


# ---------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_timeout_header_bounds_the_request(env, endpoint, stream):
    for alias in ("deadline-hang", "deadline-fakes"):
        t0 = time.monotonic()
        r = chat(env.http, endpoint, alias, stream=stream, headers={"x-rampart-timeout-ms": "200"}, timeout=10)
        took = time.monotonic() - t0
        assert_error(r, 504, "rampart_deadline_exceeded")
        assert 0.18 <= took <= 1.2, f"{alias}: x-rampart-timeout-ms: 200 answered after {took * 1000:.0f} ms"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_alias_deadline(env, endpoint):
    t0 = time.monotonic()
    r = chat(env.http, endpoint, "deadline-alias", timeout=10)
    took = time.monotonic() - t0
    assert_error(r, 504, "rampart_deadline_exceeded")
    assert 0.28 <= took <= 1.3, f"deadline_ms: 300 answered after {took * 1000:.0f} ms"


def test_deadline_is_shared_by_retries(env):
    """retries: 10 with backoff from 200 ms cannot outlast a 500 ms budget."""
    t0 = time.monotonic()
    r = chat(env.http, "openai", "deadline-retry", headers={"x-rampart-timeout-ms": "500"}, timeout=10)
    took = time.monotonic() - t0
    assert r.status >= 500 and r.error is not None, r.describe()
    assert took <= 1.3, f"retries ran past the request's deadline: {took * 1000:.0f} ms"


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5", "", "200ms"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_bad_timeout_header(env, endpoint, value):
    r = chat(env.http, endpoint, "twin", headers={"x-rampart-timeout-ms": value})
    assert_error(r, 400, "rampart_invalid_request", mentions=("x-rampart-timeout-ms",))


def test_rampart_still_healthy(env):
    assert env.rampart.proc.poll() is None, env.rampart.log_text()
    assert env.http.get("/healthz").status_code == 200
