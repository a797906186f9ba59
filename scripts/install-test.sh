#!/usr/bin/env bash
# The install test: s3db-native as a new user gets it. From the tarballs of scripts/package.sh, in a
# fresh folder outside the project (no access to its node_modules) with no cargo or rustc on PATH:
#   - `npm install` of the main tarball plus this host's platform tarball (an override points the
#     platform optional dependency at the local tarball, so the addon never comes from a registry;
#     pino and its dependencies come from the npm cache, or the registry as for any new user),
#   - require and import, named and default exports,
#   - a CommonJS and an ES module TypeScript app compile with tsc (`--module nodenext`), then run a
#     record round trip on memory:// and on a local S3 (moto, started here),
#   - the installed .node is a release build needing glibc <= 2.17 (scripts/check-binary.sh),
#   - an install without the platform package gets the one clear loader error.
# The other Linux tarballs in dist/ are loaded by scripts/install-test/load-check.sh (arm64 glibc
# under qemu-user, x64 musl with Debian's musl), or their ELF headers checked where it cannot.
#
#   scripts/install-test.sh [DIST_DIR]    # default: dist
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dist="$(cd "${1:-dist}" && pwd)"
start=$(date +%s)

name="$(node -p "require('./package.json').name")"
version="$(node -p "require('./package.json').version")"
platform="$(node -p "require('./lib/platform-package').currentPlatform()")"
main_tgz="$dist/$name-$version.tgz"
host_tgz="$dist/$name-$platform-$version.tgz"
for f in "$main_tgz" "$host_tgz"; do
  [ -f "$f" ] || { echo "install-test: $f is missing: run scripts/package.sh --host first" >&2; exit 1; }
done
# The TypeScript a user's app would have, at the project's own versions (from the npm cache).
ts_version="$(node -p "require('./node_modules/typescript/package.json').version")"
types_node_version="$(node -p "require('./node_modules/@types/node/package.json').version")"

work="$(mktemp -d -t s3db-native-install.XXXXXX)"
state="$work/moto"
cleanup() { scripts/moto.sh stop "$state" || true; rm -rf "$work"; }
trap cleanup EXIT
for dir in "$work" "$(dirname "$work")" /; do
  [ ! -e "$dir/node_modules" ] || { echo "install-test: $dir/node_modules exists: not a fresh folder" >&2; exit 1; }
done

# PATH without any folder that holds a Rust toolchain.
clean_path=""
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -n "$dir" ] && [ ! -e "$dir/cargo" ] && [ ! -e "$dir/rustc" ] && [ ! -e "$dir/rustup" ] && clean_path="$clean_path${clean_path:+:}$dir"
done
# A new user's shell: none of this project's or npm's environment, no toolchain on PATH.
as_user() { (cd "$app" && env -i HOME="$HOME" PATH="$clean_path" TMPDIR="$work" LANG=C.UTF-8 "$@"); }
app="$work/app"
mkdir -p "$app"
if as_user sh -c 'command -v cargo || command -v rustc'; then
  echo "install-test: a Rust toolchain is still on PATH" >&2; exit 1
fi

cp "$main_tgz" "$host_tgz" "$work/"
cat >"$app/package.json" <<JSON
{
  "name": "new-user-app",
  "version": "1.0.0",
  "private": true,
  "dependencies": { "$name": "file:../$(basename "$main_tgz")" },
  "overrides": { "$name-$platform": "file:../$(basename "$host_tgz")" }
}
JSON
echo "install-test: npm install $(basename "$main_tgz") + $(basename "$host_tgz")"
# --prefer-offline, not --offline: an install without a lock file needs the full registry
# documents of the JS dependencies (pino), which `npm ci` never caches on a fresh machine.
as_user npm install --prefer-offline --no-audit --no-fund --loglevel=error
as_user npm install --prefer-offline --no-audit --no-fund --loglevel=error --save-dev \
  "typescript@$ts_version" "@types/node@$types_node_version"

installed="$app/node_modules/$name-$platform/$name.$platform.node"
scripts/check-binary.sh "$installed" "$platform"
if find "$app/node_modules/$name" -name '*.node' | grep -q .; then
  echo "install-test: the main package holds a .node" >&2; exit 1
fi

cp scripts/install-test/exports.cjs scripts/install-test/exports.mjs \
  scripts/install-test/roundtrip-cjs.cts scripts/install-test/roundtrip-esm.mts "$app/"
as_user node exports.cjs "$platform"
as_user node exports.mjs
as_user npx tsc --module nodenext --moduleResolution nodenext --target es2022 --strict \
  --types node --outDir out roundtrip-cjs.cts roundtrip-esm.mts
echo "install-test: tsc compiled roundtrip-cjs.cts and roundtrip-esm.mts"

endpoint="$(scripts/moto.sh start "$state")"
bucket="install-test-$$"
curl -fsS -X PUT "$endpoint/$bucket" >/dev/null
for app_file in out/roundtrip-cjs.cjs out/roundtrip-esm.mjs; do
  as_user node "$app_file" "memory://install-test/$(basename "$app_file")" memory
  as_user node "$app_file" "http://test:testsecret@${endpoint#http://}/$bucket/$(basename "$app_file")" "moto (S3)"
done

# The same tarball with optional dependencies omitted, as `npm install --omit=optional` does.
app="$work/app-without-platform"
mkdir -p "$app"
cat >"$app/package.json" <<JSON
{ "name": "app-without-platform", "version": "1.0.0", "private": true,
  "dependencies": { "$name": "file:../$(basename "$main_tgz")" } }
JSON
as_user npm install --offline --omit=optional --no-audit --no-fund --loglevel=error
cp scripts/install-test/missing-platform.cjs "$app/"
as_user node missing-platform.cjs "$platform"

for other in linux-arm64-gnu linux-x64-musl linux-arm64-musl; do
  [ "$other" != "$platform" ] || continue
  tgz="$dist/$name-$other-$version.tgz"
  if [ -f "$tgz" ]; then
    scripts/install-test/load-check.sh "$tgz" "$other" "$work/load-$other"
  else
    echo "install-test: no $other tarball in dist/: not checked (scripts/package.sh builds it)"
  fi
done

echo "install-test: passed in $(( $(date +%s) - start ))s"
