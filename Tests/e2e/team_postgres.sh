#!/usr/bin/env bash
# One team, one PostgreSQL database, two dashboards (two people, as on two
# machines): an anomaly opened from the command line appears in both; an
# acknowledgement made in one and a note written in the other each appear in
# the other dashboard within 2 s (LISTEN/NOTIFY; the dashboards poll nothing
# but their socket). A resolution on the command line reaches both. Then the
# server drops every connection: the dashboards reconnect and catch up.
#
# Needs CAMPAIGN_DECK_TEST_POSTGRES (.ci/run starts a server; locally:
# eval "$(bash tools/test_postgres.sh start)"); without it, says so and passes.
set -uo pipefail
bin=$(readlink -f "${1:?usage: team_postgres.sh PATH/TO/campaign-deck}")
if [ -z "${CAMPAIGN_DECK_TEST_POSTGRES:-}" ]; then
  echo "team_postgres: skipped: set CAMPAIGN_DECK_TEST_POSTGRES=postgres://… (tools/test_postgres.sh start)"
  exit 0
fi
session="${E2E_SESSION_PREFIX:-}team-a-$$"
first=$session second="${E2E_SESSION_PREFIX:-}team-b-$$"
state=$(mktemp -d)
cleanup() { tmux kill-session -t "$first" 2>/dev/null; tmux kill-session -t "$second" 2>/dev/null; rm -rf "$state"; }
trap cleanup EXIT
source "$(dirname "$0")/tmux_lib.sh"

# A schema of this run's own: nothing from other runs or tests is seen.
server=$CAMPAIGN_DECK_TEST_POSTGRES
schema="team_e2e_$$"
psql "$server" -qc "CREATE SCHEMA $schema" || { echo "team_postgres: cannot create schema $schema"; exit 1; }
case "$server" in *\?*) join='&' ;; *) join='?' ;; esac
db="${server}${join}options=-c%20search_path%3D${schema}"

start_dashboard() { # NAME USER COLUMNS ROWS
  tmux new-session -d -s "$1" -x "$3" -y "$4" \
    "env XDG_STATE_HOME='$state' XDG_CONFIG_HOME='$state/none' CAMPAIGN_DECK_LANG=en USER=$2 TERM=xterm-256color '$bin' --db '$db' --simulate; sleep 600"
}
start_dashboard "$first" ana 120 40
start_dashboard "$second" bo 120 40
for name in "$first" "$second"; do session=$name; expect "$name: dashboard up" "4 Anomaly log" 20; done

# milliseconds SESSION TEXT LIMIT: how long until SESSION's screen shows TEXT (or fails past LIMIT ms)
within() {
  local target=$1 text=$2 limit=$3 began now
  began=$(date +%s%3N)
  while :; do
    if tmux capture-pane -p -t "$target" | grep -qF -- "$text"; then
      now=$(date +%s%3N); echo "team_postgres: '$text' in $target after $((now - began)) ms"
      if [ $((now - began)) -le "$limit" ]; then ok; else fail "$target showed '$text' after $((now - began)) ms (> $limit)"; fi
      return
    fi
    now=$(date +%s%3N)
    if [ $((now - began)) -gt $((limit + 3000)) ]; then session=$target; fail "$target never showed '$text'"; return; fi
    sleep 0.05
  done
}

"$bin" anomalies open --db "$db" --title "官网宕机 site down" --severity critical --channel offline --author zhang >/dev/null
within "$first" "官网宕机 site down" 2000
within "$second" "官网宕机 site down" 2000

# Ana acknowledges in the first dashboard; Bo's sees it.
tmux send-keys -t "$first" 4; sleep 0.3; tmux send-keys -t "$first" a
within "$first" "acknowledged" 2000
within "$second" "acknowledged" 2000

# Bo writes a note in the second; Ana has the anomaly's card open in the first.
tmux send-keys -t "$first" Enter
session=$first; expect "the card opens" "Opened " 3
tmux send-keys -t "$second" 4; sleep 0.3; tmux send-keys -t "$second" n; sleep 0.5
tmux send-keys -t "$second" -l -- "CDN rolled back 已回滚"; tmux send-keys -t "$second" Enter
within "$first" "bo: CDN rolled back 已回滚" 2000
within "$first" "ana: acknowledged" 2000

# The log holds both, signed by who did them.
shown=$("$bin" anomalies show 1 --db "$db" --format json)
if python3 -c 'import json,sys; n=json.loads(sys.argv[1])["notes"]; t=[(x["author"],x["text"]) for x in n]; sys.exit(0 if ("ana","acknowledged") in t and ("bo","CDN rolled back 已回滚") in t else 1)' "$shown"; then ok; else fail "the log lacks the acknowledgement or the note: $shown"; fi

# A resolution from the command line reaches both.
"$bin" anomalies resolve 1 --db "$db" --cause "CDN config" --author zhang >/dev/null
within "$second" "resolved" 2000
within "$first" "zhang: resolved; cause: CDN config" 2000

# The server drops every dashboard connection (a restart, a network cut): they
# reconnect, listen again, and catch up on a change made while they were away.
psql "$server" -qAtc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND query NOT LIKE '%pg_stat_activity%'" >/dev/null
"$bin" anomalies open --db "$db" --title "支付失败 pay" --severity critical --author zhang >/dev/null
within "$first" "支付失败 pay" 5000
within "$second" "支付失败 pay" 5000
# libpq's own FATAL line about the dropped connection never reaches the screen.
for name in "$first" "$second"; do
  if tmux capture-pane -p -t "$name" | grep -q "FATAL"; then session=$name; fail "$name shows libpq's FATAL line"; else ok; fi
done

for name in "$first" "$second"; do
  tmux send-keys -t "$name" Escape; sleep 0.2; tmux send-keys -t "$name" q
done
sleep 1
psql "$server" -qc "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
echo "team_postgres: passed $passed failed $failed"
[ "$failed" -eq 0 ]
