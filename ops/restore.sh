#!/usr/bin/env bash
# Restores a dump written by ops/backup.sh into a NEW database (it never overwrites one), with the
# pg_restore of the target server's major version, in one transaction: all or nothing.
#
#   ops/restore.sh DUMP-FILE NEW-DATABASE [OWNER]
#
# The server comes from the libpq variables (PGHOST, PGPORT, PGUSER with the right to create
# databases, PGPASSWORD or ~/.pgpass). OWNER (default: PGUSER) owns the new database and every
# restored object. Then point Cetak's cetak.database.url at NEW-DATABASE, run
# `cetak ledger-check` against it, and follow docs/INSTALL.md before resuming any printer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-tools.sh"

if [ $# -lt 2 ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
file=$1
target=$2
owner=${3:-${PGUSER:-$(id -un)}}
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 2; }
case "$target" in
  *[!a-z0-9_]*|'') echo "database name $target: use lower-case letters, digits and _" >&2; exit 2 ;;
esac
major=$(server_major postgres)
bin=$(tools_for "$major")

exists=$("$bin/psql" -X -A -t -d postgres \
  -c "select count(*) from pg_database where datname = '$target'")
if [ "$exists" != 0 ]; then
  echo "database $target exists: restore into a new database" >&2
  exit 1
fi
"$bin/pg_restore" --list "$file" >/dev/null
"$bin/psql" -X -q -d postgres -v ON_ERROR_STOP=1 -c "create database $target owner \"$owner\""
if ! "$bin/pg_restore" --no-password --exit-on-error --single-transaction --no-owner \
    --role="$owner" --dbname="$target" "$file"; then
  "$bin/psql" -X -q -d postgres -c "drop database if exists $target"
  echo "restore failed; database $target removed" >&2
  exit 1
fi
"$bin/psql" -X -q -d "$target" -c "analyze"
echo "restored $file into database $target (PostgreSQL $major, owner $owner)"
