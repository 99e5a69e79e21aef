#!/usr/bin/env bash
# segment's files beside the transactions and the names of tags and tiers,
# through the real binary in English and Chinese:
# - `--behaviour` and `--customers` that are missing, a folder or (not as
#   root) without permission say what and where, with exit status 2;
# - `plan validate` refuses ';' in tag and tier names at FILE:LINE:COLUMN
#   (counted by hand), since `segment --format csv` joins a customer's tags
#   with ';'; names with other punctuation come back whole when Python splits
#   the CSV's tags field on ';', and match the tags Python works out itself.
# Usage: Tests/e2e/intake_errors.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: intake_errors.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8 XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# 40 customers, 1 to 4 purchases each, deterministic.
python3 - <<'PY'
import random
random.seed(8)
with open("t.csv", "w") as out:
    out.write("customer_id,date,amount\n")
    for c in range(40):
        for _ in range(random.randint(1, 4)):
            out.write(f"C{c:02d},2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d},{random.randint(1, 300)}.50\n")
PY
mkdir folder

# expect LANG STATUS EXPECTED-STDERR ARGS...
expect() {
    local lang=$1 status=$2 line=$3; shift 3
    "$bin" segment t.csv "$@" --lang "$lang" > out.txt 2> err.txt
    local got=$?
    if [ "$got" = "$status" ]; then ok; else fail "segment $* --lang $lang exited $got, not $status"; fi
    if [ "$(cat err.txt)" = "$line" ]; then ok; else fail "segment $* --lang $lang said: $(cat err.txt)"; fi
}
expect en 2 "campaign-deck: cannot read nope.jsonl: no such file (--behaviour)" --behaviour nope.jsonl
expect en 2 "campaign-deck: cannot read folder: Is a directory (--behaviour)" --behaviour folder
expect en 2 "campaign-deck: cannot read the customers file: no such file (nope.csv)" --customers nope.csv
expect en 2 "campaign-deck: cannot read the customers file: Is a directory (folder)" --customers folder
expect zh 2 "campaign-deck: 无法读取 nope.jsonl：文件不存在（--behaviour）" --behaviour nope.jsonl
expect zh 2 "campaign-deck: 无法读取 folder：这是一个文件夹（--behaviour）" --behaviour folder
expect zh 2 "campaign-deck: 无法读取客户文件：文件不存在（nope.csv）" --customers nope.csv
expect zh 2 "campaign-deck: 无法读取客户文件：这是一个文件夹（folder）" --customers folder
# Root reads a file without permission bits: only another user can see the refusal.
if [ "$(id -u)" != 0 ]; then
    echo x > locked.jsonl && echo x > locked.csv && chmod 000 locked.jsonl locked.csv
    expect en 2 "campaign-deck: cannot read locked.jsonl: Permission denied (--behaviour)" --behaviour locked.jsonl
    expect zh 2 "campaign-deck: 无法读取客户文件：权限不足（locked.csv）" --customers locked.csv
else
    echo "skipped: the permission checks (running as root)"
fi

# ';' in tag and tier names, at the name's column (after `  - { name: `, 12 characters).
cat > broken.yaml <<'YAML'
campaign: { id: t, name: Test, start: 2026-03-02, budget: 1000 }
tags:
  - { name: 'a;b', rule: monetary >= 0 }
  - { name: 'fine', rule: monetary >= 0 }
tiers:
  - { name: 'gold;vip', rule: monetary_365d >= 500 }
segments:
  - { id: a, name: A, rule: monetary >= 0 }
YAML
validate() { # LANG EXPECTED_FILE
    "$bin" plan validate --lang "$1" broken.yaml > got.txt 2>&1
    local status=$?
    if [ "$status" = 2 ]; then ok; else fail "plan validate --lang $1 exited $status"; fi
    if diff <(grep '^broken.yaml:' got.txt) "$2" >/dev/null; then ok; else fail "plan validate --lang $1:"; diff <(grep '^broken.yaml:' got.txt) "$2"; fi
}
cat > en.txt <<'TXT'
broken.yaml:3:13: tag name 'a;b' cannot contain ';': the CSV output joins a customer's tags with ';'
broken.yaml:6:13: tier name 'gold;vip' cannot contain ';': the CSV output joins a customer's tags with ';'
TXT
cat > zh.txt <<'TXT'
broken.yaml:3:13: 标签名称 'a;b' 不能包含 ';'：`--format csv` 输出用 ';' 连接客户的多个标签
broken.yaml:6:13: 会员等级名称 'gold;vip' 不能包含 ';'：`--format csv` 输出用 ';' 连接客户的多个标签
TXT
validate en en.txt
validate zh zh.txt

# Names with a comma, a space and CJK are allowed, and read back whole from the CSV.
cat > plan.yaml <<'YAML'
campaign: { id: t, name: Test, start: 2026-03-02, budget: 1000 }
tags:
  - { name: 'big,spender', rule: monetary >= 400 }
  - { name: '价格 敏感', rule: monetary < 150 }
  - { name: every, rule: monetary >= 0 }
segments:
  - { id: a, name: A, rule: monetary >= 0 }
YAML
if "$bin" plan validate plan.yaml > /dev/null 2>&1; then ok; else fail "the plan with ',' and ' ' in tag names does not validate"; fi
"$bin" segment t.csv --plan plan.yaml --format csv --no-bom > out.csv 2> err.txt || fail "segment failed: $(cat err.txt)"
result=$(python3 - <<'PY'
import csv
from collections import defaultdict
from decimal import Decimal
spent = defaultdict(Decimal)
for row in csv.DictReader(open("t.csv")):
    spent[row["customer_id"]] += Decimal(row["amount"])
def tags(m):
    return [name for name, hit in (("big,spender", m >= 400), ("价格 敏感", m < 150), ("every", True)) if hit]
rows = list(csv.DictReader(open("out.csv", encoding="utf-8")))
wrong = [r["customer_id"] for r in rows if r["tags"].split(";") != tags(spent[r["customer_id"]])]
both = sum(1 for r in rows if len(r["tags"].split(";")) >= 2)
print(len(rows), len(wrong), both)
PY
)
read -r customers wrong both <<<"$result"
if [ "$customers" = 40 ] && [ "$wrong" = 0 ]; then ok; else fail "tags read back: $customers customers, $wrong differ from Python"; fi
# Some customers really hold two tags, so the ';' join was exercised.
if [ "${both:-0}" -gt 0 ]; then ok; else fail "no customer holds two tags ($result)"; fi

echo "intake_errors: passed $passed failed $failed"
[ "$failed" = 0 ]
