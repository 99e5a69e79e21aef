#!/usr/bin/env bash
# Spend forecasts and campaign targets on the real binary: a stream of 12
# days with seeded random daily spends and impressions, checked against an
# independent computation in Python (forecast_spend, forecast_burn,
# daily_spend and its 2x warning in `kpi`; the targets' actual, achievement,
# forecast and status in `report`, which agree with `kpi --by total`); a plan
# with broken targets exits 2 with FILE:LINE:COLUMN in English and Chinese;
# the stand-up lists the targets at risk; `T` in the dashboard opens the
# targets view at 80x24 and 200x60, in English and Chinese.
# Usage: Tests/e2e/targets.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: targets.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
session="${E2E_SESSION_PREFIX:-}deck-e2e-targets-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
source "$here/tmux_lib.sh"
cd "$work" || exit 1
export XDG_STATE_HOME="$work/state" CAMPAIGN_DECK_LANG=en

# 20 days (03-02…03-21) of one task; budget 20000, douyin 12000, search 6000.
cat > plan.yaml <<'YAML'
campaign: { id: t, name: Targets, timezone: Asia/Shanghai, start: 2026-03-02, budget: 20000, benchmarks: { cpa: 40 } }
channels:
  - { id: douyin, name: Douyin, kind: paid, budget: 12000 }
  - { id: search, name: Search, kind: paid, budget: 6000 }
phases:
  - { id: run, name: Run, weeks: 1-3 }
tasks:
  - { id: a, name: A, phase: run, days: 20 }
alerts:
  - { name: Overspend ahead, metric: forecast_burn, per: channel, above: 1.05, window: day }
targets:
  - { metric: impressions, target: 400000, by: 2026-03-21 }
  - { metric: ctr, at_least: 0.02 }
  - { metric: cpa, at_most: benchmark.cpa, min_volume: 10 }
  - { metric: spend, at_most: 19000, by: 2026-03-21 }
YAML

# The stream and the expected figures, from the same seeded draws: the
# last event is 03-13 13:59:30 +08:00, so as of 14:00 there are 8 days and
# 10 hours to 03-22 00:00 and the rate days are 03-10…03-12.
python3 - <<'PY'
import json, random
from datetime import datetime, timedelta, timezone
random.seed(17)
tz = timezone(timedelta(hours=8))
events, spend, imps, clicks, conv = [], {}, {}, 0, 0
for d in range(2, 14):
    day = datetime(2026, 3, d, tzinfo=tz)
    for ch in ("douyin", "search"):
        s = round(random.uniform(200, 700), 2)
        if d == 13 and ch == "douyin": s = 1300.55   # over 2 x 12000 / 20 = 1200
        i = random.randint(10000, 30000); c = random.randint(150, 600); v = random.randint(1, 8)
        hour = 13 if d == 13 else 10
        ts = lambda h, m=0: (day + timedelta(hours=h, minutes=m)).isoformat()
        events += [{"ts": ts(9), "type": "impression", "channel": ch, "count": i},
                   {"ts": ts(9, 30), "type": "click", "channel": ch, "count": c},
                   {"ts": ts(hour), "type": "spend", "channel": ch, "amount": s},
                   {"ts": ts(11), "type": "conversion", "channel": ch, "count": v, "amount": 50}]
        spend[(d, ch)] = s; imps[d] = imps.get(d, 0) + i; clicks += c; conv += v
events.append({"ts": datetime(2026, 3, 13, 13, 59, 30, tzinfo=tz).isoformat(), "type": "click", "channel": "douyin", "count": 0})
with open("events.jsonl", "w") as f:
    for e in events: f.write(json.dumps(e) + "\n")
left = 8 + 10 / 24
budgets = {"douyin": 12000, "search": 6000}
exp = {}
for ch in ("douyin", "search"):
    to_date = sum(v for (d, c), v in spend.items() if c == ch)
    recent = sum(spend[(d, ch)] for d in (10, 11, 12))
    f = to_date + recent / 3 * left
    exp[ch] = {"forecast_spend": f, "forecast_burn": f / budgets[ch], "daily_spend": spend[(13, ch)],
               "daily_spend_over": spend[(13, ch)] > 2 * budgets[ch] / 20}
