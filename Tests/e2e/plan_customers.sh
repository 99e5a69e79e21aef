#!/usr/bin/env bash
# The plan's customers, lifecycle, tags and tiers as a planner meets them:
# the contract's example validates and `plan show` lists every section (table
# in English and Chinese, the JSON checked by Python against the values the
# plan writes); a plan with slips exits 2 with
# FILE:LINE:COLUMN lines worked out by hand, in both languages; the demo
# shows its lifecycle, tags and tiers and no customers file.
# Usage: Tests/e2e/plan_customers.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: plan_customers.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8 XDG_STATE_HOME="$work/state"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

cat > plan.yaml <<'EOF'
campaign:
  id: spring
  name: Spring
  start: 2026-03-02
  budget: 10000
  transactions: transactions.csv
  customers:
    file: customers.csv
    merge_on: phone
    columns: { age: number, gender: text, city_tier: number, phone: text }
    values:
      gender: { 男性: 男, 女性: 女 }
    ranges: { age: [0, 120], city_tier: [1, 5] }
lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }
tags:
  - { name: price_sensitive, rule: "aov < 100 and frequency >= 3" }
tiers:
  - { name: bronze, rule: "monetary_365d >= 500" }
  - { name: silver, rule: "monetary_365d >= 2000" }
  - { name: platinum, rule: "monetary_365d >= 5000" }
segments:
  - id: slipping
    rule: p_alive < 0.3 and monetary >= 2000 and age >= 25 and city_tier <= 2
EOF

out=$("$bin" plan validate plan.yaml --lang en 2>&1); status=$?
[ "$status" -eq 0 ] && ok || fail "the example should validate: $out"
grep -qF "plan.yaml: ok: 0 channels, 1 segment, 0 phases, 0 tasks, 0 alert rules, 1 tag, 3 tiers" <<<"$out" && ok || fail "summary: $out"
out=$("$bin" plan validate plan.yaml --lang zh 2>&1)
grep -qF "、1 个标签、3 个会员等级" <<<"$out" && ok || fail "summary in Chinese: $out"

table=$("$bin" plan show plan.yaml --lang en 2>&1)
for line in "CUSTOMERS" "file customers.csv, id column 'customer_id', customers sharing 'phone' merged" \
            "gender     text    男性→男, 女性→女  -" "city_tier  number  -                 1–5" "LIFECYCLE" \
            "new: first purchase within 30 days; active: a purchase within 90 days; silent: none for 90 days but 2+ browses or cart adds; churned: no behaviour for 180 days; dormant: the rest" \
            "TAGS" "price_sensitive  aov < 100 and frequency >= 3" "TIERS (LOW → HIGH)" "platinum  monetary_365d >= 5000"; do
  grep -qxF "$line" <<<"$table" && ok || fail "plan show lacks the line '$line'"
done
table=$("$bin" plan show plan.yaml --lang zh 2>&1)
for line in "客户数据" "文件 customers.csv，客户 ID 列 'customer_id'，'phone' 相同的客户合并为一人" "生命周期" \
            "新客：首购在 30 天内；活跃客：90 天内有购买；沉默客：90 天未购买但有 2 次以上浏览或加购；流失客：180 天无任何行为；休眠客：其余" "标签" "会员等级（从低到高）"; do
  grep -qxF "$line" <<<"$table" && ok || fail "plan show in Chinese lacks the line '$line'"
done

"$bin" plan show plan.yaml --format json > show.json 2>&1
python3 - show.json <<'PY' && ok || fail "plan show JSON: $(head -c 400 show.json)"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
c = d["campaign"]["customers"]
assert c == {"file": "customers.csv", "id_column": "customer_id", "merge_on": "phone",
             "columns": {"age": "number", "gender": "text", "city_tier": "number", "phone": "text"},
             "values": {"gender": {"男性": "男", "女性": "女"}},
             "ranges": {"age": [0, 120], "city_tier": [1, 5]}}, c
assert d["lifecycle"] == {"new_days": 30, "silent_days": 90, "churned_days": 180}, d["lifecycle"]
assert d["tags"] == [{"name": "price_sensitive", "rule": "aov < 100 and frequency >= 3"}], d["tags"]
assert [t["name"] for t in d["tiers"]] == ["bronze", "silver", "platinum"], d["tiers"]
assert list(d)[-3:] == ["lifecycle", "tags", "tiers"], list(d)
PY

# Slips, each located by hand: line 8 `    merge_on: phon` (value at column 15),
# line 9's `age` type at column 34, line 11 `  silent_days: 200` at column 16
# (churned_days keeps its default 180), line 13 the tag rule's text at column
# 23 and its `tier` 12 later at 35, line 16 the lower tier's rule at column 23.
cat > slips.yaml <<'EOF'
campaign:
  id: spring
  name: Spring
  start: 2026-03-02
  budget: 10000
  customers:
    file: customers.csv
    merge_on: phon
    columns: { phone: text, age: numbr }
lifecycle:
  silent_days: 200
tags:
  - { name: a, rule: "aov > 1 and tier > 1" }
tiers:
  - { name: b, rule: "monetary_365d >= 900" }
  - { name: c, rule: "monetary_365d >= 800" }
EOF
out=$("$bin" plan validate slips.yaml --lang en 2>&1); status=$?
[ "$status" -eq 2 ] && ok || fail "slips: exit $status, want 2"
for line in "slips.yaml:8:15: 'merge_on' in 'customers' names column 'phon', which 'columns' does not declare (did you mean 'phone'?)" \
            "slips.yaml:9:34: 'age' in 'columns' of 'customers' must be one of number, text, got 'numbr' (did you mean 'number'?)" \
            "slips.yaml:11:16: 'silent_days' (200) must not be greater than 'churned_days' (180, the default): the stages need 'new_days' ≤ 'silent_days' ≤ 'churned_days'" \
            "slips.yaml:13:35: a tag rule cannot read 'tier': tiers are decided after tags (a tier rule may read 'tags')" \
            "slips.yaml:16:23: warning: tier 'c' starts at or below tier 'b' ('monetary_365d' >= 800 after >= 900): list tiers from low to high, a customer gets the highest whose rule matches"; do
  grep -qxF "$line" <<<"$out" && ok || fail "slips lack '$line' in: $out"
done
out=$("$bin" plan validate slips.yaml --lang zh 2>&1); status=$?
[ "$status" -eq 2 ] && ok || fail "slips in Chinese: exit $status, want 2"
grep -qxF "slips.yaml:13:35: 标签规则不能读取 'tier'：会员等级在标签之后判定（等级规则可以读取 'tags'）" <<<"$out" \
  && ok || fail "slips in Chinese: $out"
grep -qxF "slips.yaml:16:23: 警告：会员等级 'c' 的门槛不高于前面的 'b'（'monetary_365d' >= 800，前者为 >= 900）：等级应从低到高排列，客户取规则命中的最高等级" <<<"$out" \
  && ok || fail "the warning in Chinese: $out"

# The demo has lifecycle, tags and tiers but no customers file, and shows the three.
out=$("$bin" plan show demo --lang en 2>&1)
[ "$(grep -cE "^(LIFECYCLE|TAGS|TIERS \(LOW → HIGH\))$" <<<"$out")" = 3 ] && ! grep -q "^CUSTOMERS" <<<"$out" \
  && grep -qxE "platinum +monetary_365d >= 5000" <<<"$out" && ok || fail "the demo's customer sections: $out"

echo "passed $passed failed $failed"
[ "$failed" -eq 0 ]
