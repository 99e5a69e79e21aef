#!/usr/bin/env bash
# End-to-end test of names where people use names, in a real terminal (tmux),
# on the built-in demo (its tasks are named in Chinese): `:goto` and `:move`
# take a Chinese task name (the Gantt's foot line and the task card show the
# dates before and after, and the saved file moves that task by one day);
# Tab completes a Chinese name in the command line and cycles the choices;
# an unknown name suggests the nearest; `a` with a Chinese name alone adds a
# task with a made id that the status bar names; in the Chinese interface
# (`--lang zh`) a duplicated task is named `… (副本)` and messages are Chinese.
# Usage: Tests/e2e/names.sh PATH/TO/campaign-deck
# (TMUX_SESSION_PREFIX names the tmux session, for machines shared by several runs.)
set -uo pipefail
bin=$(readlink -f "${1:?usage: names.sh PATH/TO/campaign-deck}")
session="${TMUX_SESSION_PREFIX:-deck-}names-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"
bar() { screen | tail -1; }
# expect_bar NAME TEXT: the status bar (the last line) shows TEXT.
expect_bar() {
  local deadline=$((SECONDS + 5))
  while [ $SECONDS -lt $deadline ]; do
    if bar | grep -qF -- "$2"; then ok; return; fi
    sleep 0.2
  done
  fail "$1: status bar lacks '$2' (it is '$(bar)')"
}
# The language is chosen here, not by the machine's locale.
export CAMPAIGN_DECK_LANG=en

# The demo as `init` writes it (its id is spring-2026): the reference for the saved files.
cd "$work" || exit 1
"$bin" init spring-2026 >/dev/null || { echo "FAIL init"; exit 1; }
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" \
  "env XDG_STATE_HOME='$work/state' CAMPAIGN_DECK_LANG=en TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
keys "'$bin' --speed 1" Enter
expect "dashboard up" "2 Gantt" 20

# :goto by the Chinese name: the Gantt selects kickoff (its foot line shows its dates).
typed ":goto 项目启动会"
keys Enter
expect "goto by name selects kickoff" "kickoff: 2026-03-02→2026-03-02"
keys Enter
expect "the card shows the dates before" "Dates: 2026-03-02 → 2026-03-02 (1 day)"
keys Escape

# An unknown name says so and suggests the nearest name.
typed ":move 项目启动 +1d"
keys Enter
expect_bar "unknown name, nearest suggested" "no task '项目启动' (did you mean '项目启动会'?)"
keys Escape

# Tab completes the Chinese name (no name is cut, the cursor after it).
typed ":move 项目启"
keys Tab
expect_bar "Tab completes the name" ":move 项目启动会 ▏"
typed "+1d"
expect_bar "the bar says which task the name means" ":move 项目启动会 +1d▏  → kickoff  :move TASK +3d|-1w"
keys Enter
expect "moved by name" "kickoff 1 day later, starts 2026-03-03"
expect "the Gantt shows the new dates" "kickoff: 2026-03-03→2026-03-03"
keys Enter
expect "the card shows the new dates" "Dates: 2026-03-03 → 2026-03-03 (1 day)"
keys Escape

# Several names share a start: Tab puts in the first, Tab again the next.
typed ":goto 素材"
keys Tab
expect_bar "Tab cycles, first choice" ":goto 素材制作▏  Tab cycles: [素材制作]  素材审核  素材迭代"
keys Tab
expect_bar "Tab again, the next" ":goto 素材审核▏"
keys Enter
expect "goto the cycled choice" "asset-review: 2026-03-14→2026-03-15"

# The A prompt takes a name, and Tab completes it there too (then Esc: nothing changes).
keys A
typed "项目"
keys Tab
expect "Tab in the A prompt" "项目启动会▏"
keys Escape

# The demo has no file: :w writes one; it differs from init's by kickoff's start only.
typed ":w names.yaml"
keys Enter
expect "saved as" "saved names.yaml"
sleep 0.5
if [ "$(diff spring-2026.yaml names.yaml | grep '^[<>]')" = "$(printf '<     start: 2026-03-02\n>     start: 2026-03-03')" ]; then ok
else fail "the move by name is a one-line diff of kickoff's start"; diff spring-2026.yaml names.yaml | head; fi
python3 - "$work/names.yaml" <<'PY' && ok || fail "kickoff (项目启动会) starts a day later in the file"
import re, sys, datetime
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"- id: kickoff\n((?:    .*\n)+)", text).group(1)
assert "name: 项目启动会" in block, block
start = re.search(r"start: (\S+)", block).group(1)
assert datetime.date.fromisoformat(start) == datetime.date(2026, 3, 2) + datetime.timedelta(days=1), start
PY

# `a` with a Chinese name alone: an id is made, and the bar says which.
typed ":goto kickoff"
keys Enter
keys a
expect "the add prompt asks for a name" "New task after kickoff: a name, or an id and a name"
typed "素材二审"
keys Enter
expect "the made id is named" "id task-1 given to '素材二审'"
keys C-s
expect "saved again" "saved names.yaml"
sleep 0.5
python3 - "$work/names.yaml" <<'PY' && ok || fail "task-1 素材二审 is in the file after kickoff"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"- id: task-1\n((?:    .*\n)+)", text).group(1)
assert "name: 素材二审" in block and "after: [kickoff]" in block, block
assert text.index("- id: kickoff") < text.index("- id: task-1") < text.index("- id: segment-analysis")
PY
typed ":q"
keys Enter
sleep 1
terminal_restored "after :q"

# The Chinese interface: a copy is named 素材二审 (副本); messages are Chinese.
keys "clear; '$bin' names.yaml --speed 1 --lang zh" Enter
expect "dashboard up in Chinese" "2 甘特图" 20
typed ":goto 素材二审"
keys Enter
expect "goto the added task by name" "task-1: 2026-03-04→2026-03-04"
keys D
expect "duplicated" "task-1-copy"
typed ":move 素材二 +1d"
keys Enter
expect_bar "unknown name in Chinese" "没有任务“素材二”（是否要找“素材二审”？）"
keys Escape
typed ":wq"
keys Enter
sleep 1
python3 - "$work/names.yaml" <<'PY' && ok || fail "the copy is named 素材二审 (副本) in the file"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"- id: task-1-copy\n((?:    .*\n)+)", text).group(1)
assert "name: 素材二审 (副本)" in block, block
PY
terminal_restored "after :wq"

echo "names e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
