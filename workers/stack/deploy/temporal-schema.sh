#!/bin/sh
# Creates Temporal's databases on first start and brings their schemas up to this server version
# (the same steps as Temporal's own Helm chart; `setup-schema -v 0.0` and `update-schema` are safe
# to run again, so this runs at every `docker compose up`).
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?set SQL_PASSWORD in temporal-db.env}"
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p 5432 -u "$POSTGRES_USER" --pw "$SQL_PASSWORD" "$@"; }
for db in temporal temporal_visibility; do
  # create-database fails on a database that exists; any other failure shows in the next step.
  tool --db "$db" create-database 2>/dev/null || echo "database $db exists"
done
tool --db temporal setup-schema -v 0.0
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility setup-schema -v 0.0
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
