#!/usr/bin/env bash
# Gmail sync throughput against the local Gmail API server (tests/gmail-server/gmail_fake.py), in one run:
#   (a) Google's default quota (250 units/s per user, enforced by the server; the client at its default) with 50 ms
#       added to every request: messages/s as a share of the quota's ceiling, and the 429s the server sent;
#   (b) the quota lifted, 50 ms latency; (c) the quota lifted, no added latency: messages/s and where the time went.
# Each run is a full first sync of N messages (default 2000) into a fresh durable archive (synchronous=FULL) on a
# real disk. The ceiling of (a) is exact: the units the sync spent (messages.get 5 each, plus the listing) less the
# server's starting burst, at 250 units/s.
#   bench/gmail/run.sh [N]     env: BENCH_GMAIL_COUNT (N), VAULTTRAY_BENCH_BUILD (default <root>/build-bench)
# Normally run through scripts/bench gmail, which builds first.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BIN=$BUILD/bench/gmail/bench_gmail_sync
COUNT=${1:-${BENCH_GMAIL_COUNT:-2000}}
PY=/usr/bin/python3
TOKEN=bench-access-token

if [ ! -x "$BIN" ]; then
    echo "bench/gmail: $BIN is missing; run scripts/bench gmail (it builds with -DVAULTTRAY_BUILD_BENCH=ON)" >&2
    exit 1
fi

# fsync must hit a real disk: tmpfs makes it free.
base=/tmp
[ "$(stat -f -c %T /tmp)" = tmpfs ] && base=$BUILD
WORK=$(mktemp -d "$base/vaulttray-bench-gmail.XXXXXX")
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# run LABEL SERVER_QUOTA LATENCY_MS CLIENT_UNITS: one sync; prints the bench's JSON line with the server's stats
run() {
    local label=$1 quota=$2 latency=$3 units=$4
    local fifo="$WORK/ready-$label"
    mkfifo "$fifo"
    "$PY" "$ROOT/tests/gmail-server/gmail_fake.py" --messages "$COUNT" --seed 7 --warm --token "$TOKEN" \
        --quota "$quota" --latency-ms "$latency" >"$fifo" 2>/dev/null &
    SERVER_PID=$!
    local ready port fd
    exec {fd}<"$fifo" # held open until the server is gone, so it never writes into a closed pipe
    read -r ready <&"$fd"
    port=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["port"])' "$ready")
    local result stats
    if ! result=$("$BIN" --base "http://127.0.0.1:$port" --token "$TOKEN" --archive "$WORK/$label.db" --units "$units"); then
        kill "$SERVER_PID" 2>/dev/null || true
        return 1
    fi
    stats=$(curl -s "http://127.0.0.1:$port/__control/stats")
    kill "$SERVER_PID" 2>/dev/null || true
    exec {fd}<&-
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    "$PY" -c 'import json,sys; r=json.loads(sys.argv[1]); s=json.loads(sys.argv[2]); r["server"]={k:s.get(k) for k in ("unitsConsumed","rateLimited429","rateLimited403","maxUnitsInAnySecond","messagesGetCalls")}; print(json.dumps(r))' "$result" "$stats"
}

echo "### bench/gmail: a full sync of $COUNT messages, durable archive on $(df --output=source "$WORK" | tail -1)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(date -u +%Y-%m-%d)"
A=$(run quota 250 50 250)
B=$(run lifted50 0 50 100000)
C=$(run lifted0 0 0 100000)

"$PY" - "$A" "$B" "$C" <<'PYEOF'
import json, sys
a, b, c = (json.loads(x) for x in sys.argv[1:4])
rate, burst = 250.0, 250.0
units = a["server"]["unitsConsumed"]
ceiling_s = (units - burst) / rate            # the shortest time the server's bucket allows for this sync
ceiling = a["messages"] / ceiling_s
share = a["msgPerSec"] / ceiling * 100
print()
print("Gmail: %.1f msg/s = %.1f%% of the quota ceiling (%.1f msg/s: %d units at 250/s after a %d-unit burst), "
      "%d 429s, %d 403s, at most %d units in any second" % (a["msgPerSec"], share, ceiling, units, burst,
      a["server"]["rateLimited429"], a["server"]["rateLimited403"], a["server"]["maxUnitsInAnySecond"]))
print()
print("| run | messages | wall s | msg/s | parse s | writer statements s | COMMIT (fsync) s | batches | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|---|")
for name, r in (("(a) quota 250 units/s, +50 ms", a), ("(b) quota lifted, +50 ms", b), ("(c) quota lifted, +0 ms", c)):
    print("| %s | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %d | %.0f |" % (name, r["messages"], r["wallMs"] / 1000,
          r["msgPerSec"], r["parseMs"] / 1000, r["writeMs"] / 1000, r["commitMs"] / 1000, r["batches"],
          r["maxRssKb"] / 1024))
print()
for name, r in (("(b)", b), ("(c)", c)):
    wall = r["wallMs"]
    print("%s where the time went, as shares of wall time: parse %.0f%% (sync thread), writer statements %.0f%% and "
          "COMMIT %.0f%% (writer thread, overlapping), the rest of the sync thread's time waiting for the network "
          "%.0f%%" % (name, r["parseMs"] / wall * 100, r["writeMs"] / wall * 100, r["commitMs"] / wall * 100,
                      max(0.0, 100 - r["parseMs"] / wall * 100)))
PYEOF
