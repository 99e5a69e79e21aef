#!/usr/bin/env bash
# Ad-platform report files (`ingest --source`, `watch --source --follow`): Python writes a GB18030 report
# with Chinese headers (48 hours × 2 channels), `ingest --db --source` stores
# it and `kpi --by channel` equals Python's sums; Python rewrites the report
# with some hours changed and one added, and the totals equal the new file's
# sums (never the old and new added up); the same file a third time changes
# nothing. Also: a bad row is rejected with FILE:LINE, the good rows kept.
# Usage: Tests/e2e/report_files.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: report_files.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

cat > plan.yaml <<'YAML'
campaign: { id: r, name: R, timezone: Asia/Shanghai, start: 2026-03-02, budget: 100000 }
phases:
  - { id: run, name: Run, weeks: 1-4 }
tasks:
  - { id: a, name: A, phase: run, days: 10 }
sources:
  - { id: platform-hourly, format: csv, encoding: gb18030,
      columns: { ts: 时间, channel: 渠道, impressions: 展示数, clicks: 点击数, spend: 消耗, conversions: 转化数, revenue: 成交金额 } }
YAML

# report.py VERSION: writes report.csv (GB18030, CRLF) and sums.json (per channel, Decimal sums).
# Version 1: 48 hours from 2026-03-02 00:00 × 抖音, 快手; version 2 changes hours 5, 17 and 30 of 抖音
# (one of them down), 9 of 快手, and adds hour 48 for both; a 抖音 row for hour 17 written twice
# (the later replaces the earlier, in the file and so in the sums).
cat > report.py <<'PY'
import json, sys
from decimal import Decimal
version = int(sys.argv[1])
rows = {}
for hour in range(48 + (1 if version == 2 else 0)):
    for i, channel in enumerate(["抖音", "快手"]):
        impressions = 1000 + 37 * hour + 500 * i
        clicks = 10 + hour % 7 + i
        spend = Decimal(120 + hour) + Decimal("0.25") * i
        conversions = hour % 3
        revenue = Decimal(conversions) * Decimal("99.90")
        if version == 2 and channel == "抖音" and hour in (5, 17, 30):
            impressions, clicks, spend = impressions * 2, clicks + 3, spend + Decimal("10.10")
        if version == 2 and channel == "抖音" and hour == 30:
            impressions = 12  # a correction downwards
        if version == 2 and channel == "快手" and hour == 9:
            conversions, revenue = 5, Decimal("1234.56")
        rows[(hour, channel)] = (impressions, clicks, spend, conversions, revenue)
lines = ["时间,渠道,展示数,点击数,消耗,转化数,成交金额"]
for (hour, channel), (imp, clk, sp, conv, rev) in sorted(rows.items()):
    day, h = 2 + hour // 24, hour % 24
    if version == 2 and channel == "抖音" and hour == 17:
        lines.append(f"2026-03-{day:02d} {h:02d}:00,{channel},1,1,1,1,1")  # replaced by the next row
    lines.append(f'2026-03-{day:02d} {h:02d}:00,{channel},"{imp:,}",{clk},{sp},{conv},{rev}')
lines.append("2026-03-02 25:00,抖音,1,1,1,1,1")  # bad time: rejected, line number printed
open("report.csv", "wb").write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
sums = {}
for (hour, channel), (imp, clk, sp, conv, rev) in rows.items():
    s = sums.setdefault(channel, {"impressions": 0, "clicks": 0, "spend": Decimal(0), "conversions": 0, "revenue": Decimal(0)})
    s["impressions"] += imp; s["clicks"] += clk; s["spend"] += sp; s["conversions"] += conv; s["revenue"] += rev
json.dump({c: {k: str(v) for k, v in s.items()} for c, s in sums.items()}, open("sums.json", "w"), ensure_ascii=False)
print(len(lines) - 1)
PY

# equal_sums: kpi --db --by channel equals sums.json (money to the cent; the JSON carries doubles)
equal_sums() { "$bin" kpi --db d.sqlite --by channel --format json | python3 -c '
import json, sys
from decimal import Decimal
got = {r["key"]: r for r in json.load(sys.stdin)["rows"]}
want = json.load(open("sums.json", encoding="utf-8"))
bad = [(c, k, got.get(c, {}).get(k), v) for c, s in want.items() for k, v in s.items()
       if abs(Decimal(str(got.get(c, {}).get(k, "NaN"))) - Decimal(v)) > Decimal("0.001")]
print(bad if bad or set(got) != set(want) else "equal")'; }

rows=$(python3 report.py 1)
"$bin" plan validate plan.yaml >/dev/null && ok || fail "the plan with sources: validates"
"$bin" plan show plan.yaml | grep -q "platform-hourly  csv     gb18030" && ok || fail "plan show lists the source"
"$bin" ingest --plan plan.yaml --db d.sqlite --source platform-hourly report.csv > in1.out 2> in1.err && ok || fail "ingest 1 exit: $(cat in1.err)"
grep -q "^report.csv: $rows rows; 96 hour × channel figures changed, 0 unchanged; 1 rejected" in1.out && ok || fail "summary 1: $(cat in1.out)"
grep -q "^report.csv:$((rows + 1)): column '时间': '2026-03-02 25:00' is not a real date and time" in1.err && ok || fail "bad row with FILE:LINE: $(cat in1.err)"
[ "$(equal_sums)" = equal ] && ok || fail "totals after the first report: $(equal_sums)"
"$bin" kpi --db d.sqlite --format json | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)["rejected"] != 1)' \
  && ok || fail "one bad row counted once"

