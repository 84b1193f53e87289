# Shared by bench/load.sh and bench/retention-load.sh: their arguments [seconds] [prior-instances], the build,
# starting the server and driving it with wrk. Sourced as the scripts' first line; works from the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
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

serve_elsam3() { # data-dir port [extra server arguments...]
  local data=$1 port=$2
  shift 2
  dotnet "$SERVER" --urls "http://127.0.0.1:$port" --ElsaM3:Storage:DataDirectory="$data" --ElsaM3:Samples:Import=false --Logging:LogLevel:Default=Warning \
    --ElsaM3:Identity:AdminPassword=bench-password "$@" >"$data.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$port/health"
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$port/elsa/api/identity/login" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/elsa/api/workflow-definitions" -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"model\": $(cat bench/load-workflow.json), \"publish\": true}"
}

seeded_copy() { # prior-instances target-dir: a fresh copy of the seeded store (seeding it once when missing)
  if [[ ! -f "$WORK/seeded-$1/elsam3.db" ]]; then
    rm -rf "$WORK/seeded-$1"
    dotnet "$LOADTEST" seed --data "$WORK/seeded-$1" --count "$1" | tail -1
  fi
  rm -rf "$2"
  cp -r "$WORK/seeded-$1" "$2"
}
