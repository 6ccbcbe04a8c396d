-- bin/bench: POSTs one fixed body on every request (wrk -s post.lua URL -- BODY_FILE CONTENT_TYPE ACCEPT [METHOD]);
-- with METHOD GET and an empty BODY_FILE, the same GET (no body, no Content-Type) on every request.
-- A request failed when its status is not 2xx or its body has a numeric "error_code" (v2 produce answers 200 with
-- "error_code":null per record on success). done() prints one machine-readable line for io.kafkarest.bench.Wrk.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = args[4] or "POST"
  if args[1] ~= "" then
    local f = assert(io.open(args[1], "rb"))
    wrk.body = f:read("*a")
    f:close()
    wrk.headers["Content-Type"] = args[2]
  end
  wrk.headers["Accept"] = args[3]
  failed = 0
  first_error = ""
end

function response(status, headers, body)
  if status < 200 or status > 299 or (body and string.find(body, '"error_code":%s*%d')) then
    failed = failed + 1
    if first_error == "" then
      first_error = "HTTP " .. status .. " " .. string.sub(body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local failed_total, first = 0, ""
  for _, t in ipairs(threads) do
    failed_total = failed_total + (t:get("failed") or 0)
    local e = t:get("first_error")
    if first == "" and e then first = e end
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d failed=%d socket_errors=%d p50_us=%d p99_us=%d bytes=%d\n",
    summary.requests, summary.duration, failed_total, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), summary.bytes))
  io.write("BENCH_ERROR " .. string.gsub(first, "[\r\n]", " ") .. "\n")
end
