-- POSTs JSON with the token in TOKEN. BODIES holds one "path<TAB>body" a line; each thread takes
-- its own lines in turn (a line is used once: a proposal moves once), wrapping round at the end.
local lines = {}
for line in io.lines(os.getenv("BODIES")) do lines[#lines + 1] = line end
local token = os.getenv("TOKEN")
local threads = 0

setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local n = 0
request = function()
  local line = lines[((offset or 0) + n * tonumber(os.getenv("THREADS"))) % #lines + 1]
  n = n + 1
  local tab = line:find("\t")
  return wrk.format("POST", line:sub(1, tab - 1),
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, line:sub(tab + 1))
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
