#!/usr/bin/env bash
# Silences end to end: `silence add|list|expire` and their refusals; a
# silenced rule's messages are marked skipped at sending time (a webhook
# receiver on 127.0.0.1 gets the other rules' messages only, `notify
# pending` ends empty), and an expired silence lets new messages through;
# in the dashboard (tmux, 120×40 and 80×24) S on an anomaly and on a KPI
# row writes a silence that `silence list` shows.
# Usage: Tests/e2e/silences.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: silences.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
# E2E_SESSION_PREFIX starts the tmux sessions' names, for runs beside others.
session="${E2E_SESSION_PREFIX:-}silences-e2e-$$"
receiver=""
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null
  [ -n "$receiver" ] && kill "$receiver" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
source "$here/tmux_lib.sh"
cd "$work" || exit 1
export XDG_STATE_HOME="$work/state"
check() { # check NAME COMMAND...: the command succeeds
  if "${@:2}"; then ok; else fail "$1"; fi
}
# refused NAME EXPECTED_TEXT ARGS...: exit 2, the message on standard error
refused() {
  local name=$1 text=$2; shift 2
  "$bin" "$@" > refused.out 2> refused.err
  local code=$?
  if [ "$code" -eq 2 ] && grep -qF -- "$text" refused.err; then ok; else fail "$name: exit $code, stderr: $(cat refused.err)"; fi
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml   # the rules whose messages this test counts
# The demo's three scripted incidents (CTR on douyin 04-09, community DAU 04-19 to 04-21,
# CPA on search 04-22 to 04-23) with the times of the whole campaign's stream: 17 days from
# 04-07 hold them in a third of its lines (each 70-day ingest took a minute of CI's debug build).
"$bin" simulate --plan spring.yaml --from 2026-04-07 --days 17 > events.jsonl
"$bin" ingest --plan spring.yaml --db cli.sqlite events.jsonl >/dev/null 2>&1

# 1. add, list, expire
"$bin" silence add --db cli.sqlite --plan spring.yaml --rule 'CTR below 1%' --scope douyin --for 2h --comment 'creative swap' \
  --format json > add1.json
check "add --for 2h lasts two hours" \
  test "$(json 'int((__import__("datetime").datetime.fromisoformat(d["ends_at"]) - __import__("datetime").datetime.fromisoformat(d["starts_at"])).total_seconds())' < add1.json)" = 7200
check "add: keys are snake_case" \
  test "$(json '",".join(d.keys())' < add1.json)" = "id,rule,scope,starts_at,ends_at,comment,created_by,state"
check "add: signed user@host, active" test "$(json 'd["created_by"].count("@") == 1 and d["state"] == "active"' < add1.json)" = True
# --until in the campaign's zone (Asia/Shanghai, UTC+8 all year): tomorrow 18:00 there.
until=$(python3 -c "import datetime as t; z=t.timezone(t.timedelta(hours=8)); print((t.datetime.now(z)+t.timedelta(days=1)).strftime('%Y-%m-%d 18:00'))")
"$bin" silence add --db cli.sqlite --plan spring.yaml --rule 'Community DAU below 20%' --until "$until" \
  --comment $'night\x1b[31m shift' > add2.out
check "add --until says until when" grep -qF "silence 2: 'Community DAU below 20%' [every scope] silenced until $until (Asia/Shanghai)" add2.out
"$bin" silence list --db cli.sqlite --format json > list1.json
check "--until is read in the campaign's zone" test "$(json 'd[1]["ends_at"]' < list1.json)" = "${until/ /T}:00+08:00"
check "JSON keeps the comment as stored" test "$(json 'd[1]["comment"] == "night\x1b[31m shift"' < list1.json)" = True
"$bin" silence list --db cli.sqlite > list1.txt
check "the table shows control characters escaped" grep -qF 'night\u{1B}[31m shift' list1.txt
check "the table has no raw escape" bash -c "! grep -q $'\x1b' list1.txt"
"$bin" silence expire 1 --db cli.sqlite > expire.out
check "expire says so" grep -qF "silence 1 expired: 'CTR below 1%' [douyin]" expire.out
check "an expired silence leaves the active list" test "$("$bin" silence list --db cli.sqlite --format json | json '[s["id"] for s in d]')" = "[2]"
check "--all keeps it, expired" test "$("$bin" silence list --db cli.sqlite --all --format json | json '[(s["id"], s["state"]) for s in d]')" = "[(1, 'expired'), (2, 'active')]"

# 2. refusals: exit 2, `campaign-deck: <what> (<where>)`
refused "unknown rule" "the plan has no alert rule 'CTR below 2%'; its rules are 'CTR below 1%', 'Community DAU below 20%', 'CPA 30% over benchmark' (--rule)" \
  silence add --db cli.sqlite --plan spring.yaml --rule 'CTR below 2%' --for 2h --comment x
refused "unknown scope" "the plan has no channel 'douyn'" silence add --db cli.sqlite --plan spring.yaml --rule 'CTR below 1%' --scope douyn --for 2h --comment x
refused "both --for and --until" "give --for or --until, one of them" silence add --db cli.sqlite --rule 'CTR below 1%' --for 2h --until "$until" --comment x
refused "neither" "give --for or --until, one of them" silence add --db cli.sqlite --rule 'CTR below 1%' --comment x
refused "zero" "a silence must last longer than 0, got '0' (--for)" silence add --db cli.sqlite --rule 'CTR below 1%' --for 0 --comment x
refused "over ten years" "a silence lasts at most 10 years (3653 days), got '3654d' (--for)" silence add --db cli.sqlite --rule 'CTR below 1%' --for 3654d --comment x
refused "not a duration" "--for must be a duration like 30m, 2h or 7d, got 'soon' (--for)" silence add --db cli.sqlite --rule 'CTR below 1%' --for soon --comment x
refused "until passed" "--until must be in the future, got '2020-01-01 00:00', which has passed (--until)" silence add --db cli.sqlite --rule 'CTR below 1%' --until '2020-01-01 00:00' --comment x
refused "until not a time" "--until must be a time like" silence add --db cli.sqlite --rule 'CTR below 1%' --until 'friday' --comment x
refused "empty comment" "a silence needs a comment saying why (--comment)" silence add --db cli.sqlite --rule 'CTR below 1%' --for 2h --comment '  '
refused "no comment" "Missing expected argument '--comment" silence add --db cli.sqlite --rule 'CTR below 1%' --for 2h
refused "csv" "silences print a table or JSON, not CSV (--format)" silence list --db cli.sqlite --format csv
refused "expire unknown" "no silence with id 99 (silences)" silence expire 99 --db cli.sqlite
refused "expire twice" "silence 1 has already ended (it was expired); there is nothing to expire (silence 1)" silence expire 1 --db cli.sqlite
refused "missing database" "no database at" silence list --db missing.sqlite
check "refusals wrote nothing" test "$("$bin" silence list --db cli.sqlite --all --format json | json 'len(d)')" = 2
check "--help has examples" bash -c "'$bin' silence add --help | grep -q 'Examples:'"

# 3. At sending time: CTR below 1% is silenced in every scope before ingest
#    sends; the receiver gets the two other incidents, firing and resolved,
#    (reminders too), and the outbox ends with nothing pending (the silenced
#    rows are skipped).
rm -f port
python3 "$here/robot_receiver.py" got.log port 0 0 & receiver=$!
for _ in $(seq 100); do [ -s port ] && break; sleep 0.1; done
{ cat spring.yaml; printf 'notify:\n  - { id: hooks, kind: webhook, url: "http://127.0.0.1:%s/alerts" }\n' "$(cat port)"; } > hooks.yaml
# The database must exist before a silence can be added to it: ingest the first day, which fires nothing.
head -n 1 events.jsonl > first.jsonl
"$bin" ingest --plan hooks.yaml --db send.sqlite first.jsonl >/dev/null 2>&1
"$bin" silence add --db send.sqlite --plan hooks.yaml --rule 'CTR below 1%' --for 1h --comment 'drill' >/dev/null
"$bin" ingest --plan hooks.yaml --db send.sqlite --notify-past events.jsonl > send.out 2> send.err
check "ingest says what the silence kept back" grep -qF "not sent to hooks: CTR below 1% firing [douyin]: silenced by #1 until" send.err
sent=$(python3 -c '
import json
for line in open("got.log"):
    status, body = line.split(" ", 1)
    for a in json.loads(body)["alerts"]:
        print(a["rule"], a["status"])' | sort -u)
check "the other rules' messages were sent, the silenced rule's not" test "$sent" = "$(printf '%s\n' 'CPA 30% over benchmark firing' 'CPA 30% over benchmark resolved' 'Community DAU below 20% firing' 'Community DAU below 20% resolved')"
check "nothing is left pending" test "$("$bin" notify pending --plan hooks.yaml --db send.sqlite)" = "nothing pending"
kill "$receiver" 2>/dev/null; wait "$receiver" 2>/dev/null; receiver=""

# 4. The dashboard: S on an anomaly, then on a KPI row, writes silences to its database.
"$bin" simulate --plan spring.yaml --from 2026-04-07 --days 17 > dash.jsonl
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env XDG_STATE_HOME='$XDG_STATE_HOME' TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
keys "'$bin' spring.yaml --db dash.sqlite --events dash.jsonl" Enter
expect "the replay ends" "■ stream ended" 180
keys 4
keys S
expect "S on an anomaly asks how long" "Silence 'CPA 30% over benchmark' [search] for how long?"
keys Enter
expect "then why" "Why silence 'CPA 30% over benchmark' [search] for 2h?"
keys Enter
expect "a comment is required" "a silence needs a comment saying why"
typed "bid change"
keys Enter
expect "the status line says until when" "silenced 'CPA 30% over benchmark' [search] until"
expect "the log marks the silenced rule" "⊘ CPA 30%"
"$bin" silence list --db dash.sqlite --format json > dash1.json
check "the dashboard wrote it: rule, scope, 2h, comment" test "$(json '[(s["rule"], s["scope"], s["comment"]) for s in d] == [("CPA 30% over benchmark", "search", "bid change")] and int((__import__("datetime").datetime.fromisoformat(d[0]["ends_at"]) - __import__("datetime").datetime.fromisoformat(d[0]["starts_at"])).total_seconds()) == 7200' < dash1.json)" = True
keys Enter
expect "the card says until when and why" "(silence #1): bid change"
keys Escape
# douyin's row is judged by two rules, neither firing: which one?
keys 3
keys S
expect "S on a KPI row judged by two rules asks which" "Silence which rule on douyin? (its number)"
typed 2
keys Enter
expect "the picked rule" "Silence 'CPA 30% over benchmark' [douyin] for how long?"
typed 30m
keys Enter
typed "test"
keys Enter
expect "the second silence" "silenced 'CPA 30% over benchmark' [douyin] until"
check "30 minutes on douyin" test "$("$bin" silence list --db dash.sqlite --format json | json '[(s["scope"], int((__import__("datetime").datetime.fromisoformat(s["ends_at"]) - __import__("datetime").datetime.fromisoformat(s["starts_at"])).total_seconds())) for s in d]')" = "[('search', 7200), ('douyin', 1800)]"
tmux resize-window -t "$session" -x 80 -y 24
sleep 0.5
keys 4
expect "at 80×24 the mark still shows" "⊘ CPA 30%"
check "the footer offers S at 80 columns" bash -c "tmux capture-pane -p -t '$session' | tail -1 | grep -qF 'S silence'"
keys q
sleep 1
terminal_restored "after quitting"

echo "silences: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
