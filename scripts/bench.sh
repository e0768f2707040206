#!/usr/bin/env bash
# bench.sh measures dateline's throughput and memory on a news corpus and runs a pure-Go peer
# (github.com/jdkato/prose/v2: tokens, sentences, POS, NER; bench/peers/prose) beside it.
#
# usage: scripts/bench.sh [--no-peer] [--no-gobench]
#
# environment:
#   BENCH_MB=50       corpus size in MB of article text (the shared dev texts, repeated)
#   PEER_MB=1         MB of the same corpus (its first documents) given to prose, which is
#                     hundreds of times slower; MB/s figures are compared, not wall times
#   BENCH_TIME=500ms  -benchtime for the Go benchmarks of ./internal/...
#   BENCH_STORE=1     also run scripts/bench-store.sh (ingest rate, search p50/p95 on generated
#                     articles; its own BENCH_DOCS, BENCH_PG settings apply)
#   DATELINE_SHARED   the shared folder (default: $(git rev-parse --show-toplevel)/../shared)
#
# Peak RSS and CPU time come from GNU time (/usr/bin/time, Debian package "time"); without it
# the script polls /proc for peak RSS and reports no CPU time.
set -euo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

peer=1 gobench=1
for arg in "$@"; do
	case $arg in
	--no-peer) peer=0 ;;
	--no-gobench) gobench=0 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "bench: unknown argument $arg" >&2; usage >&2; exit 2 ;;
	esac
