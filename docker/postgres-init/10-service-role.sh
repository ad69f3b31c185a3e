#!/bin/sh
# Runs once, when the postgres volume is first created (docker-entrypoint-initdb.d). The tables'
# owner is POSTGRES_USER, which the migrate service connects as; the api and worker connect as
# ptpractice_app, a login role in pt_practice_service, which owns nothing and may only INSERT and
# SELECT on audit_events (the migration 1796400000002-service-role grants the rest).
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE pt_practice_service NOLOGIN;
CREATE ROLE ptpractice_app LOGIN PASSWORD :'app_password' IN ROLE pt_practice_service;
SQL
