#!/usr/bin/env bash
# Two writers into one PostgreSQL database (issue 18, many writers): a
# simulated stream (days with the demo's CTR incident) is cut in two halves
# by time, each half a file of its own; two `ingest` processes store one half
# each, at the same time, and are SIGKILLed several times and resumed. Alert
# judging runs over the merged minutes inside the writers' commits, one at a
# time (`SharedJudge`), so every kill also kills a judge, at any step. The
# server must end with what one clean run of both files into a SQLite file
# holds: the KPIs by channel, segment and total, each day's report, the
# stand-up, and the anomaly log with every timeline (nothing missed, nothing
# doubled); and the KPIs must be those of the events file itself. Every line
# is counted once: the stored offsets are the files' sizes.
#
# Needs CAMPAIGN_DECK_TEST_POSTGRES (.ci/run starts a server); without it, says so and passes.
# Knobs: DAYS (default 6) FROM (2026-04-07) KILLS (default 4) SEED (random; printed).
set -euo pipefail
bin=$(readlink -f "${1:?usage: team_ingest_postgres.sh PATH/TO/campaign-deck}")
if [ -z "${CAMPAIGN_DECK_TEST_POSTGRES:-}" ]; then
  echo "team_ingest_postgres: skipped: set CAMPAIGN_DECK_TEST_POSTGRES=postgres://… (tools/test_postgres.sh start)"
  exit 0
fi
days=${DAYS:-6} from=${FROM:-2026-04-07} kills=${KILLS:-4} seed=${SEED:-$RANDOM}
RANDOM=$seed
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL team_ingest_postgres: $*"; exit 1; }
say() { echo "team_ingest_postgres: $*"; }

server=$CAMPAIGN_DECK_TEST_POSTGRES
schema="ingest_e2e_$$"
psql "$server" -qc "CREATE SCHEMA $schema" || fail "cannot create schema $schema"
trap 'kill -9 $(jobs -p) 2>/dev/null || true; psql "$server" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1; rm -rf "$work"' EXIT
case "$server" in *\?*) join='&' ;; *) join='?' ;; esac
db="${server}${join}options=-c%20search_path%3D${schema}"
local_db=$work/whole.deck.sqlite

(cd "$work" && "$bin" init plan >/dev/null)
plan=$work/plan.yaml

say "seed $seed, simulating $days days"
"$bin" simulate --plan "$plan" --from "$from" --days "$days" > "$work/events.jsonl"
lines=$(wc -l < "$work/events.jsonl")
head -n $((lines / 2)) "$work/events.jsonl" > "$work/first.jsonl"
tail -n +$((lines / 2 + 1)) "$work/events.jsonl" > "$work/second.jsonl"
say "$lines lines: halves of $(wc -l < "$work/first.jsonl") and $(wc -l < "$work/second.jsonl")"

start=$(date +%s%N)
"$bin" ingest --plan "$plan" --db "$local_db" "$work/first.jsonl" "$work/second.jsonl" > /dev/null
whole_ms=$(( ($(date +%s%N) - start) / 1000000 ))
say "one clean SQLite run took ${whole_ms} ms"

