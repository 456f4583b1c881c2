-- GETs the paths of the file in PATHS (one a line), in random order.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

dofile("bench/wrk/result.lua") -- run from the repository root, as bench/run.sh does
