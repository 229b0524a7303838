#!/usr/bin/env bash
# Storage benchmark (issue 15): bytes per record of the client ledger before and after a full
# sync, of the county database on SQLite and on PostgreSQL, and the import rate against raw
# prepared INSERTs in the same run. Real programs only: `taizhang init --demo`, the real
# `taizhang-county` on loopback, `taizhang sync`, and core_bench for the import.
#   bench/storage/run_storage_bench.sh BUILD_DIR [--classes 30] [--years5] [--no-pg] [--no-import]
# Figures and the command are in docs/performance.md, "Storage".
set -euo pipefail
build=${1:?build directory}; shift
classes=30; years5=0; pg=1; import=1
while [ $# -gt 0 ]; do
  case "$1" in
    --classes) classes=$2; shift 2 ;;
    --years5) years5=1; shift ;;
    --no-pg) pg=0; shift ;;
    --no-import) import=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
bin=$(cd "$build/bin" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/storage-bench.XXXXXX); chmod 755 "$work"  # the PostgreSQL cluster runs as postgres
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -d "$work/pg" ]; then "$here/tests/server/pg_cluster.sh" stop "$work/pg" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Bytes of the main database file once the WAL is folded in (what the disk keeps).
file_bytes() {
  sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  stat -c %s "$1"
}
# Bytes per table, its indexes counted with it (dbstat), largest first.
table_bytes() {
  sqlite3 "$1" "SELECT coalesce(m.tbl_name, s.name), sum(s.pgsize) FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name
                GROUP BY 1 ORDER BY 2 DESC LIMIT 6" | tr '\n' ' '
}
per_record() { awk -v b="$1" -v n="$2" 'BEGIN { printf "%.0f", b / n }'; }

start_county() {  # $@: storage options; the URL goes to $work/url
  local log="$work/county.log"
  "$bin/taizhang-county" serve "$@" --listen 127.0.0.1:0 --threads 4 >"$log" 2>&1 &
  server_pid=$!
  local port=""
  for _ in $(seq 1 300); do
    port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1  # polling the log for the port line (a benchmark script, not a test)
  done
  [ -n "$port" ] || { echo "county did not start" >&2; cat "$log" >&2; exit 1; }
  echo "http://127.0.0.1:$port" >"$work/url"
}
stop_county() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# The queries the client runs on its ledger (core/record_store.cpp, outbox.cpp, pull_apply.cpp),
# and the index each uses (schema of client migration 5).
plans_client() {
  sqlite3 "$1" "SELECT 1 FROM actors LIMIT 1" >/dev/null 2>&1 || return 0
  local j="FROM records r JOIN actors a ON a.n = r.author JOIN actors d ON d.n = r.device"
  for q in "SELECT r.body $j WHERE r.id = 'x'" \
           "SELECT r.body $j WHERE r.kind = 'homework' AND r.day >= '2026-09-01' AND r.day <= '2026-09-30' AND r.deleted = 0 ORDER BY r.day, r.created_at, r.id" \
           "SELECT r.body $j WHERE r.class_id = 'c' AND r.day >= '2026-09-01' AND r.deleted = 0 ORDER BY r.day, r.created_at, r.id" \
           "SELECT r.body $j WHERE r.teacher_id = 't' AND r.deleted = 0 ORDER BY r.day, r.created_at, r.id" \
           "SELECT a.before FROM audit a JOIN records r ON r.rec = a.rec WHERE r.id = 'x' ORDER BY a.id" \
           "SELECT o.seq, r.body FROM outbox o LEFT JOIN records r ON r.rec = o.rec WHERE o.batch_id IS NULL ORDER BY o.seq LIMIT 1000" \
           "SELECT o.seq, r.body FROM outbox o LEFT JOIN records r ON r.rec = o.rec WHERE o.batch_id = 'b' ORDER BY o.seq"; do
    echo "  plan: ${q:0:100}... -> $(sqlite3 "$1" "EXPLAIN QUERY PLAN $q" | grep -o 'SEARCH.*\|SCAN.*' | tr '\n' ';')"
  done
}

