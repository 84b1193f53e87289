#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (nothing is fetched at run time except from the package registries).
set -euo pipefail
cd "$(dirname "$0")"
designer/install.sh
# Browser tests drive Debian's chromium through Playwright.
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
# The PostgreSQL store tests start their own server (initdb in a temporary folder) from Debian's packages.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
dotnet test ElsaM3.sln -c Release "$@"
