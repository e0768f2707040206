#!/usr/bin/env bash
# ci-deps.sh installs the system packages the test suite uses when they are
# missing: Debian's chromium (the headless-browser test of the web UI,
# internal/server TestBrowser) and postgresql (the PostgreSQL store tests,
# scripts/pg-test.sh). Both tests skip without them, so CI must run this
# first to test everything. It runs apt-get update at most once and nothing
# when both are installed already.
#
# Usage: scripts/ci-deps.sh            (as root, or with sudo available)
set -euo pipefail

have_postgres() {
	local dir
	for dir in /usr/lib/postgresql/*/bin; do
		[[ -x $dir/initdb ]] && return 0
	done
	command -v initdb >/dev/null
}

missing=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
have_postgres || missing+=(postgresql)

if ((${#missing[@]} == 0)); then
	echo "ci-deps: chromium and postgresql are installed"
	exit 0
fi

sudo=()
if ((EUID != 0)); then
	command -v sudo >/dev/null || { echo "ci-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi
echo "ci-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}"
# Debian starts a cluster on install; the tests run their own (pg-test.sh).
if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null; then
	"${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true
fi
command -v chromium >/dev/null && chromium --version
