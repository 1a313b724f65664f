"""The IMAP side of the network-fault suite: a real Dovecot in the server namespace, with a mailbox written by
tests/data/mailcorpus.py, reached by the app as imap.test:993 (IMAPS, the suite's CA).

Dovecot serves plain IMAP on the server namespace's loopback; ImapsFront ends TLS on imap.test:993 and passes the
bytes through, as the TLS fronts do for the Gmail and OAuth servers. Seeing the commands lets it hold the server's
answers at a chosen point (a LIST in flight, or part-way through a UID FETCH of the bodies), which is where the
suite breaks the network.
"""
import grp
import hashlib
import json
import os
import re
import select
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PYTHON = "/usr/bin/python3"

IMAP_IP, IMAPS_PORT = "10.200.0.5", 993
IMAP_USER = "alice"
NOBODY = 65534  # mail processes may not run as root; the mail belongs to nobody:nogroup
# Held answers are checked this often for a release; the pump otherwise sleeps in select().
GATE_POLL_S = 0.2
READ_SIZE = 65536
HANDSHAKE_TIMEOUT_S = 30
# A captive portal's answer to whatever arrives on the IMAPS port: its sign-in page, in the clear.
PORTAL_PAGE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
               b"<!DOCTYPE html><html><head><title>Sign in to the hotel Wi-Fi</title></head>"
               b"<body><form action=\"/login\"><input name=\"room\"></form></body></html>\r\n")


