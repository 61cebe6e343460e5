#!/usr/bin/env bash
# Public submission throughput (issue 5, "Performance"; results in BENCHMARKS.md, "Public submissions").
#
#   bench/submissions.sh                  # 8 clients, 30 s per run
#   CLIENTS=8 DURATION=60s bench/submissions.sh
#
# Builds Release, starts `rightscope serve --demo` on a loopback port with a fresh data directory and the DEFAULT
# key-derivation costs (nothing here sets them, so the demo channel's receipts cost Argon2id 32 MiB, 2 passes, 1 lane —
# Remedy:ReceiptKeyDerivation's default, as in production; RECEIPT_MEMORY_KIB / RECEIPT_PASSES override it to measure
# another cost), and runs bench/Rightscope.Load:
#   1. complete submissions without a file, 2. with one small file, 3. follow-ups opening receipts,
#   4. encryption and storage alone (in-process, no server, reporter Argon2id reduced to the minimum).
# The server's peak resident memory (VmHWM) is read from /proc before the load and after each run (reset in between).
#
# The ONLY setting changed for the benchmark is the per-channel rate limit, raised through the environment
# (RIGHTSCOPE_Remedy__RateLimit__PostsPerChannelPerMinute) so that the benchmark measures the server and not the
# limiter: 8 clients at 20/s are 1,200 posts a minute against the default ceiling of 600. Production keeps the default.
set -euo pipefail

cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-5181}
URL="http://127.0.0.1:$PORT"
RATE_LIMIT=${RATE_LIMIT:-100000}

echo "## Public submissions — $(date -u)"
echo
echo "- machine: $(nproc) logical cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with local changes)')"
echo "- command: ${RECEIPT_MEMORY_KIB:+RECEIPT_MEMORY_KIB=$RECEIPT_MEMORY_KIB }${RECEIPT_PASSES:+RECEIPT_PASSES=$RECEIPT_PASSES }CLIENTS=$CLIENTS DURATION=$DURATION WARMUP=$WARMUP bench/submissions.sh"
echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

dotnet build -c Release bench/Rightscope.Load -v quiet -nologo >/dev/null
SERVER=src/Rightscope/bin/Release/net10.0/rightscope.dll
LOAD=bench/Rightscope.Load/bin/Release/net10.0/Rightscope.Load.dll

DATA=$(mktemp -d /tmp/rightscope-submissions.XXXXXX)
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA"
}
trap cleanup EXIT

COST_SETTINGS=()
if [[ -n "${RECEIPT_MEMORY_KIB:-}" ]]; then COST_SETTINGS+=("RIGHTSCOPE_Remedy__ReceiptKeyDerivation__MemoryKiB=$RECEIPT_MEMORY_KIB"); fi
if [[ -n "${RECEIPT_PASSES:-}" ]]; then COST_SETTINGS+=("RIGHTSCOPE_Remedy__ReceiptKeyDerivation__Passes=$RECEIPT_PASSES"); fi

env "${COST_SETTINGS[@]}" \
RIGHTSCOPE_DATA_DIR="$DATA" \
RIGHTSCOPE_Remedy__RateLimit__PostsPerChannelPerMinute="$RATE_LIMIT" \
    dotnet "$SERVER" serve --demo --urls "$URL" >"$DATA/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$URL/report/demo"; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server stopped:"; cat "$DATA/server.log"; exit 1; fi
    sleep 1
done
curl -fsS -o /dev/null "$URL/report/demo"

hwm() { awk '/^VmHWM/ {print $2 " KiB"}' "/proc/$SERVER_PID/status"; }
rss() { awk '/^VmRSS/ {print $2 " KiB"}' "/proc/$SERVER_PID/status"; }
reset_hwm() { echo 5 >"/proc/$SERVER_PID/clear_refs"; }

COST=$(sqlite3 "$DATA/rightscope.db" "SELECT ReceiptCost FROM Channels WHERE Slug = 'demo';" 2>/dev/null || echo "unknown (sqlite3 missing)")
echo "- demo channel receipt cost (from the database): \`$COST\`"
echo "- server: \`rightscope serve --demo\` (Release, SQLite, Production environment) on $URL, rate limit raised to $RATE_LIMIT posts per channel per minute"
echo "- server memory after start-up and one page: VmRSS $(rss), VmHWM $(hwm)"
echo

STATUS=0
run() {
    local label=$1
    shift
    reset_hwm
    dotnet "$LOAD" --url "$URL" --channel demo --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" "$@" || STATUS=1
    echo "- server peak resident memory during this run (VmHWM, reset before it): $(hwm); VmRSS after: $(rss)"
    echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
}

run submit --mode submit --files 0
run submit-file --mode submit --files 1
run follow-up --mode follow-up

kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=

dotnet "$LOAD" --mode store --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" || STATUS=1
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $STATUS
