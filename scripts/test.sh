#!/usr/bin/env bash
# The whole test suite, as CI runs it: build the addon once (debug profile, shared with
# `cargo test`), run the Rust tests, then the node:test suites against memory, file and a
# local moto S3 server that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh
scripts/ensure-reference.sh   # s3db.js 19.5.10 for the differential tests (__test__/differential)
npm run build --silent
cargo test --workspace --exclude s3db-native

state="target/test-run"
rm -rf "$state" && mkdir -p "$state"
endpoint="$(scripts/moto.sh start "$state")"
trap 'scripts/moto.sh stop "$state"' EXIT

S3DB_TEST_S3_ENDPOINT="$endpoint" S3DB_TEST_REQUIRE_S3=1 node --test --test-reporter=spec __test__/
# The same S3 error, client and fault tests with single-object requests through the SDK (the
# path https endpoints and discovered credentials take; by default they go direct).
S3DB_NATIVE_DIRECT_REQUESTS=0 S3DB_TEST_S3_ENDPOINT="$endpoint" S3DB_TEST_REQUIRE_S3=1 \
  node --test --test-reporter=spec __test__/s3-errors.test.mjs __test__/client.test.mjs __test__/faults.test.mjs
