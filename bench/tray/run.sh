#!/usr/bin/env bash
# The tray's responsiveness and start-up, on a private X server with a tray host (tests/integration/ui/xsession.sh):
#   (a) the largest gap between two turns of the GUI event loop while a whole mailbox of N messages (default 10,000)
#       is archived from the local Gmail API server, quota lifted (bench_tray_responsiveness; with the status window
#       open and without), next to the 16 ms of one frame; and how long the tray menu takes to paint when opened;
#   (b) the real vaulttray executable started R times (default 5) on a fresh archive with one account: time from
#       exec to its icon being mapped in the tray, and to the first sync run starting (sync_runs.started_at).
#   bench/tray/run.sh [N]     env: BENCH_TRAY_COUNT (N), BENCH_TRAY_STARTS (R), VAULTTRAY_BENCH_BUILD
# Normally run through scripts/bench tray, which builds first.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BENCH=$BUILD/bench/tray/bench_tray_responsiveness
APP=$BUILD/app/vaulttray
XSESSION=$ROOT/tests/integration/ui/xsession.sh
COUNT=${1:-${BENCH_TRAY_COUNT:-10000}}
STARTS=${BENCH_TRAY_STARTS:-5}
PY=/usr/bin/python3
TOKEN=bench-access-token

for f in "$BENCH" "$APP"; do
    [ -x "$f" ] || { echo "bench/tray: $f is missing; run scripts/bench tray" >&2; exit 1; }
done

# fsync must hit a real disk: tmpfs makes it free.
base=/tmp
[ "$(stat -f -c %T /tmp)" = tmpfs ] && base=$BUILD
WORK=$(mktemp -d "$base/vaulttray-bench-tray.XXXXXX")
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "### bench/tray: $COUNT messages, $STARTS starts"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"

# (a) responsiveness during a full archive
fifo=$WORK/ready
mkfifo "$fifo"
echo "starting the Gmail server with $COUNT messages ..." >&2
"$PY" "$ROOT/tests/gmail-server/gmail_fake.py" --messages "$COUNT" --seed 7 --warm --token "$TOKEN" --quota 0 \
    >"$fifo" 2>/dev/null &
SERVER_PID=$!
exec {fd}<"$fifo"
read -r ready <&"$fd"
port=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["port"])' "$ready")
results=()
for mode in status-window tray-only no-tray; do
    flag=
    [ "$mode" = tray-only ] && flag=--no-status-window
    [ "$mode" = no-tray ] && flag=--no-ui
    echo "archiving $COUNT messages with the tray ($mode) ..." >&2
    # A new mailbox copy per run: the server's messages are the same, the archive is new.
    results+=("$("$XSESSION" "$BENCH" --base "http://127.0.0.1:$port" --token "$TOKEN" \
        --archive "$WORK/responsive-$mode.db" $flag)")
done
kill "$SERVER_PID" 2>/dev/null || true
exec {fd}<&-
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=

# (b) start-up of the real executable, each time on a fresh home with one IMAP account: the time to its icon being
# docked in the tray, and to the first sync starting (the log's "sync starts", written when the scheduler starts
# the run, whatever becomes of it).
starts=()
for i in $(seq "$STARTS"); do
    home=$WORK/home-$i
    mkdir -p "$home/run"
    chmod 700 "$home/run"
    echo "start $i of $STARTS ..." >&2
    starts+=("$(HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_RUNTIME_DIR=$home/run \
        DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent "$XSESSION" bash -c '
        app=$1 archive=$2 log=$XDG_DATA_HOME/vaulttray/logs/vaulttray.log
        "$app" secrets allow-private-file >/dev/null
        echo pw | "$app" --archive "$archive" account add-imap work --host 127.0.0.1 --port 9 --security plain \
            --user u --password-stdin >/dev/null
        start=$(date +%s%3N)
        "$app" --archive "$archive" 2>/dev/null &
        icon= sync=
        for _ in $(seq 3000); do
            now=$(date +%s%3N)
            if [ -z "$icon" ] && xwininfo -root -tree | grep -A20 "(\"panel\" \"trayer\")" | grep -q "\"vaulttray\": (\"vaulttray\""; then
                icon=$now
            fi
            if [ -z "$sync" ] && line=$(grep -m1 " sync starts$" "$log" 2>/dev/null); then
                sync=$(date -d "${line%% *}" +%s%3N)
            fi
            [ -n "$icon" ] && [ -n "$sync" ] && break
            sleep 0.01
        done
        "$app" --archive "$archive" quit >/dev/null
        wait
        echo "{\"iconMs\": $((icon - start)), \"firstSyncMs\": $((sync - start))}"
    ' _ "$APP" "$home/archive.db")")
done

"$PY" - "$COUNT" "${results[@]}" -- "${starts[@]}" <<'PYEOF'
import json, statistics, sys
args = sys.argv[1:]
count = int(args[0])
sep = args.index("--")
runs = [json.loads(x) for x in args[1:sep]]
starts = [json.loads(x) for x in args[sep + 1:]]
frame = 16.0
print()
print("| tray during a %d-message archive | wall s | largest gap (wall) | its ratio to a frame | gaps > 16 ms | largest gap in GUI-thread CPU | its ratio to a frame | CPU gaps > 16 ms | GUI thread CPU s; parse stage s (its own thread, wall) | menu paint median / max |" % count)
print("|---|---|---|---|---|---|---|---|---|---|")
for r in runs:
    print("| %s | %.1f | %.1f ms | %.2f | %d of %d | %.1f ms | %.2f | %d | %.2f, %.2f | %.1f / %.1f ms |" % (
        {"tray+status": "tray + status window", "tray": "tray only", "none": "no tray (baseline)"}[r["ui"]],
        r["wallMs"] / 1000,
        r["maxGapMs"], r["maxGapMs"] / frame, r["gapsOverFrame"], r["turns"], r["maxGapCpuMs"],
        r["maxGapCpuMs"] / frame, r["cpuGapsOverFrame"], r["guiThreadCpuMs"] / 1000, r["parseMs"] / 1000,
        r["menuOpenMedianMs"], r["menuOpenMaxMs"]))
print()
icon = [s["iconMs"] for s in starts]
sync = [s["firstSyncMs"] for s in starts]
print("start of the real executable (%d starts): icon in the tray median %d ms (min %d, max %d); first sync run "
      "started median %d ms (min %d, max %d): by design SchedulePolicy::firstRunDelay (10 s) after start, which the "
      "coarse timer may reach up to kDueSlack (1 s) early" % (
      len(starts), statistics.median(icon), min(icon), max(icon), statistics.median(sync), min(sync), max(sync)))
PYEOF
