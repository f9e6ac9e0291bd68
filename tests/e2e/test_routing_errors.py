"""Error classes and their actions (docs/routing.md, "Error classes and actions").

For every class in the table, in both wire formats, streaming and not: the default action
happens (fail over to the healthy simulator with ``x-rampart-fallback-reason:
<provider/model>=<class>``, or retry, or return), and ``on_error: {<class>: return}`` gives the
client the typed error at once.  Faults come from the fake upstreams (by model, so that the
same request fails on the primary only) and from simulator providers with ``fault:``.

Every test case has its own alias and its own primary target (``provider/m-<alias>``), so that
breakers, pauses and counted faults of one case never touch another.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from routing_util import (ANTHROPIC_FAKE_PROVIDER, ENDPOINTS, FALLBACK_TEXT, OPENAI_FAKE_PROVIDER, SIM_OK, SIM_OK_ROUTE,
                          SIM_OK_TARGET, Blackhole, Harness, assert_error, assert_ok, assert_well_formed_stream, chat,
                          closed_port, fake_providers, make_config)

E2E_STATE: dict = {}


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a failure comes from: a fake (with a per-model fault), a simulator provider
    (with ``fault:``), a refused port or a black-holed port."""
    id: str
    kind: str  # "openai" | "anthropic" (fakes) | "sim" | "refused" | "blackhole"
    fault: tuple = ()  # the fault as sorted items (hashable)
    reasons: tuple = ()  # classes accepted in the header for this source, when not just the class

    @property
    def fault_dict(self) -> dict:
        return dict(self.fault)

    @property
    def provider(self) -> str:
        return {"openai": OPENAI_FAKE_PROVIDER, "anthropic": ANTHROPIC_FAKE_PROVIDER, "refused": "refused",
                "blackhole": "blackhole"}.get(self.kind, f"sim-{self.id}")


def fo(id_: str, **fault) -> Source:
    return Source(f"fo-{id_}", "openai", tuple(sorted(fault.items())))


def fa(id_: str, **fault) -> Source:
    return Source(f"fa-{id_}", "anthropic", tuple(sorted(fault.items())))


def sim(id_: str, **fault) -> Source:
    return Source(f"s{id_}", "sim", tuple(sorted(fault.items())))


@dataclass(frozen=True)
class ErrClass:
    name: str
    sources: tuple
    ret_status: int
    ret_codes: tuple
    default: str = "fail_over"  # fail_over | retry
    timeouts: tuple = ()  # target timeouts for the primary
    midstream: bool = False  # the streaming variant breaks off after the first byte
    slow: bool = False  # each case waits for a timeout

    @property
    def timeouts_dict(self) -> dict:
        return dict(self.timeouts)


