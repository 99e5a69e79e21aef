#!/usr/bin/env bash
# The watcher, unattended: `watch --follow --notify-past` follows a file that
# grows in four chunks (the incidents' 17 days cut by event time) and sends to a
# webhook receiver on 127.0.0.1. Checks: each of the three scripted incidents
# (CTR on douyin 04-09, community DAU 04-19, CPA on search 04-22) arrives once
# firing and once resolved; the stderr lines; SIGTERM → exit 0 within seconds
# with the lease given back; a restart after more lines resumes without
# resending; a receiver down then up gets everything once (retried on a timer,
# no new events needed); SIGKILL, then a restart delivers everything.
# Usage: Tests/e2e/watch.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: watch.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
receiver="" watcher=""
trap '[ -n "$receiver" ] && kill "$receiver" 2>/dev/null; [ -n "$watcher" ] && kill -KILL "$watcher" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

start_receiver() { # start_receiver [PORT]: sets $receiver and $port (any free port, or PORT again)
  rm -f port
  ROBOT_RECEIVER_PORT="${1:-0}" python3 "$here/robot_receiver.py" got.log port 0 0 & receiver=$!
  for _ in $(seq 100); do [ -s port ] && break; sleep 0.1; done
  port=$(cat port)
}
stop_receiver() { kill "$receiver" 2>/dev/null; wait "$receiver" 2>/dev/null; receiver=""; }

# Each delivered (200) alert: fingerprint status rule, in the order received.
delivered() { python3 - got.log <<'PY'
import json, sys
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except FileNotFoundError:
    lines = []
for line in lines:
    status, body = line.split(" ", 1)
    if status == "200":
        for alert in json.loads(body)["alerts"]:
            print(alert["fingerprint"], alert["status"], alert["rule"])
PY
}
# wait_for COUNT SECONDS: until COUNT distinct alerts are delivered; false on timeout.
wait_for() {
  for _ in $(seq $(($2 * 5))); do
    [ "$(delivered | sort -u | wc -l)" -ge "$1" ] && return 0
    sleep 0.2
  done
  return 1
}
lease_rows() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM notify_lease").fetchone()[0])' w.sqlite; }
stored_offset() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT max(byte_offset) FROM ingest_source").fetchone()[0])' w.sqlite; }
# caught_up SECONDS: until the stored offset is the file's end
caught_up() {
  for _ in $(seq $(($1 * 5))); do
    [ "$(stored_offset)" = "$(stat -c %s grow.jsonl)" ] && return 0
    sleep 0.2
  done
  return 1
}
start_watch() { # start_watch ERRLOG: sets $watcher
  "$bin" watch --plan plan.yaml --db w.sqlite --notify-past --follow grow.jsonl > "$1.out" 2> "$1" & watcher=$!
}
# stop_watch SIGNAL: sets $code (exit status) and $took (milliseconds from the signal to the exit)
stop_watch() {
  local t0; t0=$(date +%s%N)
  kill -"$1" "$watcher"
  wait "$watcher" 2>/dev/null; code=$?
  took=$((($(date +%s%N) - t0) / 1000000)); watcher=""
}

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml   # the rules whose messages this test counts
# The demo's three scripted incidents (CTR on douyin 04-09, community DAU 04-19 to 04-21,
# CPA on search 04-22 to 04-23) with the times of the whole campaign's stream: 17 days from
# 04-07 hold them in a third of its lines (each 70-day ingest took a minute of CI's debug build).
"$bin" simulate --plan spring.yaml --from 2026-04-07 --days 17 > events.jsonl
# The demo plan with a webhook channel whose address comes from the
# environment, and the policy pinned: a repeat every 1000 h never happens here.
{ cat spring.yaml
  printf 'notify:\n  - { id: hooks, kind: webhook, url: "${HOOK_URL}" }\n'
  printf 'notify_policy: { group_wait: 30s, repeat_interval: 1000h, send_resolved: true, max_age: 1h }\n'
} > plan.yaml
# Four chunks by event time: [CTR fires and recovers] [DAU fires] [DAU recovers, CPA fires] [CPA recovers]
python3 - <<'PY'
bounds = ["2026-04-12", "2026-04-20", "2026-04-23", "9999"]
outs = [open(f"chunk{i}.jsonl", "w", encoding="utf-8") for i in range(1, 5)]
with open("events.jsonl", encoding="utf-8") as events:
    for line in events:
        ts = line[7:17]  # {"ts":"YYYY-MM-DD…
        outs[next(i for i, b in enumerate(bounds) if ts < b)].write(line)
