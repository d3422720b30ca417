#!/usr/bin/env bash
# Measures the offline plan on this machine against its targets, every case side by side in one run
# (the cases alternate within each round, so a busy machine slows them alike), and prints min / median / max
# of wall time, CPU time (user + sys) and peak RSS, then the ratios the targets are stated in:
#   bare:   java -version                                   (a bare JVM start)
#   plan:   java -jar target/quest-platform.jar plan        (the whole platform, as the README starts it: served warm
#                                                            by the plan server, which is started, and has rehearsed,
#                                                            before the first round)
#   cold:   the same with QUEST_PLAN_SERVER=off             (a JVM of its own: a first plan, CI, or the server off)
#   stack, stack-cold:  java -jar target/quest-platform.jar plan shared (one stack), served and on its own
#   scale, scale-cold:  the same for a generated platform of 10 environments (src/test/.../testing/ScalePlatform.java)
# The plan server gets a runtime directory of this run's own and is stopped at the end; its peak RSS, which GNU
# time cannot see, is read from /proc before it stops.
#   maven:  mvn compile exec:java -Dexec.args=plan          (Pulumi's default way of running a Java program; MAVEN=0 skips it)
#   engine: the dev stack's program under a stand-in engine, started as the Java language host starts it, from
#           program start to its last registration: the jar vs ./mvnw compile exec:java (test code EngineBenchmark;
#           ENGINE=0 skips it; with MAVEN=0 it times the jar alone)
# Usage: scripts/benchmark-plan.sh [RUNS] (default 5). Needs /usr/bin/time (GNU time) for CPU and RSS.
# Wall times are only comparable on an idle machine; CPU times and the ratios hold up better under load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
maven=${MAVEN:-1}
engine=${ENGINE:-1}
jar=target/quest-platform.jar
work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/runtime" QUEST_PLAN_SERVER=on
mkdir -m 700 "$XDG_RUNTIME_DIR"
servers() { pgrep -f -- "-Dquest.planServer=$XDG_RUNTIME_DIR/" || true; }
trap 'for pid in $(servers); do kill "$pid"; done; rm -rf "$work"' EXIT

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
# The 10-environment platform's stack files, written by the test code that the scale test uses.
./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.3.0:java -Dexec.classpathScope=test \
  -DmainClass=io.quest.platform.testing.ScalePlatform -Dexec.args="$work/scale-project 10 ." > /dev/null

