#!/usr/bin/env bash
# Mutation testing (cargo-mutants) of the comparison and the value module: does some test
# fail for each small change to the code that decides verdicts? Too slow for CI on 2 cores;
# results and every survivor explained in docs/testing.md.
#
#   cargo install --locked cargo-mutants
#   bench/mutants.sh                          # src/compare/mod.rs and src/extract/value.rs
#   bench/mutants.sh 'src/compare/**'         # other files (globs as cargo-mutants reads them)
#
# One mutant at a time (-j 1), in a copy of the tree, built with the `mutants` profile
# (opt-level 1, no debug info: about 15 s a mutant instead of 45), judged by the tests that
# exercise verdicts, values and names: the unit tests, tests/verdicts.rs, tests/accuracy.rs
# and tests/names.rs (the baseline is not run: run them green first). Results: target/mutants/mutants.out/ (caught.txt, missed.txt,
# unviable.txt, timeout.txt, outcomes.json); `cargo mutants --iterate` with the same
# arguments re-tests only what was missed.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(src/compare/mod.rs src/extract/value.rs)
args=()
for f in "${files[@]}"; do args+=(--file "$f"); done
# The judges are given as cargo arguments (-C), not after `--`: after `--` they only filter
# the test run, and every test target of the crate is still built for each mutant (25
# binaries to link instead of 4: about three times the build).
exec cargo mutants --jobs 1 --timeout 300 --build-timeout 900 --profile mutants \
  --baseline=skip --output target/mutants "${args[@]}" \
  -C --lib -C --test=verdicts -C --test=accuracy -C --test=names
