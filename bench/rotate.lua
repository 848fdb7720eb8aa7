-- wrk script for bench/http_bench.sh: each request asks the next path of the file ROTATE_PATHS
-- (one path a line), so that requests spread over many different answers instead of repeating
-- one. Each wrk thread starts at a different place in the list.
local paths = {}
for line in io.lines(os.getenv("ROTATE_PATHS")) do paths[#paths + 1] = line end
local threads = 0
local next_path = 0

function setup(thread)
  thread:set("start", threads * 7919)
  threads = threads + 1
end

function init()
  next_path = start or 0
end

function request()
  next_path = next_path + 1
  return wrk.format("GET", paths[next_path % #paths + 1])
end
