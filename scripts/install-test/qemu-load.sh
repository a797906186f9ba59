#!/usr/bin/env bash
# Loads a cross-built linux-arm64-gnu binary on an x64 host: qemu-user runs a small aarch64 program
# (dlopen-check.c, built with the project's zig) that dlopens the .node as Node would, against
# Debian's aarch64 glibc (libc6-arm64-cross). No Node exists for that CPU here, so the addon's
# exports are not called. When the Debian packages cannot be installed, only the ELF headers are
# checked (scripts/check-binary.sh), and this says so.
#
#   scripts/install-test/qemu-load.sh TARBALL PLATFORM WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
tgz="$1"
platform="$2"
work="$3"
mkdir -p "$work"
tar -xzf "$tgz" -C "$work"
node_file="$(find "$work/package" -name '*.node' | head -1)"
scripts/check-binary.sh "$node_file" "$platform"

sysroot=/usr/aarch64-linux-gnu
qemu="$(command -v qemu-aarch64 || command -v qemu-aarch64-static || true)"
if [ -z "$qemu" ] || [ ! -e "$sysroot/lib/libc.so.6" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "qemu-load: installing Debian's qemu-user and libc6-arm64-cross"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        qemu-user libc6-arm64-cross; } >"$work/apt.log" 2>&1 ||
      { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        qemu-user-static libc6-arm64-cross >>"$work/apt.log" 2>&1 || true; }
  fi
  qemu="$(command -v qemu-aarch64 || command -v qemu-aarch64-static || true)"
fi
if [ -z "$qemu" ] || [ ! -e "$sysroot/lib/libc.so.6" ]; then
  echo "qemu-load: qemu-user or the aarch64 glibc could not be installed: $platform checked by its ELF headers only"
  exit 0
fi

# Every napi_* function the binary imports gets a stub in the loader, as Node's exports would be.
objdump -T "$node_file" | awk '$NF ~ /^napi_/ && /\*UND\*/ { print "void " $NF "(void) {}" }' \
  >"$work/napi-stubs.h"
PATH="$(scripts/zig-toolchain.sh):$PATH"
zig cc -target aarch64-linux-gnu.2.17 -rdynamic -I "$work" -o "$work/dlopen-check" \
  scripts/install-test/dlopen-check.c -ldl
"$qemu" -L "$sysroot" "$work/dlopen-check" "$node_file"
echo "qemu-load: $platform binary loaded under $(basename "$qemu") ($("$qemu" --version | head -1))"
