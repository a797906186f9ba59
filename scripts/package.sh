#!/usr/bin/env bash
# `npm run package`: the release artifacts. Release builds of the addon for the Linux platforms this
# host can cross-build (zig as C compiler and linker: glibc builds link against glibc 2.17, musl
# builds against zig's musl), each .node copied into npm/<platform>/, then `npm pack` of the main
# package and of every built platform package into dist/.
#
#   scripts/package.sh                   # linux-x64-gnu linux-arm64-gnu linux-x64-musl linux-arm64-musl
#   scripts/package.sh --host            # only this machine's platform (what CI builds)
#   scripts/package.sh linux-x64-musl    # the named platforms only
#
# macOS and Windows binaries cannot be built here: .github/workflows/release.yml builds them on
# their own runners. Builds run under `nice` with CARGO_BUILD_JOBS (default 2) in their own target
# dir (target/package), so they neither starve nor lock the debug build of `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
start=$(date +%s)

all_linux=(linux-x64-gnu linux-arm64-gnu linux-x64-musl linux-arm64-musl)
platforms=()
for arg in "$@"; do
  case "$arg" in
    --host) platforms+=("$(node -p "require('./lib/platform-package').currentPlatform()")") ;;
    linux-*) platforms+=("$arg") ;;
    *) echo "package: unknown argument or a platform not buildable here: $arg" >&2; exit 2 ;;
  esac
done
[ ${#platforms[@]} -gt 0 ] || platforms=("${all_linux[@]}")

# The Rust target each platform builds for; `.2.17` is cargo-zigbuild's glibc version suffix.
rust_target() {
  case "$1" in
    linux-x64-gnu) echo x86_64-unknown-linux-gnu.2.17 ;;
    linux-arm64-gnu) echo aarch64-unknown-linux-gnu.2.17 ;;
    linux-x64-musl) echo x86_64-unknown-linux-musl ;;
    linux-arm64-musl) echo aarch64-unknown-linux-musl ;;
    *) echo "package: no Linux cross build for $1" >&2; return 1 ;;
  esac
}

scripts/ensure-deps.sh
node scripts/sync-versions.mjs --check
name="$(node -p "require('./package.json').name")"
version="$(node -p "require('./package.json').version")"
PATH="$(scripts/zig-toolchain.sh):$PATH"
export PATH CARGO_TARGET_DIR="$root/target/package" CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
installed_targets="$(rustup target list --installed)"

for platform in "${platforms[@]}"; do
  target="$(rust_target "$platform")"
  triple="${target%%.*}"
  grep -qx "$triple" <<<"$installed_targets" || rustup target add "$triple"
  out="target/package/out/$platform"
  rm -rf "$out"
  t0=$(date +%s)
  echo "package: release build of $platform ($target)"
  nice -n 19 npx napi build --platform --release --target "$target" --cross-compile \
    --output-dir "$out" --no-js --dts binding.d.ts
  node_file="$name.$platform.node"
  scripts/check-binary.sh "$out/$node_file" "$platform"
  cp "$out/$node_file" "npm/$platform/$node_file"
  echo "package: $platform built in $(( $(date +%s) - t0 ))s"
done

# The main package is packed from a staged copy whose package.json gains the exact-version
# optionalDependencies (the napi-rs prepublish step): in the checkout they would make `npm ci`
# fetch platform packages that a given release may not have published yet.
rm -rf dist && mkdir -p dist
stage="target/package/stage/$name"
rm -rf "$stage" && mkdir -p "$stage"
npm pack --dry-run --json --ignore-scripts | node -e '
  const [{ files }] = JSON.parse(require("fs").readFileSync(0, "utf8"))
  console.log(files.map((f) => f.path).join("\n"))' | while read -r f; do
  mkdir -p "$stage/$(dirname "$f")" && cp "$f" "$stage/$f"
done
node - "$stage/package.json" <<'JS'
const fs = require('fs')
const file = process.argv[2]
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'))
const optional = {}
for (const dir of fs.readdirSync('npm').sort()) {
  const sub = JSON.parse(fs.readFileSync(`npm/${dir}/package.json`, 'utf8'))
  optional[sub.name] = pkg.version
}
pkg.optionalDependencies = optional
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')
JS
if find "$stage" -name '*.node' | grep -q .; then echo "package: a .node in the main package" >&2; exit 1; fi
(cd "$stage" && npm pack --silent --ignore-scripts --pack-destination "$root/dist" >/dev/null)
for platform in "${platforms[@]}"; do
  (cd "npm/$platform" && npm pack --silent --ignore-scripts --pack-destination "$root/dist" >/dev/null)
done

echo "package: $version in dist/ after $(( $(date +%s) - start ))s:"
for f in dist/*.tgz; do
  echo "  $(basename "$f")  $(du -k "$f" | cut -f1) KiB packed, $(tar -xzOf "$f" | wc -c | awk '{printf "%.1f MiB", $1/1048576}') unpacked"
done
