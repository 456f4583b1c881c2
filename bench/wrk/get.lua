-- GETs the paths of the file in PATHS (one a line), in random order.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end

-- With TOKEN set, every request carries it (one client, for the fair-use bounds).
local token = os.getenv("TOKEN")
local headers = token and { ["Authorization"] = "Bearer " .. token } or nil

request = function()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

dofile("bench/wrk/result.lua") -- run from the repository root, as bench/run.sh does
