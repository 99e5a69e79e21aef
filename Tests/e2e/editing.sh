#!/usr/bin/env bash
# End-to-end test of plan editing in the dashboard, in a real terminal (tmux),
# on a plan made by `campaign-deck init`: move a task and see its dependant
# move; save; undo and redo restore the exact earlier file bytes after each
# save; a dependency that would form a cycle is refused; a segment rule with a
# typo shows the error's column as it is typed; a plan changed on disk behind
# the dashboard is not overwritten (it asks), nor after "reload theirs" and
# `u`; Ctrl-C and quitting with unsaved edits ask; a suggested owner is
# replaced by typing; a failed `:` command leaves an empty line; `:w PATH`
# saves under another name, which later saves use; a status message goes
# away by itself and `:messages` still shows it.
# Usage: Tests/e2e/editing.sh PATH/TO/campaign-deck
# (TMUX_SESSION_PREFIX names the tmux session, for machines shared by several runs.)
set -uo pipefail
bin=$(readlink -f "${1:?usage: editing.sh PATH/TO/campaign-deck}")
session="${TMUX_SESSION_PREFIX:-deck-}edit-$$"
work=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"

open_new_plan

# Move the first task (kickoff, 03-02) a day later: segment-analysis waits for it.
keys 2
keys L
expect "the move is reported" "kickoff 1 day later, starts 2026-03-03; moved segment-analysis +1d"
expect "unsaved marker" "✎ unsaved"
keys j
expect "the dependant moved on the chart" "segment-analysis: 2026-03-04→2026-03-07"

keys C-s
expect "saved" "saved shop.yaml"
if [ "$(diff original.yaml shop.yaml | grep '^[<>]')" = "$(printf '<     start: 2026-03-02\n>     start: 2026-03-03')" ]; then ok
else fail "the save is a one-line diff"; diff original.yaml shop.yaml; fi
cp shop.yaml moved.yaml

# Undo, save: the original bytes. Redo, save: the moved bytes.
keys u
expect "undo reported" "undid: kickoff 1 day later"
keys C-s
expect "saved after undo" "saved shop.yaml"
same_bytes "undo restores the original file" original.yaml shop.yaml
keys C-r
expect "redo reported" "redid: kickoff 1 day later"
keys C-s
sleep 0.5
same_bytes "redo restores the moved file" moved.yaml shop.yaml

# kickoff ← creative-brief ← segment-analysis ← kickoff would be a cycle.
keys g
keys A
typed "creative-brief"
keys Enter
expect "cycle refused, named" "refused: that makes a cycle: kickoff → creative-brief → segment-analysis"
same_bytes "a refused edit writes nothing" moved.yaml shop.yaml
keys Escape

