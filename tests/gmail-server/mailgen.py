"""Deterministic, realistic RFC 5322 messages for the fake Gmail server.

Two stages, so that a mailbox of 10,000 messages is ready in well under a second:
  * plan_message(): cheap metadata decided up front (date, sender, subject, thread, labels' hints,
    the kind of body and its target size, a private seed);
  * build_raw(): the message bytes, made from that plan on first use. The same plan always gives
    the same bytes, so the raw served by messages.get and by /__control/raw are identical.

The bytes use CRLF line ends, as Gmail stores and returns them. Sizes run from 2 KB to 200 KB,
skewed small like real mail; bodies are plain (8bit, quoted-printable, ISO-8859-1), alternative
text+html, related html with an inline image, or mixed with 1-3 base64 attachments whose
non-ASCII names use RFC 2231 (with continuations when long) or RFC 2047, as mail clients do.
"""
import base64
import bisect
import datetime as dt
import quopri
import random
import urllib.parse
from email.header import Header
from email.utils import format_datetime

CRLF = "\r\n"
MIN_SIZE = 2 * 1024
MAX_SIZE = 196 * 1024
SNIPPET_CHARS = 200

WORDS = ("the of and to in is that for it as was with be by on not this are or from at which but have an "
         "they you were there can all their has will would about into than then them these some what when "
         "meeting agenda minutes invoice quarterly budget review deadline schedule attached please find "
         "regards thanks update draft proposal contract release server backup migration customer order "
         "shipment receipt travel booking itinerary flight hotel conference workshop slides feedback "
         "Grüße Straße naïve café Zürich façade smörgåsbord jalapeño crème brûlée Ærøskøbing "
         "привет спасибо данные отчёт ελληνικά δεδομένα ευχαριστώ 日本語 メール 添付 会議 中文 邮件 附件 "
         "🎉 ✓ € — “quoted” ‘single’ O'Brien's 1,234.56 2024-03-01 #42 @team").split()
FIRST = ["Alice", "Bob", "Carol", "Dave", "Eve", "Frank", "José", "Zoë", "Jürgen", "Åsa", "Łukasz",
         "Дмитрий", "Γιώργος", "山田", "François", "Søren", "Nguyễn", "Siobhán", "Björk", "Chloé"]
LAST = ["Smith", "Jones", "García", "Müller", "Øster", "Nováková", "Иванов", "Παπαδόπουλος", "田中",
        "O'Brien", "Dupont", "Łęcki", "Brown", "Nakamura", "Hernández", "Van der Berg"]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.de", "lists.example.io",
           "shop.example.co.uk"]
MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3774.300.61.1.2)", "Mozilla Thunderbird 115.6.0",
           "Mutt/2.2.12", "Roundcube Webmail/1.6.5", None]
ATTACH = [("application/pdf", "pdf"), ("image/jpeg", "jpg"), ("image/png", "png"), ("application/zip", "zip"),
          ("text/csv", "csv"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
          ("application/octet-stream", "bin")]
ATT_NAMES = ["report", "Rechnung_März", "résumé", "photo", "données_trimestrielles", "отчёт_за_квартал",
             "見積書", "budget", "Präsentation für das Quartalsmeeting in Zürich", "scan"]

# Body kinds and their weights (large messages always become "mixed").
KINDS = [("plain8", 38), ("plainqp", 10), ("latin1", 3), ("alternative", 27), ("mixed", 16), ("related", 6)]


def _corpus(nchars=400_000):
    r = random.Random(0x5EED)
    out, line, n, limit = [], [], 0, 10
    while n < nchars:
        w = r.choice(WORDS)
        line.append(w)
        n += len(w) + 1
        if len(line) >= limit:
            out.append(" ".join(line))
            line, limit = [], r.randint(7, 13)
            if r.random() < 0.15:
                out.append("")
    text = "\n".join(out) + "\n"
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return text, starts


CORPUS, LINE_STARTS = _corpus()


def text_window(r, nbytes):
    """About nbytes of UTF-8 text: a line-aligned window of the shared corpus, LF line ends."""
    nchars = max(int(nbytes / 1.1), 60)
    hi = max(len(CORPUS) - nchars - 200, 1)
    st = LINE_STARTS[bisect.bisect_left(LINE_STARTS, r.randrange(hi))]
    end = CORPUS.find("\n", st + nchars)
    return CORPUS[st:end + 1] if end > 0 else CORPUS[st:]


def encode_phrase(s):
    """RFC 2047 for a non-ASCII display name or subject; ASCII names with specials get quoted."""
    if s.isascii():
        if any(c in s for c in "'.,()<>@;:\\\""):
            return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')
        return s
    return Header(s, "utf-8", maxlinelen=76).encode(linesep=CRLF)


def mailbox_address(name, addr):
    return "%s <%s>" % (encode_phrase(name), addr)


def person(r):
    first, last = r.choice(FIRST), r.choice(LAST)
    user = "".join(c for c in (first[0] + last).lower() if c.isascii() and c.isalnum())
    if len(user) < 3:
        user = "user%d" % r.randrange(1000)
    return "%s %s" % (first, last), "%s@%s" % (user, r.choice(DOMAINS))


def subject_words(r):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(3, 9)))


