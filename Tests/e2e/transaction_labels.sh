#!/usr/bin/env bash
# Transactions with `category` and `channel` columns, as a user meets them:
# the columns change no score and add top_category and top_channel (the CSV
# output is a run on the same rows without them plus the two columns), a mapped column the header lacks is refused with its option
# and the header (English and Chinese, exit 2, nothing on standard output),
# and `segment --help` lists both options in both languages.
# Expected texts are written out by hand below.
# Usage: Tests/e2e/transaction_labels.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: transaction_labels.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_STATE_HOME="$work/state"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
same() { [ "$1" = "$2" ] && ok || fail "$3: expected '$2', got '$1'"; }

printf 'customer_id,date,amount\nA,2026-01-01,10\nB,2026-01-02,20\nA,2026-01-03,5\nC,2026-01-04,1\n' > plain.csv
printf 'customer_id,date,amount,category,channel\nA,2026-01-01,10,服装,web\nB,2026-01-02,20,,app\nA,2026-01-03,5,"a\tb",\nC,2026-01-04,1,x,\n' > labelled.csv

"$bin" segment plain.csv --format csv --as-of 2026-02-01 > plain.out 2> plain.err; plain_rc=$?
"$bin" segment labelled.csv --format csv --as-of 2026-02-01 > labelled.out 2> labelled.err; labelled_rc=$?
same "$plain_rc/$labelled_rc" "0/0" "exit codes with and without the columns"
# The same rows and scores plus top_category and top_channel, worked by hand: A has
# 服装 (10) and "a<tab>b" (5), one row each: the larger amount; B's category and C's channel are empty.
# The demo plan's tags and tier stay the last two columns (empty here: nobody
# reaches a tag's or tier's threshold), so the two go in before them.
paste -d '|' plain.out <(printf ',top_category,top_channel\n,服装,web\n,,app\n,x,\n') \
  | awk -F'|' '{ n = split($1, f, ","); line = f[1]; for (i = 2; i <= n - 2; i++) line = line "," f[i]
                 print line $2 "," f[n - 1] "," f[n] }' > expected.out
cmp -s expected.out labelled.out && ok || fail "the CSV with the columns: $(diff expected.out labelled.out)"
"$bin" segment labelled.csv --category-col category --channel-col channel --format csv --as-of 2026-02-01 > mapped.out 2>&1
cmp -s labelled.out mapped.out && ok || fail "mapping the default names changed the CSV"

"$bin" segment labelled.csv --category-col catgory > typo.out 2> typo.err; rc=$?
same "$rc" "2" "a mapped column the header lacks is bad input"
same "$(cat typo.err)" "campaign-deck: no column 'catgory' in the header (labelled.csv)
hint: the header has: customer_id, date, amount, category, channel; choose the column with --category-col" "the English error"
[ -s typo.out ] && fail "standard output is not empty: $(cat typo.out)" || ok
"$bin" segment labelled.csv --channel-col 渠道 --lang zh > /dev/null 2> zh.err; rc=$?
same "$rc" "2" "the same in Chinese exits 2"
same "$(cat zh.err)" "campaign-deck: 表头中没有列 '渠道'（labelled.csv）
提示：表头中的列：customer_id, date, amount, category, channel；请用 --channel-col 指定列" "the Chinese error"

"$bin" segment --help > help.en 2>&1
grep -q -- "--category-col" help.en && grep -q -- "--channel-col" help.en && ok || fail "English help lacks the options"
grep -q "Header name of the category column" help.en && ok || fail "English help lacks the category text"
"$bin" segment --help --lang zh > help.zh 2>&1
grep -q "品类列的表头名" help.zh && grep -q "渠道列的表头名" help.zh && ok || fail "Chinese help lacks the texts: $(grep -A1 -- -col help.zh)"

echo "transaction_labels: passed $passed failed $failed"
[ "$failed" -eq 0 ]
