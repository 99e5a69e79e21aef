#!/usr/bin/env bash
# The dashboard on a database sends under the same lease as `watch` (tmux):
# alone, it delivers the CTR incident's two messages from its sender thread
# and gives the lease back when it quits; beside a running watcher it sends
# nothing itself (the watcher delivers, the dashboard's :messages says who
# holds the lease); the built-in simulator never queues a message.
# Usage: Tests/e2e/dashboard_notify.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: dashboard_notify.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
session="cd-dash-notify-$$"
receiver="" watcher=""
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null
  [ -n "$receiver" ] && kill "$receiver" 2>/dev/null
  [ -n "$watcher" ] && kill -KILL "$watcher" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
source "$here/tmux_lib.sh"
cd "$work"
export XDG_STATE_HOME="$work/state"

rm -f port
python3 "$here/robot_receiver.py" got.log port 0 0 & receiver=$!
for _ in $(seq 100); do [ -s port ] && break; sleep 0.1; done
export HOOK_URL="http://127.0.0.1:$(cat port)/alerts"
received() { [ -f got.log ] && grep -c '^200 ' got.log || echo 0; }
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"; }

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml   # the rules whose messages this test counts
# 42 days reach 04-12: the CTR incident on douyin (04-09) fires and recovers.
"$bin" simulate --plan spring.yaml --days 42 > events.jsonl
{ cat spring.yaml
  printf 'notify:\n  - { id: hooks, kind: webhook, url: "${HOOK_URL}" }\n'
  printf 'notify_policy: { group_wait: 30s, repeat_interval: 1000h, send_resolved: true, max_age: 1h }\n'
} > plan.yaml

tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" \
  "env XDG_STATE_HOME='$XDG_STATE_HOME' HOOK_URL='$HOOK_URL' TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
# wait_received N SECONDS
wait_received() { for _ in $(seq $(($2 * 5))); do [ "$(received)" -ge "$1" ] && return 0; sleep 0.2; done; return 1; }

# 1. Alone: the dashboard sends, and quitting gives the lease back.
keys "'$bin' plan.yaml --events events.jsonl --db one.sqlite --notify-past" Enter
expect "dashboard up" "2 Gantt" 30
wait_received 2 180 && ok || fail "the dashboard delivered the CTR incident (received $(received))"
python3 - got.log <<'PY' > fingerprints.txt
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for alert in json.loads(line.split(" ", 1)[1])["alerts"]:
        print(alert["fingerprint"], alert["status"])
PY
[ "$(cat fingerprints.txt)" = "spring/1/firing/1 firing
spring/1/resolved/1 resolved" ] && ok || fail "firing then resolved: $(cat fingerprints.txt)"
keys q
sleep 2
screen | grep -q "2 Gantt" && keys q && sleep 1
[ "$(count one.sqlite 'SELECT count(*) FROM notify_lease')" = 0 ] && ok || fail "the lease is given back when the dashboard quits"
[ "$(count one.sqlite "SELECT count(*) FROM notify_outbox WHERE state = 'pending'")" = 0 ] && ok || fail "nothing pending after the dashboard"

# 2. A watcher holds the lease on the same database: it delivers what the
#    dashboard logs; the dashboard says once that another process sends.
: > quiet.jsonl
"$bin" watch --plan plan.yaml --db two.sqlite --notify-past --follow quiet.jsonl > watch.out 2> watch.err & watcher=$!
for _ in $(seq 100); do [ "$(count two.sqlite 'SELECT count(*) FROM notify_lease' 2>/dev/null)" = 1 ] && break; sleep 0.2; done
holder=$(count two.sqlite 'SELECT holder FROM notify_lease')
[ "$holder" = "$(hostname):$watcher" ] && ok || fail "the watcher holds the lease ($holder)"
keys "clear; '$bin' plan.yaml --events events.jsonl --db two.sqlite --notify-past" Enter
expect "dashboard up again" "2 Gantt" 30
wait_received 4 180 && ok || fail "the watcher delivered what the dashboard logged (received $(received))"
[ "$(grep -c 'notify: delivered to hooks: CTR below 1%' watch.err)" = 2 ] && ok || fail "the watcher's log: $(cat watch.err)"
keys ":" ; typed "messages"; keys Enter
expect "the dashboard defers to the lease's holder" "holds the sender lease" 10
keys Escape
keys q
sleep 2
screen | grep -q "2 Gantt" && keys q && sleep 1
[ "$(count two.sqlite 'SELECT holder FROM notify_lease')" = "$holder" ] && ok || fail "the dashboard leaves the watcher's lease alone"
kill -TERM "$watcher"; wait "$watcher"; code=$?; watcher=""
[ "$code" -eq 0 ] && ok || fail "the watcher's exit after SIGTERM: $code"
sleep 1
[ "$(received)" = 4 ] && ok || fail "each message once per database (received $(received))"

# 3. The built-in simulator logs the incident but queues nothing (its
#    whole stream, unpaced, through the same desk: --snapshot).
"$bin" plan.yaml --db three.sqlite --simulate --days 42 --snapshot 120x40 > three.screen 2> three.err \
  && ok || fail "simulator snapshot: $(cat three.err)"
[ "$(count three.sqlite 'SELECT count(*) FROM anomaly')" -ge 1 ] && ok || fail "the simulator's incident is in the log"
[ "$(count three.sqlite 'SELECT count(*) FROM notify_outbox')" = 0 ] && ok || fail "the simulator queued messages"
[ "$(received)" = 4 ] && ok || fail "the simulator sent something (received $(received))"

echo "dashboard_notify: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
