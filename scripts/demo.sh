#!/usr/bin/env bash
# The main job: build the addon if needed and run the demo on the embedded file backend.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
npm run build --silent
node examples/demo.mjs "$@"
