#!/usr/bin/env bash
# Offline import: a Maildir of N messages (default 10,000, about 300 MB; tests/data/mailcorpus.py) and the same mail
# as one mbox, imported with the real command line (`vaulttray import`) into a durable archive; each case REPEATS
# times (default 3, rounds interleave the cases), medians. Beside them the physical limits on the same bytes:
# reading every file (cat to /dev/null) and writing them to one file with an fdatasync per 500 messages (the
# import's batch). Peak RSS from /usr/bin/time -v; a tenth-size mbox shows whether memory stays flat.
#   bench/import/run.sh [N]    env: BENCH_IMPORT_COUNT (N), BENCH_REPEATS, VAULTTRAY_BENCH_BUILD (default <root>/build-bench)
# Normally run through scripts/bench import, which builds first.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BIN=$BUILD/app/vaulttray
COUNT=${1:-${BENCH_IMPORT_COUNT:-10000}}
REPEATS=${BENCH_REPEATS:-3}
PYTHON=/usr/bin/python3
BATCH=500

for tool in "$BIN" /usr/bin/time "$PYTHON"; do
    if [ ! -x "$tool" ]; then
        echo "bench/import: $tool is missing; run scripts/bench import (it installs and builds what is needed)" >&2
        exit 1
    fi
done

# fsync must hit a real disk: tmpfs makes it free. /tmp if it shares the build dir's filesystem, else the build dir.
fs_of() { df --output=source "$1" | tail -1; }
base=/tmp
if [ "$(stat -f -c %T /tmp)" = tmpfs ] || [ "$(fs_of /tmp)" != "$(fs_of "$BUILD")" ]; then
    base=$BUILD
fi
WORK=$(mktemp -d "$base/vaulttray-bench-import.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"

echo "generating $COUNT messages as a Maildir and as an mbox ..." >&2
"$PYTHON" "$ROOT/tests/data/mailcorpus.py" maildir "$WORK/Maildir" --messages "$COUNT" --seed 1 >/dev/null
"$PYTHON" "$ROOT/tests/data/mailcorpus.py" mbox "$WORK/all.mbox" --messages "$COUNT" --seed 1 >/dev/null
"$PYTHON" "$ROOT/tests/data/mailcorpus.py" mbox "$WORK/tenth.mbox" --messages $((COUNT / 10)) --seed 1 >/dev/null
find "$WORK/Maildir" -type f \( -path '*/cur/*' -o -path '*/new/*' \) -print0 | sort -z >"$WORK/files"
files=$(tr -cd '\0' <"$WORK/files" | wc -c)
maildir_bytes=$(xargs -0 stat -c %s <"$WORK/files" | awk '{s += $1} END {print s}')
mbox_bytes=$(stat -c %s "$WORK/all.mbox")
tenth_bytes=$(stat -c %s "$WORK/tenth.mbox")

VAULTTRAY=(env VAULTTRAY_ARCHIVE="$WORK/archive.db" HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/home"
    XDG_DATA_HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home" "$BIN")
fresh() { rm -f "$WORK"/archive.db "$WORK"/archive.db-wal "$WORK"/archive.db-shm; }
# measure LABEL COMMAND...: appends "label=LABEL wall_s=S cpu_s=S maxrss_kb=K" to the results.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" ||
        { echo "bench/import: $label failed:" >&2; cat "$WORK/out" "$WORK/err" >&2; exit 1; }
    read -r wall user sys rss <"$WORK/time"
    echo "label=$label wall_s=$wall cpu_s=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') maxrss_kb=$rss" >>"$WORK/results"
}
cat >"$WORK/write_limit.py" <<'PY'
import os, sys
paths = open(sys.argv[1], "rb").read().split(b"\0")[:-1]
with open(sys.argv[2], "wb") as out:
    for n, p in enumerate(paths, 1):
        with open(p, "rb") as f:
            out.write(f.read())
        if n % int(sys.argv[3]) == 0:
            out.flush(); os.fdatasync(out.fileno())
    out.flush(); os.fdatasync(out.fileno())
os.remove(sys.argv[2])
PY

dev=$(fs_of "$WORK")
echo "### bench/import: $COUNT messages, median of $REPEATS runs"
echo
echo "- when: $(date -u '+%Y-%m-%d %H:%M UTC'); kernel $(uname -r)"
echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "- disk: $WORK on $dev ($(df --output=fstype "$WORK" | tail -1)); $(lsblk -dno NAME,SIZE,ROTA,MODEL "$dev" 2>/dev/null |
    awk '{printf "lsblk: %s %s rotational=%s %s", $1, $2, $3, $4}' || true)"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for round in $(seq "$REPEATS"); do
    echo "round $round/$REPEATS ..." >&2
    fresh
    measure maildir "${VAULTTRAY[@]}" import maildir "$WORK/Maildir"
    archive_bytes=$(stat -c %s "$WORK/archive.db")
    measure maildir-again "${VAULTTRAY[@]}" import maildir "$WORK/Maildir"
    fresh
    measure mbox "${VAULTTRAY[@]}" import mbox "$WORK/all.mbox"
    fresh
    measure mbox-tenth "${VAULTTRAY[@]}" import mbox "$WORK/tenth.mbox"
    measure read-limit sh -c 'xargs -0 cat <"$1" >/dev/null' read-limit "$WORK/files"
    measure write-limit "$PYTHON" "$WORK/write_limit.py" "$WORK/files" "$WORK/rawfile" "$BATCH"
