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
tls_state="$state/tls-server"
rm -rf "$state" && mkdir -p "$state"
trap 'scripts/moto.sh stop "$state"; scripts/moto.sh stop "$tls_state"' EXIT
endpoint="$(scripts/moto.sh start "$state")"
# The same server over HTTPS, with a throwaway CA that the addon (SSL_CERT_FILE) and node
# (NODE_EXTRA_CA_CERTS) trust for these runs only.
tls_endpoint="$(scripts/moto.sh start-tls "$tls_state")"
export SSL_CERT_FILE="$tls_state/tls/ca.pem" NODE_EXTRA_CA_CERTS="$tls_state/tls/ca.pem"

S3DB_TEST_S3_ENDPOINT="$endpoint" S3DB_TEST_REQUIRE_S3=1 \
  S3DB_TEST_S3_TLS_ENDPOINT="$tls_endpoint" S3DB_TEST_S3_TLS_DIR="$tls_state/tls" \
  node --test --test-reporter=spec __test__/
# The same S3 error, client and fault tests with single-object requests through the SDK (the
# path of AWS's own endpoints and of discovered credentials; with keys they go direct).
S3DB_NATIVE_DIRECT_REQUESTS=0 S3DB_TEST_S3_ENDPOINT="$endpoint" S3DB_TEST_REQUIRE_S3=1 \
  node --test --test-reporter=spec __test__/s3-errors.test.mjs __test__/client.test.mjs __test__/faults.test.mjs
# The client and resource tests again over HTTPS (single-object requests go direct there too).
S3DB_TEST_S3_ENDPOINT="$tls_endpoint" S3DB_TEST_REQUIRE_S3=1 \
  node --test --test-reporter=spec __test__/client.test.mjs __test__/resource.test.mjs
