#!/usr/bin/env bash
# Runs every test of TagoFirmware on a fresh Debian machine with the .NET SDK, installing what the tests
# need first: mosquitto (apt-get; needs root or sudo), pwsh (dotnet local tool manifest .config/), Pester
# (NuGet). Steps, in order:
#   1. device gates: the core, the ESP32 app and the shared tests compile against the nanoFramework
#      mscorlib 1.17.11 plus the reference surface (one counted check per build);
#   2. every host test project under `dotnet test` (gate scans, shared device-logic tests, host-only tests,
#      integration tests against a real mosquitto);
#   3. the Pester tests of flash.ps1.
# The last line is always "N passed, N failed" counting every test and gate above.
# Usage: ./test.sh            (TEST_FILTER='Name~Writer' ./test.sh narrows the dotnet test runs; a filter that
#                              selects no test at all is a failure, so a typo cannot pass)
# A mosquitto service already on the machine is left alone; any NUGET_PACKAGES folder works (with or without a
# trailing slash).
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" "$ROOT/artifacts/device"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
PASSED=0
FAILED=0
FAILURES=()
FILTER_MATCHED=0   # tests the TEST_FILTER selected, over all projects

say() { printf '[test] %s\n' "$*"; }
count() { PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); }

# --- 0. prerequisites -----------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  say "installing mosquitto and openssl from Debian packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients openssl >/dev/null \
    || say "WARNING: could not install mosquitto; integration tests will fail"
fi
# A mosquitto service (one apt just started, or one the user had before) is left alone: the tests start their own
# brokers on free ports and never use port 1883 or 8883.
say "restoring dotnet local tools (pwsh)"
dotnet tool restore >/dev/null || say "WARNING: dotnet tool restore failed"

