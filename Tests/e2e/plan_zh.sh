#!/usr/bin/env bash
# `plan validate` and `plan schedule` in Chinese, as a planner runs them: every
# broken plan of the corpus (Tests/CampaignCoreTests/Fixtures/broken-plans)
# reports the same FILE:LINE:COLUMN, severity and exit status with --lang zh
# as with --lang en, in Chinese (plan data aside: quoted ids, keys and values,
# zone names, words the plan itself has); JSON keys stay; the language also
# comes from CAMPAIGN_DECK_LANG and from LANG=zh_CN.UTF-8.
# Usage: Tests/e2e/plan_zh.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: plan_zh.sh PATH/TO/campaign-deck}")
corpus=$(cd "$(dirname "$0")/../CampaignCoreTests/Fixtures/broken-plans" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# The language is chosen per run below; CI exports CAMPAIGN_DECK_LANG=en.
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# compare EN ZH PLAN: same places, every Chinese diagnostic line in Chinese.
compare() { python3 - "$1" "$2" "$3" <<'PY'
import re, sys
en = open(sys.argv[1], encoding="utf-8").read().splitlines()
zh = open(sys.argv[2], encoding="utf-8").read().splitlines()
plan = open(sys.argv[3], encoding="utf-8").read()
name = sys.argv[3]
# Diagnostic lines only: the command's own closing lines are not the checker's.
def diagnostics(lines): return [l for l in lines if l.startswith(name + ":")]
en, zh = diagnostics(en), diagnostics(zh)
place = re.compile(r"^[^:]+:\d+:\d+: ")
problems = []
if [place.match(l).group(0) for l in en] != [place.match(l).group(0) for l in zh]:
    problems.append("places differ")
if sum("warning: " in l for l in en) != sum("警告：" in l for l in zh):
    problems.append("warnings differ")
typed = {"KPI", "CTR", "CNY", "USD", "ISO", "UTC", "IANA", "GMT", "YAML", "ID", "id", "true", "false", "http", "https",
         "all", "ou_", "d", "m", "h", "s", "N"}
# What a plan chooses from, typed as it is in any language: channel kinds,
# scopes, windows, severities, robots, metric and customer-field names.
typed |= set("""paid owned community earned offline channel segment campaign total day info warning critical
wilson none wecom dingtalk feishu webhook impressions clicks conversions reach participants spend revenue ctr cvr cpa
roi participation_rate community_dau_ratio budget_burn pacing forecast_spend forecast_burn daily_spend recency_days frequency monetary aov orders_30d
orders_90d orders_180d orders_365d first_purchase_days repurchase_rate r_score f_score m_score
monetary_30d monetary_90d monetary_180d monetary_365d growth_90d""".split())
plan_words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", plan))
for e, z in zip(en, zh):
    if e == z: problems.append("not translated: " + z); continue
    text = place.sub("", z)
    text = text.split("不是有效的 YAML：")[0]  # libyaml's own words follow
    text = re.sub(r"'[^'\n]*'|`[^`\n]*`", " ", text)  # quoted plan data, commands as typed
    text = re.sub(r"[A-Za-z_]+/[A-Za-z_+0-9/-]+|UTC[+-][0-9]+", " ", text)
    words = [w for w in re.findall(r"(?<![A-Za-z0-9_.:=/-])[A-Za-z][A-Za-z0-9_-]*", text)
             if w not in typed and w not in plan_words and not w[0].isdigit()]
    if words: problems.append(f"English {words} in: {z}")
print("\n".join(problems))
PY
}

for yaml in "$corpus"/*.yaml; do
  name=$(basename "$yaml")
  cp "$yaml" "$name"
  "$bin" plan validate "$name" --lang en > en.out 2>&1; en_status=$?
  "$bin" plan validate "$name" --lang zh > zh.out 2>&1; zh_status=$?
  [ "$en_status" -eq "$zh_status" ] && [ "$zh_status" -ne 0 ] && ok || fail "$name: exit $en_status in English, $zh_status in Chinese"
  problems=$(compare en.out zh.out "$name")
  [ -z "$problems" ] && ok || fail "$name: $problems"
done

# JSON: the same keys, lines, columns and severities; the messages follow the language.
cp "$corpus/20-many-problems.yaml" many.yaml
"$bin" plan validate many.yaml --format json --lang en > en.json 2>/dev/null
"$bin" plan validate many.yaml --format json --lang zh > zh.json 2>/dev/null
python3 - en.json zh.json <<'PY' && ok || fail "JSON keeps its keys and places, messages in Chinese"
import json, sys
en, zh = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert list(en) == list(zh) and en["errors"] == zh["errors"] == 5, (en, zh)
for a, b in zip(en["diagnostics"], zh["diagnostics"]):
    assert list(a) == list(b) and (a["line"], a["column"], a["severity"]) == (b["line"], b["column"], b["severity"])
    assert a["message"] != b["message"] and any("\u4e00" <= c <= "\u9fff" for c in b["message"]), b
PY

# The variable and the locale choose Chinese too.
out=$(CAMPAIGN_DECK_LANG=zh "$bin" plan validate many.yaml 2>&1)
grep -qF "many.yaml:12:35: 客群 'vip' 的客户画像中有未知的渠道 'wechat'" <<<"$out" && ok || fail "CAMPAIGN_DECK_LANG=zh: $out"
out=$(LANG=zh_CN.UTF-8 "$bin" plan validate many.yaml 2>&1)
grep -qF "many.yaml:7:39: 渠道 'douyin' 中的 'kind' 应为 paid、owned、community、earned、offline 之一，实际为 'payed'（是否想写 'paid'？）" <<<"$out" \
  && ok || fail "LANG=zh_CN.UTF-8: $out"

# A good plan: the summary and the schedule in Chinese.
"$bin" init spring > /dev/null
out=$("$bin" plan validate spring.yaml --lang zh 2>&1)
# The plan init writes has tags and tiers (3 and 4, as DemoCampaign writes them).
grep -qE "^spring.yaml：通过：[0-9]+ 个渠道、[0-9]+ 个客群、[0-9]+ 个阶段、[0-9]+ 个任务、[0-9]+ 条预警规则、3 个标签、4 个会员等级$" <<<"$out" && ok || fail "summary: $out"
out=$("$bin" plan schedule spring.yaml --today 2026-04-20 --lang zh 2>&1)
grep -qF "关键路径：2 条并行" <<<"$out" && ok || fail "schedule: critical paths: $out"
grep -qE "^ID +名称 +负责人 +开始 +结束 +天数 +浮动 +完成 +标记" <<<"$out" && ok || fail "schedule: heads: $(head -3 <<<"$out")"
out=$("$bin" plan schedule spring.yaml --today 2026-04-20 --lang en 2>&1)
grep -qF "critical paths: 2 in parallel" <<<"$out" && ok || fail "schedule in English: $out"

echo "passed $passed failed $failed"
[ "$failed" -eq 0 ]
