#!/usr/bin/env bash
# Starts a single-node Kafka broker (KRaft, broker+controller in one JVM) for development and CI.
#
#   bash tools/kafka/start.sh        # then: export KAFKA_BROKERS=127.0.0.1:9092
#   bash tools/kafka/stop.sh
#
# Environment:
#   KAFKA_PORT             client listener port                        (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener port              (default 9093)
#   KAFKA_RUN_DIR          config, pid, logs of this broker            (default tools/kafka/.run)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to be ready  (default 90)
#   KAFKA_HEAP_OPTS        JVM heap flags                              (default -Xms256m -Xmx512m)
#
# The data (log.dirs) lives in a fresh temp dir per start, so every start is an empty cluster.
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIBS_DIR="$KAFKA_HOME_DIR/.cache/libs"
POM="$KAFKA_HOME_DIR/pom.xml"
LOG4J_CONFIG="$KAFKA_HOME_DIR/log4j2.xml"

HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
RUN_DIR="${KAFKA_RUN_DIR:-$KAFKA_HOME_DIR/.run}"

log() { printf 'kafka: %s\n' "$*"; }
die() { printf 'kafka: error: %s\n' "$*" >&2; exit 1; }

for port in "$PORT" "$CONTROLLER_PORT"; do
  if ! [[ "$port" =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then die "invalid port: $port"; fi
done
[[ "$PORT" != "$CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
command -v java >/dev/null || die "java not found on PATH (Java 17+ required)"
command -v node >/dev/null || die "node not found on PATH"

mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
PID_FILE="$RUN_DIR/kafka.pid"
OUT_FILE="$RUN_DIR/kafka.out"
PROPS_FILE="$RUN_DIR/server.properties"
LOG_DIR_FILE="$RUN_DIR/log-dir"
CLUSTER_ID_FILE="$RUN_DIR/cluster-id"
SERVER_LOG="$RUN_DIR/logs/server.log"
BOOTSTRAP="$HOST:$PORT"

# Serialises start.sh/stop.sh on the same run dir (parallel CI steps, double clicks).
exec 9>"$RUN_DIR/.lock"
flock -w 300 9 || die "another start.sh/stop.sh holds $RUN_DIR/.lock"

START_SECONDS=$SECONDS

# True when $1 is the pid of the broker started from this run dir (not a recycled pid).
is_our_broker() {
  local args
  args="$(ps -p "$1" -o args= 2>/dev/null)" || return 1
  [[ "$args" == *kafka.Kafka* && "$args" == *"$PROPS_FILE"* ]]
}

port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

show_logs() {
  local f
  for f in "$OUT_FILE" "$SERVER_LOG"; do
    if [[ -s "$f" ]]; then
      printf '\n----- last lines of %s -----\n' "$f" >&2
      tail -n 40 "$f" >&2
    fi
  done
}

wait_ready() {
  local pid="$1"
  node "$KAFKA_HOME_DIR/wait-ready.mjs" --brokers "$BOOTSTRAP" --timeout "$START_TIMEOUT" \
    --pid "$pid" --cluster-id "$(cat "$CLUSTER_ID_FILE")"
}

print_bootstrap() {
  printf 'KAFKA_BROKERS=%s\n' "$BOOTSTRAP" >"$RUN_DIR/kafka.env"
  printf 'KAFKA_BROKERS=%s\n' "$BOOTSTRAP"
}

# --- already running? --------------------------------------------------------
if [[ -f "$PID_FILE" ]]; then
  old_pid="$(cat "$PID_FILE")"
  if [[ "$old_pid" =~ ^[0-9]+$ ]] && is_our_broker "$old_pid"; then
    running_port="$(sed -n 's/^# client port: //p' "$PROPS_FILE" 2>/dev/null || true)"
    if [[ "$running_port" != "$PORT" ]]; then
      die "the broker of $RUN_DIR (pid $old_pid) listens on port $running_port, not $PORT; run stop.sh first"
    fi
    if wait_ready "$old_pid" >/dev/null; then
      log "already running (pid $old_pid) and healthy on $BOOTSTRAP"
      print_bootstrap
      exit 0
    fi
    show_logs
    die "broker pid $old_pid is running but not healthy; run tools/kafka/stop.sh and start again"
  fi
  log "removing stale pid file (pid $old_pid is not running)"
  rm -f "$PID_FILE"
fi
# Data of a broker that died without stop.sh.
if [[ -f "$LOG_DIR_FILE" ]]; then
  stale_dir="$(cat "$LOG_DIR_FILE")"
  [[ "$(basename "$stale_dir")" == herald-kafka.* && -d "$stale_dir" ]] && rm -rf "$stale_dir"
  rm -f "$LOG_DIR_FILE"
fi

for port in "$PORT" "$CONTROLLER_PORT"; do
  if port_in_use "$port"; then
    die "port $HOST:$port is already in use by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
  fi
done

# --- jars --------------------------------------------------------------------
pom_sum="$(sha256sum "$POM" | cut -d' ' -f1)"
if [[ -f "$LIBS_DIR/.pom.sha256" && "$(cat "$LIBS_DIR/.pom.sha256")" == "$pom_sum" ]]; then
  log "jars cached in $LIBS_DIR"
else
  command -v mvn >/dev/null || die "mvn not found on PATH (needed once to fetch the Kafka jars)"
  log "fetching Kafka jars with Maven into $LIBS_DIR"
  staging="$(mktemp -d "$KAFKA_HOME_DIR/.cache.libs.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  if ! mvn -B -q -Dstyle.color=never -f "$POM" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$staging" -DincludeScope=runtime >"$RUN_DIR/maven.out" 2>&1 </dev/null; then
    cat "$RUN_DIR/maven.out" >&2
    die "Maven could not fetch the Kafka jars (output above, also in $RUN_DIR/maven.out)"
  fi
  printf '%s\n' "$pom_sum" >"$staging/.pom.sha256"
  # Swap in the complete set only, so an interrupted download is never mistaken for a cache hit.
  mkdir -p "$(dirname "$LIBS_DIR")"
  rm -rf "$LIBS_DIR"
  mv "$staging" "$LIBS_DIR"
  trap - EXIT
fi
server_jars=("$LIBS_DIR"/kafka_2.13-*.jar)
[[ -f "${server_jars[0]}" ]] || die "no kafka_2.13 jar in $LIBS_DIR; delete $KAFKA_HOME_DIR/.cache and retry"
KAFKA_VERSION="${server_jars[0]##*/kafka_2.13-}"
KAFKA_VERSION="${KAFKA_VERSION%.jar}"

# --- configuration -----------------------------------------------------------
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/herald-kafka.XXXXXX")"
printf '%s\n' "$DATA_DIR" >"$LOG_DIR_FILE"
# Logs describe this start only; kafka.out is truncated by the launch below.
rm -rf "$RUN_DIR/logs"
mkdir -p "$RUN_DIR/logs"

# A Kafka Uuid: 16 random bytes, base64url without padding; Kafka never hands out one
# starting with '-' because the CLI would read it as a flag.
cluster_id=""
while [[ -z "$cluster_id" || "$cluster_id" == -* ]]; do
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
done
printf '%s\n' "$cluster_id" >"$CLUSTER_ID_FILE"

cat >"$PROPS_FILE" <<EOF
# Written by tools/kafka/start.sh; rewritten on every start.
# client port: $PORT
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR

# One node: every internal topic has a single replica.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1

# Topics are created explicitly, as in production.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3

# Tests join groups constantly; the default 3 s delay would slow every one of them.
group.initial.rebalance.delay.ms=0

# Sized for a 2-core CI machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF

LOG_OPTS=(-Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$RUN_DIR/logs")
CLASSPATH_LIBS="$LIBS_DIR/*"

# --- format ------------------------------------------------------------------
# StorageTool calls System.exit, so it gets its own short-lived JVM.
if ! java -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto "${LOG_OPTS[@]}" -cp "$CLASSPATH_LIBS" \
  kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS_FILE" --ignore-formatted \
  >"$RUN_DIR/format.out" 2>&1 </dev/null; then
  cat "$RUN_DIR/format.out" >&2
  rm -rf "$DATA_DIR" "$LOG_DIR_FILE"
  die "formatting the storage in $DATA_DIR failed"
fi

# --- start -------------------------------------------------------------------
# setsid detaches the broker from this script's process group, so a signal aimed at the
# caller (Ctrl-C, a CI step timeout) does not take the broker with it; stop.sh ends it.
# fd 9 is closed so the broker does not keep holding the run-dir lock.
# shellcheck disable=SC2086 # HEAP_OPTS is a list of JVM flags
setsid java $HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
  -Djava.awt.headless=true "${LOG_OPTS[@]}" -cp "$CLASSPATH_LIBS" \
  kafka.Kafka "$PROPS_FILE" >"$OUT_FILE" 2>&1 </dev/null 9>&- &
broker_pid=$!
printf '%s\n' "$broker_pid" >"$PID_FILE"
log "started Kafka $KAFKA_VERSION (pid $broker_pid), waiting up to ${START_TIMEOUT}s for $BOOTSTRAP"

if ! wait_ready "$broker_pid"; then
  show_logs
  # Stops the broker if it still runs and removes its pid file and data dir either way.
  bash "$KAFKA_HOME_DIR/stop.sh" --locked >&2 || true
  die "Kafka did not become ready on $BOOTSTRAP (logs kept in $RUN_DIR)"
fi

log "ready in $((SECONDS - START_SECONDS))s; logs in $RUN_DIR"
print_bootstrap
