#!/usr/bin/env bash
# Ingest at the edges (issue 11) on the real binary: a half-written last line
# (item 1), rotation and hard links (item 2), a file truncated while it is
# read (item 12), and SIGINT/SIGTERM ending `ingest --follow` while a producer
# writes faster than it reads (item 14).
# Usage: Tests/e2e/ingest_edges.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: ingest_edges.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
click() { printf '{"ts":"2026-03-02T10:00:00+08:00","type":"click","count":%d}\n' "$1"; }
clicks() { "$bin" kpi --db "$1" --by total --format csv | awk -F, 'NR == 2 { print $3 }'; }

# 1. The issue's reproduction: the producer is in the middle of line 2.
{ click 5; click 7 | head -c 45; } > f
out=$("$bin" ingest --db d1 f 2>&1)
grep -q "f: 1 events from 1 lines, 1 line pending" <<<"$out" && ok || fail "half line not pending: $out"
{ click 7 | tail -c +46; click 11; } >> f
out=$("$bin" ingest --db d1 f 2>&1)
[ "$(clicks d1)" = 23 ] && ok || fail "half line: $(clicks d1) clicks stored, want 23 ($out)"
grep -q rejected <<<"$out" && fail "half line: a line was rejected: $out" || ok
# --final takes it as it is.
{ click 1; click 2 | head -c 45; } > g
out=$("$bin" ingest --db d1 --final g 2>&1)
grep -q "g:2: invalid JSON: unexpected end of line at byte 46" <<<"$out" && ok || fail "--final: $out"

# 2. Rotation and a hard link: nothing counted twice.
for i in $(seq 100); do click 2; done > ev.jsonl
"$bin" ingest --db d2 ev.jsonl > /dev/null
for i in $(seq 10); do click 3; done >> ev.jsonl
mv ev.jsonl ev.jsonl.1
click 1000 > ev.jsonl
ln ev.jsonl.1 linked.jsonl
out=$("$bin" ingest --db d2 ev.jsonl.1 linked.jsonl ev.jsonl 2>&1)
[ "$(clicks d2)" = $((100 * 2 + 10 * 3 + 1000)) ] && ok || fail "rotation: $(clicks d2) clicks stored, want 1230 ($out)"
grep -q "ev.jsonl.1: 10 events from 10 lines, resumed after line 100" <<<"$out" && ok || fail "rotation: $out"

# 12. A file truncated while kpi, alerts and report read it: no SIGBUS, whatever was read is reported.
"$bin" simulate --days 8 > big.jsonl
for command in kpi alerts report; do
  for delay in 0.05 0.2 0.5; do
    cp big.jsonl shrinking.jsonl
    "$bin" $command shrinking.jsonl > /dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    truncate -s 1000 shrinking.jsonl
    wait "$pid"; status=$?
    [ "$status" -lt 128 ] && ok || fail "$command over a file truncated after ${delay}s died of signal $((status - 128))"
  done
done

# 14. SIGINT and SIGTERM end --follow after the batch in hand, with the summary,
# even while a producer appends faster than the ingest reads.
for sig in INT TERM; do
  for i in $(seq 2000); do click 1; done > live.jsonl
  ( blob=$(cat live.jsonl); end=$((SECONDS + 60)); while [ $SECONDS -lt $end ] && [ ! -e stop-writer ]; do printf '%s\n' "$blob" >> live.jsonl; done ) &
  writer=$!
  "$bin" ingest --db "d-$sig" --follow --commit-events 1000 live.jsonl > out.txt 2> err.txt &
  pid=$!
  sleep 2
  kill -s "$sig" "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    fail "SIG$sig did not end ingest --follow within 10 s"; kill -9 "$pid"
  fi
  wait "$pid"; status=$?
  touch stop-writer; wait "$writer"; rm -f stop-writer live.jsonl
  [ "$status" -eq 0 ] && ok || fail "SIG$sig: ingest --follow exited $status"
  grep -q "events from" out.txt && grep -q "stored in d-$sig" out.txt && ok || fail "SIG$sig: no summary: $(cat out.txt err.txt)"
done

echo "ingest-edges: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
