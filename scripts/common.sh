# Shared by scripts/run and scripts/test: install what is missing, quietly when nothing is.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${JOBS:-2}

# What building vaulttray needs (Debian 12 package names; librsvg2-bin renders the PNG icons).
BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qtkeychain-qt6-dev qt6-httpserver-dev
    libgmime-3.0-dev libzstd-dev libsqlite3-dev
    librsvg2-bin
    libxcb1-dev  # the X11 tray manager check (platform/linux/linuxtrayhostwatcher)
)
# What running it needs on a desktop (the tray icon's SVGs, the X platform plugin, libsecret for QtKeychain,
# which Debian's libqt6keychain1 loads at run time without depending on it; Qt's own texts in German and French).
RUN_PACKAGES=(qt6-qpa-plugins libqt6svg6 libsecret-1-0 qt6-translations-l10n)
# What the test suite needs besides the build.
TEST_PACKAGES=(util-linux dbus-daemon python3-dbusmock python3-gi gir1.2-glib-2.0 gnome-keyring libsecret-tools
    desktop-file-utils libglib2.0-bin appstream man-db lintian dpkg-dev file python3-yaml
    xvfb trayer xdotool x11-utils imagemagick  # the tray's X server, tray host, clicks and screenshots
    dovecot-imapd openssl   # the real IMAP server of tests/integration/imap, and its certificates
    clang-14 libclang-rt-14-dev  # libFuzzer and the sanitizers for tests/fuzz
    iproute2 dnsmasq-base nftables socat curl)  # tests/reliability/netfault: namespaces, their DNS, faults, TLS fronts

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "vaulttray: need root (or sudo) to install: $*" >&2; exit 1
    fi
}

ensure_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${missing[*]} ..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The OAuth test server (oauth2-mock-server, pinned with its lockfile) needs Node.js >= 20.19. Debian 12's own
# nodejs is 18, too old, so a newer Node that the machine already has is used and checked, not installed.
ensure_test_node_packages() {
    local dir=$ROOT/tests/oauth-server
    if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);
            process.exit(a>20||(a===20&&b>=19)?0:1)'; then
        echo "vaulttray: the OAuth tests need Node.js >= 20.19 with npm (found: $(node --version 2>/dev/null || echo none))" >&2
        exit 1
    fi
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
        echo "Installing the pinned npm packages of tests/oauth-server ..."
        npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
        touch "$dir/node_modules"
    fi
}

configure_and_build() { # BUILD_DIR BUILD_TYPE [cmake args...]
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    fi
    if ! cmake --build "$dir" -j "$JOBS" >"$dir/build.log" 2>&1; then
        grep -E 'error|FAILED' "$dir/build.log" | head -40 >&2
        echo "vaulttray: the build failed; the whole log is $dir/build.log" >&2
        exit 1
    fi
    grep -E 'warning:' "$dir/build.log" || true
}
