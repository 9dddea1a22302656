-- wrk script: POST the JSON body in the file named by $BENCH_BODY, or with $BENCH_BODIES a
-- body picked at random from that file (one JSON request per line); report percentiles as
-- JSON.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("BENCH_BODIES") then
  local bodies = {}
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    bodies[#bodies + 1] = line
  end
  request = function()
    return wrk.format(nil, nil, nil, bodies[math.random(#bodies)])
  end
else
  local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
  wrk.body = f:read("*a")
  f:close()
end

-- No response() callback: wrk would copy every body into Lua, costing the client CPU that
-- the servers on the same cores need. summary.errors.status counts statuses above 399.
done = function(summary, latency, requests)
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
