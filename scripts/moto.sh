#!/usr/bin/env bash
# Local S3 for tests: installs moto 5.2.5 into a project-local venv, starts it on a free
# 127.0.0.1 port, waits until it answers, and stops exactly that process (by PID).
#
#   scripts/moto.sh install          # idempotent
#   scripts/moto.sh start STATE_DIR  # prints the endpoint; writes STATE_DIR/moto.{pid,port,log}
#   scripts/moto.sh start-tls STATE_DIR  # the same over HTTPS, with a throwaway CA in
#                                        # STATE_DIR/tls/ca.pem for the clients to trust
#   scripts/moto.sh stop STATE_DIR
#
# moto 5.2.5 is pinned: 5.2.1 silently drops metadata keys containing `_` (such as s3db's `_v`).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.tools/moto-venv"
version="5.2.5"

install() {
  if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import moto,sys; sys.exit(moto.__version__ != '$version')" 2>/dev/null; then
    return 0
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "moto[server]==$version"
}

free_port() {
  "$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local state="$1" scheme="${2:-http}"
  mkdir -p "$state"
  install
  local port tls=()
  port="$(free_port)"
  if [ "$scheme" = https ]; then
    "$venv/bin/python" "$root/scripts/tls/test-certs.py" "$state/tls"
    tls=(-c "$state/tls/server.pem" -k "$state/tls/server.key")
  fi
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" "${tls[@]}" >"$state/moto.log" 2>&1 &
  echo $! >"$state/moto.pid"
  echo "$port" >"$state/moto.port"
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$scheme://127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$(cat "$state/moto.pid")" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "moto did not start; its log:" >&2
  cat "$state/moto.log" >&2
  stop "$state"
  return 1
}

stop() {
  local state="$1"
  if [ -f "$state/moto.pid" ]; then
    kill "$(cat "$state/moto.pid")" 2>/dev/null || true
    rm -f "$state/moto.pid"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start "${2:?state dir}" ;;
  start-tls) start "${2:?state dir}" https ;;
  stop) stop "${2:?state dir}" ;;
  *) echo "usage: $0 install | start STATE_DIR | start-tls STATE_DIR | stop STATE_DIR" >&2; exit 2 ;;
esac
