-- wrk script for scripts/bench.sh. Environment:
--   BENCH_TOKEN   sends "Authorization: Token <jwt>" when set
--   BENCH_METHOD  and BENCH_BODY: a write (POST with a JSON body)
-- done() prints one line "BENCH_RESULT {json}" with the figures bench.sh records. wrk counts a
-- response with a status above 399 in errors.status; socket errors are connect/read/write/timeout.

local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Token " .. token
end

local method = os.getenv("BENCH_METHOD")
if method and method ~= "" then
  wrk.method = method
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,'
      .. '"max_ms":%.2f,"socket_errors":%d,"status_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
