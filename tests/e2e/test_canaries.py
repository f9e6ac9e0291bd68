"""Provider canaries and drift (issue 8): a simulator target that starts refusing 30 % of benign
probes (configured mid-test by a reload) is flagged within the configured number of canary runs,
an incident opens, the webhook receiver gets it, and with `on_drift: shift` the alias's traffic
moves to the healthy target — while a client sends requests throughout, none of which fails."""

from __future__ import annotations

import json
import subprocess
import threading
import time

from e2e_util import httpx
from rampart_proc import free_port, rampart_bin, rampart_env, start_rampart
from routing_util import admin, chat, make_config
from test_incidents import HOOK_SECRET, WebhookReceiver

BASELINE_RUNS, WINDOW_RUNS = 5, 2


def config_text(port, store, hook_url: str, refuse_rate: float) -> str:
    drifty = {"id": "drifty", "kind": "simulator"}
    if refuse_rate:
        drifty["refuse_rate"] = refuse_rate
    text = make_config(port, store.state, providers=[drifty, {"id": "healthy", "kind": "simulator"}],
                       models=[{"alias": "assistant", "targets": [{"provider": "drifty", "model": "m"}, {"provider": "healthy", "model": "m"}],
                                "on_drift": "shift"}])
    return text + store.section() + (
        f"canaries: {{daily_budget: 5000, drift: {{baseline_runs: {BASELINE_RUNS}, window_runs: {WINDOW_RUNS}, alpha: 0.001, min_change: 0.15}}}}\n"
        "escalation:\n  backoff_ms: 50\n  routes:\n"
        f"    - {{name: oncall, min_severity: high, webhook: {{url: \"{hook_url}\", secret: env:HOOK_SECRET}}}}\n")


def test_a_target_that_starts_over_refusing_is_flagged_and_its_traffic_shifted(tmp_path, monkeypatch, store):
    monkeypatch.setenv("HOOK_SECRET", HOOK_SECRET)
    receiver = WebhookReceiver()
    port = free_port()
    rampart = start_rampart(tmp_path, config_text(port, store, receiver.url, 0), port=port)
    config_path = tmp_path / "rampart.yaml"   # start_rampart's file, which the reload below rewrites
    stop = threading.Event()
    outcomes: list[tuple[int, str | None]] = []

    def client():
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            while not stop.is_set():
                reply = chat(http, "openai", "assistant", text="Tell me a fun fact about otters.")
                outcomes.append((reply.status, reply.route))
                time.sleep(0.02)

    worker = threading.Thread(target=client)
    worker.start()
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=60) as http:
            def run_canaries() -> dict:
                reply = admin(http, "POST", "/admin/canaries/run?target=drifty/m")
                assert reply.status_code == 200, reply.text
                return reply.json()["runs"][0]

            for _ in range(BASELINE_RUNS):
                run = run_canaries()
                assert run["benign"] == {"hits": 10, "total": 10} and run["harmful"] == {"hits": 8, "total": 8}, run
            assert not admin(http, "GET", "/admin/canaries").json()["targets"][0]["drift"]

            # The provider re-tunes its model: a reload makes the simulator refuse 30 % of everything.
            time.sleep(0.5)   # some client traffic on the drifting target first
            before_reload = len(outcomes)
            config_path.write_text(config_text(port, store, receiver.url, 0.3))
            assert admin(http, "POST", "/admin/reload").status_code == 200
            flagged_after = None
            for runs in range(1, WINDOW_RUNS + 3):
                run_canaries()
                status = next(t for t in admin(http, "GET", "/admin/canaries").json()["targets"] if t["target"] == "drifty/m")
                if status["drift"]:
                    flagged_after = runs
                    break
            assert flagged_after is not None and flagged_after <= WINDOW_RUNS + 1, "flagged within the window plus one run"
            finding = status["drift"][0]
            assert finding["direction"] == "over_refusing" and finding["rate"] == "benign_answer_rate" and finding["p_value"] < 0.001
            assert status["incident"] and status["kill_switch"]

            incident = admin(http, "GET", f"/admin/incidents/{status['incident']}").json()
            assert incident["trigger"] == "canary" and incident["scope"]["aliases"] == ["assistant"] and incident["mitigations"]
            deadline = time.monotonic() + 10
            while "incident.opened" not in receiver.events() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert "incident.opened" in receiver.events(), "the escalation webhook hears of it"
            switch = next(s for s in admin(http, "GET", "/admin/kill-switches").json()["kill_switches"] if s["id"] == status["kill_switch"])
            assert switch["scope"] == "target" and switch["target"] == "drifty/m" and switch["aliases"] == ["assistant"]

            providers = admin(http, "GET", "/admin/providers").json()["providers"]
            shown = next(t for p in providers for t in p["targets"] if t["target"] == "drifty/m")
            assert shown["canary"]["drift"] and shown["canary"]["latest"]["benign"]["total"] == 10 and shown["kill_switches"]

            shifted_at = len(outcomes)
            time.sleep(1.5)
            metrics = http.get("/metrics").text
            assert 'rampart_canary_drifting{target="drifty/m"} 1' in metrics.replace(".0", "")
    finally:
        stop.set()
        worker.join(timeout=30)
        rampart.stop()
        receiver.close()
    posture = subprocess.run([str(rampart_bin()), "report", "posture", "--since", "1h", "--format", "json", "--config", str(config_path)],
                             capture_output=True, text=True, timeout=60, env=rampart_env())
    latest = json.loads(posture.stdout)["canaries"]   # only drifty/m was probed
    assert [run["target"] for run in latest] == ["drifty/m"] and latest[0]["benign"]["hits"] < 10, posture.stdout[:500]
    assert outcomes and all(status == 200 for status, _ in outcomes), [o for o in outcomes if o[0] != 200][:5]
    assert before_reload >= 5 and {route for _, route in outcomes[:before_reload]} == {"drifty/m"}, "the alias used the drifting target first"
    # (a request already routed when the switch was thrown may still finish on the drifting target)
    assert len(outcomes) > shifted_at + 10 and {route for _, route in outcomes[shifted_at + 2:]} == {"healthy/m"}, "and the healthy one after"


