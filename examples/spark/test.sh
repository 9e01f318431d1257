#!/usr/bin/env bash
# The Spark recipe, tested for real (issue #18): PySpark (pinned) in a venv, the job in
# local[2] over the bundled corpus and a generated corpus, and each report compared byte
# for byte with `crosscheck check` on the same articles. `.ci/run` runs this; it needs
# Java 17 and Python 3 (on the CI machine), and downloads PySpark once (about 450 MB).
#
#   bash examples/spark/test.sh            # bundled corpus + 2,000 generated articles
#   ARTICLES=10000 bash examples/spark/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PYSPARK=4.0.1
ARTICLES=${ARTICLES:-2000}
VENV=target/spark-venv
OUT=target/spark-test
BIN=target/release/crosscheck

java -version 2>&1 | head -1
if [ ! -x "$VENV/bin/spark-submit" ] || ! "$VENV/bin/pip" show pyspark 2>/dev/null | grep -qx "Version: $PYSPARK"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK"
fi
cargo build --release --locked --bins 2>&1 | tail -1
# spark-submit finds Spark through the venv's python; workers run the venv's python too.
export PATH="$PWD/$VENV/bin:$PATH" PYSPARK_PYTHON="$PWD/$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$PWD/$VENV/bin/python"

rm -rf "$OUT"
mkdir -p "$OUT"
gen="$OUT/c$ARTICLES"
target/release/gen-corpus --articles "$ARTICLES" --seed 7 --out "$gen" > /dev/null

fail=0
for corpus in corpus "$gen"; do
  for format in json csv; do
    name=$(basename "$corpus")-$format
    start=$(date +%s%N)
    "$VENV/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
      examples/spark/job.py --corpus "$corpus" --rules rules --out "$OUT/$name" \
      --binary "$BIN" --partitions 4 --format "$format" 2> "$OUT/$name.log" > /dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    # check exits 1 when it finds conflicts: that is its report, not a failure here.
    "$BIN" check --corpus "$corpus" --rules rules --format "$format" -o "$OUT/$name.check" || [ $? -eq 1 ]
    if cmp -s "$OUT/$name/report.$format" "$OUT/$name.check"; then
      printf 'spark local[2] = check: %-24s %-4s (job %d.%03d s)\n' "$corpus" "$format" $((ms / 1000)) $((ms % 1000))
    else
      echo "DIFFERENT: $corpus $format (Spark's report $OUT/$name/report.$format, check's $OUT/$name.check)"
      diff <(head -c 4000 "$OUT/$name/report.$format") <(head -c 4000 "$OUT/$name.check") | head -20 || true
      fail=1
    fi
  done
done
exit $fail
