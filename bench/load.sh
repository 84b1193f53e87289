#!/usr/bin/env bash
# Load benchmark (issue 3): an HTTP-triggered 5-activity workflow on the SQLite store, driven by wrk at
# concurrency 32 for 30 s, with an empty store and with 1,000,000 prior instances, next to the physical floor
# (one SQLite insert of a 2 KB row per request). Usage: bench/load.sh [seconds] [prior-instances] [sqlite|postgres]
#
# With postgres (issue 17): a durable PostgreSQL in a temporary folder; the floor (one insert of the same 2 KB row, as
# text and as jsonb), one node, and two nodes behind nginx round robin (Debian's nginx, installed when missing).
source "$(dirname "$0")/load-lib.sh"
if [[ "${3:-sqlite}" == "postgres" ]]; then
  source "$(dirname "$0")/load-postgres.sh"
  exit 0
fi

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
seeded_copy "$PRIOR" "$WORK/seeded-run"
serve_elsam3 "$WORK/seeded-run" 5193
run_wrk "elsam3-seeded" http://127.0.0.1:5193/workflows/load/cases
echo "instance list (page 0, 10 items) with the full store:"
curl -s -o /dev/null -w "  %{time_total}s (HTTP %{http_code})\n" -X POST http://127.0.0.1:5193/elsa/api/workflow-instances -H 'content-type: application/json' \
  -H "Authorization: Bearer $TOKEN" -d '{"page":0,"pageSize":10}'
kill "${PIDS[-1]}"
rm -rf "$WORK/seeded-run"
