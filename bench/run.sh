#!/usr/bin/env bash
# The cardflow benchmark, one command: pgbench ceiling, then the server on PostgreSQL under the load generator.
# See docs/benchmarks.md. Everything runs on this machine against 127.0.0.1 only, bounded in time and requests.
#
#   bench/run.sh             full run (about 15 minutes)
#   QUICK=1 bench/run.sh     a few seconds per step, to try it out
#
# Settings (environment): PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres), BENCH_DB (cardflow_bench),
# BENCH_PORT (18080), BENCH_CLIENTS (1,4,16,64), BENCH_WARMUP (5) BENCH_DURATION (15) seconds per step,
# BENCH_PGBENCH_SECONDS (15), BENCH_MAX_REQUESTS (1000000 per step), BENCH_HEAP (512m), BENCH_MAX_SECONDS (1800,
# a hard bound on the load generator), JAVA_HOME (a JDK 21+), BENCH_STEPS (some scenarios only, e.g. flow: no
# pgbench, and bench/results/latest is left as it is).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
case "$PGHOST" in 127.0.0.1|localhost|::1) ;; *) echo "PGHOST must be loopback" >&2; exit 2 ;; esac
DB="${BENCH_DB:-cardflow_bench}"
PGBENCH_DB="${DB}_pgbench"
PORT="${BENCH_PORT:-18080}"
CLIENTS="${BENCH_CLIENTS:-1,4,16,64}"
if [[ "${QUICK:-0}" == 1 ]]; then
  WARMUP="${BENCH_WARMUP:-1}" DURATION="${BENCH_DURATION:-3}" PGSECONDS="${BENCH_PGBENCH_SECONDS:-3}" PGSCALE=2
else
  WARMUP="${BENCH_WARMUP:-5}" DURATION="${BENCH_DURATION:-15}" PGSECONDS="${BENCH_PGBENCH_SECONDS:-15}" PGSCALE=10
fi
HEAP="${BENCH_HEAP:-512m}"
MAX_SECONDS="${BENCH_MAX_SECONDS:-1800}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PGBENCH="$(command -v pgbench || echo /usr/bin/pgbench)"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/$STAMP"
mkdir -p "$OUT"
LOG="$OUT/run.log"
echo "results: $OUT"

SERVER_JAR="$ROOT/cardflow-server/target/cardflow-server.jar"
BENCH_JAR="$ROOT/bench/target/cardflow-bench.jar"
if [[ ! -f "$SERVER_JAR" || ! -f "$BENCH_JAR" || -n "$(find cardflow-server/src -newer "$SERVER_JAR" -print -quit)" \
      || -n "$(find bench/src -newer "$BENCH_JAR" -print -quit)" ]]; then
  echo "building..."
  ./mvnw -q -B -DskipTests package >>"$LOG" 2>&1 || { echo "build failed, see $LOG" >&2; exit 1; }
fi

# 1. The database ceiling: pgbench tpcb-like at the same client counts, on its own database.
echo "clients,tps,latency_ms" >"$OUT/pgbench.csv"
if [[ -z "${BENCH_STEPS:-}" ]]; then
  echo "pgbench: scale $PGSCALE, ${PGSECONDS}s per client count"
  dropdb --if-exists "$PGBENCH_DB" && createdb "$PGBENCH_DB"
  "$PGBENCH" -i -q -s "$PGSCALE" "$PGBENCH_DB" >>"$LOG" 2>&1
  for c in ${CLIENTS//,/ }; do
    threads=$(( c < $(nproc) ? c : $(nproc) ))
    result="$("$PGBENCH" -M prepared -c "$c" -j "$threads" -T "$PGSECONDS" -n "$PGBENCH_DB" 2>>"$LOG")"
    echo "$result" >>"$LOG"
    tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$result")"
    lat="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$result")"
    echo "$c,$tps,$lat" >>"$OUT/pgbench.csv"
    printf '  c=%-3s %10s TPS  %s ms\n' "$c" "$tps" "$lat"
  done
  dropdb --if-exists "$PGBENCH_DB"
fi

# 2. The server on a fresh database, zero decision delay, fixed heap, JFR on.
dropdb --if-exists "$DB" && createdb "$DB"
ADMIN_KEY="bench-admin-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
CARD_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"   # required on PostgreSQL
DATA_DIR="$(mktemp -d)"
"$JAVA" -Xmx"$HEAP" -XX:+UseG1GC \
  -XX:StartFlightRecording=filename="$ROOT/bench/results/server.jfr",settings=profile,dumponexit=true \
  -jar "$SERVER_JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password= \
  --cardflow.data-dir="$DATA_DIR" --cardflow.sandbox-delay=PT0S --cardflow.admin-key="$ADMIN_KEY" \
  --cardflow.card-encryption-key="$CARD_ENCRYPTION_KEY" --cardflow.demo-merchant=never --cardflow.rate-limits.enabled=false --logging.level.root=WARN >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
echo "server pid $SERVER_PID on port $PORT"

# 3. The load generator (bounded by BENCH_MAX_SECONDS whatever happens).
BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_ADMIN_KEY="$ADMIN_KEY" BENCH_SERVER_PID="$SERVER_PID" \
BENCH_OUT="$OUT" BENCH_PGBENCH_CSV="$OUT/pgbench.csv" BENCH_CLIENTS="$CLIENTS" BENCH_WARMUP="$WARMUP" \
BENCH_DURATION="$DURATION" BENCH_PGBENCH_SECONDS="$PGSECONDS" BENCH_STEPS="${BENCH_STEPS:-}" \
  timeout "$MAX_SECONDS" "$JAVA" -Xmx1g -Djava.awt.headless=true -jar "$BENCH_JAR" 2>&1 | tee -a "$LOG"

cleanup
trap - EXIT
if [[ -n "${BENCH_STEPS:-}" ]]; then
  echo "done: $OUT (some steps only: bench/results/latest left as it is)"
  exit 0
fi
rm -rf "$ROOT/bench/results/latest"
mkdir -p "$ROOT/bench/results/latest"
cp "$OUT"/results.md "$OUT"/results.csv "$OUT"/throughput.png "$OUT"/pgbench.csv "$ROOT/bench/results/latest/"
echo "done: $OUT (copied to bench/results/latest); JFR recording: bench/results/server.jfr"
