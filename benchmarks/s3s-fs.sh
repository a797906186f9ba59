#!/usr/bin/env bash
# Local s3s-fs for benchmarks: installs s3s-fs 0.14.1 into the project's .tools, starts it on a free
# 127.0.0.1 port with a fresh data dir, and stops exactly that process (by PID).
#
#   benchmarks/s3s-fs.sh install          # idempotent; about 2-5 min of compiling the first time
#   benchmarks/s3s-fs.sh start STATE_DIR  # prints the endpoint; writes STATE_DIR/s3s-fs.{pid,port,log}
#   benchmarks/s3s-fs.sh stop STATE_DIR
#   S3S_FS_IN_MEMORY=1 benchmarks/s3s-fs.sh start STATE_DIR   # data dir in tmpfs (/dev/shm)
#
# 0.14.1 is pinned: 0.15+ need rustc >= 1.96. Credentials are fixed (SigV4 is checked):
# access key "test", secret "testsecret". Its quirks matter to callers: keys must stay under
# ~150 bytes (metadata lives in a file named after the key), and concurrent writes to one key tear.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin/s3s-fs"
version="0.14.1"

install() {
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$version"; then
    return 0
  fi
  # -j1: the machine is shared; the build is a one-off.
  cargo install "s3s-fs@$version" --features binary --root "$root/.tools" -j1
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local state="$1"
  mkdir -p "$state"
  install >&2
  stop "$state"
  # A fresh data dir every start: old objects would skew listings and counts. With
  # S3S_FS_IN_MEMORY=1 it lives in tmpfs (/dev/shm): on a disk, the file system's own stalls
  # moved s3s-fs's write throughput by 2x between runs, more than the clients being compared.
  local data="$state/s3s-fs-data"
  if [ "${S3S_FS_IN_MEMORY:-0}" = 1 ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    data="$(mktemp -d /dev/shm/s3s-fs-data.XXXXXX)"
  else
    rm -rf "$data"
    mkdir -p "$data"
  fi
  echo "$data" >"$state/s3s-fs.data"
  local port
  port="$(free_port)"
  "$bin" --host 127.0.0.1 --port "$port" --access-key test --secret-key testsecret \
    "$data" >"$state/s3s-fs.log" 2>&1 &
  echo $! >"$state/s3s-fs.pid"
  echo "$port" >"$state/s3s-fs.port"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "http://127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$(cat "$state/s3s-fs.pid")" 2>/dev/null; then break; fi
    sleep 0.05
  done
  echo "s3s-fs did not start; its log:" >&2
  cat "$state/s3s-fs.log" >&2
  stop "$state"
  return 1
}

stop() {
  local state="$1"
  if [ -f "$state/s3s-fs.pid" ]; then
    local pid
    pid="$(cat "$state/s3s-fs.pid")"
    kill "$pid" 2>/dev/null || true
    # Wait for the exit so that the data dir can be removed safely.
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    rm -f "$state/s3s-fs.pid"
  fi
  if [ -f "$state/s3s-fs.data" ]; then
    rm -rf "$(cat "$state/s3s-fs.data")"
    rm -f "$state/s3s-fs.data"
  fi
  rm -rf "$state/s3s-fs-data"
}

case "${1:-}" in
  install) install ;;
  start) start "${2:?state dir}" ;;
  stop) stop "${2:?state dir}" ;;
  *) echo "usage: $0 install | start STATE_DIR | stop STATE_DIR" >&2; exit 2 ;;
esac
