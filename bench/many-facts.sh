#!/usr/bin/env bash
# Memory and time against the number of facts (issue 21, item 8; docs/performance.md).
#
#   bench/many-facts.sh                      # this build: check at 100/1k/10k, lint at 100/1k/4k/10k
#   BIN=/path/to/crosscheck bench/many-facts.sh   # another build (e.g. main's, for "before")
#   CHECK="100 1000" LINT="100 1000 4000" bench/many-facts.sh
#
# Rule files come from bench/many-facts.py (half the facts' context words are in the
# bundled corpus, so `check --corpus corpus` runs their patterns). Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/crosscheck
fi
CHECK=${CHECK:-"100 1000 10000"}
LINT=${LINT:-"100 1000 4000 10000"}
out=target/bench/many-facts
mkdir -p "$out"
for n in $(echo "$CHECK $LINT" | tr ' ' '\n' | sort -nu); do
  python3 bench/many-facts.py "$n" > "$out/rules-$n.toml"
done
echo "| command | facts | wall s | peak RSS MiB |"
echo "|---|---:|---:|---:|"
run() { # label facts args...
  local label=$1 n=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$out/time" "$BIN" "$@" > /dev/null 2> "$out/stderr" || true
  read -r wall kb < <(tail -n 1 "$out/time")
  echo "| $label | $n | $wall | $((kb / 1024)) |"
}
for n in $CHECK; do run check "$n" check --rules "$out/rules-$n.toml" --corpus corpus; done
for n in $LINT; do run lint "$n" lint --rules "$out/rules-$n.toml"; done
