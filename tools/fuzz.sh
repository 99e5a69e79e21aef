#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) in their own scratch path and runs each
# for a bounded time over its seed corpus; exits 1 on the first crash, leak,
# timeout or broken invariant, printing the input that did it.
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60, all targets)
#   tools/fuzz.sh 300 fuzz-plan                          # a longer run of one
#
# Inputs found are kept in $FUZZ_WORK (default /tmp/campaign-deck-fuzz), so a
# later run goes on from them; the repo's Fuzz/corpus is read, never written.
# FUZZ_JOBS targets run at once (default: the number of cores).
# A crash leaves crash-* in $FUZZ_WORK/TARGET: reproduce with
#   .build-fuzz/debug/TARGET FILE    then turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-event-line fuzz-plan fuzz-plan-edit fuzz-transactions fuzz-rule fuzz-theme)
work=${FUZZ_WORK:-/tmp/campaign-deck-fuzz}

for target in "${targets[@]}"; do
  # The address sanitizer rides along: the parsers use unsafe buffers.
  CAMPAIGN_DECK_FUZZ=1 swift build --scratch-path .build-fuzz --product "$target" \
    -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" \
    | grep -E "error|Build of product" || true
done
bin=.build-fuzz/debug

run_one() {
  local target=$1 log="$work/$1.log"
  local dict=()
  [ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict")
  mkdir -p "$work/$target"
  if "$bin/$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$work/$target/" "$work/$target" "Fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz: $target passed: $(grep -E "^(Done|stat::new_units_added)" "$log" | tr '\n' ' ')"
  else
    echo "fuzz: $target FAILED; the end of its log ($log):"
    grep -v "^#[0-9]" "$log" | tail -40
    ls "$work/$target"/crash-* "$work/$target"/timeout-* "$work/$target"/leak-* "$work/$target"/oom-* 2>/dev/null || true
    return 1
  fi
}

jobs=${FUZZ_JOBS:-$(nproc)}
failed=0
running=0
for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "fuzz: $target did not build"; failed=1; continue; }
  echo "fuzz: $target for ${seconds}s"
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