done
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

awk -v files="$files" -v messages="$COUNT" -v mdb="$maildir_bytes" -v mbb="$mbox_bytes" -v tb="$tenth_bytes" \
    -v archive="$archive_bytes" '
function median(label, key,    n, i, j, t, v) {
    n = split(values[label, key], v, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function row(name, label, msgs, bytes,    s) {
    s = median(label, "wall_s")
    printf "| %s | %.2f | %.2f | %s | %s | %.0f |\n", name, s, median(label, "cpu_s"),
        (msgs > 0 ? sprintf("%.0f", msgs / s) : "–"), sprintf("%.1f", bytes / 1e6 / s), median(label, "maxrss_kb") / 1024
}
{
    label = ""
    for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "label") label = kv[2]; else values[label, kv[1]] = values[label, kv[1]] " " kv[2] }
}
END {
    printf "%d messages in %d Maildir files (some filed in two folders), %.0f MB; the same mail as one mbox, %.0f MB; archive after the Maildir import %.0f MB (MB = 10^6 bytes).\n\n", messages, files, mdb / 1e6, mbb / 1e6, archive / 1e6
    print "| Case | s | CPU s | msg/s | MB/s | Peak RSS MiB |"
    print "|---|--:|--:|--:|--:|--:|"
    row("(a) import maildir, new archive", "maildir", messages, mdb)
    row("(b) the same again: everything already archived", "maildir-again", messages, mdb)
    row("(c) import mbox, new archive", "mbox", messages, mbb)
    row("(d) import mbox of a tenth of the mail, new archive", "mbox-tenth", messages / 10, tb)
    row("read limit: cat every Maildir file to /dev/null", "read-limit", 0, mdb)
    row("write limit: the same bytes to one file, fdatasync per 500", "write-limit", 0, mdb)
    print "| IMAP archive of the same mail | (comes with the IMAP sync; bench/imap will add it here) | | | | |"
    print ""
    a = median("maildir", "wall_s"); c = median("mbox", "wall_s")
    printf "- import against the physical limits: (a) takes %.1fx the read limit and %.1fx the write limit\n", a / median("read-limit", "wall_s"), a / median("write-limit", "wall_s")
    printf "- mbox against Maildir: (c)/(a) = %.2f\n", c / a
    printf "- a re-run that finds everything archived: (b)/(a) = %.2f\n", median("maildir-again", "wall_s") / a
    printf "- memory stays flat: peak RSS of (c) over (d) = %.2f for %.0fx the input\n", median("mbox", "maxrss_kb") / median("mbox-tenth", "maxrss_kb"), mbb / tb
}' "$WORK/results"
echo
echo "Every run (as measured by /usr/bin/time):" >&2
cat "$WORK/results" >&2
