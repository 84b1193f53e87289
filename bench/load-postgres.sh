# The PostgreSQL part of bench/load.sh (sourced by it after load-lib.sh): floor, one node, two nodes round robin.
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
mkdir -p "$WORK/pg"
coproc PG { dotnet "$LOADTEST" postgres floor floorjsonb one two 2>&1; }
PIDS+=($PG_PID)
wait_for_post() { for _ in $(seq 1 300); do curl -sf -o /dev/null -X POST "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
declare -A DB
while read -r line <&"${PG[0]}"; do
  [[ "$line" == ready ]] && break
  [[ "$line" == *=* ]] || { echo "postgres: $line" >&2; continue; }
  DB[${line%%=*}]=${line#*=}
done

echo "## Physical floor: one PostgreSQL insert of a 2 KB row per request (text)"
dotnet "$LOADTEST" floor --urls http://127.0.0.1:5291 --postgres "${DB[floor]}" >"$WORK/pg/floor.log" 2>&1 &
PIDS+=($!)
wait_for_post http://127.0.0.1:5291/floor
run_wrk "floor-text" http://127.0.0.1:5291/floor
kill "${PIDS[-1]}"

echo "## The same floor with the row's data as jsonb"
dotnet "$LOADTEST" floor --urls http://127.0.0.1:5292 --postgres "${DB[floorjsonb]}" --jsonb >"$WORK/pg/floor-jsonb.log" 2>&1 &
PIDS+=($!)
wait_for_post http://127.0.0.1:5292/floor
run_wrk "floor-jsonb" http://127.0.0.1:5292/floor
kill "${PIDS[-1]}"

pg_node() { # name port database
  mkdir -p "$WORK/pg/$1"
  serve_elsam3 "$WORK/pg/$1" "$2" --ElsaM3:Storage:Provider=PostgreSql "--ConnectionStrings:ElsaM3=$3" --ElsaM3:Node:Name="$1"
}

echo "## ElsaM3, one node on PostgreSQL"
pg_node one 5293 "${DB[one]}"
run_wrk "elsam3-postgres-one-node" http://127.0.0.1:5293/workflows/load/cases
kill "${PIDS[-1]}"

echo "## ElsaM3, two nodes on one PostgreSQL database behind nginx (round robin)"
pg_node node-a 5294 "${DB[two]}"
pg_node node-b 5295 "${DB[two]}"
cat >"$WORK/pg/nginx.conf" <<CONF
daemon off;
pid $WORK/pg/nginx.pid;
error_log $WORK/pg/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  upstream elsam3 { server 127.0.0.1:5294; server 127.0.0.1:5295; keepalive 64; }
  server {
    listen 127.0.0.1:5296;
    location / { proxy_pass http://elsam3; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -p "$WORK/pg" -c "$WORK/pg/nginx.conf" &
PIDS+=($!)
wait_for http://127.0.0.1:5296/health
run_wrk "elsam3-postgres-two-nodes" http://127.0.0.1:5296/workflows/load/cases
