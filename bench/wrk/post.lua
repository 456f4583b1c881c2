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

dofile("bench/wrk/result.lua") -- run from the repository root, as bench/run.sh does
