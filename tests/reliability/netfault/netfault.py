#!/usr/bin/python3
"""Network faults in namespaces: the real `vaulttray --headless` in a client network namespace syncs a Gmail account
from the Gmail API server and the OAuth server, or an IMAP account from a real Dovecot, all in a server namespace
(TLS with a test CA, names from dnsmasq), while netns.sh breaks the network during the token refresh (IMAP: the
connection and login), the listing (IMAP: LIST), or mid-transfer (IMAP: UID FETCH of the bodies).

For every fault x phase: the failure is classified as a network blip (or the sync rides it out), no sign-in is asked
for, nothing is logged at ERROR level, the archive passes integrity_check with every message once, and after the
fault is lifted the sync completes (by itself, or nudged with `vaulttray sync` to keep the run short). Last, the one
true case: the token endpoint answers invalid_grant (IMAP: Dovecot refuses the password), and exactly one sign-in
is asked for.

Run as root: netfault.py --vaulttray BUILD/vaulttray [--set ci-refresh|ci-mid|ci-signin|ci-imap|full...]
The namespaces are named after the build folder and this process (--prefix overrides), so runs do not collide;
leftovers of earlier runs from the same build folder whose process is gone are removed at start.
Prints one line per case and closes with "N passed, N failed"; exit 77 (skipped) when not root.
"""
import argparse
import base64
import glob
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import imapfault

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
NETNS = os.path.join(HERE, "netns.sh")
PYTHON = "/usr/bin/python3"
SKIPPED = 77

GMAIL_IP, OAUTH_IP, TLS_PORT, TARPIT_PORT = "10.200.0.3", "10.200.0.4", 443, 4443
EMAIL = "alice@example.org"  # the OAuth server signs in this account by default
ACCOUNT = "me"

# How long the suite waits for the app's own reaction. The app gives a silent peer 30 s (GmailApi and
# TokenEndpointJob kDefaultTransferTimeout) before calling it a blip; the first backoff is at most 30 s
# (SchedulePolicy::backoffBase); a whole sync of the test mailbox takes a few seconds.
CLASSIFY_TIMEOUT_S = 75
RECOVER_TIMEOUT_S = 150
READY_TIMEOUT_S = 90
# Faults that slow the link rather than cut it are held this long, then lifted, whatever the app did meanwhile.
HOLD_S = 10
# The transfer phase is caught after this many messages were handed out.
TRANSFER_AFTER = 30
POLL_S = 0.25


class Fault:
    def __init__(self, name, netns=None, must_fail=True, held=False):
        self.name = name
        self.netns = netns        # netns.sh fault arguments; None for the captive portal (the servers answer HTML)
        self.must_fail = must_fail  # during the refresh the app cannot get through; later it may ride it out
        self.held = held          # a degraded link: lifted after HOLD_S rather than after the app's reaction


FAULTS = {f.name: f for f in [
    Fault("nxdomain", ["nxdomain"]),
    Fault("dns-down", ["dns-down"]),
    Fault("dns-drop", ["dns-drop"]),
    Fault("link-down", ["link-down"]),
    Fault("carrier-down", ["carrier-down"]),
    Fault("flap", ["flap"], must_fail=False, held=True),
    Fault("blackhole", ["blackhole"]),
    Fault("refused", ["refused"]),
    Fault("host-unreachable", ["host-unreachable"]),
    Fault("no-route", ["no-route"]),
    Fault("slow", ["slow"], must_fail=False, held=True),
    Fault("tls-stall", ["tls-stall"]),
    Fault("captive-portal"),
]}
PHASES = ["refresh", "listing", "transfer"]
IMAP_PHASES = ["imap-login", "imap-listing", "imap-transfer"]
# A name lookup cannot fail for a connection that is already open, and Qt keeps resolved names for a minute: once
# the sync is under way, DNS faults come with the server dropping the open connections, so that the app has to
# connect again (and may still ride the fault out on its cached answer).
DNS_FAULTS = {"nxdomain", "dns-down", "dns-drop"}

# Faults the app does not survive yet; the full matrix runs them (and fails), CI leaves them out until fixed.
# None now: tls-stall during the refresh (the connection stuck in its TLS handshake stayed in the network access
# manager and every later refresh waited on it) was fixed by dropping the cached connections on a token timeout.
KNOWN_DEFECTS = set()