CUT_REASONS = ("stream_cut", "malformed_response", "connect_failed")  # a non-streaming body cut halfway
CLASSES = [
    ErrClass("connect_failed", (Source("refused", "refused"), fo("reset", reset=True), fa("reset", reset=True), sim("reset", reset=True)),
             502, ("rampart_upstream_unavailable",)),
    ErrClass("connect_timeout", (Source("blackhole", "blackhole"),), 504, ("rampart_upstream_timeout",),
             timeouts=(("connect_ms", 300),), slow=True),
    ErrClass("first_byte_timeout", (fo("hang", hang=True), fa("hang", hang=True), sim("hang", hang=True)), 504,
             ("rampart_upstream_timeout",), timeouts=(("first_byte_ms", 300),), slow=True),
    ErrClass("idle_timeout", (fo("stall", stall_after_tokens=2), fa("stall", stall_after_tokens=2)), 504,
             ("rampart_upstream_timeout",), timeouts=(("idle_ms", 300),), midstream=True, slow=True),
    ErrClass("total_timeout", (fo("hang", hang=True), sim("hang", hang=True)), 504, ("rampart_upstream_timeout",),
             timeouts=(("first_byte_ms", 30000), ("total_ms", 400)), slow=True),
    ErrClass("server_error", (fo("500", status=500), fa("500", status=500), fo("html", html500=True), fa("html", html500=True),
                              sim("500", status=500), sim("html", html=True)),
             502, ("rampart_upstream_error",), default="retry"),
    ErrClass("overloaded", (fa("529", status=529), fo("503", status=503), sim("529", status=529), sim("503", status=503)),
             503, ("rampart_upstream_overloaded",)),
    ErrClass("rate_limited", (fo("429", status=429, retry_after=1), fa("429", status=429, retry_after=1), sim("429", status=429)),
             429, ("rampart_upstream_rate_limited",)),
    ErrClass("credentials_rejected", (fo("401", status=401), fa("401", status=401), sim("401", status=401)),
             502, ("rampart_upstream_auth_failed",)),
    ErrClass("access_suspended", (fo("403", status=403, message="model suspended"), fa("403", status=403, message="model suspended"),
                                  sim("403", status=403, message="model suspended")),
             502, ("rampart_upstream_access_suspended",)),
    ErrClass("model_not_found", (fo("404", status=404), fa("404", status=404), fa("410", status=410), sim("404", status=404),
                                 sim("410", status=410)),
             502, ("rampart_upstream_model_not_found",)),
    ErrClass("legal_block", (fo("451", status=451), fa("451", status=451), sim("451", status=451)),
             451, ("rampart_upstream_legal_block",)),
    ErrClass("malformed_response", (fo("malformed", malformed=True), fa("malformed", malformed=True),
                                    fo("truncated", malformed="truncated"), fa("html200", malformed="html"),
                                    sim("malformed", malformed=True)),
             502, ("rampart_upstream_invalid_response",)),
    ErrClass("stream_cut", (Source("fo-cut", "openai", (("cut_before_first_byte", True),), CUT_REASONS),
                            Source("fa-cut", "anthropic", (("cut_before_first_byte", True),), CUT_REASONS),
                            sim("cut0", cut_after_tokens=0)),
             502, ("rampart_upstream_stream_cut",)),
]
BY_NAME = {c.name: c for c in CLASSES}
CLIENT_TIMEOUT = 10.0


@dataclass
class Case:
    cls: ErrClass
    src: Source
    endpoint: str
    stream: bool
    action: str  # "default" | "return"

    @property
    def alias(self) -> str:
        return f"{self.cls.name}-{self.src.id}-{self.endpoint}-{'s' if self.stream else 'n'}-{self.action}"

    @property
    def model(self) -> str:
        return f"m-{self.alias}"

    @property
    def primary(self) -> str:
        return f"{self.src.provider}/{self.model}"

    @property
    def id(self) -> str:
        return self.alias


def _cases() -> list[Case]:
    out = []
    for c in CLASSES:
        for ep in ENDPOINTS:
            for stream in (False, True):
                for src in c.sources:
                    out.append(Case(c, src, ep, stream, "default"))
                if not (stream and c.midstream):  # after the first byte, stream_failover decides, not on_error
                    # a source whose class is unambiguous (a non-streaming body cut halfway is not)
                    src = c.sources[0] if stream else next((s for s in c.sources if not s.reasons), c.sources[0])
                    out.append(Case(c, src, ep, stream, "return"))
    return out


CASES = _cases()
DEFAULT_CASES = [c for c in CASES if c.action == "default"]
RETURN_CASES = [c for c in CASES if c.action == "return"]


def _param(c: Case):
    return pytest.param(c, id=c.id)


# Special aliases (context length, content policy, bad request, retries, untranslatable,
# pauses, headers, no healthy route), keyed by name; each with a list of targets.
def _fake_target(kind: str, model: str, **extra) -> dict:
    return {"provider": OPENAI_FAKE_PROVIDER if kind == "openai" else ANTHROPIC_FAKE_PROVIDER, "model": model, **extra}


SPECIAL_FAULTS: dict[str, tuple[str, dict]] = {}  # model -> (vendor, fault), filled by _special_models


