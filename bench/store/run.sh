#!/usr/bin/env bash
# Archive writes: N synthetic messages (default 10000) parsed with GMime and archived through ArchiveWriter
# in each mode below, every mode REPEATS times (default 3; rounds interleave the modes so drift in a shared
# machine's load hits them alike); prints the machine, a markdown table of medians and the ratios.
#   bench/store/run.sh [N]    env: BENCH_STORE_COUNT (N), BENCH_REPEATS, VAULTTRAY_BENCH_BUILD (default <root>/build-bench)
# Normally run through scripts/bench store, which builds first.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
BIN=$BUILD/bench/store/bench_store_write
COUNT=${1:-${BENCH_STORE_COUNT:-10000}}
REPEATS=${BENCH_REPEATS:-3}

if [ ! -x "$BIN" ]; then
    echo "bench/store: $BIN is missing; run scripts/bench store (it builds with -DVAULTTRAY_BUILD_BENCH=ON)" >&2
    exit 1
fi

# label|--mode|--batch|row name. FULL: the Durable profile (synchronous=FULL); OFF: the Ephemeral one.
MODES=(
    "durable-100|durable|100|(a) FULL, 100 per batch (the app)"
    "durable-1|durable|1|(b) FULL, 1 per batch"
    "ephemeral-100|ephemeral|100|(c) OFF, 100 per batch"
    "parse-only|parse|100|(d) parse only"
    "raw-file|rawfile|100|raw file, fdatasync per 100"
)

# fsync must hit a real disk: tmpfs makes it free. /tmp if it shares the build dir's filesystem, else the build dir.
fs_of() { df --output=source "$1" | tail -1; }
base=/tmp
if [ "$(stat -f -c %T /tmp)" = tmpfs ] || [ "$(fs_of /tmp)" != "$(fs_of "$BUILD")" ]; then
    base=$BUILD
fi
WORK=$(mktemp -d "$base/vaulttray-bench-store.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

dev=$(fs_of "$WORK")
echo "### bench/store: $COUNT messages, median of $REPEATS runs"
echo
echo "- when: $(date -u '+%Y-%m-%d %H:%M UTC'); kernel $(uname -r)"
echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "- disk: $WORK on $dev ($(df --output=fstype "$WORK" | tail -1)); $(lsblk -dno NAME,SIZE,ROTA,MODEL "$dev" 2>/dev/null |
    awk '{printf "lsblk: %s %s rotational=%s %s", $1, $2, $3, $4}' || true)"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

results=$WORK/results
for round in $(seq "$REPEATS"); do
    for m in "${MODES[@]}"; do
        IFS='|' read -r label mode batch _ <<<"$m"
        echo "round $round/$REPEATS: $label ..." >&2
        line=$("$BIN" --mode "$mode" --batch "$batch" --count "$COUNT" --dir "$WORK/run")
        echo "label=$label $line" >>"$results"
        rm -rf "$WORK/run"
    done
done
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

descriptions=$(printf '%s\n' "${MODES[@]}")
awk -v descriptions="$descriptions" '
function median(label, key,    n, i, j, t, v) {
    n = split(values[label, key], v, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
function ms(seconds, n) { return n > 0 ? 1000 * seconds / n : 0 }
function percent(a, b) { return b > 0 ? 100 * a / b : 0 }
{
    for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == "label") label = kv[2]
        else values[label, kv[1]] = values[label, kv[1]] " " kv[2]
    }
}
END {
    n = split(descriptions, rows, "\n")
    print "| Mode | Parse+store s | Store s | Store CPU s | msg/s | MB/s | fsyncs (archive file) | s in fsync | MB to disk | Archive MB | Peak RSS MiB |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    for (r = 1; r <= n; r++) {
        split(rows[r], f, "|"); l = f[1]; order[r] = l
        parse[l] = median(l, "parse_s"); store[l] = median(l, "store_s"); total[l] = parse[l] + store[l]
        msgs = median(l, "messages"); mb = median(l, "raw_bytes") / 1e6
        syncs[l] = median(l, "syncs"); syncTime[l] = median(l, "sync_s"); cpu[l] = median(l, "store_cpu_s")
        printf "| %s | %.2f | %.2f | %.2f | %.0f | %.1f | %d (%d) | %.2f | %.0f | %.0f | %.0f |\n", f[4], total[l],
            store[l], cpu[l], msgs / total[l], mb / total[l], syncs[l], median(l, "syncs_database"), syncTime[l],
            median(l, "disk_write_bytes") / 1e6, median(l, "archive_bytes") / 1e6, median(l, "maxrss_kb") / 1024
    }
    printf "\n%d messages, %.0f MB of raw mail (MB = 10^6 bytes). FULL/OFF: synchronous=FULL (Durable profile) or\n", msgs, mb
    print "OFF (Ephemeral), both WAL. msg/s and MB/s (raw mail in) are over parse+store; generating the mail is not timed."
    print "Store CPU s: CPU time of the writing itself (the writer thread). fsyncs: fdatasync calls while writing, counted"
    print "by a wrapping SQLite VFS, in brackets those of the archive file itself (one per WAL checkpoint); s in fsync:"
    print "wall time inside them."
    print "MB to disk: /proc/self/io write_bytes; Archive MB: the file after close. Each column is its own median."
    print ""
    printf "- cost of FULL when batched, (a)/(c): store %s, parse+store %s (goal: close to 1)\n",
        ratio(store["durable-100"], store["ephemeral-100"]), ratio(total["durable-100"], total["ephemeral-100"])
    printf "- what batching buys, (b)/(a): store %s, parse+store %s; fsyncs %d vs %d\n",
        ratio(store["durable-1"], store["durable-100"]), ratio(total["durable-1"], total["durable-100"]),
        syncs["durable-1"], syncs["durable-100"]
    printf "- (a) against the raw-file limit: store %s (fsyncs %d vs %d)\n",
        ratio(store["durable-100"], store["raw-file"]), syncs["durable-100"], syncs["raw-file"]
    printf "- mean fdatasync: (a) %.2f ms, (b) %.2f ms, raw file %.2f ms\n", ms(syncTime["durable-100"], syncs["durable-100"]),
        ms(syncTime["durable-1"], syncs["durable-1"]), ms(syncTime["raw-file"], syncs["raw-file"])
    printf "- (a) store is %.0f%% CPU (store CPU / store s), (c) %.0f%%\n", percent(cpu["durable-100"], store["durable-100"]),
        percent(cpu["ephemeral-100"], store["ephemeral-100"])
    printf "- parsing is %.0f%% of (a)'\''s time (parse-only run: %.2f s)\n",
        percent(parse["durable-100"], total["durable-100"]), parse["parse-only"]
}' "$results"
echo
echo "Every run (key=value, as printed by bench_store_write):" >&2
cat "$results" >&2
