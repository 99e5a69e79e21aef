#!/usr/bin/env bash
# The headless commands' data messages in Chinese: a bad event file
# (`ingest`), bad transaction rows (`segment`), silences, files that are not
# CampaignDeck databases. Under `--lang zh` each reason is Chinese and keeps
# its position (FILE:LINE, the path or option in （）), the exit code is the
# English run's, machine output (JSON, CSV, the stored rejected-line
# reasons) is byte for byte the English run's, and a refused file is left
# untouched. Expected texts are written out by hand below.
# Usage: Tests/e2e/data_messages_zh.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: data_messages_zh.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# expect_line FILE TEXT WHAT: FILE has the line TEXT exactly.
expect_line() { grep -qxF -- "$2" "$1" && ok || fail "$3: no line '$2' in: $(cat "$1")"; }
# positions FILE: the FILE:LINE prefixes of the lines that have one.
positions() { grep -oE '^[a-z_.]+:[0-9]+:' "$1"; }

# No English word of the interface in FILE, with the data it quotes ('…'),
# paths, options, and words named in ALLOWED (ids of the input) taken out.
# An implementation of its own, not the catalog's EnglishWords.
no_english() { # no_english FILE WHAT [ALLOWED...]
  local file=$1 what=$2; shift 2
  local found
  found=$(python3 - "$file" "$@" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
allowed = set(sys.argv[2:]) | {"JSON", "CSV", "SQLite", "CampaignDeck", "UTF", "RFC", "HH", "MM", "DD", "YYYY", "YYYYMMDD", "ID"}
text = text.replace("campaign-deck:", "")
text = re.sub(r"'[^'\n]*'", "", text)             # quoted data
text = re.sub(r"`[^`\n]*`", "", text)             # commands as typed
text = re.sub(r"\([^)\n]*\)\s*$", "", text, flags=re.M)  # an excerpt of the input line
text = re.sub(r"(?:^|\s)(?:/|--|\./)\S*", " ", text)  # paths and options
text = re.sub(r"[\w/-]*[./][\w./-]*", " ", text)       # file names (plan.sqlite, tx.csv)
text = re.sub(r"^\S+:\d+:", "", text, flags=re.M)   # FILE:LINE:
words = [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w not in allowed]
print(" ".join(sorted(set(words))))
PY
)
  [ -z "$found" ] && ok || fail "$what: English words: $found"
}

# 1. ingest: a file with one bad line of each common kind.
cat > bad.jsonl <<'EOF'
{"ts":0,"type":"click","count":-1}
hello
{"ts":"2026-03-02T10:00:00","type":"click"}

{"ts":0,"type":1}
EOF
"$bin" ingest --lang en --db en.sqlite bad.jsonl > ingest_en.out 2> ingest_en.err; en_rc=$?
"$bin" ingest --lang zh --db zh.sqlite bad.jsonl > ingest_zh.out 2> ingest_zh.err; zh_rc=$?
[ "$en_rc" = "$zh_rc" ] && ok || fail "ingest exit code: en $en_rc, zh $zh_rc"
expect_line ingest_zh.err "bad.jsonl:1: 'count' 为负数 ({\"ts\":0,\"type\":\"click\",\"count\":-1})" "ingest zh"
expect_line ingest_zh.err "bad.jsonl:2: JSON 无效：第 1 字节处应为 '{' (hello)" "ingest zh"
expect_line ingest_zh.err "bad.jsonl:3: 时间戳有误：缺少时区偏移（请加上 Z 或 ±HH:MM） ({\"ts\":\"2026-03-02T10:00:00\",\"type\":\"click\"})" "ingest zh"
expect_line ingest_zh.err "bad.jsonl:5: 'type' 的类型不对：应为字符串，实际为数字 ({\"ts\":0,\"type\":1})" "ingest zh"
expect_line ingest_en.err "bad.jsonl:2: invalid JSON: expected '{' at byte 1 (hello)" "ingest en unchanged"
[ "$(positions ingest_en.err)" = "$(positions ingest_zh.err)" ] && ok || fail "ingest positions differ"
grep '^bad.jsonl:' ingest_zh.err > reasons_zh.txt
no_english reasons_zh.txt "ingest reasons"
# What is stored for later readers is the same in both databases (English).
stored() { python3 -c 'import sqlite3,sys; print("\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT reason FROM rejected_line ORDER BY line")))' "$1"; }
[ "$(stored en.sqlite)" = "$(stored zh.sqlite)" ] && ok || fail "stored reasons differ: $(stored zh.sqlite)"
reasons=$(stored zh.sqlite)
grep -qx "negative 'count'" <<< "$reasons" && ok || fail "stored reason is English: $reasons"