done
bench_mb=${BENCH_MB:-50}
peer_mb=${PEER_MB:-1}
for v in "BENCH_MB=$bench_mb" "PEER_MB=$peer_mb"; do
	[[ ${v#*=} =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "bench: $v: want a number of MB" >&2; exit 2; }
done

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=${DATELINE_SHARED:-$root/../shared}
if [[ ! -d $shared/eval/data ]]; then
	echo "bench: skipped: shared eval data not found at $shared (set DATELINE_SHARED to its path)"
	exit 0
fi
command -v python3 >/dev/null || { echo "bench: python3 is needed to build the corpus" >&2; exit 2; }
data=$(cd "$shared/eval/data" && pwd)
cores=$(nproc)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

gnutime=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true 2>/dev/null; then
	gnutime=/usr/bin/time
else
	echo "bench: GNU time not found (apt-get install time); peak RSS from polling /proc, no CPU time"
fi

echo "bench: building dateline and the prose peer ($(go version | cut -d' ' -f3), $cores cores)"
(cd "$root" && go build -o "$tmp/dateline" ./cmd/dateline)
((peer)) && (cd "$root/bench/peers/prose" && go build -o "$tmp/prose-peer" .)

# The corpus: every dev text once per round (ids made unique), rounds until BENCH_MB of text.
# PEER_MB: the leading documents of the same corpus, for the slow peer.
python3 - "$data" "$tmp" "$bench_mb" "$peer_mb" <<'EOF'
import json, os, sys
data, tmp, want, peer_want = sys.argv[1], sys.argv[2], float(sys.argv[3]) * 1e6, float(sys.argv[4]) * 1e6
sets = ['timex/tbaq-train', 'timex/meantime-dev', 'ner/wikigold', 'quotes/polnear-dev']
docs = []
for s in sets:
    with open(os.path.join(data, s + '.jsonl'), encoding='utf-8') as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append({k: d[k] for k in ('id', 'date', 'title', 'text') if d.get(k)})
size = sum(len(d['text'].encode()) for d in docs)
total, n, rounds, peer_bytes = 0, 0, 0, 0
with open(os.path.join(tmp, 'corpus.jsonl'), 'w', encoding='utf-8') as out, \
        open(os.path.join(tmp, 'peer.jsonl'), 'w', encoding='utf-8') as peer:
    while total < want:
        rounds += 1
        for d in docs:
            line = json.dumps(dict(d, id='%s#%d' % (d['id'], rounds)), ensure_ascii=False) + '\n'
            out.write(line)
            if total < peer_want:
                peer.write(line)
                peer_bytes = total + len(d['text'].encode())
            total += len(d['text'].encode())
            n += 1
with open(os.path.join(tmp, 'corpus.info'), 'w') as f:
    f.write('%d %d %d %d\n' % (total, n, rounds, peer_bytes))
print('bench: corpus %.1f MB of text in %d documents (%d rounds of %d dev documents, %.2f MB); '
      'peer input %.2f MB' % (total / 1e6, n, rounds, len(docs), size / 1e6, peer_bytes / 1e6))
EOF
read -r corpus_bytes _ _ peer_bytes <"$tmp/corpus.info"
if ((peer && peer_bytes == 0)); then
	echo "bench: PEER_MB=$peer_mb selects no document; skipping the peer"
	peer=0
fi

# measure LABEL WORKERS BYTES CMD... runs CMD with stdout to /dev/null and appends one result
# line: label, workers, MB, wall s, CPU s, peak RSS MB.
results=$tmp/results.tsv
: >"$results"
measure() {
	local label=$1 workers=$2 bytes=$3
	shift 3
	local wall cpu rss rc=0
	if [[ -n $gnutime ]]; then
		"$gnutime" -o "$tmp/time.out" -f '%e %U %S %M' "$@" >/dev/null 2>"$tmp/err" || rc=$?
		local e u s m
		read -r e u s m < <(tail -n 1 "$tmp/time.out")
		wall=$e cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}') rss=$((m / 1024))
	else
		local t0 t1 pid hwm=0 v
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>"$tmp/err" &
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do
			v=$(awk '/^VmHWM:/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
			[[ -n $v ]] && ((v > hwm)) && hwm=$v
			sleep 0.05
		done
		wait "$pid" || rc=$?
		t1=$(date +%s.%N)
		wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') cpu=- rss=$((hwm / 1024))
	fi
	# dateline exits 1 when it skipped bad inputs but analysed the rest: note it and go on.
	if [[ $label == dateline && $rc == 1 ]]; then
		echo "bench: note: dateline ($workers worker(s)) skipped some inputs:"
		tail -n 1 "$tmp/err" | sed 's/^/  /'
	elif ((rc != 0)); then
		echo "bench: $label failed (exit $rc):" >&2
		tail -n 20 "$tmp/err" >&2
		exit 1
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$workers" \
		"$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1e6}')" "$wall" "$cpu" "$rss" >>"$results"
}

# Start-up: the fixed cost of a run (package initialisation, the NER model) on one short
# document, which the MB/s figures below include once. It is mostly go-dateparser's
# initialisation (compiled locale regexps, ~78 MB allocated, ~25 MB kept), linked in through
# go-trafilatura (HTML input) whether or not a run reads HTML.
printf '{"id":"startup","date":"2025-08-06","text":"Envoys met in Geneva on Wednesday."}\n' >"$tmp/one.jsonl"
if [[ -n $gnutime ]]; then
	"$gnutime" -o "$tmp/time.out" -f '%e %U %S %M' "$tmp/dateline" extract --in jsonl "$tmp/one.jsonl" >/dev/null 2>&1 || true
	read -r e u s m < <(tail -n 1 "$tmp/time.out")
	echo "bench: start-up on one short document: ${e}s wall, $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')s CPU, $((m / 1024)) MB peak RSS"
fi

echo "bench: dateline extract, 1 worker and $cores"
measure dateline 1 "$corpus_bytes" "$tmp/dateline" extract --in jsonl --workers 1 "$tmp/corpus.jsonl"
measure dateline "$cores" "$corpus_bytes" "$tmp/dateline" extract --in jsonl --workers "$cores" "$tmp/corpus.jsonl"
if ((peer)); then
	echo "bench: prose peer, 1 worker and $cores"
	measure prose 1 "$peer_bytes" "$tmp/prose-peer" -workers 1 "$tmp/peer.jsonl"
	measure prose "$cores" "$peer_bytes" "$tmp/prose-peer" -workers "$cores" "$tmp/peer.jsonl"
fi

echo
awk -F'\t' '
function per(mb, s) { return s > 0 ? mb / s : 0 }
{
	label[NR] = $1; workers[NR] = $2; mb[NR] = $3; wall[NR] = $4; cpu[NR] = $5; rss[NR] = $6
	rate[NR] = per($3, $4); crate[NR] = $5 == "-" ? 0 : per($3, $5)
	w[$1, $2] = rate[NR]; c[$1, $2] = crate[NR]
}
END {
	printf "%-9s %7s %9s %8s %8s %10s %8s %9s %12s\n", "engine", "workers", "input MB", "wall s", "MB/s", "MB/s/core", "CPU s", "MB/CPU-s", "peak RSS MB"
	for (i = 1; i <= NR; i++)
		printf "%-9s %7d %9.2f %8.2f %8.3f %10.3f %8s %9s %12d\n", label[i], workers[i], mb[i], wall[i], rate[i], rate[i] / workers[i], cpu[i], (crate[i] > 0 ? sprintf("%.3f", crate[i]) : "-"), rss[i]
	for (k in w) {
		split(k, p, SUBSEP)
		if (p[1] != "prose" || w["dateline", p[2]] <= 0 || w[k] <= 0)
			continue
		line = sprintf("throughput ratio dateline/prose, %d worker(s): %.0fx by wall time", p[2], w["dateline", p[2]] / w[k])
		if (c["dateline", p[2]] > 0 && c[k] > 0)
			line = line sprintf(", %.0fx by CPU time", c["dateline", p[2]] / c[k])
		print line
	}
}' "$results"
echo "(MB = article text bytes. Times include start-up and, for prose, loading its model once per worker."
echo " MB/CPU-s is MB per second of user+system CPU: steadier than wall time on a busy machine.)"

if ((gobench)); then
	echo
	echo "bench: go test -bench . -benchtime ${BENCH_TIME:-500ms} ./internal/..."
	# A package that fails to build or test is reported, not fatal: the others still measure.
	(cd "$root" && go test -run '^$' -bench . -benchtime "${BENCH_TIME:-500ms}" ./internal/... 2>&1) >"$tmp/gobench.txt" || true
	if grep -q 'MB/s' "$tmp/gobench.txt"; then
		awk '/^pkg: /{pkg=$2} /MB\/s/{printf "%-36s %s\n", pkg, $0}' "$tmp/gobench.txt"
	else
		echo "(no benchmark reports MB/s yet)"
	fi
	if grep -q '^FAIL' "$tmp/gobench.txt"; then
		echo "bench: warning: some packages failed:"
		grep -E '^(FAIL|--- FAIL|# )' "$tmp/gobench.txt" | sed 's/^/  /'
	fi
fi

if [[ -n ${BENCH_STORE:-} ]]; then
	echo
	"$root/scripts/bench-store.sh"
fi
