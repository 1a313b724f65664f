#!/usr/bin/env python3
"""Turns what bench/idle/run.sh collected into markdown on stdout (details on stderr).

For every case: wake-ups of the measured instance (voluntary context switches, summed over its threads: each
is one sleep that some event ended), CPU time and RSS, next to the physical limit of the design: one wake-up
per due time plus the scheduler's re-arm every maxTimerArm. Then, from the traced twin's strace, what woke
which thread: a timer (poll timeout) that started syncs, a re-arm, a timer that fired before its due time,
a descriptor (which one), a futex; and the writer's fdatasync waits.
"""
import argparse
import collections
import os
import re
import statistics
import sys

MAX_TIMER_ARM_MS = 300_000  # SchedulePolicy::maxTimerArm (app/core/schedulepolicy.h)
COALESCE_MS = 1_000  # due instants closer than this can share one wake-up
RUN_AFTER_FIRE_MS = 1_000  # a sync that starts this soon after a timer fire was started by it
CLOCK_SLACK_MS = 5  # strace's and the daemon's time stamps of one moment differ by about this much
SLEPT_S = 0.001  # a poll or futex that returned sooner than this did not sleep (the event was already there)
EARLY_REARM_MS = 2_000  # a timer whose successor is armed for less than this fired before its due time

WAITS = {"poll", "ppoll", "epoll_wait", "epoll_pwait", "select", "pselect6"}
SYNCS = {"fdatasync", "fsync"}


def err(*args):
    print(*args, file=sys.stderr)


# ---------------------------------------------------------------- inputs

class Case:
    def __init__(self, path):
        self.path = path
        self.label, self.bus, interval, self.role = read(path, "case").strip().split("|")
        self.interval_ms = int(interval) * 1000
        self.ready = {}
        self.runs = []  # (account, epoch ms)
        self.syncs = {}
        for line in read(path, "stdout").splitlines():
            words = dict(w.split("=", 1) for w in line.split() if "=" in w)
            if line.startswith("ready "):
                self.ready = words
            elif line.startswith("run "):
                self.runs.append((int(words["account"]), int(words["at"])))
            elif line.startswith("syncs_started="):
                self.syncs = words
        self.samples = read_samples(os.path.join(path, "samples"))
        self.fds = {}
        for line in read(path, "fds").splitlines():
            fd, _, what = line.partition(" ")
            self.fds.setdefault(int(fd), what)
        self.threads = {}
        for line in read(path, "threads").splitlines():
            tid, _, comm = line.partition(" ")
            self.threads.setdefault(int(tid), comm)

    @property
    def pid(self):
        return int(self.ready.get("pid", 0))


def read(path, name):
    try:
        with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def read_samples(path):
    """[(label, t_ms, {tid: (comm, voluntary, involuntary, runtime_ns)}, process dict or None)] in order."""
    samples = collections.OrderedDict()
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        f = line.split()
        label, t = f[0], int(f[1])
        entry = samples.setdefault(label, [label, t, {}, None])
        if f[2] == "thread":
            entry[2][int(f[3])] = (f[4], int(f[5]), int(f[6]), int(f[7]))
        elif f[2] == "process":
            entry[3] = {"utime": int(f[3]), "stime": int(f[4]), "ticks": int(f[5]), "rss_kb": int(f[6]),
                        "hwm_kb": int(f[7])}
    return [tuple(v) for v in samples.values()]


# ---------------------------------------------------------------- the physical limit

def expected(case, start, end):
    """Due times and re-arms in (start, end] of an ideal scheduler with this case's actual due times."""
    dues = sorted(at for _, at in case.runs)
    last = {}
    for account, at in case.runs:
        last[account] = max(last.get(account, 0), at)
    upcoming = sorted(at + case.interval_ms for at in last.values())  # the next due of each account
    instants = []
    for d in dues + upcoming:
        if not instants or d - instants[-1] >= COALESCE_MS:
            instants.append(d)
    t = int(case.ready.get("at", start))
    fires = []
    while t < end:
        nxt = next((d for d in instants if d > t), None)
        fire = t + MAX_TIMER_ARM_MS if nxt is None else min(nxt, t + MAX_TIMER_ARM_MS)
        fires.append((fire, "due" if fire == nxt else "re-arm"))
        t = fire
    inside = [k for at, k in fires if start < at <= end]
    window_s = (end - start) / 1000
    accounts = int(case.ready.get("accounts", 0))
    return {
        "due_times": sum(1 for at in dues if start < at <= end),  # per account, as the brief counts them
        "due_instants": inside.count("due"),
        "rearms": inside.count("re-arm"),
        "formula": accounts * window_s / (case.interval_ms / 1000) + window_s / (MAX_TIMER_ARM_MS / 1000),
    }


