#!/usr/bin/env bash
# Idle cost of the headless daemon: bench_idle_daemon (the daemon as app/main.cpp wires it, with a provider
# that succeeds at once) with ACCOUNTS accounts on a fresh archive, left alone for WINDOW seconds and measured
# from outside: context switches per thread (/proc/PID/task/*/status), CPU time (/proc/PID/stat utime+stime,
# and /proc/PID/task/*/schedstat in ns), RSS (VmRSS, VmHWM). The physical limit is one wake-up per due time plus
# the scheduler's 5-minute re-arm; analyze.py compares the two and attributes every wake-up.
#
# Every case runs twice at the same time: a measured instance that nothing stops, and a traced twin under
# `strace -f` (ptrace stops inflate the twin's own counters, which is why the figures come from the other one)
# whose trace says which thread woke, in which syscall, and why. Where perf may record sched:sched_switch, the
# measured instance is watched by it too (a kernel tracepoint: no stop, no signal): it splits the voluntary
# switches into sleeps waiting for an event (state S: the wake-ups) and waits for the disk (state D: fdatasync).
# All cases run side by side, so the whole bench takes SETTLE + WINDOW seconds.
#
# Cases: every interval in INTERVALS, with every system bus in BUSES, for every face in UIS:
#   headless  bench_idle_daemon (vaulttray --headless);
#   tray      bench_idle_tray, the same with the tray icon and its menu (TrayController), in a tray host (trayer) on a
#             private X server (Xvfb) that this script starts; its labels start with "tray-".
#   host  the machine's own system bus, whatever is on it (here: none; on a desktop: logind, NetworkManager);
#   mock  a private dbus-daemon with python-dbusmock's logind and NetworkManager (connected), like a desktop.
#
#   bench/idle/run.sh [WINDOW]   env: BENCH_IDLE_SECONDS (WINDOW, default 600), BENCH_IDLE_SETTLE (5),
#       BENCH_IDLE_INTERVALS ("900 120", seconds), BENCH_IDLE_BUS ("host mock"), BENCH_IDLE_UI ("headless tray"),
#       BENCH_IDLE_ACCOUNTS (3),
#       BENCH_IDLE_TRACE (1: run the traced twins), BENCH_IDLE_PERF (1: record sched_switch), BENCH_IDLE_SAMPLE (60: seconds between timeline samples),
#       BENCH_IDLE_KEEP (a folder: keep the raw samples and traces there), VAULTTRAY_BENCH_BUILD
# Normally run through scripts/bench idle, which builds first. Quick check: BENCH_IDLE_SECONDS=60 scripts/bench idle
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BIN=$BUILD/bench/idle/bench_idle_daemon
BIN_TRAY=$BUILD/bench/idle/bench_idle_tray
WINDOW=${1:-${BENCH_IDLE_SECONDS:-600}}
SETTLE=${BENCH_IDLE_SETTLE:-5}
INTERVALS=${BENCH_IDLE_INTERVALS:-900 120}
BUSES=${BENCH_IDLE_BUS:-host mock}
UIS=${BENCH_IDLE_UI:-headless tray}
ACCOUNTS=${BENCH_IDLE_ACCOUNTS:-3}
TRACE=${BENCH_IDLE_TRACE:-1}
PERF=${BENCH_IDLE_PERF:-1}
SAMPLE=${BENCH_IDLE_SAMPLE:-60}
KEEP=${BENCH_IDLE_KEEP:-}
# The interpreter with Debian's python3-dbusmock (python3 on PATH may be another build without it).
SYSTEM_PYTHON=/usr/bin/python3
READY_TIMEOUT_S=20

if [ ! -x "$BIN" ]; then
    echo "bench/idle: $BIN is missing; run scripts/bench idle (it builds with -DVAULTTRAY_BUILD_BENCH=ON)" >&2
    exit 1