# 2. Files that are not CampaignDeck databases, refused and left as they were.
printf 'campaign:\n  id: x\n' > plan.sqlite
python3 -c 'import sqlite3; c=sqlite3.connect("other.sqlite"); c.execute("CREATE TABLE contacts(name TEXT)"); c.commit()'
mkdir folder.sqlite
for file in plan.sqlite other.sqlite folder.sqlite; do
  before=$(ls -la "$file" | md5sum; [ -f "$file" ] && md5sum < "$file")
  "$bin" anomalies --lang en --db "$file" > /dev/null 2> db_en.err; en_rc=$?
  "$bin" anomalies --lang zh --db "$file" > /dev/null 2> db_zh.err; zh_rc=$?
  [ "$en_rc" = "$zh_rc" ] && [ "$zh_rc" -ne 0 ] && ok || fail "$file: exit codes en $en_rc zh $zh_rc"
  after=$(ls -la "$file" | md5sum; [ -f "$file" ] && md5sum < "$file")
  [ "$before" = "$after" ] && ok || fail "$file was changed"
  head -1 db_zh.err | grep -qF "（$work/$file）" || head -1 db_zh.err | grep -qF "（$file）" && ok || fail "$file: path at the end: $(head -1 db_zh.err)"
  head -1 db_zh.err > first.txt
  no_english first.txt "$file message"
done
"$bin" anomalies --lang zh --db plan.sqlite 2> db_zh.err
expect_line db_zh.err "campaign-deck: 不是 CampaignDeck 数据库：该文件不是 SQLite 文件；未做任何改动（plan.sqlite）" "text file"
"$bin" anomalies --lang zh --db other.sqlite 2> db_zh.err
expect_line db_zh.err "campaign-deck: 不是 CampaignDeck 数据库：这是其他应用的 SQLite 文件；未做任何改动（other.sqlite）" "foreign database"
"$bin" anomalies --lang en --db other.sqlite 2> db_en.err
expect_line db_en.err "campaign-deck: not a CampaignDeck database: it is another application's SQLite file; nothing was changed (other.sqlite)" "foreign database en"

# 3. segment: bad rows listed with their lines, the summary in Chinese,
#    JSON and CSV the same in both languages.
cat > tx.csv <<'EOF'
customer_id,date,amount
A,2026-01-02,10
A,2026-01-02,10
B,2026-13-03,5
C,2026-01-03,abc
,2026-01-03,7
D,2026-01-03,-4
EOF
"$bin" segment --lang zh tx.csv --summary > seg_zh.out 2> seg_zh.err; zh_rc=$?
"$bin" segment --lang en tx.csv --summary > seg_en.out 2> seg_en.err; en_rc=$?
[ "$en_rc" = "$zh_rc" ] && ok || fail "segment exit code: en $en_rc zh $zh_rc"
expect_line seg_zh.err "tx.csv:3: 与第 2 行完全重复" "segment duplicate"
expect_line seg_zh.err "tx.csv:4: 无法识别的日期 '2026-13-03'（请用 YYYY-MM-DD、YYYYMMDD 或 RFC 3339 格式）" "segment date"
expect_line seg_zh.err "tx.csv:5: 无法识别的金额 'abc'" "segment amount"
expect_line seg_zh.err "tx.csv:6: 客户 ID 为空" "segment empty id"
expect_line seg_zh.err "tx.csv:7: 金额 '-4' 为负数" "segment negative"
[ "$(positions seg_en.err)" = "$(positions seg_zh.err)" ] && ok || fail "segment positions differ"
grep '^tx.csv:[0-9]' seg_zh.err > rows_zh.txt
no_english rows_zh.txt "segment reasons"
# Rows: 6 read; A's second row a duplicate; B, C, the empty id and D rejected;
# A the one customer; the as-of day is the latest date read (01-03: rows
# rejected for their amount or id still carry a readable date).
expect_line seg_zh.out "1 位客户，截至 2026-01-03；已读取 6 行，拒绝 4 行，重复 1 行" "segment summary"
expect_line seg_en.out "1 customers, as of 2026-01-03; 6 rows read, 4 rejected, 1 duplicates" "segment summary en"
no_english seg_zh.out "segment summary" vip lapsed rising unassigned \
  high_aov price_sensitive growing bronze silver gold platinum   # the demo plan's tags and tiers
for format in json csv; do
  "$bin" segment --lang en tx.csv --format "$format" > "seg_en.$format" 2>/dev/null
  "$bin" segment --lang zh tx.csv --format "$format" > "seg_zh.$format" 2>/dev/null
  cmp -s "seg_en.$format" "seg_zh.$format" && ok || fail "segment --format $format differs between languages"
