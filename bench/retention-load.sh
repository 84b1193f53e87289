#!/usr/bin/env bash
# Retention backlog under load: the seeded store with retention switched on so that every prior instance is due,
# driven by wrk exactly as in load.sh while the sweep deletes the backlog; prints how many instances went meanwhile.
# Usage: bench/retention-load.sh [seconds] [prior-instances]
source "$(dirname "$0")/load-lib.sh"

count() {
  curl -sf -X POST http://127.0.0.1:5194/elsa/api/workflow-instances -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d '{"page":0,"pageSize":1}' | sed -E 's/.*"totalCount":([0-9]+).*/\1/'
}

echo "## ElsaM3, $PRIOR prior instances, all past their retention period"
seeded_copy "$PRIOR" "$WORK/retention-run"
# Everything seeded is older than a second; what the load creates is newer than the sweep's cutoff.
serve_elsam3 "$WORK/retention-run" 5194 --ElsaM3:Retention:FinishedInstances=00:00:01
wrk -t2 -c32 -d5s -s bench/post-case.lua http://127.0.0.1:5194/workflows/load/cases >/dev/null   # warm-up
before=$(count)
echo "### elsam3-retention"
out=$(wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/post-case.lua http://127.0.0.1:5194/workflows/load/cases)
echo "$out" | grep -E "Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx"
after=$(count)
created=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
echo "instances deleted by the sweep during the run: $((before + created - after)) ($(( (before + created - after) / DURATION ))/s)"
kill "${PIDS[-1]}"
rm -rf "$WORK/retention-run"