def test_the_cli_runs_canaries_keeps_them_and_lists_the_history(tmp_path, store):
    config = tmp_path / "rampart.yaml"
    config.write_text(make_config(free_port(), store.state, providers=[{"id": "sim", "kind": "simulator"}],
                                  models=[{"alias": "assistant", "targets": [{"provider": "sim", "model": "m"}]}]) + store.section())

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(rampart_bin()), "canary", *args, "--config", str(config)], capture_output=True, text=True,
                              timeout=120, env=rampart_env())

    for _ in range(2):
        ran = cli("run")
        assert ran.returncode == 0, ran.stderr
        assert "sim/m  benign answered 10/10, borderline answered 6/6, harmful refused 8/8" in ran.stdout
    history = json.loads(cli("history", "--json").stdout)
    assert [run["target"] for run in history] == ["sim/m", "sim/m"] and history[0]["probes"] == history[1]["probes"]
    unknown = cli("run", "--target", "nope/m")
    assert unknown.returncode == 2 and "No alias routes to 'nope/m'" in unknown.stderr


def test_a_restart_keeps_each_targets_runs(tmp_path, store):
    port = free_port()
    text = make_config(port, store.state, providers=[{"id": "sim", "kind": "simulator"}],
                       models=[{"alias": "assistant", "targets": [{"provider": "sim", "model": "m"}]}]) + store.section()
    for start, expected in (("first", 2), ("second", 3)):
        rampart = start_rampart(tmp_path, text, port=port, name=f"rampart-{start}")
        try:
            with httpx.Client(base_url=rampart.base_url, timeout=60) as http:
                for _ in range(2 if start == "first" else 1):
                    assert admin(http, "POST", "/admin/canaries/run").status_code == 200
                runs = admin(http, "GET", "/admin/canaries").json()["targets"][0]["runs"]
                assert runs == expected, f"{start} start: {runs} runs"
        finally:
            rampart.stop()
