#!/usr/bin/env bash
# Saves the sign-in page and every main page of the real client, on a fresh demo school, and the
# first-run wizard on an empty ledger, at 1366x768 under Xvfb: Chinese into docs/screenshots/,
# English into docs/screenshots/en/ (run by hand; not part of ctest). Needs xvfb, xauth,
# fonts-noto-cjk.
#   packaging/screenshots.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
app="$build_dir/bin/taizhang-app"
[[ -x "$app" ]] || { echo "build the client first: cmake --build $build_dir --target taizhang-app" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in zh_CN en; do
  out=docs/screenshots
  [[ $lang == en ]] && out=docs/screenshots/en
  mkdir -p "$out"
  # 2026-10-30 is a Friday of the demo term on which the demo school has deliberate findings.
  xvfb-run -a -s "-screen 0 1366x768x24" \
    "$app" --db "$work/demo-$lang.db" --demo --today 2026-10-30 --lang "$lang" --screenshots "$out"
  # The first-run wizard, on an empty ledger.
  xvfb-run -a -s "-screen 0 1366x768x24" \
    "$app" --db "$work/new-$lang.db" --lang "$lang" --screenshots "$out"
done
ls -l docs/screenshots docs/screenshots/en
