#!/usr/bin/env bash
# Starts ElsaM3 on the embedded default: SQLite under ./data, the sample workflows in ./workflows imported and published,
# Elsa Studio at http://127.0.0.1:5080/studio/ (installed from npm into designer/ on first run).
# Extra arguments go to the server, e.g. ./run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
designer/install.sh
exec dotnet run --project src/ElsaM3.Server -c Release -- --ElsaM3:Storage:DataDirectory="$PWD/data" "$@"
