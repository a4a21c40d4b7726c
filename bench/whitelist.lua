-- wrk script: GET /api/v1/whitelist/{address} with the exchange token, cycling through the
-- addresses of the file named by ADDRESSES (listed and unknown ones, interleaved).
local addresses = {}
for line in io.lines(os.getenv("ADDRESSES")) do
  addresses[#addresses + 1] = line
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local i = math.random(#addresses)

request = function()
  i = i % #addresses + 1
  return wrk.format("GET", "/api/v1/whitelist/" .. addresses[i], headers)
end
