#!/usr/bin/env bash
# Mutation testing (cargo-mutants) of the comparison and the value module: does some test
# fail for each small change to the code that decides verdicts? Too slow for CI on 2 cores;
# results and every survivor explained in docs/testing.md.
#
#   cargo install --locked cargo-mutants
#   bench/mutants.sh                          # src/compare/mod.rs and src/extract/value.rs
#   bench/mutants.sh 'src/compare/**'         # other files (globs as cargo-mutants reads them)
#
# One mutant at a time (-j 1), in a copy of the tree, judged by the tests that exercise
# verdicts and values: tests/verdicts.rs and tests/accuracy.rs (the baseline is not run:
# run them green first). Results: target/mutants/mutants.out/ (caught.txt, missed.txt,
# unviable.txt, timeout.txt, outcomes.json); `cargo mutants --iterate` with the same
# arguments re-tests only what was missed.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(src/compare/mod.rs src/extract/value.rs)
args=()
for f in "${files[@]}"; do args+=(--file "$f"); done
exec cargo mutants --jobs 1 --timeout 300 --build-timeout 900 \
  --baseline=skip --output target/mutants "${args[@]}" -- --test verdicts --test accuracy
