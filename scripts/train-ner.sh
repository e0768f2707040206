#!/usr/bin/env bash
# train-ner.sh retrains the NER model (internal/nlp/ner/model/ner.bin.gz) and
# scores it on the parts of the shared dev sets it did not train on:
# WikiGold documents 100-144 and the MEANTIME dev documents whose FNV-32a id
# hash is odd. Extra arguments go to the trainer (e.g. -by-sa, -seed 2).
#
# Development time only: reads ../shared (the shared corpora next to the
# checkout); the committed model is what dateline embeds.
#
# Usage: scripts/train-ner.sh [trainer flags]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./internal/nlp/ner/cmd/train -heldout-ids "$tmp/held.txt" "$@"
go build -o "$tmp/tag" ./internal/nlp/ner/cmd/tag
for set in meantime-dev wikigold; do
  python3 - "$shared/eval/data/ner/$set.jsonl" "$tmp/held.txt" >"$tmp/$set.gold.jsonl" <<'PY'
import json, sys
held = set(open(sys.argv[2]).read().split())
for line in open(sys.argv[1], encoding="utf-8"):
    if json.loads(line)["id"] in held:
        sys.stdout.write(line)
PY
  python3 "$shared/eval/make_input.py" "$tmp/$set.gold.jsonl" | "$tmp/tag" >"$tmp/$set.out.jsonl"
  echo "== $set (held-out part)"
  python3 "$shared/eval/ner_score.py" "$tmp/$set.gold.jsonl" "$tmp/$set.out.jsonl" | sed -n 3,9p
  if [ "$set" = meantime-dev ]; then
    python3 "$shared/eval/ner_score.py" "$tmp/$set.gold.jsonl" "$tmp/$set.out.jsonl" --coref | sed -n 2,3p
  fi
done