done
grep -qF '"reason": "negative amount '"'"'-4'"'"'"' seg_zh.json && ok || fail "JSON reasons stay English: $(grep reason seg_zh.json | head -2)"
"$bin" segment --lang zh nope.csv 2> missing.err; rc=$?
[ "$rc" = 2 ] && ok || fail "a missing transactions file exits 2, not $rc"
expect_line missing.err "campaign-deck: 无法读取交易记录：文件不存在（nope.csv）" "missing transactions"
expect_line missing.err "提示：请传入 CSV 文件，或用 \`demo\` 使用生成的演示客户库" "missing transactions hint"

# 4. silences: refusals keep their option, the table and lines are Chinese.
db="--db en.sqlite"
"$bin" silence add --lang zh $db --rule 'CTR below 1%' --for 99999d --comment x 2> sil.err
expect_line sil.err "campaign-deck: 静默最长 10 年（3653 天），收到的是 '99999d'（--for）" "silence too long"
"$bin" silence add --lang zh $db --rule 'CTR below 1%' --for 2h --comment ' ' 2> sil.err
expect_line sil.err "campaign-deck: 静默需要备注说明原因（--comment）" "silence comment"
"$bin" silence add --lang zh $db --rule 'CTR below 1%' --until yesterday --comment x 2> sil.err
grep -qF "，收到的是 'yesterday'（--until）" sil.err && ok || fail "silence until: $(cat sil.err)"
"$bin" silence list --lang zh $db > list.out
expect_line list.out "没有生效中的静默" "no silences"
"$bin" silence add --lang zh $db --rule 'CTR below 1%' --scope douyin --for 2h --comment '素材审核中' > add.out
grep -qE "^静默 1：'CTR below 1%' \[douyin\] 静默至 [0-9-]+ [0-9:]+（.+）$" add.out && ok || fail "silence add: $(cat add.out)"
"$bin" silence list --lang zh $db > list.out
head -1 list.out | grep -qE '^ID +规则 +范围 +开始 +结束 +状态 +创建人 +备注$' && ok || fail "silence table head: $(head -1 list.out)"
grep -q '生效中' list.out && ok || fail "silence state: $(cat list.out)"
"$bin" silence list --lang zh $db --format json > list_zh.json
"$bin" silence list --lang en $db --format json > list_en.json
cmp -s list_en.json list_zh.json && ok || fail "silence JSON differs between languages"
"$bin" silence expire --lang zh $db 1 > /dev/null
"$bin" silence expire --lang zh $db 1 2> expire.err; rc=$?
[ "$rc" = 2 ] && ok || fail "expiring twice exits 2, not $rc"
expect_line expire.err "campaign-deck: 静默 1 已经结束（已被手动结束）；无需再次结束（静默 1）" "expire twice"
"$bin" silence expire --lang en $db 1 2> expire.err
expect_line expire.err "campaign-deck: silence 1 has already ended (it was expired); there is nothing to expire (silence 1)" "expire twice en"

# 5. The anomaly timeline: event notes stored in English, shown in Chinese;
#    what people wrote (owner, cause, action) as they wrote it.
db="--db notes.sqlite"
"$bin" anomalies open --lang zh $db --title '落地页打不开' --author ana > /dev/null
"$bin" anomalies ack --lang zh $db 1 --owner 王芳 --author ana > /dev/null
"$bin" anomalies resolve --lang zh $db 1 --cause 'CDN 故障' --action '切换线路' --author ana > /dev/null
"$bin" anomalies show --lang zh $db 1 > show_zh.out
"$bin" anomalies show --lang en $db 1 > show_en.out
grep -qE ' ana: · 手动新开$' show_zh.out && ok || fail "opened by hand: $(cat show_zh.out)"
grep -qE ' ana: · 已确认；负责人 王芳$' show_zh.out && ok || fail "acknowledged: $(cat show_zh.out)"
grep -qE ' ana: · 已解决；原因：CDN 故障；处理措施：切换线路$' show_zh.out && ok || fail "resolved: $(cat show_zh.out)"
grep -qE ' ana: · resolved; cause: CDN 故障; action: 切换线路$' show_en.out && ok || fail "resolved en: $(cat show_en.out)"
notes=$(python3 -c 'import sqlite3; print("|".join(r[0] for r in sqlite3.connect("notes.sqlite").execute("SELECT text FROM anomaly_note ORDER BY id")))')
[ "$notes" = "opened by hand|acknowledged; owner 王芳|resolved; cause: CDN 故障; action: 切换线路" ] && ok || fail "stored notes: $notes"

echo "data_messages_zh: passed $passed failed $failed"
[ "$failed" -eq 0 ]
