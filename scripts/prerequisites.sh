#!/usr/bin/env bash
# What the tests need beyond the .NET SDK, from Debian's packages. Idempotent; run as root.
#   * PostgreSQL 15: a local server on 127.0.0.1:5432 with role/database iopguidebot/iopguidebot_test.
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

bash "$(dirname "$0")/postgres.sh"
