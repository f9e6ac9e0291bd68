"""Process lifecycle: --port override, logging, no-keys mode, SIGTERM/SIGINT."""

from __future__ import annotations

import signal
import time

import pytest

from e2e_util import OPENAI_PATH, httpx
from rampart_proc import config_yaml, free_port, start_rampart


def _wait_exit(rp, timeout: float = 10.0) -> float:
    t0 = time.monotonic()
    try:
        rp.proc.wait(timeout=timeout)
    except Exception:
        pass
    return time.monotonic() - t0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_server(tmp_path, fake_openai, fake_anthropic, sig):
    port = free_port()
    rp = start_rampart(tmp_path, config_yaml(port, fake_openai.url, fake_anthropic.url), port=port, name=f"rampart-{sig.name}")
    try:
        rp.proc.send_signal(sig)
        took = _wait_exit(rp)
        assert rp.proc.poll() is not None, f"rampart still running 10 s after {sig.name}"
        assert took < 10.0
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{rp.base_url}/healthz", timeout=1.0)
    finally:
        rp.stop(signal.SIGKILL)


def test_port_flag_overrides_config_and_logs_to_stderr(tmp_path, fake_openai, fake_anthropic):
    cfg_port, cli_port = free_port(), free_port()
    rp = start_rampart(tmp_path, config_yaml(cfg_port, fake_openai.url, fake_anthropic.url),
                       extra_args=["--host", "127.0.0.1", "--port", str(cli_port)], port=cli_port, name="rampart-port")
    try:
        assert httpx.get(f"{rp.base_url}/healthz", timeout=2.0).status_code == 200
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{cfg_port}/healthz", timeout=1.0)
        assert rp.log_size() > 0, "rampart wrote nothing to stderr"
    finally:
        rp.stop()


def test_no_keys_configured_means_open_access(tmp_path, fake_openai, fake_anthropic):
    port = free_port()
    rp = start_rampart(tmp_path, config_yaml(port, fake_openai.url, fake_anthropic.url, keys=False), port=port, name="rampart-open")
    try:
        with httpx.Client(base_url=rp.base_url, timeout=10.0) as c:
            r = c.post(OPENAI_PATH, json={"model": "sim", "messages": [{"role": "user", "content": "hi"}]})
            assert r.status_code == 200, r.text[:300]
            assert r.json()["choices"][0]["message"]["content"]
    finally:
        rp.stop()
