#!/usr/bin/env bash
# The weekly promotion report (`report --week`, `--from --to`) against sums
# Python makes itself from the simulated JSON lines (its own time-zone
# arithmetic, its own Decimal money), over event files and over a database;
# the anomalies opened in the week against `alerts`; a week boundary at
# Sunday midnight in Asia/Shanghai; the errors; CSV's byte-order mark; and
# the Chinese Markdown checked for English interface words.
# Usage: Tests/e2e/week_report.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: week_report.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

"$bin" init spring >/dev/null
python3 "$here/pinned_plan.py" spring.yaml   # the one CTR anomaly of W15 these checks count
# Three weeks, 2026-W14…W16: the creative-fatigue incident (douyin CTR, 04-09) falls in W15.
"$bin" simulate --plan spring.yaml --from 2026-03-30 --days 21 > events.jsonl

# compare REPORT.json FIRST LAST: every channel's and the total's sums for the
# period and the period just before, computed here from events.jsonl.
compare() { python3 - "$@" <<'PY'
import json, sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo
report, first, last = json.load(open(sys.argv[1])), date.fromisoformat(sys.argv[2]), date.fromisoformat(sys.argv[3])
length = (last - first).days + 1
before = (first - timedelta(days=length), first - timedelta(days=1))
zone = ZoneInfo("Asia/Shanghai")
field = {"impression": "impressions", "click": "clicks", "conversion": "conversions", "reach": "reach", "participation": "participants"}
sums = {}  # (period, channel) -> metric -> value
for line in open("events.jsonl", encoding="utf-8"):
    e = json.loads(line)
    ts = e["ts"]
    t = datetime.fromtimestamp(ts / 1000, timezone.utc) if isinstance(ts, int) else datetime.fromisoformat(ts)
    day = t.astimezone(zone).date()
    period = "now" if first <= day <= last else "before" if before[0] <= day <= before[1] else None
    if period is None:
        continue
    for channel in (e.get("channel", "(none)"), "total"):
        s = sums.setdefault((period, channel), {m: 0 for m in field.values()} | {"spend": Decimal(0), "revenue": Decimal(0)})
        if e["type"] in field:
            s[field[e["type"]]] += e.get("count", 1)
        if e["type"] == "spend":
            s["spend"] += Decimal(str(e.get("amount", 0)))
        if e["type"] == "conversion":
            s["revenue"] += Decimal(str(e.get("amount", 0)))
bad = checked = 0
rows = {(r["scope"] if r["scope_kind"] != "total" else "total", r["metric"]): r for r in report["rows"] if r["scope_kind"] in ("channel", "total")}
for (period, channel), s in sums.items():
    key = "value" if period == "now" else "previous"
    for metric, expected in s.items():
        got = rows[(channel, metric)][key]
        if Decimal(str(got)) != Decimal(expected):
            bad += 1; print(f"{period} {channel} {metric}: report {got}, events {expected}")
        checked += 1
    if s["impressions"] and channel != "total":
        ctr = s["clicks"] / s["impressions"]
        if abs(rows[(channel, "ctr")][key] - ctr) > 1e-12:
            bad += 1; print(f"{period} {channel} ctr: report {rows[(channel, 'ctr')][key]}, events {ctr}")
        checked += 1
for channel in {c for (_, c) in sums}:
    now, was = sums.get(("now", channel)), sums.get(("before", channel))
    if now and was and was["clicks"]:
        change = (now["clicks"] - was["clicks"]) / was["clicks"]
        if abs(rows[(channel, "clicks")]["change"] - change) > 1e-12:
            bad += 1; print(f"{channel} clicks change: report {rows[(channel, 'clicks')]['change']}, events {change}")
        checked += 1
changes = [abs(r["change"]) for r in report["rows"] if r["change"] is not None]
if changes != sorted(changes, reverse=True):
    bad += 1; print("rows are not largest move first")
print(f"{checked} figures checked, {bad} wrong")
sys.exit(1 if bad or checked < 50 else 0)
PY
}

