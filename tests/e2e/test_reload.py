"""Hot reload (issue 7): 1,000 requests in flight across two reloads (POST /admin/reload and
SIGHUP) all complete on the configuration they started with; the next requests see the new one;
an invalid file, or one that changes what needs a restart, is rejected with the reasons while the
running configuration keeps serving; kill switches survive a reload."""

from __future__ import annotations

import asyncio
import json
import signal
import time

from e2e_util import httpx

from rampart_proc import free_port, start_rampart
from routing_util import ADMIN_TOKEN, RAMPART_TEST_KEY, admin, breaker_state, chat, make_config, wait_until

WORDS = 25   # the simulator answers this many words, 40 ms apart: each request takes about a second


def config(port: int, state, *, answer: str, extra_alias: bool = False, port_override: int | None = None) -> str:
    providers = [{"id": "sim", "kind": "simulator", "token_delay_ms": 40, "text": " ".join([answer] * WORDS)}]
    models = [{"alias": "slow", "targets": [{"provider": "sim", "model": "m"}]}]
    if extra_alias:
        models.append({"alias": "fresh", "targets": [{"provider": "sim", "model": "m"}]})
    return make_config(port_override or port, state, providers=providers, models=models)


async def one_request(client: httpx.AsyncClient, index: int) -> tuple[int, str]:
    body = {"model": "slow", "messages": [{"role": "user", "content": f"What is {index} plus one?"}], "stream": index % 2 == 0}
    headers = {"authorization": f"Bearer {RAMPART_TEST_KEY}"}
    if body["stream"]:
        text = []
        async with client.stream("POST", "/v1/chat/completions", json=body, headers=headers) as reply:
            async for line in reply.aiter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    for choice in json.loads(line[6:]).get("choices", []):
                        text.append(choice.get("delta", {}).get("content") or "")
                elif line == "data: [DONE]":
                    text.append("[DONE]")
            return reply.status_code, "".join(text)
    reply = await client.post("/v1/chat/completions", json=body, headers=headers)
    return reply.status_code, reply.json()["choices"][0]["message"]["content"] if reply.status_code == 200 else reply.text


async def load_across_reloads(base_url: str, reload) -> list[tuple[int, str]]:
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=1000)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:
        tasks = [asyncio.create_task(one_request(client, i)) for i in range(1000)]
        await asyncio.sleep(0.4)
        await asyncio.to_thread(reload)
        return [r if isinstance(r, tuple) else (0, repr(r)) for r in await asyncio.gather(*tasks, return_exceptions=True)]


def test_a_thousand_requests_in_flight_complete_across_reloads(tmp_path):
    port, state = free_port(), tmp_path / "state"
    rampart = start_rampart(tmp_path, config(port, state, answer="old"), port=port)
    path = tmp_path / "rampart.yaml"
    try:
        def reload_twice():
            path.write_text(config(port, state, answer="new", extra_alias=True))
            with httpx.Client(base_url=rampart.base_url, timeout=30) as http:
                reply = admin(http, "POST", "/admin/reload")
                assert reply.status_code == 200 and reply.json()["status"] == "reloaded", reply.text
            path.write_text(config(port, state, answer="newer", extra_alias=True))
            rampart.proc.send_signal(signal.SIGHUP)

        started = time.monotonic()
        results = asyncio.run(load_across_reloads(rampart.base_url, reload_twice))
        failed = [r for r in results if r[0] != 200]
        assert not failed, f"{len(failed)} of 1000 failed, e.g. {failed[:3]}"
        streams, plain = results[0::2], results[1::2]
        assert all(text.endswith("[DONE]") for _, text in streams), "every stream ended properly"
        # Each request was answered whole by the configuration it started on.
        for _, text in results:
            words = text.replace("[DONE]", "").split()
            assert len(words) == WORDS and len(set(words)) == 1, text[:200]
        assert time.monotonic() - started < 30

        with httpx.Client(base_url=rampart.base_url, timeout=30) as http:
            wait_until(lambda: "configuration reloaded" in rampart.log_text() and rampart.log_text().count("configuration reloaded") >= 2,
                       timeout=10)
            reply = chat(http, "openai", "fresh")
            assert reply.status == 200 and reply.text.split()[0] == "newer", reply.describe()
    finally:
        rampart.stop()