def _special_models() -> list[dict]:
    models = []

    def add(alias: str, targets: list, **opts):
        models.append({"alias": alias, **opts, "targets": targets})

    for ep in ENDPOINTS:
        for s in ("n", "s"):
            for v in ("openai", "anthropic"):
                k = f"{v}-{ep}-{s}"
                # context length: fail over only to a target with a larger window
                SPECIAL_FAULTS[f"ctx-p-{k}"] = (v, {"context_length": True})
                add(f"ctx-{k}", [_fake_target(v, f"ctx-p-{k}", context_window=1000),
                                 _fake_target(v, f"ctx-small-{k}", context_window=500),
                                 dict(SIM_OK_TARGET, context_window=200000)])
                SPECIAL_FAULTS[f"ctx-np-{k}"] = (v, {"context_length": True})
                add(f"ctx-none-{k}", [_fake_target(v, f"ctx-np-{k}", context_window=1000),
                                      _fake_target(v, f"ctx-nsame-{k}", context_window=1000)])
                SPECIAL_FAULTS[f"ctx-rp-{k}"] = (v, {"context_length": True})
                add(f"ctx-ret-{k}", [_fake_target(v, f"ctx-rp-{k}", context_window=1000), dict(SIM_OK_TARGET, context_window=200000)],
                    on_error={"context_length_exceeded": "return"})
                # content refusals: only to content_policy_fallbacks
                SPECIAL_FAULTS[f"cp-p-{k}"] = (v, {"content_policy": True})
                add(f"cp-{k}", [_fake_target(v, f"cp-p-{k}"), _fake_target(v, f"cp-other-{k}")],
                    content_policy_fallbacks=[SIM_OK_TARGET])
                SPECIAL_FAULTS[f"cp-np-{k}"] = (v, {"content_policy": True})
                add(f"cp-none-{k}", [_fake_target(v, f"cp-np-{k}"), _fake_target(v, f"cp-nother-{k}")])
                SPECIAL_FAULTS[f"cp-rp-{k}"] = (v, {"content_policy": True})
                add(f"cp-ret-{k}", [_fake_target(v, f"cp-rp-{k}"), _fake_target(v, f"cp-rother-{k}")],
                    content_policy_fallbacks=[SIM_OK_TARGET], on_error={"content_refused": "return"})
                # bad request: returned by default; fail_over when configured
                SPECIAL_FAULTS[f"bad-p-{k}"] = (v, {"status": 400})
                add(f"bad-{k}", [_fake_target(v, f"bad-p-{k}"), _fake_target(v, f"bad-other-{k}")])
                SPECIAL_FAULTS[f"badfo-p-{k}"] = (v, {"status": 400})
                add(f"badfo-{k}", [_fake_target(v, f"badfo-p-{k}"), SIM_OK_TARGET], on_error={"bad_request": "fail_over"})
                # retry: a fault that strikes once, then the same target succeeds
                SPECIAL_FAULTS[f"retry500-{k}"] = (v, {"status": 500, "count": 1})
                add(f"retry500-{k}", [_fake_target(v, f"retry500-{k}"), SIM_OK_TARGET])
                SPECIAL_FAULTS[f"retry529-{k}"] = (v, {"status": 529 if v == "anthropic" else 503, "count": 1})
                add(f"retry529-{k}", [_fake_target(v, f"retry529-{k}"), SIM_OK_TARGET], on_error={"overloaded": "retry"})
            # healthy primary: no fallback header
            add(f"healthy-{ep}-{s}", [_fake_target("openai" if ep == "anthropic" else "anthropic", f"healthy-{ep}-{s}"), SIM_OK_TARGET])
    add("sim500-r0", [{"provider": "sim-s500", "model": "r0", "retries": 0}, SIM_OK_TARGET])
    add("sim500-r2", [{"provider": "sim-s500", "model": "r2", "retries": 2}, SIM_OK_TARGET])
    # untranslatable: the OpenAI target cannot take top_k, the Anthropic one cannot take logprobs
    add("untr-oai-first", [_fake_target("openai", "untr-p"), _fake_target("anthropic", "untr-f")])
    add("untr-ant-first", [_fake_target("anthropic", "untr-p"), _fake_target("openai", "untr-f")])
    add("untr-oai-first-ret", [_fake_target("openai", "untr-rp"), _fake_target("anthropic", "untr-rf")], on_error={"untranslatable": "return"})
    add("untr-ant-first-ret", [_fake_target("anthropic", "untr-rp"), _fake_target("openai", "untr-rf")], on_error={"untranslatable": "return"})
    # 429 pauses the target for Retry-After
    SPECIAL_FAULTS["paused-p"] = ("openai", {"status": 429, "retry_after": 1})
    add("paused", [_fake_target("openai", "paused-p"), SIM_OK_TARGET])
    # all targets fail: the same way -> that error; different ways -> rampart_no_healthy_route
    SPECIAL_FAULTS["same-a"] = ("openai", {"status": 403, "message": "model suspended"})
    SPECIAL_FAULTS["same-b"] = ("anthropic", {"status": 403, "message": "model suspended"})
    add("all-same", [_fake_target("openai", "same-a"), _fake_target("anthropic", "same-b")])
    SPECIAL_FAULTS["mixed-a"] = ("openai", {"status": 403, "message": "model suspended"})
    SPECIAL_FAULTS["mixed-b"] = ("anthropic", {"status": 529})
    add("all-mixed", [_fake_target("openai", "mixed-a"), _fake_target("anthropic", "mixed-b")])
    SPECIAL_FAULTS["lone-a"] = ("openai", {"status": 403, "message": "model suspended"})
    add("lone-suspended", [_fake_target("openai", "lone-a")])
    return models


