#!/usr/bin/env bash
# The IMAP client's fetch speed against a private Dovecot (apt: dovecot-imapd) on this machine, beside the physical
# limit (the server streaming everything to a reader that discards it); plaintext and IMAPS.
#   bench/imapfetch/run.sh [N]    env: BENCH_IMAP_COUNT (N, default 10000), BENCH_REPEATS (3),
#                                 VAULTTRAY_BENCH_BUILD (default <root>/build-bench)
# Normally run through scripts/bench imapfetch, which builds first.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BIN=$BUILD/bench/imapfetch/bench_imapfetch
COUNT=${1:-${BENCH_IMAP_COUNT:-10000}}
REPEATS=${BENCH_REPEATS:-3}

if [ ! -x "$BIN" ]; then
    echo "bench/imapfetch: $BIN is missing; run scripts/bench imapfetch (it builds with -DVAULTTRAY_BUILD_BENCH=ON)" >&2
    exit 1
fi
echo "### bench/imapfetch on $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
QT_LOGGING_RULES="vaulttray.*.debug=false;vaulttray.*.info=false" "$BIN" --messages "$COUNT" --rounds "$REPEATS"
