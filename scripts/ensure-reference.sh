#!/usr/bin/env bash
# Installs s3db.js 19.5.10, the reference of the differential tests, into
# __test__/differential/reference/node_modules when it is missing or older than its lock file.
set -euo pipefail
cd "$(dirname "$0")/../__test__/differential/reference"
stamp=node_modules/.s3db-native-reference-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
