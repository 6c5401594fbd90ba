#!/usr/bin/env bash
# Fuzz one content file's path through the pipeline with libFuzzer + AddressSanitizer.
#   scripts/fuzz.sh [SECONDS]        (default 60)
# The corpus grows in .build-fuzz/corpus (seeded from the fixtures and content); crashes are
# written to .build-fuzz/crashes and make the script exit non-zero. Turn each crash into a
# fixture under Tests/Fixtures/fuzz-regressions/ so HostileInputTests replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"

# SwiftPM renames an executable's entry point, which clashes with libFuzzer's main, so the
# harness is a shared library (instrumented with -sanitize=fuzzer,address, like everything it
# calls) and clang links it with libFuzzer's driver.
if ! log="$(STUDYGUIDE_FUZZ=1 swift build -c release --scratch-path "$scratch" --product StudyGuideFuzz -Xswiftc -sanitize=fuzzer,address 2>&1)"; then
  printf '%s\n' "$log" | grep -v "Cannot export local symbol" | tail -20 >&2
  exit 1
fi
bin="$scratch/release"
"$toolchain/bin/clang" -fsanitize=fuzzer,address -o "$bin/studyguide-fuzz" -L"$bin" -lStudyGuideFuzz \
  -Wl,-rpath,"$(pwd)/$bin" -Wl,-rpath,"$toolchain/lib/swift/linux" 2>&1 | grep -v "Cannot export local symbol" || true

mkdir -p "$scratch/corpus" "$scratch/crashes"
find Tests/Fixtures content -name '*.md' -size -64k | while read -r file; do
  cp "$file" "$scratch/corpus/seed-$(printf '%s' "$file" | md5sum | cut -c1-16)"
done
"$bin/studyguide-fuzz" "$scratch/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$scratch/crashes/" -print_final_stats=1 > "$scratch/last-run.log" 2>&1 || true
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb|ERROR|SUMMARY" \
  "$scratch/last-run.log" | tail -15
if ls "$scratch/crashes/"* >/dev/null 2>&1; then
  echo "fuzz: crashes found in $scratch/crashes (log: $scratch/last-run.log)" >&2
  exit 1
fi
echo "fuzz: no crashes in $seconds s"
