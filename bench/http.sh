#!/usr/bin/env bash
# HTTP benchmark (issues 4 and 8): `rightscope serve` over the scale dataset, measured with wrk.
#
#   bench/http.sh                       # large dataset in a fresh temporary data directory
#   RIGHTSCOPE_BENCH_DATA=/var/tmp/rs-large bench/http.sh   # reuse (or create once) a cached data directory
#
# Settings (environment): RIGHTSCOPE_BENCH_SCALE (large|small, default large), RIGHTSCOPE_BENCH_DATA (data directory
# to reuse; created and seeded when empty), RIGHTSCOPE_BENCH_PORT (default 5199), RIGHTSCOPE_BENCH_DURATION (seconds
# per wrk run, default 20), RIGHTSCOPE_BENCH_CONNECTIONS (default "1 8 32"), RIGHTSCOPE_BENCH_OUT (Markdown file,
# default $DATA/http-results.md), RIGHTSCOPE_BENCH_ONLY (a regular expression: only the pages whose name matches, and
# /healthz), RIGHTSCOPE_BENCH_SERVER_LOG (keep the server's log there). SQLite only: the data directory holds the database.
#
# It installs nothing: it needs wrk (`sudo apt-get install wrk`), curl and the .NET SDK. The table goes to stdout and
# to the Markdown file. Each page's throughput is also given as a ratio to /healthz measured in the same run at the
# same number of connections: the practical limit of this machine for this server.
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in wrk curl dotnet; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench/http.sh: '$tool' is not installed${tool:+ (wrk: sudo apt-get install wrk)}." >&2
    exit 2
  fi
done

SCALE=${RIGHTSCOPE_BENCH_SCALE:-large}
PORT=${RIGHTSCOPE_BENCH_PORT:-5199}
DURATION=${RIGHTSCOPE_BENCH_DURATION:-20}
CONNECTIONS=${RIGHTSCOPE_BENCH_CONNECTIONS:-1 8 32}
BASE="http://127.0.0.1:$PORT"
DATA=${RIGHTSCOPE_BENCH_DATA:-$(mktemp -d /tmp/rightscope-http-XXXXXX)}
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
OUT=${RIGHTSCOPE_BENCH_OUT:-$DATA/http-results.md}
WORK=$(mktemp -d /tmp/rightscope-http-work-XXXXXX)
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n "${RIGHTSCOPE_BENCH_SERVER_LOG:-}" && -f "$WORK/server.log" ]]; then cp "$WORK/server.log" "$RIGHTSCOPE_BENCH_SERVER_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export RIGHTSCOPE_DATA_DIR="$DATA"
export ASPNETCORE_ENVIRONMENT=Production

echo "== build (Release)" >&2
dotnet build -c Release src/Rightscope -nologo -v quiet >&2
APP=src/Rightscope/bin/Release/net10.0/rightscope.dll
rightscope() { dotnet "$APP" "$@"; }

echo "== data: rightscope demo --scale $SCALE in $DATA" >&2
SEED_START=$(date +%s)
rightscope demo --scale "$SCALE" >"$WORK/demo.txt"
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
grep -v '^    ' "$WORK/demo.txt" >&2 || true
page() { awk -v p="$1" '$1 == "page" && $2 == p { print $3 }' "$WORK/demo.txt"; }

# Fresh passwords each run: a cached data directory does not need the first run's output. The investor owner reads
# the investor pages, the company owner the company's, its case handler the case list.
OWNER=owner@scale-investor.example
COMPANY_OWNER=owner@scale-investor-company.example
HANDLER=case-handler@scale-investor-company.example
PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
for email in "$OWNER" "$COMPANY_OWNER" "$HANDLER"; do
  printf '%s\n' "$PASSWORD" | rightscope admin reset-password --email "$email" --password-stdin >/dev/null
done

echo "== serve --demo on $BASE (the demo company's public channel /report/demo comes from the demo data)" >&2
dotnet "$APP" serve --demo --urls "$BASE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server stopped:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/healthz"

