#!/usr/bin/env bash
# bench-store.sh measures the archive: ingest rate (analysis and storage, the
# real 'dateline ingest'), store-only insert rate (generated layers put
# directly) and search latency p50/p95, on a generated corpus
# (storetest.Generate via internal/store/storetest/cmd/storebench), for
# SQLite and, when a PostgreSQL URL is given, for PostgreSQL.
#
# usage: scripts/bench-store.sh
#
# environment:
#   BENCH_DOCS=10000     generated articles (2-4 KB each)
#   BENCH_QUERIES=450    searches timed (a fixed mix of 9 query shapes)
#   BENCH_PG=postgres:// PostgreSQL database to measure too; each run makes a
#                        fresh schema in it (DATELINE_TEST_POSTGRES is used
#                        when BENCH_PG is unset)
#   BENCH_SKIP_INGEST=1  skip the (slow: analysis) ingest run
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
docs=${BENCH_DOCS:-10000}
queries=${BENCH_QUERIES:-450}
pg=${BENCH_PG:-${DATELINE_TEST_POSTGRES:-}}
[[ $docs =~ ^[0-9]+$ && $queries =~ ^[0-9]+$ ]] || { echo "bench-store: BENCH_DOCS and BENCH_QUERIES must be numbers" >&2; exit 2; }

tmp=$(mktemp -d /tmp/dateline-bench-store.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/dateline" ./cmd/dateline && go build -o "$tmp/storebench" ./internal/store/storetest/cmd/storebench)
"$tmp/storebench" gen -n "$docs" -dir "$tmp/corpus" >/dev/null
echo "bench-store: $docs generated articles, $(du -sh "$tmp/corpus" | cut -f1) of JSONL, $(nproc) cores"


measure() { # label db-for-ingest db-for-put
	local label=$1 ingest_db=$2 put_db=$3
	if [[ -z ${BENCH_SKIP_INGEST:-} ]]; then
		# "ingested N inputs in Xs (R/s): ..." is ingest's own summary line.
		"$tmp/dateline" ingest --db "$ingest_db" "$tmp/corpus" | sed "s/^/$label ingest: /"
		"$tmp/storebench" search -db "$ingest_db" -queries "$queries" | sed "s/^/$label /"
	fi
	"$tmp/storebench" put -n "$docs" -db "$put_db" | sed "s/^/$label store-only /"
	"$tmp/storebench" search -db "$put_db" -queries "$queries" | sed "s/^/$label store-only /"
}

measure sqlite "$tmp/ingest.db" "$tmp/put.db"
if [[ -n $pg ]]; then
	measure postgres "$("$tmp/storebench" schema -db "$pg")" "$("$tmp/storebench" schema -db "$pg")"
else
	echo "bench-store: postgres skipped: set BENCH_PG=postgres://..."
fi
