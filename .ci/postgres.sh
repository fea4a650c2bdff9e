#!/usr/bin/env bash
# Local PostgreSQL for the storage contract tests. Idempotent; run as root.
# Installs Debian's PostgreSQL 15 if missing, starts cluster 15/main on 127.0.0.1:5432, and makes sure role
# iopguidebot (password iopguidebot, CREATEDB not needed) owns database iopguidebot_test.
# Tests then get: IOPGUIDEBOT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=iopguidebot;Password=iopguidebot;Database=iopguidebot_test"
# Prints nothing on success and exports nothing.
set -euo pipefail
# su runs commands as postgres, which cannot enter a private working directory (such as a mktemp clone).
cd /

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
    apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q .; then
    pg_createcluster 15 main >/dev/null
fi

if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $4 }' | grep -q online; then
    pg_ctlcluster 15 main start
fi

# Wait until it accepts connections (a fresh start can take a moment).
for _ in $(seq 1 30); do
    if su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432"; then break; fi
    sleep 1
done
su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432"

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -tA -p 5432 $*"; }

psql_admin "-c \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'iopguidebot') THEN
    CREATE ROLE iopguidebot LOGIN PASSWORD 'iopguidebot';
  ELSE
    ALTER ROLE iopguidebot LOGIN PASSWORD 'iopguidebot';
  END IF;
END \\\$\\\$;\"" >/dev/null

if [ -z "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = 'iopguidebot_test'\"")" ]; then
    psql_admin "-c \"CREATE DATABASE iopguidebot_test OWNER iopguidebot\"" >/dev/null
fi
# The tests create one schema per test class inside this database.
psql_admin "-d iopguidebot_test -c \"ALTER SCHEMA public OWNER TO iopguidebot\"" >/dev/null