total = sum(spend.values()); recent = sum(v for (d, c), v in spend.items() if d in (10, 11, 12))
ftotal = total + recent / 3 * left
imp_total = sum(imps.values()); imp_rate = sum(imps[d] for d in (10, 11, 12)) / 3
ctr, cpa = clicks / imp_total, total / conv
targets = [
    {"metric": "impressions", "actual": imp_total, "achievement": imp_total / 400000,
     "forecast": imp_total + imp_rate * left, "status": "on_track" if imp_total + imp_rate * left >= 400000 else "at_risk"},
    {"metric": "ctr", "actual": ctr, "achievement": ctr / 0.02, "forecast": ctr, "status": "on_track" if ctr >= 0.02 else "at_risk"},
    {"metric": "cpa", "actual": cpa, "achievement": 40 / cpa, "forecast": cpa, "status": "on_track" if cpa <= 40 else "at_risk"},
    {"metric": "spend", "actual": total, "achievement": 19000 / total, "forecast": ftotal,
     "status": "on_track" if ftotal <= 19000 else "at_risk"},
]
json.dump({"channels": exp, "total_forecast": ftotal, "targets": targets}, open("expected.json", "w"))
PY

# near NAME GOT WANT: equal to 1e-6 relative.
near() { python3 -c "import sys; g, w = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if abs(g - w) <= 1e-6 * max(1, abs(w)) else 1)" "$2" "$3" \
  && ok || fail "$1: got $2, want $3"; }
field() { python3 -c "import json, sys; print(eval(sys.argv[2], {'d': json.load(open(sys.argv[1]))}))" "$1" "$2"; }

"$bin" plan validate plan.yaml >/dev/null 2>&1 && ok || fail "plan validate plan.yaml"
"$bin" kpi --plan plan.yaml --by channel --window campaign --format json events.jsonl > kpi.json || fail "kpi json"
for ch in douyin search; do
  row="[r for r in d['rows'] if r['key'] == '$ch'][0]"
  for key in forecast_spend forecast_burn daily_spend; do
    near "$ch $key" "$(field kpi.json "$row['$key']")" "$(field expected.json "d['channels']['$ch']['$key']")"
  done
  [ "$(field kpi.json "$row['daily_spend_over']")" = "$(field expected.json "d['channels']['$ch']['daily_spend_over']")" ] \
    && ok || fail "$ch daily_spend_over"
done
"$bin" kpi --plan plan.yaml --by channel --window campaign events.jsonl > kpi.txt
grep -E '^douyin .* 1,?300\.55 !$' kpi.txt >/dev/null && ok || fail "kpi table marks douyin's day: $(cat kpi.txt)"
grep -q '^!: the day has spent more than 2× its share of the budget (budget / 20 campaign days)' kpi.txt && ok || fail "kpi table note"
"$bin" kpi --plan plan.yaml --by total --window campaign --format json events.jsonl > total.json
near "total forecast_spend" "$(field total.json "d['rows'][0]['forecast_spend']")" "$(field expected.json "d['total_forecast']")"

"$bin" report --plan plan.yaml --format json events.jsonl > report.json || fail "report json"
for i in 0 1 2 3; do
  for key in actual achievement forecast; do
    near "target $i $key" "$(field report.json "d['targets'][$i]['$key']")" "$(field expected.json "d['targets'][$i]['$key']")"
  done
  [ "$(field report.json "d['targets'][$i]['status']")" = "$(field expected.json "d['targets'][$i]['status']")" ] \
    && ok || fail "target $i status"
done
# The same actual as `kpi --by total`.
for pair in "0 impressions" "1 ctr" "2 cpa" "3 spend"; do
  set -- $pair
  near "report = kpi: $2" "$(field report.json "d['targets'][$1]['actual']")" "$(field total.json "d['rows'][0]['$2']")"
done
"$bin" report --plan plan.yaml --format csv events.jsonl | grep -q '^target_forecast,spend,2026-03-21,' && ok || fail "report csv"
"$bin" report --plan plan.yaml --format markdown events.jsonl | grep -q '^## Campaign targets' && ok || fail "report markdown"
"$bin" report --plan plan.yaml --lang zh events.jsonl | grep -q '^活动目标$' && ok || fail "report in Chinese"
"$bin" plan show plan.yaml | grep -q '^  cpa ≤ 40 (benchmark.cpa)$' && ok || fail "plan show"