# ---------------------------------------------------------------- measured counters

def deltas(samples):
    """Per thread (comm, Δvoluntary, Δinvoluntary, Δruntime_ns, note) between the first and last sample."""
    first, last = samples[0], samples[-1]
    seen = {}
    for _, _, threads, _ in samples:
        for tid, values in threads.items():
            seen[tid] = values  # the last sample in which the thread was alive
    out = {}
    for tid, (comm, v, n, r) in seen.items():
        v0, n0, r0 = first[2].get(tid, (comm, 0, 0, 0))[1:]
        note = "" if tid in first[2] else "started in the window"
        if tid not in last[2]:
            note = (note + "; " if note else "") + "exited in the window (counted until its last sample)"
        out[tid] = (comm, v - v0, n - n0, r - r0, note)
    return out


def timeline(samples):
    out = []
    for a, b in zip(samples, samples[1:]):
        total = 0
        for tid, values in b[2].items():
            total += values[1] - a[2].get(tid, (None, 0))[1]
        out.append(((b[1] - samples[0][1]) / 1000, total))
    return out


# ---------------------------------------------------------------- perf sched_switch

def perf_sleeps(path):
    """{tid: Counter(kind)} of every switch-out perf saw: S = waiting for an event (a wake-up follows), D = waiting
    for the disk, R = preempted. S is split by where it slept (kernel stack)."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except FileNotFoundError:
        return None
    out = collections.defaultdict(collections.Counter)
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        m = re.search(r"prev_pid=(\d+) .*prev_state=(\S+)", lines[0]) if lines else None
        if not m:
            continue
        tid, state, frames = int(m.group(1)), m.group(2), " ".join(lines[1:])
        if state.startswith("R"):
            kind = "R"
        elif state.startswith("D"):
            kind = "D fdatasync" if "fsync" in frames else "D other"
        elif "do_sys_poll" in frames or "poll_schedule_timeout" in frames:
            kind = "S poll"
        elif "futex" in frames:
            kind = "S futex"
        elif "ep_poll" in frames:
            kind = "S epoll"
        else:
            kind = "S other"
        out[tid][kind] += 1
    return out


def sleeps_of(counter, prefix):
    return sum(n for k, n in counter.items() if k.startswith(prefix))


# ---------------------------------------------------------------- strace

LINE = re.compile(r"^(\d+)\s+(\d+\.\d+)\s+(.*)$")
RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*)$")
RESULT = re.compile(r"^(.*)\)\s+=\s+(\S+)(.*?)\s+<(\d+\.\d+)>$")


def syscalls(path):
    """(tid, end_s, name, args, ret, info, duration_s) for each finished system call."""
    pending = {}
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        tid, ts, rest = int(m.group(1)), float(m.group(2)), m.group(3)
        if rest.startswith(("+++", "---")):
            continue
        if rest.endswith("<unfinished ...>"):
            name = rest.split("(", 1)[0]
            pending[tid] = (name, rest[len(name) + 1:-len("<unfinished ...>")].rstrip())
            continue
        r = RESUMED.match(rest)
        if r:
            name, head = pending.pop(tid, (r.group(1), ""))
            text = head + r.group(2)
        else:
            name = rest.split("(", 1)[0]
            text = rest[len(name) + 1:]
        res = RESULT.match(text)
        if not res:
            continue
        duration = float(res.group(4))
        # -ttt stamps a finished line with its start and a resumed one with its end.
        end = ts if r else ts + duration
        yield tid, end, name, res.group(1), res.group(2), res.group(3).strip(), duration


def poll_timeout_ms(name, args):
    if name == "restart_syscall":
        return None
    if name in ("ppoll", "pselect6"):
        m = re.search(r"\{tv_sec=(\d+), tv_nsec=(\d+)\}", args)
        return int(m.group(1)) * 1000 + int(m.group(2)) // 1_000_000 if m else -1
    tail = args.rsplit(",", 1)[-1].strip()
    return int(tail) if re.fullmatch(r"-?\d+", tail) else None


class Wake:
    def __init__(self, tid, at, cause, detail, armed=None):
        self.tid, self.at, self.cause, self.detail, self.armed = tid, at, cause, detail, armed
        self.explained = None
        self.early_ms = None  # a timer that fired this long before its due time


def wakes(case):
    """The wake-ups in the traced twin, and each thread's fdatasync waits."""
    calls = list(syscalls(os.path.join(case.path, "trace")))
    out, io = [], collections.Counter()
    next_arm = {}  # index of a wake → the timeout armed by the next blocking poll of the same thread
    last_wake_of = {}
    for tid, ts, name, args, ret, info, dur in calls:
        if name in SYNCS:
            io[tid] += 1
            continue
        if name in WAITS or name == "restart_syscall":
            timeout = poll_timeout_ms(name, args)
            if timeout == 0:
                continue
            if tid in last_wake_of and timeout is not None:
                next_arm.setdefault(last_wake_of.pop(tid), timeout)
            if ret == "0":
                w = Wake(tid, ts, "timer", "poll timeout", timeout)
            elif dur >= SLEPT_S:
                fds = [int(x) for x in re.findall(r"fd=(\d+), revents=", info)]
                what = ", ".join(f"fd {fd} ({case.fds.get(fd, '?')})" for fd in fds) or (
                    "a descriptor (the poll strace interrupted when it attached; which one is not shown)")
                w = Wake(tid, ts, "descriptor", what)
            else:
                continue
            out.append(w)
            last_wake_of[tid] = len(out) - 1
        elif name == "futex" and "FUTEX_WAIT" in args and dur >= SLEPT_S and "EAGAIN" not in info:
            out.append(Wake(tid, ts, "futex", "futex wait ended" + (" (timeout)" if "ETIMEDOUT" in info else "")))
        elif name in ("nanosleep", "clock_nanosleep") and dur >= SLEPT_S:
            out.append(Wake(tid, ts, "sleep", name))
    return out, io, next_arm


