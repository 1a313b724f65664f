#!/usr/bin/env bash
# Takes the AppStream screenshot from the real program: a private X server (Xvfb) with a tray host (trayer),
# vaulttray in its tray with a throwaway home, its menu opened with a right click, the corner cropped.
# Usage: packaging/screenshot.sh [VAULTTRAY_BINARY] [OUTPUT_PNG]
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages xvfb trayer xdotool imagemagick x11-utils

bin=${1:-$ROOT/build-test/app/vaulttray}
out=${2:-$ROOT/packaging/screenshots/tray-menu.png}
[ -x "$bin" ] || { echo "no vaulttray at $bin: build it first" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# The screen: small, so the crop below is the whole story.
width=480 height=270
Xvfb -displayfd 5 -screen 0 ${width}x${height}x24 -nolisten tcp 5>"$work/display" 2>/dev/null &
pids+=($!)
until [ -s "$work/display" ]; do sleep 0.1; done
export DISPLAY=:$(cat "$work/display")

trayer --edge top --align right --widthtype pixel --width 96 --heighttype pixel --height 32 \
    --transparent false --tint 0x3b4252 --SetDockType true >/dev/null 2>&1 &
pids+=($!)

export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=xcb LANG=C.UTF-8 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent
"$bin" 2>"$work/vaulttray.log" &
pids+=($!)

# The icon is an XEmbed window docked in trayer's panel; wait until it is mapped, then open its menu.
icon=
for _ in $(seq 100); do
    icon=$(xdotool search --onlyvisible --class vaulttray 2>/dev/null | head -1 || true)
    [ -n "$icon" ] && break
    sleep 0.1
done
[ -n "$icon" ] || { cat "$work/vaulttray.log" >&2; echo "the tray icon never appeared" >&2; exit 1; }
sleep 1 # let the panel finish docking the icon before clicking it
eval "$(xdotool getwindowgeometry --shell "$icon")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 3
sleep 1 # the menu is drawn

mkdir -p "$(dirname "$out")"
# Xvfb's bare root is black: the desktop around the panel is painted light.
import -window root "$work/screen.png"
convert "$work/screen.png" -crop 280x110+$((width - 280))+0 +repage -fill "#d8dee9" -draw "color 0,0 floodfill" -strip "$out"
echo "wrote $out ($(identify -format '%wx%h' "$out"), $(stat -c %s "$out") bytes)"
