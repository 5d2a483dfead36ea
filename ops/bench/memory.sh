#!/usr/bin/env bash
# Resident memory of the application with 8 printers printing: the demo (its simulated printers in
# the same JVM, its embedded PostgreSQL in processes of its own, not counted) with a scenario of 8
# printers at a tenth of field timing, as the systemd unit runs the server (its JVM options and
# environment, the extracted jar and its class-data archive). Samples the Java
# process's resident set every second for a minute of printing and prints the largest, per run, and
# the time the collector paused the application over that minute (its log, -Xlog:gc to a file): the
# collections, how many of them full, the pauses' sum and share of the minute, the longest pause; and
# the same since the start.
#   ops/bench/memory.sh [runs, default 3] [seconds of printing, default 60]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. ops/bench/lib.sh
need_jar
runs=${1:-3}
seconds=${2:-60}
printers=8
work=$(mktemp -d /tmp/cetak-bench-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT
{
  echo "name: eight printers"
  echo "timeScale: 0.1"
  echo "seed: 8"
  echo "printers:"
  for i in $(seq 1 $printers); do
    printf '  - {name: PRN-%d, model: Primacy, blanks: 0, deadChipRate: 0.01, ribbonPrints: 1000, rejectBoxCapacity: 100, hopperCapacity: 1000}\n' "$i"
  done
} >"$work/room.yaml"
{
  echo "printers:"
  for i in $(seq 1 $printers); do
    printf '  - {office: "32.71", code: PRN-%d, port: "sim:PRN-%d", model: Primacy, reader: "Cetak Sim Reader PRN-%d", node: demo}\n' "$i" "$i" "$i"
  done
  echo "models:"
  echo "  Primacy:"
  echo "    feeder: 100"
} >"$work/devices.yaml"
# the class-data archive of the server, recorded (when missing) by a training run of the production
# profile against a throw-away PostgreSQL, as startup.sh does (a training run of the demo would leave
# its embedded PostgreSQL and Kannel running: the JVM exits before their shutdown)
if [ ! -f app/target/cli/serve.jsa ]; then
  start_postgres
  setup_office
  SPRING_PROFILES_ACTIVE=production prepare_server serve
  stop_postgres
  unset CETAK_DATABASE_URL CETAK_DATABASE_USER CETAK_DATABASE_PASSWORD
  trap 'rm -rf "$work"' EXIT
fi
prepare_server
for run in $(seq 1 "$runs"); do
  rm -rf "$work/run" && mkdir "$work/run"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  port=$(free_port)
  (cd "$work/run" && CETAK_PORT=$port exec java "${java_opts[@]}" "${server_opts[@]}" \
    -Xlog:gc:file="$work/run/gc.log":uptime ${CETAK_JAVA_OPTS:-} -jar "$server_jar" demo \
    --cetak.demo.scenario="$work/room.yaml" --cetak.station.devices="$work/devices.yaml" \
    --cetak.station.time-scale=0.1 >"$work/run/demo.log" 2>&1) &
  pid=$!
  if ! await_http "$port" /login "$pid"; then
    echo "run $run: the demo did not answer; its log:" >&2
    tail -n 40 "$work/run/demo.log" >&2
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    continue
  fi
  printed_before=$(demo_printed "$work/run")
  from=$(uptime_s "$pid")
  peak=0
  for _ in $(seq 1 "$seconds"); do
    sleep 1
    rss=$(rss_mb "$pid")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  to=$(uptime_s "$pid")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|tenured/ {print; exit}' || true)
  printed=$(( $(demo_printed "$work/run") - printed_before ))
  printf 'run %d: resident %d MB at most over %d s of printing on %d printers (%d cards printed; load average %s)\n' \
    "$run" "$peak" "$seconds" "$printers" "$printed" "$load"
  [ -n "$heap" ] && echo "  heap: $heap"
  read -r n full paused longest < <(gc_pauses "$work/run/gc.log" "$from" "$to")
  printf '  GC while printing: %d collections (%d full) in %.0f s, %.0f ms paused (%.2f %%), longest pause %.1f ms\n' \
    "$n" "$full" "$(echo "$to - $from" | bc -l)" "$paused" "$(echo "$paused / 10 / ($to - $from)" | bc -l)" "$longest"
  read -r n full paused longest < <(gc_pauses "$work/run/gc.log" 0 "$to")
  printf '  GC since the start: %d collections (%d full) in %.0f s, %.0f ms paused, longest pause %.1f ms\n' \
    "$n" "$full" "$to" "$paused" "$longest"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