@pytest.fixture(scope="module")
def blackhole_holder():
    bh = Blackhole()
    yield bh
    bh.close()


def skip_unless_blackhole_works(case: "Case", holder: Blackhole) -> None:
    if case.src.kind == "blackhole" and not holder.works():
        pytest.skip("cannot make a loopback port that never accepts connections on this machine")


@pytest.fixture(scope="module")
def env(tmp_path_factory, blackhole_holder):
    h = Harness(tmp_path_factory.mktemp("routing-errors"), E2E_STATE)
    providers = fake_providers(h.fo, h.fa) + [
        SIM_OK,
        {"id": "refused", "kind": "openai", "base_url": f"http://127.0.0.1:{closed_port()}/v1", "api_key": "sk-none"},
        {"id": "blackhole", "kind": "openai", "base_url": f"http://127.0.0.1:{blackhole_holder.port}/v1", "api_key": "sk-none"},
    ]
    sim_ids = set()
    for c in CLASSES:
        for s in c.sources:
            if s.kind == "sim" and s.provider not in sim_ids:
                sim_ids.add(s.provider)
                providers.append({"id": s.provider, "kind": "simulator", "fault": s.fault_dict})
    models = []
    for case in CASES:
        target = {"provider": case.src.provider, "model": case.model}
        if case.cls.timeouts:
            target["timeouts"] = case.cls.timeouts_dict
        alias = {"alias": case.alias}
        if case.action == "return":
            alias["on_error"] = {case.cls.name: "return"}
        alias["targets"] = [target, SIM_OK_TARGET]
        models.append(alias)
        if case.src.kind == "openai":
            h.fo.model_faults[case.model] = case.src.fault_dict
        elif case.src.kind == "anthropic":
            h.fa.model_faults[case.model] = case.src.fault_dict
    models += _special_models()
    for model, (vendor, fault) in SPECIAL_FAULTS.items():
        (h.fo if vendor == "openai" else h.fa).model_faults[model] = dict(fault)
    routing = {"stream_failover": "continue", "retry": {"base_delay_ms": 10, "max_delay_ms": 50}}
    h.start(make_config(h.port, h.state_dir, providers=providers, models=models, routing=routing))
    yield h
    h.close()


