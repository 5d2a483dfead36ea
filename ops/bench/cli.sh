#!/usr/bin/env bash
# A command-line task beside the running demo: `status` against the demo's embedded PostgreSQL found
# through its connection file, run as `java -jar` with the quick compiler and the serial collector,
# then as ./cetak runs it (the same, on the extracted jar with the class-data archive its first command
# recorded). Prints each run's wall time and the load average before it.   ops/bench/cli.sh [runs, default 3]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. ops/bench/lib.sh
need_jar
runs=${1:-3}
work=$(mktemp -d /tmp/cetak-bench-cli.XXXXXX)
port=$(free_port)
(cd "$work" && CETAK_PORT=$port exec java "${java_opts[@]}" -jar "$root/$jar" demo >"$work/demo.log" 2>&1) &
demo=$!
trap 'kill -TERM $demo 2>/dev/null; wait $demo 2>/dev/null; rm -rf "$work"' EXIT
await_http "$port" /login "$demo" || { tail -n 40 "$work/demo.log" >&2; exit 1; }
status=(status --cetak.database.embedded-data-dir="$work/.cetak/pgdata")
# the first command after a build extracts the jar and records the class-data archive: not timed
rm -rf "$root/app/target/cli"
"$root/cetak" "${status[@]}" >"$work/first.log" 2>&1 || { cat "$work/first.log" >&2; exit 1; }
timed() { # label, command...
  local label=$1 load started ended code
  shift
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  set +e
  "$@" >"$work/status.log" 2>&1
  code=$?
  set -e
  ended=$(now_ms)
  printf '%s: status took %.2f s, exit code %d (load average %s)\n' \
    "$label" "$(echo "($ended - $started) / 1000" | bc -l)" "$code" "$load"
}
for run in $(seq 1 "$runs"); do
  timed "run $run, java -jar (no archive)" \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${CETAK_JAVA_OPTS:-} -jar "$root/$jar" "${status[@]}"
  timed "run $run, ./cetak (class-data archive)" "$root/cetak" "${status[@]}"
done
echo "its output:"; cat "$work/status.log"
