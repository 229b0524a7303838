#!/bin/bash
# CLI walk of issue 9 items 6, 10, 15, 16: a school administrator at a shell.
B=/work/wt/sync-safety/build/bin
T=$(mktemp -d); cd $T; umask 022
echo '$ taizhang-county school add / enroll-code issue / serve'
$B/taizhang-county school add --data county.db --code 3201020001 --name 示范小学 --county 320102 >/dev/null
CODE=$($B/taizhang-county enroll-code issue --data county.db --school 3201020001 2>/dev/null | tail -1)
$B/taizhang-county serve --data county.db --listen 127.0.0.1:18787 > county.log 2>&1 & CP=$!
for i in $(seq 50); do curl -s http://127.0.0.1:18787/v1/capabilities >/dev/null && break; sleep 0.1; done
echo '$ curl -s http://127.0.0.1:18787/v1/capabilities'; curl -s http://127.0.0.1:18787/v1/capabilities; echo
echo; echo '$ taizhang init --demo'; $B/taizhang --db school.db init --demo >/dev/null; echo "exit $?"
echo '$ stat -c "%a %n" school.db*'; stat -c "%a %n" school.db*
echo; echo '$ taizhang sync enroll --server http://county.example.cn:18787 --school 3201020001 --code ...'
$B/taizhang --db school.db sync enroll --server http://county.example.cn:18787 --school 3201020001 --code "$CODE"; echo "exit $?"
echo; echo '$ taizhang sync help   (the option and what it risks)'
$B/taizhang --db school.db sync help 2>&1 | tail -2
echo; echo '$ python3 fault_proxy.py (drops the answer to the enrollment)'
python3 /work/wt/sync-safety/tests/sync/fault_proxy.py --upstream 127.0.0.1:18787 > proxy.out 2>&1 & PP=$!
for i in $(seq 50); do grep -q listening proxy.out 2>/dev/null && break; sleep 0.1; done
PPORT=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\) control 127.0.0.1:\([0-9]*\).*/\1/p' proxy.out)
CPORT=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\) control 127.0.0.1:\([0-9]*\).*/\2/p' proxy.out)
ctl() { python3 -c "import socket,sys;s=socket.create_connection(('127.0.0.1',$CPORT));s.sendall((sys.argv[1]+'\n').encode());print(s.makefile().readline().strip())" "$1"; }
ctl "plan lost_ack" >/dev/null
echo '$ taizhang sync enroll --server http://127.0.0.1:PROXY ...   (answer lost)'
$B/taizhang --db school.db sync enroll --server http://127.0.0.1:$PPORT --school 3201020001 --code "$CODE"; echo "exit $?"
echo '$ taizhang sync enroll ... again, same code'
$B/taizhang --db school.db sync enroll --server http://127.0.0.1:$PPORT --school 3201020001 --code "$CODE"; echo "exit $?"
echo '$ sqlite3 county.db "SELECT count(*) FROM devices"'; sqlite3 county.db "SELECT count(*) FROM devices"
echo '$ stat -c "%a %n" school.db.key'; stat -c "%a %n" school.db.key
echo; echo '$ (the proxy answers 400 to the first batch, as a county that can never accept it would)'
ctl "plan pass,http:400" >/dev/null
echo '$ taizhang sync --wait 5'; $B/taizhang --db school.db sync --wait 5; echo "exit $?"
echo '$ taizhang sync dead-letters'; $B/taizhang --db school.db sync dead-letters | head -5; echo "..."
echo '$ taizhang sync --status'; $B/taizhang --db school.db sync --status | head -8
echo '$ taizhang sync dead-letters resend all && taizhang sync'
$B/taizhang --db school.db sync dead-letters resend all | tail -1; $B/taizhang --db school.db sync --wait 5; echo "exit $?"
echo '$ sqlite3 county.db "SELECT count(*) FROM records"'; sqlite3 county.db "SELECT count(*) FROM records"
echo '$ sqlite3 school.db "SELECT count(*) FROM records"'; sqlite3 school.db "SELECT count(*) FROM records"
kill $PP $CP; wait 2>/dev/null; rm -rf $T
