#!/usr/bin/env bash
# Runs the Swift test suite under AddressSanitizer and ThreadSanitizer (the parallel build must
# have no data races). Each sanitizer builds in its own scratch folder.
#   scripts/sanitizers.sh [address|thread]...     (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)
for sanitizer in "${sanitizers[@]}"; do
  echo "== swift test --sanitize=$sanitizer"
  # halt_on_error makes any report fail the run; TSan's second_deadlock_stack helps diagnose.
  ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" 2>&1 \
    | grep -E "Test run|recorded an issue|ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY" | tail -20
  status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || { echo "sanitizers: $sanitizer failed" >&2; exit "$status"; }
done
echo "sanitizers: the test suite passed under ${sanitizers[*]}"