def fake_of(env, kind: str):
    return env.fo if kind == "openai" else env.fa


# ---------------------------------------------------------------------------
# Every class, default action
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", [_param(c) for c in DEFAULT_CASES])
def test_default_action(env, blackhole_holder, case: Case):
    skip_unless_blackhole_works(case, blackhole_holder)
    r = chat(env.http, case.endpoint, case.alias, stream=case.stream, timeout=CLIENT_TIMEOUT)
    if case.stream and case.cls.midstream:
        # The failure comes after the first byte: stream_failover (continue) stitches the fallback on.
        assert_well_formed_stream(r)
        assert r.text.startswith("Hello from") and len(r.text) > len("Hello from"), r.describe()
        return
    reasons = case.src.reasons if (case.src.reasons and not case.stream) else (case.cls.name,)
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    if case.stream:
        assert_well_formed_stream(r)
    assert r.fallback.keys() == {case.primary} and r.fallback[case.primary] in reasons, \
        f"x-rampart-fallback-reason {r.fallback_reason!r}, expected {case.primary}={'|'.join(reasons)}\n{r.describe()}"
    expected_attempts = 3 if case.cls.default == "retry" else 2  # retry: retries defaults to 1
    assert r.attempts == expected_attempts, f"x-rampart-attempts {r.attempts}, expected {expected_attempts}\n{r.describe()}"
    if case.src.kind in ("openai", "anthropic"):
        seen = fake_of(env, case.src.kind).requests_for(model=case.model)
        assert len(seen) == expected_attempts - 1, f"the primary got {len(seen)} requests, expected {expected_attempts - 1}"


@pytest.mark.parametrize("case", [_param(c) for c in RETURN_CASES])
def test_return_action(env, blackhole_holder, case: Case):
    skip_unless_blackhole_works(case, blackhole_holder)
    r = chat(env.http, case.endpoint, case.alias, stream=case.stream, timeout=CLIENT_TIMEOUT)
    assert_error(r, case.cls.ret_status, case.cls.ret_codes)
    if case.cls.name == "rate_limited":
        assert r.headers.get("retry-after", "").strip().isdigit(), f"no Retry-After on a returned 429: {r.describe()}"
    if case.src.kind in ("openai", "anthropic"):
        # returned at once: no retry of the primary either
        assert len(fake_of(env, case.src.kind).requests_for(model=case.model)) == 1


# ---------------------------------------------------------------------------
# Retry
# ---------------------------------------------------------------------------

VARIANTS = [(ep, s, v) for ep in ENDPOINTS for s in ("n", "s") for v in ("openai", "anthropic")]
VARIANT_IDS = [f"{ep}-{s}-{v}" for ep, s, v in VARIANTS]


@pytest.mark.parametrize("ep,s,vendor", VARIANTS, ids=VARIANT_IDS)
def test_retry_recovers_on_same_target(env, ep, s, vendor):
    """server_error (default retry) and overloaded with on_error: retry; the fault strikes once."""
    for alias in (f"retry500-{vendor}-{ep}-{s}", f"retry529-{vendor}-{ep}-{s}"):
        r = chat(env.http, ep, alias, stream=s == "s")
        provider = OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER
        assert_ok(r, route=f"{provider}/{alias}")
        assert r.attempts == 2, f"{alias}: x-rampart-attempts {r.attempts}, expected 2 (one retry)\n{r.describe()}"
        assert r.fallback_reason is None, r.describe()
        assert len(fake_of(env, vendor).requests_for(model=alias)) == 2


@pytest.mark.parametrize("alias,attempts", [("sim500-r0", 2), ("sim500-r2", 4)])
def test_retries_per_target(env, alias, attempts):
    """``retries`` bounds the retries of one target within a request (server_error retries)."""
    r = chat(env.http, "openai", alias)
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.attempts == attempts, r.describe()


