#!/usr/bin/env bash
# Builds taizhang and starts it on a new local database holding a demo school.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
data=${TAIZHANG_DEMO_DB:-$PWD/demo-school.db}
if [ ! -f "$data" ]; then
  build/bin/taizhang --db "$data" init --demo
fi
if [ -x build/bin/taizhang-app ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec build/bin/taizhang-app --db "$data"
fi
echo "No display: showing the demo school's compliance check from the CLI instead."
exec build/bin/taizhang --db "$data" check
