#!/usr/bin/env bash
# The desktop entry passes desktop-file-validate with nothing to say, names the app id's icon, and a broken
# copy is caught.
# Usage: check_desktop_entry.sh SOURCE_DIR APP_ID
source "$(dirname "$0")/lib.sh"
need desktop-file-validate
src=$1 id=$2
entry=$src/packaging/$id.desktop

clean() { # FILE: exit 0 and no output, hints included
    local out
    out=$(desktop-file-validate "$1" 2>&1) || { echo "$out"; return 1; }
    [ -z "$out" ] || { echo "$out"; return 1; }
}

clean "$entry" || fail "desktop-file-validate $entry"
grep -qx "Icon=$id" "$entry" || fail "Icon= is not $id"
grep -qx "Exec=vaulttray" "$entry" || fail "Exec= is not vaulttray"
pass "desktop entry is clean"

# The check catches a broken entry: Email without a main category.
sed 's/^Categories=.*/Categories=Email;/' "$entry" >"$WORK/$id.desktop"
if clean "$WORK/$id.desktop" >/dev/null; then fail "a broken entry passed the check"; fi
pass "a broken entry is caught"
