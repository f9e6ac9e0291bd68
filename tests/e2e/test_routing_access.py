"""Attribute rules and deprecation (docs/routing.md, "Attribute rules", "Safety routing and
deprecation").

Keys carry a tenant and attributes; ``access.require`` / ``access.deny`` per alias decide, with
a 403 rampart_access_denied naming the rule (``models[<alias>].access.require.<attr>``) and
/v1/models listing only the aliases a key may use.  Deprecated targets add ``Deprecation`` and
``Sunset`` headers; after the sunset traffic moves to the successor alias (route reason
``sunset``) or fails with 410 rampart_model_sunset.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

import anthropic
import openai
import pytest

from routing_util import ENDPOINTS, Harness, assert_error, assert_ok, chat, make_config

E2E_STATE: dict = {}
KEYS = {
    "us-app": ("rk-e2e-acc-us-3a9c", "acme", {"jurisdiction": "US"}),
    "eu-app": ("rk-e2e-acc-eu-91fe", "acme", {"jurisdiction": "EU"}),
    "contractor": ("rk-e2e-acc-cx-27bd", "contractor-x", {"jurisdiction": "US"}),
    "research": ("rk-e2e-acc-rs-c410", "beta", {"jurisdiction": "US", "team": ["research", "ml"]}),
}
RULES = {
    "open": {},
    "us-only": {"require": {"jurisdiction": ["US"]}},
    "no-contractors": {"deny": {"tenant": ["contractor-x"]}},
    "multi": {"require": {"jurisdiction": ["US", "CA"], "team": ["research"]}},
    "not-eu-key": {"deny": {"key": ["eu-app"]}},
    "both": {"require": {"jurisdiction": ["US"]}, "deny": {"tenant": ["contractor-x"]}},
}
# (key, alias) -> the rule paths that may be named in the denial; absent = allowed
DENIED = {
    ("eu-app", "us-only"): ["require.jurisdiction"],
    ("eu-app", "multi"): ["require.jurisdiction", "require.team"],
    ("eu-app", "not-eu-key"): ["deny.key"],
    ("eu-app", "both"): ["require.jurisdiction"],
    ("us-app", "multi"): ["require.team"],
    ("contractor", "no-contractors"): ["deny.tenant"],
    ("contractor", "multi"): ["require.team"],
    ("contractor", "both"): ["deny.tenant"],
}
PAST_SINCE = "2020-01-01"
FUTURE_SUNSET = "2099-12-31"
PAST_SUNSET = "2021-01-01"
DEPRECATION_ALIASES = ["new-model", "old-model", "sunset-succ", "sunset-err"]
HTTP_DATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("routing-access"), E2E_STATE, fakes=False)
    providers = [{"id": "sim", "kind": "simulator", "text": "rule-checked answer"},
                 {"id": "sim-old", "kind": "simulator", "text": "old model answer"},
                 {"id": "sim-new", "kind": "simulator", "text": "new model answer"}]
    models = []
    for alias, rules in RULES.items():
        m: dict = {"alias": alias}
        if rules:
            m["access"] = rules
        m["targets"] = [{"provider": "sim", "model": f"sim-{alias}"}]
        models.append(m)

    def old(model: str, sunset: str) -> dict:
        return {"provider": "sim-old", "model": model, "deprecated": {"since": PAST_SINCE, "sunset": sunset, "successor": "new-model"}}

    models += [
        {"alias": "new-model", "targets": [{"provider": "sim-new", "model": "new-1"}]},
        {"alias": "old-model", "targets": [old("old-1", FUTURE_SUNSET)]},
        {"alias": "sunset-succ", "after_sunset": "successor", "targets": [old("old-2", PAST_SUNSET)]},
        {"alias": "sunset-err", "after_sunset": "error", "targets": [old("old-3", PAST_SUNSET)]},
    ]
    keys = [{"id": k, "secret": s, "tenant": t, "attributes": a} for k, (s, t, a) in KEYS.items()]
    h.start(make_config(h.port, h.state_dir, providers=providers, models=models, keys=keys))
    yield h
    h.close()


# ---------------------------------------------------------------------------
# Attribute rules
# ---------------------------------------------------------------------------

MATRIX = [(k, a) for k in KEYS for a in RULES]


@pytest.mark.parametrize("key,alias", MATRIX, ids=[f"{k}-{a}" for k, a in MATRIX])
def test_access_rules(env, key, alias):
    secret = KEYS[key][0]
    for ep, stream in (("openai", False), ("anthropic", True)):
        r = chat(env.http, ep, alias, key=secret, stream=stream)
        if (key, alias) not in DENIED:
            assert_ok(r, text="rule-checked answer", route=f"sim/sim-{alias}")
            continue
        err = assert_error(r, 403, "rampart_access_denied")
        paths = [f"models[{alias}].access.{rule}" for rule in DENIED[(key, alias)]]
        assert any(p in err["message"] for p in paths), f"the denial does not name the rule {' or '.join(paths)}: {err['message']!r}"


@pytest.mark.parametrize("key", list(KEYS))
def test_models_list_shows_only_permitted_aliases(env, key):
    r = env.http.get("/v1/models", headers={"authorization": f"Bearer {KEYS[key][0]}"})
    assert r.status_code == 200, r.text[:300]
    ids = sorted(m["id"] for m in r.json()["data"])
    want = sorted([a for a in RULES if (key, a) not in DENIED] + DEPRECATION_ALIASES)
    assert ids == want, f"{key}: /v1/models lists {ids}, expected {want}"


def test_denial_in_sdks(env):
    eu = KEYS["eu-app"][0]
    c = openai.OpenAI(base_url=f"{env.rampart.base_url}/v1", api_key=eu, max_retries=0, timeout=10)
    with pytest.raises(openai.PermissionDeniedError) as ei:
        c.chat.completions.create(model="us-only", messages=[{"role": "user", "content": "hi"}])
    assert "models[us-only].access.require.jurisdiction" in str(ei.value)
    a = anthropic.Anthropic(base_url=env.rampart.base_url, api_key=eu, max_retries=0, timeout=10)
    with pytest.raises(anthropic.PermissionDeniedError):
        a.messages.create(model="not-eu-key", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    c.close()
    a.close()


# ---------------------------------------------------------------------------
# Deprecation and sunset
# ---------------------------------------------------------------------------

US = KEYS["us-app"][0]


def _epoch(day: str) -> int:
    return int(datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=timezone.utc).timestamp())


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_deprecated_target_headers(env, endpoint, stream):
    r = chat(env.http, endpoint, "old-model", key=US, stream=stream)
    assert_ok(r, text="old model answer", route="sim-old/old-1")
    assert r.headers.get("deprecation") == f"@{_epoch(PAST_SINCE)}", r.describe()
    sunset = r.headers.get("sunset", "")
    assert HTTP_DATE.match(sunset), f"Sunset is not an HTTP date: {sunset!r}"
    assert parsedate_to_datetime(sunset).date() == date.fromisoformat(FUTURE_SUNSET), sunset
    r = chat(env.http, endpoint, "new-model", key=US, stream=stream)
    assert_ok(r, text="new model answer")
    assert "deprecation" not in r.headers and "sunset" not in r.headers, r.describe()


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_after_sunset_successor(env, endpoint, stream):
    r = chat(env.http, endpoint, "sunset-succ", key=US, stream=stream)
    assert_ok(r, text="new model answer", route="sim-new/new-1")
    assert r.route_reason == "sunset", r.describe()


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_after_sunset_error(env, endpoint, stream):
    assert_error(chat(env.http, endpoint, "sunset-err", key=US, stream=stream), 410, "rampart_model_sunset")


@pytest.mark.beyond_contract
def test_sunset_routing_is_logged(env):
    before = env.rampart.log_size()
    chat(env.http, "openai", "sunset-succ", key=US)
    chat(env.http, "openai", "sunset-err", key=US)
    log = env.rampart.log_text(before, limit=20000).lower()
    assert log.count("sunset") >= 2, f"no log line about the sunset routing:\n{log[-2000:]}"
