#!/usr/bin/env bash
# eval.sh measures dateline on the shared dev sets and the seed article with the shared
# scorers, prints one table and writes eval/last.json.
#
# usage: scripts/eval.sh [--check] [--update-baseline [--accept-drop[=KEYS]]] [--full] [--keep] [--markdown]
#
#   --check            exit 1 when a gated score is more than 0.5 points below eval/baseline.json
#   --update-baseline  raise eval/baseline.json to this run's figures (never lowers them)
#   --accept-drop[=KEYS] with --update-baseline: also lower figures, all or the comma-separated
#                      task/dataset/metric KEYS (a deliberate trade-off; say why in the commit)
#   --full             also run quotes/polnear-train (10 MB; slower)
#   --keep             keep inputs, outputs and scorer reports in eval/out/ (else a temp dir)
#   --markdown         print the table as Markdown (to paste into EVAL.md)
#
# The shared data is looked up at $(git rev-parse --show-toplevel)/../shared, or $DATELINE_SHARED.
# Without it the script says so and exits 0, so a clone without the data still passes CI.
# Needs go and python3 (stdlib only). Table and baseline logic: scripts/evaltable.py.
set -euo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

check=() update=() table=() full=0 keep=0
for arg in "$@"; do
	case $arg in
	--check) check=(--check) ;;
	--update-baseline) update+=(--update-baseline) ;;
	--accept-drop | --accept-drop=*) update+=("$arg") ;;
	--full) full=1 ;;
	--keep) keep=1 ;;
	--markdown) table=(--markdown) ;;
	-h | --help) usage; exit 0 ;;
	*) echo "eval: unknown argument $arg" >&2; usage >&2; exit 2 ;;
	esac
done

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=${DATELINE_SHARED:-$root/../shared}
if [[ ! -d $shared/eval/data || ! -f $shared/eval/timex_score.py ]]; then
	echo "eval: skipped: shared eval data not found at $shared (set DATELINE_SHARED to its path)"
	exit 0
fi
shared=$(cd "$shared" && pwd)
command -v python3 >/dev/null || { echo "eval: python3 is needed to run the scorers" >&2; exit 2; }
scorers=$shared/eval
data=$scorers/data
seed_dir=$shared/fixtures/seed

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dateline-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ((keep)); then
	work=$root/eval/out
	rm -rf "$work"
	mkdir -p "$work"
else
	work=$tmp
fi
manifest=$work/manifest.tsv runs=$work/runs.tsv
: >"$manifest"
: >"$runs"

echo "eval: building dateline ($(go version | cut -d' ' -f3))"
(cd "$root" && go build -o "$tmp/dateline" ./cmd/dateline)
bin=$tmp/dateline

# extract NAME ARGS... runs dateline with --validate into $work/NAME.out. Exit 1 (some inputs
# skipped) is tolerated and reported: those documents then score as empty. Anything else (bad
# usage, a crash) is reported and returns 1: that set goes unscored and eval.sh fails at the end.
extract() {
	local name=$1
	shift
	local t0 t1 rc=0
	t0=$(date +%s.%N)
	"$bin" extract --validate "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
	t1=$(date +%s.%N)
	if ((rc != 0 && rc != 1)); then
		echo "eval: dateline extract failed on $name (exit $rc):" >&2
		# A Go panic: its message and the top of the stack say most.
		if grep -q -E '^(panic|fatal error):' "$work/$name.err"; then
			grep -m 1 -A 12 -E '^(panic|fatal error):' "$work/$name.err" >&2
		else
			tail -n 20 "$work/$name.err" >&2
		fi
		return 1
	fi
	if ((rc == 1)); then
		echo "eval: $name: dateline skipped inputs:"
		head -n 5 "$work/$name.err" | sed 's/^/  /'
	fi
	local n_in=0 bytes=0
	if [[ $1 == --in ]]; then
		n_in=$(grep -c . "${!#}" || true)
		bytes=$(wc -c <"${!#}")
	else
		n_in=1
		bytes=$(wc -c <"${!#}")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n_in" "$(grep -c . "$work/$name.out" || true)" \
		"$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1e6}')" \
		"$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')" "$rc" >>"$runs"
}

# score TASK DATASET KIND SCORER ARGS... runs a shared scorer and records its report.
score() {
	local task=$1 dataset=$2 kind=$3 scorer=$4
	shift 4
	local out=$work/$task.$dataset.$kind.json
	if ! python3 "$scorers/$scorer" "$@" >"$out" 2>"$out.err"; then
		echo "eval: $scorer $* failed:" >&2
		cat "$out.err" >&2
		exit 2
	fi
	printf '%s\t%s\t%s\t%s\n' "$task" "$dataset" "$kind" "$out" >>"$manifest"
}

# score_set TASK DATASET GOLD SYSTEM runs the scorers that belong to TASK.
score_set() {
	local task=$1 dataset=$2 gold=$3 sys=$4
	case $task in
	timex) score "$task" "$dataset" timex timex_score.py "$gold" "$sys" --json ;;
	ner)
		score "$task" "$dataset" ner ner_score.py "$gold" "$sys" --json
		if [[ $dataset == meantime-* ]]; then
			score "$task" "$dataset" coref ner_score.py "$gold" "$sys" --coref --json
		fi
		;;
	quotes) score "$task" "$dataset" quotes quote_score.py "$gold" "$sys" --json ;;
	esac
}

