"""Circuit breakers (docs/routing.md, "Circuit breaker (per target)").

Once the primary starts failing its breaker opens within 5 failed requests; from then on
requests go straight to the fallback (reason ``breaker_open``, one attempt, p50 added latency
<= 1 ms against calling the fallback directly); after ``cooldown_s`` exactly one probe goes to
the primary and, when it succeeds, closes the breaker.  The state is at GET /admin/providers
and in ``rampart_breaker_state`` on /metrics.
"""

from __future__ import annotations

import threading
import time

import pytest

from routing_util import (OPENAI_FAKE_PROVIDER, SIM_OK, SIM_OK_ROUTE, SIM_OK_TARGET, Harness, admin, assert_ok, breaker_state,
                          chat, fake_providers, httpx, items_of, make_config, metric_samples, percentile)

E2E_STATE: dict = {}
COOLDOWN_S = 1
LATENCY_PAIRS = 200
MAX_ADDED_P50_MS = 1.0
FAILURE_RATE = 0.6


def _primary(model: str) -> dict:
    return {"provider": OPENAI_FAKE_PROVIDER, "model": model}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-breaker"), E2E_STATE)
    providers = fake_providers(h.fo, h.fa) + [SIM_OK, {"id": "sim-529", "kind": "simulator", "fault": {"status": 529}},
                                              {"id": "sim-midcut", "kind": "simulator", "fault": {"cut_after_tokens": 2}}]
    models = [{"alias": a, "targets": [_primary(a), SIM_OK_TARGET]} for a in ("brk", "brk-probe", "brk-m", "brk-susp")]
    models += [
        {"alias": "lat-open", "targets": [{"provider": "sim-529", "model": "lat"}, SIM_OK_TARGET]},
        {"alias": "lat-direct", "targets": [SIM_OK_TARGET]},
        {"alias": "midcut", "stream_failover": "continue", "targets": [{"provider": "sim-midcut", "model": "mc"}, SIM_OK_TARGET]},
    ]
    routing = {"breaker": {"window_s": 30, "min_requests": 5, "failure_rate": FAILURE_RATE, "cooldown_s": COOLDOWN_S,
                           "suspension_cooldown_s": COOLDOWN_S}}
    h.start(make_config(h.port, h.state_dir, providers=providers, models=models, routing=routing))
    yield h
    h.close()


def providers_state(env, model: str) -> str | None:
    r = admin(env.http, "GET", "/admin/providers")
    assert r.status_code == 200, r.text[:500]
    return breaker_state(r.json(), OPENAI_FAKE_PROVIDER, model)


def trip(env, alias: str, endpoint: str = "openai", limit: int = 8) -> tuple[int, float]:
    """Send requests while the primary fails until one reports breaker_open.
    Returns (failed requests before that, time of the last failed request)."""
    primary = f"{OPENAI_FAKE_PROVIDER}/{alias}"
    failed, last_fail = 0, time.monotonic()
    for i in range(limit):
        r = chat(env.http, endpoint if i % 2 == 0 else "anthropic", alias, stream=i % 3 == 1)
        assert_ok(r, route=SIM_OK_ROUTE)
        reason = r.fallback.get(primary)
        if reason == "breaker_open":
            assert r.attempts == 1, f"with the breaker open the primary must not be called: {r.describe()}"
            return failed, last_fail
        assert reason is not None and r.attempts == 2, r.describe()
        failed += 1
        last_fail = time.monotonic()
    pytest.fail(f"the breaker of {primary} did not open after {limit} failed requests")