# 1. A week over event files: per-channel sums as Python makes them.
"$bin" report --plan spring.yaml --week 2026-W15 --format json events.jsonl > w15.json 2> w15.err
out=$(compare w15.json 2026-04-06 2026-04-12) && ok || fail "2026-W15 over files: $out $(cat w15.err)"
# 2. Without a value: the last complete week of the data. It ends on Sunday 04-19, which may still be
#    arriving, so that is W15 — the same report byte for byte.
"$bin" report --plan spring.yaml --week --format json events.jsonl > last.json
cmp -s last.json w15.json && ok || fail "--week without a value is not 2026-W15: $(head -c 300 last.json)"
# 3. --from/--to, three days against the three before.
"$bin" report --plan spring.yaml --from 2026-04-08 --to 2026-04-10 --format json events.jsonl > range.json
out=$(compare range.json 2026-04-08 2026-04-10) && ok || fail "--from/--to: $out"
python3 -c 'import json,sys; p=json.load(open("range.json"))["previous_period"]; sys.exit(0 if (p["from"], p["to"], p["week"]) == ("2026-04-05", "2026-04-07", None) else 1)' \
  && ok || fail "the previous period of 04-08…04-10: $(head -c 300 range.json)"

# 4. The anomalies opened in W15 are the firings `alerts` reports in that week.
"$bin" alerts --plan spring.yaml events.jsonl > alerts.jsonl
python3 - <<'PY' && ok || fail "anomalies of W15 against alerts"
import json, sys
firings = [json.loads(l) for l in open("alerts.jsonl")]
firings = [(a["rule"], a["scope"], a["at"]) for a in firings if a["to"] == "firing" and "2026-04-06" <= a["at"][:10] <= "2026-04-12"]
report = json.load(open("w15.json"))
listed = [(a["rule"], a["scope"], a["opened_at"]) for a in report["anomalies"]]
row = [r for r in report["rows"] if r["scope"] == "douyin" and r["metric"] == "ctr"][0]
good = listed == firings and len(firings) >= 1 and [a["rule"] for a in row["anomalies"]] == ["CTR below 1%"] \
    and all(a["cause"] is None and a["id"] is None for a in report["anomalies"])
print(listed, firings, row["anomalies"]) if not good else None
sys.exit(0 if good else 1)
PY

# 5. Over a database: the same figures, and the anomaly log's cause and action.
"$bin" ingest --plan spring.yaml --db spring.sqlite events.jsonl > /dev/null 2>&1
"$bin" anomalies resolve --plan spring.yaml --db spring.sqlite 1 --cause "creative fatigue" --action "new creative" --author qa > /dev/null
"$bin" report --plan spring.yaml --db spring.sqlite --week 2026-W15 --format json > db.json 2> db.err
out=$(compare db.json 2026-04-06 2026-04-12) && ok || fail "2026-W15 over the database: $out $(cat db.err)"
python3 - <<'PY' && ok || fail "the database's anomaly in W15: $(head -c 400 db.json)"
import json, sys
report = json.load(open("db.json"))
row = [r for r in report["rows"] if r["scope"] == "douyin" and r["metric"] == "ctr"][0]
a = row["anomalies"]
sys.exit(0 if len(a) == 1 and (a[0]["id"], a[0]["status"], a[0]["cause"], a[0]["action"]) == (1, "resolved", "creative fatigue", "new creative") else 1)
PY

# The log's anomalies of the week are those judged over the files (same rule, scope, opening and recovery).
python3 - <<'PY' && ok || fail "anomalies over the database and over the files differ"
import json, sys
key = lambda a: (a["rule"], a["per"], a["scope"], a["metric"], a["opened_at"], a["recovered_at"])
files, db = [list(map(key, json.load(open(f))["anomalies"])) for f in ("w15.json", "db.json")]
print(files, db) if files != db else None
sys.exit(0 if files == db and files else 1)
PY

