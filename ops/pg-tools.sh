# Sourced by backup.sh and restore.sh: finds the client programs of the server's own major version.
# The server is the one the libpq variables name (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass).

# The server's major version (15 for 15.10), read with any psql.
server_major() {
  local psql num
  psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -n1 || true)
  [ -n "$psql" ] || { echo "psql not found: install postgresql-client" >&2; return 1; }
  num=$("$psql" -X -A -t -d "${1:-postgres}" -c 'show server_version_num') || {
    echo "cannot reach the database server (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-})" >&2
    return 1
  }
  echo $((num / 10000))
}

# The directory holding pg_dump/pg_restore of major version $1: $PG_BIN when set, else Debian's
# /usr/lib/postgresql/<major>/bin, else the PATH's when its version matches.
tools_for() {
  local major=$1 dir candidate
  for dir in ${PG_BIN:-} "/usr/lib/postgresql/$major/bin" "$(dirname "$(command -v pg_dump 2>/dev/null || echo /nonexistent/pg_dump)")"; do
    candidate="$dir/pg_dump"
    if [ -x "$candidate" ] && [ -x "$dir/pg_restore" ] \
        && [ "$("$candidate" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')" = "$major" ]; then
      echo "$dir"
      return 0
    fi
  done
  echo "no pg_dump/pg_restore of PostgreSQL $major found: install postgresql-client-$major" \
    "(or set PG_BIN to its bin directory)" >&2
  return 1
}
