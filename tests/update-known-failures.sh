#!/usr/bin/env bash
# Rewrites tests/python/KNOWN_FAILURES from an actual run of the differential
# suite: every (program, mode) that does not match CPython today is listed,
# everything else is removed. Extra arguments are test filters, e.g.
#   tests/update-known-failures.sh strings/
# (runs filtered out keep their current entries).
set -euo pipefail
cd "$(dirname "$0")/.."
KILN_UPDATE_KNOWN_FAILURES=1 cargo test -p kiln --test differential -- "$@"
git diff --stat -- tests/python/KNOWN_FAILURES || true