# One measured run: appends "wall_ms cpu_ms rss_mb" to $work/<case>; keeps stderr for the resource count.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > /dev/null 2> "$work/$name.err" \
    || { echo "failed: $*" >&2; cat "$work/$name.err" >&2; exit 1; }
  awk '{ printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024 }' "$work/time" >> "$work/$name"
}
column() { awk -v c="$2" '{ print $c }' "$work/$1" | sort -n; }
median() { awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'; }
stats() { local v; v=$(column "$1" "$2"); printf "%6s / %6s / %6s" "$(head -1 <<< "$v")" "$(median <<< "$v")" "$(tail -1 <<< "$v")"; }
med() { column "$1" "$2" | median; }
resources() { sed -n 's/^planned [0-9]* stacks (\([0-9]*\) resources).*/\1/p' "$work/$1.err" | tail -1; }

# Start the plan server (the first plan does) and wait until it has rehearsed that plan, as after a user's first plan.
java -jar "$jar" plan --format json > /dev/null 2>&1
for _ in $(seq 600); do grep -qs rehearsed "$XDG_RUNTIME_DIR"/quest-platform/*.log && break; sleep 0.1; done
grep -qs rehearsed "$XDG_RUNTIME_DIR"/quest-platform/*.log || { echo "the plan server did not start" >&2; exit 1; }

cases=(bare plan cold stack stack-cold scale scale-cold)
[ "$maven" = 1 ] && cases+=(maven) && ./mvnw -q -B compile org.codehaus.mojo:exec-maven-plugin:3.3.0:help > /dev/null
for i in $(seq "$runs"); do
  measure bare java -version
  measure plan java -jar "$jar" plan --format json
  QUEST_PLAN_SERVER=off measure cold java -jar "$jar" plan --format json
  measure stack java -jar "$jar" plan shared --format json
  QUEST_PLAN_SERVER=off measure stack-cold java -jar "$jar" plan shared --format json
  measure scale java -jar "$jar" plan --format json --cwd "$work/scale-project"
  QUEST_PLAN_SERVER=off measure scale-cold java -jar "$jar" plan --format json --cwd "$work/scale-project"
  [ "$maven" = 1 ] && measure maven ./mvnw -q -B compile org.codehaus.mojo:exec-maven-plugin:3.3.0:java -Dexec.args='plan --format json'
  echo "round $i of $runs done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done

echo "offline plan on $(nproc) cores, $runs runs per case, load average $(cut -d' ' -f1-3 /proc/loadavg); min / median / max:"
printf "  %-38s %-26s %-26s %s\n" case "wall ms" "cpu ms (user+sys)" "peak rss MB"
label() {
  case $1 in
    bare) echo "bare JVM (java -version)" ;;
    plan) echo "whole platform ($(resources plan) resources)" ;;
    cold) echo "  the same, no plan server" ;;
    stack) echo "one stack: shared ($(resources stack) resources)" ;;
    stack-cold) echo "  the same, no plan server" ;;
    scale) echo "10 environments ($(resources scale) resources)" ;;
    scale-cold) echo "  the same, no plan server" ;;
    maven) echo "whole platform by mvn exec:java" ;;
  esac
}
for c in "${cases[@]}"; do
  printf "  %-38s %-26s %-26s %s\n" "$(label "$c")" "$(stats "$c" 1)" "$(stats "$c" 2)" "$(stats "$c" 3)"
done

server_rss=$(for pid in $(servers); do awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status"; done | sort -n | tail -1)
bare_wall=$(med bare 1); bare_cpu=$(med bare 2)
echo "targets (medians; served by the plan server / in a JVM of its own):"
for mode in served cold; do
  p=plan; s=stack; c=scale
  [ "$mode" = cold ] && p=cold && s=stack-cold && c=scale-cold
  plan_wall=$(med $p 1); plan_cpu=$(med $p 2)
  added=$(( $(resources $c) - $(resources $p) ))
  echo " $mode:"
  awk -v w="$plan_wall" 'BEGIN { printf "  whole platform wall:            %6.2f s      (target <= 3 s)\n", w / 1000 }'
  awk -v p="$plan_wall" -v b="$bare_wall" -v pc="$plan_cpu" -v bc="$bare_cpu" \
    'BEGIN { printf "  whole platform / bare JVM:      %6.1fx wall, %.1fx cpu of the command (target <= 25x, aim 10x)\n", p / b, pc / bc }'
  awk -v w="$(med $s 1)" 'BEGIN { printf "  one stack wall:                 %6.2f s      (target <= 1.5 s)\n", w / 1000 }'
  awk -v s="$(med $c 1)" -v p="$plan_wall" -v sc="$(med $c 2)" -v pc="$plan_cpu" -v n="$added" \
    'BEGIN { printf "  per added resource (10 envs):   %6.2f ms wall, %.2f ms cpu of the command over %d added resources (target <= 5 ms)\n", (s - p) / n, (sc - pc) / n, n }'
done
echo "  peak RSS, no plan server:       $(printf '%6s' "$(med cold 3)") MB whole platform (target <= 300 MB), $(med scale-cold 3) MB 10 environments (target <= 400 MB)"
echo "  peak RSS of the plan server:    $(printf '%6s' "$server_rss") MB after all its plans, 10 environments included; its clients: $(med plan 3) MB"
if [ "$maven" = 1 ]; then
  awk -v m="$(med maven 1)" -v p="$(med cold 1)" 'BEGIN { printf "  mvn exec:java / jar, no server: %6.1fx wall\n", m / p }'
fi
if [ "$engine" = 1 ]; then
  ./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.3.0:java -Dexec.classpathScope=test \
    -DmainClass=io.quest.platform.engine.EngineBenchmark -Dexec.args=". dev $runs $([ "$maven" = 1 ] || echo jar-only)"
fi
