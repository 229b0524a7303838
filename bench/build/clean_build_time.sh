#!/bin/bash
# Clean -j2 build of one exported tree, no ccache: wall, user and sys time of the whole build
# (tests and benchmarks included) and the load average every 30 s (docs/performance.md, "Build").
#   git archive COMMIT | tar -x -C WORK/src-NAME
#   bench/build/clean_build_time.sh WORK NAME   -> WORK/time-NAME.txt, WORK/load-NAME.log
set -e
cd "$1"
shift
n=$1
rm -rf build-$n
export CCACHE_DISABLE=1
cmake -S src-$n -B build-$n -DCMAKE_BUILD_TYPE=RelWithDebInfo > cfg-$n.log 2>&1
( while sleep 30; do echo "$(date +%T) $(cut -d' ' -f1 /proc/loadavg)"; done ) > load-$n.log &
lp=$!
/usr/bin/time -f "wall %e s user %U s sys %S s" -o time-$n.txt nice -n 5 cmake --build build-$n -j2 > build-$n.log 2>&1
echo rc $? >> time-$n.txt
kill $lp
