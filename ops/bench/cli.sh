#!/usr/bin/env bash
# A command-line task beside the running demo: `status` as ./cetak runs it (the quick compiler and the
# serial collector), against the demo's embedded PostgreSQL found through its connection file.
# Prints each run's wall time and the load average before it.   ops/bench/cli.sh [runs, default 3]
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
for run in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  set +e
  (cd "$work" && java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${CETAK_JAVA_OPTS:-} -jar "$root/$jar" status \
    >"$work/status.log" 2>&1)
  code=$?
  set -e
  ended=$(now_ms)
  printf 'run %d: status took %.2f s, exit code %d (load average %s)\n' \
    "$run" "$(echo "($ended - $started) / 1000" | bc -l)" "$code" "$load"
done
echo "its output:"; cat "$work/status.log"