# ---------------------------------------------------------------------------
# Context length, content refusals, bad requests, untranslatable requests
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("ep,s,vendor", VARIANTS, ids=VARIANT_IDS)
def test_context_length_fails_over_only_to_larger_window(env, ep, s, vendor):
    k = f"{vendor}-{ep}-{s}"
    fake = fake_of(env, vendor)
    provider = OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER
    r = chat(env.http, ep, f"ctx-{k}", stream=s == "s")
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.fallback.get(f"{provider}/ctx-p-{k}") == "context_length_exceeded", r.describe()
    assert fake.requests_for(model=f"ctx-small-{k}") == [], "a target with a smaller context_window was tried"
    # No target with a larger window: the client gets the error; the same-size target is not tried.
    r = chat(env.http, ep, f"ctx-none-{k}", stream=s == "s")
    assert_error(r, 400, "rampart_context_length_exceeded")
    assert fake.requests_for(model=f"ctx-nsame-{k}") == [], "a target with the same context_window was tried"
    r = chat(env.http, ep, f"ctx-ret-{k}", stream=s == "s")
    assert_error(r, 400, "rampart_context_length_exceeded")


@pytest.mark.parametrize("ep,s,vendor", VARIANTS, ids=VARIANT_IDS)
def test_content_refusal_fails_over_only_to_content_policy_fallbacks(env, ep, s, vendor):
    k = f"{vendor}-{ep}-{s}"
    fake = fake_of(env, vendor)
    provider = OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER
    r = chat(env.http, ep, f"cp-{k}", stream=s == "s")
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.fallback.get(f"{provider}/cp-p-{k}") == "content_refused", r.describe()
    assert fake.requests_for(model=f"cp-other-{k}") == [], "a target outside content_policy_fallbacks was tried"
    r = chat(env.http, ep, f"cp-none-{k}", stream=s == "s")
    assert_error(r, 400, "rampart_upstream_content_refused")
    assert fake.requests_for(model=f"cp-nother-{k}") == [], "without content_policy_fallbacks, another target was tried"
    r = chat(env.http, ep, f"cp-ret-{k}", stream=s == "s")
    assert_error(r, 400, "rampart_upstream_content_refused")
    assert fake.requests_for(model=f"cp-rother-{k}") == []


@pytest.mark.parametrize("ep,s,vendor", VARIANTS, ids=VARIANT_IDS)
def test_bad_request_returns_by_default(env, ep, s, vendor):
    k = f"{vendor}-{ep}-{s}"
    fake = fake_of(env, vendor)
    provider = OPENAI_FAKE_PROVIDER if vendor == "openai" else ANTHROPIC_FAKE_PROVIDER
    r = chat(env.http, ep, f"bad-{k}", stream=s == "s")
    assert_error(r, 400, "rampart_upstream_rejected_request")
    assert len(fake.requests_for(model=f"bad-p-{k}")) == 1, "a bad request was retried"
    assert fake.requests_for(model=f"bad-other-{k}") == [], "a bad request failed over"
    r = chat(env.http, ep, f"badfo-{k}", stream=s == "s")
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.fallback == {f"{provider}/badfo-p-{k}": "bad_request"}, r.describe()


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
def test_untranslatable_fails_over(env, stream):
    # top_k cannot be expressed for an OpenAI-compatible target; logprobs not for an Anthropic one.
    r = chat(env.http, "anthropic", "untr-oai-first", stream=stream, top_k=5)
    assert_ok(r, route=f"{ANTHROPIC_FAKE_PROVIDER}/untr-f")
    assert r.fallback == {f"{OPENAI_FAKE_PROVIDER}/untr-p": "untranslatable"}, r.describe()
    r = chat(env.http, "openai", "untr-ant-first", stream=stream, logprobs=True)
    assert_ok(r, route=f"{OPENAI_FAKE_PROVIDER}/untr-f")
    assert r.fallback == {f"{ANTHROPIC_FAKE_PROVIDER}/untr-p": "untranslatable"}, r.describe()
    assert env.fo.requests_for(model="untr-p") == [] and env.fa.requests_for(model="untr-p") == []
    r = chat(env.http, "anthropic", "untr-oai-first-ret", stream=stream, top_k=5)
    assert_error(r, 400, "rampart_untranslatable_request", mentions=("top_k",))
    r = chat(env.http, "openai", "untr-ant-first-ret", stream=stream, logprobs=True)
    assert_error(r, 400, "rampart_untranslatable_request", mentions=("logprobs",))
    assert env.fa.requests_for(model="untr-rf") == [] and env.fo.requests_for(model="untr-rf") == []


