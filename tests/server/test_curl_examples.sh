#!/usr/bin/env bash
# Runs the curl examples of docs/sync-protocol.md against a fresh server, with the same flags,
# and checks each answer. Usage: test_curl_examples.sh path/to/taizhang-county
set -euo pipefail
county=${1:?path to taizhang-county}
dir=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
cd "$dir"
fail() { echo "FAIL: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

"$county" school add --data county.db --code 3201020001 --name "示范小学" --county 320102 >/dev/null
CODE=$("$county" enroll-code issue --data county.db --school 3201020001 2>/dev/null)
"$county" serve --data county.db --listen 127.0.0.1:0 >out.txt 2>log.txt & pid=$!
for _ in $(seq 50); do grep -q listening out.txt 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/^listening on .*://p' out.txt); [ -n "$PORT" ] || fail "server did not start"
base=http://127.0.0.1:$PORT

[ "$(curl -s $base/v1/capabilities | json '["protocol"]')" = 1 ] || fail capabilities

R=$(curl -s -X POST $base/v1/enroll -H 'Content-Type: application/json' \
  -d "{\"school_code\":\"3201020001\",\"enrollment_code\":\"$CODE\",\"device_name\":\"PC1\"}")
TOKEN=$(echo "$R" | json '["device_token"]'); DEVICE=$(echo "$R" | json '["device_id"]')
[ ${#TOKEN} = 64 ] || fail "enroll: $R"

cat >batch.ndjson <<NDJSON
{"protocol":1,"batch_id":"0193b0f3-7a10-7c4e-8d2a-5b1f6e0c9a01","device_id":"$DEVICE","school_code":"3201020001","first_seq":1,"last_seq":2,"count":2}
{"seq":1,"id":"0193b0f3-0000-7000-8000-00000000c1a5","kind":"class","version":1,"created_at":"2026-11-22T08:00:00.000Z","updated_at":"2026-11-22T08:00:00.000Z","author":"admin","device":"$DEVICE","deleted":false,"body":{"grade":3,"name":"三年级1班","students":45,"subjects":["chinese","math"]}}
{"seq":2,"id":"0193b0f3-0001-7000-8000-0000000000h1","kind":"homework","version":1,"created_at":"2026-11-22T12:00:00.000Z","updated_at":"2026-11-22T12:00:00.000Z","author":"t01","device":"$DEVICE","deleted":false,"body":{"class_id":"0193b0f3-0000-7000-8000-00000000c1a5","date":"2026-11-22","subject":"math","minutes":20,"written":true,"at_home":true,"content":"口算练习","teacher_id":""}}
NDJSON
gzip -c batch.ndjson > batch.ndjson.gz
push() {
  curl -si -X POST $base/v1/batches \
    -H "Authorization: Bearer $TOKEN" \
    -H "Idempotency-Key: 0193b0f3-7a10-7c4e-8d2a-5b1f6e0c9a01" \
    -H 'Content-Type: application/x-ndjson' -H 'Content-Encoding: gzip' \
    --data-binary @batch.ndjson.gz
}
A=$(push); B=$(push)
echo "$A" | tail -1 | grep -q '"counts":{"conflict":0,"created":1,"duplicate":0,"rejected":1,"updated":0}' || fail "ack: $A"
echo "$A" | tail -1 | grep -q '"code":"invalid_record"' || fail "worked example's exception: $A"
echo "$B" | grep -qi '^Idempotent-Replayed: true' || fail "replay header: $B"
[ "$(echo "$A" | tail -1)" = "$(echo "$B" | tail -1)" ] || fail "replayed ack differs"

[ "$(curl -s -H "Authorization: Bearer $TOKEN" $base/v1/state | json '["last_seq"]')" = 2 ] || fail state
ETAG=$(curl -si -H "Authorization: Bearer $TOKEN" $base/v1/config | tr -d '\r' | sed -n 's/^ETag: //Ip')
[ -n "$ETAG" ] || fail "config ETag"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $ETAG" $base/v1/config)
[ "$STATUS" = 304 ] || fail "config 304: $STATUS"
grep -q "$TOKEN" log.txt && fail "token in the log"
echo "curl examples of docs/sync-protocol.md: OK"
