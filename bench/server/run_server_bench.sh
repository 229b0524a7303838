#!/usr/bin/env bash
# County server ingest benchmark on both backends (docs/performance.md, "County server").
#   bench/server/run_server_bench.sh [build-dir] [extra args for server_ingest_bench]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}; shift || true
cmake --build "$build" -j2 --target server_ingest_bench taizhang-county >/dev/null
pgdir=$(mktemp -d /tmp/tz-bench-pg.XXXXXX)
trap '"$root/tests/server/pg_cluster.sh" stop "$pgdir"' EXIT
url=$("$root/tests/server/pg_cluster.sh" start "$pgdir")
"$build/bin/server_ingest_bench" --backend sqlite "$@"
"$build/bin/server_ingest_bench" --backend postgres --pg-url "$url" "$@"
