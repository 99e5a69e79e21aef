#!/usr/bin/env bash
# End-to-end test of the config file ($XDG_CONFIG_HOME/campaign-deck/config.yaml)
# in a real terminal (tmux): a config remaps keys and pressing them does the
# thing, a replaced key no longer does, `?` and the footer show the new keys,
# the config's speed is used unless --speed says otherwise; a broken config
# shows FILE:LINE:COLUMN (status bar, :messages, standard error) and the
# dashboard still runs with the good parts; --no-config, --config FILE,
# --list-keys; the config's language.
# Usage: Tests/e2e/config.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: config.sh PATH/TO/campaign-deck}")
session="${E2E_SESSION_PREFIX:-}deck-config-e2e-$$"
state=$(mktemp -d)
export XDG_CONFIG_HOME="$state/xdg" XDG_STATE_HOME="$state/state" CAMPAIGN_DECK_LANG=en
config="$XDG_CONFIG_HOME/campaign-deck/config.yaml"
mkdir -p "$XDG_CONFIG_HOME/campaign-deck" "$XDG_STATE_HOME"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null
  rm -rf "$state"
}
trap cleanup EXIT

source "$(dirname "$0")/tmux_lib.sh"

# start ARGS…: the dashboard in a fresh 120×40 session, with this script's environment.
start() {
  tmux kill-session -t "$session" 2>/dev/null
  tmux new-session -d -s "$session" -x 120 -y 40 -c "$state" \
    "env XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' CAMPAIGN_DECK_LANG=en TERM=xterm-256color bash --norc --noprofile"
  sleep 0.5
  tmux send-keys -t "$session" "'$bin' --start-at none $* 2>'$state/stderr'" Enter
  expect "dashboard up ($*)" "1 Segments" 20
}
status_line() { screen | tail -1; }

# 1. Keys remapped: Ctrl-N is a second "next pane", Z replaces z for zoom,
#    F1 opens the help beside ?, and the simulator replays at ×60.
cat > "$config" <<'YAML'
# my keys
speed: 60
keys:
  next_pane: [Tab, ctrl+n]
  zoom: Z
  help: [F1, "?"]
YAML
start
expect "the config's speed in the header" "×60" 5
if status_line | grep -q "F1 help"; then ok; else fail "footer shows F1 help ('$(status_line)')"; fi
if status_line | grep -q "? help"; then fail "footer still shows ? help"; else ok; fi
keys C-n
expect "Ctrl-N focuses the Gantt" "┏━ 2 Gantt" 3
keys Tab
expect "Tab still works (kept in the list)" "┏━ 3 KPIs" 3
keys Z
sleep 0.3
if screen | grep -q "1 Segments"; then fail "Z zooms the KPIs (the Segments pane is still drawn)"; else ok; fi
keys Z
expect "Z again: back from the zoom" "1 Segments" 3
keys z
# Messages name a binding's first typed character (here ?, not F1).
expect "z was replaced: no action" "z: no action here (? shows every key)" 3
if screen | grep -q "┏━ 3 KPIs" && screen | grep -q "1 Segments"; then ok; else fail "z must not zoom any more"; fi
keys F1
expect "F1 opens the help" "Esc or ? closes this" 3
if screen | grep -qE "Tab/Ctrl-N +next pane"; then ok; else fail "help lists Tab/Ctrl-N for next pane"; fi
if screen | grep -qE "F1/\? +show every key"; then ok; else
  # The global section may be below the first page: look for it page by page.
  found=; for _ in 1 2 3 4 5 6; do keys NPage; if screen | grep -qE "F1/\? +show every key"; then found=1; break; fi; done
  if [ -n "$found" ]; then ok; else fail "help lists F1/? for the help"; fi
fi
keys g
found=; for _ in 1 2 3 4 5 6; do if screen | grep -qE "│ +Z +zoom the focused pane"; then found=1; break; fi; keys NPage; done
if [ -n "$found" ]; then ok; else fail "help lists Z for zoom"; fi
if screen | grep -qE "│ +z +zoom the focused pane"; then fail "help still lists z for zoom"; else ok; fi
keys Escape
keys q
sleep 1
terminal_restored "quit with q (not remapped)"

