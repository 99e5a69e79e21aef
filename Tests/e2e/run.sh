#!/usr/bin/env bash
# End-to-end checks of the real binary, as a user at a shell would run it.
# Usage: Tests/e2e/run.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: run.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0

check() { # check NAME EXPECTED_STATUS COMMAND...; output in $out
  local name=$1 expected=$2; shift 2
  out=$("$@" 2>&1); local status=$?
  if [ "$status" -eq "$expected" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $name: exit $status, wanted $expected"; echo "$out" | head -20; fi
}
contains() { # contains NAME TEXT: the last output contains TEXT
  if grep -qF -- "$2" <<<"$out"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: output lacks '$2'"; echo "$out" | head -20; fi
}

check "init" 0 "$bin" init spring
contains "init says what it wrote" "wrote spring.yaml"
check "validate the new plan" 0 "$bin" plan validate spring.yaml
check "init refuses to overwrite" 2 "$bin" init spring
contains "one-line error" "campaign-deck: cannot create plan: it already exists (spring.yaml)"
check "schedule" 0 "$bin" plan schedule spring.yaml --today 2026-04-20
# Parallel critical tasks are on separate chains, one per line, never one list.
contains "critical paths counted" "critical paths: 2 in parallel"
contains "first critical chain" "  launch-event → warmup → community-ops → data-review → final-report → close"
contains "second critical chain" "  creative → data-review → final-report → close"
contains "campaign length" "2026-03-02 → 2026-05-05 (65 days)"
contains "late tasks named with what they block" "late: kol-seeding by 1d (blocks data-review, final-report, close)"

# A planner's typo: the owner key misspelt and a dependency on a task that does not exist.
sed -e 's/^    owner: 推广组$/    ownr: 推广组/' -e 's/after: \[kickoff\]/after: [kickof]/' spring.yaml > typo.yaml
check "typos are bad input" 2 "$bin" plan validate typo.yaml
contains "unknown key with suggestion" "unknown key 'ownr' in task 'creative' (did you mean 'owner'?)"
contains "unknown dependency with suggestion" "unknown task 'kickof' in 'after' of task 'segment-analysis' (did you mean 'kickoff'?)"

# Garbage instead of a plan: binary bytes, then text that is not YAML at all.
head -c 4096 /dev/urandom > garbage.yaml
check "binary garbage" 2 "$bin" plan validate garbage.yaml
printf '{{{{ ]]]\n' > broken.yaml
check "not YAML" 2 "$bin" plan validate broken.yaml
contains "position given" "broken.yaml:1:"

check "json schedule parses" 0 bash -c "'$bin' plan schedule spring.yaml --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"project_end\"]==\"2026-05-05\", d[\"project_end\"]'"
check "mermaid export" 0 "$bin" plan export spring.yaml --to mermaid
contains "mermaid gantt" "gantt"
# The simulated demo campaign fires its three scripted incidents and nothing else;
# creative fatigue on douyin is caught by the fixed rule and, earlier, by the baseline rule.
"$bin" simulate --days 70 > demo.jsonl
check "alerts over 70 simulated days" 0 "$bin" alerts demo.jsonl
firing=$(grep '"to": "firing"' <<<"$out" | sed -E 's/.*"rule": "([^"]*)".*"scope": "([^"]*)".*/\1 [\2]/' | sort | tr '\n' ';')
if [ "$firing" = "CPA 30% over benchmark [search];CTR below 1% [douyin];CTR far below usual [douyin];Community DAU below 20% [total];" ]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL scripted incidents: $firing"; fi

# Garbage in the stream: counted and named, the good lines still add up.
{ head -1000 demo.jsonl; printf '{"ts": broken\n\x00\xff\xfe garbage\n\n'; sed -n 1001,2000p demo.jsonl; } > mixed.jsonl
check "kpi over a stream with garbage" 0 "$bin" kpi --by total --format csv mixed.jsonl
contains "rejections reported" "3 lines rejected, 2000 events accepted"

# Output that cannot be written is a failure, said once (issue 11, item 17);
# a reader that stops early (`| head -1`) ends the command quietly with exit 0.
if [ -w /dev/full ]; then
  check "kpi to a full disk fails" 1 bash -c "'$bin' kpi --by total mixed.jsonl > /dev/full"
  contains "kpi says why" "campaign-deck: cannot write output: No space left on device (standard output)"
  check "plan export to a full disk fails" 1 bash -c "'$bin' plan export spring.yaml --to csv > /dev/full"
  contains "export says why" "campaign-deck: cannot write output: No space left on device (standard output)"
  check "segment csv to a full disk fails" 1 bash -c "'$bin' segment demo --format csv > /dev/full"
fi
check "a closed pipe ends quietly" 0 bash -c "set -o pipefail; '$bin' segment demo --format csv | head -1 > /dev/null"
if [ -n "$out" ]; then failed=$((failed + 1)); echo "FAIL closed pipe said: $out"; else passed=$((passed + 1)); fi
check "simulate into a closed pipe ends quietly" 0 bash -c "set -o pipefail; '$bin' simulate --days 3 | head -1 > /dev/null"

# A mistyped --db is refused by commands that only read, and not created (item 18).
check "kpi on a missing database" 2 "$bin" kpi --db nope.db
contains "kpi names the missing database" "campaign-deck: no database at nope.db (--db)"
check "anomalies on a missing database" 2 "$bin" anomalies --db typo.db list
if [ -e nope.db ] || [ -e typo.db ]; then failed=$((failed + 1)); echo "FAIL a missing database was created"; else passed=$((passed + 1)); fi

# A resolution made by mistake is undone: reopening puts the anomaly back as it was.
check "open an anomaly by hand" 0 "$bin" anomalies --db log.sqlite open --title "supplier delay" --author ana
check "acknowledge it with an owner" 0 "$bin" anomalies --db log.sqlite ack 1 --owner 王芳 --author bo
check "resolve it by mistake" 0 "$bin" anomalies --db log.sqlite resolve 1 --cause "wrong one" --author bo
check "reopen it" 0 "$bin" anomalies --db log.sqlite reopen 1 --author carl
contains "reopen says what it is again" "anomaly 1 reopened; acknowledged again, owner 王芳: supplier delay"
check "show the reopened anomaly" 0 "$bin" anomalies --db log.sqlite show 1
contains "acknowledged again" "  status     acknowledged"
contains "the owner stays" "  owner      王芳"
contains "the mistaken resolution stays in the timeline" "wall   bo: · resolved; cause: wrong one"
contains "who reopened it, on the wall clock" "wall   carl: · reopened; acknowledged again"
if grep -q "^  cause " <<<"$out"; then failed=$((failed + 1)); echo "FAIL the mistaken cause is still shown as the resolution"; else
  passed=$((passed + 1)); fi
check "reopening an anomaly that is not resolved" 2 "$bin" anomalies --db log.sqlite reopen 1
contains "says why" "campaign-deck: anomaly 1 is not resolved; there is nothing to reopen (anomaly 1)"

check "usage error exits 2" 2 "$bin" plan frobnicate spring.yaml
check "help" 0 "$bin" --help

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
