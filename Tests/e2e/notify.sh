#!/usr/bin/env bash
# Alerts delivered to a webhook receiver on 127.0.0.1: the demo's three
# scripted incidents (CTR on douyin 04-09, community DAU 04-19, CPA on search
# 04-22), each once as firing and once as resolved; a receiver that fails for
# a while; a sender killed with SIGKILL mid-drain and started again.
# Usage: Tests/e2e/notify.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: notify.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
receiver=""
trap '[ -n "$receiver" ] && kill "$receiver" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

start_receiver() { # start_receiver LOG FAIL_FIRST DELAY: sets $receiver and $port
  rm -f port
  python3 "$here/robot_receiver.py" "$1" port "$2" "$3" & receiver=$!
  for _ in $(seq 100); do [ -s port ] && break; sleep 0.1; done
  port=$(cat port)
}
stop_receiver() { kill "$receiver" 2>/dev/null; wait "$receiver" 2>/dev/null; receiver=""; }

# FINGERPRINTS LOG: each delivered (200) message's fingerprint and status, sorted.
delivered() { python3 - "$1" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    status, body = line.split(" ", 1)
    if status == "200":
        for alert in json.loads(body)["alerts"]:
            print(alert["fingerprint"], alert["status"], alert["rule"])
PY
}

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml   # the rules whose messages this test counts
# The demo's three scripted incidents (CTR on douyin 04-09, community DAU 04-19 to 04-21,
# CPA on search 04-22 to 04-23) with the times of the whole campaign's stream: 17 days from
# 04-07 hold them in a third of its lines (each 70-day ingest took a minute of CI's debug build).
"$bin" simulate --plan spring.yaml --from 2026-04-07 --days 17 > events.jsonl
plan_with() { # plan_with URL [POLICY] > FILE: the demo plan with one webhook channel
  cat spring.yaml
  printf 'notify:\n  - { id: hooks, kind: webhook, url: "%s" }\n' "$1"
  # Pinned: reminders off unless a check asks for them (the default is 4h).
  printf 'notify_policy: %s\n' "${2:-"{ repeat_interval: 1000h }"}"
}

