#!/usr/bin/python3
"""kill -9 soak: `vaulttray sync --once` killed at random moments (a seeded RNG; the seed is printed) during a
3,000-message first sync and the incremental syncs of a mailbox that keeps changing. After every kill the archive
opens, passes integrity_check and holds no message twice; at the end one more run completes it: every message of
the server archived at its full size, none missing or doubled.

usage: killsoak.py --vaulttray BIN [--kills 100] [--seed S] [--messages 3000]"""
import argparse
import random
import signal
import subprocess
import sys
import time

from soaklib import App, Servers, archive_problems, error_lines, progress

# Kills land this long after the start (seconds, uniform): from before the first request to well into a batch.
KILL_AFTER_S = (0.05, 1.5)
# Every few runs the server's mailbox changes: new mail and label changes, so later syncs have work to be killed in.
CHANGE_EVERY = 3
NEW_MAIL = 150
RELABEL = 10


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vaulttray", required=True)
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--messages", type=int, default=3000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}")
    servers = Servers(args.messages, args.seed)
    try:
        app = App(args.vaulttray, servers)
        kills = finished_first = checks_failed = runs = failed_runs = 0
        started = time.monotonic()
        while kills < args.kills:
            runs += 1
            if runs % CHANGE_EVERY == 0:
                ids = [m for m in servers.mailbox()]
                servers.gmail("POST", "messages", {"count": NEW_MAIL, "labelIds": ["INBOX", "UNREAD"]})
                servers.gmail("POST", "messages/modify", {"ids": rng.sample(ids, RELABEL),
                                                          "addLabelIds": ["STARRED"], "removeLabelIds": ["UNREAD"]})
            p = app.popen("sync", "--once", "me")
            delay = rng.uniform(*KILL_AFTER_S)
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
            problems = archive_problems(app.archive, {})
            if problems:
                checks_failed += 1
                progress(f"kill {kills} after {delay:.2f} s: {problems}")
            if kills % 10 == 0:
                progress(f"{kills} kills, {finished_first} runs ended before their kill")
        final = app.cli("sync", "--once", "me")
        mailbox = servers.mailbox()
        problems = archive_problems(app.archive, mailbox)
        if final.returncode != 0:
            problems.append(f"the last run exited with {final.returncode}: {final.stderr.strip()[-300:]}")
        errors = error_lines(app.log_lines())
        seconds = time.monotonic() - started
        print(f"| kills | runs that ended before their kill | archives failing a check after a kill | "
              f"messages at the end | missing or doubled | ERROR log lines | time |")
        print("|--:|--:|--:|--:|--:|--:|--:|")
        print(f"| {kills} | {finished_first} | {checks_failed} | {len(mailbox)} | "
              f"{len(problems)} problem(s) | {len(errors)} | {seconds:.0f} s |")
        for problem in problems + errors[:5]:
            print(f"    {problem}")
        if failed_runs:
            problems.append(f"{failed_runs} runs that ended before their kill exited non-zero")
        ok = not problems and checks_failed == 0
        print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
        return 0 if ok else 1
    finally:
        servers.stop()


if __name__ == "__main__":
    sys.exit(main())
