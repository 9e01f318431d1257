"""crosscheck on Apache Spark: extraction as the map, `crosscheck compare` as the reduce.

    spark-submit examples/spark/job.py --corpus corpus --rules rules --out target/spark \
        [--binary ./target/release/crosscheck] [--partitions 4] [--format json]

The articles (a folder of article files, on storage every worker sees at the same path)
are listed on the driver and spread over partitions. Each partition runs the crosscheck
binary itself, unchanged, as a subprocess (mapPartitions):

1. `extract --line-keys` over its articles: the keys of their lines, collected into one
   small file that every partition gets (SparkContext.addFile), so each leaves out the
   boilerplate a run over the whole corpus would (`--recurring`);
2. `extract --format jsonl --records-only --name-sentences --recurring KEYS` over its
   articles: the map records, saved as part files (`OUT/map/part-00000`, ...).

Then `crosscheck compare OUT/map` on the driver writes the report: byte for byte what
`crosscheck check CORPUS` writes, in any format (docs/output.md). Only the standard
library and pyspark are used.
"""

import argparse
import os
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# Articles per subprocess: keeps each command line well under the system's limit.
CHUNK = 500


def article_paths(corpus):
    """Article files under `corpus`, as `crosscheck check CORPUS` names them (the path
    is an article's identity in the map records)."""
    exts = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml")
    paths = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or not f.lower().endswith(exts):
                continue
            paths.append(os.path.join(root, f))
    return paths


def run(binary, args, paths):
    """Lines of `binary args paths...`, a chunk of paths at a time."""
    for i in range(0, len(paths), CHUNK):
        out = subprocess.run(
            [binary, *args, *paths[i : i + CHUNK]],
            check=True,
            stdout=subprocess.PIPE,
        ).stdout.decode("utf-8")
        yield from out.splitlines()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--rules", required=True)
    p.add_argument("--out", required=True, help="folder for the map output and the report")
    p.add_argument("--binary", default="crosscheck")
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--format", default="json")
    a = p.parse_args()
    binary = os.path.abspath(a.binary) if os.sep in a.binary else a.binary
    rules = ["--rules", a.rules]

    found = article_paths(a.corpus)
    if not found:
        sys.exit(f"{a.corpus}: no article files")
    map_dir = os.path.join(a.out, "map")
    if os.path.exists(map_dir):
        sys.exit(f"{map_dir} exists: give another --out, or remove it")

    spark = SparkSession.builder.appName("crosscheck").getOrCreate()
    sc = spark.sparkContext
    paths = sc.parallelize(found, a.partitions)

    # Pass 1: line keys of every article, gathered into one file for every worker.
    keys = paths.mapPartitions(
        lambda it: run(binary, ["extract", "--line-keys", *rules], list(it))
    ).collect()
    os.makedirs(a.out, exist_ok=True)
    keys_file = os.path.abspath(os.path.join(a.out, "line-keys.jsonl"))
    with open(keys_file, "w", encoding="utf-8") as f:
        f.writelines(k + "\n" for k in keys)
    sc.addFile(keys_file)

    # Pass 2, the map: every partition's map records, saved as part files.
    def extract(it):
        recurring = SparkFiles.get("line-keys.jsonl")
        args = ["extract", "--format", "jsonl", "--records-only", "--name-sentences", *rules]
        return run(binary, [*args, "--recurring", recurring], list(it))

    paths.mapPartitions(extract).saveAsTextFile(map_dir)
    spark.stop()

    # The reduce: one report over every part file.
    report = os.path.join(a.out, "report." + a.format)
    subprocess.run(
        [binary, "compare", *rules, "--format", a.format, "-o", report, map_dir],
        check=True,
    )
    print(report)


if __name__ == "__main__":
    sys.exit(main())