# 6. The week boundary in the campaign zone: Sunday 23:30 is that week, Monday 00:10 the next.
cat > edge.jsonl <<'EOF'
{"ts":"2026-03-01T23:59:00+08:00","type":"impression","channel":"douyin","count":5}
{"ts":"2026-03-08T23:30:00+08:00","type":"impression","channel":"douyin","count":7}
{"ts":"2026-03-09T00:10:00+08:00","type":"impression","channel":"douyin","count":11}
EOF
row() { python3 -c 'import json,sys; r=[r for r in json.load(sys.stdin)["rows"] if r["scope"]=="douyin" and r["metric"]=="impressions"][0]; print(r["value"], r["previous"], r["change"])'; }
[ "$("$bin" report --plan spring.yaml --week 2026-W10 --format json edge.jsonl | row)" = "7 5 0.4" ] && ok || fail "W10 boundary"
[ "$("$bin" report --plan spring.yaml --week 2026-W11 --format json edge.jsonl | row)" = "11 7 0.5714285714285714" ] && ok || fail "W11 boundary"
# A week with no week before it in the data: no change, not 0 %.
[ "$("$bin" report --plan spring.yaml --week 2026-W09 --format json edge.jsonl | row)" = "5 None None" ] && ok || fail "no previous data"

# 7. Errors: what and where, exit 2, nothing on standard output.
refuses() { # refuses EXPECTED_STDERR ARGS...
  local expected=$1; shift
  "$bin" report --plan spring.yaml "$@" > err.out 2> err.err; local status=$?
  [ "$status" = 2 ] && [ ! -s err.out ] && [ "$(head -1 err.err)" = "$expected" ] && ok || fail "$* → $status: $(cat err.err)"
}
refuses "campaign-deck: there is no week '2026-W60': 2026 has 53 ISO weeks (--week)" --week 2026-W60 edge.jsonl
refuses "campaign-deck: '2026W10' is not an ISO week: write it like 2026-W10 (--week)" --week 2026W10 edge.jsonl
refuses "campaign-deck: --week and --from/--to both choose the period; give one or the other (--week)" --week 2026-W10 --from 2026-03-02 --to 2026-03-03 edge.jsonl
refuses "campaign-deck: --from 2026-03-09 is after --to 2026-03-01 (--from)" --from 2026-03-09 --to 2026-03-01 edge.jsonl
refuses "campaign-deck: no events in 2026-W30 (2026-07-20 to 2026-07-26); the data runs from 2026-03-01 to 2026-03-09 (--week)" --week 2026-W30 edge.jsonl
refuses "campaign-deck: no events: the report needs data to find its period (--week)" --week /dev/null
# 2026 has 53 ISO weeks: W53 is a week (with no data here, so refused for that, not for its number).
refuses "campaign-deck: no events in 2026-W53 (2026-12-28 to 2027-01-03); the data runs from 2026-03-01 to 2026-03-09 (--week)" --week 2026-W53 edge.jsonl

# 8. CSV: a byte-order mark in a file, none in a pipe; the headers.
"$bin" report --plan spring.yaml --week 2026-W15 --format csv events.jsonl > w15.csv
[ "$(head -c 3 w15.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok || fail "CSV in a file has a BOM"
"$bin" report --plan spring.yaml --week 2026-W15 --format csv events.jsonl | head -1 > header.csv
[ "$(cat header.csv)" = "scope_kind,scope,metric,value,previous,change,change_points,anomalies,causes,actions" ] \
  && ok || fail "CSV header in a pipe: $(od -c header.csv | head -2)"

# 9. Chinese Markdown, as pasted into WeCom: Chinese headings, no English interface word
#    (the plan's ids, names and rule names are data).
"$bin" report --plan spring.yaml --week 2026-W15 --format markdown --lang zh events.jsonl > zh.md
"$bin" report --plan spring.yaml --week 2026-W15 --format markdown events.jsonl > en.md
grep -q '^# 推广周报：' zh.md && grep -q '^## 本期新开的异常' zh.md && grep -q '^# Weekly promotion report: ' en.md \
  && ok || fail "Markdown headings: $(head -1 zh.md) / $(head -1 en.md)"
{ cat spring.yaml; echo "(none)"; } > known.txt
words=$(python3 "$here/english_words.py" zh.md known.txt)
[ -z "$words" ] && ok || fail "English words in the Chinese Markdown: $words"
python3 - <<'PY' && ok || fail "the Markdown table has a row for every JSON row"
import json, sys
rows = json.load(open("w15.json"))["rows"]
table = [l for l in open("zh.md", encoding="utf-8") if l.startswith("| ") and "---" not in l][1:]
sys.exit(0 if len(table) == len(rows) > 0 else 1)
PY

echo "week_report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