# --- 1. device gates ------------------------------------------------------------------------------
for proj in tests/NanoFramework.ReferenceSurface/Gates/*.csproj; do
  [ -e "$proj" ] || continue
  name=$(basename "$proj" .csproj)
  log="$RESULTS/gate-$name.log"
  if dotnet build "$proj" -c Release -nologo -v q >"$log" 2>&1; then
    say "PASS gate: $name compiles for nanoFramework (mscorlib 1.17.11, warnings as errors)"
    count 1 0
  else
    say "FAIL gate: $name does not compile for nanoFramework (full log: artifacts/test-results/gate-$name.log):"
    # MSBuild's own messages first (restore, reference resolution), then the compiler's, each distinct line once and
    # in the order reported. A missing mscorlib makes every file fail with CS0518/CS0246: those are counted, not listed.
    grep -E ': (error|warning) [A-Z]+[0-9]+' "$log" | grep -E ': (error|warning) (MSB|NU|NETSDK)' | awk '!seen[$0]++' | head -n 10
    grep -E ': error CS[0-9]+' "$log" | grep -vE 'error CS0518|error CS0246' | awk '!seen[$0]++' | head -n 15
    codes=$(grep -E ': (error|warning) [A-Z]+[0-9]+' "$log" | awk '!seen[$0]++' | grep -oE ': (error|warning) [A-Z]+[0-9]+' | sed 's/^: //' | sort | uniq -c | sort -rn | head -n 6 | awk '{printf "%s %s x%s; ", $2, $3, $1}')
    [ -n "$codes" ] && say "  by code: $codes"
    if grep -q 'error CS0518' "$log"; then
      corlib="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
      corlib="${corlib%/}/nanoframework.corelibrary/$(sed -n 's:.*<NanoCoreLibraryVersion>\(.*\)</NanoCoreLibraryVersion>.*:\1:p' Directory.Build.props)/lib/mscorlib.dll"
      if [ -f "$corlib" ]; then
        say "  CS0518 (predefined type not defined): mscorlib.dll exists at $corlib but the build did not reference it"
      else
        say "  CS0518 (predefined type not defined): mscorlib.dll is not at $corlib (restore failed or NUGET_PACKAGES points elsewhere)"
      fi
    fi
    grep -qE ': (error|warning) ' "$log" || tail -n 20 "$log"
    count 0 1
    FAILURES+=("gate $name")
  fi
done

# --- 2. host test projects ------------------------------------------------------------------------
HOST_TEST_PROJECTS=(
  tests/TagoFirmware.Gates.Tests/TagoFirmware.Gates.Tests.csproj
  tests/TagoFirmware.Core.Tests/TagoFirmware.Core.Tests.csproj
  tests/TagoFirmware.Host.Tests/TagoFirmware.Host.Tests.csproj
  tests/TagoFirmware.IntegrationTests/TagoFirmware.IntegrationTests.csproj
)
for proj in "${HOST_TEST_PROJECTS[@]}"; do
  [ -e "$proj" ] || continue
  name=$(basename "$proj" .csproj)
  trx="$RESULTS/$name.trx"
  args=(test "$proj" -c Release -nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal")
  [ -n "${TEST_FILTER:-}" ] && args+=(--filter "$TEST_FILTER")
  say "running $name"
  dotnet "${args[@]}" >"$RESULTS/$name.log" 2>&1
  rc=$?
  if [ -f "$trx" ]; then
    # <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." ...>:
    # anything that did not pass and was not merely skipped counts as a failure.
    counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
    attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0; }
    p=$(attr passed)
    f=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
      f=1   # the run itself failed (build error after a partial run, test host crash, abort)
      say "FAIL $name: dotnet test exited with $rc although no test failed:"; tail -n 20 "$RESULTS/$name.log"
    fi
    say "$name: $p passed, $f failed"
    FILTER_MATCHED=$((FILTER_MATCHED + $(attr total)))
    case "$name" in
      *Gates*)   # the gate results, one line each
        grep -o '<UnitTestResult [^>]*' "$trx" \
          | sed -n 's/.* testName="\([^"]*\)".* outcome="\([^"]*\)".*/\2 \1/p' \
          | sed -e 's/&quot;/"/g' -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e "s/&apos;/'/g" \
          | sed -e 's/^Passed /  PASS /' -e 's/^Failed /  FAIL /' -e 's/^NotExecuted /  SKIP /' | sort -k2
        # the size gate's figures for every device assembly (written by DeviceAssemblySizeTests)
        [ -f "$RESULTS/device-assembly-sizes.txt" ] && sed 's/^/  /' "$RESULTS/device-assembly-sizes.txt" ;;
    esac
    if [ "$f" -gt 0 ]; then
      # each failed test with its message (the console logger prints "Failed <name>", the message, then the stack)
      awk '/^  Failed /{print; show=1; next} /^  Stack Trace:/{show=0} show' "$RESULTS/$name.log" | head -n 80
    fi
    count "$p" "$f"
    [ "$f" -gt 0 ] && FAILURES+=("$name")
  else
    say "FAIL $name: no test results (build failed?)"
    grep -E ': error ' "$RESULTS/$name.log" | awk '!seen[$0]++' | head -n 30
    grep -qE ': error ' "$RESULTS/$name.log" || tail -n 20 "$RESULTS/$name.log"
    count 0 1
    FAILURES+=("$name (no results)")
  fi
done

# A filter that selects nothing would otherwise end in "0 passed, 0 failed" and exit 0: say so and fail.
if [ -n "${TEST_FILTER:-}" ] && [ "$FILTER_MATCHED" -eq 0 ]; then
  say "FAIL TEST_FILTER='$TEST_FILTER' matched no test in any test project (syntax: 'Name~Writer', 'FullyQualifiedName~Consistency')"
  count 0 1
  FAILURES+=("TEST_FILTER matched nothing")
fi

# --- 3. Pester tests of flash.ps1 -----------------------------------------------------------------
if [ -f tests/flash/run-pester.ps1 ]; then
  say "running Pester tests of flash.ps1"
  if dotnet pwsh -NoLogo -NoProfile -File tests/flash/run-pester.ps1 -ResultFile "$RESULTS/pester.txt" >"$RESULTS/pester.log" 2>&1; then :; fi
  if [ -f "$RESULTS/pester.txt" ]; then
    read -r p f < "$RESULTS/pester.txt"
    say "Pester: $p passed, $f failed"
    [ "$f" -gt 0 ] && { grep -E '\[-\]' "$RESULTS/pester.log" | head -n 30; FAILURES+=("Pester"); }
    count "$p" "$f"
  else
    say "FAIL Pester: no results"; tail -n 30 "$RESULTS/pester.log"
    count 0 1; FAILURES+=("Pester (no results)")
  fi
fi

if [ "${#FAILURES[@]}" -gt 0 ]; then say "failing: ${FAILURES[*]} (logs in artifacts/test-results/)"; fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
