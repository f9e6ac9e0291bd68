"""Two Rampart processes on one PostgreSQL store (issue 7): a kill switch thrown on one replica is
in force on the other within 2 s, and lifted the same way; both replicas append to one audit chain."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from e2e_util import httpx
from rampart_proc import free_port, rampart_bin, rampart_env, start_rampart
from routing_util import admin, chat, default_keys, make_config
from store_backends import KINDS, Store

pytestmark = pytest.mark.skipif("postgres" not in KINDS, reason="needs a PostgreSQL server (RAMPART_TEST_POSTGRES_URL)")


def replica_config(store: Store, port: int, state: Path, keys: list[dict] | None = None) -> str:
    models = [{"alias": alias, "targets": [{"provider": "sim", "model": "m"}]} for alias in ("assistant", "other")]
    return make_config(port, state, providers=[{"id": "sim", "kind": "simulator"}], models=models, keys=keys) + store.section()


def seconds_until(condition, limit: float = 5.0) -> float:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, f"not within {limit} s"
        time.sleep(0.05)
    return time.monotonic() - start


def test_a_kill_switch_thrown_on_one_replica_holds_on_the_other_within_two_seconds(tmp_path):
    store = Store("postgres", tmp_path / "unused")
    ports = [free_port(), free_port()]
    replicas = [start_rampart(tmp_path / f"r{i}", replica_config(store, port, tmp_path / f"r{i}" / "state"), port=port, name=f"replica-{i}")
                for i, port in enumerate(ports)]
    try:
        with httpx.Client(base_url=replicas[0].base_url, timeout=10) as first, httpx.Client(base_url=replicas[1].base_url, timeout=10) as second:
            assert chat(first, "openai", "assistant").status == 200 and chat(second, "openai", "assistant").status == 200
            thrown = admin(first, "POST", "/admin/kill-switches", json={"scope": "alias", "target": "assistant", "reason": "test"})
            assert thrown.status_code == 201, thrown.text
            assert chat(first, "openai", "assistant").status == 403, "at once where it was thrown"
            took = seconds_until(lambda: chat(second, "openai", "assistant").status == 403)
            assert took < 2.0, f"took {took:.2f} s to reach the other replica"
            listed = admin(second, "GET", "/admin/kill-switches").json()["kill_switches"]
            assert [s["id"] for s in listed] == [thrown.json()["id"]]

            lifted = admin(second, "DELETE", f"/admin/kill-switches/{thrown.json()['id']}")
            assert lifted.status_code == 200
            took = seconds_until(lambda: chat(first, "openai", "assistant").status == 200)
            assert took < 2.0, f"took {took:.2f} s to lift on the other replica"
    finally:
        for replica in replicas:
            replica.stop()
    # Both replicas' events form one chain.
    verified = subprocess.run([str(rampart_bin()), "audit", "verify", "--config", str(tmp_path / "r0" / "replica-0.yaml")],
                              capture_output=True, text=True, timeout=60, env=rampart_env())
    assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout + verified.stderr
    kinds = [e.get("action") for e in store.bodies() if e["kind"] == "admin"]
    assert kinds == ["kill_switch.create", "kill_switch.remove"]


def test_a_managed_key_works_on_every_replica_and_is_refused_everywhere_the_moment_it_is_revoked(tmp_path):
    store = Store("postgres", tmp_path / "unused")
    ports = [free_port(), free_port()]
    configs = [replica_config(store, port, tmp_path / f"r{i}" / "state") for i, port in enumerate(ports)]
    replicas = [start_rampart(tmp_path / f"r{i}", configs[i], port=port, name=f"replica-{i}") for i, port in enumerate(ports)]
    try:
        with httpx.Client(base_url=replicas[0].base_url, timeout=10) as first, httpx.Client(base_url=replicas[1].base_url, timeout=10) as second:
            created = admin(first, "POST", "/admin/keys", json={"name": "svc", "tenant": "globex", "aliases": ["assistant"],
                                                                 "attributes": {"tier": "gold"}})
            assert created.status_code == 201, created.text
            key = created.json()
            assert key["secret"].startswith("rk-") and key["status"] == "active" and "secret_digest" not in key
            secret = key["secret"]

            # The key works on the other replica at once, only for its alias.
            assert chat(second, "openai", "assistant", key=secret).status == 200
            denied = chat(second, "openai", "other", key=secret)
            assert denied.status == 403 and denied.error["code"] == "rampart_access_denied", denied.describe()
            listed = admin(second, "GET", "/admin/keys").json()["keys"]
            assert [k["id"] for k in listed] == [key["id"]] and "secret" not in listed[0]

            # Revoked on one replica: the very next request on the other is refused.
            assert admin(first, "DELETE", f"/admin/keys/{key['id']}").status_code == 200
            refused = chat(second, "openai", "assistant", key=secret)
            assert refused.status == 401 and refused.error["code"] == "rampart_key_revoked", refused.describe()

            # Expired keys are refused too; a rotated key's successor works and the old one keeps its grace.
            short = admin(first, "POST", "/admin/keys", json={"expires_in_s": 1}).json()
            rotating = admin(first, "POST", "/admin/keys", json={"tenant": "initech"}).json()
            rotated = admin(second, "POST", f"/admin/keys/{rotating['id']}/rotate", json={"grace_s": 60})
            assert rotated.status_code == 201 and rotated.json()["replaces"] == rotating["id"]
            assert chat(first, "openai", "assistant", key=rotated.json()["secret"]).status == 200
            assert chat(first, "openai", "assistant", key=rotating["secret"]).status == 200
            time.sleep(1.2)
            expired = chat(second, "openai", "assistant", key=short["secret"])
            assert expired.status == 401 and expired.error["code"] == "rampart_key_expired", expired.describe()
            # A kill switch can name a managed key, and holds on both replicas.
            switch = admin(first, "POST", "/admin/kill-switches", json={"scope": "key", "target": rotated.json()["id"], "reason": "leaked"})
            assert switch.status_code == 201, switch.text
            assert seconds_until(lambda: chat(second, "openai", "assistant", key=rotated.json()["secret"]).status == 403) < 2.0
            # A managed key's own limits hold across both replicas.
            limited = admin(first, "POST", "/admin/keys", json={"limits": {"requests_per_minute": 3}}).json()
            assert limited["limits"] == {"requests_per_minute": 3}
            statuses = [chat(second if i % 2 else first, "openai", "assistant", key=limited["secret"]).status for i in range(5)]
            assert statuses.count(200) == 3 and statuses.count(429) == 2, statuses
            assert admin(first, "POST", "/admin/keys", json={"limits": {"requests_per_minute": 0}}).status_code == 400
            bad = admin(first, "POST", "/admin/keys", json={"aliases": ["nope"]})
            assert bad.status_code == 400 and "nope" in bad.text
    finally:
        for replica in replicas:
            replica.stop()
    listed = subprocess.run([str(rampart_bin()), "keys", "list", "--config", str(tmp_path / "r0" / "replica-0.yaml")],
                            capture_output=True, text=True, timeout=60, env=rampart_env())
    assert listed.returncode == 0 and "revoked" in listed.stdout and "expired" in listed.stdout, listed.stdout + listed.stderr
    # The store holds digests, never a secret.
    assert secret.encode() not in store.dump()


def test_a_key_limit_holds_across_two_replicas_under_a_burst_from_four_clients(tmp_path):
    """600 requests a minute, with the window scaled down to 6 s: 60 per window, however the four
    clients (two per replica) spread their requests."""
    store = Store("postgres", tmp_path / "unused")
    ports = [free_port(), free_port()]
    replicas = []
    for i, port in enumerate(ports):
        keys = [{**default_keys()[0], "limits": {"requests_per_minute": 600}}]
        config = replica_config(store, port, tmp_path / f"r{i}" / "state", keys=keys) + "limits: {window_s: 6}\n"
        replicas.append(start_rampart(tmp_path / f"r{i}", config, port=port, name=f"replica-{i}"))
    window, results, lock = 6, [], threading.Lock()
    stop = threading.Event()

    def client(base_url: str):
        with httpx.Client(base_url=base_url, timeout=10) as http:
            while not stop.is_set():
                reply = chat(http, "openai", "assistant")
                with lock:
                    results.append((time.time(), reply.status, reply.headers.get("retry-after")))

    try:
        # Start just after a window opens, run three whole windows.
        time.sleep(window - time.time() % window + 0.05)
        threads = [threading.Thread(target=client, args=(r.base_url,)) for r in replicas for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(3 * window)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    finally:
        for replica in replicas:
            replica.stop()
    assert {status for _, status, _ in results} == {200, 429}, "only answers and typed limit errors"
    assert all(retry and 0 < int(retry) <= window for _, status, retry in results if status == 429)
    per_window: dict[int, int] = {}
    for at, status, _ in results:
        if status == 200:
            per_window[int(at // window)] = per_window.get(int(at // window), 0) + 1
    whole = sorted(per_window)[:3]
    counts = [per_window[w] for w in whole]
    assert len(results) > 3 * 60 * 2, "the burst must press well past the limit"
    print(f"served per 6-s window: {counts}; answers: {len(results)}")
    assert all(57 <= count <= 63 for count in counts), f"served per 6-s window: {counts} (limit 60 ± 5%)"
