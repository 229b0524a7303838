#!/usr/bin/env bash
# Saves every main page of the real client, on a fresh demo school, as docs/screenshots/<page>.png
# at 1366x768 under Xvfb (run by hand; not part of ctest). Needs xvfb, xauth, fonts-noto-cjk.
#   packaging/screenshots.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
app="$build_dir/bin/taizhang-app"
[[ -x "$app" ]] || { echo "build the client first: cmake --build $build_dir --target taizhang-app" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 2026-10-30 is a Friday of the demo term on which the demo school has deliberate findings.
xvfb-run -a -s "-screen 0 1366x768x24" \
  "$app" --db "$work/demo.db" --demo --today 2026-10-30 --lang "${TAIZHANG_LANG:-zh_CN}" \
  --screenshots docs/screenshots
# The first-run wizard, on an empty ledger.
xvfb-run -a -s "-screen 0 1366x768x24" \
  "$app" --db "$work/new.db" --lang "${TAIZHANG_LANG:-zh_CN}" --screenshots docs/screenshots
ls -l docs/screenshots
