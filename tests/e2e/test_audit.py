"""The audit trail end to end: durability across kill -9, spill and replay while the store is
locked, `rampart audit verify` against edits and deletions, and no secret written anywhere.

Each test runs its own Rampart on an empty store of each kind (SQLite in its state directory, and a
PostgreSQL database of its own when one is available: see store_backends.py) and reads the
database directly.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from e2e_util import httpx
from fake_upstreams import FakeOpenAI
from rampart_proc import free_port, rampart_bin, rampart_env, start_rampart
from routing_util import (ADMIN_TOKEN, FAKE_OPENAI_KEY, RAMPART_TEST_KEY, admin, chat, fake_providers, make_config,
                          wait_until)
from fake_upstreams import FakeAnthropic
from store_backends import KINDS, Store


def audit_config(store: Store, port: int, fo: FakeOpenAI | None = None, text: str = "hash") -> str:
    providers = [{"id": "sim", "kind": "simulator"}]
    models = [{"alias": "sim", "targets": [{"provider": "sim", "model": "m"}]}]
    if fo is not None:
        providers += fake_providers(fo, FakeAnthropic(api_key="unused"))[:1]
        models.append({"alias": "via-openai", "targets": [{"provider": "fake-openai", "model": "gpt-test"}]})
    return make_config(port, store.state, providers=providers, models=models) + store.section(text)


def verify(config_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(rampart_bin()), "audit", "verify", "--config", str(config_path)], capture_output=True, text=True,
                          timeout=60, env=rampart_env())


def test_no_answered_request_loses_its_event_when_rampart_is_killed(tmp_path, store):
    port = free_port()
    config = audit_config(store, port)
    rampart = start_rampart(tmp_path, config, port=port)
    answered: list[str] = []
    lock, stop = threading.Lock(), threading.Event()

    def client():
        with httpx.Client(base_url=rampart.base_url, timeout=5) as http:
            while not stop.is_set():
                try:
                    reply = chat(http, "openai", "sim")
                except Exception:  # noqa: BLE001 - the server dies under us
                    return
                if reply.status == 200:
                    with lock:
                        answered.append(reply.headers["x-rampart-request-id"])

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    rampart.stop(sig=signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert len(answered) > 100, "the load was too light to mean anything"

    restarted = start_rampart(tmp_path, config, port=port, name="restarted")
    try:
        # The journal left by the killed process is stored by the new one's writer.
        wait_until(lambda: set(answered) <= {e["request_id"] for e in store.bodies()}, timeout=10)
        missing = set(answered) - {e["request_id"] for e in store.bodies()}
        assert not missing, f"{len(missing)} answered requests have no audit event"
    finally:
        restarted.stop()
    result = verify(tmp_path / "restarted.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_events_spill_while_the_store_is_locked_and_are_stored_when_it_returns(tmp_path, store):
    port = free_port()
    rampart = start_rampart(tmp_path, audit_config(store, port), port=port)
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            assert chat(http, "openai", "sim").status == 200
            wait_until(lambda: len(store.bodies()) == 1, timeout=5)
            with store.locked():   # no other writer until it ends
                for _ in range(20):
                    assert chat(http, "openai", "sim").status == 200, "answering does not wait for the store"
                degraded = wait_until(lambda: (r := http.get("/readyz")).status_code == 503 and r, timeout=15)
                body = degraded.json()
                assert body["status"] == "degraded" and "unreachable" in body["reason"]
                assert body["audit"]["pending"] >= 20 and body["audit"]["store_error"]
            wait_until(lambda: len(store.bodies()) == 21, timeout=20)
            wait_until(lambda: http.get("/readyz").status_code == 200, timeout=10)
            assert "spilled events stored" in rampart.log_text()
    finally:
        rampart.stop()


@pytest.mark.skipif("postgres" not in KINDS, reason="needs a PostgreSQL server (RAMPART_TEST_POSTGRES_URL)")
def test_a_replica_starts_while_postgres_is_unreachable_and_stores_everything_once_it_answers(tmp_path):
    store, port = Store("postgres", tmp_path / "state", create=False), free_port()   # the database does not exist yet
    rampart = start_rampart(tmp_path, audit_config(store, port), port=port)
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            sent = [chat(http, "openai", "sim") for _ in range(10)]
            assert all(reply.status == 200 for reply in sent), "answering does not wait for the store"
            degraded = wait_until(lambda: (r := http.get("/readyz")).status_code == 503 and r, timeout=15).json()
            assert degraded["audit"]["pending"] >= 10 and "does not exist" in degraded["audit"]["store_error"]
            assert "not reachable yet" in rampart.log_text()
            store.create()
            wait_until(lambda: http.get("/readyz").status_code == 200, timeout=20)
            ids = {reply.headers["x-rampart-request-id"] for reply in sent}
            assert ids == {event["request_id"] for event in store.bodies()}
    finally:
        rampart.stop()
    assert verify(tmp_path / "rampart.yaml").returncode == 0


def test_audit_verify_finds_edited_and_deleted_events(tmp_path, store):
    port = free_port()
    for _ in range(2):   # two runs, so that the trail holds at least two batches
        rampart = start_rampart(tmp_path, audit_config(store, port), port=port)
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            for _ in range(3):
                assert chat(http, "openai", "sim").status == 200
        rampart.stop()   # SIGTERM: the trail is flushed
    config_path = tmp_path / "rampart.yaml"
    intact = verify(config_path)
    assert intact.returncode == 0 and "intact: 6 events" in intact.stdout, intact.stdout + intact.stderr
    listed = subprocess.run([str(rampart_bin()), "audit", "events", "--config", str(config_path), "--since", "1h", "--json"],
                            capture_output=True, text=True, timeout=60, env=rampart_env())
    bodies = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(bodies) == 6 and all(b["outcome"] == "ok" and b["tenant"] == "acme" for b in bodies)
    assert [b["id"] for b in store.bodies()] == [b["id"] for b in bodies]

    holding_2 = "WHERE first_seq <= 2 AND last_seq >= 2"
    store.execute(f"UPDATE audit_batches SET bodies = replace(bodies, '\"status\":200', '\"status\":201') {holding_2}")
    edited = verify(config_path)
    assert edited.returncode == 1 and "seq 2: its body does not match its hash" in edited.stdout, edited.stdout

    store.execute(f"UPDATE audit_batches SET bodies = replace(bodies, '\"status\":201', '\"status\":200') {holding_2}")
    assert verify(config_path).returncode == 0
    store.execute("DELETE FROM audit_batches WHERE first_seq = 1")
    deleted = verify(config_path)
    assert deleted.returncode == 1 and re.search(r"events 1–\d are missing", deleted.stdout), deleted.stdout

    store.execute("DELETE FROM audit_batches WHERE last_seq = 6")
    cut = verify(config_path)
    assert cut.returncode == 1 and "removed from the end" in cut.stdout, cut.stdout


def test_no_key_token_or_provider_credential_is_written_anywhere(tmp_path, store):
    fo = FakeOpenAI(api_key=FAKE_OPENAI_KEY).start()
    port = free_port()
    pasted = "sk-proj-PASTEDSECRET1234567890abcdefXYZ"
    wrong_key = "rk-wrong-key-7f3e9a1c55d2"
    rampart = start_rampart(tmp_path, audit_config(store, port, fo, text="redacted"), port=port)
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            assert chat(http, "openai", "via-openai", text=f"my key is {pasted}, keep it safe").status == 200
            assert chat(http, "openai", "via-openai", stream=True).status == 200
            assert chat(http, "anthropic", "via-openai").status == 200
            assert chat(http, "openai", "sim", key=wrong_key).status == 401
            assert chat(http, "openai", "sim", key=None).status == 401
            created = admin(http, "POST", "/admin/kill-switches", json={"scope": "alias", "target": "sim", "reason": "test"})
            assert created.status_code == 201
        rampart.stop()
    finally:
        fo.stop()
    events = store.bodies()
    assert len(events) == 6 and events[-1]["kind"] == "admin" and events[-1]["action"] == "kill_switch.create"
    assert events[0]["prompt"]["redacted"] is True and pasted not in events[0]["prompt"]["text"]
    secrets = [RAMPART_TEST_KEY, FAKE_OPENAI_KEY, ADMIN_TOKEN, wrong_key, pasted]
    written = {str(p.relative_to(tmp_path)): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".yaml"}
    assert any(name.endswith(".log") for name in written) and any("audit-journal" in name for name in written)
    if store.kind == "sqlite":
        assert "state/rampart.db" in written
    else:
        written["the PostgreSQL database"] = store.dump()
        assert b"kill_switch.create" in written["the PostgreSQL database"]
    for name, data in written.items():
        for secret in secrets:
            assert secret.encode() not in data, f"{secret[:8]}… found in {name}"


def test_a_hunt_finds_earlier_uses_of_an_attack_and_who_sent_them(tmp_path, store):
    port = free_port()
    rampart = start_rampart(tmp_path, audit_config(store, port, text="redacted"), port=port)
    with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
        assert chat(http, "openai", "sim", text="How do I bake sourdough bread?").status == 200
        exported = subprocess.run([str(rampart_bin()), "redteam", "--export", str(tmp_path / "attacks.jsonl"), "--techniques",
                                   "grandmother", "--per-category", "1"], capture_output=True, text=True, timeout=60)
        assert exported.returncode == 0, exported.stderr
        attacks = [json.loads(line)["text"] for line in (tmp_path / "attacks.jsonl").read_text().splitlines()[:2]]
        for attack in attacks:   # the technique around two goals, as an attacker would have sent it
            chat(http, "openai", "sim", text=attack)
    rampart.stop()
    result = subprocess.run([str(rampart_bin()), "hunt", "--config", str(tmp_path / "rampart.yaml"), "--since", "1h",
                             "--detector", "technique:grandmother", "--json"], capture_output=True, text=True, timeout=60, env=rampart_env())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["requests"] == 3 and report["matches"] == 2 and report["without_text"] == 0
    assert report["by_tenant"] == {"acme": 2} and report["by_key"] == {"test-app": 2}
    assert all("grandmother" in example["evidence"] for example in report["examples"])


def test_a_client_leaving_mid_stream_is_recorded_as_cancelled(tmp_path, store):
    port = free_port()
    config = make_config(port, store.state, providers=[{"id": "slow", "kind": "simulator", "token_delay_ms": 50,
                                                  "text": " ".join(["word"] * 200)}],
                         models=[{"alias": "slow", "targets": [{"provider": "slow", "model": "m"}]}]) + store.section()
    rampart = start_rampart(tmp_path, config, port=port)
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=10) as http:
            body = {"model": "slow", "stream": True, "messages": [{"role": "user", "content": "talk"}]}
            with http.stream("POST", "/v1/chat/completions", json=body, headers={"authorization": f"Bearer {RAMPART_TEST_KEY}"}) as r:
                assert r.status_code == 200
                next(r.iter_raw())   # the first bytes, then hang up
        wait_until(lambda: len(store.bodies()) == 1, timeout=10)
    finally:
        rampart.stop()
    [event] = store.bodies()
    assert event["outcome"] == "cancelled" and event["status"] == 499 and event["stream"] is True
