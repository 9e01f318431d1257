#!/usr/bin/env bash
# Run every fuzz target (or the ones named) for a bounded time each, one after another.
#
#   fuzz/run.sh SECONDS [TARGET...]      e.g. fuzz/run.sh 600            (10 minutes each)
#                                             fuzz/run.sh 60 number date
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (`rustup toolchain
# install nightly`). Not part of CI (.ci/run): crashes it finds become regression tests under
# tests/, which CI does run. Logs go to fuzz/logs/TARGET.log; a crash leaves its input in
# fuzz/artifacts/TARGET/ and makes this script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(rules article number date quote inputs)
fi

mkdir -p fuzz/logs
cargo +nightly fuzz build -O >/dev/null
status=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    # Seed the corpus from the repository: articles for the text readers, rules for the loader.
    case "$t" in
        # One seed per fact of the bundled rules: small inputs keep the loader fast to fuzz.
        rules) awk -v dir="fuzz/corpus/$t" '/^\[\[fact\]\]/ { n++ } { print > (dir "/seed-" n ".toml") }' \
                   rules/kazakhstan-2022.toml ;;
        # The first byte picks the format (0 page, 1 JSON Lines, 2 CSV).
        inputs) for f in tests/fixtures/pages/*.html; do
                    { printf '\x00'; cat "$f"; } > "fuzz/corpus/$t/$(basename "$f")"
                done
                { printf '\x01'; cat tests/fixtures/feeds/feed.jsonl; } > "fuzz/corpus/$t/feed.jsonl"
                { printf '\x02'; cat tests/fixtures/feeds/feed.csv; } > "fuzz/corpus/$t/feed.csv" ;;
        *) cp -n corpus/*.txt "fuzz/corpus/$t/" 2>/dev/null || true
           cp -n tests/fixtures/hostile/* "fuzz/corpus/$t/" 2>/dev/null || true ;;
    esac
    # Inputs as large as the unit each reader sees in a run: a sentence for the number and
    # date readers (capped at 4 KiB by the corpus), an article for the others.
    case "$t" in
        number|date) max_len=1024 ;;
        rules) max_len=4096 ;;
        *) max_len=16384 ;;
    esac
    echo "== $t: ${secs}s"
    if cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
        >"fuzz/logs/$t.log" 2>&1; then
        # libFuzzer's last status line: executions, coverage, corpus size.
        grep -E '^#[0-9]+' "fuzz/logs/$t.log" | tail -1
        grep -E 'Done [0-9]+ runs' "fuzz/logs/$t.log" || true
    else
        status=1
        echo "!! $t failed: see fuzz/logs/$t.log and fuzz/artifacts/$t/"
        grep -E 'panicked|ERROR|SUMMARY' "fuzz/logs/$t.log" | head -5 || true
    fi
done
exit $status
