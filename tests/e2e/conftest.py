"""Session fixtures for Rampart's end-to-end tests.

Starts the fake upstreams, writes a config with free ports, starts
``rampart serve`` and waits for ``/healthz``.  The binary comes from
``RAMPART_BIN`` (default ``<repo>/.build/debug/rampart``).
"""

from __future__ import annotations

import signal

import pytest

from e2e_util import FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, httpx
from fake_upstreams import FakeAnthropic, FakeOpenAI
from rampart_proc import RampartProcess, config_yaml, free_port, start_rampart
from store_backends import store  # noqa: F401 - the `store` fixture, for the audit and incident tests

_STATE: dict = {"rampart": None, "fakes": []}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "beyond_contract: checks behaviour the written contract does not spell out "
        "(deselect with -m 'not beyond_contract')")


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fake_openai():
    f = FakeOpenAI(api_key=FAKE_OPENAI_KEY).start()
    _STATE["fakes"].append(f)
    yield f
    f.stop()


@pytest.fixture(scope="session")
def fake_anthropic():
    f = FakeAnthropic(api_key=FAKE_ANTHROPIC_KEY).start()
    _STATE["fakes"].append(f)
    yield f
    f.stop()


@pytest.fixture(autouse=True)
def _reset_fakes():
    yield
    for f in _STATE["fakes"]:
        f.reset()


@pytest.fixture(scope="session")
def rampart(tmp_path_factory, fake_openai, fake_anthropic) -> RampartProcess:
    workdir = tmp_path_factory.mktemp("rampart")
    port = free_port()
    rp = start_rampart(workdir, config_yaml(port, fake_openai.url, fake_anthropic.url), port=port)
    _STATE["rampart"] = rp
    yield rp
    _STATE["rampart"] = None
    rc = rp.stop()
    if rc not in (0, -signal.SIGTERM, 128 + signal.SIGTERM):
        print(f"\nrampart exited with status {rc} after SIGTERM.\n--- rampart stderr (tail) ---\n{rp.log_text(limit=3000)}")


@pytest.fixture(scope="session")
def base_url(rampart) -> str:
    return rampart.base_url


@pytest.fixture(scope="session")
def api_key(rampart) -> str:
    return rampart.key


@pytest.fixture(scope="session")
def http(rampart):
    with httpx.Client(base_url=rampart.base_url, timeout=15.0) as c:
        yield c


@pytest.fixture(scope="session")
def openai_client(rampart):
    import openai

    c = openai.OpenAI(base_url=f"{rampart.base_url}/v1", api_key=rampart.key, max_retries=0, timeout=20.0)
    yield c
    c.close()


@pytest.fixture(scope="session")
def anthropic_client(rampart):
    import anthropic

    c = anthropic.Anthropic(base_url=rampart.base_url, api_key=rampart.key, max_retries=0, timeout=20.0)
    yield c
    c.close()


# ---------------------------------------------------------------------------
# Failure diagnostics: attach rampart's stderr and the upstream requests seen
# during a failing test to its report.
# ---------------------------------------------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    # A module that runs its own rampart and fakes publishes them in a module-level
    # dict E2E_STATE = {"rampart": ..., "fakes": [...]}, used here instead of the session ones.
    state = getattr(getattr(item, "module", None), "E2E_STATE", None) or _STATE
    rp = state.get("rampart")
    fakes = state.get("fakes") or []
    if call.when == "setup":
        item._e2e_log_offset = rp.log_size() if rp else 0
        item._e2e_req_offsets = [len(f.requests) for f in fakes]
    if not rep.failed or call.when == "teardown":
        return
    if rp is not None:
        rep.sections.append(("rampart stderr during test", rp.log_text(getattr(item, "_e2e_log_offset", 0), limit=4000)))
    offsets = getattr(item, "_e2e_req_offsets", [])
    lines = []
    for i, f in enumerate(fakes):
        start = offsets[i] if i < len(offsets) else 0
        for r in f.requests[start:][-6:]:
            raw = r.raw.decode("utf-8", "replace")
            if len(raw) > 1500:
                raw = raw[:1500] + "...<truncated>"
            resp = "" if r.response is None else f"\n    -> {r.status} {str(r.response)[:600]}"
            lines.append(f"{f.name}: {r.method} {r.path} {raw}{resp}")
    if lines:
        rep.sections.append(("upstream requests during test", "\n".join(lines)))
