"""What the soaks share: the OAuth and Gmail test servers on 127.0.0.1, and one person's vaulttray (own HOME,
archive, log and private secrets file) driven from the command line."""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "reliability", "netfault"))
from netfault import (account_status, archive_problems, error_lines, log_lines,  # noqa: E402,F401  (as in CI)
                      sign_in_prompts)

PYTHON = "/usr/bin/python3"
ACCOUNT = "me"
EMAIL = "alice@example.org"  # the OAuth server signs in this account by default


class Servers:
    def __init__(self, messages, seed, latency_ms=0):
        self.procs = []
        node = self._spawn(["node", os.path.join(ROOT, "tests", "oauth-server", "oauth-mock.mjs"), "0"])
        self.oauth_port = json.loads(node.stdout.readline())["port"]
        gmail = self._spawn([PYTHON, os.path.join(ROOT, "tests", "gmail-server", "gmail_fake.py"), "--messages",
                             str(messages), "--seed", str(seed), "--email", EMAIL, "--quota", "0",
                             "--latency-ms", str(latency_ms),
                             "--introspect", f"http://127.0.0.1:{self.oauth_port}/introspect-jwt"])
        self.gmail_port = json.loads(gmail.stdout.readline())["port"]

    def _spawn(self, argv):
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.procs.append(p)
        return p

    def stop(self):
        for p in reversed(self.procs):
            p.terminate()
            p.wait()

    def gmail(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.gmail_port}/__control/{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            payload = r.read()
            return json.loads(payload) if payload else {}

    def mailbox(self):
        return {m["id"]: m["sizeEstimate"] for m in
                self.gmail("GET", "messages?includeSpamTrash=true&withSize=true")["messages"]}

    def client_file(self, folder):
        path = os.path.join(folder, "client_secret.json")
        base = f"http://127.0.0.1:{self.oauth_port}"
        with open(path, "w") as f:
            json.dump({"installed": {
                "client_id": "vaulttray-test.apps.googleusercontent.com", "project_id": "vaulttray-tests",
                "auth_uri": base + "/authorize", "token_uri": base + "/token",
                "client_secret": "vaulttray-test-client-secret", "redirect_uris": ["http://localhost"]}}, f)
        return path


class App:
    """One person's vaulttray; with `servers`, its Gmail account "me" is added (the caller adds others)."""

    def __init__(self, vaulttray, servers=None, system_bus=None):
        self.vaulttray = vaulttray
        self.folder = tempfile.mkdtemp(prefix="vaulttray-soak-")
        self.archive = os.path.join(self.folder, "archive.db")
        home = os.path.join(self.folder, "home")
        runtime = os.path.join(self.folder, "run")
        os.makedirs(runtime, mode=0o700)
        browser = os.path.join(self.folder, "browser.sh")
        with open(browser, "w") as f:
            f.write('#!/bin/sh\nexec curl --silent --location --max-time 30 --output /dev/null "$1"\n')
        os.chmod(browser, 0o700)
        self.env = {
            "PATH": os.environ["PATH"], "HOME": home, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": os.path.join(home, ".config"), "XDG_DATA_HOME": os.path.join(home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"), "XDG_RUNTIME_DIR": runtime,
            "DBUS_SYSTEM_BUS_ADDRESS": system_bus or f"unix:path={self.folder}/no-system-bus",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={self.folder}/no-session-bus",  # no keychain: the private file
            "BROWSER": browser,
        }
        self.cli_checked("secrets", "allow-private-file")
        if servers:
            self.env["VAULTTRAY_GMAIL_API_BASE"] = f"http://127.0.0.1:{servers.gmail_port}"
            self.cli_checked("account", "add-gmail", ACCOUNT, "--client-file", servers.client_file(self.folder),
                             "--quota", "100000")

    def argv(self, *args):
        return [self.vaulttray, "--archive", self.archive] + list(args)

    def cli(self, *args, timeout=300, stdin=None):
        return subprocess.run(self.argv(*args), env=self.env, capture_output=True, text=True, timeout=timeout,
                              input=stdin)

    def cli_checked(self, *args, stdin=None):
        r = self.cli(*args, stdin=stdin)
        if r.returncode != 0:
            sys.exit(f"vaulttray {' '.join(args)}: {r.stderr}")
        return r

    def popen(self, *args, **kw):
        return subprocess.Popen(self.argv(*args), env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, **kw)

    def status(self):
        return account_status(self.cli, ACCOUNT, timeout=60)

    def log_lines(self):
        return log_lines(self.env)


def progress(line):
    print(line, file=sys.stderr, flush=True)


def wait_for(predicate, timeout_s, poll_s=0.2):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll_s)  # polls another process's real I/O
    return None