def target_size(r):
    return min(int(MIN_SIZE * (100 ** (r.random() ** 1.6))), MAX_SIZE)


class Plan:
    """What a message will be; everything build_raw() needs besides its private seed."""
    __slots__ = ("seed", "when_ms", "tz_hours", "from_name", "from_addr", "subject", "message_id",
                 "references", "kind", "size", "list_name", "sent", "has_attachment")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def plan_message(r, index, when_ms, me, sent=False, list_name=None, parent=None):
    """Decide the cheap parts of a message. parent: the Plan this one replies to (same thread)."""
    if sent:
        from_name, from_addr = "Probe User", me
    else:
        from_name, from_addr = person(r)
    size = target_size(r)
    kinds, weights = zip(*KINDS)
    kind = "mixed" if size > 48 * 1024 else r.choices(kinds, weights)[0]
    if parent is not None:
        base = parent.subject
        subject = base if base.startswith("Re: ") else "Re: " + base
        references = (parent.references + [parent.message_id])[-12:]
    else:
        subject = subject_words(r)
        references = []
    message_id = "<%s.%d.%016x@%s>" % (dt.datetime.fromtimestamp(when_ms / 1000, dt.timezone.utc).strftime("%Y%m%d%H%M%S"),
                                       index, r.getrandbits(64), from_addr.split("@")[1])
    return Plan(seed=r.getrandbits(64), when_ms=when_ms, tz_hours=r.choice([-8, -5, 0, 1, 2, 5.5, 9]),
                from_name=from_name, from_addr=from_addr, subject=subject, message_id=message_id,
                references=references, kind=kind, size=size, list_name=list_name, sent=sent,
                has_attachment=kind in ("mixed",))


def _crlf(s):
    return s.replace("\r\n", "\n").replace("\n", CRLF)


def _boundary(r):
    return "000000000000%016x" % r.getrandbits(64) if r.random() < 0.5 else "----=_Part_%d_%d.%d" % (
        r.randrange(10 ** 6), r.randrange(10 ** 9), r.randrange(10 ** 12))


def _b64_lines(data):
    return base64.encodebytes(data).decode("ascii").replace("\n", CRLF)


def _part_plain(body, enc="8bit", charset="utf-8"):
    if enc == "quoted-printable":
        payload = quopri.encodestring(body.encode(charset, "replace")).decode("ascii")
    else:
        payload = body
    return ('Content-Type: text/plain; charset="%s"%sContent-Transfer-Encoding: %s%s%s'
            % (charset, CRLF, enc, CRLF + CRLF, _crlf(payload)))


def _html(body):
    paras = [p for p in body.split("\n\n") if p.strip()]
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n'
            + "".join('<div dir="ltr"><p>%s</p></div>\n' % esc(p).replace("\n", "<br>\n") for p in paras)
            + "</body></html>\n")


def _part_html(body, extra=""):
    html = _html(body) if not extra else _html(body).replace("</body>", extra + "</body>")
    payload = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ('Content-Type: text/html; charset="UTF-8"%sContent-Transfer-Encoding: quoted-printable%s%s'
            % (CRLF, CRLF + CRLF, _crlf(payload)))