def test_breaker_opens_then_one_probe_closes_it(env):
    primary = f"{OPENAI_FAKE_PROVIDER}/brk"
    for _ in range(2):
        assert_ok(chat(env.http, "openai", "brk"), route=primary)
    assert providers_state(env, "brk") == "closed"

    env.fo.model_faults["brk"] = {"status": 529}
    failed, last_fail = trip(env, "brk")
    assert 1 <= failed <= 5, f"the breaker opened after {failed} failed requests (expected within 5)"
    assert providers_state(env, "brk") == "open"
    seen = len(env.fo.requests_for(model="brk"))
    for ep in ("openai", "anthropic"):
        r = chat(env.http, ep, "brk", stream=ep == "anthropic")
        assert_ok(r, route=SIM_OK_ROUTE)
        assert r.fallback == {primary: "breaker_open"} and r.attempts == 1, r.describe()
    assert len(env.fo.requests_for(model="brk")) == seen, "a request reached the primary while its breaker was open"

    # The primary recovers (slowly, so that the probe is still running while others arrive).
    env.fo.model_faults["brk"] = {"response_delay": 0.8}
    time.sleep(max(0.0, last_fail + COOLDOWN_S + 0.4 - time.monotonic()))
    replies: list = [None] * 6

    def send(i: int):
        with httpx.Client(base_url=env.rampart.base_url, timeout=20) as c:
            replies[i] = chat(c, "openai", "brk")

    first = threading.Thread(target=send, args=(0,))
    first.start()
    time.sleep(0.15)  # the first request is the probe; the others arrive while it runs
    others = [threading.Thread(target=send, args=(i,)) for i in range(1, 6)]
    for t in others:
        t.start()
    for t in [first, *others]:
        t.join(30)
    probes = len(env.fo.requests_for(model="brk")) - seen
    assert probes == 1, f"{probes} requests reached the half-open primary, expected exactly one probe"
    for r in replies:
        assert_ok(r)
    served = [r.route for r in replies]
    assert served.count(primary) == 1 and served.count(SIM_OK_ROUTE) == 5, \
        f"expected the probe served by the primary and the 5 others by the fallback: {served}"

    # The probe succeeded: the breaker is closed and requests go to the primary again.
    env.fo.model_faults.pop("brk")
    assert providers_state(env, "brk") == "closed"
    for ep in ("openai", "anthropic"):
        r = chat(env.http, ep, "brk", stream=True)
        assert_ok(r, route=primary)
        assert r.attempts == 1 and r.fallback_reason is None, r.describe()


def test_failed_probe_opens_the_breaker_again(env):
    primary = f"{OPENAI_FAKE_PROVIDER}/brk-probe"
    env.fo.model_faults["brk-probe"] = {"status": 503}
    _, last_fail = trip(env, "brk-probe")
    time.sleep(max(0.0, last_fail + COOLDOWN_S + 0.4 - time.monotonic()))
    seen = len(env.fo.requests_for(model="brk-probe"))
    r = chat(env.http, "openai", "brk-probe")
    assert_ok(r, route=SIM_OK_ROUTE)
    assert r.fallback == {primary: "overloaded"} and r.attempts == 2, f"expected a failed probe: {r.describe()}"
    assert len(env.fo.requests_for(model="brk-probe")) == seen + 1
    r = chat(env.http, "anthropic", "brk-probe")
    assert r.fallback == {primary: "breaker_open"} and r.attempts == 1, r.describe()
    assert providers_state(env, "brk-probe") == "open"


def test_suspension_opens_at_once(env):
    primary = f"{OPENAI_FAKE_PROVIDER}/brk-susp"
    env.fo.model_faults["brk-susp"] = {"status": 403, "message": "model suspended"}
    r = chat(env.http, "openai", "brk-susp")
    assert_ok(r, route=SIM_OK_ROUTE)
    assert r.fallback == {primary: "access_suspended"}, r.describe()
    r = chat(env.http, "openai", "brk-susp")
    assert r.fallback == {primary: "breaker_open"} and r.attempts == 1, r.describe()
    assert len(env.fo.requests_for(model="brk-susp")) == 1


