#!/usr/bin/env bash
# End-to-end test of the dashboard in a real terminal (tmux): start it, Tab
# through the panes, open a persona card, scroll the Gantt, see the scripted
# incidents arrive, acknowledge an anomaly, resize below the minimum and back,
# quit with q; then a second run killed with SIGTERM. After each run `stty -a`
# in that pane must show icanon and echo (the terminal was restored).
# Usage: Tests/e2e/dashboard.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: dashboard.sh PATH/TO/campaign-deck}")
session="deck-e2e-$$"
state=$(mktemp -d)
cleanup() { tmux kill-session -t "$session" 2>/dev/null; rm -rf "$state"; }
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"

tmux new-session -d -s "$session" -x 120 -y 40 "env XDG_STATE_HOME='$state' TERM=xterm-256color bash --norc --noprofile"
sleep 0.5
tmux send-keys -t "$session" "'$bin'" Enter
expect "header" "春季会员焕新季" 15
expect "panes drawn" "1 Segments"

# Tab through the panes: the focused one gets the heavy border.
for title in "2 Gantt" "3 KPIs" "4 Anomaly log" "1 Segments"; do
  tmux send-keys -t "$session" Tab
  expect "Tab focuses $title" "┏━ $title" 3
done

# Persona card of the first segment.
tmux send-keys -t "$session" Enter
expect "persona card" "Pain points:" 3
tmux send-keys -t "$session" Escape
sleep 0.3
if screen | grep -q "Pain points:"; then fail "Esc closes the persona card"; else ok; fi

# The demo catches up to just before the CPA spike: the creative-fatigue and
# community anomalies are in the log, then search's CPA fires live.
expect "creative fatigue in the anomaly log" "CTR below 1%" 90
expect "community decay in the anomaly log" "Community DAU" 30
expect "CPA spike fires in the KPI pane" "▲ FIRING" 60
expect "CPA spike in the anomaly log" "CPA 30% over" 10

# Scroll the Gantt a week earlier: the axis labels move. (By now the demo is
# late in the campaign and the chart ends with it: it cannot go later.)
tmux send-keys -t "$session" 2
sleep 0.3
before=$(screen | grep -m1 -oE "[0-9]{2}-[0-9]{2}  [0-9]{2}-[0-9]{2}")
tmux send-keys -t "$session" h
sleep 0.5
after=$(screen | grep -m1 -oE "[0-9]{2}-[0-9]{2}  [0-9]{2}-[0-9]{2}")
if [ -n "$before" ] && [ "$before" != "$after" ]; then ok; else fail "Gantt scroll ('$before' → '$after')"; fi

# Acknowledge the newest anomaly from the keyboard.
tmux send-keys -t "$session" 4 a
expect "acknowledged" "acknowledged" 5

# Pause: the header says so.
tmux send-keys -t "$session" p
expect "paused" "paused" 3

# Too small, then back.
tmux resize-window -t "$session" -x 60 -y 20
expect "too small message" "terminal too small" 5
tmux resize-window -t "$session" -x 120 -y 40
expect "panes back after resize" "1 Segments" 5

tmux send-keys -t "$session" q
sleep 1
terminal_restored "quit with q"

# The acknowledgement is durable: the anomalies command sees it.
if XDG_STATE_HOME="$state" "$bin" anomalies list --format csv 2>/dev/null | grep -q acknowledged; then ok; else
  failed=$((failed + 1)); echo "FAIL acknowledged anomaly not in the database"; fi
# Signed by the person at the keyboard ($USER, else the login name), never
# "dashboard"; acknowledging takes no ownership (the owner stays empty).
acked=$(XDG_STATE_HOME="$state" "$bin" anomalies list --status acknowledged --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
me="${USER:-$(id -un)}"
if XDG_STATE_HOME="$state" "$bin" anomalies show "$acked" --format csv 2>/dev/null | tail -1 | grep -q ",wall,$me,event,acknowledged\$"; then ok; else
  failed=$((failed + 1)); echo "FAIL the acknowledgement of #$acked is not signed '$me' in wall time"; fi
if XDG_STATE_HOME="$state" "$bin" anomalies show "$acked" --format json 2>/dev/null | grep -q '"owner": null'; then ok; else
  failed=$((failed + 1)); echo "FAIL acknowledging #$acked set an owner"; fi

# Second run, killed with SIGTERM.
tmux send-keys -t "$session" "'$bin' --start-at none" Enter
expect "second run up" "1 Segments" 15
pkill -TERM -f "^$bin --start-at none" || fail "no process to kill"
sleep 1
terminal_restored "SIGTERM"

# No terminal: a clear error pointing at the headless commands.
if out=$("$bin" </dev/null 2>&1 >/dev/null); [ $? -ne 0 ] && grep -q "plan show" <<<"$out"; then ok; else
  failed=$((failed + 1)); echo "FAIL no-terminal message: $out"; fi
if out=$(TERM=dumb script -qec "'$bin'" /dev/null 2>&1); grep -q "terminal" <<<"$out"; then ok; else
  failed=$((failed + 1)); echo "FAIL TERM=dumb message: $out"; fi

echo "dashboard: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
