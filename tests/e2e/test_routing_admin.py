"""Kill switches and the admin API (docs/routing.md, "Kill switches" and "Admin API").

Kill switches are scoped exactly (provider, target, alias, key; optionally one tenant and/or
principals with given attributes, others unaffected), take effect on the next request, expire on
time, are listed, audited (GET /admin/events, <state_dir>/admin-events.jsonl) and survive a
restart.  The admin API needs the admin token: 401 rampart_invalid_admin_token without it or
with a wrong one, 403 rampart_admin_disabled when none is configured.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest

from routing_util import (ADMIN_TOKEN, ENDPOINTS, Harness, admin, assert_error, assert_ok, chat, items_of, make_config,
                          switch_id, wait_until)

E2E_STATE: dict = {}
KEYS = {
    "us-app": ("rk-e2e-us-51c0a2", "acme", {"jurisdiction": "US"}),
    "eu-app": ("rk-e2e-eu-7f33d9", "acme", {"jurisdiction": "EU"}),
    "beta-app": ("rk-e2e-beta-0be417", "beta", {"jurisdiction": "US"}),
}
US, EU, BETA = (KEYS[k][0] for k in ("us-app", "eu-app", "beta-app"))


def _config(h: Harness, admin_token: str | None = ADMIN_TOKEN) -> str:
    providers = [{"id": "sim-a", "kind": "simulator", "text": "from A"}, {"id": "sim-b", "kind": "simulator", "text": "from B"}]
    a1, a2 = {"provider": "sim-a", "model": "a-1"}, {"provider": "sim-a", "model": "a-2"}
    b = lambda m: {"provider": "sim-b", "model": m}  # noqa: E731
    models = [
        {"alias": "ks-main", "targets": [a1, b("b-1")]},
        {"alias": "ks-other", "targets": [a2, b("b-1")]},
        {"alias": "ks-solo", "targets": [a1]},
        {"alias": "ks-alias", "targets": [b("b-2")]},
        {"alias": "ks-tenant", "targets": [b("b-3")]},
    ]
    keys = [{"id": k, "secret": s, "tenant": t, "attributes": a} for k, (s, t, a) in KEYS.items()]
    return make_config(h.port, h.state_dir, providers=providers, models=models, keys=keys, admin_token=admin_token)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-admin"), E2E_STATE, fakes=False)
    h.start(_config(h))
    yield h
    h.close()


def throw(env, **body) -> dict:
    r = admin(env.http, "POST", "/admin/kill-switches", json=body)
    assert r.status_code == 201, f"POST /admin/kill-switches {body}: {r.status_code} {r.text[:500]}"
    sw = r.json()
    switch_id(sw)
    for k in ("scope", "target", "reason"):
        if k in body:
            assert sw.get(k) == body[k], f"the switch does not echo {k}: {sw}"
    return sw


def lift(env, sw: dict) -> dict:
    r = admin(env.http, "DELETE", f"/admin/kill-switches/{switch_id(sw)}")
    assert r.status_code == 200, f"DELETE: {r.status_code} {r.text[:300]}"
    assert switch_id(r.json()) == switch_id(sw), r.json()
    return r.json()


def listed(env, all_: bool = False) -> set:
    r = admin(env.http, "GET", "/admin/kill-switches" + ("?all=true" if all_ else ""))
    assert r.status_code == 200, r.text[:300]
    return {switch_id(s) for s in items_of(r.json(), "kill_switches", "switches")}


def admin_error(r, status: int, code: str) -> dict:
    assert r.status_code == status, f"expected {status} {code}, got {r.status_code}: {r.text[:300]}"
    body = r.json()
    assert set(body) == {"error"} and {"message", "type", "param", "code"} <= set(body["error"]), body
    assert body["error"]["code"] == code, body
    return body["error"]


# ---------------------------------------------------------------------------
# Admin auth
# ---------------------------------------------------------------------------

ADMIN_CALLS = [("GET", "/admin/providers", None), ("GET", "/admin/kill-switches", None), ("GET", "/admin/events", None),
               ("POST", "/admin/kill-switches", {"scope": "alias", "target": "ks-alias", "reason": "x"}),
               ("DELETE", "/admin/kill-switches/ks-does-not-exist", None)]


@pytest.mark.parametrize("method,path,body", ADMIN_CALLS, ids=[f"{m}-{p}" for m, p, _ in ADMIN_CALLS])
def test_admin_needs_the_admin_token(env, method, path, body):
    kw = {"json": body} if body is not None else {}
    for token in (None, "wrong-token", US, ADMIN_TOKEN + "x"):
        admin_error(admin(env.http, method, path, token=token, **kw), 401, "rampart_invalid_admin_token")
    assert listed(env) == set(), "an unauthenticated POST created a kill switch"


def test_admin_disabled_without_token(tmp_path):
    h = Harness(tmp_path, fakes=False)
    try:
        h.start(_config(h, admin_token=None), name="rampart-no-admin")
        for method, path, body in ADMIN_CALLS:
            kw = {"json": body} if body is not None else {}
            for token in (None, ADMIN_TOKEN):
                admin_error(admin(h.http, method, path, token=token, **kw), 403, "rampart_admin_disabled")
    finally:
        h.close()


# ---------------------------------------------------------------------------
# Scopes
# ---------------------------------------------------------------------------


def test_target_switch_takes_effect_on_next_request_and_lifts(env):
    assert_ok(chat(env.http, "openai", "ks-main", key=US), route="sim-a/a-1")
    sw = throw(env, scope="target", target="sim-a/a-1", reason="incident 42: bad outputs")
    try:
        for ep in ENDPOINTS:
            r = chat(env.http, ep, "ks-main", key=US, stream=ep == "anthropic")
            assert_ok(r, text="from B", route="sim-b/b-1")
            assert r.fallback == {"sim-a/a-1": "kill_switch"} and r.attempts == 1, r.describe()
            assert_ok(chat(env.http, ep, "ks-other", key=US), route="sim-a/a-2")  # same provider, other target
        r = chat(env.http, "openai", "ks-solo", key=US)
        err = assert_error(r, 503, "rampart_no_healthy_route", mentions=("sim-a/a-1",))
        assert "kill" in err["message"].lower(), f"the message does not say the target is switched off: {err}"
        assert switch_id(sw) in listed(env)
    finally:
        lift(env, sw)
    assert_ok(chat(env.http, "openai", "ks-main", key=US), route="sim-a/a-1")
    assert switch_id(sw) not in listed(env)
    assert switch_id(sw) in listed(env, all_=True)


def test_provider_switch(env):
    sw = throw(env, scope="provider", target="sim-a", reason="vendor outage")
    try:
        r = chat(env.http, "openai", "ks-other", key=BETA)
        assert_ok(r, route="sim-b/b-1")
        assert r.fallback == {"sim-a/a-2": "kill_switch"}, r.describe()
        assert_ok(chat(env.http, "anthropic", "ks-alias", key=BETA), route="sim-b/b-2")
    finally:
        lift(env, sw)
    assert_ok(chat(env.http, "openai", "ks-other", key=BETA), route="sim-a/a-2")


def test_alias_switch(env):
    sw = throw(env, scope="alias", target="ks-alias", reason="legal hold 7")
    try:
        for ep in ENDPOINTS:
            for stream in (False, True):
                assert_error(chat(env.http, ep, "ks-alias", key=US, stream=stream), 403, "rampart_model_disabled",
                             mentions=("legal hold 7",))
        assert_ok(chat(env.http, "openai", "ks-main", key=US))
    finally:
        lift(env, sw)
    assert_ok(chat(env.http, "openai", "ks-alias", key=US), route="sim-b/b-2")


def test_key_switch(env):
    sw = throw(env, scope="key", target="eu-app", reason="key leaked in a repo")
    try:
        for ep in ENDPOINTS:
            for alias in ("ks-main", "ks-alias"):
                assert_error(chat(env.http, ep, alias, key=EU), 403, "rampart_key_disabled", mentions=("key leaked in a repo",))
            assert_ok(chat(env.http, ep, "ks-main", key=US))
    finally:
        lift(env, sw)
    assert_ok(chat(env.http, "openai", "ks-main", key=EU))


def test_tenant_scoped_switch(env):
    sw = throw(env, scope="alias", target="ks-tenant", tenant="beta", reason="beta contract paused")
    try:
        assert_error(chat(env.http, "openai", "ks-tenant", key=BETA), 403, "rampart_model_disabled", mentions=("beta contract paused",))
        assert_error(chat(env.http, "anthropic", "ks-tenant", key=BETA, stream=True), 403, "rampart_model_disabled")
        for key in (US, EU):  # tenant acme
            assert_ok(chat(env.http, "openai", "ks-tenant", key=key), route="sim-b/b-3")
    finally:
        lift(env, sw)
    assert_ok(chat(env.http, "openai", "ks-tenant", key=BETA))


def test_attribute_scoped_switch(env):
    sw = throw(env, scope="target", target="sim-a/a-1", attributes={"jurisdiction": ["EU"]}, reason="EU restriction")
    try:
        r = chat(env.http, "openai", "ks-main", key=EU)
        assert_ok(r, route="sim-b/b-1")
        assert r.fallback == {"sim-a/a-1": "kill_switch"}, r.describe()
        for key in (US, BETA):
            r = chat(env.http, "openai", "ks-main", key=key)
            assert_ok(r, route="sim-a/a-1")
            assert r.fallback_reason is None, r.describe()
    finally:
        lift(env, sw)


def test_tenant_and_attribute_scoped_switch(env):
    sw = throw(env, scope="provider", target="sim-a", tenant="acme", attributes={"jurisdiction": ["EU"]}, reason="acme EU only")
    try:
        assert_ok(chat(env.http, "anthropic", "ks-main", key=EU), route="sim-b/b-1")
        assert_ok(chat(env.http, "anthropic", "ks-main", key=US), route="sim-a/a-1")  # acme, but US
        assert_ok(chat(env.http, "anthropic", "ks-main", key=BETA), route="sim-a/a-1")  # US, other tenant
    finally:
        lift(env, sw)


# ---------------------------------------------------------------------------
# Expiry, listing, audit
# ---------------------------------------------------------------------------


def test_switch_expires_on_time(env):
    t0 = time.monotonic()
    sw = throw(env, scope="alias", target="ks-alias", reason="short maintenance", expires_in_s=1)
    assert_error(chat(env.http, "openai", "ks-alias", key=US), 403, "rampart_model_disabled")
    assert switch_id(sw) in listed(env)
    ok = wait_until(lambda: chat(env.http, "openai", "ks-alias", key=US).status == 200, timeout=4.0, interval=0.1)
    took = time.monotonic() - t0
    assert ok, "a kill switch with expires_in_s: 1 was still in force after 4 s"
    assert took >= 0.8, f"the switch expired after {took:.2f} s, before its expiry"
    assert switch_id(sw) not in listed(env)
    assert switch_id(sw) in listed(env, all_=True)


def test_expires_at(env):
    at = (datetime.now(timezone.utc) + timedelta(hours=1)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    sw = throw(env, scope="alias", target="ks-alias", reason="until the review", expires_at=at)
    try:
        assert_error(chat(env.http, "openai", "ks-alias", key=US), 403, "rampart_model_disabled")
    finally:
        lift(env, sw)


def _event_kind(ev: dict) -> str:
    for k in ("type", "action", "event", "kind"):
        if isinstance(ev.get(k), str):
            return ev[k]
    return ""


def test_changes_are_audited(env):
    sw = throw(env, scope="target", target="sim-a/a-2", reason="audit me")
    lift(env, sw)
    sid = switch_id(sw)
    r = admin(env.http, "GET", "/admin/events")
    assert r.status_code == 200, r.text[:300]
    events = items_of(r.json(), "events")
    mine = [e for e in events if sid in json.dumps(e)]
    kinds = [_event_kind(e) for e in mine]
    assert kinds == ["kill_switch.create", "kill_switch.remove"], f"audit events for {sid}: {mine}"
    for e in mine:
        assert isinstance(e.get("actor"), str) and e["actor"], f"audit event without an actor: {e}"
        assert "audit me" in json.dumps(e), f"the audit event does not carry the switch: {e}"
    r = admin(env.http, "GET", "/admin/events?limit=1")
    assert r.status_code == 200 and len(items_of(r.json(), "events")) == 1, r.text[:500]
    log = env.state_dir / "admin-events.jsonl"
    assert log.exists(), f"no {log}"
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    assert sum(1 for e in lines if sid in json.dumps(e)) >= 2, "the audit file does not record the switch's changes"


BAD_BODIES = [
    ({}, "scope"),
    ({"scope": "planet", "target": "ks-alias", "reason": "r"}, "scope"),
    ({"scope": "alias", "reason": "r"}, "target"),
    ({"scope": "alias", "target": 5, "reason": "r"}, "target"),
    ({"scope": "target", "target": "sim-a", "reason": "r"}, "target"),  # not provider/model
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "expires_in_s": -5}, "expires_in_s"),
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "expires_in_s": "soon"}, "expires_in_s"),
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "expires_at": "tomorrow"}, "expires_at"),
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "attributes": ["EU"]}, "attributes"),
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "attributes": {"jurisdiction": 5}}, "attributes"),
    ({"scope": "alias", "target": "ks-alias", "reason": "r", "tenant": 7}, "tenant"),
    pytest.param({"scope": "alias", "target": "ks-alias"}, "reason", marks=pytest.mark.beyond_contract, id="reason-missing"),
]


@pytest.mark.parametrize("body,field", BAD_BODIES)
def test_bad_kill_switch_body(env, body, field):
    r = admin(env.http, "POST", "/admin/kill-switches", json=body)
    err = admin_error(r, 400, "rampart_invalid_request")
    assert field in err["message"] or field == (err.get("param") or ""), f"the error does not name {field!r}: {err}"
    assert listed(env) == set()


def test_kill_switch_body_not_json(env):
    r = admin(env.http, "POST", "/admin/kill-switches", content=b"scope=alias", headers={"content-type": "application/json"})
    admin_error(r, 400, "rampart_invalid_request")


@pytest.mark.parametrize("scope,target", [("provider", "no-such-provider"), ("target", "sim-a/no-such-model"),
                                          ("alias", "no-such-alias"), ("key", "no-such-key")])
def test_kill_switch_for_unknown_thing(env, scope, target):
    r = admin(env.http, "POST", "/admin/kill-switches", json={"scope": scope, "target": target, "reason": "r"})
    assert r.status_code in (400, 404), f"{scope} {target}: {r.status_code} {r.text[:300]}"
    err = r.json()["error"]
    assert err["code"].startswith("rampart_") and target in err["message"], err
    assert listed(env) == set()


def test_lift_unknown_switch(env):
    r = admin(env.http, "DELETE", "/admin/kill-switches/ks-does-not-exist")
    assert r.status_code == 404, r.text[:300]
    assert r.json()["error"]["code"].startswith("rampart_"), r.text


def test_switch_survives_restart(env):
    """Last in the module: restarts rampart with the same config and state_dir."""
    sw = throw(env, scope="key", target="beta-app", reason="offboarding beta")
    assert_error(chat(env.http, "openai", "ks-main", key=BETA), 403, "rampart_key_disabled")
    env.restart()
    assert switch_id(sw) in listed(env), "the kill switch was not restored from the audit record"
    assert_error(chat(env.http, "openai", "ks-main", key=BETA), 403, "rampart_key_disabled", mentions=("offboarding beta",))
    assert_ok(chat(env.http, "openai", "ks-main", key=US))
    lift(env, sw)
    env.restart(name="rampart-restarted-2")
    assert switch_id(sw) not in listed(env), "a lifted kill switch came back after a restart"
    assert_ok(chat(env.http, "openai", "ks-main", key=BETA))
