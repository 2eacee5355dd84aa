#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (as root, with network).
# It installs a JDK, compiles the course's grader and instructor tools with the Maven wrapper (which fills the
# Maven cache), and copies everything the grading needs at run time into /autograder/source/lib, so that
# run_autograder runs plain `java`, with no Maven and no network.
# AUTOGRADER_ROOT (default /autograder) lets CI try it in a temporary folder; without root rights the JDK and the
# unprivileged user are left to the machine.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
source_dir=$root/source
if [ "$(id -u)" = 0 ] && [ -z "${AUTOGRADER_SIMULATED:-}" ]; then
  if ! command -v javac >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless
  fi
  id grader >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin grader
fi
# a zip keeps no executable bits
chmod +x "$source_dir/run_autograder" "$source_dir/setup.sh" 2>/dev/null || true
[ -f "$root/run_autograder" ] && chmod +x "$root/run_autograder"
cd "$source_dir/course"
chmod +x mvnw tools/* 2>/dev/null || true
./mvnw --batch-mode -q process-classes -pl instructor -am -Dcourse.target=target -Dmaven.install.skip=true
lib=$source_dir/lib
rm -rf "$lib"
mkdir -p "$lib"
tr ':' '\n' < instructor/target/classpath.txt | while read -r jar; do
  [ -n "$jar" ] && cp "$jar" "$lib/"
done
cp -r instructor/target/classes "$lib/instructor-classes"
chmod -R a+rX "$source_dir"
echo "autograder ready: $(java -version 2>&1 | head -1)"