def _multipart(sub, bnd, parts, preamble=False):
    # Each part ends with CRLF, which doubles as the CRLF that RFC 2046 puts before every delimiter.
    out = ['Content-Type: multipart/%s;%s boundary="%s"%s%s' % (sub, CRLF, bnd, CRLF, CRLF)]
    if preamble:
        out.append("This is a multi-part message in MIME format." + CRLF + CRLF)
    for p in parts:
        out.append("--%s%s%s%s" % (bnd, CRLF, p, "" if p.endswith(CRLF) else CRLF))
    out.append("--%s--%s" % (bnd, CRLF))
    return "".join(out)


def _filename_params(r, fname):
    """Content-Type name and Content-Disposition filename parameters, the way real clients write them."""
    if fname.isascii():
        return '; name="%s"' % fname, 'attachment; filename="%s"' % fname
    style = r.random()
    if style < 0.5:
        # RFC 2231, split into continuations when long (Thunderbird, Apple Mail).
        q = urllib.parse.quote(fname, safe="")
        if len(q) <= 60:
            return "", "attachment;%s filename*=utf-8''%s" % (CRLF, q)
        chunks, i = [], 0
        while i < len(q):
            j = min(i + 60, len(q))
            while q[j - 1] == "%" or (j - 2 >= i and q[j - 2] == "%"):
                j -= 1  # never split a %XX escape
            chunks.append(q[i:j])
            i = j
        params = "".join(";%s filename*%d*=%s%s" % (CRLF, n, "utf-8''" if n == 0 else "", c)
                         for n, c in enumerate(chunks))
        return "", "attachment" + params
    # RFC 2047 inside quoted parameters (Gmail, Outlook): technically non-standard, very common.
    enc = Header(fname, "utf-8", maxlinelen=998).encode(linesep=" ")
    return '; name="%s"' % enc, 'attachment; filename="%s"' % enc


def _attachment(r, index, n, nbytes):
    ctype, ext = r.choice(ATTACH)
    fname = "%s_%d_%d.%s" % (r.choice(ATT_NAMES), index, n, ext)
    if ext == "csv":
        data = text_window(r, nbytes).replace("\n", "\r\n").encode("utf-8")[:nbytes]
    else:
        data = r.randbytes(nbytes)
    name_param, disposition = _filename_params(r, fname)
    return ("Content-Type: %s%s%sContent-Disposition: %s%sContent-Transfer-Encoding: base64%s%s"
            % (ctype, name_param, CRLF, disposition, CRLF, CRLF + CRLF, _b64_lines(data)))


