#!/usr/bin/env python3
"""Writes a Google Takeout mbox of the mailbox gmail_fake.py serves for the same --messages, --seed and --email.

  takeout_export.py OUT.mbox --messages 60 --seed 1 --email ann@example.org [--oldest N]

The mailbox is a pure function of (messages, seed, email), so the export holds exactly the bytes the server's
messages.get returns, as Takeout would write them ("All mail Including Spam and Trash.mbox"):

  From <message id in decimal>@xxx <Www Mmm DD HH:MM:SS +0000 YYYY>    (the internal date, UTC)
  X-GM-THRID: <thread id in decimal>
  X-Gmail-Labels: Inbox,Important,Category Personal,Opened              (names, comma-separated, CSV-quoted)
  <the raw message, mboxrd-quoted: one more '>' on every line matching /^>*From />
  <a blank line>

Gmail's system labels get the names Takeout gives them ("Sent", "Drafts", "Category Updates"); user labels their
full names ("Projects/Zürich"), non-ASCII ones as RFC 2047 encoded words; "Opened" is added to mail that is read.
Line ends are CRLF, as in the messages themselves. --oldest N exports only the N oldest messages: a Takeout taken
before the newer mail arrived. Prints {"messages": N, "ids": [...]} (ids in hex, as the API writes them).
"""
import argparse
import datetime as dt
import json
import os
import re
import sys
from email.header import Header

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mailstore  # noqa: E402

CRLF = b"\r\n"
QUOTE = re.compile(rb"^(>*From )", re.M)
SYSTEM_NAMES = {"INBOX": "Inbox", "SENT": "Sent", "STARRED": "Starred", "IMPORTANT": "Important", "SPAM": "Spam",
                "TRASH": "Trash", "DRAFT": "Drafts", "UNREAD": "Unread", "CHAT": "Chat",
                "CATEGORY_PERSONAL": "Category Personal", "CATEGORY_SOCIAL": "Category Social",
                "CATEGORY_PROMOTIONS": "Category Promotions", "CATEGORY_UPDATES": "Category Updates",
                "CATEGORY_FORUMS": "Category Forums"}


def label_field(name):
    if not name.isascii():
        return Header(name, "utf-8").encode()
    if any(c in name for c in ',"'):
        return '"%s"' % name.replace('"', '""')
    return name


def labels_header(box, msg):
    names = [SYSTEM_NAMES.get(lid) or box.labels[lid]["name"] for lid in msg.labels]
    if "UNREAD" not in msg.labels:
        names.append("Opened")
    return ",".join(label_field(n) for n in names)


def takeout_record(box, msg):
    when = dt.datetime.fromtimestamp(msg.internal_ms / 1000, dt.timezone.utc)
    head = "From %d@xxx %s" % (int(msg.id, 16), when.strftime("%a %b %d %H:%M:%S +0000 %Y"))
    lines = [head.encode(), b"X-GM-THRID: %d" % int(msg.thread_id, 16),
             b"X-Gmail-Labels: " + labels_header(box, msg).encode("ascii")]
    raw = box.raw(msg)
    body = QUOTE.sub(rb">\1", raw)
    if not body.endswith(CRLF):
        body += CRLF
    return CRLF.join(lines) + CRLF + body + CRLF


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--messages", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--email", default="alice@example.org")
    ap.add_argument("--oldest", type=int, default=None, help="export only the N oldest messages")
    args = ap.parse_args()
    box = mailstore.Mailbox(args.messages, args.seed, args.email)
    chosen = [box.messages[num] for num in box.sorted_nums]  # oldest first
    if args.oldest is not None:
        chosen = chosen[:args.oldest]
    with open(args.out, "wb") as f:
        for msg in chosen:
            f.write(takeout_record(box, msg))
    print(json.dumps({"messages": len(chosen), "ids": [m.id for m in chosen]}))


if __name__ == "__main__":
    main()