expected="p/1/firing/1 firing CTR below 1%
p/1/resolved/1 resolved CTR below 1%
p/2/firing/1 firing Community DAU below 20%
p/2/resolved/1 resolved Community DAU below 20%
p/3/firing/1 firing CPA 30% over benchmark
p/3/resolved/1 resolved CPA 30% over benchmark"
expected=${expected//p\//spring/}

# 1. The receiver fails its first three requests: ingest's own pass leaves
#    messages pending, `notify flush` delivers each exactly once.
start_receiver got1.log 3 0
plan_with "http://127.0.0.1:$port/alerts" > plan1.yaml
"$bin" ingest --plan plan1.yaml --db one.sqlite --notify-past - < events.jsonl > ingest1.out 2> ingest1.err
grep -q "messages pending" ingest1.err && ok || fail "ingest says what is left pending: $(tail -3 ingest1.err)"
"$bin" notify pending --plan plan1.yaml --db one.sqlite > pending1.out
grep -q "HTTP 500" pending1.out && ok || fail "notify pending shows the last error: $(cat pending1.out)"
"$bin" notify flush --plan plan1.yaml --db one.sqlite 2> flush1.err && ok || fail "flush exit $?: $(cat flush1.err)"
[ "$("$bin" notify pending --plan plan1.yaml --db one.sqlite)" = "nothing pending" ] && ok || fail "outbox not empty after flush"
[ "$(delivered got1.log | sort)" = "$(sort <<<"$expected")" ] && ok || { fail "each incident once firing, once resolved"; delivered got1.log; }
# Ingesting the same stream again is a replay: nothing new to send.
"$bin" ingest --plan plan1.yaml --db one.sqlite --notify-past events.jsonl >/dev/null 2>&1
[ "$(delivered got1.log | wc -l)" -eq 6 ] && ok || fail "a replay sent again"
stop_receiver

# 2. Nobody listens while ingesting; a slow receiver (1 s an answer) comes up,
#    the first flush is killed with SIGKILL mid-drain, a second one finishes.
plan_with "http://127.0.0.1:9/alerts" > plan2.yaml
"$bin" ingest --plan plan2.yaml --db two.sqlite --notify-past events.jsonl >/dev/null 2>&1
[ "$("$bin" notify pending --plan plan2.yaml --db two.sqlite --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 6 ] \
  && ok || fail "six messages pending while nobody listens"
start_receiver got2.log 0 1
plan_with "http://127.0.0.1:$port/alerts" > plan2.yaml
"$bin" notify flush --plan plan2.yaml --db two.sqlite 2>/dev/null & flusher=$!
for _ in $(seq 100); do [ -s got2.log ] && break; sleep 0.1; done
sleep 0.5
kill -KILL "$flusher"; wait "$flusher" 2>/dev/null
before=$(wc -l < got2.log)
[ "$before" -ge 1 ] && [ "$before" -lt 6 ] && ok || fail "the kill came mid-drain ($before delivered before it)"
"$bin" notify flush --plan plan2.yaml --db two.sqlite 2> flush2.err && ok || fail "flush after the kill: $(cat flush2.err)"
[ "$(delivered got2.log | sort -u)" = "$(sort <<<"$expected")" ] && ok || { fail "everything delivered after the kill"; delivered got2.log; }
total=$(delivered got2.log | wc -l)
[ "$total" -le 7 ] && ok || fail "at most the message in flight is sent twice ($total deliveries)"
stop_receiver

# 3. Reminders and quiet hours on the events' clock: every hour while an
#    incident fires, none inside 00:00-08:00 (campaign time, +08:00); a firing
#    inside the quiet waits for 08:00 and reminders count from there. The
#    expected messages are worked out below from the anomaly log's own times,
#    by a model written here, not by the sender.
policy='{ repeat_interval: 1h, quiet_hours: "00:00-08:00" }'
plan_with "http://127.0.0.1:9/alerts" "$policy" > plan3.yaml
"$bin" ingest --plan plan3.yaml --db three.sqlite --notify-past events.jsonl >/dev/null 2>&1
"$bin" anomalies --db three.sqlite --format json > anomalies3.json
model() { # model ANOMALIES_JSON [ACKNOWLEDGED_IDS]: the messages the policy sends, one per line
  python3 - "$1" "${2:-}" <<'PY'
import json, sys
from datetime import datetime, timedelta
acknowledged = {int(x) for x in sys.argv[2].split(",") if x}
def quiet(t): return t.hour < 8                      # 00:00-08:00 in the times' own zone (+08:00)
def quiet_end(t): return t.replace(hour=8, minute=0, second=0) if quiet(t) else None
for a in json.load(open(sys.argv[1]))["anomalies"]:
    o, r = datetime.fromisoformat(a["opened_at"]), datetime.fromisoformat(a["recovered_at"])
    name = f"spring/{a['id']}"
    if quiet(o) and r <= quiet_end(o):
        continue                                      # fired and stopped inside the quiet: nothing
    print(f"{name}/firing/1 firing {a['rule']}")
    base, k = quiet_end(o) or o, 1
    while base + timedelta(hours=k) < r:
        if not quiet(base + timedelta(hours=k)) and a["id"] not in acknowledged:
            print(f"{name}/firing/1/reminder/{k} firing {a['rule']}")
        k += 1
    print(f"{name}/resolved/1 resolved {a['rule']}")
PY
}
start_receiver got3.log 0 0
plan_with "http://127.0.0.1:$port/alerts" "$policy" > plan3.yaml
"$bin" notify flush --plan plan3.yaml --db three.sqlite 2>/dev/null && ok || fail "flush of reminders"
[ "$(delivered got3.log | sort)" = "$(model anomalies3.json | sort)" ] && ok || {
  fail "reminders and quiet hours as the model says"; diff <(delivered got3.log | sort) <(model anomalies3.json | sort) | head; }
[ "$(model anomalies3.json | grep -c reminder)" -ge 40 ] && ok || fail "the model expects reminders at all"
stop_receiver

# 4. An acknowledgement stops the reminders still waiting (the firing and the
#    resolution are still sent): acknowledged on the wall clock before sending.
plan_with "http://127.0.0.1:9/alerts" "$policy" > plan4.yaml
"$bin" ingest --plan plan4.yaml --db four.sqlite --notify-past events.jsonl >/dev/null 2>&1
"$bin" anomalies --db four.sqlite ack 2 --author lin >/dev/null
start_receiver got4.log 0 0
plan_with "http://127.0.0.1:$port/alerts" "$policy" > plan4.yaml
"$bin" notify flush --plan plan4.yaml --db four.sqlite 2> flush4.err && ok || fail "flush after an acknowledgement"
[ "$(delivered got4.log | sort)" = "$(model anomalies3.json 2 | sort)" ] && ok || {
  fail "acknowledged: no reminders of #2"; diff <(delivered got4.log | sort) <(model anomalies3.json 2 | sort) | head; }
grep -q "anomaly #2 was acknowledged" flush4.err && ok || fail "flush says why reminders were not sent"
stop_receiver

# 5. A stream that stops inside quiet hours: `notify pending` says the
#    community firing (04-19 00:00) is held until 08:00, and names reminders.
python3 - events.jsonl > until-0200.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if json.loads(line)["ts"] < "2026-04-19T02:00":
        sys.stdout.write(line)
PY
plan_with "http://127.0.0.1:9/alerts" '{ repeat_interval: 2h, quiet_hours: "00:00-08:00" }' > plan5.yaml
"$bin" ingest --plan plan5.yaml --db five.sqlite --notify-past until-0200.jsonl >/dev/null 2>&1
"$bin" notify pending --plan plan5.yaml --db five.sqlite > pending5.out
grep -qE "firing +Community DAU below 20% .* held for quiet hours until 2026-04-19T08:00" pending5.out && ok || fail "held row: $(cat pending5.out)"
grep -qE "reminder 1 +CTR below 1%" pending5.out && ok || fail "reminder row named: $(cat pending5.out)"
[ "$("$bin" notify pending --plan plan5.yaml --db five.sqlite --format json | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin) if r["held_until"]))')" = 1 ] \
  && ok || fail "held_until in JSON"

echo "notify: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