def explain(case, events, next_arm):
    runs = sorted(at for _, at in case.runs)
    main = case.pid
    # Each sync was started by the last wake-up of the main thread before it.
    main_wakes = [i for i, w in enumerate(events) if w.tid == main]
    started = collections.Counter()
    for r in runs:
        before = [i for i in main_wakes if events[i].at * 1000 <= r + CLOCK_SLACK_MS]
        if before and r - events[before[-1]].at * 1000 <= RUN_AFTER_FIRE_MS:
            started[before[-1]] += 1
    for i, w in enumerate(events):
        at_ms = w.at * 1000
        # The run's time is read after the wake-up, from another clock (ms): allow a little either way.
        after_run = any(-CLOCK_SLACK_MS <= at_ms - r <= RUN_AFTER_FIRE_MS for r in runs)
        if w.tid == main:
            rearmed = next_arm.get(i)
            if started[i]:
                w.explained = f"due time: started {started[i]} sync(s)"
            elif w.cause == "timer" and rearmed is not None and 0 <= rearmed < EARLY_REARM_MS:
                w.detail = "timer fired before the due time, nothing due yet: re-armed for the rest"
                w.early_ms = rearmed
            elif w.cause == "timer":
                armed = "" if rearmed is None else f" (next armed for {rearmed / 1000:.0f} s)"
                w.explained = f"re-arm every maxTimerArm{armed}"
            elif after_run:
                w.explained = "the end of a due time's sync runs"
        elif case.threads.get(w.tid) == "archive-writer" and after_run:
            w.explained = "the due time's batches (run started/ended)"


def period(times):
    if len(times) < 3:
        return ""
    gaps = [b - a for a, b in zip(times, times[1:])]
    return f"every {statistics.median(gaps):.1f} s (median of {len(gaps)} gaps)"


# ---------------------------------------------------------------- report

