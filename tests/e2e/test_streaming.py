"""Streaming is incremental: tokens reach the client as they are produced.

(a) the simulator with ``token_delay_ms: 50`` (alias ``sim-slow``);
(b) the fake upstreams pacing tokens 50 ms apart, measured against the
    upstream's own send timestamps (same process, same monotonic clock).
"""

from __future__ import annotations

import pytest

from e2e_util import SIM_SLOW_TEXT, ANTHROPIC_PATH, OPENAI_PATH, auth_headers, iter_sse, marker, stream_text_events

ENDPOINTS = ["openai", "anthropic"]
LATENCY_BUDGET = 0.100  # seconds from upstream write to client receipt


def _request(endpoint: str, alias: str, text: str) -> tuple[str, dict]:
    if endpoint == "openai":
        return OPENAI_PATH, {"model": alias, "stream": True, "messages": [{"role": "user", "content": text}]}
    return ANTHROPIC_PATH, {"model": alias, "max_tokens": 512, "stream": True, "messages": [{"role": "user", "content": text}]}


def _stream(http, api_key, endpoint: str, alias: str, text: str) -> list[tuple[str, float]]:
    path, body = _request(endpoint, alias, text)
    with http.stream("POST", path, json=body, headers=auth_headers(api_key)) as r:
        assert r.status_code == 200, r.read()
        return list(stream_text_events(endpoint, iter_sse(r)))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_simulator_streams_incrementally(http, api_key, endpoint):
    got = _stream(http, api_key, endpoint, "sim-slow", f"count for me {marker()}")
    text = "".join(t for t, _ in got)
    assert text.split() == SIM_SLOW_TEXT.split(), f"unexpected simulator text {text!r}"
    times = [t for _, t in got]
    assert len(got) >= 8, f"only {len(got)} content chunks: {got}"
    spread = times[-1] - times[0]
    assert spread >= 0.300, f"chunks arrived within {spread * 1000:.0f} ms: the stream was buffered"
    bunched = sum(1 for t in times if times[-1] - t <= 0.010)
    assert bunched <= len(times) / 2, f"{bunched}/{len(times)} chunks arrived within 10 ms of the last one"


@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_upstream_tokens_forwarded_without_delay(http, api_key, fake_openai, fake_anthropic, endpoint, alias):
    fake = fake_openai if alias == "via-openai" else fake_anthropic
    fake.token_delay = 0.050
    fake.reply_words = 12
    mk = marker()
    got = _stream(http, api_key, endpoint, alias, f"stream please {mk}")
    streams = fake.find_streams(mk)
    assert len(streams) == 1, f"expected one upstream stream, saw {len(streams)}"
    sent = streams[0].sent
    assert len(sent) == 12 and streams[0].completed
    up_text = "".join(tok for tok, _ in sent)
    got_text = "".join(t for t, _ in got)
    assert got_text == up_text, "streamed text differs from what the upstream sent"

    # For upstream token i, find the first client event by which the client
    # had received all text up to and including token i.
    latencies = []
    cum_up = 0
    j, cum_recv = 0, 0
    for tok, t_sent in sent:
        cum_up += len(tok)
        while cum_recv < cum_up:
            cum_recv += len(got[j][0])
            j += 1
        latencies.append(got[j - 1][1] - t_sent)
    first = latencies[0]
    assert first < LATENCY_BUDGET, f"first token reached the client {first * 1000:.0f} ms after the upstream sent it"
    slow = [(i, round(lat * 1000)) for i, lat in enumerate(latencies) if lat >= LATENCY_BUDGET]
    assert not slow, f"tokens delayed >= 100 ms (index, ms): {slow}; all: {[round(x * 1000) for x in latencies]}"


def test_concurrent_streams_do_not_serialize(rampart, api_key):
    """Eight simultaneous sim-slow streams (~0.5 s each) finish in well under 8 x 0.5 s."""
    import threading

    from e2e_util import httpx

    n = 8
    results: list = [None] * n
    errors: list = []

    def worker(i: int) -> None:
        try:
            with httpx.Client(base_url=rampart.base_url, timeout=15.0) as c:
                path, body = _request("openai", "sim-slow", f"parallel {i} {marker()}")
                with c.stream("POST", path, json=body, headers=auth_headers(api_key)) as r:
                    assert r.status_code == 200
                    results[i] = "".join(t for t, _ in stream_text_events("openai", iter_sse(r)))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(repr(e))

    import time

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    took = time.monotonic() - t0
    assert not errors, errors
    assert all(r is not None and r.split() == SIM_SLOW_TEXT.split() for r in results), results
    assert took < 2.5, f"{n} concurrent 0.5 s streams took {took:.2f} s"
