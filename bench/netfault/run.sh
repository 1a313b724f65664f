#!/usr/bin/env bash
# The whole network-fault matrix (every fault x refresh, listing, transfer, then invalid_grant) against the real
# executable in network namespaces; root only. CI runs a subset (ctest -L netns). Prints one line per case and the
# summary; the JSON results go to $NETFAULT_REPORT (default: netfault-report.json in the current folder).
#   scripts/bench netfault                          recoveries nudged with `vaulttray sync` where the backoff would wait
#   NETFAULT_UNPROMPTED=1 scripts/bench netfault    every recovery left to the app's own backoff (slower)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
args=(--vaulttray "$BUILD/app/vaulttray" --set full --prefix vtnf-full --report "${NETFAULT_REPORT:-netfault-report.json}")
[ -n "${NETFAULT_UNPROMPTED:-}" ] && args+=(--unprompted-all)
exec /usr/bin/python3 "$ROOT/tests/reliability/netfault/netfault.py" "${args[@]}"