def test_a_bad_file_is_rejected_and_the_running_configuration_stays(tmp_path):
    port, state = free_port(), tmp_path / "state"
    rampart = start_rampart(tmp_path, config(port, state, answer="old"), port=port)
    path = tmp_path / "rampart.yaml"
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=30) as http:
            thrown = admin(http, "POST", "/admin/kill-switches", json={"scope": "alias", "target": "slow", "reason": "test"})
            assert thrown.status_code == 201

            path.write_text(config(port, state, answer="new").replace("models:", "modles:"))
            rejected = admin(http, "POST", "/admin/reload")
            assert rejected.status_code == 422, rejected.text
            error = rejected.json()["error"]
            assert error["code"] == "rampart_invalid_config" and "modles" in error["message"], error

            path.write_text(config(port, state, answer="new", port_override=free_port()))
            restart = admin(http, "POST", "/admin/reload")
            assert restart.status_code == 422 and "server: changes to this section need a restart" in restart.text

            path.write_text("providers: [")   # not YAML at all, through SIGHUP
            rampart.proc.send_signal(signal.SIGHUP)
            wait_until(lambda: rampart.log_text().count("configuration reload rejected") >= 3, timeout=10)
            assert admin(http, "GET", "/admin/providers").status_code == 200, "still serving"

            # The kill switch still holds, on the old configuration and on a reloaded one.
            assert chat(http, "openai", "slow").status == 403
            path.write_text(config(port, state, answer="new", extra_alias=True))
            assert admin(http, "POST", "/admin/reload").status_code == 200
            assert chat(http, "openai", "slow").status == 403
            assert chat(http, "openai", "fresh").status == 200
            events = admin(http, "GET", "/admin/events").json()["events"]
            assert any(e.get("action") == "kill_switch.create" for e in events)
    finally:
        rampart.stop()


def test_an_open_breaker_stays_open_across_a_reload_until_its_provider_changes(tmp_path):
    port, state = free_port(), tmp_path / "state"
    path = tmp_path / "rampart.yaml"

    def suspended_config(message: str, *, extra_alias: bool) -> str:
        providers = [{"id": "sim", "kind": "simulator"},
                     {"id": "gone", "kind": "simulator", "fault": {"status": 403, "message": message}}]
        models = [{"alias": "a", "targets": [{"provider": "gone", "model": "m"}, {"provider": "sim", "model": "m"}]}]
        if extra_alias:
            models.append({"alias": "fresh", "targets": [{"provider": "sim", "model": "m"}]})
        return make_config(port, state, providers=providers, models=models, routing={"breaker": {"suspension_cooldown_s": 600}})

    rampart = start_rampart(tmp_path, suspended_config("account suspended", extra_alias=False), port=port)
    try:
        with httpx.Client(base_url=rampart.base_url, timeout=30) as http:
            def state_of_gone() -> str | None:
                return breaker_state(admin(http, "GET", "/admin/providers").json(), "gone", "m")

            assert chat(http, "openai", "a").attempts == 2   # the suspension opens the breaker at once
            assert state_of_gone() == "open"

            # A reload that leaves the provider alone keeps it skipped.
            path.write_text(suspended_config("account suspended", extra_alias=True))
            assert admin(http, "POST", "/admin/reload").status_code == 200
            assert chat(http, "openai", "fresh").status == 200, "the new alias is served"
            assert state_of_gone() == "open"
            skipped = chat(http, "anthropic", "a")
            assert skipped.status == 200 and skipped.attempts == 1 and skipped.fallback.get("gone/m") == "breaker_open", skipped.describe()

            # Changing the provider's entry (here its fault; in life a new key) gives it a new try.
            path.write_text(suspended_config("key rotated", extra_alias=True))
            assert admin(http, "POST", "/admin/reload").status_code == 200
            assert state_of_gone() == "closed"
            retried = chat(http, "openai", "a")
            assert retried.attempts == 2 and retried.fallback.get("gone/m") not in (None, "breaker_open"), retried.describe()
    finally:
        rampart.stop()
