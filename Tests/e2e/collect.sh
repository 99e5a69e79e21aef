#!/usr/bin/env bash
# The HTTP collector as producers see it: a 10-day simulated stream posted in
# numbered batches with Idempotency-Keys; the collector SIGKILLed mid-stream,
# restarted, the unacknowledged batches (and some acknowledged ones) sent
# again with their keys; totals from `kpi --db` against Python's sums of every
# event exactly once. Then a graceful stop, and the refusals at start.
# Usage: Tests/e2e/collect.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: collect.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
collector=""
trap '[ -n "$collector" ] && kill -9 "$collector" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

export CAMPAIGN_DECK_TOKEN=e2e-token-$$
batch=400
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_collector() { # start_collector LOG: sets $collector and $port once it answers /healthz
  port=$(free_port)
  "$bin" collect --plan spring.yaml --db team.sqlite --listen "127.0.0.1:$port" 2>"$1" & collector=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.05; done
  fail "collector did not start: $(cat "$1")"
}

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml
"$bin" simulate --plan spring.yaml --days 10 > events.jsonl
batches=$(python3 -c "import sys; n = sum(1 for _ in open('events.jsonl')); print((n + $batch - 1) // $batch)")

# 1. Post everything; SIGKILL the collector once some batches are acknowledged.
: > acked.log
start_collector run1.err
python3 "$here/collect_client.py" events.jsonl "$port" "$CAMPAIGN_DECK_TOKEN" "$batch" acked.log 2>client1.err & client=$!
for _ in $(seq 600); do [ "$(wc -l < acked.log)" -ge 8 ] && break; sleep 0.02; done
kill -9 "$collector"; wait "$collector" 2>/dev/null; collector=""
wait "$client"; client_status=$?
acked_before=$(wc -l < acked.log)
[ "$client_status" -eq 3 ] && [ "$acked_before" -lt "$batches" ] && ok \
  || fail "the kill came mid-stream: client status $client_status, $acked_before of $batches acknowledged"
cp acked.log acked1.log

# 2. Restart; send every unacknowledged batch with its key, and the first and
#    last acknowledged ones again: those must be answered as the first time.
start_collector run2.err
missing=$(python3 - "$batches" <<'PY'
import sys
acked = {int(line.split(" ", 1)[0]) for line in open("acked.log")}
print(" ".join(str(i) for i in range(int(sys.argv[1])) if i not in acked))
PY
)
repeat="0 $((acked_before - 1))"
: > repeat.log
python3 "$here/collect_client.py" events.jsonl "$port" "$CAMPAIGN_DECK_TOKEN" "$batch" acked.log $missing 2>client2.err \
  && ok || fail "resending: $(cat client2.err)"
python3 "$here/collect_client.py" events.jsonl "$port" "$CAMPAIGN_DECK_TOKEN" "$batch" repeat.log $repeat 2>>client2.err
python3 - <<'PY' && ok || fail "a repeated key is answered with the first answer"
first = dict(line.rstrip("\n").split(" ", 1) for line in open("acked1.log"))
again = [line.rstrip("\n").split(" ", 1) for line in open("repeat.log")]
assert len(again) == 2 and all(first[i] == answer for i, answer in again), (again, first)
PY

# 3. Graceful stop: exit 0 and a summary line.
kill -TERM "$collector"; wait "$collector"; status=$?; collector=""
[ "$status" -eq 0 ] && ok || fail "SIGTERM exits 0, got $status: $(cat run2.err)"
grep -qE "^campaign-deck: stopped: [0-9]+ batches stored, [0-9]+ events accepted, [0-9]+ lines rejected$" run2.err \
  && ok || fail "stderr summary: $(cat run2.err)"

# 4. Every event exactly once: kpi --db against Python's sums over the file.
"$bin" kpi --plan spring.yaml --db team.sqlite --by total --format json > kpi.json
python3 - <<'PY' && ok || fail "totals differ from Python's sums"
import json
from decimal import Decimal
sums = {"impressions": 0, "clicks": 0, "conversions": 0, "spend": Decimal(0), "revenue": Decimal(0)}
events = 0
for line in open("events.jsonl"):
    event = json.loads(line)
    count = event.get("count", 1)
    events += 1
    kind = event["type"]
    if kind == "impression": sums["impressions"] += count
    elif kind == "click": sums["clicks"] += count
    elif kind == "conversion":
        sums["conversions"] += count
        sums["revenue"] += Decimal(str(event.get("amount", 0)))
    elif kind == "spend": sums["spend"] += Decimal(str(event.get("amount", 0)))
report = json.load(open("kpi.json"), parse_float=Decimal)
row = report["rows"][0]
got = {key: row[key] for key in sums}
assert got == sums, (got, sums)
assert report["rejected"] == 0 and report["skipped"] == 0, report
accepted = sum(json.loads(line.split(" ", 1)[1])["accepted"] for line in open("acked.log"))
assert accepted >= events, (accepted, events)  # a batch committed just before the kill counts in both answers
print(f"{events} events once; {sum(1 for _ in open('acked1.log'))} batches acknowledged before the kill")
PY

# 5. Refusals at start.
CAMPAIGN_DECK_TOKEN= "$bin" collect --db refused.sqlite 2>err5.txt; status=$?
[ "$status" -eq 2 ] && grep -qx "campaign-deck: the environment variable 'CAMPAIGN_DECK_TOKEN' is unset or empty: set it to the token producers send (--token-env)" err5.txt \
  && ok || fail "empty token: $status $(cat err5.txt)"
"$bin" collect --db refused.sqlite --listen 127.0.0.1:99999 2>err6.txt; status=$?
[ "$status" -eq 2 ] && grep -qx "campaign-deck: port '99999' is not a number from 0 to 65535 (--listen)" err6.txt \
  && ok || fail "bad port: $status $(cat err6.txt)"
"$bin" --lang zh collect --db refused.sqlite --token-env NO_SUCH_VARIABLE_SET 2>err7.txt; status=$?
[ "$status" -eq 2 ] && grep -qx "campaign-deck: 环境变量 'NO_SUCH_VARIABLE_SET' 未设置或为空：请设为数据源发送的令牌（--token-env）" err7.txt \
  && ok || fail "Chinese: $status $(cat err7.txt)"

echo "collect: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