# 2. A flag wins over the config: --speed 3600.
start --speed 3600
expect "--speed wins over the config's speed" "×3600" 5
keys q
sleep 1

# 3. A broken config: a wrong type (line 2, column 8), a key that cannot be
#    read (line 5: `  quit: [Q, ctrl+shift+q]` puts ctrl at column 13), and a
#    good line between them that still applies.
cat > "$config" <<'YAML'
speed: 60
mouse: maybe
keys:
  zoom: Z
  quit: [Q, ctrl+shift+q]
YAML
start
# (The bar gives a message three quarters of its width: the rest is in :messages.)
expect "the first problem in the status bar" "config.yaml:2:8: 'mouse' must be true or" 5
keys Tab Tab Z
sleep 0.3
if screen | grep -q "1 Segments"; then fail "the good line (zoom: Z) still applies"; else ok; fi
keys Z
keys ":"
typed "messages"
keys Enter
expect ":messages lists the second problem" "config.yaml:5:13: cannot read key 'ctrl+shift+q'" 3
keys Escape
# quit keeps its built-in keys: q quits.
keys q
sleep 1
terminal_restored "broken config: q still quits"
if grep -qF "$config:2:8: 'mouse' must be true or false, got 'maybe'" "$state/stderr" \
  && grep -qF "$config:5:13: cannot read key 'ctrl+shift+q': Ctrl goes with one letter a–z (ctrl+n)" "$state/stderr"; then ok; else
  fail "standard error has both problems with FILE:LINE:COLUMN: $(cat "$state/stderr")"; fi

# 4. --no-config: no problem, built-in keys (z zooms, Z is nothing).
start --no-config
sleep 0.5
if status_line | grep -q "config.yaml"; then fail "--no-config still read the config"; else ok; fi
keys Z
expect "--no-config: Z is no key" "Z: no action here (? shows every key)" 3
keys q
sleep 1

# 5. --config FILE elsewhere; a missing one is a usage error (exit 2).
printf 'keys:\n  zoom: [Z, x]\n' > "$state/other.yaml"
if "$bin" --config "$state/other.yaml" --list-keys | grep -qE "^  zoom +Z/x +zoom the focused pane"; then ok; else
  fail "--list-keys with --config shows zoom as Z/x"; fi
"$bin" --config "$state/missing.yaml" --snapshot 120x40 >/dev/null 2>"$state/err"
code=$?
if [ "$code" = 2 ] && grep -qF "campaign-deck: no config file at $state/missing.yaml (--config)" "$state/err"; then ok; else
  fail "missing --config: exit $code, $(cat "$state/err")"; fi
# The list covers every binding (more than 70 ids, each snake_case, once).
ids=$("$bin" --no-config --list-keys | grep -oE "^  [a-z0-9_]+ " | sort)
if [ "$(wc -l <<<"$ids")" -gt 70 ] && [ -z "$(uniq -d <<<"$ids")" ]; then ok; else fail "--list-keys lists every binding id once"; fi

# 6. The config's language: Chinese unless --lang or CAMPAIGN_DECK_LANG says otherwise.
printf 'language: zh\n' > "$config"
if env -u CAMPAIGN_DECK_LANG LANG=C "$bin" --snapshot 120x40 --days 1 | grep -q "客群"; then ok; else fail "language: zh gives the Chinese pane titles"; fi
if env -u CAMPAIGN_DECK_LANG LANG=C "$bin" --lang en --snapshot 120x40 --days 1 | grep -q "Segments"; then ok; else fail "--lang en wins over the config"; fi
printf 'language: fr\n' > "$config"
if env -u CAMPAIGN_DECK_LANG LANG=C "$bin" --snapshot 120x40 --days 1 2>"$state/err" | grep -q "Segments" \
  && grep -qF "$config:1:11: unknown language 'fr'; use en or zh" "$state/err"; then ok; else
  fail "a bad language: English, and the problem at 1:11 ($(cat "$state/err"))"; fi

echo "config e2e: passed $passed failed $failed"
[ "$failed" -eq 0 ]
