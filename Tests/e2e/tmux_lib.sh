# Shared by the tmux end-to-end scripts: reading the screen, waiting for
# text, counting checks. Source it after setting $session.
passed=0 failed=0

# Each script runs its own tmux server, held up by a keeper session until the
# script ends. A server exits when its last session is killed, and a
# `new-session` sent while it exits joins the dying server: the new session
# vanishes ("no server running", seen in CI when a script killed its session
# to start the next one, or began as another script's server went down).
unset TMUX
TMUX_TMPDIR=$(mktemp -d /tmp/deck-e2e-tmux.XXXXXX)
export TMUX_TMPDIR
tmux new-session -d -s keeper \
  "while kill -0 $$ 2>/dev/null; do sleep 1; done; rm -rf '$TMUX_TMPDIR'"

screen() { tmux capture-pane -p -t "$session"; }
ok() { passed=$((passed + 1)); }
# A failure shows the screen, or tmux's own words when there is none.
fail() { failed=$((failed + 1)); echo "FAIL $1"; screen 2>&1 | head -50; }
# wait_for TEXT SECONDS: until the screen shows TEXT
wait_for() {
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if screen 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    sleep 0.2
  done
  return 1
}
# expect NAME TEXT [SECONDS]
expect() { if wait_for "$2" "${3:-10}"; then ok; else fail "$1: screen lacks '$2'"; fi; }
# expect_row NAME REGEX [SECONDS]: until one line of the screen matches REGEX
# (for a state on a given row, when another row may show the same word first)
expect_row() {
  local deadline=$((SECONDS + ${3:-10}))
  while [ $SECONDS -lt $deadline ]; do
    if screen 2>/dev/null | grep -qE -- "$2"; then ok; return; fi
    sleep 0.2
  done
  fail "$1: no line matches '$2'"
}
keys() { tmux send-keys -t "$session" "$@"; sleep 0.3; }
typed() { tmux send-keys -t "$session" -l -- "$1"; sleep 0.3; }
# terminal_restored NAME: `stty -a` in the pane shows canonical mode and echo.
terminal_restored() {
  tmux send-keys -t "$session" "clear; stty -a | tr ' ;' '\n\n' | grep -E '^-?(icanon|echo)\$' | tr '\n' ' '; echo" Enter
  sleep 0.5
  if screen | grep -q "^icanon echo"; then ok; else fail "$1: terminal not restored"; fi
}
# same_bytes NAME FILE1 FILE2: the two files are byte-identical.
same_bytes() { if cmp -s "$2" "$3"; then ok; else fail "$1: $2 and $3 differ"; diff "$2" "$3" | head; fi; }
# open_new_plan: in $work, `init shop` (a copy kept as original.yaml), then
# the dashboard on it at ×1 in a 120×40 tmux session. Needs $bin, $work.
open_new_plan() {
  cd "$work" || exit 1
  "$bin" init shop >/dev/null || { echo "FAIL init"; exit 1; }
  cp shop.yaml original.yaml
  tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env TERM=xterm-256color bash --norc --noprofile"
  sleep 0.5
  keys "'$bin' shop.yaml --speed 1" Enter
  expect "dashboard up" "2 Gantt" 20
}