# restrict_annotated GOLD RANGES SYSTEM PREFIX writes PREFIX.gold and PREFIX.out: the gold and
# system documents with only the times that start inside the byte ranges listed in the
# "annotated" field of RANGES (same ids, same texts). Any disagreement between the files is
# fatal: ranges of another text would silently score the wrong spans.
restrict_annotated() {
	python3 - "$@" <<'PY' || { echo "eval: cannot restrict $1 to the annotated ranges of $2" >&2; exit 2; }
import json, sys
gold_path, ranges_path, sys_path, prefix = sys.argv[1:]

def read(path):
    docs = {}
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                d = json.loads(line)
                if d.get('id') in docs:
                    sys.exit('%s:%d: duplicate id %r' % (path, n, d.get('id')))
                docs[d.get('id')] = d
    return docs

gold, ranges = read(gold_path), read(ranges_path)
if set(gold) != set(ranges):
    sys.exit('%s and %s list different documents (%d vs %d ids)' % (gold_path, ranges_path, len(gold), len(ranges)))
spans = {}
for id_, d in gold.items():
    r = ranges[id_]
    if r.get('text') != d.get('text'):
        sys.exit('%s: the text differs between %s and %s' % (id_, gold_path, ranges_path))
    spans[id_] = [(int(a['start']), int(a['end'])) for a in r.get('annotated') or []]
    if not spans[id_]:
        sys.exit('%s: no "annotated" range in %s' % (id_, ranges_path))

def inside(id_, t):
    return any(a <= t['start'] < b for a, b in spans[id_])

def write(path, docs):
    with open(path, 'w', encoding='utf-8') as w:
        for d in docs:
            if d.get('id') in spans:  # unknown ids stay as they are, for the scorer to report
                d = dict(d)
                d['times'] = [t for t in d.get('times') or [] if inside(d['id'], t)]
            w.write(json.dumps(d, ensure_ascii=False) + '\n')

write(prefix + '.gold', gold.values())
with open(sys_path, encoding='utf-8') as f:
    write(prefix + '.out', [json.loads(line) for line in f if line.strip()])
PY
}

crashed=()
sets=(timex/tbaq-train timex/meantime-dev ner/meantime-dev ner/wikigold quotes/polnear-dev)
((full)) && sets+=(quotes/polnear-train)
for set in "${sets[@]}"; do
	task=${set%%/*} dataset=${set#*/}
	gold=$data/$set.jsonl
	name=$task.$dataset
	python3 "$scorers/make_input.py" "$gold" >"$work/$name.in"
	if ! extract "$name" --in jsonl "$work/$name.in"; then
		crashed+=("$name")
		continue
	fi
	score_set "$task" "$dataset" "$gold" "$work/$name.out"
	# MEANTIME annotates times only in the headline and the first five sentences, so the
	# full-text row counts every later time as spurious. The -annotated row scores both sides
	# inside the annotated byte ranges, which the NER file of the same documents lists.
	if [[ $set == timex/meantime-dev ]]; then
		restrict_annotated "$gold" "$data/ner/meantime-dev.jsonl" "$work/$name.out" "$work/$name.annotated"
		score_set "$task" "$dataset-annotated" "$work/$name.annotated.gold" "$work/$name.annotated.out"
	fi
	# Documents a trained stage never saw (eval/heldout/TASK.ids) are scored again on their own.
	ids=$root/eval/heldout/$task.ids
	if [[ -f $ids ]]; then
		python3 - "$gold" "$ids" "$work/$name.heldout.gold" <<'PY'
import json, sys
gold, ids, out = sys.argv[1:]
keep = {l.strip() for l in open(ids, encoding='utf-8') if l.strip() and not l.startswith('#')}
with open(gold, encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as w:
    for line in f:
        if line.strip() and json.loads(line).get('id') in keep:
            w.write(line)
PY
		if [[ -s $work/$name.heldout.gold ]]; then
			score_set "$task" "$dataset-heldout" "$work/$name.heldout.gold" "$work/$name.out"
		fi
	fi
done

# The seed reference names its article by id.
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["id"])' "$seed_dir/gold.json")
if extract "seed.$id" "$seed_dir/$id.txt"; then
	# seed_check.py exits 1 whenever a check fails; its last line carries the count.
	python3 "$scorers/seed_check.py" "$seed_dir/gold.json" "$work/seed.$id.out" -v >"$work/seed.$id.check.txt" 2>&1 || true
	printf 'seed\t%s\tseed\t%s\n' "$id" "$work/seed.$id.check.txt" >>"$manifest"
	if grep -q '^FAIL ' "$work/seed.$id.check.txt"; then
		echo "eval: seed checks that fail (first 10):"
		grep '^FAIL ' "$work/seed.$id.check.txt" | head -n 10 | cut -c1-160 | sed 's/^/  /'
	fi
else
	crashed+=("seed.$id")
fi

echo
status=0
python3 "$root/scripts/evaltable.py" --manifest "$manifest" --runs "$runs" \
	--last "$root/eval/last.json" --baseline "$root/eval/baseline.json" "${check[@]}" "${update[@]}" "${table[@]}" || status=$?
if ((${#crashed[@]})); then
	echo "eval: FAILED: dateline did not finish on ${crashed[*]} (see above); those sets are not scored" >&2
	status=2
fi
((keep)) && echo "eval: outputs and scorer reports kept in $work (rerun a scorer with --errors for details)"
exit $status
