#!/usr/bin/env bash
# Runs every test in the solution and ends with one line: "N passed, N failed, N skipped".
#
# Set-up it does on its own (idempotent):
#   * as root: installs and starts what the tests need from Debian's packages (PostgreSQL, Chromium) — scripts/prerequisites.sh;
#   * points the PostgreSQL half of the storage tests at that server.
# Not root and no PostgreSQL reachable (or no Chromium): those tests are skipped with a reason, except under CI=true,
# where they fail. Browser screenshots land in TestResults/<run>/artifacts.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = "0" ]; then
  bash scripts/prerequisites.sh || { echo "prerequisites failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

# Timeout=60 (Npgsql's connect timeout, 15 s by default): one CI run had a connection take longer than 15 s to open while
# the storage tests' classes opened theirs all at once on two cores.
if [ -z "${IOPGUIDEBOT_TEST_POSTGRES:-}" ] && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  export IOPGUIDEBOT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=iopguidebot;Password=iopguidebot;Database=iopguidebot_test;Timeout=60"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="TestResults/$(date +%Y%m%d-%H%M%S)"
rm -rf "$results"
# Screenshots and other files the tests leave for people to look at.
export IOPGUIDEBOT_TEST_ARTIFACTS="$PWD/$results/artifacts"

# Build once, then test without rebuilding: the projects share dependencies and the machine has two cores.
if ! dotnet build IopGuideBot.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# --blame: if a test host crashes, the run names the test that was running (the summary below repeats it).
# -m:1: one test project at a time. Run together on two cores, the semantic-model tests starved the browser tests'
# service (a staff console page once took over 30 s to render); one after another costs a few minutes of wall time.
mkdir -p "$(dirname "$results")"
dotnet test IopGuideBot.sln -m:1 -c Release --no-build --nologo --blame \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results-output.log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(get total); e=$(get executed); p=$(get passed); f=$(get failed); ne=$(get notExecuted)
  total=$((total + ${t:-0}))
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + $(get error || echo 0) + $(get timeout || echo 0)))
  skipped=$((skipped + ${t:-0} - ${e:-0} + ${ne:-0}))
done

# What went wrong, again at the end where a reader of the last lines finds it: the run's output is long.
echo "Per test project:"
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  project=$(grep -o 'storage="[^"]*\.dll"' "$trx" | head -n 1 | sed 's/.*[\/]\([^\/]*\)\.dll"/\1/')
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  echo "  ${project:-$(basename "$trx")}: $(get total) tests, $(get executed) executed, $(get passed) passed, $(get failed) failed"
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/    FAILED: \1/p' | head -n 20
  # The start of each failure's message too: a rare failure seen only in a CI run must say which check failed and why.
  if command -v python3 >/dev/null; then
    python3 - "$trx" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for result in re.finditer(r'<UnitTestResult [^>]*outcome="Failed".*?</UnitTestResult>', text, re.S):
    message = re.search(r"<Message>(.*?)</Message>", result.group(0), re.S)
    if message:
        lines = html.unescape(message.group(1)).splitlines()
        print("\n".join("      " + line for line in lines[:25]))
PY
  fi
done
grep -E "test run was aborted|host process crashed|when the test host|Test Run Aborted" "$results-output.log" | sort -u | head -n 20 | sed 's/^/  /'
# Service processes the tests started that crashed in native code before they were healthy (started once more; see
# tests/IopGuideBot.Tests/Support/ServiceProcess.cs): said here, so a rare crash is seen even when every test passed.
if [ -s "$IOPGUIDEBOT_TEST_ARTIFACTS/crashes/crashes.log" ]; then
  echo "Service processes that crashed at start-up and were started again:"
  sed 's/^/  /' "$IOPGUIDEBOT_TEST_ARTIFACTS/crashes/crashes.log"
fi

if [ "$total" -eq 0 ]; then
  echo "no tests ran"
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # dotnet test failed without a failing test (a crashed test host, say)
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
