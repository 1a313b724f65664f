#!/usr/bin/env python3
"""Writes mail corpora for the import tests and benchmark: an mbox file or a Maildir++ tree, with a manifest.

  mailcorpus.py mbox OUT.mbox --messages N [--seed S] [--lf] [--truncate-last] [--manifest M.json]
  mailcorpus.py maildir ROOT --messages N [--seed S] [--manifest M.json]

The messages are the local Gmail server's realistic ones (tests/gmail-server/mailgen.py: CRLF, 2-200 KB, plain,
alternative, related and mixed bodies, RFC 2047/2231 names), plus, every TRAP_EVERY messages, one whose body holds
lines an mbox must quote: "From " lines that look like separators, ">From " and ">>From " lines. Deterministic for a
given seed.

mbox: mboxrd as written by mutt and Google Takeout: each message after a From line, every line matching /^>*From /
gets one more '>', a blank line after each message. --lf writes LF line ends throughout (Thunderbird, Apple Mail);
--truncate-last cuts the file inside the last message's final line.

maildir: Maildir++ (Dovecot, mbsync, offlineimap): the root is INBOX, subfolders are ".Name.Sub" with names in
IMAP's modified UTF-7 (".Re&AOc-us" is "Reçus"); files in cur/ carry ":2,<flags>", a few sit in new/; every
DUPLICATE_EVERY-th message is also filed, byte for byte, in a second folder.

The manifest (JSON) lists every message as the archive should hold it: sha256 and size of its bytes, its
Message-ID, folders, flags and, for an mbox, the byte offset of its From line and whether it is cut short.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gmail-server"))
import mailgen  # noqa: E402

ME = "probe@example.org"
TRAP_EVERY = 25
DUPLICATE_EVERY = 40
# Maildir++ folder as the archive names it -> directory name on disk, and its share of the mail.
FOLDERS = [("INBOX", "", 40), ("Archive", ".Archive", 15), ("Archive/2023", ".Archive.2023", 10),
           ("Sent", ".Sent", 10), ("Lists/dev", ".Lists.dev", 10), ("Reçus", ".Re&AOc-us", 10),
           ("Reisen ✈ 2024", ".Reisen &Jwg- 2024", 5)]
FLAG_SETS = [("S", "\\Seen"), ("RS", "\\Answered \\Seen"), ("FS", "\\Flagged \\Seen"), ("", ""),
             ("DS", "\\Draft \\Seen"), ("PS", "$Forwarded \\Seen"), ("FRST", "\\Flagged \\Answered \\Seen \\Deleted")]
QUOTE = re.compile(rb"^(>*From )", re.M)
MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*<([^>]*)>", re.M | re.I)


def trap_message(r, index, when):
    """A plain message whose body has the lines an mbox writer must quote and a reader must unquote."""
    date = dt.datetime.fromtimestamp(when / 1000, dt.timezone.utc)
    body = ("From here on, every line is a trap for an mbox reader.\r\n"
            "From someone@example.com Mon Jan  1 00:00:00 2001\r\n"
            ">From the archive of 1999\r\n"
            ">>From a quote of a quote\r\n"
            "From: not a header, just text\r\n"
            "\r\n"
            "From x@y Sat Feb  3 04:05:06 2007\r\n"
            "The end.\r\n")
    head = ("Date: %s\r\nFrom: Trap Sender <trap@example.net>\r\nTo: %s\r\nSubject: mbox trap %d\r\n"
            "Message-ID: <trap.%d.%016x@example.net>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            % (mailgen.format_datetime(date), ME, index, index, r.getrandbits(64)))
    return (head + body).encode("utf-8")


def messages(count, seed):
    """(raw bytes, internal date in ms) for each message, oldest first."""
    r = random.Random(seed)
    end = int(dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)
    stamps = sorted(end - int(r.random() * 3 * 365 * 86400 * 1000) for _ in range(count))
    for i, when in enumerate(stamps):
        if i % TRAP_EVERY == TRAP_EVERY - 1:
            yield trap_message(r, i, when), when
            continue
        plan = mailgen.plan_message(r, i, when, ME, sent=r.random() < 0.1)
        raw, _ = mailgen.build_raw(plan, ME, i)
        yield raw, when


def entry(raw, **extra):
    m = MESSAGE_ID.search(raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0])
    e = {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw),
         "messageId": m.group(1).decode("utf-8", "replace") if m else ""}
    e.update(extra)
    return e


def from_line(when):
    t = dt.datetime.fromtimestamp(when / 1000, dt.timezone.utc)
    return "From sender@example.net %s" % t.strftime("%a %b %e %H:%M:%S %Y")


def write_mbox(path, count, seed, lf, truncate_last):
    out, offset = [], 0
    eol = b"\n" if lf else b"\r\n"
    with open(path, "wb") as f:
        for raw, when in messages(count, seed):
            if lf:
                raw = raw.replace(b"\r\n", b"\n")
            record = from_line(when).encode() + eol + QUOTE.sub(rb">\1", raw)
            if not raw.endswith(eol):
                record += eol
            record += eol
            out.append(entry(raw, offset=offset, folders=[os.path.splitext(os.path.basename(path))[0]], flags="",
                             truncated=False))
            f.write(record)
            offset += len(record)
    if truncate_last and out:
        # Cut inside the last line of the last message: no line end after its final bytes.
        last = out[-1]
        with open(path, "rb") as f:
            data = f.read()
        cut = len(data) - len(eol) * 2 - 3
        with open(path, "wb") as f:
            f.write(data[:cut])
        start = last["offset"]
        kept = data[start:cut].split(eol, 1)[1]
        kept = re.sub(rb"^>(>*From )", rb"\1", kept, flags=re.M)
        out[-1] = entry(kept, offset=start, folders=last["folders"], flags="", truncated=True)
    return out


def write_maildir(root, count, seed):
    r = random.Random(seed * 31 + 7)
    for _, sub, _ in FOLDERS:
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, sub, d), exist_ok=True)
    names = [f[0] for f in FOLDERS]
    weights = [f[2] for f in FOLDERS]
    out = []
    for i, (raw, when) in enumerate(messages(count, seed)):
        folder = r.choices(range(len(FOLDERS)), weights)[0]
        targets = [folder]
        if i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1:
            targets.append((folder + 3) % len(FOLDERS))
        letters, flags = r.choice(FLAG_SETS)
        in_new = r.random() < 0.05 and not letters
        files = []
        for t in targets:
            unique = "%d.M%dP%d.corpus,S=%d,W=%d" % (when // 1000, i, t, len(raw), len(raw))
            name = unique if in_new else unique + ":2," + letters
            path = os.path.join(root, FOLDERS[t][1], "new" if in_new else "cur", name)
            with open(path, "wb") as f:
                f.write(raw)
            os.utime(path, ns=(when * 1_000_000, when * 1_000_000))
            files.append(os.path.relpath(path, root))
        out.append(entry(raw, folders=sorted(names[t] for t in targets), flags="" if in_new else flags, files=files,
                         internalDate=when))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=["mbox", "maildir"])
    ap.add_argument("out")
    ap.add_argument("--messages", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lf", action="store_true", help="mbox: LF line ends instead of CRLF")
    ap.add_argument("--truncate-last", action="store_true", help="mbox: cut the file inside the last message")
    ap.add_argument("--manifest")
    args = ap.parse_args()
    t0 = time.monotonic()
    if args.kind == "mbox":
        listed = write_mbox(args.out, args.messages, args.seed, args.lf, args.truncate_last)
    else:
        listed = write_maildir(args.out, args.messages, args.seed)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump({"messages": listed}, f, ensure_ascii=False, indent=1)
    size = sum(m["size"] for m in listed)
    print(json.dumps({"messages": len(listed), "bytes": size, "seconds": round(time.monotonic() - t0, 2)}))


if __name__ == "__main__":
    main()
