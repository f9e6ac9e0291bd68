"""Strategies (docs/routing.md, "Strategies"): fallback order, weighted draws, least-latency."""

from __future__ import annotations

from collections import Counter

import pytest

from routing_util import Harness, assert_ok, chat, make_config

E2E_STATE: dict = {}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-strategies"), E2E_STATE, fakes=False)
    providers = [
        {"id": "sim-a", "kind": "simulator", "text": "A"},
        {"id": "sim-b", "kind": "simulator", "text": "B"},
        {"id": "sim-slow", "kind": "simulator", "text": "slow", "first_byte_delay_ms": 60},
        {"id": "sim-fast", "kind": "simulator", "text": "fast"},
        {"id": "sim-down", "kind": "simulator", "fault": {"status": 503}},
    ]
    t = lambda p, m, **kw: {"provider": p, "model": m, **kw}  # noqa: E731
    models = [
        {"alias": "ordered", "strategy": "fallback", "targets": [t("sim-b", "b"), t("sim-a", "a")]},
        {"alias": "weighted", "strategy": "weighted", "targets": [t("sim-a", "a", weight=3), t("sim-b", "b", weight=1)]},
        {"alias": "weighted-zero", "strategy": "weighted", "targets": [t("sim-a", "a0", weight=0), t("sim-b", "b0", weight=1)]},
        {"alias": "weighted-down", "strategy": "weighted", "targets": [t("sim-down", "d", weight=1), t("sim-a", "ad", weight=1)]},
        {"alias": "fastest", "strategy": "least-latency", "targets": [t("sim-slow", "s"), t("sim-fast", "f")]},
    ]
    h.start(make_config(h.port, h.state_dir, providers=providers, models=models))
    yield h
    h.close()


def test_fallback_keeps_the_listed_order(env):
    for i in range(6):
        assert_ok(chat(env.http, "openai" if i % 2 else "anthropic", "ordered"), text="B", route="sim-b/b")


def test_weighted_draws_in_proportion(env):
    n = 300
    routes = Counter(chat(env.http, "openai", "weighted").route for _ in range(n))
    share = routes["sim-a/a"] / n
    assert set(routes) == {"sim-a/a", "sim-b/b"}, routes
    assert 0.62 <= share <= 0.88, f"weight 3:1 gave sim-a {share:.0%} of {n} requests: {routes}"


def test_weight_zero_is_never_chosen_first(env):
    routes = Counter(chat(env.http, "openai", "weighted-zero").route for _ in range(60))
    assert routes == {"sim-b/b0": 60}, routes


def test_weighted_falls_back_to_the_other_target(env):
    for i in range(30):
        r = chat(env.http, "anthropic", "weighted-down", stream=i % 2 == 0)
        assert_ok(r, text="A", route="sim-a/ad")


def test_least_latency_measures_every_target_then_prefers_the_fastest(env):
    routes = [chat(env.http, "openai", "fastest").route for _ in range(12)]
    assert "sim-slow/s" in routes[:2] and "sim-fast/f" in routes[:2], f"each target must be measured first: {routes}"
    assert routes[4:] == ["sim-fast/f"] * 8, f"least-latency did not settle on the faster target: {routes}"
