#!/bin/sh
# Runs once, on the PostgreSQL container's first start (an empty data volume): makes the roles the
# compose file's services connect as. visit_once owns the application's database and migrates it
# (the migrations job; the demo sandboxes also make their stores database with it); visit_once_app is what the web and the orchestrator connect as, and
# the migrations job grants it what it may do; temporal owns Temporal's two databases.
set -eu
: "${VO_OWNER_PASSWORD:?set VO_OWNER_PASSWORD in postgres.env}"
: "${VO_APP_PASSWORD:?set VO_APP_PASSWORD in postgres.env}"
: "${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD in postgres.env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$VO_OWNER_PASSWORD" -v app_password="$VO_APP_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE visit_once LOGIN CREATEDB PASSWORD :'owner_password';
CREATE DATABASE visit_once OWNER visit_once;
CREATE ROLE visit_once_app LOGIN PASSWORD :'app_password';
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
