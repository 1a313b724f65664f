#!/usr/bin/python3
"""kill -9 soak: `vaulttray sync --once` killed at random moments (a seeded RNG; the seed is printed) during a
first sync of 3,000 messages and the incremental syncs of a mailbox that keeps changing: the local Gmail API server
(--provider gmail), or a real Dovecot on 127.0.0.1 (--provider imap; root, for Dovecot's mail user). After every kill
the archive opens, passes integrity_check and holds no message twice; at the end one more run completes it: every
message of the server archived (Gmail: at its full size; IMAP: byte for byte, by SHA-256), none missing or doubled.

usage: killsoak.py --vaulttray BIN [--provider gmail|imap] [--kills 100] [--seed S] [--messages 3000]"""
import argparse
import hashlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

from soaklib import ACCOUNT, App, Servers, archive_problems, error_lines, progress

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reliability",
                                "netfault"))
from imapfault import IMAP_USER, NOBODY, Dovecot, check_the_archive_check, imap_archive_problems  # noqa: E402

# Kills land this long after the start (seconds, uniform): from before the first request to well into a batch. An
# IMAP run against Dovecot on this machine is over sooner.
KILL_AFTER_S = {"gmail": (0.05, 1.5), "imap": (0.05, 0.5)}
# Every few runs the server's mailbox changes: new mail (and, for Gmail, label changes), so later syncs have work to
# be killed in.
CHANGE_EVERY = 3
NEW_MAIL = 150
RELABEL = 10


class GmailSide:
    def __init__(self, args, vaulttray):
        self.servers = Servers(args.messages, args.seed)
        self.app = App(vaulttray, self.servers)

    def change(self, rng):
        ids = list(self.servers.mailbox())
        self.servers.gmail("POST", "messages", {"count": NEW_MAIL, "labelIds": ["INBOX", "UNREAD"]})
        self.servers.gmail("POST", "messages/modify", {"ids": rng.sample(ids, RELABEL),
                                                      "addLabelIds": ["STARRED"], "removeLabelIds": ["UNREAD"]})

    def problems_after_kill(self):
        return archive_problems(self.app.archive, {})

    def final_problems(self):
        mailbox = self.servers.mailbox()
        return len(mailbox), archive_problems(self.app.archive, mailbox)

    def stop(self):
        self.servers.stop()


class ImapSide:
    def __init__(self, args, vaulttray):
        self.folder = tempfile.mkdtemp(prefix="vaulttray-killsoak-imap-")
        self.dovecot = Dovecot(self.folder, args.messages, args.seed)
        self.dovecot.start()
        # The comparison must be able to fail: it has to find the faults of an archive made with them.
        wrong = check_the_archive_check(self.folder, self.dovecot.manifest)
        if wrong:
            sys.exit(wrong[0])
        self.delivered = 0
        self.app = App(vaulttray)
        self.app.cli_checked("account", "add-imap", ACCOUNT, "--host", "127.0.0.1", "--port", str(self.dovecot.port),
                             "--security", "plain", "--user", IMAP_USER, "--password-stdin",
                             stdin=self.dovecot.password + "\n")

    def change(self, rng):
        """New mail in the INBOX, as a delivery agent leaves it (Maildir new/, CRLF as Dovecot serves it)."""
        for _ in range(NEW_MAIL):
            self.delivered += 1
            n = self.delivered
            body = "".join(f"line {i} of soak message {n}: {rng.getrandbits(64):016x}\r\n"
                           for i in range(rng.randint(5, 400)))
            raw = (f"From: Soak <soak@example.org>\r\nTo: {IMAP_USER}@example.org\r\nSubject: soak {n}\r\n"
                   f"Message-ID: <soak-{n}@example.org>\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\n"
                   f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode()
            path = os.path.join(self.dovecot.mail_root, "new", f"{time.time():.0f}.soak{n}.killsoak")
            with open(path, "wb") as f:
                f.write(raw)
            os.chown(path, NOBODY, NOBODY)
            self.dovecot.manifest.append({"sha256": hashlib.sha256(raw).hexdigest()})

    def problems_after_kill(self):
        # Mail not archived yet is expected after a kill; anything doubled, foreign or corrupt is not.
        return [p for p in imap_archive_problems(self.app.archive, self.dovecot.manifest) if "missing" not in p]

    def final_problems(self):
        return len(self.dovecot.manifest), imap_archive_problems(self.app.archive, self.dovecot.manifest)

    def stop(self):
        self.dovecot.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vaulttray", required=True)
    ap.add_argument("--provider", choices=["gmail", "imap"], default="gmail")
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--messages", type=int, default=3000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}, provider {args.provider}")
    side = (GmailSide if args.provider == "gmail" else ImapSide)(args, args.vaulttray)
    try:
        app = side.app
        kills = finished_first = checks_failed = runs = failed_runs = 0
        started = time.monotonic()
        while kills < args.kills:
            runs += 1
            if runs % CHANGE_EVERY == 0:
                side.change(rng)
            p = app.popen("sync", "--once", ACCOUNT)
            delay = rng.uniform(*KILL_AFTER_S[args.provider])
            try:
                code = p.wait(delay)
                finished_first += 1  # the run ended before its kill: not counted as one
                if code != 0:
                    failed_runs += 1
                continue
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                p.wait()
            kills += 1
            problems = side.problems_after_kill()
            if problems:
                checks_failed += 1
                progress(f"kill {kills} after {delay:.2f} s: {problems}")
            if kills % 10 == 0:
                progress(f"{kills} kills, {finished_first} runs ended before their kill")
        final = app.cli("sync", "--once", ACCOUNT)
        messages, problems = side.final_problems()
        if final.returncode != 0:
            problems.append(f"the last run exited with {final.returncode}: {final.stderr.strip()[-300:]}")
        errors = error_lines(app.log_lines())
        seconds = time.monotonic() - started
        print(f"| provider | kills | runs that ended before their kill | archives failing a check after a kill | "
              f"messages at the end | missing or doubled | ERROR log lines | time |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        print(f"| {args.provider} | {kills} | {finished_first} | {checks_failed} | {messages} | "
              f"{len(problems)} problem(s) | {len(errors)} | {seconds:.0f} s |")
        for problem in problems + errors[:5]:
            print(f"    {problem}")
        if failed_runs:
            problems.append(f"{failed_runs} runs that ended before their kill exited non-zero")
        ok = not problems and checks_failed == 0
        print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
        return 0 if ok else 1
    finally:
        side.stop()


if __name__ == "__main__":
    sys.exit(main())