# ---------------------------------------------------------------------------
# Rate limits, exhausted routes, headers
# ---------------------------------------------------------------------------


def test_rate_limited_target_paused_for_retry_after(env):
    r = chat(env.http, "openai", "paused")
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.fallback == {f"{OPENAI_FAKE_PROVIDER}/paused-p": "rate_limited"} and r.attempts == 2, r.describe()
    t_first = time.monotonic()
    r = chat(env.http, "anthropic", "paused", stream=True)
    assert_ok(r, text=FALLBACK_TEXT, route=SIM_OK_ROUTE)
    assert r.fallback == {f"{OPENAI_FAKE_PROVIDER}/paused-p": "rate_limited"}, r.describe()
    if time.monotonic() - t_first < 0.8:
        assert r.attempts == 1, f"a target paused by Retry-After: 1 was called again: {r.describe()}"
        assert len(env.fo.requests_for(model="paused-p")) == 1
    time.sleep(max(0.0, t_first + 1.5 - time.monotonic()))
    r = chat(env.http, "openai", "paused")
    assert_ok(r, text=FALLBACK_TEXT)
    assert len(env.fo.requests_for(model="paused-p")) == 2, "the target was not tried again after Retry-After"


def test_all_targets_failed_the_same_way_gives_that_error(env):
    r = chat(env.http, "openai", "all-same")
    assert_error(r, 502, "rampart_upstream_access_suspended")


def test_all_targets_failed_differently_gives_no_healthy_route(env):
    r = chat(env.http, "anthropic", "all-mixed")
    err = assert_error(r, 503, "rampart_no_healthy_route")
    assert "mixed-a" in err["message"] and "mixed-b" in err["message"], f"the message does not list each target: {err}"


def test_no_target_left_names_each_state_with_retry_after(env):
    r = chat(env.http, "openai", "lone-suspended")
    assert_error(r, 502, "rampart_upstream_access_suspended")
    # The 403 opened the breaker at once (suspension_cooldown_s): nothing is left to try.
    r = chat(env.http, "openai", "lone-suspended")
    err = assert_error(r, 503, "rampart_no_healthy_route", mentions=("lone-a",))
    assert "open" in err["message"], f"the message does not give the target's state: {err}"
    ra = r.headers.get("retry-after", "")
    assert ra.isdigit() and 1 <= int(ra) <= 600, f"Retry-After {ra!r}"
    assert len(env.fo.requests_for(model="lone-a")) == 1


@pytest.mark.parametrize("stream", [False, True], ids=["n", "s"])
@pytest.mark.parametrize("ep", ENDPOINTS)
def test_route_headers_without_fallback(env, ep, stream):
    r = chat(env.http, ep, f"healthy-{ep}-{'s' if stream else 'n'}", stream=stream)
    vendor = OPENAI_FAKE_PROVIDER if ep == "anthropic" else ANTHROPIC_FAKE_PROVIDER
    assert_ok(r, route=f"{vendor}/healthy-{ep}-{'s' if stream else 'n'}")
    assert r.attempts == 1, r.describe()
    assert "x-rampart-fallback-reason" not in r.headers, r.describe()
    assert "x-rampart-route-reason" not in r.headers, r.describe()
    if stream:
        assert_well_formed_stream(r)


def test_rampart_still_healthy(env):
    assert env.rampart.proc.poll() is None, env.rampart.log_text()
    assert env.http.get("/healthz").status_code == 200