# The platform re-exports: hours changed, one hour added. Rewritten in place, as exporters do.
rows=$(python3 report.py 2)
"$bin" ingest --plan plan.yaml --db d.sqlite --source platform-hourly report.csv > in2.out 2> in2.err && ok || fail "ingest 2 exit: $(cat in2.err)"
# 3 抖音 hours + 1 快手 hour changed, 2 new (hour 48), 92 unchanged.
grep -q "^report.csv: $rows rows; 6 hour × channel figures changed, 92 unchanged; 1 rejected" in2.out && ok || fail "summary 2: $(cat in2.out)"
[ "$(equal_sums)" = equal ] && ok || fail "totals after the corrected report (never doubled): $(equal_sums)"
"$bin" kpi --db d.sqlite --by channel --format json > kpi2.json

"$bin" ingest --plan plan.yaml --db d.sqlite --source platform-hourly report.csv > in3.out 2>/dev/null && ok || fail "ingest 3 exit"
grep -q "0 hour × channel figures changed, 98 unchanged" in3.out && ok || fail "summary 3: $(cat in3.out)"
"$bin" kpi --db d.sqlite --by channel --format json | cmp -s - kpi2.json && ok || fail "the same report again changed the totals"

# In Chinese, the summary and the rejected row.
"$bin" --lang zh ingest --plan plan.yaml --db d.sqlite --source platform-hourly report.csv > zh.out 2> zh.err
grep -q "^report.csv：$rows 行；0 组（小时 × 渠道）数据有变化，98 组未变；拒收 1 行" zh.out && ok || fail "Chinese summary: $(cat zh.out)"
grep -q "^report.csv:$((rows + 1)): 列 '时间'：'2026-03-02 25:00' 不是真实存在的日期时间" zh.err && ok || fail "Chinese rejection: $(cat zh.err)"

# The JSON lines' bounds hold for report rows: with --max-scopes 1 the second channel's 48 rows are
# rejected (with the bad-time row, 49), the first channel's kept; with --max-line-bytes 20 every row is.
python3 report.py 1 >/dev/null
"$bin" ingest --plan plan.yaml --db s1.sqlite --source platform-hourly --max-scopes 1 report.csv > s1.out 2> s1.err
grep -q "^report.csv: 97 rows; 48 hour × channel figures changed, 0 unchanged; 49 rejected" s1.out \
  && grep -q "too many distinct channels" s1.err && ok || fail "--max-scopes on a report: $(cat s1.out s1.err)"
"$bin" ingest --plan plan.yaml --db s2.sqlite --source platform-hourly --max-line-bytes 20 report.csv > s2.out 2> s2.err
grep -q "^report.csv: 97 rows; 0 hour × channel figures changed, 0 unchanged; 97 rejected" s2.out \
  && ok || fail "--max-line-bytes on a report: $(cat s2.out)"
rows=$(python3 report.py 2)

# A file whose header lacks a mapped column stops with its name and the option.
printf '时间,渠道\n' | iconv -f UTF-8 -t GB18030 > short.csv
"$bin" ingest --plan plan.yaml --db d.sqlite --source platform-hourly short.csv 2> short.err; status=$?
[ "$status" = 2 ] && grep -q "short.csv has no column '展示数', which source 'platform-hourly' maps to 'impressions'" short.err \
  && ok || fail "missing header (exit $status): $(cat short.err)"

# Alerts over a replaced hour: the anomaly the first export opened stays in the log as it was
# seen; the corrected export opens nothing new (README: "Alerts").
cat > alerts.yaml <<'YAML'
campaign: { id: r, name: R, timezone: Asia/Shanghai, start: 2026-03-02, budget: 100000 }
phases:
  - { id: run, name: Run, weeks: 1-2 }
tasks:
  - { id: a, name: A, phase: run, days: 10 }
alerts:
  - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 1h, min_volume: 100, confidence: none }
sources:
  - { id: d, columns: { ts: 时间, channel: =douyin, impressions: 展示数, clicks: 点击数 } }
