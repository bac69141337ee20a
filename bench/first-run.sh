#!/usr/bin/env bash
# Times the README's Quick start with nothing cached: git clone, bin/cardflow-server until ready, bin/cardflow demo.
# An empty Maven repository and wrapper home under a temporary directory; JAVA_HOME unset, so the launchers must
# find a JDK 21+ by themselves. Usage: bench/first-run.sh [REPOSITORY [BRANCH [PORT]]] (default: this repository,
# its current branch, port 18080). Prints one line of timings (docs/benchmarks.md, "First run from a fresh clone").
set -euo pipefail

repository="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
branch="${2:-$(git -C "$repository" rev-parse --abbrev-ref HEAD)}"
port="${3:-18080}"
work="$(mktemp -d /tmp/cardflow-first-run.XXXXXX)"
export MAVEN_ARGS="-Dmaven.repo.local=$work/m2" MAVEN_USER_HOME="$work/maven-home"
unset JAVA_HOME

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(now)
git clone -q -b "$branch" "$repository" "$work/cardflow"
t1=$(now)
cd "$work/cardflow"
bin/cardflow-server --server.port="$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "Started CardflowApplication" "$work/server.log" && [[ -f data/demo-merchant-api-key.txt ]]; do
  kill -0 $server 2>/dev/null || { echo "the server stopped, see $work/server.log" >&2; exit 1; }
  sleep 0.2
done
t2=$(now)
bin/cardflow demo --base-url "http://localhost:$port" > "$work/demo.log" 2>&1 || { echo "demo failed, see $work/demo.log" >&2; exit 1; }
t3=$(now)

echo "git clone $(seconds "$t0" "$t1") s; bin/cardflow-server until ready $(seconds "$t1" "$t2") s" \
  "($(grep -o 'Started CardflowApplication in [0-9.]* seconds' "$work/server.log")); bin/cardflow demo" \
  "$(seconds "$t2" "$t3") s; clone to funded card $(seconds "$t0" "$t3") s; downloaded $(du -sh "$work/m2" | cut -f1);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
