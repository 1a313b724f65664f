#!/usr/bin/env bash
# The Flatpak manifest parses, carries the one app id of the metainfo and desktop entry, runs on a Qt 6 KDE
# runtime with the permissions vaulttray needs, and pins every downloaded source by sha256; a manifest that
# lost a checksum is caught. (flatpak-builder itself needs the runtime from Flathub, so it does not run here.)
# Usage: check_flatpak.sh SOURCE_DIR APP_ID
source "$(dirname "$0")/lib.sh"
src=$1 id=$2
manifest=$src/packaging/flatpak/$id.yml

check() { # MANIFEST
    /usr/bin/python3 - "$1" "$id" "$src/packaging/$id.metainfo.xml" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
import yaml

path, app_id, metainfo = sys.argv[1:4]
m = yaml.safe_load(open(path, encoding="utf-8"))
problems = []
if m.get("app-id") != app_id:
    problems.append(f"app-id is {m.get('app-id')}")
if ET.parse(metainfo).getroot().findtext("id") != app_id:
    problems.append("the metainfo id differs")
if m.get("command") != "vaulttray":
    problems.append("command is not vaulttray")
if m.get("runtime") != "org.kde.Platform" or m.get("sdk") != "org.kde.Sdk" or not str(m.get("runtime-version", "")).startswith("6."):
    problems.append("not a Qt 6 KDE runtime")
needed = {"--share=network", "--socket=wayland", "--socket=fallback-x11",
          "--talk-name=org.freedesktop.Notifications", "--talk-name=org.freedesktop.secrets",
          "--talk-name=org.kde.StatusNotifierWatcher", "--system-talk-name=org.freedesktop.login1"}
missing = needed - set(m.get("finish-args", []))
if missing:
    problems.append(f"finish-args lack {sorted(missing)}")
if any(a.startswith(("--filesystem=home", "--filesystem=host")) for a in m.get("finish-args", [])):
    problems.append("asks for the whole home or host file system")
names = [mod["name"] for mod in m.get("modules", [])]
if names[-1:] != ["vaulttray"] or not {"gmime", "qtkeychain"} <= set(names):
    problems.append(f"modules are {names}")
for mod in m.get("modules", []):
    for source in mod.get("sources", []):
        if source.get("type") == "archive":
            if not source.get("url", "").startswith("https://"):
                problems.append(f"{mod['name']}: not an https URL")
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                problems.append(f"{mod['name']}: no sha256")
        elif source.get("type") == "dir" and source.get("path") != "../..":
            problems.append(f"{mod['name']}: the dir source is not the project")
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
}

check "$manifest" || fail "the Flatpak manifest $manifest"
pass "the Flatpak manifest parses, has the app id, runtime, permissions and pinned sources"
sed '/sha256: a22c708f/d' "$manifest" >"$WORK/$id.yml"
if check "$WORK/$id.yml" >/dev/null; then fail "a manifest without a checksum passed"; fi
pass "a manifest without a checksum is caught"
