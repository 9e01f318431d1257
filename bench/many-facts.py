#!/usr/bin/env python3
"""Write a rule file with N facts of the shapes docs/rules.md documents, for measuring how
memory and time grow with the number of facts (bench/many-facts.sh, docs/performance.md).

Usage: bench/many-facts.py N > rules.toml

Facts cycle through: quantities with a pattern (varied unit words, optional qualifier words,
context with a window), quantities with `units` only (unit words, or units the reader knows),
dates with a pattern (talks, meetings, deadlines; `within`, `precision`), dates without
patterns, and terms with classes. Each has one or two examples. The words are made up;
every fact id is unique. Deterministic: the same N gives the same bytes.
"""
import sys

NOUNS = ["troops", "soldiers", "vehicles", "tanks", "drones", "ships", "jets", "nurses",
         "teachers", "refugees", "workers", "voters", "cases", "arrests", "flights", "homes"]
# Context words with a place that matches them. Half are words of the bundled corpus, so
# that `check --corpus corpus` runs those facts' patterns (the gate opens), half made up.
PLACES = [("Valdor*", "Valdoria"), ("Kazakh*", "Kazakhstan"), ("Morvan*", "Morvania"),
          ("Russia*", "Russia"), ("Ostland*", "Ostlandia"), ("Ukrain*", "Ukraine"),
          ("Tessel*", "Tesselia"), ("Moscow", "Moscow"), ("Arkad*", "Arkadia"),
          ("Geneva", "Geneva"), ("Brunic*", "Brunicia"), ("NATO", "NATO")]
VERBS = ["sent", "deployed", "counted", "reported", "hired", "lost", "added", "cut"]
EVENTS = ["talks", "summit", "meeting", "vote", "ceasefire", "deadline", "hearing", "launch"]
KNOWN = ["%", "USD", "EUR", "pp", "km", "GB"]


def q(s):
    return "'" + s + "'"


def fact(i):
    noun = NOUNS[i % len(NOUNS)]
    noun2 = NOUNS[(i * 7 + 3) % len(NOUNS)]
    place, stem = PLACES[i % len(PLACES)]
    verb = VERBS[i % len(VERBS)]
    event = EVENTS[i % len(EVENTS)]
    shape = i % 5
    out = ["[[fact]]", f'id = "f{i}.{noun}"']
    if shape == 0:
        out += [f'label = "{noun} {verb} to {stem} (rule {i})"', 'kind = "quantity"',
                "patterns = [" + q(r"{number} (?:[\w-]+ ){0,2}?(?:" + noun + "|" + noun2 + r")\b") + "]",
                f'context = ["{place}"]', f"window = {6 + i % 5}", 'tolerance = "5%"']
        ex = [(f"About 2,{i % 1000:03d} {noun} were {verb} to {stem} on Monday.", f"~2{i % 1000:03d}"),
              (f"Officials in Brussels count 100,000 {noun}.", "none")]
    elif shape == 1:
        out += [f'label = "{noun} in {stem} (rule {i})"', 'kind = "quantity"',
                f'units = ["{noun}", "{noun2}"]', f'context = ["{place}"]',
                f'exclude = ["withdrawn", "{PLACES[(i + 1) % len(PLACES)][0]}"]']
        ex = [(f"{stem} now has 3,{i % 1000:03d} {noun}.", f"3{i % 1000:03d}")]
    elif shape == 2:
        unit = KNOWN[i % len(KNOWN)]
        out += [f'label = "{event} figure for {stem} (rule {i})"', 'kind = "quantity"',
                f'units = ["{unit}"]',
                "patterns = [" + q("(?:grew|rose|fell|up|down|of) {number}") + ", " + q("{number} (?:rise|fall|increase) in " + noun) + "]",
                f'requires = ["{place}", "{event}|{noun}"]', 'scope = "paragraph"']
        ex = [(f"{stem} said {noun} rose 12% after the {event}.", "12%" if unit == "%" else "none")]
    elif shape == 3:
        out += [f'label = "day of the {event} in {stem} (rule {i})"', 'kind = "date"',
                "patterns = [" + q(event + r" (?:[\w-]+ ){0,4}?(?:on|for) {date}") + ", " + q("{date},? (?:the )?" + event) + "]",
                f'context = ["{place}"]', 'within = ["2022-01-01", "2022-12-31"]',
                'precision = "day"' if i % 2 else 'numeric_order = "day-month"']
        ex = [(f"The {event} in {stem} was set for January 10.", "2022-01-10", "2022-01-12")]
    else:
        out += [f'label = "how sources word the {event} in {stem} (rule {i})"', 'kind = "term"',
                f'requires = ["{place}"]', 'exclude = ["rumour*"]', "exclude_window = 3", "",
                "[fact.classes]",
                f'{verb}_{i} = ["{verb}", "{event} {verb}"]',
                f'other_{i} = ["{noun} moved", "{noun2} arrived"]']
        ex = [(f"{stem} said the {noun} {verb} again.", f"{verb}_{i}")]
    for e in ex:
        out += ["", "[[fact.example]]", f'sentence = "{e[0]}"', f'value = "{e[1]}"']
        if len(e) > 2:
            out.append(f'published = "{e[2]}"')
    return "\n".join(out) + "\n"


def main():
    n = int(sys.argv[1])
    sys.stdout.write(f'[story]\ntitle = "Generated: {n} facts"\n\n')
    for i in range(n):
        sys.stdout.write(fact(i) + "\n")


if __name__ == "__main__":
    main()