fi
if [[ " $UIS " == *" tray "* ]] && ! { [ -x "$BIN_TRAY" ] && command -v Xvfb >/dev/null && command -v trayer >/dev/null; }; then
    echo "bench/idle: the tray cases need $BIN_TRAY, Xvfb and trayer; running the headless ones only" >&2
    UIS=${UIS//tray/}
fi
if [ "$TRACE" = 1 ] && ! command -v strace >/dev/null; then
    echo "bench/idle: strace not found; running without traced twins (no attribution)" >&2
    TRACE=0
fi

if [ "$PERF" = 1 ] && ! { command -v perf >/dev/null &&
    perf record -q -e sched:sched_switch -o /dev/null -- true >/dev/null 2>&1; }; then
    echo "bench/idle: perf cannot record sched:sched_switch here; wake-ups are not split into S and D" >&2
    PERF=0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vaulttray-bench-idle.XXXXXX")
children=() # every process this script started, stopped by PID on exit
cleanup() {
    local pid
    for pid in "${children[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [ -n "$KEEP" ]; then
        mkdir -p "$KEEP" && cp -r "$WORK"/. "$KEEP"/ && echo "bench/idle: raw data kept in $KEEP" >&2
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# A private system bus with mocked logind and NetworkManager; sets MOCK_ADDRESS.
start_mock_bus() {
    local dir=$WORK/mockbus name
    mkdir -p "$dir"
    cat >"$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:dir=$dir</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    dbus-daemon --config-file="$dir/bus.conf" --nofork --print-address=1 >"$dir/address" 2>"$dir/daemon.err" &
    children+=($!)
    for _ in $(seq 50); do
        [ -s "$dir/address" ] && break
        sleep 0.1
    done
    local address
    address=$(head -1 "$dir/address")
    [ -n "$address" ] || { echo "bench/idle: dbus-daemon printed no address" >&2; return 1; }
    for template in logind networkmanager; do
        DBUS_SYSTEM_BUS_ADDRESS=$address "$SYSTEM_PYTHON" -m dbusmock --system -t "$template" \
            >/dev/null 2>"$dir/$template.err" &
        children+=($!)
    done
    for name in org.freedesktop.login1 org.freedesktop.NetworkManager; do
        for _ in $(seq 100); do
            DBUS_SYSTEM_BUS_ADDRESS=$address dbus-send --system --print-reply --dest=org.freedesktop.DBus \
                /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "string:$name" 2>/dev/null |
                grep -q 'boolean true' && continue 2
            sleep 0.1
        done
        echo "bench/idle: the $name mock did not start: $(cat "$dir"/*.err)" >&2
        return 1
    done
    MOCK_ADDRESS=$address
}

mock_usable() {
    command -v dbus-daemon >/dev/null && command -v dbus-send >/dev/null &&
        "$SYSTEM_PYTHON" -c 'import dbusmock' 2>/dev/null
}

# One process: threads (tid comm voluntary nonvoluntary runtime_ns) and the process (utime stime ticks, RSS).
snapshot() { # PID LABEL FILE
    local pid=$1 label=$2 file=$3 t task
    t=$(now_ms)
    [ -d "/proc/$pid" ] || { echo "$label $t gone" >>"$file"; return 0; }
    for task in /proc/"$pid"/task/*; do
        awk -v label="$label" -v t="$t" -v tid="${task##*/}" -v comm="$(tr ' ' '_' <"$task/comm")" \
            -v runtime="$(cut -d' ' -f1 "$task/schedstat" 2>/dev/null || echo 0)" '
            /^voluntary_ctxt_switches/ { v = $2 }
            /^nonvoluntary_ctxt_switches/ { n = $2 }
            END { print label, t, "thread", tid, comm, v, n, runtime }' "$task/status" 2>/dev/null >>"$file" || true
    done
    # utime and stime are fields 14 and 15 of stat, counted after the ")" that ends the command name.
    awk -v label="$label" -v t="$t" -v ticks="$(getconf CLK_TCK)" '
        FNR == 1 && FILENAME ~ /stat$/ { sub(/.*\) /, ""); split($0, f, " "); u = f[12]; s = f[13] }
        /^VmRSS/ { rss = $2 } /^VmHWM/ { hwm = $2 }
        END { print label, t, "process", u, s, ticks, rss, hwm }' "/proc/$pid/stat" "/proc/$pid/status" >>"$file"
}

