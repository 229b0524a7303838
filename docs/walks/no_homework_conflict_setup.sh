#!/usr/bin/env bash
# The 无作业 conflict walk: a county on loopback (SQLite), the office computer (the demo school)
# and the grade-1 computer (joined by enrolment). Grade 1 marks 一年级1班 2026-11-30 无作业 and
# syncs first; the office typed 数学 homework for that class-day while it had not synced.
#   docs/walks/no_homework_conflict_setup.sh WORKDIR [PORT]     (from the repository, after a build)
# Leaves the county running (its pid in WORKDIR/county.pid). Then: taizhang-app --db
# WORKDIR/office.db under the walk tool (sign in as admin / office-pass-2026, 同步), and
# docs/walks/no_homework_console.py / no_homework_conflict_console.py against the county.
set -euo pipefail
B=$(cd "$(dirname "$0")/../.." && pwd)/build/bin
W=${1:?usage: no_homework_conflict_setup.sh WORKDIR [PORT]}
PORT=${2:-8796}
mkdir -p $W
SCHOOL=2133010601
cd $W
rm -f office.db* grade1.db* county.db* *.key *.log
tz() { "$B/taizhang" "$@"; }
county() { "$B/taizhang-county" "$@" --data $W/county.db; }
county school add --code $SCHOOL --name 西湖区青禾实验学校 --county 330106 --type nine_year
printf 'viewer-pass-2026\n' | county staff add --username viewer --role viewer --name 督导室
C1=$(county enroll-code issue --school $SCHOOL)
C2=$(county enroll-code issue --school $SCHOOL)
echo "codes $C1 $C2"
"$B/taizhang-county" serve --listen 127.0.0.1:$PORT --data $W/county.db > county.log 2>&1 &
echo $! > county.pid
for _ in $(seq 100); do curl -s http://127.0.0.1:$PORT/v1/capabilities >/dev/null && break; sleep 0.1; done

tz --db office.db init --demo > init.log
echo office-pass-2026 | tz --db office.db user add admin --role admin --display-name 教务处管理员 --password-stdin
# The class-day starts empty (nobody has entered 一年级1班's homework of 11-30 yet).
for id in $(tz --db office.db --json record list homework --from 2026-11-30 --to 2026-11-30 --class 一年级1班 | python3 -c 'import sys,json; [print(r["id"]) for r in json.load(sys.stdin)]'); do
  tz --db office.db record delete homework $id --reason "walk: an empty class-day"
done
tz --db office.db sync enroll --server http://127.0.0.1:$PORT --school $SCHOOL --code $C1 --name 教务处 --proxy none
tz --db office.db sync --quiet || true
tz --db grade1.db sync enroll --server http://127.0.0.1:$PORT --school $SCHOOL --code $C2 --name 一年级办公室 --proxy none
tz --db grade1.db sync --quiet || true
echo "grade1 holds $(sqlite3 grade1.db 'SELECT count(*) FROM records') records"

# The office types 数学 for 一年级1班 on 11-30 and does not sync yet ...
tz --db office.db record add homework --class 一年级1班 --date 2026-11-30 --subject 数学 --minutes 15 --written yes --at-home no --content 口算练习第5页
# ... grade 1 marks the same class-day 无作业 and syncs first.
tz --db grade1.db record add homework --class 一年级1班 --date 2026-11-30 --none yes
tz --db grade1.db sync
