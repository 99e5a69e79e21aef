#!/usr/bin/env bash
# Each segment's top categories and channels, as `segment --summary` (JSON
# and table, English and Chinese) and the dashboard's persona card (tmux,
# 80×24 and 120×40, both languages) show them. The expected counts come from
# an independent Python reading of the same CSV: per customer the category
# (channel) on most rows, ties to the larger total, then the smaller name in
# byte order, empty values not voting, exact duplicate rows once; per segment
# the three most common, ties by name in byte order.
# Usage: Tests/e2e/segment_portrait.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: segment_portrait.sh PATH/TO/campaign-deck}")
here=$(dirname "$(readlink -f "$0")")
work=$(mktemp -d)
session="${E2E_SESSION_PREFIX:-}portrait-e2e-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8 XDG_STATE_HOME="$work/state"
source "$here/tmux_lib.sh"

cat > plan.yaml <<'YAML'
campaign:
  id: spring
  name: Spring
  start: 2026-03-02
  budget: 10000
  transactions: transactions.csv
segments:
  - id: big
    name: Big
    rule: monetary >= 300
    persona: { traits: spends a lot }
  - id: small
    name: Small
    rule: frequency >= 1
YAML

# 80 customers, 400 rows, some exact duplicates and empty labels; names mixing
# Latin upper and lower case and Chinese, so byte order matters.
python3 - <<'PY'
import random
r = random.Random(16)
cats = ["鞋履", "箱包", "toys", "Hats", "bags", ""]
chans = ["app", "web", "小程序", "Store", ""]
rows = []
for i in range(400):
    c = f"C{r.randrange(80):03d}"
    row = (c, f"2026-02-{1 + r.randrange(28):02d}", f"{r.randrange(1, 30000) / 100:.2f}", r.choice(cats), r.choice(chans))
    rows.append(row)
    if i % 37 == 0:
        rows.append(row)  # an exact duplicate: counted once
with open("transactions.csv", "w", encoding="utf-8") as f:
    f.write("customer_id,date,amount,category,channel\n")
    for row in rows:
        f.write(",".join(row) + "\n")
PY

python3 - > expected.json <<'PY'
import csv, json
from decimal import Decimal
rows = list(dict.fromkeys(tuple(r) for r in csv.reader(open("transactions.csv", encoding="utf-8"))))[1:]
people = {}
for cid, day, amount, cat, chan in rows:
    p = people.setdefault(cid, {"monetary": Decimal(0), "rows": 0, "category": {}, "channel": {}})
    p["monetary"] += Decimal(amount)
    p["rows"] += 1
    for field, value in (("category", cat), ("channel", chan)):
        if value:
            n, total = p[field].get(value, (0, Decimal(0)))
            p[field][value] = (n + 1, total + Decimal(amount))
def top(votes):
    if not votes: return None
    return sorted(votes, key=lambda v: (-votes[v][0], -votes[v][1], v.encode()))[0]
out = {}
for seg in ("big", "small"):
    members = [p for p in people.values() if (p["monetary"] >= 300) == (seg == "big")]
    entry = {"customers": len(members)}
    for field, key in (("category", "top_categories"), ("channel", "top_channels")):
        counts = {}
        for p in members:
            t = top(p[field])
            if t is not None: counts[t] = counts.get(t, 0) + 1
        entry[key] = [{"name": n, "customers": counts[n]} for n in sorted(counts, key=lambda n: (-counts[n], n.encode()))[:3]]
    out[seg] = entry
json.dump(out, open("expected.json", "w"), ensure_ascii=False)
print(json.dumps(out, ensure_ascii=False))
PY

"$bin" segment transactions.csv --plan plan.yaml --summary --format json > summary.json 2> summary.err
python3 - <<'PY' && ok || fail "summary JSON top_categories/top_channels differ from Python's: $(head -c 600 summary.json)"
import json
expected = json.load(open("expected.json", encoding="utf-8"))
got = {s["id"]: s for s in json.load(open("summary.json", encoding="utf-8"))["segments"]}
for seg, want in expected.items():
    for key in ("customers", "top_categories", "top_channels"):
        assert got[seg][key] == want[key], (seg, key, got[seg][key], want[key])
assert got["unassigned"]["top_categories"] == [] and got["unassigned"]["customers"] == 0
PY

# The table's row for big: each name with its share of the members, as Python rounds it.
share_line() {
  python3 - "$1" <<'PY'
import json, sys
e = json.load(open("expected.json", encoding="utf-8"))["big"]
part = lambda key: " · ".join(f"{x['name']} {100 * x['customers'] / e['customers']:.0f}%" for x in e[key])
print(part(sys.argv[1]))
PY
}
categories=$(share_line top_categories) channels=$(share_line top_channels)
table=$("$bin" segment transactions.csv --plan plan.yaml --summary --lang en 2>/dev/null)
grep -qxF "Top categories and channels by segment (share of members)" <<<"$table" && ok || fail "table title: $table"
grep -F "big " <<<"$table" | grep -qF "$categories" && ok || fail "big's categories '$categories': $table"
grep -F "big " <<<"$table" | grep -qF "$channels" && ok || fail "big's channels '$channels': $table"
table=$("$bin" segment transactions.csv --plan plan.yaml --summary --lang zh 2>/dev/null)
grep -qxF "各客群的偏好品类与渠道（占客群人数比例）" <<<"$table" && ok || fail "Chinese table title: $table"
grep -qE "^客群 +偏好品类 +偏好渠道$" <<<"$table" && ok || fail "Chinese headings: $table"

# The dashboard: Enter on the first segment opens its card.
card() { # COLUMNS ROWS LANG LABEL EXPECTED
  tmux kill-session -t "$session" 2>/dev/null
  tmux new-session -d -s "$session" -x "$1" -y "$2" -c "$work" "env TERM=xterm-256color XDG_STATE_HOME='$work/state' bash --norc --noprofile"
  sleep 0.5
  keys "'$bin' plan.yaml --lang $3" Enter
  if ! wait_for "$4" 1 && ! { sleep 3; keys Enter; wait_for "$4" 10; }; then fail "$1×$2 $3: no '$4' on the card"; return; fi
  if screen | grep -F "$4" | grep -qF "$5"; then ok; else fail "$1×$2 $3: '$4' line lacks '$5'"; fi
  screen > "card-$1x$2-$3.txt"
  keys Escape; keys q
}
card 80 24 en "Top categories:" "$categories"
card 120 40 en "Top channels:" "$channels"
card 80 24 zh "偏好品类：" "$categories"
card 120 40 zh "偏好渠道：" "$channels"
[ -n "${PORTRAIT_SCREENS:-}" ] && cp card-*.txt "$PORTRAIT_SCREENS"/

echo "passed $passed failed $failed"
[ "$failed" -eq 0 ]