SETS = {
    # CI: every fault during the refresh, a few during the listing and mid-transfer, and the one true case.
    "ci-refresh": [("refresh", f) for f in FAULTS if f not in KNOWN_DEFECTS],
    "ci-mid": [("listing", "refused"), ("listing", "blackhole"), ("transfer", "link-down"),
               ("transfer", "tls-stall"), ("transfer", "nxdomain"), ("transfer", "captive-portal")],
    "ci-signin": [("refresh", "invalid_grant")],
    "ci-imap": [("imap-login", "refused"), ("imap-login", "dns-drop"), ("imap-listing", "blackhole"),
                ("imap-transfer", "nxdomain"), ("imap-transfer", "captive-portal"),
                ("imap-login", "auth-failed")],
    "full-gmail": [(p, f) for p in PHASES for f in FAULTS] + [("refresh", "invalid_grant")],
    "full-imap": [(p, f) for p in IMAP_PHASES for f in FAULTS] + [("imap-login", "auth-failed")],
}
SETS["full"] = SETS["full-gmail"] + SETS["full-imap"]
# Cases that recover with no nudge at all: the scheduler's own backoff retries them.
UNPROMPTED = {("refresh", "nxdomain"), ("transfer", "link-down"), ("imap-login", "dns-drop")}
# The one true case of each provider: the credential is refused, and the person is asked to sign in once.
TRUE_CASES = {"invalid_grant", "auth-failed"}
# IMAP: the mailbox, and the transfer phase is caught after this many bytes of UID FETCH answers went out.
IMAP_MESSAGES = 300
IMAP_TRANSFER_AFTER = 1_000_000


def log(line):
    print(line, flush=True)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def wait_for(predicate, timeout_s, what):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(POLL_S)  # polls another process's real I/O
    raise CaseFailure(f"timed out after {timeout_s} s waiting for {what}")


class CaseFailure(Exception):
    pass


# --- host side: certificates, the namespaces, then this script again inside the server namespace ---------------
def make_certificates(folder):
    ca_key, ca, key, csr, cert = (os.path.join(folder, n) for n in ("ca.key", "ca.pem", "tls.key", "tls.csr", "tls.pem"))
    ext = os.path.join(folder, "san.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=DNS:gmail.test,DNS:oauth.test,DNS:imap.test\n")
    for args in (["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=vaulttray netfault CA",
                  "-keyout", ca_key, "-out", ca],
                 ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=gmail.test", "-keyout", key, "-out", csr],
                 ["x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-days", "2",
                  "-extfile", ext, "-out", cert]):
        r = run(["openssl"] + args)
        if r.returncode != 0:
            sys.exit(f"openssl {args[0]}: {r.stderr}")
    return ca, key, cert


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, d = divmod(n, 36)
        out = digits[d] + out
        if n == 0:
            return out


def prefix_base(vaulttray):
    """The same for every run from one build folder, different between build folders (and clones)."""
    return "vt" + hashlib.sha256(os.path.dirname(vaulttray).encode()).hexdigest()[:4]


def own_prefix(vaulttray):
    # Interface names ("PREFIX-c0") must fit in 15 bytes: 6 + at most 5 (pids below 36^5) + 3.
    return prefix_base(vaulttray) + base36(os.getpid())


def stale_prefixes(names, base, alive):
    """The prefixes among namespace names that belong to runs from base's build folder whose process is gone."""
    stale = set()
    for name in names:
        prefix, _, side = name.rpartition("-")
        if side not in ("client", "server") or not prefix.startswith(base) or len(prefix) == len(base):
            continue
        try:
            pid = int(prefix[len(base):], 36)
        except ValueError:
            continue
        if not alive(pid):
            stale.add(prefix)
    return sorted(stale)


def remove_stale(vaulttray):
    """Namespaces of this build folder's earlier runs that ended without removing them (killed by a timeout)."""
    names = os.listdir("/run/netns") if os.path.isdir("/run/netns") else []
    for prefix in stale_prefixes(names, prefix_base(vaulttray), lambda pid: os.path.exists(f"/proc/{pid}")):
        log(f"netfault: removing the leftover namespaces {prefix}-*")
        run([NETNS, prefix, "down"])