# The anti-forgery field (its name is configured by the app) is the last hidden "__" input: the sign-in form's.
sign_in() { # EMAIL -> prints the Cookie header value of a signed-in session
  local jar="$WORK/cookies-$1.txt" field name value status
  field=$(curl -fsS -c "$jar" -b "$jar" "$BASE/account/sign-in" | grep -o '<input name="__[^"]*" type="hidden" value="[^"]*"' | tail -1)
  name=$(sed 's/.*name="\([^"]*\)".*/\1/' <<<"$field")
  value=$(sed 's/.*value="\([^"]*\)".*/\1/' <<<"$field")
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "$name=$value" \
    "$BASE/account/sign-in")
  if [[ "$status" != 302 ]]; then echo "sign-in of $1 answered $status, not a redirect (is a second factor required?)" >&2; exit 1; fi
  awk -F '\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
}
echo "== sign in as $OWNER, $COMPANY_OWNER and $HANDLER" >&2
declare -A COOKIES=([investor]="$(sign_in "$OWNER")" [company]="$(sign_in "$COMPANY_OWNER")" [handler]="$(sign_in "$HANDLER")")

# name|who|path: who is the session used (investor, company, handler or none).
PAGES=(
  "healthz|none|/healthz"
  "dashboard 10k (largest)|investor|$(page largest-dashboard)"
  "dashboard 2k|investor|$(page dashboard)"
  "assessment|investor|$(page assessment)"
  "company|investor|$(page company)"
  "case list (first page)|handler|$(page case-list)"
  "deadlines|handler|$(page case-list)/deadlines"
  "government requests|company|$(page government-requests)"
  "transparency report (a year)|company|$(page transparency-report)"
  "country page|company|$(page country)"
  "statistics|company|$(page statistics)"
  "public submission page|none|$(page public-submission)"
)
if [[ -n "${RIGHTSCOPE_BENCH_ONLY:-}" ]]; then
  SELECTED=()
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name _ _ <<<"$entry"
    if [[ "$name" == healthz || "$name" =~ $RIGHTSCOPE_BENCH_ONLY ]]; then SELECTED+=("$entry"); fi
  done
  PAGES=("${SELECTED[@]}")
fi
cookie_of() { if [[ "$1" == none ]]; then echo "X-None: 1"; else echo "Cookie: ${COOKIES[$1]}"; fi; }
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name who path <<<"$entry"
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$(cookie_of "$who")" "$BASE$path")
  if [[ "$code" != 200 ]]; then echo "$name ($path) answered $code, not 200" >&2; exit 1; fi
done

to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

echo "== warm-up" >&2
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name who path <<<"$entry"
  wrk -t2 -c8 -d5s -H "$(cookie_of "$who")" "$BASE$path" >/dev/null
done

declare -A HEALTHZ
ROWS=()
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name who path <<<"$entry"
  for c in $CONNECTIONS; do
    threads=$(( c < 2 ? 1 : 2 ))
    echo "== $name: $c connection(s), ${DURATION}s" >&2
    wrk -t"$threads" -c"$c" -d"${DURATION}s" --latency -H "$(cookie_of "$who")" "$BASE$path" >"$WORK/wrk.txt"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$WORK/wrk.txt")
    errors=$(awk '/Socket errors:/ { print }' "$WORK/wrk.txt" | sed 's/^ *Socket errors: //')
    if [[ "$name" == healthz ]]; then HEALTHZ[$c]=$rps; fi
    ratio=$(awk -v r="$rps" -v h="${HEALTHZ[$c]:-0}" 'BEGIN { if (h > 0) printf "%.3f", r / h; else print "n/a" }')
    ROWS+=("| $name | \`$path\` | $c | $rps | $ratio | $p50 | $p99 | ${bad:-0}${errors:+; $errors} |")
  done
done

HWM=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
{
  echo "### HTTP benchmark ($SCALE dataset)"
  echo
  echo "- Date: $(date -u) (\`date -u\`)"
  echo "- Machine: $(nproc) logical cores (\`nproc\`), $(free -h | awk '/^Mem:/ { print $2 }') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- Commit: \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)')"
  echo "- Command: \`bench/http.sh\` (RIGHTSCOPE_BENCH_SCALE=$SCALE, RIGHTSCOPE_BENCH_DURATION=$DURATION): Release build, \`rightscope serve --demo\` on SQLite in $DATA, wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }') \`-t2 -c{1,8,32} -d${DURATION}s --latency\` (-t1 at one connection) with the session cookie of the scale investor's owner, the scale company's owner or its case handler (none for /healthz and the public page), after a 5 s warm-up of every page"
  echo "- Data: \`rightscope demo --scale $SCALE\` (took ${SEED_SECONDS} s this run, 0 when it existed)"
  echo "- Server peak resident memory (VmHWM of the server process at the end): $(( HWM / 1024 )) MiB"
  echo
  echo "| page | path | connections | requests/s | ratio to /healthz | p50 ms | p99 ms | non-2xx/3xx; socket errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT"
echo "(written to $OUT)" >&2
