#!/usr/bin/env bash
# A/B check (issue 26): builds <base-commit> in a git worktree beside the working tree, then alternates the two builds'
# runs of the HTTP load (with the physical floor in every round), the M3 path and the engine benchmarks on this machine,
# and prints each figure side by side with its ratio (working tree / base) and spread. Not a test and not run in CI: run
# it before resolving a change to a hot path and put its tables in the note.
# Usage: bench/ab.sh <base-commit> [rounds=3] [seconds=15]   (BENCH_DIR: scratch folder, default /tmp/elsam3-ab;
#        AB_SKIP="m3 engine" leaves parts out)
set -euo pipefail
BASE_REV=${1:?usage: bench/ab.sh <base-commit> [rounds] [seconds]}
ROUNDS=${2:-3}
DURATION=${3:-15}
SKIP=${AB_SKIP:-}
cd "$(dirname "$0")/.."
HEAD_DIR=$PWD
WORK=${BENCH_DIR:-/tmp/elsam3-ab}
BASE_DIR=$WORK/base
mkdir -p "$WORK"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done
  git -C "$HEAD_DIR" worktree remove --force "$BASE_DIR" 2>/dev/null || true
}
trap cleanup EXIT

git -C "$HEAD_DIR" worktree remove --force "$BASE_DIR" 2>/dev/null || rm -rf "$BASE_DIR"
git -C "$HEAD_DIR" worktree add --detach --force "$BASE_DIR" "$BASE_REV" >/dev/null
echo "A/B: base $(git -C "$BASE_DIR" rev-parse --short HEAD) against the working tree at $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
for dir in "$BASE_DIR" "$HEAD_DIR"; do
  for project in src/ElsaM3.Server bench/ElsaM3.ChaosRun bench/ElsaM3.Benchmarks; do
    dotnet build -c Release "$dir/$project" -v q -nologo >/dev/null
  done
done
dotnet build -c Release bench/ElsaM3.LoadTest -v q -nologo >/dev/null
LOADTEST=bench/ElsaM3.LoadTest/bin/Release/net10.0/ElsaM3.LoadTest.dll

