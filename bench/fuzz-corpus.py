#!/usr/bin/env python3
"""Seeds for the fuzz target: every statement the project itself shows (the README's tour, the
golden queries, the Examples, the .help examples and the modules' command examples), one file each,
and a dictionary of the language's words. Usage: bench/fuzz-corpus.py CORPUS_DIR DICT_FILE"""
import glob, hashlib, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
corpus, dictionary = sys.argv[1], sys.argv[2]
os.makedirs(corpus, exist_ok=True)
seeds = set()

for line in open(os.path.join(root, "README.md"), encoding="utf-8"):
    if line.startswith("coso> "):
        seeds.add(line[6:].split("  #")[0].strip())
for line in open(os.path.join(root, "bench/queries.txt"), encoding="utf-8"):
    if line.startswith("coso: "):
        seeds.add(line[6:].strip())
for path in glob.glob(os.path.join(root, "Examples/*.coso")):
    text = open(path, encoding="utf-8").read()
    seeds.add(text)
    seeds.update(l for l in text.splitlines() if l.strip() and not l.startswith("#"))
# Statements quoted in the sources: the .help examples, the commands' examples, the diagnostics'.
literal = re.compile(r'#?"((?:[^"\\\n]|\\.)*)"#?')
for path in glob.glob(os.path.join(root, "Sources/**/*.swift"), recursive=True) + glob.glob(os.path.join(root, "Plugins/**/*.swift"), recursive=True):
    for m in literal.finditer(open(path, encoding="utf-8").read()):
        s = m.group(1).replace('\\"', '"')
        if " | " in s and len(s) < 400 and "\\(" not in s:
            seeds.add(s)

for s in seeds:
    data = s.encode("utf-8")
    open(os.path.join(corpus, hashlib.sha1(data).hexdigest()), "wb").write(data)

words = set("where select sort take skip first distinct count summarize save by asof let def for in if then else use begin commit "
            "rollback and or not true false null today year age band full starts_with sum avg min max count_distinct on_roll "
            "update void reason".split())
words.update(["==", "!=", "<=", ">=", "=~", "|", "(", ")", "[", "]", "{", "}", ":", ",", ".", "@2024-05-19", "$n", "\"", "#", ";", "\n"])
with open(dictionary, "w", encoding="utf-8") as f:
    for w in sorted(words):
        # libFuzzer's dictionary: printable text, \\ and \" escaped, other bytes as \xNN.
        f.write('"' + "".join(c if c.isprintable() and c not in '\\"' else "\\" + c if c in '\\"' else "\\x%02X" % ord(c) for c in w) + '"\n')
print(f"{len(seeds)} seeds, {len(words)} words")
