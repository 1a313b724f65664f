#!/usr/bin/env bash
# The Debian package: built by CPack from this build tree, lintian without errors or warnings, dependencies
# that cover what the program links and loads, installed with apt-get, then the installed program is run
# (--version, man page, the smoke run of smoke_installed.sh) and the package removed again.
# Runs as root on a machine where vaulttray is not installed otherwise (CI's throwaway machine); elsewhere it
# is reported as skipped.
# Usage: check_deb.sh BUILD_DIR VERSION APP_ID IMAP_SERVER_TOOL
source "$(dirname "$0")/lib.sh"
need cpack dpkg-deb lintian apt-get
build=$1 version=$2 id=$3 imapserver=$4
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "installing a package needs root"

# One package test at a time on this machine: the package is installed system-wide.
exec 9>/tmp/vaulttray-package-test.lock
flock -w 600 9 || fail "another package test held the lock for 10 minutes"
if dpkg-query -W -f='${Status}' vaulttray 2>/dev/null | grep -q "install ok installed"; then
    fail "vaulttray is already installed here; this test installs and removes its own (apt-get remove vaulttray)"
fi

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$WORK/out" >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log"; fail "cpack -G DEB"; }
deb=$WORK/out/vaulttray_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || fail "cpack made no $deb"
pass "cpack built $(basename "$deb")"

# Remaining findings, all at level info (docs/packaging.md): binary-has-unneeded-section (CPack strips
# without removing .comment), hardening-no-fortify-functions (the fortified calls it looks for are few in
# Qt code; the build uses _FORTIFY_SOURCE=2).
lintian --fail-on error,warning --display-level '>=warning' "$deb" >"$WORK/lintian.log" 2>&1 ||
    { grep -v 'running with root' "$WORK/lintian.log"; fail "lintian found errors or warnings"; }
pass "lintian: no errors, no warnings"

# Dependencies: the package of every library the program links (found by dpkg-shlibdeps) and of every
# plugin it loads at run time must be named in Depends.
depends=$(dpkg-deb -f "$deb" Depends)
# (Filters read their whole input: an early exit would break the pipe and, with pipefail, the check.)
owner() { dpkg -S "$(readlink -f "$1")" 2>/dev/null | sed -n '1s/:.*//p' || true; }
needed=$(ldd "$build/app/vaulttray" | awk '/=> \//{print $3}' | grep -E 'Qt6|keychain|gmime|zstd|sqlite' || true)
plugins=$(qtpaths6 --query QT_INSTALL_PLUGINS)
needed+=$'\n'"$plugins/sqldrivers/libqsqlite.so"$'\n'"$plugins/platforms/libqxcb.so"$'\n'"$plugins/iconengines/libqsvgicon.so"
needed+=$'\n'"$(ldconfig -p | awk '/libsecret-1\.so\.0 /{found = $NF} END {print found}')"
covered() { # DEPENDS: every needed file's package is named in it
    local file package
    for file in $needed; do
        package=$(owner "$file")
        [ -n "$package" ] || { echo "no package owns $file"; return 1; }
        echo "$1" | grep -qE "(^|, )$package( |,|$)" || { echo "Depends lacks $package (for $file)"; return 1; }
    done
}
covered "$depends" || fail "the package's dependencies: $depends"
# The check catches a package that forgot the QSQLITE plugin.
if covered "${depends//libqt6sql6-sqlite, /}" >/dev/null; then fail "Depends without the QSQLITE plugin passed"; fi
pass "Depends covers $(echo "$needed" | wc -l) linked libraries and run-time plugins"

trap 'apt-get remove -y -qq vaulttray >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$deb" >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log"; fail "apt-get install $deb"; }
pass "apt-get installed the package"

[ "$(/usr/bin/vaulttray --version)" = "vaulttray $version" ] || fail "/usr/bin/vaulttray --version"
[ "$(man -w vaulttray)" = /usr/share/man/man1/vaulttray.1.gz ] || fail "man -w vaulttray"
desktop-file-validate "/usr/share/applications/$id.desktop" || fail "the installed desktop entry"
pass "the installed vaulttray runs, with its man page and desktop entry"

"$(dirname "$0")/smoke_installed.sh" /usr/bin/vaulttray "$imapserver" || fail "the smoke run of the installed program"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=300 vaulttray >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log"; fail "apt-get remove vaulttray"; }
[ ! -e /usr/bin/vaulttray ] || fail "/usr/bin/vaulttray is still there after apt-get remove"
pass "apt-get removed the package"
