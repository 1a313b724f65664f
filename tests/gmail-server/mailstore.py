"""The fake Gmail mailbox: messages, labels, threads and the history of every change.

Faithful to what the Gmail API shows a client:
  * message ids are 16 hex digits that grow with internalDate (as Gmail's do), threads take the id of
    their first message, messages.list returns newest first;
  * every change gets a history id larger than the last, with random gaps between valid ids;
  * history is kept back to a floor that a control can raise; a startHistoryId below it is "too old";
  * labels are system ids (INBOX, SENT, UNREAD, CATEGORY_*, ...) and user labels Label_N, with nested
    and non-ASCII names.
Thread safety: one lock around the model; message bytes are built outside it (they are deterministic).
"""
import datetime as dt
import random
import threading
import time
from bisect import bisect_left, insort

import mailgen

SYSTEM_LABELS = [  # id, messageListVisibility, labelListVisibility (as labels.list shows them)
    ("CHAT", "hide", "labelHide"), ("SENT", None, None), ("INBOX", None, None),
    ("IMPORTANT", "hide", "labelHide"), ("TRASH", "hide", "labelHide"), ("DRAFT", None, None),
    ("SPAM", "hide", "labelHide"), ("CATEGORY_FORUMS", None, None), ("CATEGORY_UPDATES", None, None),
    ("CATEGORY_PERSONAL", None, None), ("CATEGORY_PROMOTIONS", None, None), ("CATEGORY_SOCIAL", None, None),
    ("STARRED", None, None), ("UNREAD", None, None),
]
USER_LABELS = ["Projects", "Projects/Zürich", "Receipts", "Lists", "Lists/dev", "Lists/announce", "Reçus",
               "Archive/2023", "Reisen ✈ 2024"]
# Where generated mail lives: weight, labels, sent by the user, mailing list name.
PROFILES = [
    (30, ("INBOX", "CATEGORY_PERSONAL"), False, None), (8, ("INBOX", "CATEGORY_UPDATES"), False, None),
    (5, ("INBOX", "CATEGORY_PROMOTIONS"), False, None), (3, ("INBOX", "CATEGORY_SOCIAL"), False, None),
    (10, ("SENT",), True, None), (8, ("Label_5", "CATEGORY_FORUMS"), False, "Dev"),
    (4, ("Label_6", "CATEGORY_FORUMS"), False, "Announce"), (6, ("Label_1", "CATEGORY_PERSONAL"), False, None),
    (5, ("Label_2", "CATEGORY_PERSONAL"), False, None), (4, ("Label_3", "CATEGORY_UPDATES"), False, None),
    (3, ("Label_7", "CATEGORY_PERSONAL"), False, None), (6, ("Label_8", "CATEGORY_PERSONAL"), False, None),
    (2, ("Label_9", "INBOX", "CATEGORY_PERSONAL"), False, None), (3, ("CATEGORY_PERSONAL",), False, None),
    (1, ("SPAM",), False, None), (1, ("TRASH", "CATEGORY_PERSONAL"), False, None), (0.5, ("DRAFT",), True, None),
]
SPAN_MS = 5 * 365 * 86400 * 1000
END_MS = int(dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)
HISTORY_GAP = (1, 9)
REPLY_SHARE = 0.35
RECENT_THREADS = 150
TYPES = ("messageAdded", "messageDeleted", "labelAdded", "labelRemoved")


class NotFound(Exception):
    pass


class BadRequest(Exception):
    pass


class Message:
    __slots__ = ("id", "num", "thread_id", "labels", "internal_ms", "history_id", "plan", "index", "raw", "snippet")

    def __init__(self, num, thread_id, labels, internal_ms, plan, index):
        self.num, self.id = num, "%016x" % num
        self.thread_id = thread_id or self.id
        self.labels, self.internal_ms, self.plan, self.index = list(labels), internal_ms, plan, index
        self.history_id, self.raw, self.snippet = 0, None, None


