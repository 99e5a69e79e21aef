#!/usr/bin/env bash
# The command line in Chinese (issue 15, item 1): under LANG=zh_CN.UTF-8 the
# --help of every command has no English word of the interface (typed things
# aside: options, <arguments>, commands in examples and backticks, value
# lists) and every line fits the width (COLUMNS) in display columns, CJK
# counting two; --lang en and CAMPAIGN_DECK_LANG=en give the English help;
# errors keep their exit codes and read Chinese.
# Usage: Tests/e2e/cli_chinese.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: cli_chinese.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
zh() { env -u LC_ALL -u LC_MESSAGES -u CAMPAIGN_DECK_LANG LANG=zh_CN.UTF-8 "$bin" "$@"; }

# check_help FILE WIDTH: prints what is wrong with a Chinese help text (nothing when fine).
check_help() { python3 - "$1" "$2" <<'PY'
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
width = int(sys.argv[2])
def columns(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
problems = []
lines = text.split("\n")
for line in lines:
    if not line.startswith("用法：") and columns(line) > width:
        problems.append(f"{columns(line)} columns: {line}")
# What a person reads: the overview's indented lines are examples, the usage
# line is a command, subcommand names are typed; then what is typed inside a line.
kept, overview, subcommands = [], True, False
for line in lines:
    if line.startswith("用法："): overview = False; continue
    if line == "子命令：": subcommands = True; continue
    if overview and line.startswith(" "): continue
    if subcommands and re.match(r"  [a-z]", line): line = re.sub(r"^\s*[a-z-]+", "", line)
    kept.append(line)
said = "\n".join(kept)
for note in ["（可选值：", "（默认："]:
    said = re.sub(r"\s*".join(map(re.escape, note)) + r"[^）]*）", " ", said)
said = re.sub(r"`[^`]*`|'[^']*'|<[^>]*>|(?<![\w])--?[a-z][\w-]*|\$\{?\w+\}?|\S*[./=:]\S*[a-z]\S*", " ", said)
allowed = {"KPI", "CTR", "CVR", "CPA", "CAC", "ROI", "ID", "JSON", "CSV", "YAML", "UTF-8", "RFM", "HTTP", "UTC", "MiB",
           "Excel", "WPS", "Markdown", "Mermaid", "iCalendar", "Webhook", "README", "systemd", "Wilson", "Enter", "Esc",
           "Tab", "Space", "Backspace", "PgUp", "PgDn", "Home", "End", "Shift", "Ctrl-R", "Ctrl-S", "Ctrl-C", "CampaignDeck",
           "campaign-deck", "CNY", "MB", "Shift+"}
words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_+-]*[A-Za-z0-9+]", said) if w not in allowed]
if words: problems.append("English: " + " ".join(sorted(set(words))))
print("\n".join(problems))
PY
}

commands=("" dashboard plan "plan validate" "plan schedule" "plan show" "plan export" init simulate kpi alerts segment
          ingest watch anomalies "anomalies list" "anomalies show" "anomalies ack" "anomalies assign" "anomalies resolve"
          "anomalies reopen" "anomalies note" "anomalies open" report standup notify "notify test" "notify pending"
          "notify flush" "notify discard" silence "silence add" "silence list" "silence expire")
for command in "${commands[@]}"; do
  # shellcheck disable=SC2086
  COLUMNS=80 zh $command --help > help.txt 2> help.err; status=$?
  [ "$status" = 0 ] && [ ! -s help.err ] && ok || fail "'$command --help' exits $status: $(cat help.err)"
  problems=$(check_help help.txt 80)
  [ -z "$problems" ] && ok || fail "'$command --help' in Chinese: $problems"
  # shellcheck disable=SC2086
  COLUMNS=80 zh $command --help --lang en > english.txt
  # shellcheck disable=SC2086
  COLUMNS=80 CAMPAIGN_DECK_LANG=en "$bin" $command --help > english2.txt
  grep -q "^OPTIONS:" english.txt && cmp -s english.txt english2.txt && ok || fail "'$command --help --lang en' is the English help"
done

# A wider terminal: the Chinese help uses the width (and no more).
COLUMNS=120 zh ingest --help > wide.txt
problems=$(check_help wide.txt 120)
wide=$(python3 -c 'import sys,unicodedata as u; print(max(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in l) for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("用法")))' wide.txt)
[ -z "$problems" ] && [ "$wide" -gt 80 ] && ok || fail "120 columns: widest line $wide; $problems"

# Errors: exit codes stay, the words are Chinese, the place stays as typed.
zh kpi --by foo > out.txt 2> err.txt; status=$?
[ "$status" = 2 ] && grep -qx "campaign-deck: 值 'foo' 不适用于 '--by <by>'。请给出以下之一：'channel'、'segment'、'campaign' 或 'total'。（--by）" err.txt \
  && grep -qx '提示：请查看 `campaign-deck --help`' err.txt && ok || fail "kpi --by foo: $status $(cat err.txt)"
zh anomalies --db missing.sqlite show -1 2> err.txt; status=$?
[ "$status" = 2 ] && grep -qx "campaign-deck: ID 超出范围：必须是正数，收到的是 -1（ID）" err.txt && ok || fail "show -1: $status $(cat err.txt)"
zh init shop > init.txt && grep -q '^下一步：`campaign-deck plan validate shop.yaml`' init.txt && ok || fail "init: $(cat init.txt)"
zh init shop 2> err.txt; status=$?
[ "$status" = 2 ] && grep -qx "提示：请换一个名称，或编辑已有的方案" err.txt && ok || fail "init twice: $status $(cat err.txt)"
zh simulate --plan shop.yaml --from 2026-04-09 --days 1 > events.jsonl
zh alerts --plan shop.yaml --format table events.jsonl > alerts.txt
grep -q "正常 → 告警中\|待定 → 告警中\|正常 → 待定" alerts.txt && ! grep -q " value \| threshold " alerts.txt && ok \
  || fail "alerts table in Chinese: $(head -3 alerts.txt)"
# JSON stays JSON whatever the language.
zh alerts --plan shop.yaml events.jsonl | head -1 | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); assert d["to"] in ("ok","pending","firing","no_data")' \
  && ok || fail "alerts JSON keys and values stay as they are"

echo "passed $passed failed $failed"
[ "$failed" = 0 ]
