#!/usr/bin/env bash
# Runs every test of Studio on a fresh Debian 12 machine with only the .NET 10 SDK:
# installs what the browser tests need (Debian's Chromium), builds, runs all test projects,
# and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
dotnet build Studio.sln -nologo -v quiet -clp:ErrorsOnly 2>&1 | tee "$log"
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "0 passed, 1 failed"
  exit "$build"
fi
# One test project at a time, the browser tests last: run side by side, the training tests starve the app under
# test of CPU on a 2-core machine and page loads time out.
: > "$log"
status=0
projects=$(ls tests/*/*.csproj | grep -v -e Studio.Benchmarks -e Studio.E2E; echo tests/Studio.E2E/Studio.E2E.csproj)
for project in $projects; do
  dotnet test "$project" --no-build -nologo 2>&1 | tee -a "$log"
  code=${PIPESTATUS[0]}
  [ "$code" -eq 0 ] || status=$code
  if [ "$code" -ne 0 ] && [[ "$project" == *Studio.E2E* ]] && [ -f tests/Studio.E2E/screenshots/app.log ]; then
    echo "--- errors in the log of the app under test (tests/Studio.E2E/screenshots/app.log) ---"
    grep -n -A12 -E '^(fail|crit): ' tests/Studio.E2E/screenshots/app.log | head -150
  fi
done

read -r passed failed < <(awk '/^(Passed|Failed)! +- /{
    for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) }
  } END { print p + 0, f + 0 }' "$log")
passed=${passed:-0}; failed=${failed:-0}
# A test host that crashed prints no summary: count it as a failure rather than hide it.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "${passed} passed, ${failed} failed"
exit "$status"