class Mailbox:
    def __init__(self, count, seed, email, history_base=None):
        self.lock = threading.RLock()
        self.email = email
        self.seed = seed
        self.version = 0
        self.labels = {lid: {"id": lid, "name": lid, "type": "system", "mlv": m, "llv": l}
                       for lid, m, l in SYSTEM_LABELS}
        for n, name in enumerate(USER_LABELS, 1):
            self.labels["Label_%d" % n] = {"id": "Label_%d" % n, "name": name, "type": "user",
                                           "mlv": "show", "llv": "labelShow"}
        self.messages = {}
        self.sorted_nums = []
        self.threads = {}
        self.history = []       # (history id, [(type, message id, thread id, labels after, labels changed)])
        self.history_ids = []
        self._hrng = random.Random(seed * 7919 + 17)
        self._arng = random.Random(seed * 104729 + 3)
        self._count_cache = {}
        base = history_base if history_base is not None else 1_000_000 + (seed % 997) * 1000
        self.history_id = base
        self.floor = base
        self._generate(count, random.Random(seed))

    # ---- generation ---------------------------------------------------------------------------
    def _generate(self, count, r):
        weights = [p[0] for p in PROFILES]
        stamps = sorted(END_MS - int(r.random() * SPAN_MS) for _ in range(count))
        recent = []
        for i, when in enumerate(stamps):
            _, labels, sent, list_name = r.choices(PROFILES, weights)[0]
            parent = None
            if recent and r.random() < REPLY_SHARE:
                parent = r.choice(recent)
            labels = self._flags(r, list(labels), sent, recent_inbox=i > count * 0.97)
            msg = self._new_message(r, i, when, labels, sent, list_name, parent)
            self._insert(msg)
            self._record([("messageAdded", msg, ())])
            if parent is None:
                recent.append(msg)
                if len(recent) > RECENT_THREADS:
                    del recent[0]
        self.floor = self.history_ids[0] - 1 if self.history_ids else self.history_id

    @staticmethod
    def _flags(r, labels, sent, recent_inbox=False):
        if "DRAFT" in labels:
            return labels
        if not sent and "SPAM" not in labels:
            if r.random() < (0.6 if recent_inbox and "INBOX" in labels else 0.15):
                labels.append("UNREAD")
            if r.random() < 0.25:
                labels.insert(0, "IMPORTANT")
        if r.random() < 0.04:
            labels.append("STARRED")
        return labels

    def _new_message(self, r, index, when, labels, sent, list_name, parent):
        plan = mailgen.plan_message(r, index, when, self.email, sent=sent, list_name=list_name,
                                    parent=parent.plan if parent is not None and parent.plan else None)
        num = (when << 20) | r.getrandbits(20)
        while num in self.messages:
            num += 1
        return Message(num, parent.thread_id if parent is not None else None, labels, when, plan, index)

    def _insert(self, msg):
        self.messages[msg.num] = msg
        insort(self.sorted_nums, msg.num)
        self.threads.setdefault(msg.thread_id, []).append(msg.num)

    def _record(self, changes):
        """One history record; changes: (type, message, labels changed). Returns its id."""
        hid = self.history_id + self._hrng.randint(*HISTORY_GAP)
        entries = []
        for kind, msg, changed in changes:
            msg.history_id = hid
            entries.append((kind, msg.id, msg.thread_id, tuple(msg.labels), tuple(changed)))
        self.history.append((hid, entries))
        self.history_ids.append(hid)
        self.history_id = hid
        self.version += 1
        return hid

    # ---- reading ------------------------------------------------------------------------------
    def get(self, mid):
        try:
            num = int(mid, 16)
        except (TypeError, ValueError):
            raise BadRequest("Invalid id value")
        if len(mid) > 16:
            raise BadRequest("Invalid id value")
        with self.lock:
            msg = self.messages.get(num)
        if msg is None:
            raise NotFound(mid)
        return msg

    def raw(self, msg):
        if msg.raw is None:
            raw, snippet = mailgen.build_raw(msg.plan, self.email, msg.index)
            msg.snippet, msg.raw = snippet, raw
        return msg.raw

    def profile(self):
        with self.lock:
            return len(self.messages), len(self.threads), self.history_id

    def label_list(self):
        with self.lock:
            return [dict(v) for v in self.labels.values()]

    def label_counts(self, lid):
        with self.lock:
            if lid not in self.labels:
                raise NotFound(lid)
            msgs = [m for m in self.messages.values() if lid in m.labels]
            threads = {m.thread_id for m in msgs}
            unread = [m for m in msgs if "UNREAD" in m.labels]
            return dict(self.labels[lid]), len(msgs), len(unread), len(threads), len({m.thread_id for m in unread})

    def resolve_label(self, name):
        """A label id from an id or a (case-insensitive) name, '-' standing for '/' or ' ' as Gmail allows."""
        key = name.lower()
        aliases = {"drafts": "DRAFT", "chats": "CHAT"}
        if key in aliases:
            return aliases[key]
        with self.lock:
            for lid, lab in self.labels.items():
                names = {lid.lower(), lab["name"].lower(), lab["name"].lower().replace("/", "-").replace(" ", "-")}
                if key in names:
                    return lid
        return None

    def list_messages(self, label_ids, query, include_spam_trash, max_results, page_token):
        pred, explicit = compile_query(self, query)
        want = set(label_ids)
        excluded = set() if include_spam_trash or explicit else {"SPAM", "TRASH"}

        def match(m):
            labs = m.labels
            return want.issubset(labs) and not excluded.intersection(labs) and pred(m)

        with self.lock:
            nums = self.sorted_nums
            hi = len(nums)
            if page_token:
                cursor = decode_token(page_token)
                hi = bisect_left(nums, cursor)
            page = []
            i = hi - 1
            while i >= 0 and len(page) < max_results:
                m = self.messages[nums[i]]
                if match(m):
                    page.append(m)
                i -= 1
            more = False
            while i >= 0:
                if match(self.messages[nums[i]]):
                    more = True
                    break
                i -= 1
            key = (tuple(sorted(want)), query, tuple(sorted(excluded)), self.version)
            total = self._count_cache.get(key)
            if total is None:
                total = sum(1 for m in self.messages.values() if match(m))
                self._count_cache = {key: total}
            return page, (encode_token(page[-1].num) if more and page else None), total

    def thread(self, tid):
        with self.lock:
            msgs = [self.messages[n] for n in self.threads.get(tid, [])]
        if not msgs:
            raise NotFound(tid)
        return sorted(msgs, key=lambda m: m.num)

    def list_threads(self, label_ids, query, include_spam_trash, max_results, page_token):
        pred, explicit = compile_query(self, query)
        want = set(label_ids)
        excluded = set() if include_spam_trash or explicit else {"SPAM", "TRASH"}
        with self.lock:
            latest = {}
            for m in self.messages.values():
                if want.issubset(m.labels) and not excluded.intersection(m.labels) and pred(m):
                    if m.num > latest.get(m.thread_id, (0, None))[0]:
                        latest[m.thread_id] = (m.num, m)
            order = sorted(latest.values(), key=lambda t: -t[0])
            if page_token:
                cursor = decode_token(page_token)
                order = [t for t in order if t[0] < cursor]
            page = order[:max_results]
            nxt = encode_token(page[-1][0]) if len(order) > max_results else None
            return [m for _, m in page], nxt, len(latest)

    def list_history(self, start, types, label_id, max_results, page_token):
        with self.lock:
            if start < self.floor:
                raise NotFound("history")
            after = max(start, decode_token(page_token)) if page_token else start
            i = bisect_left(self.history_ids, after + 1)
            out = []
            last = None
            while i < len(self.history) and len(out) < max_results:
                hid, entries = self.history[i]
                kept = [e for e in entries if (not types or e[0] in types)
                        and (not label_id or label_id in e[3] or label_id in e[4])]
                if kept:
                    out.append((hid, kept))
                    last = hid
                i += 1
            more = False
            if len(out) == max_results:
                for hid, entries in self.history[i:]:
                    if any((not types or e[0] in types) and (not label_id or label_id in e[3] or label_id in e[4])
                           for e in entries):
                        more = True
                        break
            return out, (encode_token(last) if more else None), self.history_id

    def all_messages(self):
        with self.lock:
            return [self.messages[n] for n in reversed(self.sorted_nums)]

    # ---- changes, as Gmail makes them ---------------------------------------------------------
    def add_messages(self, count=1, label_ids=None, thread_id=None, raw=None, sent=False):
        added = []
        with self.lock:
            for _ in range(count):
                r = self._arng
                now = max(int(time.time() * 1000), (self.sorted_nums[-1] >> 20) + 1000 if self.sorted_nums else 0)
                parent = None
                if thread_id:
                    nums = self.threads.get(thread_id)
                    if not nums:
                        raise NotFound(thread_id)
                    parent = self.messages[nums[-1]]
                labels = list(label_ids) if label_ids is not None else self._flags(r, ["INBOX", "CATEGORY_PERSONAL"],
                                                                                  sent, True)
                for lid in labels:
                    if lid not in self.labels:
                        raise BadRequest("Invalid label: %s" % lid)
                msg = self._new_message(r, len(self.messages) + 100000, now, labels, sent, None, parent)
                if raw is not None:
                    msg.raw, msg.snippet = raw, mailgen.snippet_of(_text_of(raw))
                self._insert(msg)
                self._record([("messageAdded", msg, ())])
                added.append(msg)
        return added

    def modify(self, ids, add=(), remove=()):
        with self.lock:
            for lid in list(add) + list(remove):
                if lid not in self.labels:
                    raise BadRequest("Invalid label: %s" % lid)
            msgs = [self.get(i) for i in ids]
            hids = []
            for msg in msgs:
                added = [l for l in add if l not in msg.labels]
                removed = [l for l in remove if l in msg.labels and l not in added]
                msg.labels = [l for l in msg.labels if l not in removed] + added
                changes = ([("labelAdded", msg, added)] if added else []) + \
                          ([("labelRemoved", msg, removed)] if removed else [])
                if changes:
                    hids.append(self._record(changes))
            return hids

    def trash(self, ids):
        # messages.trash: TRASH is added and INBOX goes, in one history record.
        return self.modify(ids, ["TRASH"], ["INBOX"])

    def untrash(self, ids):
        return self.modify(ids, [], ["TRASH"])

    def delete(self, ids):
        with self.lock:
            msgs = [self.get(i) for i in ids]
            hids = []
            for msg in msgs:
                del self.messages[msg.num]
                self.sorted_nums.pop(bisect_left(self.sorted_nums, msg.num))
                members = self.threads[msg.thread_id]
                members.remove(msg.num)
                if not members:
                    del self.threads[msg.thread_id]
                hids.append(self._record([("messageDeleted", msg, ())]))
            return hids

    def create_label(self, name):
        with self.lock:
            for lab in self.labels.values():
                if lab["name"].lower() == name.lower():
                    raise BadRequest("Label name exists or conflicts")
            n = 1 + max(int(l[6:]) for l in self.labels if l.startswith("Label_"))
            lab = {"id": "Label_%d" % n, "name": name, "type": "user", "mlv": "show", "llv": "labelShow"}
            self.labels[lab["id"]] = lab
            self.version += 1
            return dict(lab)

    def expire_history(self, oldest):
        """Keep only records after `oldest`; a startHistoryId below it is then too old (404)."""
        with self.lock:
            self.floor = min(max(oldest, self.floor), self.history_id)
            k = bisect_left(self.history_ids, self.floor + 1)
            del self.history[:k]
            del self.history_ids[:k]
            return self.floor


