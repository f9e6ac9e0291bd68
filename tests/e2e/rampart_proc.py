"""Starting and stopping a ``rampart serve`` process for the e2e tests.

The binary comes from ``RAMPART_BIN`` (default ``<repo>/.build/debug/rampart``).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from e2e_util import (FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, MAX_BODY_BYTES, RAMPART_TEST_KEY, SIM_SLOW_TEXT,
                      httpx)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BIN = REPO / ".build" / "debug" / "rampart"

STARTUP_TIMEOUT = 30.0


def rampart_bin() -> Path:
    p = Path(os.environ.get("RAMPART_BIN") or DEFAULT_BIN)
    if not p.is_absolute():
        p = (Path.cwd() / p).resolve()
    return p


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config_yaml(port: int, openai_url: str, anthropic_url: str, *, keys: bool = True,
                max_body_bytes: int = MAX_BODY_BYTES) -> str:
    text = f"""\
server:
  host: 127.0.0.1
  port: {port}
  max_body_bytes: {max_body_bytes}
providers:
  - id: sim
    kind: simulator
  - id: sim-slow
    kind: simulator
    token_delay_ms: 50
    text: "{SIM_SLOW_TEXT}"
  - id: fake-openai
    kind: openai
    base_url: "{openai_url}/v1"
    api_key: "env:FAKE_OPENAI_KEY"
  - id: fake-anthropic
    kind: anthropic
    base_url: "{anthropic_url}"
    api_key: "env:FAKE_ANTHROPIC_KEY"
models:
  - alias: sim
    targets:
      - {{provider: sim, model: sim-1}}
  - alias: sim-slow
    targets:
      - {{provider: sim-slow, model: sim-1}}
  - alias: via-openai
    targets:
      - {{provider: fake-openai, model: gpt-fake}}
  - alias: via-anthropic
    targets:
      - {{provider: fake-anthropic, model: claude-fake}}
"""
    if keys:
        text += """\
keys:
  - id: test-app
    secret: "env:RAMPART_TEST_KEY"
    tenant: acme
    attributes:
      jurisdiction: US
"""
    return text


def rampart_env() -> dict:
    env = dict(os.environ)
    env.update(RAMPART_TEST_KEY=RAMPART_TEST_KEY, FAKE_OPENAI_KEY=FAKE_OPENAI_KEY,
               FAKE_ANTHROPIC_KEY=FAKE_ANTHROPIC_KEY)
    return env


@dataclass
class RampartProcess:
    proc: subprocess.Popen
    port: int
    log_path: Path
    config_path: Path
    key: str = RAMPART_TEST_KEY
    _log_file: object = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def log_text(self, since: int = 0, limit: int = 6000) -> str:
        try:
            data = self.log_path.read_bytes()[since:]
        except OSError:
            return "<no log>"
        text = data.decode("utf-8", "replace")
        if len(text) > limit:
            text = "...\n" + text[-limit:]
        return text

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        return self.proc.returncode


def start_rampart(workdir: Path, config_text: str, extra_args: list[str] | None = None,
                  port: int | None = None, name: str = "rampart") -> RampartProcess:
    """Start ``rampart serve`` and wait until /healthz is 200, or pytest.fail."""
    binary = rampart_bin()
    if not binary.exists():
        pytest.fail(
            f"Rampart binary not found at {binary}. Build it first (swift build) or set RAMPART_BIN "
            f"to the path of a `rampart` executable that supports `rampart serve --config FILE`.",
            pytrace=False,
        )
    workdir.mkdir(parents=True, exist_ok=True)
    cfg = workdir / f"{name}.yaml"
    cfg.write_text(config_text)
    log_path = workdir / f"{name}.stderr.log"
    log = open(log_path, "wb")
    cmd = [str(binary), "serve", "--config", str(cfg)] + list(extra_args or [])
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=rampart_env(), cwd=str(workdir))
    if port is None:
        m = re.search(r"^\s*port:\s*(\d+)", config_text, re.M)
        port = int(m.group(1))
    rp = RampartProcess(proc=proc, port=port, log_path=log_path, config_path=cfg, _log_file=log)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_err = None
    with httpx.Client(timeout=2.0) as c:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                rp.stop()
                pytest.fail(
                    f"`{' '.join(cmd)}` exited with status {proc.returncode} before becoming healthy.\n"
                    f"--- rampart stderr ---\n{rp.log_text()}",
                    pytrace=False,
                )
            try:
                r = c.get(f"{rp.base_url}/healthz")
                if r.status_code == 200:
                    return rp
                last_err = f"HTTP {r.status_code}: {r.text[:200]}"
            except httpx.TransportError as e:
                last_err = repr(e)
            time.sleep(0.1)
    rp.stop(signal.SIGKILL)
    pytest.fail(
        f"rampart did not answer 200 on /healthz within {STARTUP_TIMEOUT:.0f}s (last: {last_err}).\n"
        f"command: {' '.join(cmd)}\n--- rampart stderr ---\n{rp.log_text()}",
        pytrace=False,
    )