class Dovecot:
    """Dovecot 2.3 from a private config (own base_dir, log, passwd-file), plain IMAP on 127.0.0.1:port."""

    def __init__(self, folder, messages, seed):
        self.dir = os.path.join(folder, "dovecot")
        self.messages, self.seed = messages, seed
        self.proc = None
        self.port = None
        self.password = hashlib.sha256(os.urandom(16)).hexdigest()[:20]  # fresh per run

    @property
    def mail_root(self):
        return os.path.join(self.dir, "home", IMAP_USER, "Maildir")

    @property
    def log_path(self):
        return os.path.join(self.dir, "dovecot.log")

    def prepare(self):
        os.makedirs(self.mail_root)
        manifest = os.path.join(self.dir, "manifest.json")
        r = subprocess.run([PYTHON, os.path.join(ROOT, "tests", "data", "mailcorpus.py"), "maildir", self.mail_root,
                            "--messages", str(self.messages), "--seed", str(self.seed), "--manifest", manifest],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"mailcorpus.py: {r.stderr}")
        with open(manifest, encoding="utf-8") as f:
            self.manifest = json.load(f)["messages"]
        # The mail user must reach its home through every parent folder: the work folder may be passed through
        # (it holds the TLS key, so it is not listed), Dovecot's own folder read.
        os.chmod(os.path.dirname(self.dir), 0o711)
        os.chmod(self.dir, 0o755)
        for base, dirs, files in os.walk(os.path.join(self.dir, "home")):
            os.chown(base, NOBODY, NOBODY)
            for name in files:
                os.chown(os.path.join(base, name), NOBODY, NOBODY)
        self.set_password(self.password)

    def set_password(self, password):
        """Dovecot's passwd-file is read again when it changes: a new password here rejects the app's."""
        path = os.path.join(self.dir, "passwd")
        with open(path, "w") as f:
            f.write(f"{IMAP_USER}:{{PLAIN}}{password}::::::\n")
        os.chown(path, 0, grp.getgrnam("dovecot").gr_gid)  # read by the auth process, as Dovecot's own user
        os.chmod(path, 0o640)

    def _config(self):
        d = self.dir
        return f"""instance_name = vaulttray-netfault-{os.getpid()}
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
auth_verbose = yes
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = {NOBODY}
last_valid_uid = 0
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = {d}/passwd
  default_fields = uid={NOBODY} gid={NOBODY} home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  mail_max_userip_connections = 100
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
"""

    def start(self):
        self.prepare()
        for _ in range(5):  # Dovecot has no "any free port": pick one, and again if it was taken meanwhile
            probe = socket.create_server(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
            probe.close()
            with open(os.path.join(self.dir, "dovecot.conf"), "w") as f:
                f.write(self._config())
            self.proc = subprocess.Popen(["dovecot", "-F", "-c", os.path.join(self.dir, "dovecot.conf")],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if self._wait_ready():
                return
            if self.proc.poll() != 89:  # EX_TEMPFAIL: the address is in use
                raise RuntimeError(f"dovecot exited with {self.proc.returncode}: {self.proc.stderr.read()!r}")
        raise RuntimeError("dovecot found no free port")

    def _wait_ready(self):
        for _ in range(250):
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return True
            except OSError:
                pass
            time.sleep(0.02)  # polls another process's real I/O
        return False

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rejected_logins(self):
        """How many times Dovecot refused the password (auth_verbose logs each mismatch)."""
        try:
            with open(self.log_path, errors="replace") as f:
                return sum("Password mismatch" in line for line in f)
        except FileNotFoundError:
            return 0


class Hold:
    """Holds the server's answers once a command matching `command` was sent and `after` more bytes went out."""

    def __init__(self, command, after=0):
        self.pattern = re.compile(command, re.M)
        self.after = after
        self.triggered = False
        self.sent_since = 0
        self.caught = threading.Event()


class ImapsFront:
    """TLS on imap.test:993 in front of Dovecot's plain port, one thread per connection. `hold` stops answers at a
    chosen command; `portal` makes new connections meet a captive portal's HTML page instead of TLS."""

    def __init__(self, cert, key, backend_port):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.backend_port = backend_port
        self.hold = None
        self.released = threading.Event()
        self.released.set()
        self.portal = False
        self.listener = socket.create_server((IMAP_IP, IMAPS_PORT))
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, hold):
        self.hold = hold
        self.released.clear()

    def release(self):
        self.hold = None
        self.released.set()

    def _accept(self):
        while True:
            conn, _ = self.listener.accept()
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        upstream = None
        try:
            if self.portal:
                conn.recv(4096)  # the ClientHello, answered with a web page
                conn.sendall(PORTAL_PAGE)
                return
            conn.settimeout(HANDSHAKE_TIMEOUT_S)
            tls = self.context.wrap_socket(conn, server_side=True)
            tls.settimeout(None)
            upstream = socket.create_connection(("127.0.0.1", self.backend_port))
            self._pump(tls, upstream)
        except (OSError, ssl.SSLError):
            pass  # the client went away, or a fault cut the connection: the app's side is what the suite checks
        finally:
            for s in (conn, upstream):
                if s is not None:
                    s.close()

    @staticmethod
    def _budget(hold):
        """How many more bytes of the server's answers may go out now: any number unless a hold was triggered."""
        if hold is None or not hold.triggered:
            return READ_SIZE
        return min(READ_SIZE, max(0, hold.after - hold.sent_since))

    def _pump(self, tls, upstream):
        while True:
            hold = self.hold
            budget = self._budget(hold)
            if budget == 0:
                hold.caught.set()  # the server's answers wait until release()
            watched = [tls, upstream] if budget else [tls]
            readable = [tls] if tls.pending() else select.select(watched, [], [], GATE_POLL_S)[0]
            if tls in readable:
                data = tls.recv(READ_SIZE)
                if not data:
                    return
                if hold is not None and not hold.triggered and hold.pattern.search(data):
                    hold.triggered = True
                upstream.sendall(data)
            if upstream in readable and budget:
                data = upstream.recv(budget)
                if not data:
                    return
                if hold is not None and hold.triggered:
                    hold.sent_since += len(data)
                tls.sendall(data)


def imap_archive_problems(archive, manifest):
    """integrity_check, and every message of Dovecot's mailbox archived once, byte for byte (its SHA-256)."""
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        problems = []
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        rows = db.execute("SELECT lower(hex(content_sha256)) FROM messages WHERE deleted_at IS NULL").fetchall()
        archived = [r[0] for r in rows]
        expected = {m["sha256"] for m in manifest}
        doubled = len(archived) - len(set(archived))
        if doubled:
            problems.append(f"{doubled} messages doubled")
        missing = expected - set(archived)
        if missing:
            problems.append(f"{len(missing)} of {len(expected)} messages missing")
        extra = set(archived) - expected
        if extra:
            problems.append(f"{len(extra)} messages that are not on the server")
        return problems
    finally:
        db.close()


def check_the_archive_check(folder, manifest):
    """The archive comparison must see a message missing, one doubled and one foreign: an archive made so."""
    path = os.path.join(folder, "bad-archive.db")
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE messages (content_sha256 BLOB NOT NULL, deleted_at INTEGER)")
    shas = [bytes.fromhex(m["sha256"]) for m in manifest]
    rows = shas[1:] + [shas[1], hashlib.sha256(b"not on the server").digest()]
    db.executemany("INSERT INTO messages VALUES (?, NULL)", [(s,) for s in rows])
    db.commit()
    db.close()
    found = imap_archive_problems(path, manifest)
    wanted = ["1 messages doubled", f"1 of {len(manifest)} messages missing", "1 messages that are not on the server"]
    return [] if found == wanted else [f"the archive check found {found}, not {wanted}"]


if __name__ == "__main__":
    sys.exit("imapfault.py is a part of netfault.py")
