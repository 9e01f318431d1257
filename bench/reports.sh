#!/usr/bin/env bash
# Write every report crosscheck can produce, on every bundled corpus, into one folder, so
# that two builds can be compared byte for byte (the renovation's promise, and any change
# meant to leave output alone):
#
#   bench/reports.sh OUT [BIN]          # BIN defaults to target/release/crosscheck
#   bench/reports.sh target/before  path/to/old/crosscheck
#   bench/reports.sh target/after && diff -r target/before target/after && echo identical
#
# Corpora: corpus/ with rules/; each story of corpus-real/ (and all of it) with rules/ and with
# a rule file that names no facts; a 1,000-article generated corpus (gen-corpus, seed 1).
# Every format of `check` (text at 100 and 80 columns and in colour, csv, wide csv, json,
# markdown, html, github, sarif), every format of `extract`, `test` and `lint` on rules/ and
# on the example story repository, and a baseline. Each output keeps its exit status
# (`NAME.rc`) and standard error (`NAME.err`).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: bench/reports.sh OUT [BIN]}
BIN=${2:-target/release/crosscheck}
GEN=${GEN:-target/release/gen-corpus}
BIN=$(realpath "$BIN")
rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")

# One run: NAME, then the arguments. Stdout, stderr and the status are kept.
one() {
  local name=$1
  shift
  local rc=0
  "$BIN" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || rc=$?
  echo "$rc" > "$OUT/$name.rc"
}

all_formats() {
  local tag=$1
  shift
  one "$tag.check.text" check "$@" --width 100 --color never
  one "$tag.check.text80" check "$@" --width 80 --color never
  one "$tag.check.color" check "$@" --width 120 --color always
  for f in csv json markdown html github sarif; do
    one "$tag.check.$f" check "$@" --format "$f"
  done
  one "$tag.check.wide" check "$@" --format csv --wide
  one "$tag.extract.text" extract "$@" --width 100 --color never
  for f in csv json jsonl; do
    one "$tag.extract.$f" extract "$@" --format "$f"
  done
}

all_formats bundled --rules rules --corpus corpus
one bundled.baseline check --rules rules --corpus corpus --write-baseline "$OUT/bundled.baseline.json" --format csv
one bundled.failon check --rules rules --corpus corpus --fail-on conflict --baseline "$OUT/bundled.baseline.json" --format csv
one rules.test test rules
one rules.test.json test rules --format json
one rules.lint lint rules
one story-repo.test test examples/story-repo/rules
one story-repo.lint lint examples/story-repo/rules
all_formats story-repo --rules examples/story-repo/rules --corpus examples/story-repo/corpus

for story in corpus-real/*/; do
  s=$(basename "$story")
  all_formats "real-$s" --rules rules --corpus "$story"
  all_formats "real-$s.nofacts" --rules tests/fixtures/rules-nofacts --corpus "$story"
done
all_formats real-all.nofacts --rules tests/fixtures/rules-nofacts --corpus corpus-real

if [ ! -d target/bench/c1000 ]; then
  "$GEN" --articles 1000 --seed 1 --out target/bench/c1000 > /dev/null
fi
for f in text csv json markdown html sarif; do
  one "gen1k.check.$f" check --rules rules --corpus target/bench/c1000 --format "$f" --width 100 --color never --threads 2
done
one gen1k.extract.csv extract --rules rules --corpus target/bench/c1000 --format csv --threads 2
# Messages that name the output folder itself differ from run to run: name it OUT.
sed -i "s#$OUT/#OUT/#g" "$OUT"/*.err
echo "$(ls "$OUT" | wc -l) files in $OUT"
