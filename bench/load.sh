#!/usr/bin/env bash
# Load benchmark (issue 3): an HTTP-triggered 5-activity workflow on the SQLite store, driven by wrk at
# concurrency 32 for 30 s, with an empty store and with 1,000,000 prior instances, next to the physical floor
# (one SQLite insert of a 2 KB row per request). Usage: bench/load.sh [seconds] [prior-instances]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}
PRIOR=${2:-1000000}
WORK=${BENCH_DIR:-/tmp/elsam3-load}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release src/ElsaM3.Server -v q -nologo >/dev/null
dotnet build -c Release bench/ElsaM3.LoadTest -v q -nologo >/dev/null
SERVER=src/ElsaM3.Server/bin/Release/net10.0/ElsaM3.Server.dll
LOADTEST=bench/ElsaM3.LoadTest/bin/Release/net10.0/ElsaM3.LoadTest.dll
mkdir -p "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

run_wrk() { # name url
  wrk -t2 -c32 -d5s -s bench/post-case.lua "$2" >/dev/null           # warm-up
  echo "### $1"
  wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/post-case.lua "$2" | grep -E "Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx"
}

serve_elsam3() { # data-dir port
  dotnet "$SERVER" --urls "http://127.0.0.1:$2" --Storage:DataDirectory="$1" --Workflows:Import=false --Logging:LogLevel:Default=Warning \
    --Identity:AdminPassword=bench-password >"$1.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$2/health"
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$2/elsa/api/identity/login" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$2/elsa/api/workflow-definitions" -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"model\": $(cat bench/load-workflow.json), \"publish\": true}"
}

echo "## Physical floor: one SQLite insert of a 2 KB row per request"
rm -rf "$WORK/floor"
dotnet "$LOADTEST" floor --urls http://127.0.0.1:5191 --data "$WORK/floor" >"$WORK/floor.log" 2>&1 &
PIDS+=($!)
sleep 2
run_wrk "floor" http://127.0.0.1:5191/floor
kill "${PIDS[-1]}"

echo "## ElsaM3, empty store"
rm -rf "$WORK/empty" && mkdir -p "$WORK/empty"
serve_elsam3 "$WORK/empty" 5192
run_wrk "elsam3-empty" http://127.0.0.1:5192/workflows/load/cases
kill "${PIDS[-1]}"

echo "## ElsaM3, $PRIOR prior instances"
if [[ ! -f "$WORK/seeded-$PRIOR/elsam3.db" ]]; then
  rm -rf "$WORK/seeded-$PRIOR"
  dotnet "$LOADTEST" seed --data "$WORK/seeded-$PRIOR" --count "$PRIOR" | tail -1
fi
cp -r "$WORK/seeded-$PRIOR" "$WORK/seeded-run"
serve_elsam3 "$WORK/seeded-run" 5193
run_wrk "elsam3-seeded" http://127.0.0.1:5193/workflows/load/cases
echo "instance list (page 0, 10 items) with the full store:"
curl -s -o /dev/null -w "  %{time_total}s (HTTP %{http_code})\n" -X POST http://127.0.0.1:5193/elsa/api/workflow-instances -H 'content-type: application/json' \
  -H "Authorization: Bearer $TOKEN" -d '{"page":0,"pageSize":10}'
kill "${PIDS[-1]}"
rm -rf "$WORK/seeded-run"