def host_main(args):
    if os.geteuid() != 0:
        print("netfault: network namespaces need root (CI runs as root)", file=sys.stderr)
        return SKIPPED
    if not args.prefix:
        remove_stale(args.vaulttray)
        args.prefix = own_prefix(args.vaulttray)
    for tool in ("dnsmasq", "nft", "socat", "tc", "dbus-daemon", "gdbus", "node", "curl", "dovecot"):
        if not shutil.which(tool):
            sys.exit(f"netfault: {tool} is missing (scripts/test installs it)")
    work = tempfile.mkdtemp(prefix=f"vaulttray-netfault-{args.prefix}-")
    try:
        ca, key, cert = make_certificates(work)
        up = run([NETNS, args.prefix, "up", ca])
        if up.returncode != 0:
            sys.exit(f"netns.sh up: {up.stderr}")
        inner = ["ip", "netns", "exec", f"{args.prefix}-server", PYTHON, os.path.abspath(__file__), "--inside",
                 "--work", work, "--tls-key", key, "--tls-cert", cert, "--prefix", args.prefix] + sys.argv[1:]
        return subprocess.call(inner)
    finally:
        run([NETNS, args.prefix, "down"])
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


# --- inside the server namespace: the servers ------------------------------------------------------------------
class Servers:
    """The OAuth server and the Gmail API server on the server namespace's loopback, each behind a TLS front on
    its public address, and a listener that accepts connections and never answers (the stalled TLS handshake)."""

    def __init__(self, args):
        self.args = args
        self.procs = []
        self.tarpit_conns = []
        self.dovecot = None
        self.imap_front = None

    def start(self):
        node = self._spawn(["node", os.path.join(ROOT, "tests", "oauth-server", "oauth-mock.mjs"), "0"])
        self.oauth_port = json.loads(node.stdout.readline())["port"]
        gmail = self._spawn([PYTHON, os.path.join(ROOT, "tests", "gmail-server", "gmail_fake.py"),
                             "--messages", str(self.args.messages), "--seed", str(self.args.seed), "--email", EMAIL,
                             "--introspect", f"http://127.0.0.1:{self.oauth_port}/introspect-jwt", "--quota", "0"])
        self.gmail_port = json.loads(gmail.stdout.readline())["port"]
        for ip, port in ((GMAIL_IP, self.gmail_port), (OAUTH_IP, self.oauth_port)):
            self._spawn(["socat", f"OPENSSL-LISTEN:{TLS_PORT},bind={ip},reuseaddr,fork,verify=0,"
                                  f"cert={self.args.tls_cert},key={self.args.tls_key}", f"TCP:127.0.0.1:{port}"],
                        stdout=subprocess.DEVNULL)
        tarpit = socket.create_server(("0.0.0.0", TARPIT_PORT))
        threading.Thread(target=self._hold_connections, args=(tarpit,), daemon=True).start()
        wait_for(lambda: self._listening(GMAIL_IP) and self._listening(OAUTH_IP), READY_TIMEOUT_S, "the TLS fronts")

    def start_imap(self):
        self.dovecot = imapfault.Dovecot(self.args.work, self.args.imap_messages, self.args.seed)
        self.dovecot.start()
        self.imap_front = imapfault.ImapsFront(self.args.tls_cert, self.args.tls_key, self.dovecot.port)

    def _hold_connections(self, listener):
        while True:
            conn, _ = listener.accept()
            self.tarpit_conns.append(conn)  # kept open, never read or written

    @staticmethod
    def _listening(ip):
        try:
            socket.create_connection((ip, TLS_PORT), timeout=1).close()
            return True
        except OSError:
            return False

    def _spawn(self, argv, stdout=subprocess.PIPE):
        p = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, text=True)
        self.procs.append(p)
        return p

    def stop(self):
        if self.dovecot:
            self.dovecot.stop()
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()

    def gmail(self, method, path, body=None):
        return self._call(self.gmail_port, method, "/__control/" + path, body)

    def oauth(self, path):
        return self._call(self.oauth_port, "GET" if path == "stats" else "POST", "/__control/" + path, None)

    @staticmethod
    def _call(port, method, path, body):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            payload = r.read()
            return json.loads(payload) if payload else {}

    def mailbox(self):
        return {m["id"]: m["sizeEstimate"] for m in
                self.gmail("GET", "messages?includeSpamTrash=true&withSize=true")["messages"]}

    def in_flight(self, method):
        s = self.gmail("GET", "stats")
        return s.get("inFlight", 0) > 0 and s.get("requests", {}).get(method, 0) > 0

    def refreshes(self):
        return self.oauth("stats").get("token", {}).get("refresh_token", 0)


