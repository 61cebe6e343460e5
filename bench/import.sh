#!/usr/bin/env bash
# Import benchmark (issue 4): `rightscope import holdings` of a generated 100,000-row CSV into the database, as a
# fresh process each time: wall clock and peak resident memory (/usr/bin/time -v), on SQLite and, when
# RIGHTSCOPE_BENCH_POSTGRES is set, on PostgreSQL.
#
#   bench/import.sh
#   RIGHTSCOPE_BENCH_POSTGRES='Host=127.0.0.1;Username=rightscope_test;Password=rightscope_test' bench/import.sh
#
# Settings (environment): RIGHTSCOPE_BENCH_ROWS (default 100000), RIGHTSCOPE_BENCH_RUNS (imports per provider,
# default 3; the median wall clock is reported), RIGHTSCOPE_BENCH_POSTGRES (a server connection string without
# Database; the script creates and drops a database of its own with createdb/dropdb-like SQL through psql),
# RIGHTSCOPE_BENCH_OUT (Markdown file, default /tmp/rightscope-import-results.md).
#
# The target organization is made by `rightscope demo --scale small --org bench-import`, so the importer matches every
# row against a registry of 2,000 companies. The file is made by the benchmarks project (`holdings-file csv`, fixed
# seed): its ISINs are not in that registry, so the rows are matched by every key and stay unmatched (the slowest path).
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in dotnet /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench/import.sh: '$tool' is not installed (/usr/bin/time: sudo apt-get install time)." >&2
    exit 2
  fi
done

ROWS=${RIGHTSCOPE_BENCH_ROWS:-100000}
RUNS=${RIGHTSCOPE_BENCH_RUNS:-3}
OUT=${RIGHTSCOPE_BENCH_OUT:-/tmp/rightscope-import-results.md}
WORK=$(mktemp -d /tmp/rightscope-import-XXXXXX)
PG_DATABASE=""

cleanup() {
  if [[ -n "$PG_DATABASE" ]]; then
    psql "$(pg_url postgres)" -q -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A libpq URI from the .NET connection string (Host, Port, Username, Password) for psql.
pg_url() {
  local host=127.0.0.1 port=5432 user="" password="" part key value
  IFS=';' read -ra parts <<<"$RIGHTSCOPE_BENCH_POSTGRES"
  for part in "${parts[@]}"; do
    key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' '); value=${part#*=}
    case "$key" in
      host|server) host=$value ;;
      port) port=$value ;;
      username|user|userid) user=$value ;;
      password) password=$value ;;
    esac
  done
  echo "postgresql://$user:$password@$host:$port/$1"
}

echo "== build (Release)" >&2
dotnet build -c Release src/Rightscope -nologo -v quiet >&2
dotnet build -c Release bench/Rightscope.Benchmarks -nologo -v quiet >&2
APP=src/Rightscope/bin/Release/net10.0/rightscope.dll
BENCH=bench/Rightscope.Benchmarks/bin/Release/net10.0/Rightscope.Benchmarks.dll
FILE="$WORK/holdings-$ROWS.csv"
dotnet "$BENCH" holdings-file csv "$ROWS" "$FILE"
echo "== $FILE: $(wc -l <"$FILE") lines, $(du -h "$FILE" | cut -f1)" >&2

TABLE=()
measure() { # provider
  local provider=$1 run seconds=() rss=() line
  export RIGHTSCOPE_DATA_DIR="$WORK/data-$provider"
  mkdir -p "$RIGHTSCOPE_DATA_DIR"
  dotnet "$APP" demo --scale small --org bench-import >/dev/null
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -v -o "$WORK/time.txt" dotnet "$APP" import holdings --org bench-import \
      --portfolio "Import benchmark $run" --file "$FILE" --as-of 2026-06-30 >"$WORK/import.txt" 2>&1 || {
      cat "$WORK/import.txt" >&2; exit 1; }
    line=$(grep -m1 '^Imported' "$WORK/import.txt")
    seconds+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time.txt")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")")
    echo "$provider run $run: ${seconds[-1]} s, ${rss[-1]} KB; $line" >&2
  done
  local median max
  median=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  max=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
  TABLE+=("| $provider | $ROWS | $RUNS | $median | $(printf '%s ' "${seconds[@]}")| $max KB ($(( max / 1024 )) MiB) |")
}

measure Sqlite
if [[ -n "${RIGHTSCOPE_BENCH_POSTGRES:-}" ]]; then
  command -v psql >/dev/null || { echo "psql is needed to create the PostgreSQL benchmark database." >&2; exit 2; }
  PG_DATABASE="rightscope_bench_$(date +%s)"
  psql "$(pg_url postgres)" -q -c "CREATE DATABASE $PG_DATABASE" >/dev/null
  export RIGHTSCOPE_Database__Provider=Postgres
  export RIGHTSCOPE_ConnectionStrings__Rightscope="$RIGHTSCOPE_BENCH_POSTGRES;Database=$PG_DATABASE"
  measure Postgres
fi

{
  echo "### Holdings import into the database"
  echo
  echo "- Date: $(date -u) (\`date -u\`)"
  echo "- Machine: $(nproc) logical cores (\`nproc\`), $(free -h | awk '/^Mem:/ { print $2 }') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- Commit: \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)')"
  echo "- Command: \`bench/import.sh\` (each run: \`/usr/bin/time -v dotnet rightscope.dll import holdings --org bench-import --portfolio NEW --file holdings-$ROWS.csv --as-of 2026-06-30\`, Release build, a new portfolio each run)"
  echo "- Wall clock is the whole process: start-up, JIT, reading and validating the file, matching against 2,000 companies, writing the snapshot and the audit entry."
  echo
  echo "| database | rows | runs | median wall clock (s) | each run (s) | maximum resident set size (largest run) |"
  echo "|---|---:|---:|---:|---|---:|"
  printf '%s\n' "${TABLE[@]}"
} | tee "$OUT"
echo "(written to $OUT)" >&2
