#!/usr/bin/env bash
# Loads a platform package's binary that this x64 glibc host's Node cannot load, the way Node's
# process.dlopen would (RTLD_NOW: every symbol bound at load, constructors run), with a small C
# program (dlopen-check.c, built with the project's zig) against that platform's own libc:
#   linux-arm64-gnu   under qemu-user, with Debian's aarch64 glibc (libc6-arm64-cross)
#   linux-x64-musl    natively, with Debian's musl as the dynamic loader
# There is no Node for those here, so the addon's exports are not called. Other platforms, or
# when the Debian packages cannot be installed, are checked by their ELF headers only, and this
# says so.
#
#   scripts/install-test/load-check.sh TARBALL PLATFORM WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
tgz="$1"
platform="$2"
work="$3"
mkdir -p "$work"
tar -xzf "$tgz" -C "$work"
node_file="$(find "$work/package" -name '*.node' | head -1)"
scripts/check-binary.sh "$node_file" "$platform"

apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "load-check: installing Debian's $*"
  { [ -n "${apt_updated:-}" ] || apt-get update -qq; } >>"$work/apt.log" 2>&1 && apt_updated=1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$work/apt.log" 2>&1
}
elf_only() { echo "load-check: $1: $platform checked by its ELF headers only"; exit 0; }

case "$platform" in
  linux-arm64-gnu)
    zig_target=aarch64-linux-gnu.2.17
    sysroot=/usr/aarch64-linux-gnu
    find_runner() { command -v qemu-aarch64 || command -v qemu-aarch64-static || true; }
    runner="$(find_runner)"
    if [ -z "$runner" ] || [ ! -e "$sysroot/lib/libc.so.6" ]; then
      apt_install qemu-user libc6-arm64-cross || apt_install qemu-user-static libc6-arm64-cross || true
      runner="$(find_runner)"
    fi
    [ -n "$runner" ] && [ -e "$sysroot/lib/libc.so.6" ] || elf_only "qemu-user or the aarch64 glibc could not be installed"
    run=("$runner" -L "$sysroot")
    how="under $("$runner" --version | head -1)"
    ;;
  linux-x64-musl)
    zig_target=x86_64-linux-musl
    runner=/lib/ld-musl-x86_64.so.1
    [ -e "$runner" ] || apt_install musl || true
    [ -e "$runner" ] || elf_only "Debian's musl could not be installed"
    run=("$runner")
    how="with Debian's musl $(dpkg-query -W -f '${Version}' musl 2>/dev/null || echo '(version unknown)') as loader"
    ;;
  *) elf_only "no loader for it on this host" ;;
esac

# Every napi_* function the binary imports gets a stub in the loader, as Node's exports would be.
objdump -T "$node_file" | awk '$NF ~ /^napi_/ && /\*UND\*/ { print "void " $NF "(void) {}" }' \
  >"$work/napi-stubs.h"
PATH="$(scripts/zig-toolchain.sh):$PATH"
zig cc -target "$zig_target" -dynamic -rdynamic -I "$work" -o "$work/dlopen-check" \
  scripts/install-test/dlopen-check.c
"${run[@]}" "$work/dlopen-check" "$node_file"
echo "load-check: $platform binary loaded $how"