# A typo in a segment rule: the column is shown while typing.
rule=$(grep -m1 '^    rule: ' shop.yaml | sed 's/^    rule: //')   # the first segment's (tags' rules sit inline)
column=$(( ${#rule} + 6 ))   # after "RULE and "
keys 1
keys r
keys End   # the rule is a suggestion: End keeps it, to type after it
typed " and ordrs_90d > 1"
expect "rule error at its column" "column $column: unknown name 'ordrs_90d' (did you mean 'orders_90d'?)"
# A syntax error: the caret and the column point at the second '>'.
keys C-u
typed "recency_days > > 3"
expect "syntax error at its column" "column 16: expected an expression after '>'"
keys Enter
expect "a broken rule is refused, the prompt stays" "rule error at column 16"
same_bytes "a refused rule writes nothing" moved.yaml shop.yaml
keys Escape
expect "prompt cancelled" "cancelled"

# Someone changes the file behind the dashboard: Ctrl-S asks, the file stays theirs.
keys 2
keys '>'
expect "stretched" "kickoff now 2 days"
echo "# edited by a colleague" >> shop.yaml
cp shop.yaml theirs.yaml
keys C-s
expect "changed on disk: asks" "was changed by someone else since it was loaded"
same_bytes "their file is untouched" theirs.yaml shop.yaml
keys Escape
expect "edits kept" "your edits are kept"

# Asked again, take their version instead: ours is one undo away.
keys C-s
expect "asks again" "was changed by someone else since it was loaded"
keys r
expect "reloaded" "reloaded from disk"
keys j
# Theirs has kickoff moved (saved above) but not our stretch.
expect "their dates are shown" "segment-analysis: 2026-03-04→2026-03-07"
keys u
expect "undo brings ours back" "undid: reload from disk"
expect "our stretch is back" "segment-analysis: 2026-03-05→2026-03-08"
same_bytes "reloading writes nothing" theirs.yaml shop.yaml

# Ours is from before their version: the file did not change since the
# reload, but Ctrl-S still asks before writing over theirs.
keys C-s
expect "a save over their reloaded version asks" "The file holds the version reloaded from disk"
sleep 0.5
same_bytes "their reloaded file is untouched" theirs.yaml shop.yaml
keys Escape

# Ctrl-C with unsaved edits asks, as q does; Esc keeps editing.
keys C-c
expect "Ctrl-C asks" "The plan has edits that are not saved."
keys Escape
expect "still running after Ctrl-C" "still here; Ctrl-S saves"

# The stand-up walkthrough: five items, n and p step, Esc ends it.
keys w
expect "walkthrough opens" "1/5  Anomalies since yesterday"
keys n
expect "next item" "2/5  KPIs that moved most"
keys n n
expect "due today" "4/5  Late"
keys p
expect "previous item" "3/5  Due today"
keys Escape

# A failed command leaves an empty line (the error in the status bar); Esc closes it.
keys :
typed "mvoe kickoff +1d"
keys Enter
expect "the error is shown" "unknown command 'mvoe' (did you mean 'move'?)"
if screen | tail -1 | grep -qF "mvoe kickoff"; then fail "the failed command is still on the line"; else ok; fi
keys Escape

# :w PATH writes ours under another name; later saves go there, shop.yaml stays theirs.
keys :
typed "w other.yaml"
keys Enter
expect "saved under another name" "saved other.yaml"
sleep 0.5
cp other.yaml ours.yaml
if grep -q "# edited by a colleague" other.yaml; then fail ":w PATH wrote their version"; else ok; fi
keys g
keys '>'
expect "edited again" "kickoff now 3 days"
keys C-s
expect "the next save goes to the new file" "saved other.yaml"
sleep 0.5
if cmp -s ours.yaml other.yaml; then fail "Ctrl-S after :w PATH did not write other.yaml"; else ok; fi
same_bytes "the old file is left alone" theirs.yaml shop.yaml
cp other.yaml ours.yaml

# The message goes away by itself; :messages shows it with its time.
sleep 7
if screen | tail -1 | grep -qF "saved other.yaml"; then fail "the status message did not time out"; else ok; fi
keys :
typed "messages"
keys Enter
expect "the log opens" "Messages (newest last)"
if screen | grep -qE "[0-9]{2}:[0-9]{2}:[0-9]{2}  saved other.yaml"; then ok; else fail "the log lacks the timed-out message with its time"; fi
expect "the command error is in the log" "unknown command 'mvoe'"
keys Escape

# A suggested owner is replaced by what is typed, not appended to.
keys g
keys o
expect "owner prompt" "Owner of kickoff"
typed "Zhang"
keys Enter
expect "owner replaced" "kickoff owner: Zhang"
keys C-s
sleep 0.5
if grep -q "owner: Zhang$" other.yaml; then ok; else fail "the owner is not 'Zhang'"; grep -n "owner: .*Zhang" other.yaml; fi
keys o
keys End
typed " Wei"
keys Enter
expect "End keeps the suggestion for editing" "kickoff owner: Zhang Wei"

# Quitting with unsaved edits asks; d discards and quits.
keys q
expect "quit asks" "The plan has edits that are not saved."
keys d
sleep 1
same_bytes "discarding writes nothing" theirs.yaml shop.yaml
if grep -q "owner: Zhang$" other.yaml; then ok; else fail "discarding wrote other.yaml"; fi
terminal_restored "after quitting"

echo "editing e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