fdmap() { # PID FILE: what each descriptor is, to name the fd that woke a poll
    local pid=$1 file=$2 fd
    for fd in /proc/"$pid"/fd/*; do
        echo "${fd##*/} $(readlink "$fd" 2>/dev/null || echo '?')"
    done >>"$file"
}

# Cases: label|bus|interval|role
cases=()
for bus in $BUSES; do
    if [ "$bus" = mock ] && ! mock_usable; then
        echo "bench/idle: skipping the mock system bus (needs dbus-daemon, dbus-send and $SYSTEM_PYTHON with dbusmock)" >&2
        continue
    fi
    for ui in $UIS; do
        prefix=
        [ "$ui" = tray ] && prefix=tray-
        for interval in $INTERVALS; do
            cases+=("$prefix$bus-$interval|$bus|$interval|measured")
            [ "$TRACE" = 1 ] && cases+=("$prefix$bus-$interval|$bus|$interval|traced")
        done
    done
done
[ ${#cases[@]} -gt 0 ] || { echo "bench/idle: no case to run" >&2; exit 1; }

# The tray cases' desktop: a private X server with a tray host, shared by all of them.
XDISPLAY=
if [[ " $UIS " == *" tray "* ]]; then
    echo "starting a private X server with a tray host ..." >&2
    Xvfb -displayfd 5 -screen 0 1024x768x24 -nolisten tcp 5>"$WORK/display" 2>"$WORK/xvfb.err" &
    children+=($!)
    for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
    [ -s "$WORK/display" ] || { echo "bench/idle: Xvfb did not start: $(cat "$WORK/xvfb.err")" >&2; exit 1; }
    XDISPLAY=:$(cat "$WORK/display")
    DISPLAY=$XDISPLAY trayer --edge top --align right --widthtype pixel --width 200 --heighttype pixel --height 32 \
        --transparent false --SetDockType true >/dev/null 2>&1 &
    children+=($!)
fi

MOCK_ADDRESS=
if [[ " $BUSES " == *" mock "* ]] && mock_usable; then
    echo "starting the private system bus with mocked logind and NetworkManager ..." >&2
    start_mock_bus
fi

echo "### bench/idle: $ACCOUNTS accounts, ${WINDOW} s window after ${SETTLE} s of settling"
echo
echo "- when: $(date -u '+%Y-%m-%d %H:%M UTC'); kernel $(uname -r); Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?')"
echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- system bus (host): ${DBUS_SYSTEM_BUS_ADDRESS:-unix:path=/run/dbus/system_bus_socket} $(
    [ -S /run/dbus/system_bus_socket ] && echo '(present)' || echo '(absent)')"

pids=()
for c in "${cases[@]}"; do
    IFS='|' read -r label bus interval role <<<"$c"
    dir=$WORK/$label-$role
    mkdir -p "$dir/data" "$dir/runtime" "$dir/log"
    chmod 700 "$dir/runtime"
    address=${DBUS_SYSTEM_BUS_ADDRESS:-}
    [ "$bus" = mock ] && address=$MOCK_ADDRESS
    echo "$c" >"$dir/case"
    bin=$BIN
    face=()
    if [[ "$label" == tray-* ]]; then
        # No notification server on the session bus: notices (there are none while idle) would go to the balloon.
        bin=$BIN_TRAY
        face=(DISPLAY="$XDISPLAY" QT_QPA_PLATFORM=xcb DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent)
    fi
    env ${address:+DBUS_SYSTEM_BUS_ADDRESS=$address} "${face[@]}" XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime" \
        "$bin" --archive "$dir/archive.db" --interval "$interval" --accounts "$ACCOUNTS" --log-dir "$dir/log" \
        >"$dir/stdout" 2>"$dir/stderr" &
    pid=$!
    children+=("$pid")
    pids+=("$pid")
    echo "$pid" >"$dir/pid"
done
for c in "${cases[@]}"; do
    IFS='|' read -r label _ _ role <<<"$c"
    dir=$WORK/$label-$role
    for _ in $(seq $((READY_TIMEOUT_S * 10))); do
        grep -q '^ready ' "$dir/stdout" && continue 2
        sleep 0.1
    done
    echo "bench/idle: $label ($role) did not start:" >&2
    cat "$dir/stderr" >&2
    exit 1
done
echo "started ${#cases[@]} daemons; settling ${SETTLE} s ..." >&2
sleep "$SETTLE"

tracers=()
start=$(now_ms)
for c in "${cases[@]}"; do
    IFS='|' read -r label _ _ role <<<"$c"
    dir=$WORK/$label-$role
    pid=$(cat "$dir/pid")
    fdmap "$pid" "$dir/fds"
    if [ "$role" = traced ]; then
        for task in /proc/"$pid"/task/*; do echo "${task##*/} $(tr ' ' '_' <"$task/comm")"; done >"$dir/threads"
        strace -f -ttt -T -qq -o "$dir/trace" -p "$pid" &
        tracers+=($!)
        children+=($!)
    elif [ "$PERF" = 1 ]; then
        perf record -q -e sched:sched_switch -g -p "$pid" -o "$dir/perf.data" >/dev/null 2>"$dir/perf.err" &
        tracers+=($!)
        children+=($!)
    fi
    snapshot "$pid" start "$dir/samples"
done
echo "window: $WINDOW s from $(date -d "@$((start / 1000))" '+%H:%M:%S'), a sample every $SAMPLE s ..." >&2
elapsed=0
while [ "$elapsed" -lt "$WINDOW" ]; do
    step=$((WINDOW - elapsed < SAMPLE ? WINDOW - elapsed : SAMPLE))
    sleep "$step"
    elapsed=$((elapsed + step))
    for c in "${cases[@]}"; do
        IFS='|' read -r label _ _ role <<<"$c"
        dir=$WORK/$label-$role
        snapshot "$(cat "$dir/pid")" "$([ "$elapsed" -ge "$WINDOW" ] && echo end || echo "t$elapsed")" "$dir/samples"
    done
    echo "  ${elapsed} s" >&2
done
end=$(now_ms)
for c in "${cases[@]}"; do
    IFS='|' read -r label _ _ role <<<"$c"
    dir=$WORK/$label-$role
    fdmap "$(cat "$dir/pid")" "$dir/fds"
    [ "$role" = traced ] && for task in /proc/"$(cat "$dir/pid")"/task/*; do
        echo "${task##*/} $(tr ' ' '_' <"$task/comm")"
    done >>"$dir/threads"
done
for pid in "${tracers[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
for pid in "${tracers[@]}"; do wait "$pid" 2>/dev/null || true; done
for c in "${cases[@]}"; do
    IFS='|' read -r label _ _ role <<<"$c"
    dir=$WORK/$label-$role
    [ -f "$dir/perf.data" ] && perf script -i "$dir/perf.data" -F comm,tid,time,event,trace,ip,sym \
        >"$dir/perf.txt" 2>/dev/null
done
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
for pid in "${pids[@]}"; do wait "$pid" || echo "bench/idle: daemon $pid exited with $?" >&2; done
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "$start $end" >"$WORK/window"
# Re-run on kept data: bench/idle/analyze.py --work "$BENCH_IDLE_KEEP"
"$SYSTEM_PYTHON" "$HERE/analyze.py" --work "$WORK"
