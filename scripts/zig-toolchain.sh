#!/usr/bin/env bash
# The cross toolchain of the release builds: zig (a C compiler and linker for every Linux target,
# with glibc stubs of any version, so builds link against glibc 2.17) and cargo-zigbuild (which
# points cargo's C compiler and linker at zig). Both come from PyPI as pinned wheels, installed
# into a project-local venv. Idempotent; prints the venv's bin folder to put on PATH.
#
#   PATH="$(scripts/zig-toolchain.sh):$PATH" cargo zigbuild --target x86_64-unknown-linux-gnu.2.17
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.tools/zig-venv"
zig_version="0.15.2"
zigbuild_version="0.24.1"

installed() {
  [ -x "$venv/bin/cargo-zigbuild" ] && [ -x "$venv/bin/python-zig" ] &&
    [ "$("$venv/bin/python-zig" version 2>/dev/null)" = "$zig_version" ] &&
    "$venv/bin/cargo-zigbuild" --version 2>/dev/null | grep -qF " $zigbuild_version"
}

if ! installed; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "ziglang==$zig_version" "cargo-zigbuild==$zigbuild_version" >&2
  # cargo-zigbuild looks for `zig` on PATH or runs `python3 -m ziglang`; a `zig` shim in the venv
  # makes both it and `napi build -x` find the pinned one.
  cat >"$venv/bin/python-zig" <<SH
#!/bin/sh
exec "$venv/bin/python" -m ziglang "\$@"
SH
  chmod +x "$venv/bin/python-zig"
  ln -sf python-zig "$venv/bin/zig"
fi
echo "$venv/bin"
