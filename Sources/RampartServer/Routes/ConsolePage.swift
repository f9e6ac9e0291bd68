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
      <section><h2>Incidents</h2><table id="incidents"></table></section>
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
      rows("incidents", ["id", "severity", "status", "title"], incidents.slice(0, 20).map((i) =>
        `<tr><td>${esc(i.id)}</td><td>${esc(i.severity)}</td><td>${esc(i.status)}</td><td>${esc(i.title)}</td></tr>`));
      const keys = await api("/admin/keys");
      const list = keys.ok ? (await keys.json()).keys : [];
      rows("keys", ["id", "tenant", "status", "hint"], list.map((k) =>
        `<tr><td>${esc(k.id)}</td><td>${esc(k.tenant)}</td><td>${esc(k.status)}</td><td>…${esc(k.hint)}</td></tr>`));
    }
    async function refresh() {
      try { await Promise.all([traffic(), admin()]); $("status").textContent = "updated " + new Date().toLocaleTimeString(); }
      catch (error) { $("status").textContent = "update failed: " + error.message; }
    }
    document.addEventListener("click", async (event) => {
      const kill = event.target.dataset.kill, lift = event.target.dataset.lift;
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
