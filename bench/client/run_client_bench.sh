#!/usr/bin/env bash
# Qt client benchmark: cold start (new process) to first frame, and resident memory after each
# page is opened, on a ledger holding five school years of a 30-class school; baseline: the same
# measurements in the same run on a one-year, 15-class demo school.
#   bench/client/run_client_bench.sh [build-dir] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${1:-build}
runs=${2:-5}
app="$build_dir/bin/taizhang-app"
[[ -x "$app" ]] || { echo "build taizhang-app first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
today=2026-11-20

echo "creating ledgers (not timed)..."
"$app" --db "$work/small.db" --demo --demo-classes 15 --demo-years 1 --today $today --quit-after-first-frame >/dev/null 2>&1
"$app" --db "$work/big.db" --demo --demo-classes 30 --demo-years 5 --today $today --quit-after-first-frame >/dev/null 2>&1
echo "big ledger: $(du -m "$work/big.db" | cut -f1) MB"

first_frame() {  # prints the median of $runs first-frame times in ms
  local db=$1 times=()
  for ((i = 0; i < runs; i++)); do
    times+=("$("$app" --db "$db" --today $today --quit-after-first-frame 2>&1 | sed -n 's/.*first frame after \([0-9]*\) ms.*/\1/p')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
small=$(first_frame "$work/small.db")
big=$(first_frame "$work/big.db")
echo "first frame (median of $runs): baseline 1 year/15 classes ${small} ms; 5 years/30 classes ${big} ms; ratio $(awk "BEGIN {printf \"%.2f\", $big / $small}")"
echo "resident memory after opening each page (5 years/30 classes):"
"$app" --db "$work/big.db" --today $today --self-test 2>&1 | sed -n 's/.*page "\([a-z]*\)".*rss_mib="\([0-9.]*\)".*/  \1 \2 MiB/p'