def test_mid_stream_cuts_count_as_failures(env):
    """stream_cut counts as a breaker failure also after the first byte (the stream was stitched):
    a target whose every stream breaks off has a failure rate of 100 %, and its breaker opens."""
    for i in range(8):
        r = chat(env.http, "openai" if i % 2 == 0 else "anthropic", "midcut", stream=True)
        assert r.complete, r.describe()
        if r.fallback.get("sim-midcut/mc") == "breaker_open":
            break
    body = admin(env.http, "GET", "/admin/providers").json()
    state = breaker_state(body, "sim-midcut", "mc")
    entry = [t for p in items_of(body, "providers") if isinstance(p, dict) for t in p.get("targets") or []
             if isinstance(t, dict) and "mc" in (t.get("model"), t.get("target"), t.get("id"))]
    assert state == "open", (f"after 8 streams that all broke off mid-way the breaker is {state!r} "
                             f"(min_requests 5, failure_rate {FAILURE_RATE}): {entry or body}")


def _breaker_samples(env, model: str) -> list:
    r = env.http.get("/metrics")
    assert r.status_code == 200, r.text[:300]
    samples = metric_samples(r.text, "rampart_breaker_state")
    assert samples, f"no rampart_breaker_state samples on /metrics:\n{r.text[:2000]}"
    return sorted((tuple(sorted(labels.items())), value) for labels, value in samples
                  if labels.get("provider") == OPENAI_FAKE_PROVIDER and labels.get("target") in (f"{OPENAI_FAKE_PROVIDER}/{model}", model))


def test_breaker_state_metric(env):
    assert_ok(chat(env.http, "openai", "brk-m"), route=f"{OPENAI_FAKE_PROVIDER}/brk-m")
    closed = _breaker_samples(env, "brk-m")
    assert closed, "rampart_breaker_state has no sample labelled provider=fake-openai, target=brk-m"
    env.fo.model_faults["brk-m"] = {"status": 529}
    trip(env, "brk-m")
    opened = _breaker_samples(env, "brk-m")
    assert opened and opened != closed, f"rampart_breaker_state did not change when the breaker opened: {closed} -> {opened}"


def _measure(env) -> tuple[float, float, list]:
    direct, via_open, replies = [], [], []
    with httpx.Client(base_url=env.rampart.base_url, timeout=10) as c:
        for i in range(LATENCY_PAIRS):
            for alias, bucket in (("lat-direct", direct), ("lat-open", via_open)) if i % 2 == 0 else (("lat-open", via_open), ("lat-direct", direct)):
                t0 = time.perf_counter()
                r = chat(c, "openai", alias, text="latency probe")
                bucket.append(time.perf_counter() - t0)
                if alias == "lat-open":
                    replies.append(r)
    return percentile(direct, 50) * 1000, percentile(via_open, 50) * 1000, replies


def test_open_breaker_adds_under_a_millisecond_at_p50(env):
    for _ in range(3):  # warm up connections and code paths
        chat(env.http, "openai", "lat-direct")
    # The primary is a simulator answering 529: trip its breaker.
    for _ in range(10):
        r = chat(env.http, "openai", "lat-open")
        if r.fallback.get("sim-529/lat") == "breaker_open":
            break
    else:
        pytest.fail(f"the breaker of sim-529/lat did not open: {r.describe()}")
    p50_direct, p50_open, replies = _measure(env)
    if p50_open - p50_direct > MAX_ADDED_P50_MS:  # one re-measurement: the CPUs are shared with other work
        p50_direct, p50_open, replies = _measure(env)
    for r in replies:
        assert_ok(r, route=SIM_OK_ROUTE)
    share = sum(1 for r in replies if r.fallback.get("sim-529/lat") == "breaker_open") / len(replies)
    assert share > 0.9, f"only {share:.0%} of the requests found the breaker open"
    print(f"\np50 direct {p50_direct:.3f} ms, p50 via open breaker {p50_open:.3f} ms, added {p50_open - p50_direct:.3f} ms")
    assert p50_open - p50_direct <= MAX_ADDED_P50_MS, \
        f"p50 added by an open breaker: {p50_open - p50_direct:.3f} ms (direct {p50_direct:.3f} ms, open {p50_open:.3f} ms)"


def test_rampart_still_healthy(env):
    assert env.rampart.proc.poll() is None, env.rampart.log_text()
    assert env.http.get("/healthz").status_code == 200