def _headers(r, plan, me, to_list, cc_list):
    h = []
    date = dt.datetime.fromtimestamp(plan.when_ms / 1000 - (0 if plan.sent else r.randint(1, 120)),
                                     dt.timezone(dt.timedelta(hours=plan.tz_hours)))
    if not plan.sent:
        received = format_datetime(dt.datetime.fromtimestamp(plan.when_ms / 1000, dt.timezone(dt.timedelta(hours=-8))))
        h.append("Delivered-To: " + me)
        h.append("Received: by 2002:a05:6a10:%x:b0:%x:%x:%x with SMTP id %s;%s        %s"
                 % (r.getrandbits(16), r.getrandbits(12), r.getrandbits(12), r.getrandbits(16),
                    "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20)), CRLF, received))
        for hop in range(r.randint(1, 2)):
            dom = plan.from_addr.split("@")[1]
            h.append("Received: from mx%d.%s (mx%d.%s. [192.0.2.%d])%s        by mx.google.com with ESMTPS id %x%s"
                     "        for <%s>%s        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);%s        %s"
                     % (hop, dom, hop, dom, r.randint(1, 254), CRLF, r.getrandbits(48), CRLF, me, CRLF, CRLF,
                        format_datetime(date)))
        h.append("Return-Path: <%s>" % plan.from_addr)
        h.append("Authentication-Results: mx.google.com;%s       dkim=pass header.i=@%s;%s       spf=pass smtp.mailfrom=%s"
                 % (CRLF, plan.from_addr.split("@")[1], CRLF, plan.from_addr))
        h.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=s1;%s        h=from:to:subject:date:message-id;%s"
                 "        bh=%s;%s        b=%s" % (plan.from_addr.split("@")[1], CRLF, CRLF,
                                                   base64.b64encode(r.randbytes(32)).decode(), CRLF,
                                                   base64.b64encode(r.randbytes(96)).decode()))
    h.append("MIME-Version: 1.0")
    h.append("Date: " + format_datetime(date))
    h.append("Message-ID: " + plan.message_id)
    if plan.references:
        h.append("In-Reply-To: " + plan.references[-1])
        h.append("References: " + (CRLF + " ").join(plan.references))
    h.append("Subject: " + (encode_phrase(plan.subject) if not plan.subject.isascii() else plan.subject))
    h.append("From: " + mailbox_address(plan.from_name, plan.from_addr))
    h.append("To: " + ("," + CRLF + " ").join(mailbox_address(n, a) for n, a in to_list))
    if cc_list:
        h.append("Cc: " + ("," + CRLF + " ").join(mailbox_address(n, a) for n, a in cc_list))
    if plan.list_name:
        h.append("List-Id: %s <%s.lists.example.io>" % (encode_phrase(plan.list_name + " list"), plan.list_name.lower()))
        h.append("List-Unsubscribe: <mailto:unsubscribe-%s@lists.example.io>" % plan.list_name.lower())
        h.append("Precedence: list")
    mailer = r.choice(MAILERS)
    if mailer:
        h.append("X-Mailer: " + mailer)
    return h


def build_raw(plan, me, index):
    """The message bytes (CRLF) and its Gmail-style snippet."""
    r = random.Random(plan.seed)
    to_list = [("Probe User", me)] if not plan.sent else [person(r)]
    if r.random() < 0.3:
        to_list.append(person(r))
    cc_list = [person(r) for _ in range(r.randint(1, 3))] if r.random() < 0.25 else []
    headers = _headers(r, plan, me, to_list, cc_list)
    head = CRLF.join(headers) + CRLF
    room = max(plan.size - len(head.encode("utf-8")) - 60, 1300)
    kind = plan.kind
    if kind == "mixed":
        body = text_window(r, min(r.randint(300, 3000), room // 4))
        first = _part_plain(body)
        if r.random() < 0.6:
            first = _multipart("alternative", _boundary(r), [_part_plain(body), _part_html(body)])
        natt = r.randint(1, 3)
        remaining = max(room - len(first.encode("utf-8")) - 300 * natt, 600)
        parts = [first] + [_attachment(r, index, n, max(int(remaining / natt * 0.74), 200)) for n in range(natt)]
        mime = _multipart("mixed", _boundary(r), parts, preamble=r.random() < 0.5)
    elif kind == "alternative":
        body = text_window(r, max(room // 3, 200))
        mime = _multipart("alternative", _boundary(r), [_part_plain(body), _part_html(body)])
    elif kind == "related":
        body = text_window(r, max(room // 4, 200))
        cid = "ii_%x" % r.getrandbits(40)
        img = ("Content-Type: image/png; name=\"image001.png\"%sContent-Disposition: inline; filename=\"image001.png\"%s"
               "Content-Transfer-Encoding: base64%sContent-ID: <%s>%sX-Attachment-Id: %s%s%s"
               % (CRLF, CRLF, CRLF, cid, CRLF, cid, CRLF + CRLF, _b64_lines(r.randbytes(max(room // 3, 200)))))
        related = _multipart("related", _boundary(r), [_part_html(body, '<img src="cid:%s">' % cid), img])
        mime = _multipart("alternative", _boundary(r), [_part_plain(body), related])
    elif kind == "plainqp":
        body = text_window(r, max(int(room / 1.3), 400))
        mime = _part_plain(body, "quoted-printable")
    elif kind == "latin1":
        body = text_window(r, max(int(room / 1.3), 400))
        mime = _part_plain(body, "quoted-printable", "iso-8859-1")
        body = body.encode("iso-8859-1", "replace").decode("iso-8859-1")
    else:
        body = text_window(r, max(room, 400))
        mime = _part_plain(body)
    raw = (head + mime).encode("utf-8")
    return raw, snippet_of(body)


def snippet_of(text):
    """Gmail's snippet: the first words of the text, whitespace collapsed, HTML-escaped."""
    flat = " ".join(text.split())
    if len(flat) > SNIPPET_CHARS:
        cut = flat.rfind(" ", 0, SNIPPET_CHARS)
        flat = flat[:cut if cut > 0 else SNIPPET_CHARS]
    return (flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))
