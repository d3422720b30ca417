#!/usr/bin/env bash
# Times the whole-platform offline plan two ways on this machine, side by side:
#   jar:   java -jar target/quest-platform.jar plan       (how `pulumi up` starts the program: runtime.options.binary)
#   maven: mvn compile exec:java -Dexec.args=plan         (Pulumi's default way of running a Java program)
# and prints both medians and their ratio. Usage: scripts/benchmark-plan.sh [RUNS] (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

[ -f target/quest-platform.jar ] || ./mvnw -q -B -DskipTests package
# Resolve the exec plugin once, outside the timed runs.
./mvnw -q -B compile org.codehaus.mojo:exec-maven-plugin:3.3.0:help > /dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2> /tmp/benchmark-plan.err || { echo "failed: $*" >&2; cat /tmp/benchmark-plan.err >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

jar=(); maven=()
for i in $(seq "$runs"); do
  jar+=("$(time_ms java -jar target/quest-platform.jar plan --format json)")
  maven+=("$(time_ms ./mvnw -q -B -o compile org.codehaus.mojo:exec-maven-plugin:3.3.0:java -Dexec.args='plan --format json')")
  echo "run $i: jar ${jar[-1]} ms, maven ${maven[-1]} ms" >&2
done

jar_median=$(printf '%s\n' "${jar[@]}" | median)
maven_median=$(printf '%s\n' "${maven[@]}" | median)
echo "whole-platform plan, median of $runs runs on $(nproc) cores:"
echo "  jar   (pulumi up path): ${jar_median} ms"
echo "  maven (mvn exec:java):  ${maven_median} ms"
awk -v j="$jar_median" -v m="$maven_median" 'BEGIN { printf "  maven / jar: %.1fx\n", m / j }'