def _text_of(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    return body[:4000].decode("utf-8", "replace")


def encode_token(n):
    """Page tokens are opaque to clients; these are 20 decimal digits, like many of Google's."""
    return "%020d" % n


def decode_token(token):
    if len(token) != 20 or not token.isdigit():
        raise BadRequest("Invalid pageToken")
    return int(token)


# ---- the subset of Gmail's search syntax that tests need -------------------------------------------
def _parse_date(v):
    if v.isdigit():
        return int(v) * 1000
    parts = v.replace("-", "/").split("/")
    try:
        y, m, d = (int(p) for p in parts)
        return int(dt.datetime(y, m, d, tzinfo=dt.timezone.utc).timestamp() * 1000)
    except (ValueError, TypeError):
        raise BadRequest("Invalid date in query: %s" % v)


def _split_query(q):
    terms, cur, quoted = [], "", False
    for c in q:
        if c == '"':
            quoted = not quoted
        elif c.isspace() and not quoted:
            if cur:
                terms.append(cur)
            cur = ""
        else:
            cur += c
    if cur:
        terms.append(cur)
    return terms


def compile_query(box, q):
    """(predicate on a Message, whether the query names SPAM/TRASH itself)."""
    if not q or not q.strip():
        return (lambda m: True), False
    preds, explicit = [], False
    for term in _split_query(q):
        neg = term.startswith("-")
        term = term[1:] if neg else term
        op, _, val = term.partition(":")
        op, low = op.lower(), val.lower()
        if not val:
            word = op
            p = (lambda w: lambda m: w in (m.plan.subject.lower() + " " + m.plan.from_addr.lower()
                                           + " " + m.plan.from_name.lower()) if m.plan else False)(word)
        elif op in ("in", "label", "is"):
            if low == "anywhere":
                explicit = True
                p = lambda m: True
            elif op == "is" and low == "read":
                p = lambda m: "UNREAD" not in m.labels
            else:
                lid = box.resolve_label(val)
                if lid is None:
                    return (lambda m: False), False
                explicit = explicit or lid in ("SPAM", "TRASH")
                p = (lambda l: lambda m: l in m.labels)(lid)
        elif op == "from":
            p = (lambda w: lambda m: bool(m.plan) and (w in m.plan.from_addr.lower() or w in m.plan.from_name.lower()
                                                        or (w == "me" and m.plan.sent)))(low)
        elif op == "subject":
            p = (lambda w: lambda m: bool(m.plan) and w in m.plan.subject.lower())(low)
        elif op == "rfc822msgid":
            p = (lambda w: lambda m: bool(m.plan) and m.plan.message_id.strip("<>").lower() == w.strip("<>"))(low)
        elif op in ("after", "before"):
            t = _parse_date(val)
            p = (lambda t: lambda m: m.internal_ms >= t)(t) if op == "after" else (lambda t: lambda m: m.internal_ms < t)(t)
        elif op in ("newer_than", "older_than"):
            unit = {"d": 86400, "m": 31 * 86400, "y": 365 * 86400}.get(low[-1:])
            if unit is None or not low[:-1].isdigit():
                raise BadRequest("Invalid query: %s" % term)
            t = int(time.time() * 1000) - int(low[:-1]) * unit * 1000
            p = (lambda t: lambda m: m.internal_ms >= t)(t) if op == "newer_than" else (lambda t: lambda m: m.internal_ms < t)(t)
        elif op == "has" and low == "attachment":
            p = lambda m: bool(m.plan) and m.plan.has_attachment
        else:
            p = (lambda w: lambda m: bool(m.plan) and w in m.plan.subject.lower())(term.lower())
        preds.append((lambda p: lambda m: not p(m))(p) if neg else p)
    return (lambda m: all(p(m) for p in preds)), explicit