# Waits until url answers (with -f: a success).
wait_for() { for _ in $(seq 1 300); do curl -s ${2:-} -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

# Prints "runs/s p99-ms" for a wrk run against url.
measure() {
  wrk -t2 -c32 -d5s -s bench/post-case.lua "$1" >/dev/null
  wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/post-case.lua "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; p99 = v }
    END { printf "%.0f %.1f\n", rps, p99 }'
}

# Starts a build's server on a fresh store with the load workflow published; prints its PID.
serve() { # dir port
  local data=$WORK/data-$2
  rm -rf "$data" && mkdir -p "$data"
  dotnet "$1/src/ElsaM3.Server/bin/Release/net10.0/ElsaM3.Server.dll" --urls "http://127.0.0.1:$2" --ElsaM3:Storage:DataDirectory="$data" \
    --ElsaM3:Samples:Import=false --Logging:LogLevel:Default=Warning --ElsaM3:Identity:AdminPassword=bench-password >"$data.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_for "http://127.0.0.1:$2/health" -f
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$2/elsa/api/identity/login" -H 'content-type: application/json' \
    -d '{"username":"admin","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$2/elsa/api/workflow-definitions" -H 'content-type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"model\": $(cat bench/load-workflow.json), \"publish\": true}"
  echo "$pid"
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# ratio summary: reads "base head" pairs, prints "median (min–max)" of head/base.
ratios() {
  awk '{ printf "%.4f\n", $2 / $1 }' | sort -n | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%.2f (%.2f–%.2f)", m, r[1], r[NR] }'
}

echo
echo "## HTTP trigger path (bench/load-workflow.json, empty SQLite store, wrk -t2 -c32, ${DURATION} s after 5 s warm-up)"
echo
echo "| round | floor runs/s | floor p99 | base runs/s | base p99 | base / floor | working runs/s | working p99 | working / floor |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
: >"$WORK/http-rps" ; : >"$WORK/http-p99"
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/floor"
  dotnet "$LOADTEST" floor --urls http://127.0.0.1:5291 --data "$WORK/floor" >"$WORK/floor.log" 2>&1 &
  floor_pid=$!; PIDS+=("$floor_pid"); wait_for http://127.0.0.1:5291/
  read -r frps fp99 < <(measure http://127.0.0.1:5291/floor); stop "$floor_pid"
  # The order alternates, so neither build always runs on a machine warmed by the other.
  if (( round % 2 )); then order="base head"; else order="head base"; fi
  for which in $order; do
    dir=$BASE_DIR; [[ $which == head ]] && dir=$HEAD_DIR
    pid=$(serve "$dir" 5292)
    read -r rps p99 < <(measure http://127.0.0.1:5292/workflows/load/cases)
    stop "$pid"
    eval "${which}_rps=$rps ${which}_p99=$p99"
  done
  echo "| $round | $frps | $fp99 ms | $base_rps | $base_p99 ms | $(awk "BEGIN{printf \"%.2f\", $base_rps/$frps}") | $head_rps | $head_p99 ms | $(awk "BEGIN{printf \"%.2f\", $head_rps/$frps}") |"
  echo "$base_rps $head_rps" >>"$WORK/http-rps"; echo "$base_p99 $head_p99" >>"$WORK/http-p99"
done
echo
echo "Working tree / base: runs/s $(ratios <"$WORK/http-rps"), p99 $(ratios <"$WORK/http-p99")"

if [[ " $SKIP " != *" m3 "* ]]; then
  echo
  echo "## M3 path (bench/ElsaM3.ChaosRun m3-path 3000 16: noise cases until each worksheet's officer is on the CXM case)"
  echo
  echo "| round | build | cases | complete | time | cases/s | simulator calls/s | ratio | trigger → worksheet p50 | p99 |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  : >"$WORK/m3-rate"
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then order="base head"; else order="head base"; fi
    for which in $order; do
      dir=$BASE_DIR; [[ $which == head ]] && dir=$HEAD_DIR
      row=$(cd "$dir" && dotnet run -c Release --no-build --project bench/ElsaM3.ChaosRun -- m3-path 3000 16 | grep -E '^\| [0-9]' | tail -1)
      echo "| $round | $which |${row#|}"
      eval "${which}_m3=$(echo "$row" | awk -F'|' '{ gsub(/[ ,]/, "", $5); print $5 }')"
    done
    echo "$base_m3 $head_m3" >>"$WORK/m3-rate"
  done
  echo
  echo "Working tree / base: cases/s $(ratios <"$WORK/m3-rate")"
fi

if [[ " $SKIP " != *" engine "* ]]; then
  echo
  echo "## Engine (BenchmarkDotNet short job, per activity: Sequential10, ForkJoin, Loop50)"
  echo
  : >"$WORK/engine"
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then order="base head"; else order="head base"; fi
    for which in $order; do
      dir=$BASE_DIR; [[ $which == head ]] && dir=$HEAD_DIR
      (cd "$dir" && dotnet run -c Release --no-build --project bench/ElsaM3.Benchmarks -- --filter '*ElsaM3_Sequential10*' '*ElsaM3_ForkJoin*' '*ElsaM3_Loop50*' \
        --job short --artifacts "$WORK/bdn-$which") | grep -E '^\| ElsaM3_' | awk -F'|' -v w="$which" -v r="$round" '
        { name = $2; mean = $3; alloc = $(NF - 1); gsub(/ /, "", name); gsub(/^ +| +$/, "", mean); gsub(/^ +| +$/, "", alloc)
          split(mean, m, " "); us = m[1]; if (m[2] == "ns") us /= 1000; if (m[2] == "ms") us *= 1000
          print r, w, name, us, alloc }' >>"$WORK/engine"
    done
  done
  echo "| benchmark | base µs per activity | working µs per activity | working / base | base allocated | working allocated |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for name in ElsaM3_Sequential10 ElsaM3_ForkJoin ElsaM3_Loop50; do
    b=$(awk -v n="$name" '$2 == "base" && $3 == n { printf "%s%.2f", s, $4; s = " / " }' "$WORK/engine")
    h=$(awk -v n="$name" '$2 == "head" && $3 == n { printf "%s%.2f", s, $4; s = " / " }' "$WORK/engine")
    r=$(join <(awk -v n="$name" '$2 == "base" && $3 == n { print $1, $4 }' "$WORK/engine" | sort) \
              <(awk -v n="$name" '$2 == "head" && $3 == n { print $1, $4 }' "$WORK/engine" | sort) | awk '{ print $2, $3 }' | ratios)
    ba=$(awk -v n="$name" '$2 == "base" && $3 == n { a = $5 " " $6 } END { print a }' "$WORK/engine")
    ha=$(awk -v n="$name" '$2 == "head" && $3 == n { a = $5 " " $6 } END { print a }' "$WORK/engine")
    echo "| $name | $b | $h | $r | $ba | $ha |"
  done
fi
