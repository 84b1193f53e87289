#!/usr/bin/env bash
# Starts ElsaM3 on the embedded default: SQLite under ./data, the sample workflows in ./workflows imported and published.
# Extra arguments go to the server, e.g. ./run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/ElsaM3.Server -c Release -- --Storage:DataDirectory="$PWD/data" "$@"
