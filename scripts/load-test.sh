#!/usr/bin/env bash
# Load test of the preview server: wrk, 64 connections for 30 s against `studyguide serve`,
# rotating over pages, assets, the search index and a missing page. Prints requests per second,
# latency percentiles, errors, and the server's memory before and after.
#   scripts/load-test.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-64}"
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -x .build/release/studyguide ] || swift build -c release --product studyguide --static-swift-stdlib >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/release/studyguide serve --port "$port" > /tmp/studyguide-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "Serving at" /tmp/studyguide-load-serve.log && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

script=$(mktemp --suffix=.lua)
cat > "$script" <<'LUA'
local paths = {"/", "/databases/composite-index.html", "/security/sql-injection.html", "/tags/index.html",
               "/assets/style.css", "/assets/search-engine.js", "/search/manifest.js", "/search.html",
               "/no-such-page.html", "/databases/"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 and status ~= 404 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("unexpected statuses: %d\n", errors))
end
LUA
wrk -t2 -c"$connections" -d2s -s "$script" "http://127.0.0.1:$port" >/dev/null   # warm-up
before=$(rss)
result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port")
after=$(rss)
printf '%s\n' "$result"
echo "server memory (RSS): ${before} KB before, ${after} KB after ${seconds} s"
kill -0 $server || { echo "load: the server died" >&2; exit 1; }
socket_errors=$(printf '%s\n' "$result" | awk '/Socket errors/ {print}')
if [ -n "$socket_errors" ] || ! printf '%s\n' "$result" | grep -q "unexpected statuses: 0"; then
  echo "load: errors under load" >&2
  exit 1
fi
echo "load: no errors"
