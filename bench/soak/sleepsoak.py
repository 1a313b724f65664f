#!/usr/bin/python3
"""Sleep/wake soak: a running `vaulttray --headless` through N simulated suspends (logind and NetworkManager from
python-dbusmock on a private system bus). Each cycle: new mail on the server, a sync started, logind announces sleep
at a random moment (seeded; the seed is printed), the network drops, the wake comes, and the network returns slowly
(NetworkManager 20 -> 50 -> 70). Counted: syncs in flight at sleep, the delay lock released within the deadline
every time, no sign-in asked for, no ERROR line logged, and at the end the archive equal to the server's mailbox.

usage: sleepsoak.py --vaulttray BIN [--cycles 200] [--seed S]"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

from soaklib import App, Servers, archive_problems, error_lines, progress, sign_in_prompts, wait_for

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reliability",
                                "netfault"))
from netfault import SystemBus  # noqa: E402

# logind's default InhibitDelayMaxSec: after it, the machine sleeps whether or not the lock was given back.
RELEASE_DEADLINE_S = 5
NEW_MAIL = 20
SLEEP_AFTER_S = (0.0, 0.6)   # from "sync now" to the sleep announcement
ASLEEP_S = 0.2
NM_STEP_S = (0.3, 1.0)       # each step of the network's return
NM_DISCONNECTED, NM_CONNECTED_SITE, NM_CONNECTED_GLOBAL = 20, 50, 70
CONVERGE_TIMEOUT_S = 300


class Bus:
    def __init__(self, address):
        self.env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=address)

    def call(self, dest, path, method, *args):
        r = subprocess.run(["gdbus", "call", "--system", "-d", dest, "-o", path, "-m", method, *args], env=self.env,
                           capture_output=True, text=True, timeout=30)
        if r.returncode != 0:
            raise RuntimeError(f"{method}: {r.stderr}")
        return r.stdout

    def prepare_for_sleep(self, start):
        self.call("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.DBus.Mock.EmitSignal",
                  "org.freedesktop.login1.Manager", "PrepareForSleep", "b", f"[<{'true' if start else 'false'}>]")

    def holds_lock(self):
        return "vaulttray" in self.call("org.freedesktop.login1", "/org/freedesktop/login1",
                                        "org.freedesktop.login1.Manager.ListInhibitors")

    def network(self, state):
        self.call("org.freedesktop.NetworkManager", "/org/freedesktop",
                  "org.freedesktop.DBus.Mock.SetGlobalConnectionState", str(state))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vaulttray", required=True)
    ap.add_argument("--cycles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--messages", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}")
    bus_folder = tempfile.mkdtemp(prefix="vaulttray-soak-bus-")
    system_bus = SystemBus(bus_folder)
    system_bus.start()
    bus = Bus(system_bus.address)
    servers = Servers(args.messages, args.seed, latency_ms=20)  # each request takes a little while: syncs in flight
    daemon = None
    try:
        app = App(args.vaulttray, servers, system_bus=system_bus.address)
        daemon = app.popen("--headless")
        if not wait_for(bus.holds_lock, 60):
            sys.exit("the instance never took its delay lock")
        in_flight = late_releases = not_retaken = needs_sign_in = 0
        worst_release = 0.0
        started = time.monotonic()
        for cycle in range(1, args.cycles + 1):
            servers.gmail("POST", "messages", {"count": NEW_MAIL, "labelIds": ["INBOX", "UNREAD"]})
            app.cli("sync", "me")
            time.sleep(rng.uniform(*SLEEP_AFTER_S))  # the moment of the suspend, not a wait for logic
            state = app.status().get("state")
            in_flight += state == "Syncing"
            needs_sign_in += state == "NeedsSignIn"
            asked = time.monotonic()
            bus.prepare_for_sleep(True)
            released = wait_for(lambda: not bus.holds_lock(), RELEASE_DEADLINE_S, poll_s=0.02)
            worst_release = max(worst_release, time.monotonic() - asked)
            late_releases += not released
            bus.network(NM_DISCONNECTED)
            time.sleep(ASLEEP_S)
            bus.prepare_for_sleep(False)
            time.sleep(rng.uniform(*NM_STEP_S))  # the network returns slowly after the wake
            bus.network(NM_CONNECTED_SITE)
            time.sleep(rng.uniform(*NM_STEP_S))
            bus.network(NM_CONNECTED_GLOBAL)
            not_retaken += not wait_for(bus.holds_lock, RELEASE_DEADLINE_S, poll_s=0.05)
            if cycle % 20 == 0:
                progress(f"{cycle} cycles: {in_flight} syncs in flight at sleep, {late_releases} late releases")
        mailbox = servers.mailbox()
        app.cli("sync", "me")
        converged = wait_for(lambda: not archive_problems(app.archive, mailbox), CONVERGE_TIMEOUT_S, poll_s=1)
        final_state = app.status().get("state")
        daemon.terminate()
        code = daemon.wait(60)
        daemon = None
        lines = app.log_lines()
        problems = [] if converged else archive_problems(app.archive, mailbox)
        errors, prompts = error_lines(lines), sign_in_prompts(lines)
        if late_releases or not_retaken or needs_sign_in or errors or prompts or code != 0:
            problems.append(f"late releases {late_releases}, lock not retaken {not_retaken}, NeedsSignIn seen "
                            f"{needs_sign_in}, exit code {code}")
        seconds = time.monotonic() - started
        print("| cycles | syncs in flight at sleep | lock released late (> 5 s) | slowest release | sign-in prompts | "
              "ERROR log lines | messages at the end | missing or doubled | time |")
        print("|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        print(f"| {args.cycles} | {in_flight} | {late_releases} | {worst_release:.2f} s | {len(prompts)} | "
              f"{len(errors)} | {len(mailbox)} | {'0' if converged else 'see below'} | {seconds:.0f} s |")
        print(f"final state {final_state}")
        for p in problems + errors[:5]:
            print(f"    {p}")
        ok = not problems
        print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
        return 0 if ok else 1
    finally:
        if daemon:
            daemon.kill()
        servers.stop()
        system_bus.stop()


if __name__ == "__main__":
    sys.exit(main())
