# What both launchers of the release archive do first; sourced, not run. Sets $root (the archive's top directory)
# and $java (a Java 21 or newer: a JRE is enough), reads config/cardflow.env when present and puts the data
# directory beside the archive's top by default, so that the server and `cardflow demo` agree on it from anywhere.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bin/lib/find-java.sh"

if [[ -f "$root/config/cardflow.env" ]]; then
  set -a
  source "$root/config/cardflow.env"
  set +a
fi
export CARDFLOW_DATA_DIR="${CARDFLOW_DATA_DIR:-$root/data}"

if ! java="$(find_java)"; then
  java_missing_message >&2
  exit 2
fi
