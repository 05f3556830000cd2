#!/usr/bin/env bash
# Two builds of the plugin compared in the same minutes, which cancels most of a shared machine's drift: each round
# runs `mvn validate`, then `mvn verify` with build A, then with build B, each build in its own copy of the project
# and its own local repository, and reports medians of the per-round differences.
# Needs: two project folders whose poms bind sqlguard's check goal, and a settings.xml for each whose local
# repository holds that build (speed-vs-squawk.sh leaves one such pair: <work folder>/lemmy and settings.xml).
# Usage: src/test/bench/ab-added-time.sh <project A> <settings A> <project B> <settings B> [rounds] [cold|warm]
set -euo pipefail
project_a=$(cd "$1" && pwd)
settings_a=$2
project_b=$(cd "$3" && pwd)
settings_b=$4
rounds=${5:-20}
mode=${6:-warm}
timed() { # prints the wall time of the command in milliseconds; run in the folder given first
  local folder=$1 start
  shift
  start=$(date +%s%N)
  (cd "$folder" && "$@" >/dev/null 2>&1) || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
mvn_a="mvn -B -o -q -s $settings_a"
mvn_b="mvn -B -o -q -s $settings_b"
(cd "$project_a" && $mvn_a verify >/dev/null 2>&1) || true # leaves the cache and the reports of a first run
(cd "$project_b" && $mvn_b verify >/dev/null 2>&1) || true
for _ in $(seq "$rounds"); do
  validate=$(timed "$project_b" $mvn_b validate)
  [ "$mode" = cold ] && rm -rf "$project_a/target" "$project_b/target"
  a=$(timed "$project_a" $mvn_a verify)
  b=$(timed "$project_b" $mvn_b verify)
  echo "$validate $a $b"
done | python3 -c '
import statistics, sys
rounds = [tuple(int(n) for n in line.split()) for line in sys.stdin if line.strip()]
median = lambda values: statistics.median(list(values))
print("%d rounds: validate %d ms; A adds %d ms, B adds %d ms; B - A %+d ms (medians of per-round differences)" % (
    len(rounds), median(v for v, _, _ in rounds), median(a - v for v, a, _ in rounds),
    median(b - v for v, _, b in rounds), median(b - a for _, a, b in rounds)))'