# One school: init the demo, measure, enroll + sync to the county given by $@, measure again.
client_run() {  # $1 = label, rest: county storage options
  local label=$1; shift
  local db="$work/school-$label.db"
  "$bin/taizhang" --db "$db" init --demo --classes "$classes" >/dev/null 2>&1
  local n; n=$(sqlite3 "$db" "SELECT count(*) FROM records")
  local before; before=$(file_bytes "$db")
  echo "client ($label): $n records, before sync $before bytes = $(per_record "$before" "$n") B/record"
  echo "  tables: $(table_bytes "$db")"
  plans_client "$db"
  "$bin/taizhang-county" "$@" school add --code 2133010601 --name 西湖区青禾实验学校 --county 330106 --type nine_year >/dev/null 2>&1
  local code; code=$("$bin/taizhang-county" "$@" enroll-code issue --school 2133010601 2>/dev/null | grep -o '[A-Z0-9]\{4\}-[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -1)
  start_county "$@"; local url; url=$(cat "$work/url")
  "$bin/taizhang" --db "$db" sync enroll --server "$url" --school 2133010601 --code "$code" --proxy none >/dev/null
  local t0; t0=$(date +%s.%N)
  "$bin/taizhang" --db "$db" sync --quiet >/dev/null
  local t1; t1=$(date +%s.%N)
  stop_county
  local after; after=$(file_bytes "$db")
  echo "client ($label): after full sync $after bytes = $(per_record "$after" "$n") B/record (sync took $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s)"
  echo "  tables: $(table_bytes "$db")"
  echo "$n" >"$work/n"
}

echo "== SQLite county"
client_run sqlite --data "$work/county.db"
n=$(cat "$work/n")
cn=$(sqlite3 "$work/county.db" "SELECT count(*) FROM records")
cb=$(file_bytes "$work/county.db")
echo "county (SQLite): $cn records, $cb bytes = $(per_record "$cb" "$cn") B/record"
echo "  tables: $(table_bytes "$work/county.db")"
# The queries the county runs on records (server/sqlite_storage.cpp, day_summary_sqlite.cpp; the
# stored form of county migration 9), and the index each uses.
plans_sqlite() {
  for q in "SELECT school_code, version, body FROM records WHERE id = x'01a22d7ba3127417adc6fd3874d748d7'" \
           "SELECT body, id FROM records WHERE school_code = '2133010601' AND kind = 'homework' AND (day IS NULL OR (day >= '2026-09-01' AND day <= '2026-09-30')) ORDER BY id" \
           "SELECT kind, count(*) FROM records WHERE school_code = '2133010601' AND deleted = 0 GROUP BY kind" \
           "SELECT count(*) FROM records WHERE device_ref = (SELECT ref FROM record_devices WHERE device_id = 'x')" \
           "SELECT r.change_seq, r.body, d.device_id, r.received_ms, r.id FROM records r JOIN record_devices d ON d.ref = r.device_ref WHERE r.school_code = '2133010601' AND r.change_seq > 0 ORDER BY r.change_seq LIMIT 1000" \
           "SELECT id, version FROM records WHERE key_hash = 42 AND school_code = '2133010601' ORDER BY change_seq LIMIT 1"; do
    echo "  plan: ${q:0:90}... -> $(sqlite3 "$1" "EXPLAIN QUERY PLAN $q" | grep -o 'SEARCH.*\|SCAN.*' | tr '\n' ';')"
  done
}
plans_sqlite "$work/county.db"

if [ "$pg" = 1 ]; then
  echo "== PostgreSQL county"
  url=$("$here/tests/server/pg_cluster.sh" start "$work/pg")
  client_run pg --db "$url"
  psql "$url" -Atc "SELECT count(*) FROM records" >"$work/pgn"
  pn=$(cat "$work/pgn")
  psql "$url" -qAtc "VACUUM ANALYZE" >/dev/null
  total=$(psql "$url" -Atc "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
                            WHERE c.relkind = 'r' AND s.nspname = 'public'")
  rec=$(psql "$url" -Atc "SELECT pg_total_relation_size('records')")
  echo "county (PostgreSQL): $pn records, all tables $total bytes = $(per_record "$total" "$pn") B/record; records table $(per_record "$rec" "$pn") B/record"
  for q in "SELECT id, school_code, version, body FROM records WHERE id = ANY('{01a22d7b-a312-7417-adc6-fd3874d748d7}'::uuid[])" \
           "SELECT body, id FROM records WHERE school_code = '2133010601' AND kind = 'homework' AND (day IS NULL OR (day >= '2026-09-01' AND day <= '2026-09-30')) ORDER BY id" \
           "SELECT count(*) FROM records WHERE device_ref = (SELECT ref FROM record_devices WHERE device_id = 'x')" \
           "SELECT r.change_seq, r.body, d.device_id FROM records r JOIN record_devices d ON d.ref = r.device_ref WHERE r.school_code = '2133010601' AND r.change_seq > 10000 ORDER BY r.change_seq LIMIT 100" \
           "SELECT key_hash, id, version FROM records WHERE key_hash = ANY('{42}'::bigint[]) AND school_code = '2133010601' ORDER BY change_seq"; do
    echo "  plan: ${q:0:90}... -> $(psql "$url" -Atc "EXPLAIN (COSTS OFF) $q" | grep -io 'index[a-z ]* scan[^(]*\|seq scan[^(]*\|bitmap[a-z ]* scan[^(]*' | tr '\n' ';')"
  done
  echo "  tables: $(psql "$url" -Atc "SELECT relname || '|' || pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 6" | tr '\n' ' ')"
fi

if [ "$years5" = 1 ]; then
  db5="$work/five-years.db"
  "$bin/taizhang" --db "$db5" init --demo --classes "$classes" --years 5 >/dev/null 2>&1
  n5=$(sqlite3 "$db5" "SELECT count(*) FROM records")
  b5=$(file_bytes "$db5")
  echo "five school years, $classes classes: $n5 records, $b5 bytes ($(awk -v b="$b5" 'BEGIN{printf "%.1f", b/1e6}') MB) = $(per_record "$b5" "$n5") B/record"
fi

if [ "$import" = 1 ]; then
  echo "== import of 100 000 homework rows against raw prepared INSERTs (core_bench)"
  "$bin/core_bench" --benchmark_filter=Import 2>/dev/null | grep -E "Import" || true
fi
