# Sourced by the benchmarks: a throw-away PostgreSQL of the installed packages, the production jar and
# its settings. Not a test: the scripts print figures.
jar=app/target/cetak-app-0.1.0-SNAPSHOT.jar
# the JVM options of the systemd unit in docs/INSTALL.md (section 6, where each is explained);
# CETAK_JAVA_OPTS adds to them
java_opts=(-Xms32m -Xmx192m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:MaxNewSize=32m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m
  --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED
  -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1)
# and its environment: two malloc arenas instead of one per core and thread
export MALLOC_ARENA_MAX=2

need_jar() {
  [ -f "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests install" >&2; exit 2; }
}

# The jar as the systemd unit runs it: extracted into plain jars (app/target/cli/, as ./cetak does)
# with the class-data archive of the classes a start loads (serve.jsa), recorded by a training run of
# `java ... -Dspring.context.exit=onRefresh -jar <extracted> "$@"`, which stops once every bean is
# made, before the web server, the scheduler and the stations start. Sets server_jar and server_opts.
prepare_server() {
  local cli=app/target/cli
  if [ ! -f "$cli/$(basename "$jar")" ] || [ "$jar" -nt "$cli/$(basename "$jar")" ]; then
    rm -rf "$cli"
    java -Djarmode=tools -jar "$jar" extract --destination "$cli" >/dev/null
  fi
  # one absolute path of the jar for recording and mapping, from whichever directory the JVM runs in
  cli=$(cd "$cli" && pwd)
  server_jar=$cli/$(basename "$jar")
  if [ ! -f "$cli/serve.jsa" ]; then
    java "${java_opts[@]}" -XX:ArchiveClassesAtExit="$cli/serve.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dspring.context.exit=onRefresh -jar "$server_jar" "$@" >/dev/null 2>&1 || true
  fi
  server_opts=(-XX:SharedArchiveFile="$cli/serve.jsa")
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts PostgreSQL from /usr/lib/postgresql/<newest>/bin in a temporary directory (as the postgres
# user when run as root: the server refuses root), creates role and database cetak, and exports the
# production settings CETAK_DATABASE_*. Stopped and removed at exit.
start_postgres() {
  local bin dir as=()
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  [ -x "$bin/postgres" ] || { echo "no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql-15)" >&2; exit 2; }
  dir=$(mktemp -d /tmp/cetak-bench-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
  bench_pg_dir=$dir
  bench_pg_bin=$bin
  bench_pg_as=("${as[@]}")
  PGPORT=$(free_port)
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $dir" start >/dev/null
  trap stop_postgres EXIT
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
  CETAK_DATABASE_PASSWORD=bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
  "$bin/psql" -X -q -d postgres -c "create role cetak login password '$CETAK_DATABASE_PASSWORD'" \
    -c "create database cetak owner cetak"
  export CETAK_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/cetak"
  export CETAK_DATABASE_USER=cetak CETAK_DATABASE_PASSWORD
}

stop_postgres() {
  [ -n "${bench_pg_dir:-}" ] || return 0
  "${bench_pg_as[@]}" "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$bench_pg_dir"
  bench_pg_dir=
}

# The office, its printer and its administrator, as an office sets itself up (this migrates the schema).
setup_office() {
  local password=$bench_pg_dir/admin-password
  echo "bench-admin-$(od -An -N6 -tx8 /dev/urandom | tr -d ' ')" > "$password"
  SPRING_PROFILES_ACTIVE=production java "${java_opts[@]}" -jar "$jar" setup --region 32.71 \
    --name "Disdukcapil Kota Bogor" --address "Jl. Ir. H. Juanda No. 10, Bogor" \
    --hours 08.00-15.00 --zone Asia/Jakarta --printer "PRN-1=Evolis Primacy" --admin admin \
    --admin-password-file "$password" >/dev/null
}

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Waits until http://127.0.0.1:$1$2 answers (any HTTP status) while process $3 lives; 0 when it did.
await_http() {
  local port=$1 path=$2 pid=$3
  for _ in $(seq 1 6000); do
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port$path"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.02
  done
  return 1
}

# CPU time (user and system) a process has used so far, in seconds.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# Seconds since a JVM started, as its own log decorations count them (jcmd VM.uptime).
uptime_s() { jcmd "$1" VM.uptime 2>/dev/null | awk '$2 == "s" { print $1; exit }'; }

# The collector's pauses in a log of -Xlog:gc:file=...:uptime between two uptimes in seconds:
# "<collections> <full ones> <ms paused> <longest pause ms>".
gc_pauses() {
  awk -v from="$2" -v to="$3" '
    / Pause / {
      t = substr($1, 2) + 0
      if (t < from || t > to) next
      ms = $NF; sub(/ms$/, "", ms); ms += 0
      n++; paused += ms; if (ms > longest) longest = ms
      if ($0 ~ / Pause Full /) full++
    }
    END { printf "%d %d %.1f %.1f\n", n, full, paused, longest }' "$1"
}

# Resident set of a process in MB.
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# Cards printed so far by a demo whose working directory is $1, read from its embedded PostgreSQL
# through the connection file it wrote (port and password, owner-only).
demo_printed() {
  local file=$1/.cetak/pgdata.connection port user password
  [ -f "$file" ] || { echo 0; return; }
  port=$(sed -n 's/^port=//p' "$file")
  user=$(sed -n 's/^user=//p' "$file")
  password=$(sed -n 's/^password=//p' "$file")
  PGPASSWORD=$password psql -X -q -At -h 127.0.0.1 -p "$port" -U "$user" -d cetak \
    -c "select count(*) from print_job where stage = 'PRINTED'" 2>/dev/null || echo 0
}
