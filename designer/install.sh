#!/usr/bin/env bash
# Installs the pinned Elsa Studio package into designer/node_modules when it is missing (npm registry only).
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -f node_modules/@elsa-workflows/elsa-studio-wasm/_framework/blazor.webassembly.js ]]; then
  command -v npm >/dev/null || { echo "npm is needed to install Elsa Studio (apt-get install -y npm)" >&2; exit 1; }
  npm install --no-audit --no-fund --loglevel=error
fi