size=$(( $(wc -c < "$work/first.jsonl") + $(wc -c < "$work/second.jsonl") ))
stored_bytes() { psql "$db" -Atc "SELECT coalesce(sum(byte_offset), 0) FROM ingest_source" 2>/dev/null || echo 0; }
# Both halves at once, each killed at a random moment, $kills times; then both to the end.
for round in $(seq 1 "$kills"); do
  "$bin" ingest --plan "$plan" --db "$db" --commit-events 5000 "$work/first.jsonl" > "$work/first-$round.out" 2>&1 & a=$!
  "$bin" ingest --plan "$plan" --db "$db" --commit-events 5000 "$work/second.jsonl" > "$work/second-$round.out" 2>&1 & b=$!
  # Anywhere in what is left to store, so every round kills mid-stream.
  stored=$(stored_bytes)
  delay_ms=$(( 200 + RANDOM % (whole_ms * (size - stored) / size + 200) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$a" "$b" 2>/dev/null || true
  wait "$a" 2>/dev/null || true; wait "$b" 2>/dev/null || true
  for half in first second; do
    if grep -q "campaign-deck:" "$work/$half-$round.out"; then cat "$work/$half-$round.out"; fail "round $round: the $half half failed on its own"; fi
  done
  say "round $round: both killed after ${delay_ms} ms; stored offsets add up to $(stored_bytes) of $size bytes"
done
"$bin" ingest --plan "$plan" --db "$db" "$work/first.jsonl" > "$work/first-end.out" 2>&1 & a=$!
"$bin" ingest --plan "$plan" --db "$db" "$work/second.jsonl" > "$work/second-end.out" 2>&1 & b=$!
wait "$a" || { cat "$work/first-end.out"; fail "the first half's last run failed"; }
wait "$b" || { cat "$work/second-end.out"; fail "the second half's last run failed"; }
say "both halves stored to the end"

checks=0
same() { # DESCRIPTION COMMAND...: the command's output on the server equals it on the SQLite file
  local what=$1; shift
  "$@" --db "$db" > "$work/server.out" 2>&1 || { cat "$work/server.out"; fail "$what on the server"; }
  "$@" --db "$local_db" > "$work/local.out" 2>&1 || { cat "$work/local.out"; fail "$what on SQLite"; }
  diff "$work/local.out" "$work/server.out" > "$work/diff" || { head -20 "$work/diff"; fail "$what differs from one clean SQLite run"; }
  checks=$((checks + 1))
}
for by in channel segment campaign total; do same "kpi --by $by" "$bin" kpi --plan "$plan" --by "$by" --format json; done
same "kpi" "$bin" kpi --plan "$plan"
same "standup" "$bin" standup --plan "$plan"
same "the anomaly log" "$bin" anomalies list --plan "$plan" --format json
opened=$("$bin" anomalies list --plan "$plan" --format json --db "$local_db" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['anomalies']))")
[ "$opened" -ge 1 ] || fail "the clean run opened no anomaly: the stream has no incident to judge"
for id in $(seq 1 "$opened"); do same "anomaly $id's timeline" "$bin" anomalies show "$id" --plan "$plan" --format json; done
say "$opened anomalies, each with the same timeline"
first_day=$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['ts'][:10])" "$work/events.jsonl")
# Each day's report; on a long stream (DAYS=70) the first, the last and every tenth day.
for offset in $(seq 0 $((days - 1))); do
  if [ "$days" -gt 10 ] && [ "$offset" -ne 0 ] && [ "$offset" -ne $((days - 1)) ] && [ $((offset % 10)) -ne 0 ]; then continue; fi
  day=$(date -u -d "$first_day + $offset days" +%F)
  same "report for $day" "$bin" report --plan "$plan" --from "$day" --to "$day" --format json
done

# The KPIs are the events file's own (folded without any store), lines counted once.
"$bin" kpi --plan "$plan" --by total --format json "$work/events.jsonl" > "$work/file.json"
"$bin" kpi --plan "$plan" --by total --format json --db "$db" > "$work/server.json"
python3 - "$work/file.json" "$work/server.json" <<'PY' || fail "the server's KPIs are not the events file's"
import json, sys
a, b = (json.load(open(p))["rows"] for p in sys.argv[1:3])
if a != b:
    print("file:", a); print("server:", b); sys.exit(1)
PY
checks=$((checks + 1))
stored=$(psql "$db" -Atc "SELECT sum(byte_offset) FROM ingest_source")
[ "$stored" = "$size" ] || fail "stored offsets add up to $stored, the files to $size"
checks=$((checks + 1))
events=$(psql "$db" -Atc "SELECT sum(events) FROM ingest_source")
[ "$events" = "$lines" ] || fail "the sources count $events events, the stream has $lines lines"
checks=$((checks + 1))
say "PASS: $checks checks (two writers, $kills kills each, equal to one clean SQLite run and to the file)"
