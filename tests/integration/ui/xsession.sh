#!/usr/bin/env bash
# Runs a command on a private desktop: an X server of its own (Xvfb on a free display), a tray host docked at the
# top right (trayer, XEmbed), and a private D-Bus session bus with no activatable services (so nothing the machine
# has installed starts behind the test's back). Stops all three afterwards; exits with the command's status.
#   xsession.sh COMMAND [ARGS...]      env: XSESSION_PANEL=light|dark (the panel's colour, default light)
#                                           XSESSION_TRAYER=no (a desktop without an X11 tray manager)
set -uo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/vaulttray-xsession.XXXXXX")
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# Waits for a real process to come up (a file to fill, a window to map), 10 s at most.
# A check that answers 2 has failed for good.
wait_until() {
    local _ status
    for _ in $(seq 100); do
        "$@"
        status=$?
        [ "$status" = 0 ] && return 0
        [ "$status" = 2 ] && return 1
        sleep 0.1
    done
    return 1
}

cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$work</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$work/bus.conf" --nofork --print-address=1 >"$work/bus.address" 2>"$work/bus.log" &
pids+=($!)
wait_until test -s "$work/bus.address" || { echo "xsession: dbus-daemon did not start:" >&2; cat "$work/bus.log" >&2; exit 1; }
export DBUS_SESSION_BUS_ADDRESS=$(head -1 "$work/bus.address")

# Another X server on this machine may be shutting down on the display number Xvfb picks (and take its socket with
# it): a desktop that does not come up whole is given up and another one started.
tint=0xd8dee9
[ "${XSESSION_PANEL:-light}" = dark ] && tint=0x2e3440
start_desktop() {
    rm -f "$work/display"
    Xvfb -displayfd 5 -screen 0 1024x768x24 -nolisten tcp 5>"$work/display" 2>"$work/xvfb.log" &
    xvfb=$!
    pids+=($xvfb)
    wait_until test -s "$work/display" || return 1
    export DISPLAY=:$(cat "$work/display")
    wait_until xwininfo -root >/dev/null 2>&1 || return 1
    [ "${XSESSION_TRAYER:-yes}" = no ] && return 0
    trayer --edge top --align right --widthtype pixel --width 200 --heighttype pixel --height 32 \
        --transparent true --alpha 0 --tint "$tint" --SetDockType true >"$work/trayer.log" 2>&1 &
    trayer=$!
    pids+=($trayer)
    wait_until panel_up
}
panel_up() { # trayer's panel is mapped; a trayer that died ends the wait at once
    kill -0 "$trayer" 2>/dev/null || return 2
    xwininfo -root -tree 2>/dev/null | grep -q '("panel" "trayer")'
}
for attempt in 1 2 3; do
    start_desktop && break
    kill "$xvfb" "${trayer:-}" 2>/dev/null
    if [ "$attempt" = 3 ]; then
        echo "xsession: no desktop came up:" >&2
        cat "$work/xvfb.log" "$work/trayer.log" >&2
        exit 1
    fi
done

export QT_QPA_PLATFORM=xcb
"$@"
status=$?
exit $status
