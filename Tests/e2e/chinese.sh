#!/usr/bin/env bash
# End-to-end test of the dashboard in Chinese, in a real terminal (tmux):
# under LANG=zh_CN.UTF-8 every word of the interface is Chinese (the plan's
# own ids, channels and rule names aside), at 120×40, 80×24 and 200×60; open
# a persona, acknowledge an anomaly, move a task by its Chinese name with
# `:move 项目启动会 +1d`, save, quit. `--lang en` under the same locale
# speaks English again.
# Usage: Tests/e2e/chinese.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: chinese.sh PATH/TO/campaign-deck}")
session="${E2E_SESSION_PREFIX:-}deck-zh-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
source "$(dirname "$0")/tmux_lib.sh"

# english_words NAME: the screen shows no English word of the interface.
# A word is allowed when the plan file has it (ids, channels, rule names,
# metric keys), when it is one a Chinese team writes in Latin letters too
# (CTR, Enter, CNY), when it is typed (`:messages`), or cut to fit (`creat…`).
no_english() {
  screen > "$work/screen.txt"
  local found
  found=$(python3 - "$work/screen.txt" "$work/shop.yaml" <<'PY'
import re, sys
screen = open(sys.argv[1], encoding="utf-8").read()
plan = open(sys.argv[2], encoding="utf-8").read()
allowed = {"KPI", "CTR", "CVR", "CPA", "CAC", "ROI", "DAU", "MAU", "ID", "Enter", "Esc", "Tab", "Ctrl", "PgUp",
           "PgDn", "Home", "End", "CNY", "UTF", "LANG", "Shift", "Space", "OSC", "SSH", "Wilson", "Shift-Tab", "Del"}
known = set(re.findall(r"[A-Za-z][A-Za-z_-]*[A-Za-z]|[A-Za-z]", plan)) | allowed
words = []
for m in re.finditer(r"(?<![A-Za-z:/_.-])[A-Za-z][A-Za-z_-]*[A-Za-z]", screen):
    w = m.group(0)
    if w in known or w.upper() in allowed or w.startswith("Ctrl-"):
        continue
    after = screen[m.end():m.end() + 1]
    before = screen[m.start() - 1:m.start()] if m.start() else ""
    if after == "…" and any(k.startswith(w) for k in known):
        continue
    if before == "│" and any(k.endswith(w) for k in known):
        continue
    words.append(w)
print(" ".join(sorted(set(words))))
PY
)
  if [ -z "$found" ]; then ok; else fail "$1: English on a Chinese screen: $found"; fi
}

cd "$work" || exit 1
"$bin" init shop >/dev/null || { echo "FAIL init"; exit 1; }
cp shop.yaml original.yaml
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" \
  "env -u LC_ALL -u LC_MESSAGES -u CAMPAIGN_DECK_LANG LANG=zh_CN.UTF-8 XDG_STATE_HOME='$work/state' TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
# At full speed up to the day the creative fatigue fires, then live.
keys "'$bin' shop.yaml --start-at 2026-04-10T00:00" Enter
expect "panes in Chinese" "1 客群" 20
expect "footer in Chinese" "? 帮助" 5
expect "the anomaly log fills" "CTR below 1%" 90
no_english "120x40, the whole dashboard"

# Persona card of the first segment.
keys 1 Enter
expect "persona card" "需求痛点：" 5
no_english "the persona card"
keys Escape

# Acknowledge the first anomaly; the status line and the row say so in Chinese.
keys 4 a
expect "acknowledged" "已确认" 5

# The help overlay: keys and the legend in Chinese.
keys "?"
expect "help in Chinese" "按 Esc 或 ? 关闭" 5
no_english "the help overlay"
keys Escape

# Move a task by its Chinese name: the kickoff (项目启动会) a day later.
start_before=$(grep -A4 "id: kickoff" shop.yaml | grep -m1 -oE "start: [0-9-]+" || true)
keys 2
typed ":move 项目启动会 +1d"
keys Enter
expect "the move is reported in Chinese" "推迟" 5
no_english "after :move"
keys C-s
expect "saved" "已保存" 10
if cmp -s shop.yaml original.yaml; then fail ":move by name changed the saved plan"; else ok; fi
if grep -q "项目启动会" shop.yaml; then ok; else fail "the task keeps its name"; fi

# Other sizes: every line still exactly the width (tmux pads; check no wrap).
for size in "80 24" "200 60"; do
  set -- $size
  tmux resize-window -t "$session" -x "$1" -y "$2" 2>/dev/null || tmux resize-pane -t "$session" -x "$1" -y "$2"
  sleep 1
  expect "redrawn at ${1}x${2}" "1 客群" 5
  no_english "${1}x${2}"
done
tmux resize-window -t "$session" -x 120 -y 40 2>/dev/null
keys q
sleep 1
terminal_restored "after q"

# --lang en under the same Chinese locale: English again.
keys "'$bin' shop.yaml --lang en" Enter
expect "--lang en wins over LANG" "1 Segments" 20
keys q
sleep 1

# A snapshot: headless, same words (one simulated day: the language is the point, not the
# campaign, whose 65 days take 45 s of CPU in a debug build).
if env -u LC_ALL -u LC_MESSAGES -u CAMPAIGN_DECK_LANG LANG=zh_CN.UTF-8 XDG_STATE_HOME="$work/state" "$bin" --snapshot 120x40 --days 1 \
  | grep -q "异常记录"; then ok; else fail "--snapshot in Chinese"; fi
if env -u LC_ALL LANG=zh_CN.UTF-8 CAMPAIGN_DECK_LANG=en XDG_STATE_HOME="$work/state" "$bin" --snapshot 120x40 --days 1 \
  | grep -q "Anomaly log"; then ok; else fail "CAMPAIGN_DECK_LANG=en"; fi

echo "chinese: passed $passed failed $failed"
[ "$failed" -eq 0 ]
