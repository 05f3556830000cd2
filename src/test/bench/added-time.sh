#!/usr/bin/env bash
# What sqlguard adds to a build, measured as interleaved pairs: `mvn validate`, then `mvn verify`, again and again,
# and the median of the differences. Pairs taken side by side cancel most of the drift of a shared machine, which
# two separate series of runs do not.
# Needs: a project whose pom binds sqlguard's check goal (speed-vs-squawk.sh leaves one in <work folder>/lemmy).
# Usage: src/test/bench/added-time.sh <project folder> <settings.xml> [pairs] [cold|warm]
set -euo pipefail
project=$(cd "$1" && pwd)
settings=$2
pairs=${3:-10}
mode=${4:-warm}
mvn="mvn -B -o -q -s $settings"
timed() { # prints the wall time of the command in nanoseconds
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  echo $(( $(date +%s%N) - start ))
}
cd "$project"
[ "$mode" = warm ] && $mvn verify >/dev/null 2>&1 || true # leaves the cache and the reports of a first run
for _ in $(seq "$pairs"); do
  validate=$(timed $mvn validate)
  [ "$mode" = cold ] && rm -rf target
  verify=$(timed $mvn verify)
  echo "$validate $verify"
done | python3 -c '
import statistics, sys
pairs = [tuple(int(n) / 1e9 for n in line.split()) for line in sys.stdin if line.strip()]
added = sorted(verify - validate for validate, verify in pairs)
print("%d pairs: validate %.2f s, verify %.2f s (medians); added %.3f s (median), from %.2f to %.2f s" % (
    len(pairs), statistics.median(v for v, _ in pairs), statistics.median(w for _, w in pairs),
    statistics.median(added), added[0], added[-1]))'
