#!/usr/bin/env bash
# What the tests need beyond the .NET SDK, from Debian's packages. Idempotent; run as root.
#   * PostgreSQL 15 on 127.0.0.1:5432 with role/database iopguidebot/iopguidebot_test (.ci/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/postgres.sh
