# Finds a Java 21 or newer for the cardflow launchers; sourced, not run.
# find_java prints the java binary to use; find_java --jdk asks for a full JDK (javac beside java), as a build needs.
# It looks at JAVA_HOME, then `java` on the PATH, then the JDKs installed where Debian/Ubuntu, macOS and SDKMAN put
# them, and picks the first that is 21+.

cardflow_min_java=21

# The major version of a java binary: 1.8 reads as 1, 21.0.2 as 21.
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'
}

java_usable() {
  local java="$1" need_jdk="$2"
  [[ -x "$java" ]] || return 1
  if [[ -n "$need_jdk" && ! -x "$(dirname "$java")/javac" ]]; then
    return 1
  fi
  (( $(java_major "$java" || echo 0) >= cardflow_min_java ))
}

find_java() {
  local need_jdk="" candidate
  [[ "${1:-}" == --jdk ]] && need_jdk=yes
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  # The PATH's java may be a symlink chain (/usr/bin/java -> /etc/alternatives/...): follow it to find javac beside it.
  command -v java >/dev/null && candidates+=("$(readlink -f "$(command -v java)")")
  candidates+=(/usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java
    "$HOME"/.sdkman/candidates/java/*/bin/java)
  for candidate in "${candidates[@]}"; do
    if java_usable "$candidate" "$need_jdk"; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

# One line saying what was found and exactly what to install; for when find_java fails.
java_missing_message() {
  local what="a Java ${cardflow_min_java}+ runtime" package="openjdk-${cardflow_min_java}-jre-headless" found=""
  if [[ "${1:-}" == --jdk ]]; then
    what="a JDK ${cardflow_min_java}+" package="openjdk-${cardflow_min_java}-jdk-headless"
  fi
  if command -v java >/dev/null; then
    found=" (java on the PATH is $(java_major "$(command -v java)" || echo unknown))"
  fi
  echo "cardflow: needs ${what}${found}; install one (Debian/Ubuntu: sudo apt-get install ${package}) or set JAVA_HOME to one."
}
