"""A client that hangs up mid-stream makes Rampart close the upstream stream."""

from __future__ import annotations

import time

import pytest

from e2e_util import ANTHROPIC_PATH, OPENAI_PATH, auth_headers, httpx, iter_sse, marker, stream_text_events

CLOSE_BUDGET = 1.0  # seconds from client close to upstream seeing EOF


@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
def test_client_disconnect_cancels_upstream(rampart, api_key, fake_openai, fake_anthropic, endpoint, alias):
    fake = fake_openai if alias == "via-openai" else fake_anthropic
    fake.token_delay = 0.100
    fake.reply_words = 200  # ~20 s if nobody cancels it
    mk = marker()
    text = f"long story please {mk}"
    if endpoint == "openai":
        path, body = OPENAI_PATH, {"model": alias, "stream": True, "messages": [{"role": "user", "content": text}]}
    else:
        path, body = ANTHROPIC_PATH, {"model": alias, "max_tokens": 4096, "stream": True, "messages": [{"role": "user", "content": text}]}

    client = httpx.Client(base_url=rampart.base_url, timeout=10.0)
    received = []
    try:
        with client.stream("POST", path, json=body, headers=auth_headers(api_key)) as r:
            assert r.status_code == 200, r.read()
            for delta, _t in stream_text_events(endpoint, iter_sse(r)):
                received.append(delta)
                if len(received) == 3:
                    break
            assert len(received) == 3, f"stream ended early: {received}"
            t_close = time.monotonic()
            r.close()
    finally:
        client.close()

    streams = fake.find_streams(mk)
    assert len(streams) == 1, f"expected one upstream stream, saw {len(streams)}"
    s = streams[0]
    deadline = t_close + CLOSE_BUDGET + 2.0
    while s.closed_at is None and not s.completed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert s.closed_at is not None, (
        f"upstream connection still open {time.monotonic() - t_close:.1f} s after the client closed "
        f"(upstream has sent {len(s.sent)}/{s.planned_tokens} tokens)")
    lag = s.closed_at - t_close
    assert lag < CLOSE_BUDGET, f"upstream saw the close {lag * 1000:.0f} ms after the client closed"
    assert not s.completed

    with httpx.Client(base_url=rampart.base_url, timeout=5.0) as c:
        assert c.get("/healthz").status_code == 200


def _wait_closed(record, t_close: float, budget: float) -> None:
    deadline = t_close + budget + 1.0
    while record.closed_at is None and not record.completed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not record.completed, "upstream reply was delivered in full although the client had gone"
    assert record.closed_at is not None, (
        f"upstream connection still open {time.monotonic() - t_close:.1f} s after the client closed")
    lag = record.closed_at - t_close
    assert lag < budget, f"upstream saw the close {lag * 1000:.0f} ms after the client closed"


@pytest.mark.beyond_contract
@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
def test_disconnect_before_first_token(rampart, api_key, fake_openai, fake_anthropic, endpoint, alias):
    """The client leaves while the upstream is still 'thinking' (no token sent yet)."""
    fake = fake_openai if alias == "via-openai" else fake_anthropic
    fake.response_delay = 5.0
    mk = marker()
    text = f"think long {mk}"
    if endpoint == "openai":
        path, body = OPENAI_PATH, {"model": alias, "stream": True, "messages": [{"role": "user", "content": text}]}
    else:
        path, body = ANTHROPIC_PATH, {"model": alias, "max_tokens": 64, "stream": True, "messages": [{"role": "user", "content": text}]}
    client = httpx.Client(base_url=rampart.base_url, timeout=httpx.Timeout(10.0, read=0.5))
    try:
        with client.stream("POST", path, json=body, headers=auth_headers(api_key)) as r:
            try:
                for _ in r.iter_raw():
                    pass
            except httpx.ReadTimeout:
                pass
            # The upstream must have the request by now.
            assert fake.find_streams(mk), "upstream never received the request"
            t_close = time.monotonic()
            r.close()
    except httpx.ReadTimeout:  # no response headers yet: the gateway waits for the first event
        t_close = time.monotonic()
    finally:
        client.close()
    (record,) = fake.find_streams(mk)
    assert not record.sent
    _wait_closed(record, t_close, CLOSE_BUDGET)


@pytest.mark.beyond_contract
@pytest.mark.parametrize("alias", ["via-openai", "via-anthropic"])
@pytest.mark.parametrize("endpoint", ["openai", "anthropic"])
def test_disconnect_non_streaming(rampart, api_key, fake_openai, fake_anthropic, endpoint, alias):
    """A non-streaming client that gives up also releases the upstream request."""
    fake = fake_openai if alias == "via-openai" else fake_anthropic
    fake.response_delay = 5.0
    mk = marker()
    text = f"slow answer {mk}"
    if endpoint == "openai":
        path, body = OPENAI_PATH, {"model": alias, "messages": [{"role": "user", "content": text}]}
    else:
        path, body = ANTHROPIC_PATH, {"model": alias, "max_tokens": 64, "messages": [{"role": "user", "content": text}]}
    with httpx.Client(base_url=rampart.base_url, timeout=httpx.Timeout(10.0, read=0.5)) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.post(path, json=body, headers=auth_headers(api_key))
        t_close = time.monotonic()
    records = fake.find_replies(mk)
    assert len(records) == 1, f"expected one upstream request, saw {len(records)}"
    _wait_closed(records[0], t_close, CLOSE_BUDGET)
