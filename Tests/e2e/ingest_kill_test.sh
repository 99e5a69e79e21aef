#!/usr/bin/env bash
# Exactly-once ingest under SIGKILL (SPEC §8, issue 5).
#
# Ingests a simulated stream once without interruption, and once more into a
# second database while killing the ingest with SIGKILL at random moments and
# starting it again each time. Both databases must end identical: the metric
# history byte for byte, the alert anomalies with their timelines, and the
# offsets and counts per source. Meanwhile notes are written by hand into the
# killed database; every one of them must survive.
#
# Usage: Tests/e2e/ingest_kill_test.sh PATH/TO/campaign-deck
# Knobs: DAYS (default 5: the creative-fatigue incident; 18 covers all three
# scripted incidents) FROM (2026-04-07) KILLS (6) SEED (random; printed, so a
# failure can be replayed).
set -euo pipefail
bin=${1:?usage: ingest_kill_test.sh PATH/TO/campaign-deck}
days=${DAYS:-5} from=${FROM:-2026-04-07} kills=${KILLS:-6} seed=${SEED:-$RANDOM}
command -v python3 >/dev/null || { echo "ingest-kill: python3 is needed to compare the databases"; exit 1; }
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
events=$work/events.jsonl whole=$work/whole.deck.sqlite killed=$work/killed.deck.sqlite
RANDOM=$seed
echo "ingest-kill: seed $seed, simulating $days days from $from"
"$bin" simulate --from "$from" --days "$days" > "$events"
size=$(wc -c < "$events")
echo "ingest-kill: $(wc -l < "$events") lines, $size bytes"

# Small batches, so a kill lands between many commits.
ingest() { "$bin" ingest --db "$1" --commit-events 20000 "$events"; }
# (Started directly below, not through this function, so that $! is the ingest itself.)

start=$(date +%s%N)
ingest "$whole" > /dev/null
whole_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "ingest-kill: uninterrupted run took ${whole_ms} ms"

# A hand-opened anomaly in the killed database, to write notes on while ingest runs.
"$bin" anomalies --db "$killed" open --title "kill test notes" --author e2e > /dev/null
offset() { python3 - "$killed" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("SELECT coalesce(max(byte_offset), 0) FROM ingest_source").fetchone()
print(row[0])
PY
}
notes=0
for i in $(seq 1 "$kills"); do
  "$bin" ingest --db "$killed" --commit-events 20000 "$events" > "$work/run-$i.out" 2>&1 &
  pid=$!
  # Anywhere from the history replay at start-up to the end of what is left.
  left_ms=$(( whole_ms * (size - $(offset)) / size ))
  delay_ms=$(( 50 + RANDOM % (left_ms + 100) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  "$bin" anomalies --db "$killed" note 1 "note $i, written while ingest runs" --author e2e > /dev/null
  notes=$((notes + 1))
  kill -9 "$pid" 2>/dev/null && state=killed || state="had finished"
  wait "$pid" 2>/dev/null || true
  if [ "$state" != killed ] && ! grep -q "events from" "$work/run-$i.out"; then
    echo "FAIL ingest-kill: run $i failed on its own:"; cat "$work/run-$i.out"; exit 1
  fi
  echo "ingest-kill: run $i $state after ${delay_ms} ms; stored offset $(offset)"
done
ingest "$killed" > /dev/null
echo "ingest-kill: final run done"

# Everything but wall-clock times and the hand-written anomaly.
dump() { python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: [tuple(r) for r in db.execute(sql)]
print("leaves", q("SELECT id, channel, segment, campaign FROM leaf ORDER BY id"))
print("minutes", len(q("SELECT minute FROM metric_minute")), "events", q("SELECT sum(events) FROM metric_minute"))
for row in q("SELECT minute, events, hex(leaves) FROM metric_minute ORDER BY minute"): print("m", *row)
for row in q("SELECT id, title, opened_at, recovered_at, closed_at, rule, per, scope, metric, observed_value, threshold, severity, status FROM anomaly WHERE source = 'alert' ORDER BY opened_at, rule, scope"): print("a", *row[1:])
for row in q("SELECT a.rule, a.scope, n.at, n.author, n.kind, n.text FROM anomaly_note n JOIN anomaly a ON a.id = n.anomaly_id WHERE a.source = 'alert' ORDER BY a.opened_at, a.rule, a.scope, n.id"): print("n", *row)
for row in q("SELECT byte_offset, lines, events, rejected, skipped FROM ingest_source"): print("s", *row)
PY
}
dump "$whole" > "$work/whole.txt"
dump "$killed" > "$work/killed.txt"
status=0
if cmp -s "$work/whole.txt" "$work/killed.txt"; then
  echo "ingest-kill: identical: $(head -2 "$work/whole.txt" | tail -1), $(grep -c '^a ' "$work/whole.txt") alert anomalies"
else
  echo "FAIL ingest-kill: the killed-and-resumed database differs from the uninterrupted one (seed $seed)"
  diff "$work/whole.txt" "$work/killed.txt" | head -20
  status=1
fi
if "$bin" kpi --db "$whole" --format json > "$work/kpi-whole.json" 2>/dev/null; then
  for by in channel segment total; do
    a=$("$bin" kpi --db "$whole" --by "$by" --format json) b=$("$bin" kpi --db "$killed" --by "$by" --format json)
    [ "$a" == "$b" ] || { echo "FAIL ingest-kill: kpi --db --by $by differs"; status=1; }
  done
  [ $status -eq 0 ] && echo "ingest-kill: kpi --db reports agree"
fi
kept=$("$bin" anomalies --db "$killed" show 1 --format json | grep -c '"kind": "note"' || true)
if [ "$kept" -eq "$notes" ]; then echo "ingest-kill: all $notes notes written during the kills survived"
else echo "FAIL ingest-kill: $kept of $notes notes survived"; status=1; fi
exit $status
