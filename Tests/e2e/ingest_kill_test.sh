#!/usr/bin/env bash
# Exactly-once ingest under SIGKILL (issue 5; issue 11).
#
# Ingests a simulated stream once without interruption, and once more into a
# second database while it is being written: before each run more of the
# stream is appended, cut in the middle of a line (so every run meets a
# half-written last line), the ingest is killed with SIGKILL at a random
# moment, and once, half way, the file is rotated (renamed to .1, and the
# stream goes on in a new file; both are ingested from then on). Both
# databases must end identical: the metric history byte for byte, the alert
# anomalies with their timelines, and the offsets and counts per source.
# Meanwhile notes are written by hand into the killed database; every one of
# them must survive.
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

# Where the stream is cut: the rotation at a line break about half way, and one
# cut per run in the middle of a line (never right after a line break).
read -r rotation cuts < <(python3 - "$events" "$kills" "$seed" <<'PY'
import random, sys
data = open(sys.argv[1], "rb").read()
kills, rng = int(sys.argv[2]), random.Random(int(sys.argv[3]))
rotation = data.index(b"\n", len(data) * 2 // 5) + 1
cuts = set()
while len(cuts) < kills:
    if not cuts:  # at least one run before the rotation
        c = rng.randrange(1, rotation)
        if data[c - 1] != 0x0A:
            cuts.add(c)
        continue
    c = rng.randrange(1, len(data))
    if data[c - 1] != 0x0A and c != rotation:
        cuts.add(c)
print(rotation, *sorted(cuts))
PY
)
echo "ingest-kill: rotation at byte $rotation; runs see the stream cut at bytes $cuts"

# The finished files, for the uninterrupted run: before the rotation (.1) and after.
mkdir "$work/whole" "$work/live"
head -c "$rotation" "$events" > "$work/whole/events.jsonl.1"
tail -c +"$((rotation + 1))" "$events" > "$work/whole/events.jsonl"
# Small batches, so a kill lands between many commits.
start=$(date +%s%N)
"$bin" ingest --db "$whole" --commit-events 20000 "$work/whole/events.jsonl.1" "$work/whole/events.jsonl" > /dev/null
whole_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "ingest-kill: uninterrupted run took ${whole_ms} ms"

# The producer: appends the stream up to byte $1, rotating when it passes the rotation point.
written=0
live=$work/live/events.jsonl
produce() {
  local to=$1
  if [ "$written" -lt "$rotation" ] && [ "$to" -ge "$rotation" ]; then
    dd if="$events" iflag=skip_bytes,count_bytes skip="$written" count=$((rotation - written)) status=none >> "$live"
    mv "$live" "$live.1"
    : > "$live"
    written=$rotation
    echo "ingest-kill: rotated at byte $rotation"
  fi
  dd if="$events" iflag=skip_bytes,count_bytes skip="$written" count=$((to - written)) status=none >> "$live"
  written=$to
}
live_files() { if [ -e "$live.1" ]; then echo "$live.1" "$live"; else echo "$live"; fi; }

# A hand-opened anomaly in the killed database, to write notes on while ingest runs.
"$bin" anomalies --db "$killed" open --title "kill test notes" --author e2e > /dev/null
offset() { python3 - "$killed" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("SELECT coalesce(sum(byte_offset), 0) FROM ingest_source").fetchone()
print(row[0])
PY
}
notes=0
i=0
for cut in $cuts; do
  i=$((i + 1))
  produce "$cut"
  # shellcheck disable=SC2046 # one or two file names
  "$bin" ingest --db "$killed" --commit-events 20000 $(live_files) > "$work/run-$i.out" 2>&1 &
  pid=$!
  # Anywhere from the history replay at start-up to the end of what is left.
  left_ms=$(( whole_ms * (written - $(offset)) / size ))
  delay_ms=$(( 50 + RANDOM % (left_ms + 100) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  "$bin" anomalies --db "$killed" note 1 "note $i, written while ingest runs" --author e2e > /dev/null
  notes=$((notes + 1))
  kill -9 "$pid" 2>/dev/null && state=killed || state="had finished"
  wait "$pid" 2>/dev/null || true
  if [ "$state" != killed ] && ! grep -q "events from" "$work/run-$i.out"; then
    echo "FAIL ingest-kill: run $i failed on its own:"; cat "$work/run-$i.out"; exit 1
  fi
  echo "ingest-kill: run $i $state after ${delay_ms} ms, with $written bytes written; stored offsets add up to $(offset)"
  if [ "$written" -lt "$rotation" ] && { [ "$i" -eq "$kills" ] || [ "$(echo $cuts | cut -d' ' -f$((i + 1)))" -gt "$rotation" ]; }; then
    # The last run before the rotation is not killed: it stores everything up
    # to the half-written last line, which the producer finishes in the file
    # that is then renamed, so the next run must resume it under its new name.
    # shellcheck disable=SC2046
    "$bin" ingest --db "$killed" --commit-events 20000 $(live_files) > "$work/run-$i-whole.out" 2>&1
    grep -q ", 1 line pending" "$work/run-$i-whole.out" \
      || { echo "FAIL ingest-kill: no pending line before the rotation:"; cat "$work/run-$i-whole.out"; exit 1; }
    echo "ingest-kill: run $i again, to the end: stored offsets add up to $(offset), 1 line pending"
  fi
done
produce "$size"
# shellcheck disable=SC2046
"$bin" ingest --db "$killed" --commit-events 20000 $(live_files) > /dev/null
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
for row in q("SELECT byte_offset, lines, events, rejected, skipped FROM ingest_source ORDER BY byte_offset, lines"): print("s", *row)
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
