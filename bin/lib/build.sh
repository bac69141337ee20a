# Builds a jar a repository launcher runs when it is missing or older than its sources; sourced, not run.
# Needs find-java.sh and $root, the repository root. Maven honours MAVEN_ARGS and MAVEN_OPTS (e.g. another
# -Dmaven.repo.local) as usual.

# stale JAR SOURCES...: whether JAR is missing or older than any file under SOURCES.
stale() {
  local jar="$1"; shift
  [[ ! -f "$jar" ]] || [[ -n "$(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

# build_if_stale MODULES JAR SOURCES...: packages MODULES (comma-separated, with the modules they need) unless JAR
# is up to date. Two launchers started at once build one after the other: the second finds the jar fresh.
build_if_stale() {
  local modules="$1" jar="$2"; shift 2
  stale "$jar" "$@" || return 0
  mkdir -p "$root/target"
  local lock_fd
  exec {lock_fd}>"$root/target/.build.lock"
  command -v flock >/dev/null && flock "$lock_fd"
  if stale "$jar" "$@"; then
    local jdk
    if ! jdk="$(find_java --jdk)"; then
      java_missing_message --jdk >&2
      exit 2
    fi
    echo "cardflow: building $modules with Maven (the first time, Maven also downloads what it needs)" >&2
    if ! (cd "$root" && JAVA_HOME="$(dirname "$(dirname "$jdk")")" ./mvnw -q -B -DskipTests -pl "$modules" -am package) >&2; then
      echo "cardflow: the build failed (output above); after fixing it, build by hand with ./mvnw -DskipTests package" >&2
      exit 2
    fi
    # Maven may leave a jar whose content did not change untouched: mark it as built from these sources.
    touch "$jar"
  fi
  exec {lock_fd}>&-
}
