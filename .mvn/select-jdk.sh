# Sourced by ./mvnw and .ci/run (POSIX sh). Arcanum compiles with release 21, so Maven must run
# on a JDK >= 21. Keep JAVA_HOME if it is new enough; otherwise keep `java` on PATH if it is;
# otherwise pick the newest JDK >= 21 under /usr/lib/jvm (Debian 12 ships JDK 17 as the default
# and Temurin 25 beside it, unregistered with update-alternatives). Fails with a clear message.

arcanum_java_feature() {
  # Prints the feature release (17, 21, 25, ...) of the java binary $1, or 0.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

arcanum_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
    && [ "$(arcanum_java_feature "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v javac >/dev/null 2>&1 \
    && [ "$(arcanum_java_feature java)" -ge 21 ]; then
    return 0
  fi
  arcanum_best=""
  arcanum_best_v=0
  # mvnw runs with `set -f`; the glob below needs expansion.
  case $- in *f*) arcanum_noglob=1; set +f ;; *) arcanum_noglob=0 ;; esac
  for arcanum_jdk in /usr/lib/jvm/*; do
    [ -x "$arcanum_jdk/bin/javac" ] || continue
    arcanum_v=$(arcanum_java_feature "$arcanum_jdk/bin/java")
    if [ "$arcanum_v" -ge 21 ] && [ "$arcanum_v" -gt "$arcanum_best_v" ]; then
      arcanum_best=$arcanum_jdk
      arcanum_best_v=$arcanum_v
    fi
  done
  [ "$arcanum_noglob" = 0 ] || set -f
  if [ -z "$arcanum_best" ]; then
    echo "Arcanum needs a JDK 21 or newer (Temurin 25 recommended): set JAVA_HOME to one." >&2
    echo "JAVA_HOME='${JAVA_HOME-}' and no JDK >= 21 was found under /usr/lib/jvm." >&2
    return 1
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    echo "JAVA_HOME=$JAVA_HOME is older than 21; using $arcanum_best instead." >&2
  fi
  JAVA_HOME=$arcanum_best
  export JAVA_HOME
}

arcanum_select_jdk
