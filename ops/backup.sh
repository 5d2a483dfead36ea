#!/usr/bin/env bash
# Backs up Cetak's database while Cetak runs (cards may be printing): one consistent snapshot, taken
# with the pg_dump of the server's own major version, in pg_dump's custom format.
#
#   ops/backup.sh [DUMP-FILE]        default: cetak-<database>-<UTC time>.dump in the current directory
#
# The server and database come from the libpq variables: PGHOST, PGPORT, PGUSER, PGDATABASE (default
# cetak), and PGPASSWORD or ~/.pgpass. PG_BIN names the directory of pg_dump when it is not Debian's
# /usr/lib/postgresql/<major>/bin. Exit code 0 only when the dump was written and reads back.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-tools.sh"

export PGDATABASE=${PGDATABASE:-cetak}
file=${1:-cetak-$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump}
major=$(server_major "$PGDATABASE")
bin=$(tools_for "$major")

partial="$file.partial"
trap 'rm -f "$partial"' EXIT
# one snapshot: each committed step of a printing card (job, ledger, request, outboxes move in one
# transaction) is in the dump whole or not at all
"$bin/pg_dump" --format=custom --no-password \
  --dbname="$PGDATABASE" --file="$partial"
"$bin/pg_restore" --list "$partial" >/dev/null
mv "$partial" "$file"
trap - EXIT
echo "backup of database $PGDATABASE (PostgreSQL $major) written to $file ($(stat -c %s "$file") bytes) with $("$bin/pg_dump" --version)"
