#!/usr/bin/env bash
# Checks a built .node the way a user's system will see it, from its ELF headers alone:
#   - the CPU it is for matches its platform name,
#   - it is a release build (no DWARF sections: a debug build carries them and is ~5x larger),
#   - glibc builds reference no GLIBC_ symbol version newer than the floor (2.17),
#   - musl builds need musl's libc, not glibc, and use no initial-exec TLS.
#
#   scripts/check-binary.sh FILE PLATFORM     # e.g. s3db-native.linux-x64-gnu.node linux-x64-gnu
set -euo pipefail

file="$1"
platform="$2"
floor="2.17"
fail() { echo "check-binary: $file: $*" >&2; exit 1; }

[ -f "$file" ] || fail "missing"
case "$platform" in
  linux-x64-*) machine="Advanced Micro Devices X86-64" ;;
  linux-arm64-*) machine="AArch64" ;;
  *) echo "check-binary: $platform is not a Linux platform; only its presence was checked"; exit 0 ;;
esac

header="$(readelf -h "$file")"
grep -q "Type: *DYN" <<<"$header" || fail "not a shared object"
grep -q "Machine: *$machine" <<<"$header" || fail "not built for $machine: $(grep Machine: <<<"$header")"

# Outputs are read into variables first: `readelf | grep -q` fails under pipefail when grep
# stops reading early.
sections="$(readelf -S -W "$file")"
relocations="$(readelf -r -W "$file")"
symbols="$(objdump -T "$file")"
if grep -qE '\.debug_(info|line)' <<<"$sections"; then
  fail "has DWARF sections: a debug build, never shipped"
fi

needed="$(readelf -d "$file" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')"
case "$platform" in
  *-gnu)
    newest="$(grep -o 'GLIBC_[0-9.]*' <<<"$symbols" | sed 's/GLIBC_//' | sort -Vu | tail -1)"
    [ -n "$newest" ] || fail "references no GLIBC_ symbol version: not a glibc build?"
    if [ "$(printf '%s\n%s\n' "$newest" "$floor" | sort -V | tail -1)" != "$floor" ]; then
      fail "needs GLIBC_$newest, newer than the floor $floor"
    fi
    libc="glibc, newest symbol version GLIBC_$newest (floor $floor)"
    ;;
  *-musl)
    if grep -q 'GLIBC_' <<<"$symbols"; then fail "references GLIBC_ symbol versions: not a musl build"; fi
    grep -q 'libc.so' <<<"$needed" || fail "does not link a libc: $needed"
    # musl's loader refuses initial-exec TLS in a dlopen'd library ("initial-exec TLS resolves to
    # dynamic definition"): no TPOFF/TPREL relocation may remain.
    if grep -qE 'TPOFF|TLS_TPREL' <<<"$relocations"; then fail "has initial-exec TLS relocations: musl cannot dlopen it"; fi
    libc="musl (no GLIBC_ symbol versions)"
    ;;
esac
size="$(du -h "$file" | cut -f1)"
echo "check-binary: $platform ok: $machine, release (no DWARF), $libc, needs: $needed, $size"