PY
: > grow.jsonl

fp_ctr_fire="spring/1/firing/1 firing CTR below 1%"
fp_ctr_ok="spring/1/resolved/1 resolved CTR below 1%"
fp_dau_fire="spring/2/firing/1 firing Community DAU below 20%"
fp_dau_ok="spring/2/resolved/1 resolved Community DAU below 20%"
fp_cpa_fire="spring/3/firing/1 firing CPA 30% over benchmark"
fp_cpa_ok="spring/3/resolved/1 resolved CPA 30% over benchmark"

# 1. Following a growing file with the receiver up.
start_receiver
export HOOK_URL="http://127.0.0.1:$port/alerts"
start_watch watch1.err
sleep 1
cat chunk1.jsonl >> grow.jsonl
wait_for 2 240 && ok || fail "CTR firing and resolved delivered while following: $(delivered)"
# Another sender on the same database does not send while the watcher holds the lease.
"$bin" notify flush --plan plan.yaml --db w.sqlite > flush.out 2>&1
grep -q "another process holds the sender lease" flush.out && ok || fail "flush beside the watcher: $(cat flush.out)"
cat chunk2.jsonl >> grow.jsonl
wait_for 3 240 && ok || fail "DAU firing delivered: $(delivered)"
stop_watch TERM
echo "watch: SIGTERM to exit took ${took} ms"
[ "$code" -eq 0 ] && ok || fail "SIGTERM: exit $code (want 0)"
[ "$took" -lt 5000 ] && ok || fail "SIGTERM took ${took} ms (want under 5 s)"
[ "$(lease_rows)" = 0 ] && ok || fail "the lease is given back on SIGTERM"
[ "$(delivered)" = "$fp_ctr_fire
$fp_ctr_ok
$fp_dau_fire" ] && ok || fail "phase 1 delivered, in order: $(delivered)"
# The stderr lines: wall time (UTC), then what happened.
stamp='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z '
grep -Eq "${stamp}opened anomaly 1: CTR below 1% \[channel douyin\] at 2026-04-09T11:02:00\+08:00 \(event time\)$" watch1.err \
  && ok || fail "opened line: $(grep 'anomaly 1' watch1.err)"
grep -Eq "${stamp}resolved anomaly 1: CTR below 1% \[channel douyin\] at 2026-04-09T16:27:00\+08:00 \(event time\)$" watch1.err \
  && ok || fail "resolved line: $(grep 'anomaly 1' watch1.err)"
grep -Eq "${stamp}opened anomaly 2: Community DAU below 20% at 2026-04-19T00:00:00\+08:00 \(event time\)$" watch1.err \
  && ok || fail "a total rule's line has no scope: $(grep 'anomaly 2' watch1.err)"
grep -Eq "${stamp}notify: delivered to hooks: CTR below 1% firing \[douyin\]$" watch1.err && ok || fail "delivery line: $(cat watch1.err)"
[ "$(grep -c 'notify: delivered' watch1.err)" = 3 ] && ok || fail "one delivery line per message: $(grep -c 'notify: delivered' watch1.err)"
[ "$(grep -Evc "$stamp" watch1.err)" = 0 ] && ok || fail "every stderr line starts with the time: $(grep -Ev "$stamp" watch1.err)"
grep -Eq "${stamp}stopped: [0-9]+ lines read, 2 anomalies opened, 0 messages pending$" watch1.err && ok || fail "last line: $(tail -1 watch1.err)"

# 2. The receiver is down; more lines arrive; the watcher restarts, resumes,
#    cannot deliver, and delivers once the receiver is back (no new events).
stop_receiver
cat chunk3.jsonl >> grow.jsonl
start_watch watch2.err
for _ in $(seq 1200); do grep -q "opened anomaly 3" watch2.err && break; sleep 0.2; done
grep -q "not delivered to hooks: .*trying again in" watch2.err && ok || fail "a failure is logged with its retry: $(cat watch2.err)"
grep -q "opened anomaly 3: CPA 30% over benchmark \[channel search\] at 2026-04-22T11:32:00+08:00" watch2.err \
  && ok || fail "the restart reads the appended lines: $(cat watch2.err)"
grep -q "anomaly 1:" watch2.err && fail "the restart printed old transitions again" || ok
start_receiver "$port"
wait_for 5 60 && ok || fail "DAU resolved and CPA firing delivered after the receiver came back: $(delivered)"

# 3. SIGKILL while it reads the last chunk; a restart delivers everything.
cat chunk4.jsonl >> grow.jsonl
sleep 1
stop_watch KILL
[ "$code" -eq 137 ] && ok || fail "SIGKILL: exit $code"
start_watch watch3.err
wait_for 6 240 && ok || fail "everything delivered after the restart: $(delivered)"
caught_up 240 && ok || fail "the restart read to the end: offset $(stored_offset) of $(stat -c %s grow.jsonl)"
grep -q "took over\|another process" watch3.err && fail "the dead watcher's lease was waited for: $(cat watch3.err)" || ok
# SIGINT (Ctrl-C, or `kill -INT`) ends it the same way.
stop_watch INT
echo "watch: SIGINT to exit took ${took} ms"
[ "$code" -eq 0 ] && ok || fail "SIGINT: exit $code"
[ "$(lease_rows)" = 0 ] && ok || fail "the lease is given back on SIGINT"
[ "$("$bin" notify pending --plan plan.yaml --db w.sqlite)" = "nothing pending" ] && ok || fail "outbox not empty at the end"
expected="$fp_ctr_fire
$fp_ctr_ok
$fp_dau_fire
$fp_dau_ok
$fp_cpa_fire
$fp_cpa_ok"
[ "$(delivered | sort -u)" = "$(sort <<<"$expected")" ] && ok || { fail "each incident once firing, once resolved"; delivered; }
# Before the kill each message arrived once; the kill may resend at most the one in flight.
total=$(delivered | wc -l)
[ "$total" -le 7 ] && ok || fail "at most the message in flight sent twice ($total deliveries)"
[ "$(delivered | grep -c "^spring/1/\|^spring/2/firing")" = 3 ] && ok || fail "what phase 1 delivered was never sent again"
[ "$(grep -c . got.log)" = "$(grep -c '^200 ' got.log)" ] && ok || fail "the receiver answered only 200s (down means refused): $(grep -v '^200 ' got.log | head -2)"
# The ingest is exact across two SIGTERMs and a SIGKILL: every line stored once.
lines=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT sum(lines) FROM ingest_source").fetchone()[0])' w.sqlite)
[ "$lines" = "$(wc -l < events.jsonl)" ] && ok || fail "lines stored $lines, file has $(wc -l < events.jsonl)"

# Standard input that goes quiet: SIGTERM still ends the watcher at once
# (the read waits in poll, checking the stop), with what it read stored.
head -1000 events.jsonl > first1000.jsonl
{ cat first1000.jsonl; sleep 61; } | "$bin" watch --plan plan.yaml --db stdin.sqlite - 2> stdin.err & piped=$!
for _ in $(seq 100); do grep -q "watching -" stdin.err 2>/dev/null && break; sleep 0.1; done
sleep 1
watcher_pid=$(pgrep -f "watch --plan plan.yaml --db stdin.sqlite -" | head -1)
began=$(date +%s%N)
kill -TERM "$watcher_pid"
for _ in $(seq 100); do kill -0 "$watcher_pid" 2>/dev/null || break; sleep 0.05; done
took=$(( ($(date +%s%N) - began) / 1000000 ))
kill -0 "$watcher_pid" 2>/dev/null && { fail "watch - on a quiet pipe ignored SIGTERM"; kill -KILL "$watcher_pid"; } || ok
echo "watch: SIGTERM on a quiet pipe to exit took ${took} ms"
pkill -x -f "sleep 61" 2>/dev/null; wait "$piped" 2>/dev/null
stored=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT sum(lines) FROM ingest_source").fetchone()[0])' stdin.sqlite)
[ "$stored" = 1000 ] && ok || fail "the quiet pipe's 1000 lines stored ($stored)"

echo "watch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
