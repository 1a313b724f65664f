#!/usr/bin/env bash
# The AppStream metainfo validates (offline, pedantic) with only the findings explained below; its
# newest release, the Debian changelog and the man page date agree with the project version; a broken copy
# is caught.
# Usage: check_metainfo.sh SOURCE_DIR APP_ID VERSION RELEASE_DATE
source "$(dirname "$0")/lib.sh"
need appstreamcli dpkg-parsechangelog
src=$1 id=$2 version=$3 date=$4
metainfo=$src/packaging/$id.metainfo.xml

# Accepted findings:
# - cid-contains-uppercase-letter (pedantic): reverse-DNS ids end in the app's name, capitalised, as the
#   Flatpak and desktop-entry ids must be the same string.
# - unknown-tag developer (info): <developer> is AppStream 1.0's element; Debian 12's appstream 0.16 does
#   not know it yet, newer validators and Flathub want it.
accepted='cid-contains-uppercase-letter|unknown-tag developer'
validate() { # FILE: succeeds only with no findings beyond the accepted ones
    local out
    out=$(appstreamcli validate --no-net --pedantic --no-color "$1" 2>&1) || { echo "$out"; return 1; }
    if echo "$out" | grep -E '^[EWIP]: ' | grep -vE "$accepted"; then return 1; fi
}

validate "$metainfo" || fail "appstreamcli validate $metainfo"
pass "metainfo validates"

read -r rel_version rel_date < <(newest_metainfo_release "$metainfo")
[ "$rel_version" = "$version" ] || fail "newest metainfo release is $rel_version, the project is $version"
[ "$rel_date" = "$date" ] || fail "newest metainfo release is dated $rel_date, CMake says $date"
changelog=$src/packaging/debian/changelog
[ "$(dpkg-parsechangelog -l "$changelog" -S Version)" = "$version" ] || fail "debian/changelog is not at $version"
[ "$(date -u -d "$(dpkg-parsechangelog -l "$changelog" -S Date)" +%F)" = "$date" ] ||
    fail "debian/changelog's newest entry is not dated $date"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "launchable is not $id.desktop"
pass "release $version of $date in metainfo and changelog"

# The check catches a broken file: no summary.
sed '/<summary>/d' "$metainfo" >"$WORK/$id.metainfo.xml"
if validate "$WORK/$id.metainfo.xml" >/dev/null; then fail "a metainfo without summary passed"; fi
pass "a broken metainfo is caught"
