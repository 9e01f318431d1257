#!/usr/bin/env bash
# Build one large article for the memory and time figures of docs/robustness.md: front
# matter once, then the five bundled articles' bodies repeated until the file holds at
# least MB megabytes (10^6 bytes). Never commit the output; write it under target/.
#
#   bench/big-article.sh 100 target/big/a100      # a folder holding one 100 MB article
#   /usr/bin/time -v target/release/crosscheck check --corpus target/big/a100 \
#       --format csv -o /dev/null
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:?size in MB}
DIR=${2:?output folder}
mkdir -p "$DIR"
OUT="$DIR/big.txt"
BODIES=$(mktemp)
trap 'rm -f "$BODIES"' EXIT
for f in corpus/*.txt; do
  # The body: everything after the closing `---` of the front matter.
  awk 'n >= 2 { print } /^---$/ { n++ }' "$f" >> "$BODIES"
  echo >> "$BODIES"
done
printf -- '---\nsource: Generated\ntitle: Five bodies repeated\npublished: 2022-01-08\n---\n' > "$OUT"
want=$((MB * 1000000))
size=$(stat -c %s "$BODIES")
reps=$(((want + size - 1) / size))
for _ in $(seq "$reps"); do cat "$BODIES"; done >> "$OUT"
echo "wrote $(stat -c %s "$OUT") bytes to $OUT"
