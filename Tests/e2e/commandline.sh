#!/usr/bin/env bash
# End-to-end test of the `/` filter and the `:` command line, in a real
# terminal (tmux), on a plan made by `campaign-deck init`: `/` narrows the
# Gantt as it is typed (CJK included) and Esc clears it; a filter that matches
# nothing says so; `:goto` selects a task; an unknown command suggests the
# closest; `:move` then `:w` changes the file by one line; `:q` asks with
# unsaved edits; `:q!` quits without saving and the terminal is restored.
# Usage: Tests/e2e/commandline.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: commandline.sh PATH/TO/campaign-deck}")
session="deck-cmdline-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"
# The screen settles within a second; then the text must be gone.
expect_gone() { sleep 0.5; if screen | grep -qF -- "$2"; then fail "$1: screen still shows '$2'"; else ok; fi; }
# `:` + the command (not yet run: Enter is sent separately where it matters).
command_line() { typed ":"; typed "$1"; }

open_new_plan

# `/` in the Gantt: the pane narrows as the filter is typed; Enter keeps it.
keys 2
expect "kickoff shown before filtering" "项目启动会"
typed "/"
typed "素材"
expect "filter in the pane title while typing" "2 Gantt · /素材 · days"
expect "rows left shown while typing" "/素材▏  4 rows · Enter keeps · Esc cancels"
expect_gone "kickoff filtered out" "项目启动会"
expect "matching task shown" "素材审核"
keys Enter
expect "filter kept" "Gantt: 4 rows match /素材"
expect "selection moved to a shown task" "asset-production: 2026-03-09→2026-03-12"
keys j
expect "j moves among shown tasks" "asset-review: 2026-03-13→2026-03-14"
keys Escape
expect "Esc clears the filter" "Gantt: filter /素材 cleared"
expect "kickoff back" "项目启动会"

# A filter that matches nothing says so in the pane.
typed "/"
typed "xyz"
keys Enter
expect "no match said in the pane" "┃no rows match /xyz"
keys Escape
expect "cleared again" "Gantt: filter /xyz cleared"

# `:goto` selects a task.
command_line "goto crm-setup"
keys Enter
expect "goto selects the task" "crm-setup: 2026-03-07→2026-03-11"

# An unknown command suggests the closest, while typing and on Enter.
command_line "moev kickoff +1d"
expect "suggestion while typing" ":moev kickoff +1d▏  did you mean :move?"
keys Enter
expect "unknown command named, closest suggested" "unknown command 'moev' (did you mean 'move'?)"
same_bytes "an unknown command writes nothing" original.yaml shop.yaml

# The line stayed open: fix it and run :move, then :w saves a one-line change.
keys C-u
typed "move kickoff +1d"
expect "usage shown while typing" ":move TASK +3d|-1w  move a task (as H/L)"
keys Enter
expect "the move is reported" "kickoff 1 day later, starts 2026-03-03"
expect "unsaved marker" "✎ unsaved"
command_line "w"
keys Enter
expect "saved" "saved shop.yaml"
if [ "$(diff original.yaml shop.yaml | grep '^[<>]')" = "$(printf '<     start: 2026-03-02\n>     start: 2026-03-03')" ]; then ok
else fail ":w saves a one-line diff"; diff original.yaml shop.yaml; fi
cp shop.yaml saved.yaml

# A bad argument says what is wrong and changes nothing.
command_line "move kickoff soon"
keys Enter
expect "bad shift explained" "a shift looks like +3d, -2d or +1w; got 'soon'"
keys Escape
expect "Esc cancels the line" "cancelled"

# `:q` with unsaved edits asks, like q; `:q!` quits without saving.
command_line "move kickoff +1d"
keys Enter
expect "moved again" "kickoff 1 day later, starts 2026-03-04"
command_line "q"
keys Enter
expect ":q asks" "The plan has edits that are not saved."
keys Escape
expect "still running" "still here; Ctrl-S saves"
command_line "q!"
keys Enter
sleep 1
same_bytes ":q! writes nothing" saved.yaml shop.yaml
terminal_restored "after :q!"

echo "commandline e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
