"""Stage 2 of the guard's cascade against a local fake upstream (the judge's model).

The fake OpenAI server answers with ``reply_text``, so each test decides what the judge says.
"""

from __future__ import annotations

import json

import pytest

from routing_util import OPENAI_FAKE_PROVIDER, Harness, assert_error, chat, default_keys, fake_providers, to_yaml

E2E_STATE: dict = {}
BENIGN = "What is 12 times 7?"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("guard-judge"), E2E_STATE)
    config = {
        "server": {"host": "127.0.0.1", "port": h.port, "state_dir": str(h.state_dir)},
        "guard": {"input": {"mode": "enforce"}, "output": {"mode": "off"},
                  "judge": {"provider": OPENAI_FAKE_PROVIDER, "model": "judge-1", "timeout_ms": 1500,
                            "escalate": "all", "on_failure": "open", "fail_closed": ["cbrn"]}},
        "providers": fake_providers(h.fo, h.fa) + [{"id": "sim", "kind": "simulator"}],
        "models": [{"alias": "sim", "targets": [{"provider": "sim", "model": "sim-1"}]}],
        "keys": default_keys(),
    }
    h.start(to_yaml(config))
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
