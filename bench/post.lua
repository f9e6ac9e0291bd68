-- wrk script for bench/proxy-overhead.sh: POSTs one OpenAI chat completion
-- request and, when the run ends, prints a one-line machine-readable summary.
--
--   wrk -t1 -c1 -d10s --latency -s bench/post.lua http://127.0.0.1:18081/v1/chat/completions
--
-- No request()/response() callbacks: wrk then builds the request once and
-- does not hand each response to Lua, which keeps the load generator cheap
-- (it shares the CPUs with what it measures).  Failed responses are counted
-- by wrk itself: summary.errors.status counts responses with status > 399;
-- connect/read/write/timeout are socket errors.  bench/proxy-overhead.sh
-- checks with curl beforehand that both targets answer exactly 200.

wrk.method = "POST"
wrk.body = '{"model":"bench","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello."}],"max_tokens":64}'
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout
   -- latency is recorded in microseconds
   local function ms(p) return latency:percentile(p) / 1000.0 end
   io.write(string.format(
      "WRK_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f non2xx=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      ms(50), ms(90), ms(99), latency.max / 1000.0, latency.mean / 1000.0,
      e.status, errors, e.connect, e.read, e.write, e.timeout))
end
