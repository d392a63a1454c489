#!/usr/bin/env bash
# fuzz/run.sh [seconds]: build the libFuzzer targets with clang and run each for `seconds` (default 60),
# two at a time. Exits non-zero when any target crashed, leaked, timed out or ran out of memory, and
# prints the reproducer. fuzz/README.md says how a finding becomes a regression test.
#   DESKBELL_FUZZ_BUILD_DIR  build directory (default: build-fuzz next to the sources)
#   DESKBELL_FUZZ_JOBS       targets run at the same time (default 2)
#   DESKBELL_FUZZ_TARGETS    space-separated subset (default: every fuzz/fuzz_*.cpp)
#   CXX_FUZZ                 clang++ to use (default clang++-14, else clang++)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-60}"
build="${DESKBELL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${DESKBELL_FUZZ_JOBS:-2}"

cxx="${CXX_FUZZ:-}"
if [ -z "$cxx" ]; then
    cxx=$(command -v clang++-14 || command -v clang++ || true)
fi
if [ -z "$cxx" ]; then
    echo "fuzz/run.sh: no clang++ found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
    launcher=()
    if [ -z "${CI:-}" ] && command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    # Only deskbell_core and the targets: no widgets, no tests.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
        -DDESKBELL_FUZZ=ON -DDESKBELL_GUI=OFF -DBUILD_TESTING=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)" --target fuzz_all

if [ -n "${DESKBELL_FUZZ_TARGETS:-}" ]; then
    read -r -a targets <<<"$DESKBELL_FUZZ_TARGETS"
else
    targets=()
    for source in "$here"/fuzz_*.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi

# Halt on the first error with a stack; leaks count (LSan), but not those inside Qt and the system
# libraries we do not build (tests/lsan.supp says which and why).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}"

run_one() { # target: fuzz it; writes $work/log and $work/status
    local target="$1" work="$build/fuzz-runs/$1" status=0
    rm -rf "$work/artifacts"
    mkdir -p "$work/corpus" "$work/artifacts"
    local dict=()
    if [ -f "$here/$target.dict" ]; then
        dict=(-dict="$here/$target.dict")
    fi
    # New inputs go to the build directory's corpus; the committed seeds are only read.
    "$build/fuzz/$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" \
        "$work/corpus" "$here/corpus/$target" >"$work/log" 2>&1 || status=$?
    echo "$status" >"$work/status"
}

echo "== fuzzing ${#targets[@]} targets for $seconds s each, $jobs at a time"
running=0
for target in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_one "$target" &
    running=$((running + 1))
done
wait || true

failed=0
for target in "${targets[@]}"; do
    work="$build/fuzz-runs/$target"
    status=$(cat "$work/status" 2>/dev/null || echo "?")
    stats=$(grep -E '^stat::(number_of_executed_units|new_units_added)' "$work/log" 2>/dev/null |
        sed 's/^stat:://' | tr '\n' ' ')
    artifacts=$(find "$work/artifacts" -type f 2>/dev/null | sort)
    if [ "$status" = "0" ] && [ -z "$artifacts" ]; then
        echo "== $target: ok ($stats)"
        continue
    fi
    failed=1
    echo "== $target: FAILED (exit $status)"
    grep -E -m1 -A25 'ERROR: |runtime error|deskbell fuzz check failed|==[0-9]+== ' "$work/log" || tail -40 "$work/log"
    for artifact in $artifacts; do
        echo "   reproducer: $artifact"
        echo "   run it:     $build/fuzz/$target $artifact"
    done
    echo "   full log:   $work/log"
done
exit "$failed"
