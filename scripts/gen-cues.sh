#!/usr/bin/env bash
# gen-cues.sh regenerates internal/nlp/quote/wordnet_cues.txt, the cue words
# the quote stage reads only in structurally confirmed frames (a verb before
# a that-clause, a colon or a quotation; a noun before "that"). It runs at
# development time only; dateline embeds the generated file and never
# downloads anything at run time. The curated lexicon (lexicon.go) is not
# touched: it comes first, the generated words only widen it.
#
# Source and licence: Debian wordnet-base 1:3.0-37 (Princeton WordNet 3.0,
# WordNet 3.0 licence: permissive, notice kept in the generated file).
#
# What is taken (deterministic, sorted):
#   verbs  every single-word lemma of a verb.communication (32) or
#          verb.cognition (31) synset that WordNet gives one of the sentence
#          frames 26 "Somebody ----s that CLAUSE", 28 "Somebody ----s to
#          INFINITIVE" or 29 "Somebody ----s whether INFINITIVE" (for the
#          synset or that word), with the frames and its inflections: regular
#          rules, irregular and doubled forms from verb.exc;
#   nouns  every single-word lemma of a noun.communication (10) or
#          noun.cognition (09) synset with a derivational link to a
#          that-clause verb sense ("statement" - "state", "belief" - "believe"),
#          singular and plural (noun.exc for irregular plurals).
#
# Requires apt-get, dpkg-deb and python3. Usage: scripts/gen-cues.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/internal/nlp/quote/wordnet_cues.txt"
version=1:3.0-37
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download "wordnet-base=$version" >/dev/null 2>&1 || {
	echo "gen-cues: apt-get download wordnet-base=$version failed (run apt-get update?)" >&2
	exit 1
}
dpkg-deb -x wordnet-base_*.deb x
WN="$work/x/usr/share/wordnet" VERSION="$version" python3 - >"$out.tmp" <<'PY'
import os, re, sys

wn = os.environ["WN"]
VERBS = {31: "cognition", 32: "communication"}
NOUNS = {9: "cognition", 10: "communication"}
# Sentence frames that show a report, with the letter the file gives them.
FRAMES = {26: "t",  # Somebody ----s that CLAUSE
          28: "i",  # Somebody ----s to INFINITIVE
          29: "w"}  # Somebody ----s whether INFINITIVE

def synsets(name):
    with open(os.path.join(wn, name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            yield line.split(" | ")[0].split()

def exceptions(name):
    m = {}
    with open(os.path.join(wn, name), encoding="latin-1") as f:
        for line in f:
            p = line.split()
            for base in p[1:]:
                m.setdefault(base, set()).add(p[0])
    return m

def single(w):
    return re.fullmatch(r"[a-z]+(-[a-z]+)?", w) is not None

# Verbs: synsets with the that-clause frame.
verbs = {}      # lemma -> lex file
flags = {}      # lemma -> frame letters
senses = set()  # (offset, word number) of the chosen that-clause senses
for p in synsets("data.verb"):
    off, lex = p[0], int(p[1])
    n = int(p[3], 16)
    words = [p[4 + 2 * i].lower() for i in range(n)]
    k = 4 + 2 * n
    k += 1 + 4 * int(p[k])  # pointers
    frames = []
    for i in range(int(p[k])):
        frames.append((int(p[k + 2 + 3 * i]), int(p[k + 3 + 3 * i], 16)))
    if lex not in VERBS:
        continue
    for wi, w in enumerate(words, 1):
        got = {FRAMES[f] for f, x in frames if f in FRAMES and (x == 0 or x == wi)}
        if not got:
            continue
        if "t" in got:
            senses.add((off, wi))
        if single(w):
            verbs.setdefault(w, lex)
            flags.setdefault(w, set()).update(got)

# Nouns derivationally linked to a chosen verb sense.
nouns = {}
for p in synsets("data.noun"):
    lex = int(p[1])
    if lex not in NOUNS:
        continue
    n = int(p[3], 16)
    words = [p[4 + 2 * i].lower() for i in range(n)]
    k = 4 + 2 * n
    for i in range(int(p[k])):
        sym, off, pos, st = p[k + 1 + 4 * i: k + 5 + 4 * i]
        if sym != "+" or pos != "v" or (off, int(st[2:], 16)) not in senses:
            continue
        w = words[int(st[:2], 16) - 1]
        if single(w):
            nouns.setdefault(w, lex)

vexc, nexc = exceptions("verb.exc"), exceptions("noun.exc")

def verb_forms(b):
    irregular = sorted(vexc.get(b, ()))
    if b.endswith("y") and len(b) > 2 and b[-2] not in "aeiou":
        s = b[:-1] + "ies"
    elif b.endswith(("s", "sh", "ch", "x", "z", "o")):
        s = b + "es"
    else:
        s = b + "s"
    ing = [f for f in irregular if f.endswith("ing")]
    if not ing:
        if b.endswith("ie"):
            ing = [b[:-2] + "ying"]
        elif b.endswith("e") and not b.endswith(("ee", "ye", "oe")):
            ing = [b[:-1] + "ing"]
        else:
            ing = [b + "ing"]
    past = [f for f in irregular if not f.endswith("ing")]
    if not past:
        if b.endswith("e"):
            past = [b + "d"]
        elif b.endswith("y") and len(b) > 2 and b[-2] not in "aeiou":
            past = [b[:-1] + "ied"]
        else:
            past = [b + "ed"]
    return [b, s] + past + ing

def plural(b):
    if b in nexc:
        return sorted(nexc[b])
    if b.endswith("y") and len(b) > 2 and b[-2] not in "aeiou":
        return [b[:-1] + "ies"]
    if b.endswith(("s", "sh", "ch", "x", "z")):
        return [b + "es"]
    return [b + "s"]

with open(os.path.join(wn, "data.verb"), encoding="latin-1") as f:
    notice = []
    for line in f:
        if not line.startswith("  "):
            break
        notice.append(re.sub(r"^\s*\d+\s?", "", line.rstrip()))

print("# Generated by scripts/gen-cues.sh from Debian wordnet-base %s (Princeton WordNet 3.0). DO NOT EDIT." % os.environ["VERSION"])
print("# Lines: v|n, WordNet lexicographer file, frames, lemma, inflected forms. Frames of a")
print("# verb: t that-clause, i to-infinitive, w whether; of a noun: t (derived from a t verb).")
print("#")
for line in notice:
    print(("# " + line).rstrip())
print("#")
for w in sorted(verbs):
    print("v", VERBS[verbs[w]], "".join(sorted(flags[w])), " ".join(dict.fromkeys(verb_forms(w))))
for w in sorted(nouns):
    print("n", NOUNS[nouns[w]], "t", " ".join(dict.fromkeys([w] + plural(w))))
PY
mv "$out.tmp" "$out"
echo "gen-cues: wrote $(grep -c '^[vn] ' "$out") entries to ${out#"$root"/}"
