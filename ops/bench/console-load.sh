#!/usr/bin/env bash
# The console under load while 8 printers print: the demo (its simulated printers in the same JVM,
# at a twentieth of field timing, a backlog of 3,000 residents) under the JVM options of the systemd
# unit; then ConsoleLoad.java on loopback measures the printing rate for a window with no one at the
# console and for a window with 50 signed-in users loading the dashboard and the queue page and
# searching the queue by NIK without pause, after half a window of the same unmeasured (the pages'
# first loads after the start, printed apart). Prints p50/p95/p99 per page and both printing rates.
#   ops/bench/console-load.sh [runs, default 3] [users, default 50] [seconds per window, default 30]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. ops/bench/lib.sh
need_jar
runs=${1:-3}
users=${2:-50}
seconds=${3:-30}
printers=8
work=$(mktemp -d /tmp/cetak-bench-console.XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
{
  echo "name: eight printers"
  echo "timeScale: 0.05"
  echo "seed: 8"
  echo "printers:"
  for i in $(seq 1 $printers); do
    printf '  - {name: PRN-%d, model: Primacy, blanks: 0, deadChipRate: 0.01, ribbonPrints: 5000, rejectBoxCapacity: 500, hopperCapacity: 5000}\n' "$i"
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
for run in $(seq 1 "$runs"); do
  rm -rf "$work/run" && mkdir "$work/run"
  port=$(free_port)
  (cd "$work/run" && CETAK_PORT=$port exec java "${java_opts[@]}" ${CETAK_JAVA_OPTS:-} -jar "$root/$jar" demo \
    --cetak.demo.scenario="$work/room.yaml" --cetak.station.devices="$work/devices.yaml" \
    --cetak.station.time-scale=0.05 --cetak.demo.backlog=3000 >"$work/run/demo.log" 2>&1) &
  pid=$!
  if ! await_http "$port" /login "$pid"; then
    echo "run $run: the demo did not answer; its log:" >&2
    tail -n 40 "$work/run/demo.log" >&2
    exit 1
  fi
  sleep 10 # the printers take their first cards
  echo "run $run: load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java ops/bench/ConsoleLoad.java "$port" 32.71 "$users" "$seconds" operator cetak-demo
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
done
