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
# The store and API suites again on PostgreSQL: every test server on its own database of one server the tests start
# (tests of the SQLite file itself pin SQLite; the Persistence tests choose their stores themselves).
SUITES="Api Runtime Http M3pp Identity Cases Health"
FILTER=$(for s in $SUITES; do printf 'FullyQualifiedName~ElsaM3.Server.Tests.%s.|' "$s"; done)
ELSAM3_TEST_STORE=PostgreSql dotnet test tests/ElsaM3.Server.Tests -c Release --no-build --filter "${FILTER%|}" "$@"
