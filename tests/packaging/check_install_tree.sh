#!/usr/bin/env bash
# `cmake --install` into a staging folder lays out the tree a package ships: the binary, the desktop entry and
# metainfo under the one app id, the icon as SVG and as PNGs of their nominal size, the man page, copyright
# and changelog; appstreamcli checks the tree as a whole.
# Usage: check_install_tree.sh BUILD_DIR APP_ID
source "$(dirname "$0")/lib.sh"
need cmake appstreamcli desktop-file-validate
build=$1 id=$2
root=$WORK/root
DESTDIR=$root cmake --install "$build" --prefix /usr >/dev/null

sizes="16 22 24 32 48 64 128 256 512"
expected="usr/bin/vaulttray
usr/share/applications/$id.desktop
usr/share/metainfo/$id.metainfo.xml
usr/share/icons/hicolor/scalable/apps/$id.svg
usr/share/man/man1/vaulttray.1.gz
usr/share/doc/vaulttray/copyright
usr/share/doc/vaulttray/changelog.gz"
for size in $sizes; do expected+=$'\n'"usr/share/icons/hicolor/${size}x${size}/apps/$id.png"; done
actual=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
diff <(echo "$expected" | sort) <(echo "$actual") || fail "the installed files differ from the list above (< expected, > installed)"
pass "the tree has exactly the expected files"

/usr/bin/python3 - "$root/usr/share/icons/hicolor" "$id" $sizes <<'PY' || fail "an icon is not the size its folder says"
import struct, sys
base, app_id, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
for size in sizes:
    with open(f"{base}/{size}x{size}/apps/{app_id}.png", "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{size}: not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (int(size), int(size)), f"{size}x{size} folder holds a {width}x{height} image"
PY
pass "every PNG icon has its folder's size"

# The accepted findings are those of check_metainfo.sh.
validate_tree() { # ROOT
    local out
    out=$(appstreamcli validate-tree --no-net --pedantic --no-color "$1" 2>&1) || { echo "$out"; return 1; }
    if echo "$out" | grep -E '^ *[EWIP]: ' | grep -vE 'cid-contains-uppercase-letter|unknown-tag developer'; then
        return 1
    fi
}
validate_tree "$root" || fail "appstreamcli validate-tree"
pass "appstreamcli validate-tree accepts the tree"
# The check catches a tree whose metainfo names a desktop entry that is not there.
cp -a "$root" "$WORK/broken"
rm "$WORK/broken/usr/share/applications/$id.desktop"
if validate_tree "$WORK/broken" >/dev/null; then fail "a tree without its desktop entry passed"; fi
pass "a tree without its desktop entry is caught"
[ "$(file -b --mime-type "$root/usr/bin/vaulttray")" = application/x-pie-executable ] || fail "bin/vaulttray is not a program"
pass "bin/vaulttray is a program"