class SystemBus:
    """A private system bus (a path socket, so it reaches into the client namespace) with NetworkManager saying
    'connected' throughout, as a laptop's would while DNS or the access point fails, and logind."""

    def __init__(self, folder):
        self.address = f"unix:path={folder}/system_bus_socket"
        self.procs = []

    def start(self):
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", f"--address={self.address}",
                                "--print-address"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
        self.procs.append(bus)
        bus.stdout.readline()
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.address)
        for template, name in (("networkmanager", "org.freedesktop.NetworkManager"),
                               ("logind", "org.freedesktop.login1")):
            self.procs.append(subprocess.Popen([PYTHON, "-m", "dbusmock", "--system", "-t", template], env=env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            r = run(["gdbus", "wait", "--system", "--timeout", str(READY_TIMEOUT_S), name], env=env)
            if r.returncode != 0:
                raise RuntimeError(f"{name} mock did not start: {r.stderr}")
        r = run(["gdbus", "call", "--system", "-d", "org.freedesktop.NetworkManager", "-o", "/org/freedesktop",
                 "-m", "org.freedesktop.DBus.Mock.SetGlobalConnectionState", "70"], env=env)
        if r.returncode != 0:
            raise RuntimeError(f"NetworkManager state: {r.stderr}")

    def stop(self):
        for p in reversed(self.procs):
            p.terminate()
            p.wait()


# --- inside: the app in the client namespace --------------------------------------------------------------------
class App:
    """One person's vaulttray (own HOME, archive, log and private secrets file) in the client namespace."""

    def __init__(self, args, folder, bus):
        self.args = args
        self.folder = folder
        self.archive = os.path.join(folder, "archive.db")
        self.daemon = None
        home = os.path.join(folder, "home")
        # Short, as /run/user/UID is: the control socket's path must fit in sockaddr_un (108 bytes).
        runtime = tempfile.mkdtemp(prefix="vtrun-")
        self.runtime = runtime
        browser = os.path.join(folder, "browser.sh")
        with open(browser, "w") as f:  # follows the sign-in redirects as a browser would
            f.write('#!/bin/sh\nexec curl --silent --location --max-time 30 --output /dev/null "$1"\n')
        os.chmod(browser, 0o700)
        self.env = {
            "PATH": os.environ["PATH"], "HOME": home, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": os.path.join(home, ".config"), "XDG_DATA_HOME": os.path.join(home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"), "XDG_RUNTIME_DIR": runtime,
            "DBUS_SYSTEM_BUS_ADDRESS": bus.address,
            # No session bus, so no keychain: the person allowed the private secrets file.
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={folder}/no-session-bus",
            "VAULTTRAY_GMAIL_API_BASE": f"https://gmail.test:{TLS_PORT}",
            "BROWSER": browser,
        }
        self.ns = ["ip", "netns", "exec", f"{args.prefix}-client"]

    def cli(self, *argv, timeout=120):
        return run(self.ns + [self.args.vaulttray, "--archive", self.archive] + list(argv), env=self.env,
                   timeout=timeout)

    def add_imap(self, ca_file, password):
        r = self.cli("secrets", "allow-private-file")
        if r.returncode != 0:
            raise CaseFailure(f"secrets allow-private-file: {r.stderr}")
        r = run(self.ns + [self.args.vaulttray, "--archive", self.archive, "account", "add-imap", ACCOUNT,
                           "--host", "imap.test", "--port", str(imapfault.IMAPS_PORT), "--security", "imaps",
                           "--user", imapfault.IMAP_USER, "--ca-file", ca_file, "--password-stdin"],
                env=self.env, input=password + "\n", timeout=120)
        if r.returncode != 0:
            raise CaseFailure(f"account add-imap: {r.stderr}")

    def sign_in(self, client_file):
        r = self.cli("secrets", "allow-private-file")
        if r.returncode != 0:
            raise CaseFailure(f"secrets allow-private-file: {r.stderr}")
        r = self.cli("account", "add-gmail", ACCOUNT, "--client-file", client_file, "--quota", "100000")
        if r.returncode != 0:
            raise CaseFailure(f"account add-gmail: {r.stderr}")

    def start(self):
        self.stderr_path = os.path.join(self.folder, "daemon-stderr.txt")
        with open(self.stderr_path, "a") as err:
            self.daemon = subprocess.Popen(self.ns + [self.args.vaulttray, "--headless", "--archive", self.archive],
                                           env=self.env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            wait_for(lambda: self.daemon.poll() is not None or self.status().get("state"), READY_TIMEOUT_S,
                     "the running instance")
        except CaseFailure as e:
            raise CaseFailure(f"{e}; its last words: {self.last_words()}; its log: {self.log_lines()[-3:]}")
        if self.daemon.poll() is not None:
            raise CaseFailure(f"the instance exited with {self.daemon.returncode} at start: {self.last_words()}")

    def stop(self):
        if not self.daemon:
            return None
        self.daemon.terminate()
        try:
            code = self.daemon.wait(30)
        except subprocess.TimeoutExpired:
            self.daemon.kill()
            code = self.daemon.wait()
        self.daemon = None
        return code

    def remove_runtime(self):
        shutil.rmtree(self.runtime, ignore_errors=True)

    def last_words(self):
        with open(self.stderr_path, errors="replace") as f:
            return " | ".join(l for l in f.read().splitlines()[-4:])

    def status(self):
        return account_status(self.cli)

    def log_lines(self):
        return log_lines(self.env)


def account_status(cli, name=ACCOUNT, timeout=30):
    """The account's entry in `vaulttray status --json` (cli runs a vaulttray command), {} when there is none."""
    r = cli("status", "--json", timeout=timeout)
    if r.returncode != 0:
        return {}
    for a in json.loads(r.stdout).get("accounts", []):
        if a.get("name") == name:
            return a
    return {}


def log_lines(env):
    """Every line of the daemon's log files, oldest file first (env: the person's environment)."""
    lines = []
    for path in sorted(glob.glob(os.path.join(env["XDG_DATA_HOME"], "vaulttray", "logs", "*"))):
        with open(path, errors="replace") as f:
            lines += f.read().splitlines()
    return lines


def error_lines(lines):
    """What would have reached the person as a critical notification: the daemon logs real failures at ERROR."""
    return [l for l in lines if " ERROR " in l or l.startswith("ERROR")]


def sign_in_prompts(lines):
    """Each time the daemon asked for a new sign-in (Scheduler::signInRequired follows this line)."""
    return [l for l in lines if "credential rejected by the provider" in l]


def archive_problems(archive, mailbox):
    """integrity_check, each message once, and every server message archived at its full size."""
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        problems = []
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        rows = db.execute("SELECT provider_id, size FROM messages WHERE deleted_at IS NULL").fetchall()
        ids = [r[0] for r in rows]
        if len(ids) != len(set(ids)):
            problems.append(f"{len(ids) - len(set(ids))} messages doubled")
        archived = dict(rows)
        missing = [i for i in mailbox if i not in archived]
        if missing:
            problems.append(f"{len(missing)} of {len(mailbox)} messages missing")
        wrong = [i for i, size in mailbox.items() if i in archived and archived[i] != size]
        if wrong:
            problems.append(f"{len(wrong)} messages not at their full size")
        return problems
    finally:
        db.close()


# --- inside: one case -------------------------------------------------------------------------------------------
class Case:
    def __init__(self, suite, phase, fault):
        self.suite, self.servers, self.args = suite, suite.servers, suite.args
        self.phase, self.fault = phase, fault
        self.folder = os.path.join(suite.work, f"{phase}-{fault}")
        os.makedirs(self.folder)
        self.app = App(self.args, self.folder, suite.bus)
        self.outcome = "?"
        self.states = set()
        self.nudged = False

    @property
    def first_phase(self):
        """The phase before anything reached the server: the app cannot get through while the fault lasts."""
        return self.phase == "refresh"

    def reset(self):
        self.servers.gmail("DELETE", "faults")
        self.servers.oauth("reset")

    def sign_in(self):
        self.app.sign_in(self.suite.client_file)

    def wait_held(self, held):
        wait_for(lambda: self.servers.in_flight(held), READY_TIMEOUT_S, f"a {held} in flight")

    def release(self):
        self.servers.gmail("DELETE", "faults")

    def expected(self):
        return self.servers.mailbox()

    def archive_problems(self, expected):
        return archive_problems(self.app.archive, expected)

    def netns(self, *argv):
        r = run([NETNS, self.args.prefix] + list(argv))
        if r.returncode != 0:
            raise CaseFailure(f"netns.sh {' '.join(argv)}: {r.stderr}")

    def apply(self):
        f = FAULTS[self.fault]
        if f.netns is None:  # the captive portal: a 200 text/html page where JSON was expected
            if self.phase == "refresh":
                self.servers.oauth("fail-next-refresh?with=html200")
            else:
                method = "messages.list" if self.phase == "listing" else "messages.get"
                self.servers.gmail("POST", "faults", {"method": method, "html": True, "count": 50})
            return
        if not self.first_phase and self.fault in DNS_FAULTS:
            self.netns("fault", "cut")
        self.netns("fault", *f.netns)

    def lift(self):
        if FAULTS[self.fault].netns is None:
            self.servers.gmail("DELETE", "faults")
            self.servers.oauth("reset")
        else:
            self.netns("restore")

    def hold_in_phase(self):
        """Starts the instance and returns once it is waiting on the server in the case's phase."""
        if self.phase == "refresh":
            return  # a new process has no access token: its first request is the refresh
        if self.phase == "listing":
            rule, method = {"method": "messages.list", "stall": True}, "messages.list"
        else:
            rule, method = {"method": "messages.get", "after": TRANSFER_AFTER, "stall": True}, "messages.get"
        self.servers.gmail("POST", "faults", rule)
        return method

    def watch(self):
        s = self.app.status()
        if s.get("state"):
            self.states.add(s["state"])
        return s

    def settled(self):
        """The run ended: in backoff with a classified failure, or done."""
        s = self.watch()
        if s.get("state") in ("NeedsSignIn", "Failed"):
            return s
        if s.get("state") == "Backoff" and s.get("error"):
            return s
        if s.get("state") == "Idle" and s.get("lastRun", {}).get("status") == "ok":
            return s
        return None

    def complete(self, expected):
        s = self.watch()
        done = s.get("state") == "Idle" and s.get("lastRun", {}).get("status") == "ok"
        return done and not self.archive_problems(expected)

    def run(self):
        self.reset()
        self.sign_in()
        if self.fault in TRUE_CASES:
            return self.run_true_case()
        f = FAULTS[self.fault]
        held = self.hold_in_phase()
        if self.first_phase:
            self.apply()
            self.app.start()
        else:
            self.app.start()
            self.wait_held(held)
            if f.netns is None:
                self.release()  # the held answers arrive; the portal answers what follows
                self.apply()
            else:
                self.apply()
                self.release()  # the held answers go out into the broken network
        if f.held:
            time.sleep(HOLD_S)  # a degraded link for a while: the fault's duration, not a wait for logic
            settled = self.watch()
        else:
            settled = wait_for(self.settled, CLASSIFY_TIMEOUT_S, "the run to end")
        kind = settled.get("error", {}).get("kind") if settled.get("state") == "Backoff" else None
        self.outcome = kind or ("rode it out" if settled.get("lastRun", {}).get("status") == "ok"
                                else settled.get("state", "?"))
        self.lift()

        problems = []
        if settled.get("state") in ("NeedsSignIn", "Failed"):
            problems.append(f"state {settled['state']}: {settled.get('error')}")
        if kind not in (None, "network-transient"):
            problems.append(f"classified {kind}, not network-transient")
        if f.must_fail and self.first_phase and kind != "network-transient":
            problems.append(f"the refresh could not have succeeded, yet the outcome was {self.outcome}")

        mailbox = self.expected()
        unprompted = self.args.unprompted_all or (self.phase, self.fault) in UNPROMPTED
        if not unprompted and self.watch().get("state") == "Backoff":
            self.nudged = True
            r = self.app.cli("sync", ACCOUNT)
            if r.returncode != 0:
                problems.append(f"vaulttray sync: {r.stderr.strip()}")
        wait_for(lambda: self.complete(mailbox), RECOVER_TIMEOUT_S, "the sync to complete after the fault")
        code = self.app.stop()
        if code != 0:
            problems.append(f"the instance exited with {code}; its last words: {self.app.last_words()}")
        lines = self.app.log_lines()
        problems += [f"logged: {l}" for l in error_lines(lines)]
        problems += [f"asked for a sign-in: {l}" for l in sign_in_prompts(lines)]
        if "NeedsSignIn" in self.states:
            problems.append("the account was in NeedsSignIn")
        problems += self.archive_problems(mailbox)
        return problems

    def run_true_case(self):
        """The one true case, and proof that the checks above see a prompt and an ERROR line when there is one."""
        self.app.start()
        mailbox = self.servers.mailbox()
        wait_for(lambda: self.complete(mailbox), RECOVER_TIMEOUT_S, "the first sync")
        self.app.stop()
        self.servers.oauth("fail-next-refresh?with=invalid_grant")
        self.app.start()
        self.app.cli("sync", ACCOUNT)  # not due yet: "Sync now"; a new process refreshes its access token first
        # The archive's last run is the good one above: wait for this instance's own verdict.
        settled = wait_for(lambda: self.watch() if self.watch().get("state") in ("NeedsSignIn", "Failed", "Backoff")
                           else None, CLASSIFY_TIMEOUT_S, "the refresh to be refused")
        self.outcome = settled.get("error", {}).get("kind", settled.get("state"))
        refreshes = self.servers.refreshes()
        for _ in range(3):  # the person clicks "Sync now" again and again: no new refresh, no new prompt
            self.app.cli("sync", ACCOUNT)
        after_clicks = self.watch()
        self.app.stop()
        lines = self.app.log_lines()
        problems = []
        if settled.get("state") != "NeedsSignIn" or self.outcome != "credential-rejected":
            problems.append(f"state {settled.get('state')}, error {settled.get('error')}")
        if after_clicks.get("state") != "NeedsSignIn":
            problems.append(f"after Sync now: {after_clicks.get('state')}")
        if len(sign_in_prompts(lines)) != 1:
            problems.append(f"{len(sign_in_prompts(lines))} sign-in prompts, not exactly one")
        # The check that keeps the blip cases quiet must see this one, and see it once: the scheduler's verdict.
        if len(error_lines(lines)) != 1:
            problems.append(f"{len(error_lines(lines))} ERROR lines for one rejected credential, not exactly one")
        if self.servers.refreshes() != refreshes:
            problems.append("the refused refresh token was tried again")
        problems += archive_problems(self.app.archive, mailbox)
        return problems


class ImapCase(Case):
    """The same fault x phase over IMAP: Dovecot behind imap.test:993, the password in the private secrets file."""

    @property
    def first_phase(self):
        return self.phase == "imap-login"

    def run(self):
        return super().run() + self.password_leaks()

    def password_leaks(self):
        """The password is in the private secrets file the person allowed, and in no other file of theirs: not
        the archive, the settings, the log or the instance's stderr. Found in the secrets file too, or the search
        is blind."""
        password = self.servers.dovecot.password.encode()
        forms = (password, base64.b64encode(password))  # the secrets file holds it in base64
        leaks, in_secrets_file = [], False
        for base, _, files in os.walk(self.folder):
            for name in files:
                path = os.path.join(base, name)
                if not os.path.isfile(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                if not any(form in data for form in forms):
                    continue
                if name == "secrets.json":
                    in_secrets_file = True
                else:
                    leaks.append(f"the password is in {os.path.relpath(path, self.folder)}")
        if not in_secrets_file:
            leaks.append("the password is not in the private secrets file: the leak search cannot be trusted")
        return leaks

    def reset(self):
        self.servers.imap_front.release()
        self.servers.imap_front.portal = False

    def sign_in(self):
        self.app.add_imap(os.path.join(self.args.work, "ca.pem"), self.servers.dovecot.password)

    def hold_in_phase(self):
        if self.phase == "imap-login":
            return None  # a new process connects and logs in first
        if self.phase == "imap-listing":
            hold = imapfault.Hold(rb"^\S+ LIST ")
        else:
            hold = imapfault.Hold(rb"^\S+ UID FETCH [^\r\n]*BODY", after=IMAP_TRANSFER_AFTER)
        self.servers.imap_front.arm(hold)
        return hold

    def wait_held(self, hold):
        what = "a LIST in flight" if self.phase == "imap-listing" else "a UID FETCH of bodies under way"
        wait_for(hold.caught.is_set, READY_TIMEOUT_S, what)

    def release(self):
        self.servers.imap_front.release()

    def apply(self):
        if FAULTS[self.fault].netns is None:
            # The captive portal takes over the port: open connections are cut, new ones meet its web page.
            self.servers.imap_front.portal = True
            if not self.first_phase:
                self.netns("fault", "cut")
            return
        super().apply()

    def lift(self):
        self.servers.imap_front.portal = False
        self.netns("restore")

    def expected(self):
        return self.servers.dovecot.manifest

    def archive_problems(self, expected):
        return imapfault.imap_archive_problems(self.app.archive, expected)

    def run_true_case(self):
        """Dovecot refuses the password (NO [AUTHENTICATIONFAILED]): exactly one prompt, and no new login attempt
        when the person clicks "Sync now" again; the checks above see its ERROR line."""
        dovecot = self.servers.dovecot
        self.app.start()
        manifest = self.expected()
        wait_for(lambda: self.complete(manifest), RECOVER_TIMEOUT_S, "the first sync")
        self.app.stop()
        rejected_before = dovecot.rejected_logins()
        dovecot.set_password(dovecot.password + "-changed")
        try:
            self.app.start()
            self.app.cli("sync", ACCOUNT)
            settled = wait_for(lambda: self.watch() if self.watch().get("state") in ("NeedsSignIn", "Failed",
                                                                                     "Backoff") else None,
                               CLASSIFY_TIMEOUT_S, "the login to be refused")
            self.outcome = settled.get("error", {}).get("kind", settled.get("state"))
            attempts = dovecot.rejected_logins() - rejected_before
            for _ in range(3):
                self.app.cli("sync", ACCOUNT)
            after_clicks = self.watch()
            self.app.stop()
        finally:
            dovecot.set_password(dovecot.password)
        lines = self.app.log_lines()
        problems = []
        if settled.get("state") != "NeedsSignIn" or self.outcome != "credential-rejected":
            problems.append(f"state {settled.get('state')}, error {settled.get('error')}")
        if after_clicks.get("state") != "NeedsSignIn":
            problems.append(f"after Sync now: {after_clicks.get('state')}")
        if len(sign_in_prompts(lines)) != 1:
            problems.append(f"{len(sign_in_prompts(lines))} sign-in prompts, not exactly one")
        if len(error_lines(lines)) != 1:  # the scheduler's verdict, once
            problems.append(f"{len(error_lines(lines))} ERROR lines for one rejected password, not exactly one")
        if attempts != 1:
            problems.append(f"{attempts} logins refused by Dovecot before the prompt, not exactly one")
        if dovecot.rejected_logins() - rejected_before != attempts:
            problems.append("the refused password was tried again")
        problems += self.archive_problems(manifest)
        return problems


class Suite:
    def __init__(self, args):
        self.args = args
        self.work = os.path.join(args.work, "cases")
        os.makedirs(self.work)
        self.servers = Servers(args)
        self.bus = SystemBus(args.work)

    def write_client_file(self):
        self.client_file = os.path.join(self.args.work, "client_secret.json")
        base = f"https://oauth.test:{TLS_PORT}"
        with open(self.client_file, "w") as f:
            json.dump({"installed": {
                "client_id": "vaulttray-test.apps.googleusercontent.com", "project_id": "vaulttray-tests",
                "auth_uri": base + "/authorize", "token_uri": base + "/token",
                "client_secret": "vaulttray-test-client-secret", "redirect_uris": ["http://localhost"]}}, f)

    def run(self):
        self.servers.start()
        if any(phase.startswith("imap-") for phase, _ in SETS[self.args.set]):
            self.servers.start_imap()
            broken = imapfault.check_the_archive_check(self.args.work, self.servers.dovecot.manifest)
            if broken:
                sys.exit(f"netfault: {broken[0]}")
        self.bus.start()
        self.write_client_file()
        passed = failed = 0
        results = []
        try:
            for phase, fault in SETS[self.args.set]:
                if self.args.only and fault not in self.args.only:
                    continue
                started = time.monotonic()
                case = (ImapCase if phase.startswith("imap-") else Case)(self, phase, fault)
                try:
                    problems = case.run()
                except CaseFailure as e:
                    problems = [str(e)]
                finally:
                    case.app.stop()
                    case.app.remove_runtime()
                    run([NETNS, self.args.prefix, "restore"])
                seconds = time.monotonic() - started
                verdict = "PASS" if not problems else "FAIL"
                how = "-" if fault in TRUE_CASES else "nudged" if case.nudged else "by itself"
                log(f"{verdict}: {phase:<8} {fault:<16} outcome={case.outcome:<16} recovered {how:<9} "
                    f"({seconds:.1f} s)")
                for p in problems:
                    log(f"    {p}")
                results.append({"phase": phase, "fault": fault, "outcome": case.outcome, "nudged": case.nudged,
                                "problems": problems, "seconds": round(seconds, 1)})
                passed += not problems
                failed += bool(problems)
        finally:
            self.bus.stop()
            self.servers.stop()
        if self.args.report:
            with open(self.args.report, "w") as f:
                json.dump(results, f, indent=1)
        log(f"{passed} passed, {failed} failed")
        return 0 if failed == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vaulttray", required=True, help="the vaulttray executable")
    ap.add_argument("--set", default="ci-refresh", choices=sorted(SETS))
    ap.add_argument("--only", action="append", help="run only these faults (repeatable)")
    ap.add_argument("--prefix", help="namespace name prefix (default: from the build folder and this process)")
    ap.add_argument("--messages", type=int, default=120)
    ap.add_argument("--imap-messages", type=int, default=IMAP_MESSAGES)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--unprompted-all", action="store_true", help="never nudge: every recovery by the backoff")
    ap.add_argument("--report", help="write the results as JSON here")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    ap.add_argument("--tls-key", help=argparse.SUPPRESS)
    ap.add_argument("--tls-cert", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.vaulttray = os.path.abspath(args.vaulttray)
    if args.report:
        args.report = os.path.abspath(args.report)
    if not args.inside:
        return host_main(args)
    return Suite(args).run()


if __name__ == "__main__":
    sys.exit(main())
