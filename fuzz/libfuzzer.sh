#!/usr/bin/env bash
# Coverage-guided fuzzing of nb-fuzz's targets with libFuzzer and AddressSanitizer
# (fuzz/README.md). One target at a time, at niceness 10, each for FUZZ_SECONDS.
#
#   fuzz/libfuzzer.sh                 # every target: cells csv archive wire
#   FUZZ_SECONDS=600 fuzz/libfuzzer.sh cells
#
# The working corpus grows in .build-fuzz/corpus/TARGET (git-ignored), seeded from
# fuzz/corpus/TARGET; every crash, timeout or out-of-memory input libFuzzer finds is
# written to fuzz/crashes-open/TARGET/ for triage (fuzz/README.md says what to do next).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(cells csv archive wire)

# -DFUZZING: main.swift hands the process to libFuzzer (LibFuzzerEntry.swift). The
# sanitizers instrument every Swift module, so the build lives apart from .build.
nice -n 10 swift build -c debug --scratch-path "$scratch" --product nb-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
binary="$scratch/debug/nb-fuzz"

# Swift's runtime keeps caches for the life of the process: leaks are not findings here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}

max_len() {
  case "$1" in cells) echo 1024 ;; archive) echo 16384 ;; *) echo 4096 ;; esac
}

for target in "${targets[@]}"; do
  work="$scratch/corpus/$target"
  found="fuzz/crashes-open/$target"
  mkdir -p "$work" "$found"
  before=$(find "$found" -type f | wc -l)
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  log="$scratch/fuzz-$target.log"
  echo "== $target: ${seconds}s (log: $log)"
  # -fork=1 with -ignore_*: one child at a time that libFuzzer restarts after a death, so a
  # run goes on after its first finding. Inputs are capped (-max_len) and a single
  # allocation over 1 GB (more than the session's 50-million-element limit) is a finding.
  NB_FUZZ_TARGET="$target" nice -n 10 "$binary" "${dict[@]}" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=30 -report_slow_units=3600 \
    -rss_limit_mb=3072 -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$found/" "$work" "fuzz/corpus/$target" >"$log" 2>&1 || true
  after=$(find "$found" -type f | wc -l)
  stats=$(grep -E '^#[0-9]+: cov' "$log" | tail -1 || true)
  echo "$target: $stats"
  echo "$target: $((after - before)) new findings in $found"
done