def mib(kb):
    return kb / 1024


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--start", type=int, help="window start, ms since the epoch (default: from WORK/window)")
    p.add_argument("--end", type=int, help="window end (default: from WORK/window)")
    a = p.parse_args()
    if a.start is None or a.end is None:
        a.start, a.end = (int(x) for x in read(a.work, "window").split())
    window_s = (a.end - a.start) / 1000
    minutes = window_s / 60

    cases = [Case(os.path.join(a.work, d)) for d in sorted(os.listdir(a.work))
             if os.path.isfile(os.path.join(a.work, d, "case"))]
    measured = [c for c in cases if c.role == "measured"]
    traced = {c.label: c for c in cases if c.role == "traced"}

    print(f"Window: {window_s:.0f} s. **Wake-ups**: the sleeps that an event ended, i.e. the switch-outs in state S "
          "that perf recorded on the measured instance (without perf: all voluntary context switches, which also "
          "count the disk waits). **Due times**: sync runs started in the window, one per account (in brackets: "
          "distinct instants, since accounts due within a second start on one wake-up). **Re-arms**: the timer "
          "fires an ideal scheduler makes with nothing due (every maxTimerArm = 5 min while the next due time is "
          "further away). **Limit**: one main-thread wake-up per due instant and per re-arm, plus one wake-up of "
          "the archive writer per due instant (it commits the runs); *brief*: accounts × window / interval + "
          "window / 5 min. **Disk waits**: switch-outs in state D (nearly all inside fdatasync): not wake-ups, "
          "but counted by /proc as voluntary switches.")
    print()
    print("| Case | Network / sleep | Wake-ups (/min) | main (limit) | archive-writer (limit) | other threads | Due times "
          "(instants) | Re-arms | Limit (/min) | Brief | Disk waits | Voluntary (/proc) | Involuntary |")
    print("|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|")
    costs = []
    for c in measured:
        if len(c.samples) < 2:
            print(f"| {c.label} | no samples |" + " |" * 11)
            continue
        d = deltas(c.samples)
        e = expected(c, a.start, a.end)
        sleeps = perf_sleeps(os.path.join(c.path, "perf.txt"))
        vol = sum(x[1] for x in d.values())
        inv = sum(x[2] for x in d.values())
        if sleeps is not None:
            wake = {tid: sleeps_of(k, "S") for tid, k in sleeps.items()}
            disk = str(sum(sleeps_of(k, "D") for k in sleeps.values()))
        else:
            wake = {tid: x[1] for tid, x in d.items()}
            disk = "n/a"
        total = sum(wake.values())
        writer = [tid for tid, x in d.items() if x[0] == "archive-writer"]
        writer_wakes = sum(wake.get(tid, 0) for tid in writer)
        others = ", ".join(f"{comm} {wake.get(tid, 0)}" for tid, (comm, *_r) in sorted(d.items())
                           if tid != c.pid and tid not in writer) or "none"
        limit = 2 * e["due_instants"] + e["rearms"]
        print(f"| {c.label} | {c.ready.get('network', '?')} / {c.ready.get('sleep', '?')} | {total} "
              f"({total / minutes:.2f}) | {wake.get(c.pid, 0)} ({e['due_instants'] + e['rearms']}) | {writer_wakes} "
              f"({e['due_instants']}) | {others} | {e['due_times']} "
              f"({e['due_instants']}) | {e['rearms']} | {limit} ({limit / minutes:.2f}) | {e['formula']:.1f} | "
              f"{disk} | {vol} | {inv} |")
        p0, p1 = c.samples[0][3], c.samples[-1][3]
        ticks_ms = ((p1["utime"] + p1["stime"]) - (p0["utime"] + p0["stime"])) * 1000 / p1["ticks"]
        run_ns = sum(x[3] for x in d.values())
        costs.append((c, ticks_ms, run_ns, p1, d, sleeps))
    print()
    print("| Case | CPU ms in window: utime+stime (10 ms ticks) | schedstat run time ms | CPU s per hour "
          "(schedstat) | RSS MiB | peak RSS MiB |")
    print("|---|--:|--:|--:|--:|--:|")
    for c, ticks_ms, run_ns, p1, _, _ in costs:
        print(f"| {c.label} | {ticks_ms:.0f} | {run_ns / 1e6:.2f} | {run_ns / 1e9 * 3600 / window_s:.3f} | "
              f"{mib(p1['rss_kb']):.1f} | {mib(p1['hwm_kb']):.1f} |")
    print()

    print("Per thread (measured instances, over the window; S/D/R from perf, by where the thread slept):")
    print()
    print("| Case | Thread | Voluntary (/proc) | S: poll / futex / other | D: fdatasync / other | Involuntary "
          "| CPU ms | Note |")
    print("|---|---|--:|---|---|--:|--:|---|")
    for c, _, _, _, d, sleeps in costs:
        for tid, (comm, v, n, r, note) in sorted(d.items()):
            name = f"{comm} (main)" if tid == c.pid else comm
            k = sleeps.get(tid, collections.Counter()) if sleeps is not None else None
            s_col = "n/a" if k is None else f"{k['S poll']} / {k['S futex']} / {k['S epoll'] + k['S other']}"
            d_col = "n/a" if k is None else f"{k['D fdatasync']} / {k['D other']}"
            print(f"| {c.label} | {name} | {v} | {s_col} | {d_col} | {n} | {r / 1e6:.2f} | {note} |")
    print()

    print("When (voluntary switches per sample interval, measured instances):")
    print()
    for c in measured:
        if len(c.samples) < 2:
            continue
        line = ", ".join(f"{t:.0f} s: {n}" for t, n in timeline(c.samples))
        in_window = sorted((at - a.start) / 1000 for _, at in c.runs if a.start < at <= a.end)
        dues = ", ".join(f"{x:.1f}" for x in sorted(set(round(x, 1) for x in in_window)))
        print(f"- {c.label}: {line}; syncs started at {dues or 'none'} s into the window "
              f"({c.syncs.get('syncs_started', '?')} in the whole run, {c.syncs.get('syncs_ok', '?')} ok)")
    print()

    if not traced:
        return
    print("Attribution (traced twins: what ended each sleep, from `strace -f`):")
    print()
    print("| Case | Thread | Wake-ups | Cause | Explained by |")
    print("|---|---|--:|---|---|")
    unexplained = []
    for label, c in traced.items():
        events, io, next_arm = wakes(c)
        explain(c, events, next_arm)
        groups = collections.OrderedDict()
        for w in events:
            comm = c.threads.get(w.tid, str(w.tid))
            name = f"{comm} (main)" if w.tid == c.pid else comm
            cause = w.detail if w.cause != "timer" or w.explained is None else "timer (poll timeout)"
            groups.setdefault((name, cause, w.explained or "NOT EXPLAINED"), []).append(w)
        for (name, cause, why), ws in groups.items():
            print(f"| {label} | {name} | {len(ws)} | {cause} | {why} |")
            if why == "NOT EXPLAINED":
                unexplained.append((label, name, cause, ws))
        for tid, n in sorted(io.items()):
            print(f"| {label} | {c.threads.get(tid, tid)} | ({n}) | fdatasync calls (I/O waits, not wake-ups "
                  "by an event) | commits of the due times' batches |")
        err(f"--- {label} (traced, pid {c.pid}): every wake-up")
        for w in events:
            err(f"  {w.at:.3f} {c.threads.get(w.tid, w.tid)}: {w.cause}: {w.detail}"
                f"{'' if w.armed is None else f' (armed {w.armed} ms)'} -> {w.explained or 'NOT EXPLAINED'}")
    print()
    if unexplained:
        print("Not explained by a due time or a re-arm:")
        print()
        for label, name, cause, ws in unexplained:
            times = [w.at for w in ws]
            rel = ", ".join(f"{t - a.start / 1000:.1f}" for t in times[:12])
            more = "" if len(times) <= 12 else f" … ({len(times)} in all)"
            early = [w.early_ms for w in ws if w.early_ms is not None]
            how = f" ({', '.join(str(ms) for ms in early)} ms early)" if early else ""
            print(f"- {label}, {name}: {len(ws)} × {cause}{how}; at {rel}{more} s into the window. {period(times)}")
    else:
        print("Every wake-up of the traced twins is explained by a due time or a re-arm.")


if __name__ == "__main__":
    main()
