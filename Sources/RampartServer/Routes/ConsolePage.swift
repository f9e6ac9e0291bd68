/// The console's page: HTML, a little CSS and plain JavaScript that calls the admin API with the
/// token the operator signs in with (kept in the tab's session storage, sent as a bearer token).
enum ConsolePage {
    static let html = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Rampart console</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>
      body { font: 14px system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d232b; }
      header { background: #1d232b; color: #fff; padding: 10px 20px; display: flex; justify-content: space-between; }
      main { padding: 16px 20px; display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
      section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 12px 16px; }
      h2 { font-size: 15px; margin: 0 0 8px; }
      table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eef0f3; }
      .big { display: flex; gap: 24px; } .big div { font-size: 26px; font-weight: 600; } .big span { display: block; font-size: 12px; color: #5b6573; }
      .open { color: #b3261e; font-weight: 600; } .closed { color: #1e7b34; } .half_open { color: #b36b00; }
      button { cursor: pointer; } #login { max-width: 420px; margin: 80px auto; } #error { color: #b3261e; }
      .wide { grid-column: 1 / -1; } .pass { color: #1e7b34; } .fail { color: #b3261e; font-weight: 600; } .muted { color: #5b6573; }
      #report-frame { width: 100%; height: 640px; border: 1px solid #dde1e6; }
    </style></head>
    <body>
    <header><strong>Rampart console</strong><span id="status"></span></header>
    <form id="login"><section><h2>Sign in</h2>
      <p>The admin token (<code>server.admin_token</code>).</p>
      <input id="token" type="password" autocomplete="off" size="40"> <button id="signin" type="submit">Sign in</button>
      <p id="error"></p></section></form>
    <main id="app" hidden>
      <section><h2>Live traffic</h2><div class="big">
        <div id="total-requests">0<span>requests</span></div><div id="total-ok">0<span>answered</span></div>
        <div id="total-blocked">0<span>blocked or halted</span></div><div id="total-failed">0<span>failed or rejected</span></div></div>
        <table id="by-alias"></table></section>
      <section><h2>Providers and breakers</h2><table id="providers"></table></section>
      <section><h2>Kill switches in force</h2><table id="switches"></table></section>
      <section class="wide"><h2>Incidents</h2><table id="incidents"></table></section>
      <section id="report" class="wide" hidden><h2><span id="report-title"></span> <button id="report-close">Close</button></h2>
        <iframe id="report-frame" sandbox title="incident report"></iframe></section>
      <section><h2>Latest red-team run</h2><div id="redteam"></div></section>
      <section><h2>Guard evaluation</h2><div id="evaluation"></div></section>
      <section><h2>Policy</h2><div id="policy"></div></section>
      <section><h2>Canaries <button id="canary-run">Run now</button></h2><table id="canaries"></table></section>
      <section><h2>Managed keys</h2><table id="keys"></table></section>
    </main>
    <script>
    const $ = (id) => document.getElementById(id);
    const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
    async function api(path, options = {}) {
      const reply = await fetch(path, {...options, headers: {"authorization": "Bearer " + sessionStorage.getItem("rampart-token"),
                                                            "content-type": "application/json", "x-rampart-actor": "console"}});
      if (reply.status === 401 || reply.status === 403) { signOut("The token was refused."); throw new Error("signed out"); }
      return reply;
    }
    function signOut(message) { sessionStorage.removeItem("rampart-token"); $("app").hidden = true; $("login").hidden = false; $("error").textContent = message || ""; }
    function rows(table, header, items) { $(table).innerHTML = "<tr>" + header.map((h) => "<th>" + h + "</th>").join("") + "</tr>" + items.join(""); }
    async function traffic() {
      const text = await (await fetch("/metrics")).text();
      const totals = {}, aliases = {};
      for (const line of text.split("\n")) {
        const m = line.match(/^rampart_requests_total\{(.*)\} ([0-9.e+]+)$/);
        if (!m) continue;
        const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
        const n = Number(m[2]);
        totals[labels.outcome] = (totals[labels.outcome] || 0) + n;
        aliases[labels.alias] = aliases[labels.alias] || {requests: 0, blocked: 0};
        aliases[labels.alias].requests += n;
        if (labels.outcome === "blocked" || labels.outcome === "halted") aliases[labels.alias].blocked += n;
      }
      const sum = (...k) => k.reduce((a, o) => a + (totals[o] || 0), 0);
      $("total-requests").firstChild.textContent = sum("ok", "blocked", "halted", "rejected", "failed", "cancelled");
      $("total-ok").firstChild.textContent = sum("ok");
      $("total-blocked").firstChild.textContent = sum("blocked", "halted");
      $("total-failed").firstChild.textContent = sum("failed", "rejected");
      rows("by-alias", ["alias", "requests", "blocked"], Object.entries(aliases).sort().map(([a, v]) =>
        `<tr><td>${esc(a)}</td><td>${v.requests}</td><td>${v.blocked}</td></tr>`));
    }
    async function admin() {
      const providers = (await (await api("/admin/providers")).json()).providers;
      rows("providers", ["target", "aliases", "breaker", "latency", ""], providers.flatMap((p) => p.targets.map((t) =>
        `<tr><td>${esc(t.target)}</td><td>${esc(t.aliases.join(", "))}</td><td class="${esc(t.breaker.state)}">${esc(t.breaker.state)}</td>
         <td>${t.latency_ewma_ms ? t.latency_ewma_ms.toFixed(1) + " ms" : ""}</td>
         <td>${t.kill_switches.length ? "disabled" : `<button data-kill="${esc(t.target)}">Disable</button>`}</td></tr>`)));
      const switches = (await (await api("/admin/kill-switches")).json()).kill_switches;
      rows("switches", ["scope", "target", "reason", ""], switches.map((s) =>
        `<tr><td>${esc(s.scope)}</td><td>${esc(s.target)}</td><td>${esc(s.reason)}</td><td><button data-lift="${esc(s.id)}">Lift</button></td></tr>`));
      const incidents = await (await api("/admin/incidents")).json();
      rows("incidents", ["id", "severity", "status", "title", "report"], incidents.slice(0, 20).map((i) =>
        `<tr><td>${esc(i.id)}</td><td>${esc(i.severity)}</td><td>${esc(i.status)}</td><td>${esc(i.title)}</td>
         <td>${["exec", "legal", "engineering"].map((a) => `<button data-report="${esc(i.id)}" data-audience="${a}">${a}</button>`).join(" ")}</td></tr>`));
      const keys = await api("/admin/keys");
      const list = keys.ok ? (await keys.json()).keys : [];
      rows("keys", ["id", "tenant", "status", "hint"], list.map((k) =>
        `<tr><td>${esc(k.id)}</td><td>${esc(k.tenant)}</td><td>${esc(k.status)}</td><td>…${esc(k.hint)}</td></tr>`));
    }
    const pct = (x) => (100 * x).toFixed(1) + "%";
    const when = (t) => esc(new Date(t).toLocaleString());
    async function recorded(path, element, none, render) {
      const reply = await api(path);
      $(element).innerHTML = reply.ok ? render(await reply.json()) : `<p class="muted">${esc(none)}</p>`;
    }
    async function results() {
      await recorded("/admin/redteam/latest", "redteam", "No run recorded: rampart redteam --config FILE --record", (r) =>
        `<p>${esc(r.target)}, seed ${esc(r.seed)}, ${when(r.recorded_at)}${r.incident ? ", opened " + esc(r.incident) : ""}</p>
         <div class="big"><div id="redteam-success">${pct(r.attack_success.rate)}<span>attack success</span></div>
         <div>${pct(r.blocked.rate)}<span>blocked by the gateway</span></div><div>${pct(r.control_refusal.rate)}<span>benign controls refused</span></div></div>
         <table><tr><th>technique</th><th>success</th><th>goals broken</th><th>reach</th></tr>${r.techniques
           .filter((t) => t.success.successes > 0).sort((a, b) => b.success.rate - a.success.rate).slice(0, 8)
           .map((t) => `<tr><td>${esc(t.technique)}</td><td>${pct(t.success.rate)}</td><td>${t.goals_broken}/${t.goals_tried}</td>
             <td class="${t.reach === "narrow" ? "" : "fail"}">${esc(t.reach)}</td></tr>`).join("")}</table>`);
      await recorded("/admin/guard/evaluation/latest", "evaluation", "No evaluation recorded: rampart eval --record FILE", (e) =>
        `<p>model ${esc(e.model_version)}, ${esc(e.split)} split of ${esc(e.data)}, ${when(e.recorded_at)}</p>
         <table><tr><th>label</th><th>examples</th><th>recall</th></tr>${e.labels.filter((l) => l.examples > 0).map((l) =>
           `<tr><td>${esc(l.label)}</td><td>${l.examples}</td><td>${pct(l.recall)}</td></tr>`).join("")}
         ${e.benign.filter((b) => b.examples > 0).map((b) =>
           `<tr><td>benign ${esc(b.kind)}</td><td>${b.examples}</td><td>FPR ${pct(b.false_positive_rate)}</td></tr>`).join("")}
         ${e.output ? `<tr><td>output classifier</td><td>${e.output.examples}</td><td>F1 ${e.output.f1.toFixed(3)}</td></tr>` : ""}</table>
         <p id="evaluation-gates">${e.gates.map((g) => `<span class="${g.passed ? "pass" : "fail"}">${esc(g.name)} ${g.passed ? "PASS" : "FAIL"}</span> (${esc(g.detail)})`).join("<br>")
           || '<span class="muted">no gates set</span>'}</p>`);
    }
    async function operations() {
      const policyReply = await api("/admin/policy");
      if (policyReply.ok) {
        const policy = await policyReply.json();
        const name = (v) => v ? `${esc(v.version)} <span class="muted">${esc(v.hash.slice(0, 16))}</span>` : "the configuration's constitution";
        $("policy").innerHTML = `<p>active: <strong id="policy-active">${name(policy.active)}</strong>
          ${policy.active ? '<button id="policy-rollback">Roll back</button>' : ""}</p>
          <p>candidate in shadow: ${policy.candidate ? name(policy.candidate) : "none"}</p>
          <table><tr><th>when</th><th>change</th><th>by</th></tr>${policy.changes.slice(-5).reverse().map((c) =>
            `<tr><td>${when(c.at)}</td><td>${esc(c.action)}</td><td>${esc(c.actor)}</td></tr>`).join("")}</table>`;
      }
      const canaryReply = await api("/admin/canaries");
      if (!canaryReply.ok) return;
      const share = (t) => t && t.total ? `${t.hits}/${t.total}` : "—";
      rows("canaries", ["target", "benign answered", "borderline answered", "harmful refused", "runs", "drift"],
        (await canaryReply.json()).targets.map((t) => `<tr><td>${esc(t.target)}</td><td>${share(t.latest?.benign)}</td>
          <td>${share(t.latest?.borderline)}</td><td>${share(t.latest?.harmful)}</td><td>${t.runs}</td>
          <td>${t.drift.length ? `<span class="fail">${esc(t.drift[0].direction)}</span> <button data-clear="${esc(t.target)}">Clear</button>` : "none"}</td></tr>`));
    }
    async function showReport(id, audience) {
      const reply = await api(`/admin/incidents/${encodeURIComponent(id)}/report?audience=${audience}&format=html`);
      $("report-title").textContent = `${id}: report for ${audience}`;
      $("report-frame").srcdoc = reply.ok ? await reply.text() : "<p>" + esc((await reply.json()).error?.message) + "</p>";
      $("report").hidden = false;
      $("report").scrollIntoView();
    }
    async function refresh() {
      try { await Promise.all([traffic(), admin(), results(), operations()]); $("status").textContent = "updated " + new Date().toLocaleTimeString(); }
      catch (error) { $("status").textContent = "update failed: " + error.message; }
    }
    document.addEventListener("click", async (event) => {
      const kill = event.target.dataset.kill, lift = event.target.dataset.lift, report = event.target.dataset.report;
      if (report) return showReport(report, event.target.dataset.audience);
      if (event.target.id === "report-close") { $("report").hidden = true; return; }
      if (event.target.id === "canary-run") { await api("/admin/canaries/run", {method: "POST"}); return refresh(); }
      if (event.target.dataset.clear) {
        await api("/admin/canaries/clear?target=" + encodeURIComponent(event.target.dataset.clear), {method: "POST"});
        return refresh();
      }
      if (event.target.id === "policy-rollback" && confirm("Roll back to the policy active before this one?")) {
        await api("/admin/policy/rollback", {method: "POST"});
        return refresh();
      }
      if (kill) {
        const reason = prompt("Why disable " + kill + "?", "disabled from the console");
        if (reason) await api("/admin/kill-switches", {method: "POST", body: JSON.stringify({scope: "target", target: kill, reason})});
      }
      if (lift) await api("/admin/kill-switches/" + encodeURIComponent(lift), {method: "DELETE"});
      if (kill || lift) refresh();
    });
    $("login").addEventListener("submit", async (event) => {
      event.preventDefault();
      sessionStorage.setItem("rampart-token", $("token").value);
      try { await api("/admin/providers"); } catch { return; }
      $("login").hidden = true; $("app").hidden = false; refresh();
    });
    setInterval(() => { if (!$("app").hidden) refresh(); }, 2000);
    if (sessionStorage.getItem("rampart-token")) { $("login").hidden = true; $("app").hidden = false; refresh(); }
    </script></body></html>
    """#
}