# The stand-up from the stored history names the targets at risk.
"$bin" ingest --plan plan.yaml --db t.sqlite events.jsonl >/dev/null 2>&1 || fail "ingest"
"$bin" standup --plan plan.yaml --db t.sqlite --date 2026-03-13 > standup.md || fail "standup"
for i in 0 1 2 3; do
  metric=$(field expected.json "d['targets'][$i]['metric']")
  status=$(field expected.json "d['targets'][$i]['status']")
  listed=$(grep -c "^- campaign target $metric:" standup.md)
  { [ "$status" = at_risk ] && [ "$listed" = 1 ]; } || { [ "$status" = on_track ] && [ "$listed" = 0 ]; } \
    && ok || fail "standup lists $metric ($status) $listed times"
done

# Broken targets: every problem at its place, exit 2, in both languages.
cat > broken.yaml <<'YAML'
campaign: { id: b, name: B, start: 2026-03-02, budget: 10, benchmarks: { cpa: 45 } }
targets:
  - { metric: cac, at_most: benchmark.cpa }
  - { metric: impresions, target: 5 }
  - { metric: cpa, at_most: benchmark.cpc, by: 2026-13-01 }
YAML
"$bin" plan validate broken.yaml > broken.out 2>&1; rc=$?
[ "$rc" = 2 ] && ok || fail "broken plan exits $rc"
grep -q "^broken.yaml:3:15: .*'cac' is not a KPI" broken.out && ok || fail "cac: $(cat broken.out)"
grep -q "^broken.yaml:4:15: unknown metric 'impresions' in target 2 in 'targets' (did you mean 'impressions'?)" broken.out \
  && ok || fail "unknown metric"
grep -q "^broken.yaml:5:29: target 3 in 'targets' names benchmark 'cpc'" broken.out && ok || fail "benchmark"
grep -q "^broken.yaml:5:48: 'by' in target 3" broken.out && ok || fail "bad date"
"$bin" plan validate broken.yaml --lang zh > broken.zh 2>&1
grep -q "^broken.yaml:3:15: 'targets' 中的第 1 个目标：'cac' 不是可用指标" broken.zh && ok || fail "Chinese: $(cat broken.zh)"
# Quoted plan syntax aside, no English interface word.
sed "s/'[^']*'/''/g" broken.zh > broken.unquoted
found=$(python3 "$here/english_words.py" broken.unquoted broken.yaml)
[ -z "$found" ] && ok || fail "English in the Chinese messages: $found"
"$bin" report --plan plan.yaml --lang zh events.jsonl > report.zh
# The economics tables' row keys ('total', '(none)') are data keys, written as JSON writes them.
echo "total none" > keys.known
found=$(python3 "$here/english_words.py" report.zh plan.yaml keys.known)
[ -z "$found" ] && ok || fail "English in the Chinese report: $found"

# The dashboard: KPI pane (3), then T.
start() { # start COLUMNS ROWS LANG
  tmux kill-session -t "$session" 2>/dev/null
  tmux new-session -d -s "$session" -x "$1" -y "$2" -c "$work" \
    "env XDG_STATE_HOME='$work/state' CAMPAIGN_DECK_LANG=$3 TERM=xterm-256color '$bin' plan.yaml --events events.jsonl"
}
start 80 24 en
expect "dashboard at 80x24" "3 KPIs" 20
keys 3; keys T
expect "targets view" "Campaign targets" 5
expect_row "impressions row" "│ impressions +[0-9]+ +400000 "
expect_row "cpa row at 80 columns" "│ cpa .*≤ 40.00 .*(at risk|on track)"
keys Escape
if wait_for "Campaign targets" 1; then fail "Esc did not close the view"; else ok; fi
start 200 60 zh
expect "dashboard at 200x60" "3 指标" 20
keys 3; keys T
expect "targets view in Chinese" "活动目标" 5
expect_row "benchmark named when there is room" "CPA .*≤ 40.00 \(benchmark.cpa\)"

echo "targets: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
