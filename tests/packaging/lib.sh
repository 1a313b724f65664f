# Shared by the packaging checks: strict shell, a private temporary folder, and one way to fail.
set -euo pipefail

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vaulttray-packaging.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    echo "ok: $*"
}

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is missing (scripts/test installs it)"
    done
}

# The first <release> of a metainfo file: "VERSION DATE".
newest_metainfo_release() {
    /usr/bin/python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
release = ET.parse(sys.argv[1]).getroot().find("releases/release")
print(release.get("version"), release.get("date"))
PY
}
