"""Stage 2 of the guard's cascade, for inputs and for answers, against a local fake upstream (the judge's model).

The fake OpenAI server answers with ``reply_text``, so each test decides what the judge says.
"""

from __future__ import annotations

import json

import pytest

from routing_util import (OPENAI_FAKE_PROVIDER, Harness, assert_error, assert_well_formed_stream, chat, default_keys,
                          fake_providers, to_yaml)

E2E_STATE: dict = {}
BENIGN = "What is 12 times 7?"


def start_judged(tmp_path_factory, name: str, guard: dict) -> Harness:
    """Rampart with the simulator as the model and the fake OpenAI server as the judge."""
    h = Harness(tmp_path_factory.mktemp(name), E2E_STATE)
    config = {
        "server": {"host": "127.0.0.1", "port": h.port, "state_dir": str(h.state_dir)},
        "guard": guard,
        "providers": fake_providers(h.fo, h.fa) + [{"id": "sim", "kind": "simulator"}],
        "models": [{"alias": "sim", "targets": [{"provider": "sim", "model": "sim-1"}]}],
        "keys": default_keys(),
    }
    h.start(to_yaml(config))
    return h


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = start_judged(tmp_path_factory, "guard-judge", {
        "input": {"mode": "enforce"}, "output": {"mode": "off"},
        "judge": {"provider": OPENAI_FAKE_PROVIDER, "model": "judge-1", "timeout_ms": 1500,
                  "escalate": "all", "on_failure": "open", "fail_closed": ["cbrn"]}})
    yield h
    h.close()


def judge_requests(env):
    return [r for r in env.fo.requests if r.method == "POST" and r.model == "judge-1"]


def test_the_judge_sees_the_policy_and_the_text_and_its_block_is_enforced(env):
    env.fo.reply_text = json.dumps({"verdict": "block", "category": "fraud", "reason": "a phishing kit"})
    try:
        before = len(judge_requests(env))
        assert_error(chat(env.http, "anthropic", "sim", text=BENIGN), 400, "rampart_policy_violation", mentions=("fraud",))
        sent = judge_requests(env)[before:]
        assert len(sent) == 1
        body = json.loads(sent[0].raw)
        system = next(m["content"] for m in body["messages"] if m["role"] == "system")
        assert '"verdict"' in system and "fraud" in system
        assert BENIGN in json.dumps(body)
    finally:
        env.fo.reply_text = None


def test_an_allow_lets_the_request_through(env):
    env.fo.reply_text = json.dumps({"verdict": "allow", "category": "none", "reason": "arithmetic"})
    try:
        reply = chat(env.http, "openai", "sim", text=BENIGN)
        assert reply.status == 200 and reply.headers.get("x-rampart-guard") == "allow", reply.describe()
    finally:
        env.fo.reply_text = None


def test_a_judge_answering_prose_fails_open(env):
    # The fake's own sentence is not the required JSON: a failure, and on_failure is open.
    reply = chat(env.http, "openai", "sim", text=BENIGN)
    assert reply.status == 200, reply.describe()


# --- answers: the output guard's stage 2 ---------------------------------------------------------
# With ``escalate: all`` every whole answer is judged once, at its end, with the request it answers.

@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    h = start_judged(tmp_path_factory, "guard-output-judge", {
        "input": {"mode": "off"}, "output": {"mode": "enforce"},
        "judge": {"provider": OPENAI_FAKE_PROVIDER, "model": "judge-1", "timeout_ms": 1500,
                  "escalate": "all", "on_failure": "open"}})
    yield h
    h.close()


def finish_of(reply) -> str | None:
    """The answer's finish reason (OpenAI) or stop reason (Anthropic), streamed or not."""
    if not reply.stream:
        body = reply.json
        return body["choices"][0]["finish_reason"] if reply.endpoint == "openai" else body["stop_reason"]
    for event in reply.events:
        if event.data.strip() == "[DONE]":
            continue
        obj = json.loads(event.data)
        for choice in obj.get("choices") or []:
            if choice.get("finish_reason"):
                return choice["finish_reason"]
        if obj.get("type") == "message_delta":
            return obj["delta"].get("stop_reason")
    return None


@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
@pytest.mark.parametrize("stream", [False, True])
def test_a_block_from_the_judge_replaces_or_ends_an_answer(answers, endpoint, stream):
    answers.fo.reply_text = json.dumps({"verdict": "block", "category": "weapons", "reason": "weapon instructions"})
    try:
        before = len(judge_requests(answers))
        reply = chat(answers.http, endpoint, "sim", text=BENIGN, stream=stream)
        assert reply.status == 200, reply.describe()
        if stream:
            assert_well_formed_stream(reply)
        assert finish_of(reply) == ("content_filter" if endpoint == "openai" else "refusal"), reply.describe()
        sent = judge_requests(answers)[before:]
        assert len(sent) == 1, f"expected one judgement of the whole answer, got {len(sent)}"
        body = json.loads(sent[0].raw)
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        assert "USER REQUEST" in user and BENIGN in user and "ASSISTANT ANSWER" in user
        system = next(m["content"] for m in body["messages"] if m["role"] == "system")
        assert "ASSISTANT ANSWER" in system and '"verdict"' in system
    finally:
        answers.fo.reply_text = None


@pytest.mark.parametrize("stream", [False, True])
def test_an_allow_from_the_judge_lets_the_answer_through(answers, stream):
    answers.fo.reply_text = json.dumps({"verdict": "allow", "category": "none", "reason": "arithmetic"})
    try:
        reply = chat(answers.http, "openai", "sim", text=BENIGN, stream=stream)
        assert reply.status == 200, reply.describe()
        assert finish_of(reply) == "stop", reply.describe()
    finally:
        answers.fo.reply_text = None


def test_an_answer_the_judge_cannot_judge_passes_when_failing_open(answers):
    # The fake's own sentence is not the required JSON: a failure, and on_failure is open.
    reply = chat(answers.http, "openai", "sim", text=BENIGN)
    assert reply.status == 200 and finish_of(reply) == "stop", reply.describe()
