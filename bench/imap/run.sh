#!/usr/bin/env bash
# A full first archive of one generated IMAP mailbox (default 10,000 messages, ~300 MB, 9 folders) from the same
# private Dovecot (apt: dovecot-imapd), in one run, side by side:
#   vaulttray     driven from its command line as a person would: `account add-imap ... --password-stdin`, then
#                 `sync --once` (durable profile: synchronous=FULL, full-text index built in the same transactions)
#   mbsync        isync, default FSync, to Maildir
#   offlineimap3  to Maildir, on the Sent folder only (it manages ~60 msg/s; the whole mailbox would take minutes)
#   limit         the physical limit: the server streaming every folder (UID FETCH 1:* BODY.PEEK[]) to a reader
#                 that discards it
# then a no-change re-sync for each. All over plaintext IMAP on 127.0.0.1, so TLS costs no one anything.
# Per run: wall time, msg/s, MB/s (of the server's bytes), fsync+fdatasync calls (strace -f --seccomp-bpf -c: only
# those calls stop the process), peak RSS (GNU time -v, the largest process of the run).
#   bench/imap/run.sh [N]    env: BENCH_IMAP_COUNT (N, default 10000), VAULTTRAY_BENCH_BUILD (default <root>/build-bench)
# Normally run through scripts/bench imap, which builds first and installs isync and offlineimap3.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${VAULTTRAY_BENCH_BUILD:-$ROOT/build-bench}
SERVER=$BUILD/bench/imap/bench_imapserver
VAULTTRAY=$BUILD/app/vaulttray
COUNT=${1:-${BENCH_IMAP_COUNT:-10000}}

for bin in "$SERVER" "$VAULTTRAY"; do
    if [ ! -x "$bin" ]; then
        echo "bench/imap: $bin is missing; run scripts/bench imap (it builds with -DVAULTTRAY_BUILD_BENCH=ON)" >&2
        exit 1
    fi
done
for tool in mbsync strace /usr/bin/time sqlite3; do
    command -v "$tool" >/dev/null || { echo "bench/imap: $tool is missing (scripts/bench installs it)" >&2; exit 1; }
done

