#!/usr/bin/env bash
# A smoke run of an installed vaulttray with a throwaway home: the headless archiver opens its archive and
# answers on its control channel; an IMAP account is added through it and synced once; SIGTERM stops it
# cleanly; the archive is sound, holds every message of the server and no secret.
# Usage: smoke_installed.sh VAULTTRAY_BINARY IMAP_SERVER_TOOL
#   IMAP_SERVER_TOOL: the tests' private Dovecot with a generated mailbox (`serve --messages N --env FILE`, until its
#   stdin closes; built from bench/imap/main.cpp).
source "$(dirname "$0")/lib.sh"
vt=$1
imapserver=$2

home=$WORK/home
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
export XDG_RUNTIME_DIR=$home/runtime LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# No buses: the sleep monitor and the keychain find none, as on a bare server.
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent/vaulttray-smoke DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/vaulttray-smoke
archive=$XDG_DATA_HOME/vaulttray/archive.db

# The IMAP server the smoke account syncs: a private Dovecot on 127.0.0.1 with a generated mailbox. It runs until the
# write end of its stdin (fd 7 here) closes.
start_imap_server() {
    mkfifo "$WORK/imapserver.in"
    "$imapserver" serve --messages 40 --env "$WORK/imap.env" <"$WORK/imapserver.in" >"$WORK/imapserver.log" 2>&1 &
    imapserver_pid=$!
    exec 7>"$WORK/imapserver.in"
    local waited=0
    until [ -s "$WORK/imap.env" ]; do
        kill -0 "$imapserver_pid" 2>/dev/null || { cat "$WORK/imapserver.log"; fail "the test IMAP server exited"; }
        [ $waited -lt 600 ] || fail "the test IMAP server was not ready within 60 s"
        sleep 0.1 # waiting on a real process
        waited=$((waited + 1))
    done
    # shellcheck disable=SC1091
    source "$WORK/imap.env"
    password=$IMAP_PASSWORD
    pass "a private Dovecot serves $IMAP_MESSAGES messages on port $IMAP_PORT"
}

stop_imap_server() {
    exec 7>&-
    wait "$imapserver_pid" || fail "the test IMAP server exited with an error"
}

start_daemon() {
    "$vt" --headless 2>"$WORK/daemon.err" &
    daemon=$!
    local waited=0
    until grep -q "archive ready" "$WORK/daemon.err"; do
        kill -0 "$daemon" 2>/dev/null || { cat "$WORK/daemon.err"; fail "the headless daemon exited"; }
        [ $waited -lt 300 ] || fail "the daemon did not open its archive within 30 s"
        sleep 0.1 # waiting on a real process
        waited=$((waited + 1))
    done
    pass "the headless daemon opened $archive"
}

check_control_channel() {
    local out
    out=$("$vt" --headless) || fail "a second launch failed"
    [ "$out" = "vaulttray is already running for $archive." ] || fail "a second launch said: $out"
    pass "the control channel answers (a second launch only brings the running one forward)"
}

add_imap_account() {
    printf '%s\n' "$password" | "$vt" account add-imap smoke --host 127.0.0.1 --port "$IMAP_PORT" \
        --security plain --user "$IMAP_USER" --password-stdin >"$WORK/add.out" 2>&1 || fail "account add-imap: $(cat "$WORK/add.out")"
    "$vt" status --json >"$WORK/status.json" || fail "status --json"
    # Only the running instance has a scheduler that reports an account's state.
    /usr/bin/python3 - "$WORK/status.json" <<'PY' || fail "status --json: $(cat "$WORK/status.json")"
import json, sys
status = json.load(open(sys.argv[1]))
accounts = {a["name"]: a for a in status["accounts"]}
assert status["running"] is True and "state" in accounts["smoke"]
PY
    pass "an IMAP account was added through the running instance"
}

sync_once() {
    local code=0
    "$vt" sync --once smoke >"$WORK/sync.out" 2>&1 || code=$?
    [ $code -eq 0 ] || fail "sync --once exited $code: $(cat "$WORK/sync.out")"
    pass "sync --once archived the mailbox: $(grep -m1 "archived" "$WORK/sync.out" || head -1 "$WORK/sync.out")"
    kill -0 "$daemon" || fail "the daemon died during the sync"
}

stop_daemon() {
    kill -TERM "$daemon"
    local code=0
    wait "$daemon" || code=$?
    [ $code -eq 0 ] || { cat "$WORK/daemon.err"; fail "the daemon exited $code after SIGTERM"; }
    pass "SIGTERM stopped the daemon cleanly"
}

check_archive() {
    /usr/bin/python3 - "$archive" "$IMAP_MESSAGES" <<'PY' || fail "the archive is not sound or incomplete"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("SELECT count(*) FROM accounts WHERE name = 'smoke'").fetchone()[0] == 1
archived = db.execute("SELECT count(*) FROM messages WHERE deleted_at IS NULL").fetchone()[0]
assert archived == int(sys.argv[2]), "archived %d of %s messages" % (archived, sys.argv[2])
PY
    if grep -rqF "$password" "$XDG_DATA_HOME/vaulttray" --exclude=secrets.json "$WORK/daemon.err" "$WORK/add.out" "$WORK/sync.out"; then
        fail "the password is in the archive, a log or the output"
    fi
    pass "the archive is sound, and the password is nowhere but the secrets file"
}

"$vt" secrets allow-private-file >/dev/null # no keychain here: the person's explicit choice
start_imap_server
start_daemon
check_control_channel
add_imap_account
sync_once
stop_daemon
stop_imap_server
check_archive
