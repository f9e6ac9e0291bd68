"""One healthy target left: 1,000 mixed requests all succeed while the primary fails.

Issue 3's acceptance: half streaming, both APIs, while the primary fails in each of these
ways in turn: 403 "model suspended", 529, 500 with an HTML body, hangs past its first-byte
timeout, resets the connection, cuts the stream before the first byte.  One alias per mode
(own primary target, so own breaker); the breakers cool down after 1 s, so the failing primary
keeps being probed during the run and each probe must fail over too.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from routing_util import (ANTHROPIC_FAKE_PROVIDER, FALLBACK_TEXT, OPENAI_FAKE_PROVIDER, SIM_OK, SIM_OK_ROUTE, SIM_OK_TARGET,
                          Harness, achat, fake_providers, httpx, make_config)

E2E_STATE: dict = {}
REQUESTS = 1000
CONCURRENCY = 24

MODES = {
    # mode: (fake, fault, target timeouts)
    "suspended-403": ("openai", {"status": 403, "message": "model suspended"}, None),
    "overloaded-529": ("anthropic", {"status": 529}, None),
    "html-500": ("anthropic", {"html500": True}, None),
    "hang": ("openai", {"hang": True}, {"first_byte_ms": 300}),
    "reset": ("anthropic", {"reset": True}, None),
    "cut-before-first-byte": ("openai", {"cut_before_first_byte": True}, None),
}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-load"), E2E_STATE)
    models = []
    for mode, (vendor, fault, timeouts) in MODES.items():
        target = {"provider": OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER, "model": f"load-{mode}"}
        if timeouts:
            target["timeouts"] = timeouts
        models.append({"alias": f"load-{mode}", "targets": [target, SIM_OK_TARGET]})
        (h.fo if vendor == "openai" else h.fa).model_faults[f"load-{mode}"] = dict(fault)
    routing = {"stream_failover": "continue", "breaker": {"cooldown_s": 1, "suspension_cooldown_s": 1}}
    h.start(make_config(h.port, h.state_dir, providers=fake_providers(h.fo, h.fa) + [SIM_OK], models=models, routing=routing))
    yield h
    h.close()


async def _run(base_url: str, alias: str) -> list:
    sem = asyncio.Semaphore(CONCURRENCY)
    limits = httpx.Limits(max_connections=CONCURRENCY + 8, max_keepalive_connections=CONCURRENCY + 8)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits) as client:
        async def one(i: int):
            endpoint = "openai" if i % 2 == 0 else "anthropic"
            stream = (i // 2) % 2 == 0
            async with sem:
                return await achat(client, endpoint, alias, stream=stream, text=f"request number {i}")
        return await asyncio.gather(*(one(i) for i in range(REQUESTS)))


@pytest.mark.parametrize("mode", list(MODES))
def test_thousand_mixed_requests_succeed_while_primary_fails(env, mode):
    vendor = MODES[mode][0]
    fake = env.fo if vendor == "openai" else env.fa
    t0 = time.monotonic()
    replies = asyncio.run(_run(env.rampart.base_url, f"load-{mode}"))
    took = time.monotonic() - t0
    bad = [r for r in replies if not (r.status == 200 and r.complete and r.text == FALLBACK_TEXT and r.route == SIM_OK_ROUTE)]
    streamed = sum(1 for r in replies if r.stream)
    assert streamed == REQUESTS // 2
    tried = len(fake.requests_for(model=f"load-{mode}"))
    assert not bad, (f"{len(bad)} of {REQUESTS} requests did not get a complete answer from the fallback "
                     f"(primary tried {tried} times, {took:.1f} s); first ones:\n" + "\n\n".join(r.describe() for r in bad[:5]))
    assert tried >= 1, "the failing primary was never tried: the test proved nothing"
    print(f"\n{mode}: {REQUESTS} requests in {took:.1f} s, primary tried {tried} times")


def test_rampart_still_healthy(env):
    assert env.rampart.proc.poll() is None, env.rampart.log_text()
    assert env.http.get("/healthz").status_code == 200
