#!/usr/bin/env bash
# The long hostile-input run (issue 12): the test suite's fuzz test with many more inputs. Every input goes to the
# trigger, definition save/import, instance, settings or sign-in routes of an in-process server; none may answer 5xx,
# leave an unhandled exception in the log, or (when refused) change what is stored.
# Usage: bench/fuzz.sh [inputs, default 100000] [seed, default random]; the seed is printed so a failure can be replayed.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELSAM3_FUZZ_INPUTS="${1:-100000}"
if [[ -n "${2:-}" ]]; then export ELSAM3_FUZZ_SEED="$2"; fi
designer/install.sh >/dev/null
dotnet build tests/ElsaM3.Server.Tests -c Release -v quiet -nologo >/dev/null
start=$(date +%s)
dotnet test tests/ElsaM3.Server.Tests -c Release --no-build --filter "FullyQualifiedName~HostileInput.FuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "Fuzz seed|Answers:|Passed |Failed |#[0-9]+ |log: " || true
echo "took $(( $(date +%s) - start )) s"