WORK=$(mktemp -d)
cleanup() {
    [ -n "${SERVER_PID:-}" ] && { exec 3>&-; wait "$SERVER_PID" 2>/dev/null || true; }
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "### bench/imap on $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "generating $COUNT messages and starting Dovecot..." >&2
mkfifo "$WORK/server-stdin"
"$SERVER" serve --messages "$COUNT" --env "$WORK/server.env" <"$WORK/server-stdin" >&2 &
SERVER_PID=$!
exec 3>"$WORK/server-stdin"
for _ in $(seq 600); do
    [ -s "$WORK/server.env" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench/imap: the server did not start" >&2; exit 1; }
    sleep 0.5
done
# shellcheck disable=SC1091
source "$WORK/server.env"
export IMAP_PASSWORD
MB=$(awk -v b="$IMAP_WIRE_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')

count_vaulttray() { sqlite3 "$VT/archive.db" "SELECT COUNT(*) FROM messages WHERE deleted_at IS NULL"; }
count_maildir() { find "$1" -type f \( -path '*/cur/*' -o -path '*/new/*' \) | wc -l; }

# measure NAME MESSAGES COMMAND...: runs COMMAND under GNU time and strace; appends a table row.
measure() {
    local name=$1 messages=$2
    shift 2
    local out=$WORK/measure
    /usr/bin/time -v -o "$out.time" strace -f --seccomp-bpf -c -e trace=fsync,fdatasync -o "$out.strace" "$@" \
        >"$out.stdout" 2>"$out.stderr" || { echo "bench/imap: $name failed:" >&2; cat "$out.stderr" >&2; exit 1; }
    local wall rss fsyncs
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out.time")
    fsyncs=$(awk '$NF == "fsync" || $NF == "fdatasync" { n += $4 } END { print n + 0 }' "$out.strace")
    local bytes=$IMAP_WIRE_BYTES
    [ "$messages" != "$IMAP_MESSAGES" ] && bytes=$(awk -v m="$messages" -v t="$IMAP_MESSAGES" -v b="$IMAP_WIRE_BYTES" 'BEGIN { printf "%d", b * m / t }')
    printf '| %s | %s | %.2f | %.0f | %.1f | %s | %s |\n' "$name" "$messages" "$wall" \
        "$(awk -v m="$messages" -v w="$wall" 'BEGIN { print (m > 0 && w > 0) ? m / w : 0 }')" \
        "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print (w > 0) ? b / 1e6 / w : 0 }')" "$fsyncs" "$rss" >>"$WORK/table"
    echo "$wall" >"$out.wall"
}

# vaulttray: its own HOME and data folders; no keychain on this bus, so the person allows the private secrets file.
VT=$WORK/vaulttray
mkdir -p "$VT/home"
VT_RUN=(env HOME="$VT/home" XDG_CONFIG_HOME="$VT/home/.config" XDG_DATA_HOME="$VT/home/.local/share"
    DBUS_SESSION_BUS_ADDRESS="unix:path=$VT/no-bus" QT_LOGGING_RULES="vaulttray.*.info=false"
    "$VAULTTRAY" --archive "$VT/archive.db")
vt() { "${VT_RUN[@]}" "$@"; }
vt secrets allow-private-file >/dev/null
printf '%s\n' "$IMAP_PASSWORD" | vt account add-imap bench --host 127.0.0.1 --port "$IMAP_PORT" --security plain \
    --user "$IMAP_USER" --password-stdin >/dev/null

# mbsync: the configuration the isync documentation shows, plaintext on loopback, default FSync.
MBS=$WORK/mbsync
mkdir -p "$MBS/home" "$MBS/mail"
(umask 077 && printf '%s' "$IMAP_PASSWORD" >"$WORK/password")
cat >"$MBS/home/.mbsyncrc" <<EOF
IMAPAccount bench
Host 127.0.0.1
Port $IMAP_PORT
User $IMAP_USER
PassCmd "cat $WORK/password"
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path $MBS/mail/
Inbox $MBS/mail/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns *
Create Near
SyncState *
EOF
chmod 600 "$MBS/home/.mbsyncrc"
MBS_RUN=(env HOME="$MBS/home" mbsync -q bench)

# offlineimap3, on one folder.
OLI=$WORK/offlineimap
OFFLINEIMAP_SENT=0
if command -v offlineimap >/dev/null; then
    mkdir -p "$OLI/home" "$OLI/mail"
    cat >"$OLI/home/.offlineimaprc" <<EOF
[general]
accounts = bench
metadata = $OLI/meta

[Account bench]
localrepository = local
remoterepository = remote

[Repository local]
type = Maildir
localfolders = $OLI/mail

[Repository remote]
type = IMAP
remotehost = 127.0.0.1
remoteport = $IMAP_PORT
remoteuser = $IMAP_USER
remotepassfile = $WORK/password
ssl = no
starttls = no
folderfilter = lambda folder: folder == 'Sent'
EOF
    chmod 600 "$OLI/home/.offlineimaprc"
    OFFLINEIMAP_SENT=$(count_maildir "$IMAP_MAILROOT/.Sent")
fi
OLI_RUN=(env HOME="$OLI/home" offlineimap -u quiet)


: >"$WORK/table"
echo "first archive..." >&2
measure "physical limit (stream and discard)" "$IMAP_MESSAGES" "$SERVER" limit --port "$IMAP_PORT" --user "$IMAP_USER" --password-env IMAP_PASSWORD
measure "vaulttray sync --once" "$IMAP_MESSAGES" "${VT_RUN[@]}" sync --once bench
VT_FIRST=$(cat "$WORK/measure.wall")
measure "mbsync" "$IMAP_MESSAGES" "${MBS_RUN[@]}"
MBS_FIRST=$(cat "$WORK/measure.wall")
[ "$OFFLINEIMAP_SENT" -gt 0 ] && measure "offlineimap3 (Sent only)" "$OFFLINEIMAP_SENT" "${OLI_RUN[@]}"
echo "no-change re-sync..." >&2
measure "vaulttray sync --once, no change" 0 "${VT_RUN[@]}" sync --once bench
VT_AGAIN=$(cat "$WORK/measure.wall")
measure "mbsync, no change" 0 "${MBS_RUN[@]}"
MBS_AGAIN=$(cat "$WORK/measure.wall")
[ "$OFFLINEIMAP_SENT" -gt 0 ] && measure "offlineimap3 (Sent only), no change" 0 "${OLI_RUN[@]}"

archived=$(count_vaulttray)
mirrored=$(count_maildir "$MBS/mail")
if [ "$archived" != "$IMAP_MESSAGES" ] || [ "$mirrored" != "$IMAP_MESSAGES" ]; then
    echo "bench/imap: vaulttray archived $archived, mbsync mirrored $mirrored of $IMAP_MESSAGES messages" >&2
    exit 1
fi

echo "$IMAP_MESSAGES messages, $MB MB on the wire, 9 folders; plaintext IMAP on 127.0.0.1; one run each"
echo
echo "| run | messages | wall s | msg/s | MB/s | fsyncs | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
cat "$WORK/table"
echo
awk -v v="$VT_FIRST" -v m="$MBS_FIRST" -v va="$VT_AGAIN" -v ma="$MBS_AGAIN" 'BEGIN {
    printf "vaulttray/mbsync wall time: first archive %.2f (mbsync/vaulttray %.1fx), no-change re-sync %.2f\n",
        v / m, m / v, (ma > 0) ? va / ma : 0 }'
