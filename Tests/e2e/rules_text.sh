#!/usr/bin/env bash
# The rule language's text, lists and `in` through the real binary:
# `segment --plan` assigns customers by rules with `in`, `not in` and quoted
# text exactly as Python computes from the same scores, and `plan validate`
# puts each text/list error at its FILE:LINE:COLUMN (counted by hand) in
# English and in Chinese, with exit status 2.
# Usage: Tests/e2e/rules_text.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: rules_text.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8 XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# 300 customers with 1 to 6 purchases over a year, deterministic.
python3 - <<'PY'
import random
random.seed(16)
with open("t.csv", "w") as out:
    out.write("customer_id,date,amount\n")
    for c in range(300):
        for _ in range(random.randint(1, 6)):
            out.write(f"C{c:03d},2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d},{random.randint(1, 900)}.50\n")
PY

cat > plan.yaml <<'YAML'
campaign: { id: t, name: Test, start: 2026-03-02, budget: 1000, benchmarks: { aov: 100 } }
segments:
  - id: fresh_regulars
    name: A
    rule: r_score in [4, 5] and f_score not in [1, 2]
  - id: small_spenders
    name: B
    rule: '"满减" != "折扣" and m_score in [1]'
  - id: middle
    name: C
    rule: not (r_score in [1, 2, 3]) or m_score == 3
  - id: texts_equal
    name: D
    rule: '"a\"b" == "a\"b" and f_score in [5]'
YAML
if "$bin" plan validate plan.yaml >/dev/null 2>&1; then ok; else fail "the plan with text and lists does not validate"; fi
"$bin" segment t.csv --plan plan.yaml --format csv --no-bom > out.csv 2> err.txt || fail "segment failed: $(cat err.txt)"
result=$(python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("out.csv", encoding="utf-8")))
def expected(r, f, m):
    if r in (4, 5) and f not in (1, 2): return "fresh_regulars"
    if m == 1: return "small_spenders"
    if r not in (1, 2, 3) or m == 3: return "middle"
    if f == 5: return "texts_equal"
    return "unassigned"
wrong = [row["customer_id"] for row in rows
         if row["segment"] != expected(int(row["r_score"]), int(row["f_score"]), int(row["m_score"]))]
counts = {s: sum(row["segment"] == s for row in rows) for s in ("fresh_regulars", "small_spenders", "middle", "texts_equal")}
print(len(rows), len(wrong), min(counts.values()))
PY
)
read -r customers wrong smallest <<<"$result"
if [ "$customers" = 300 ] && [ "$wrong" = 0 ]; then ok; else fail "segment: $customers customers, $wrong assigned differently from Python"; fi
# Every rule takes someone, so each was really exercised.
if [ "${smallest:-0}" -gt 0 ]; then ok; else fail "a segment took no one ($result)"; fi

# Errors at their columns: each rule's text starts at column 30, after the quote at 29.
cat > broken.yaml <<'YAML'
campaign: { id: t, name: Test, start: 2026-03-02, budget: 1000 }
segments:
  - { id: a, name: A, rule: 'r_score in ["4"] or "女" < 1' }
  - { id: b, name: B, rule: 'm_score not in [1, 2' }
  - { id: c, name: C, rule: 'f_score in []' }
YAML
check() { # LANG_ARG EXPECTED_FILE
    "$bin" plan validate --lang "$1" broken.yaml > got.txt 2>&1
    local status=$?
    if [ "$status" = 2 ]; then ok; else fail "plan validate --lang $1 exited $status"; fi
    if diff <(grep '^broken.yaml:' got.txt) "$2" >/dev/null; then ok; else fail "plan validate --lang $1:"; diff <(grep '^broken.yaml:' got.txt) "$2"; fi
}
cat > en.txt <<'TXT'
broken.yaml:3:41: 'in' needs a list of numbers here (the left side is a number), got a list of text
broken.yaml:3:50: '<' needs numbers on both sides, got text; text is compared only with '==', '!=' and 'in'
broken.yaml:4:50: missing ']' to close '[' at column 16
broken.yaml:5:41: a list needs at least one item, as in [1, 2]
TXT
cat > zh.txt <<'TXT'
broken.yaml:3:41: 'in' 此处需要数字列表（左侧是数字），实际为文本列表
broken.yaml:3:50: '<' 两侧都需要数字，实际为文本；文本只能用 '=='、'!=' 和 'in' 比较
broken.yaml:4:50: 缺少 ']'，无法闭合第 16 列的 '['
broken.yaml:5:41: 列表至少要有一项，例如 [1, 2]
TXT
check en en.txt
check zh zh.txt

echo "rules_text: passed $passed failed $failed"
[ "$failed" = 0 ]
