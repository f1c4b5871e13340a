#!/usr/bin/env bash
# Stops the broker started by tools/kafka/start.sh and deletes its data. Safe to run twice.
#
#   bash tools/kafka/stop.sh
#
# Environment:
#   KAFKA_RUN_DIR       run dir given to start.sh              (default tools/kafka/.run)
#   KAFKA_STOP_TIMEOUT  seconds between SIGTERM and SIGKILL    (default 30)
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${KAFKA_RUN_DIR:-$KAFKA_HOME_DIR/.run}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

log() { printf 'kafka: %s\n' "$*"; }

if [[ ! -d "$RUN_DIR" ]]; then
  log "not running (no run dir $RUN_DIR)"
  exit 0
fi
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
PID_FILE="$RUN_DIR/kafka.pid"
PROPS_FILE="$RUN_DIR/server.properties"
LOG_DIR_FILE="$RUN_DIR/log-dir"

# start.sh passes --locked when it cleans up after a failed start while holding the lock.
if [[ "${1:-}" != "--locked" ]]; then
  exec 9>"$RUN_DIR/.lock"
  flock -w 300 9 || { log "another start.sh/stop.sh holds $RUN_DIR/.lock" >&2; exit 1; }
fi

# Same check as start.sh: only ever signal the broker of this run dir, never a recycled pid.
is_our_broker() {
  local args
  args="$(ps -p "$1" -o args= 2>/dev/null)" || return 1
  [[ "$args" == *kafka.Kafka* && "$args" == *"$PROPS_FILE"* ]]
}

# Waits up to $2 seconds for pid $1 to exit.
wait_exit() {
  local deadline=$((SECONDS + $2))
  while kill -0 "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

if [[ -f "$PID_FILE" ]]; then
  pid="$(cat "$PID_FILE")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && is_our_broker "$pid"; then
    log "stopping broker (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_exit "$pid" "$STOP_TIMEOUT"; then
      log "broker did not exit within ${STOP_TIMEOUT}s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_exit "$pid" 10 || { log "broker pid $pid survived SIGKILL" >&2; exit 1; }
    fi
    log "stopped"
  else
    log "not running (stale pid file)"
  fi
  rm -f "$PID_FILE"
else
  log "not running"
fi

if [[ -f "$LOG_DIR_FILE" ]]; then
  data_dir="$(cat "$LOG_DIR_FILE")"
  # Delete only a directory start.sh created, whatever ended up in the file.
  if [[ "$(basename "$data_dir")" == herald-kafka.* && -d "$data_dir" ]]; then
    rm -rf "$data_dir"
    log "removed data dir $data_dir"
  fi
  rm -f "$LOG_DIR_FILE"
fi
rm -f "$RUN_DIR/kafka.env"