YAML
python3 -c '
for name, low in (("a1.csv", 50), ("a2.csv", 300)):
    rows = ["时间,展示数,点击数"] + [f"2026-03-02 {h:02d}:00,10000,{low if h == 12 else 300}" for h in range(8, 18)]
    open(name, "w", encoding="utf-8").write("\n".join(rows) + "\n")'
"$bin" ingest --plan alerts.yaml --db a.sqlite --source d a1.csv | grep -q "anomalies 1 opened, 0 fired again, 1 recovered" \
  && ok || fail "CTR 0.5 % at 12:00 opens and recovers one anomaly"
"$bin" ingest --plan alerts.yaml --db a.sqlite --source d a2.csv > a2.out
grep -q "1 hour × channel figures changed, 9 unchanged" a2.out && grep -q "anomalies 0 opened" a2.out \
  && ok || fail "the corrected hour opens nothing: $(cat a2.out)"
[ "$("$bin" anomalies --plan alerts.yaml --db a.sqlite --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["anomalies"]))')" = 1 ] \
  && ok || fail "the logged anomaly stays"
[ -z "$("$bin" alerts --plan alerts.yaml --source d a2.csv --format json)" ] && "$bin" alerts --plan alerts.yaml --source d a1.csv --format json | grep -q '"to": "firing"' \
  && ok || fail "the corrected file alone has no transition, the first fires"

# watch --source --follow: the exporter rewrites its file; each settled version is read again.
# Version 1, then version 2 written in two pieces (cut mid-row: the settling second keeps the cut
# version from being read, and if a slow machine read it anyway the whole version replaces it),
# then deleted and written again by renaming a new file over the name. The totals equal
# version 2's sums while the watch runs; SIGTERM stops it with exit 0 and a summary per read.
rm -f w.sqlite*
python3 report.py 1 >/dev/null
"$bin" watch --plan plan.yaml --db w.sqlite --source platform-hourly --follow report.csv > watch.out 2> watch.err & watcher=$!
watch_sums() { "$bin" kpi --db w.sqlite --by channel --format json 2>/dev/null | python3 -c '
import json, sys
from decimal import Decimal
try: got = {r["key"]: r for r in json.load(sys.stdin)["rows"]}
except Exception: got = {}
want = json.load(open("sums.json", encoding="utf-8"))
bad = [(c, k) for c, s in want.items() for k, v in s.items()
       if got.get(c, {}).get(k) is None or abs(Decimal(str(got[c][k])) - Decimal(v)) > Decimal("0.001")]
print("equal" if not bad and set(got) == set(want) else bad)'; }
within_10s() { for _ in $(seq 100); do [ "$(watch_sums)" = equal ] && return 0; sleep 0.1; done; return 1; }
within_10s && ok || fail "watch: version 1 stored: $(watch_sums); $(cat watch.err)"
python3 report.py 2 >/dev/null
cp report.csv whole.csv
head -c 2000 whole.csv > report.csv; sleep 0.3; cat whole.csv > report.csv
within_10s && ok || fail "watch: version 2 (rewritten in place) replaces version 1: $(watch_sums)"
rm report.csv; sleep 1.5
cp whole.csv next.csv && mv next.csv report.csv
sleep 2.5
kill -TERM "$watcher"; wait "$watcher"; status=$?
[ "$status" = 0 ] && ok || fail "watch: SIGTERM exit $status: $(cat watch.err)"
[ "$(watch_sums)" = equal ] && ok || fail "watch: after the stop: $(watch_sums)"
[ "$(grep -c '^report.csv: ' watch.out)" -ge 3 ] && grep -q "^report.csv: $rows rows; 0 hour × channel figures changed, 98 unchanged; 1 rejected" watch.out \
  && ok || fail "watch: a summary per read, the renamed-over copy changing nothing: $(cat watch.out)"
grep -q "Z report.csv: .* rows; " watch.err && grep -q "Z stopped: " watch.err && ok || fail "watch: each read logged with the time: $(cat watch.err)"
# Each version's bad row (the hour 25:00, the file's last line: 98 in version 1, 101 in version 2)
# is logged when that version is read, with the time; the stop gives only the count.
grep -q "Z report.csv:98: " watch.err && grep -q "Z report.csv:101: " watch.err && ! grep -q "^report.csv:[0-9]" watch.err \
  && ok || fail "watch: each read's rejected rows logged with it, not again at the stop: $(cat watch.err)"
"$bin" --lang zh watch --plan plan.yaml --db w.sqlite --source platform-hourly - 2> zh-watch.err; status=$?
[ "$status" = 2 ] && grep -q -- "--source 按文件名读取完整的报表文件：不能读取 \`-\`" zh-watch.err \
  && ok || fail "watch --source -: refused in Chinese (exit $status): $(cat zh-watch.err)"

echo "report_files: passed $passed failed $failed"
[ "$failed" -eq 0 ]
