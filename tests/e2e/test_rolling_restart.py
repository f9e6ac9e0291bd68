"""Draining and rolling restarts (issue 7): SIGTERM stops new connections at once and lets the
requests in flight, streams included, finish before Rampart exits; and with two replicas behind a
load balancer (nginx, which moves a refused or reset connection to the other replica), restarting one and
then the other under load fails no client request."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from e2e_util import httpx
from rampart_proc import free_port, start_rampart
from routing_util import RAMPART_TEST_KEY, chat, make_config, wait_until

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def slow_config(port: int, state: Path, words: int = 40) -> str:
    providers = [{"id": "sim", "kind": "simulator", "token_delay_ms": 25, "text": " ".join(["word"] * words)}]
    return make_config(port, state, providers=providers, models=[{"alias": "slow", "targets": [{"provider": "sim", "model": "m"}]}])


def test_sigterm_refuses_new_connections_and_lets_streams_in_flight_finish(tmp_path):
    port = free_port()
    rampart = start_rampart(tmp_path, slow_config(port, tmp_path / "state", words=80), port=port)   # a 2 s stream
    result: dict = {}

    def stream():
        with httpx.Client(base_url=rampart.base_url, timeout=30) as http:
            result["reply"] = chat(http, "openai", "slow", stream=True)

    reader = threading.Thread(target=stream)
    reader.start()
    time.sleep(0.5)
    rampart.proc.send_signal(15)
    time.sleep(0.3)
    with pytest.raises(httpx.ConnectError):
        httpx.get(rampart.base_url + "/healthz", timeout=2)
    assert rampart.proc.poll() is None, "still running: a stream is in flight"
    reader.join(timeout=20)
    reply = result["reply"]
    assert reply.status == 200 and len(reply.text.split()) == 80 and reply.events[-1].data == "[DONE]", reply.describe()
    rampart.proc.wait(timeout=10)
    assert rampart.proc.returncode == 0


@pytest.mark.skipif(not Path(NGINX).exists(), reason="needs nginx (CI installs it)")
def test_restarting_one_replica_at_a_time_fails_no_request(tmp_path):
    ports = [free_port(), free_port()]
    replicas = [start_rampart(tmp_path / f"r{i}", slow_config(p, tmp_path / f"r{i}" / "state", words=8), port=p, name=f"replica-{i}")
                for i, p in enumerate(ports)]
    balancer = free_port()
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    (prefix / "nginx.conf").write_text(f"""
worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path body; proxy_temp_path proxy; fastcgi_temp_path fastcgi; uwsgi_temp_path uwsgi; scgi_temp_path scgi;
    upstream rampart {{ server 127.0.0.1:{ports[0]} max_fails=0; server 127.0.0.1:{ports[1]} max_fails=0; }}
    server {{
        listen 127.0.0.1:{balancer};
        location / {{
            proxy_pass http://rampart;
            proxy_buffering off;            # streams pass through as they are written
            # A refused connection, or one reset before any answer, is tried on the other replica: a
            # replica closing its listener resets connections the kernel had queued but it never
            # accepted (it finishes every request it did accept), so these were never served.
            proxy_next_upstream error non_idempotent;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }}
    }}
}}
""")
    nginx = subprocess.Popen([NGINX, "-p", str(prefix) + "/", "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log"),
                              "-g", "daemon off;"])
    stop, lock = threading.Event(), threading.Lock()
    outcomes: list[int] = []
    failures: list[str] = []

    def client(index: int):
        with httpx.Client(base_url=f"http://127.0.0.1:{balancer}", timeout=30) as http:
            count = 0
            while not stop.is_set():
                reply = chat(http, "openai", "slow", stream=(count + index) % 2 == 0)
                count += 1
                ok = reply.status == 200 and len(reply.text.split()) == 8 and (not reply.events or reply.events[-1].data == "[DONE]")
                with lock:
                    outcomes.append(reply.status)
                    if not ok:
                        failures.append(reply.describe()[:300])

    def balancer_up() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{balancer}/healthz", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        assert wait_until(balancer_up, timeout=10), (prefix / "error.log").read_text()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        for i, port in enumerate(ports):   # a rolling restart: one replica, then the other
            replicas[i].stop()   # SIGTERM: drains, then exits
            time.sleep(0.5)      # the other replica carries the load alone
            replicas[i] = start_rampart(tmp_path / f"r{i}", slow_config(port, tmp_path / f"r{i}" / "state", words=8), port=port,
                                        name=f"replica-{i}-restarted")
            time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert len(outcomes) > 50, "the load was too light to mean anything"
        assert not failures, f"{len(failures)} of {len(outcomes)} requests failed: {failures[:3]}"
    finally:
        stop.set()
        nginx.terminate()
        nginx.wait(timeout=10)
        for replica in replicas:
            replica.stop()
