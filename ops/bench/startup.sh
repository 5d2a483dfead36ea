#!/usr/bin/env bash
# Start-up of the production jar against an existing database (migrated, office set up): from
# `java -jar` to the console's sign-in page answering, as the systemd unit runs it (docs/INSTALL.md:
# its JVM options, the extracted jar and the class-data archive of a training run). Prints each run's
# time, the CPU time the process had used by then (the figure other work on the machine changes
# least), its resident memory then and the load average before it.   ops/bench/startup.sh [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/bench/lib.sh
need_jar
runs=${1:-3}
start_postgres
setup_office
SPRING_PROFILES_ACTIVE=production prepare_server serve
log=$(mktemp /tmp/cetak-bench-startup.XXXXXX.log)
for run in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  port=$(free_port)
  started=$(now_ms)
  SPRING_PROFILES_ACTIVE=production CETAK_PORT=$port \
    java "${java_opts[@]}" "${server_opts[@]}" ${CETAK_JAVA_OPTS:-} -jar "$server_jar" serve >"$log" 2>&1 &
  pid=$!
  if await_http "$port" /login "$pid"; then
    answered=$(now_ms)
    printf 'run %d: console answered after %.2f s, %s s of CPU, resident %s MB (load average %s)\n' \
      "$run" "$(echo "($answered - $started) / 1000" | bc -l)" "$(cpu_s "$pid")" "$(rss_mb "$pid")" "$load"
  else
    echo "run $run: the server did not answer; its log:" >&2
    tail -n 40 "$log" >&2
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
rm -f "$log"
