#!/usr/bin/env bash
# What the tests need beyond the .NET SDK, from Debian's packages. Idempotent; run as root.
#   * PostgreSQL 15 on 127.0.0.1:5432 with role/database iopguidebot/iopguidebot_test (.ci/postgres.sh).
#   * Chromium at /usr/bin/chromium for the browser tests (Playwright drives it; no browser download).
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/postgres.sh

if [ ! -x /usr/bin/chromium ]; then
    apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null
fi
