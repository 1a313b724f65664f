#!/usr/bin/env python3
"""gmail_fake.py -- a faithful local Gmail API v1 server for vaulttray's tests and benchmarks.

  /usr/bin/python3 gmail_fake.py --messages 3000 --seed 1 --token test-token

Python 3 standard library only. Listens on 127.0.0.1 (port 0 = any free port) and prints one JSON
line {"ready":true,"port":N,...} on stdout once it accepts connections. Serves
/gmail/v1/users/{me|EMAIL}/... in Google's formats (getProfile, labels.list/get, messages.list/get
incl. format=raw|minimal|metadata|full, messages.attachments.get, threads.list/get, history.list,
messages.modify/trash/untrash/delete), with OAuth bearer tokens, a per-user quota in Gmail's units,
injectable faults and latency, and /__control/... endpoints for tests (see README.md beside it).
The mailbox model lives in mailstore.py, the message generator in mailgen.py.
"""
import argparse
import base64
import json
import math
import os
import random
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # the sibling modules below must not leave __pycache__ in the source tree
import mailstore  # noqa: E402 (after the line above on purpose)
import policies
from mailstore import BadRequest, NotFound
from policies import Auth, Faults, Quota, Stats, log
from resources import (AUTH_MESSAGE, CAPTIVE_PORTAL, MISSING_AUTH_MESSAGE, WWW_AUTH_REALM, ApiError, apply_fields,
                       b64url, error_body, find_part, history_resource, label_resource, message_resource,
                       not_found_page, parse_fields)

API_PREFIX = "/gmail/v1/users/"
CONTROL_PREFIX = "/__control/"
DEFAULT_PAGE = 100
MAX_PAGE = 500
# Quota units per method, from Google's "Usage limits" page for the Gmail API.
COST = {"getProfile": 1, "labels.list": 1, "labels.get": 1, "messages.list": 5, "messages.get": 5,
        "messages.attachments.get": 5, "history.list": 2, "threads.list": 10, "threads.get": 10,
        "messages.modify": 5, "messages.trash": 5, "messages.untrash": 5, "messages.delete": 10}


# ---- parameters -------------------------------------------------------------------------------
def _one(params, name, default=None):
    v = params.get(name)
    return v[-1] if v else default


def _uint(params, name, proto_name, default):
    v = _one(params, name)
    if v is None or v == "":
        return default
    if not v.isdigit():
        msg = 'Invalid value at \'%s\' (TYPE_UINT32), "%s"' % (proto_name, v)
        raise ApiError(400, "invalid", msg)
    return int(v)


def _bool(params, name):
    v = (_one(params, name) or "false").lower()
    if v not in ("true", "false", "1", "0"):
        raise ApiError(400, "invalid", 'Invalid value at \'%s\' (TYPE_BOOL), "%s"' % (name, v))
    return v in ("true", "1")


def _page_size(params):
    n = _uint(params, "maxResults", "max_results", DEFAULT_PAGE)
    return DEFAULT_PAGE if n == 0 else min(n, MAX_PAGE)


def _enum(value, allowed):
    """Google accepts enum values as written in the docs and in UPPER_SNAKE form."""
    if value is None:
        return None
    v = value.replace("_", "").lower()
    for a in allowed:
        if a.lower() == v:
            return a
    return False


# ---- the API --------------------------------------------------------------------------------
class Api:
    def __init__(self, box, args):
        self.box = box
        self.args = args
        self.stats = Stats()
        self.quota = Quota(args.quota, args.burst, args.forbidden_share, args.seed, self.stats)
        self.auth = Auth(args.token, args.introspect, self.stats, args.introspect_cache_s)
        self.faults = Faults(self.stats)
        # Connections accepted before the latest `connections/strand` are dead ends, as keep-alive connections are
        # after a sleep when a NAT or access point forgot them: requests sent on them get no answer.
        self.generation = 0
        self.strand_release = threading.Event()

    def route(self, verb, rest):
        """(method name, handler, message id) for the path after /gmail/v1/users/, or None."""
        user, _, tail = rest.partition("/")
        parts = tail.split("/") if tail else []
        r = None
        if verb == "GET":
            if parts == ["profile"]:
                r = ("getProfile", self.get_profile, None)
            elif parts == ["labels"]:
                r = ("labels.list", self.labels_list, None)
            elif len(parts) == 2 and parts[0] == "labels":
                r = ("labels.get", self.labels_get, parts[1])
            elif parts == ["messages"]:
                r = ("messages.list", self.messages_list, None)
            elif len(parts) == 2 and parts[0] == "messages":
                r = ("messages.get", self.messages_get, parts[1])
            elif len(parts) == 4 and parts[0] == "messages" and parts[2] == "attachments":
                r = ("messages.attachments.get", self.attachments_get, parts[1])
            elif parts == ["threads"]:
                r = ("threads.list", self.threads_list, None)
            elif len(parts) == 2 and parts[0] == "threads":
                r = ("threads.get", self.threads_get, parts[1])
            elif parts == ["history"]:
                r = ("history.list", self.history_list, None)
        elif verb == "POST" and len(parts) == 3 and parts[0] == "messages":
            r = {"modify": ("messages.modify", self.messages_modify, parts[1]),
                 "trash": ("messages.trash", self.messages_trash, parts[1]),
                 "untrash": ("messages.untrash", self.messages_untrash, parts[1])}.get(parts[2])
        elif verb == "DELETE" and len(parts) == 2 and parts[0] == "messages":
            r = ("messages.delete", self.messages_delete, parts[1])
        return (urllib.parse.unquote(user), parts) + r if r else None

    def check_user(self, user):
        if user != "me" and user.lower() != self.box.email.lower():
            raise ApiError(403, "forbidden", "Delegation denied for %s" % user)

    # -- handlers: (params, parts, body) -> JSON object
    def get_profile(self, p, parts, body):
        total, threads, hid = self.box.profile()
        return {"emailAddress": self.box.email, "messagesTotal": total, "threadsTotal": threads,
                "historyId": str(hid)}

    def labels_list(self, p, parts, body):
        return {"labels": [label_resource(l) for l in self.box.label_list()]}

    def labels_get(self, p, parts, body):
        try:
            lab, total, unread, threads, threads_unread = self.box.label_counts(urllib.parse.unquote(parts[1]))
        except NotFound:
            raise ApiError(404, "notFound")
        out = label_resource(lab)
        out.update({"messagesTotal": total, "messagesUnread": unread, "threadsTotal": threads,
                    "threadsUnread": threads_unread})
        return out

    def _list_args(self, p):
        return (p.get("labelIds", []), _one(p, "q"), _bool(p, "includeSpamTrash"), _page_size(p),
                _one(p, "pageToken") or None)

    def messages_list(self, p, parts, body):
        page, nxt, total = self.box.list_messages(*self._list_args(p))
        out = {}
        if page:
            out["messages"] = [{"id": m.id, "threadId": m.thread_id} for m in page]
        if nxt:
            out["nextPageToken"] = nxt
        out["resultSizeEstimate"] = self._estimate(total)
        return out

    def _estimate(self, total):
        fuzz = self.args.estimate_fuzz
        return max(0, int(round(total * (1 + random.uniform(-fuzz, fuzz))))) if fuzz else total

    def _get_message(self, mid):
        try:
            return self.box.get(mid)
        except NotFound:
            raise ApiError(404, "notFound")
        except BadRequest:
            raise ApiError(400, "invalidArgument", "Invalid id value")

    def messages_get(self, p, parts, body):
        fmt = _enum(_one(p, "format", "full"), ["full", "metadata", "minimal", "raw"])
        if not fmt:
            raise ApiError(400, "invalid", 'Invalid value at \'format\' (type.googleapis.com/google.apps.gmail.v1.'
                                           'GetMessageRequest.Format), "%s"' % _one(p, "format"))
        msg = self._get_message(parts[1])
        out = message_resource(self.box, msg, fmt, p.get("metadataHeaders"))
        with self.stats.lock:
            self.stats.get_served += 1
        return out

    def attachments_get(self, p, parts, body):
        msg = self._get_message(parts[1])
        try:
            mid, part_id = base64.urlsafe_b64decode(parts[3][6:] + "==").decode().split(":", 1)
        except Exception:
            raise ApiError(400, "invalidArgument", "Invalid attachment token")
        part = find_part(self.box.raw(msg), part_id) if mid == msg.id else None
        if part is None or part.is_multipart():
            raise ApiError(404, "notFound")
        data = part.get_payload(decode=True) or b""
        return {"size": len(data), "data": b64url(data, pad=False)}

    def threads_list(self, p, parts, body):
        page, nxt, total = self.box.list_threads(*self._list_args(p))
        out = {}
        if page:
            out["threads"] = []
            for m in page:
                self.box.raw(m)
                out["threads"].append({"id": m.thread_id, "snippet": m.snippet or "", "historyId": str(m.history_id)})
        if nxt:
            out["nextPageToken"] = nxt
        out["resultSizeEstimate"] = self._estimate(total)
        return out

    def threads_get(self, p, parts, body):
        fmt = _enum(_one(p, "format", "full"), ["full", "metadata", "minimal"])
        if not fmt:
            raise ApiError(400, "invalid", "Invalid format")
        try:
            msgs = self.box.thread(parts[1])
        except NotFound:
            raise ApiError(404, "notFound")
        return {"id": parts[1], "historyId": str(max(m.history_id for m in msgs)),
                "messages": [message_resource(self.box, m, fmt, p.get("metadataHeaders")) for m in msgs]}

    def history_list(self, p, parts, body):
        start = _one(p, "startHistoryId")
        if not start or not start.isdigit():
            raise ApiError(400, "invalidArgument", "Missing/invalid parameter: startHistoryId")
        types = []
        for t in p.get("historyTypes", []):
            e = _enum(t, mailstore.TYPES)
            if not e:
                raise ApiError(400, "invalid", 'Invalid value at \'history_types\' (type.googleapis.com/google.apps.'
                                               'gmail.v1.ListHistoryRequest.HistoryType), "%s"' % t)
            types.append(e)
        try:
            records, nxt, hid = self.box.list_history(int(start), set(types), _one(p, "labelId"), _page_size(p),
                                                      _one(p, "pageToken") or None)
        except NotFound:
            raise ApiError(404, "notFound")
        out = {}
        if records:
            out["history"] = history_resource(records)
        if nxt:
            out["nextPageToken"] = nxt
        out["historyId"] = str(hid)
        return out

    def _mutate(self, fn, mid, *args):
        msg = self._get_message(mid)
        try:
            fn([msg.id], *args)
        except BadRequest as e:
            raise ApiError(400, "invalidArgument", str(e))
        return message_resource(self.box, self.box.get(msg.id), "minimal")

    def messages_modify(self, p, parts, body):
        req = json.loads(body or b"{}")
        return self._mutate(self.box.modify, parts[1], req.get("addLabelIds", []), req.get("removeLabelIds", []))

    def messages_trash(self, p, parts, body):
        return self._mutate(self.box.trash, parts[1])

    def messages_untrash(self, p, parts, body):
        return self._mutate(self.box.untrash, parts[1])

    def messages_delete(self, p, parts, body):
        msg = self._get_message(parts[1])
        self.box.delete([msg.id])
        return None


# ---- HTTP -----------------------------------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, the client's delayed ACK would add ~40 ms.
    disable_nagle_algorithm = True
    api = None  # set in main()

    def version_string(self):
        return "ESF"  # what Google's front end calls itself

    def setup(self):
        super().setup()
        self.generation = Handler.api.generation

    def log_message(self, fmt, *args):
        log("%s %s" % (self.address_string(), fmt % args))

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_PATCH(self):
        self.dispatch("PATCH")

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def send(self, code, body, ctype="application/json; charset=UTF-8", headers=None, truncate=False):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        if ctype.startswith("application/json"):
            self.send_header("Vary", "Origin")
            self.send_header("Vary", "X-Origin")
            self.send_header("Vary", "Referer")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Cache-Control", "private")
        self.send_header("X-XSS-Protection", "0")
        self.send_header("X-Frame-Options", "SAMEORIGIN")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if truncate:
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.reset_connection()
            return
        self.wfile.write(body)
        api = Handler.api
        with api.stats.lock:
            api.stats.bytes_sent += len(body)

    def send_json(self, code, obj, headers=None, params=None, truncate=False):
        params = params or {}
        if params.get("fields") and code == 200:
            obj = apply_fields(obj, parse_fields(params["fields"][-1]))
        pretty = (_one(params, "prettyPrint", "true") or "true").lower() != "false"
        text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None,
                          separators=None if pretty else (",", ":"))
        if Handler.api.args.json_escape:
            # Google's front end escapes these inside JSON strings; any JSON parser must undo it.
            for c, esc in (("=", "\\u003d"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
                text = text.replace(c, esc)
        self.send(code, (text + "\n").encode("utf-8"), headers=headers, truncate=truncate)

    def reset_connection(self):
        """Abort with a TCP RST (SO_LINGER 0), as a middlebox that drops the connection would."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True

    def dispatch(self, verb):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if url.path.startswith(CONTROL_PREFIX):
            return self.control(verb, url.path[len(CONTROL_PREFIX):], params, body)
        if not url.path.startswith(API_PREFIX):
            return self.send(404, not_found_page(url.path), "text/html; charset=UTF-8")
        api = Handler.api
        if self.generation < api.generation:
            return self.strand(api)
        routed = api.route(verb, url.path[len(API_PREFIX):])
        if routed is None:
            return self.send(404, not_found_page(url.path), "text/html; charset=UTF-8")
        user, parts, method, handler, message_id = routed
        api.stats.begin()
        try:
            self.serve_api(api, user, parts, method, handler, message_id, params, body)
        finally:
            api.stats.end()

    def strand(self, api):
        """No answer on a connection from before the last strand, until the faults are cleared; then it just closes."""
        with api.stats.lock:
            api.stats.stranded += 1
        api.strand_release.wait(600)
        self.close_connection = True

    def serve_api(self, api, user, parts, method, handler, message_id, params, body):
        with api.stats.lock:
            api.stats.requests[method] += 1
            if method == "messages.get":
                api.stats.get_calls += 1
        latency, rule, release = api.faults.pick(method, message_id, "network")
        if latency:
            time.sleep(latency / 1000.0)
        truncate = bad_raw = False
        if rule is not None:
            if rule.get("html"):
                return self.answered(200, lambda: self.send(200, CAPTIVE_PORTAL, "text/html; charset=utf-8"))
            if rule.get("reset"):
                return self.reset_connection()
            if rule.get("stall"):
                # Never answer: hold the connection until the stall ends (faults cleared) or stallMs passes.
                release.wait(float(rule["stallMs"]) / 1000.0 if rule.get("stallMs") else None)
                return self.reset_connection()
            truncate = bool(rule.get("truncate"))
            bad_raw = bool(rule.get("badRaw"))
        code, obj, headers = 200, None, {}
        try:
            code, obj, headers = self.authorized_call(api, user, parts, method, handler, message_id, params, body)
        except ApiError as e:
            code, obj, headers = e.code, e.body, e.headers
        except BadRequest as e:
            code, obj = 400, error_body(400, "invalidArgument", str(e))
        except Exception as e:  # a bug in the fake must look like a server error, not a dropped connection
            log("internal error: %r" % e)
            code, obj = 500, error_body(500, "backendError")
        if bad_raw and code == 200 and isinstance(obj, dict) and "raw" in obj:
            obj = dict(obj, raw=obj["raw"] + "*")  # '*' is outside the base64url alphabet
        if obj is None and code == 204:
            return self.answered(204, lambda: self.send(204, b"", "text/html"))
        self.answered(code, lambda: self.send_json(code, obj, headers, params, truncate))

    def answered(self, code, send):
        api = Handler.api
        with api.stats.lock:
            api.stats.statuses[code] += 1
        try:
            send()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def authorized_call(self, api, user, parts, method, handler, message_id, params, body):
        header = self.headers.get("Authorization", "")
        token = header[7:].strip() if header[:7].lower() == "bearer " else None
        if token is None and "access_token" in params:
            token = _one(params, "access_token")
        if not token:
            with api.stats.lock:
                api.stats.unauthenticated += 1
            raise ApiError(401, "required", "Login Required.", {"WWW-Authenticate": WWW_AUTH_REALM},
                           {"location": "Authorization", "locationType": "header"}, MISSING_AUTH_MESSAGE)
        if not api.auth.valid(token):
            with api.stats.lock:
                api.stats.unauthenticated += 1
            raise ApiError(401, "authError", None, {"WWW-Authenticate": WWW_AUTH_REALM + ', error="invalid_token"'},
                           {"location": "Authorization", "locationType": "header"}, AUTH_MESSAGE)
        api.check_user(user)
        cost = COST[method]
        wait, forbidden = api.quota.take(api.box.email, cost)
        if wait > 0:
            retry = {"Retry-After": str(max(1, math.ceil(wait)))}
            with api.stats.lock:
                if forbidden:
                    api.stats.rate_limited_403 += 1
                else:
                    api.stats.rate_limited_429 += 1
            if forbidden:
                raise ApiError(403, "userRateLimitExceeded", None, retry)
            raise ApiError(429, "rateLimitExceeded", None, retry)
        _, rule, _ = api.faults.pick(method, message_id, "status")
        if rule is not None:
            code = int(rule["status"])
            headers = {}
            if rule.get("retryAfter") is not None:
                headers["Retry-After"] = str(rule["retryAfter"])
            if code == 401:
                headers["WWW-Authenticate"] = WWW_AUTH_REALM + ', error="invalid_token"'
            err = ApiError(code, rule["reason"], rule.get("message"), headers)
            if rule.get("domain"):
                err.body["error"]["errors"][0]["domain"] = rule["domain"]
            raise err
        obj = handler(params, parts, body)
        return (204, None, {}) if obj is None else (200, obj, {})

    # ---- /__control/ ------------------------------------------------------------------------
    def control(self, verb, path, params, body):
        api = Handler.api
        box = api.box
        try:
            req = json.loads(body) if body.strip() else {}
        except ValueError:
            return self.send_json(400, {"error": "body is not JSON"})
        try:
            out = self.control_call(api, box, verb, path, params, req)
        except NotFound as e:
            return self.send_json(404, {"error": "not found: %s" % e})
        except (BadRequest, ValueError, TypeError, KeyError) as e:
            return self.send_json(400, {"error": str(e)})
        if isinstance(out, bytes):
            return self.send(200, out, "message/rfc822")
        if out is None:
            return self.send(404, not_found_page(CONTROL_PREFIX + path), "text/html; charset=UTF-8")
        self.send_json(200, out)

    def control_call(self, api, box, verb, path, params, req):
        def ids():
            v = req.get("ids") if isinstance(req, dict) else req
            if not isinstance(v, list) or not v:
                raise BadRequest("give the message ids as {\"ids\": [...]}")
            return v

        if path == "health":
            return {"ok": True, "historyId": str(box.history_id)}
        if path == "stats":
            if verb == "POST" or verb == "DELETE":
                api.stats.reset()
            return api.stats.snapshot()
        if path == "stats/reset" and verb == "POST":
            api.stats.reset()
            return api.stats.snapshot()
        if path == "tokens" and verb == "POST":
            tokens = req if isinstance(req, list) else req.get("tokens", [])
            if not all(isinstance(t, str) and t for t in tokens):
                raise BadRequest("tokens are non-empty strings")
            return {"tokens": api.auth.register(tokens)}
        if path == "tokens/revoke" and verb == "POST":
            api.auth.revoke(req if isinstance(req, list) else req.get("tokens", []))
            return {"ok": True}
        if path == "connections/strand" and verb == "POST":
            api.strand_release.clear()
            api.generation += 1
            return {"generation": api.generation}
        if path == "faults":
            if verb == "DELETE":
                api.faults.clear()
                api.strand_release.set()
            elif verb == "POST":
                rules = req if isinstance(req, list) else [req]
                return {"faults": [api.faults.add(r) for r in rules]}
            return {"faults": api.faults.list()}
        if path == "faults/clear" and verb == "POST":
            api.faults.clear()
            api.strand_release.set()
            return {"faults": []}
        if path == "quota":
            if verb == "POST":
                api.quota.configure(req.get("unitsPerSecond"), req.get("burst"), req.get("forbiddenShare"))
            return api.quota.state()
        if path.startswith("raw/") and verb == "GET":
            return box.raw(box.get(path[4:]))
        if path == "messages" and verb == "GET":
            include = (_one(params, "includeSpamTrash", "true") or "true").lower() != "false"
            sizes = (_one(params, "withSize", "false") or "false").lower() == "true"
            out = []
            for m in box.all_messages():
                if not include and ("SPAM" in m.labels or "TRASH" in m.labels):
                    continue
                d = {"id": m.id, "threadId": m.thread_id, "labelIds": list(m.labels),
                     "historyId": str(m.history_id), "internalDate": str(m.internal_ms)}
                if sizes:
                    d["sizeEstimate"] = len(box.raw(m))
                out.append(d)
            return {"messages": out, "historyId": str(box.history_id)}
        if path == "messages" and verb == "POST":
            raw = base64.urlsafe_b64decode(req["raw"] + "=" * (-len(req["raw"]) % 4)) if req.get("raw") else None
            added = box.add_messages(int(req.get("count", 1)), req.get("labelIds"), req.get("threadId"), raw,
                                     bool(req.get("sent", False)))
            return {"messages": [{"id": m.id, "threadId": m.thread_id, "labelIds": list(m.labels),
                                  "historyId": str(m.history_id)} for m in added],
                    "historyId": str(box.history_id)}
        if path == "messages/modify" and verb == "POST":
            hids = box.modify(ids(), req.get("addLabelIds", []), req.get("removeLabelIds", []))
            return {"historyIds": [str(h) for h in hids], "historyId": str(box.history_id)}
        if path in ("messages/trash", "messages/untrash", "messages/delete") and verb == "POST":
            fn = {"messages/trash": box.trash, "messages/untrash": box.untrash, "messages/delete": box.delete}[path]
            hids = fn(ids())
            return {"historyIds": [str(h) for h in hids], "historyId": str(box.history_id)}
        if path == "labels" and verb == "POST":
            return label_resource(box.create_label(req["name"]))
        if path == "history":
            return {"oldestRetained": str(box.floor), "historyId": str(box.history_id),
                    "records": len(box.history)}
        if path == "history/expire" and verb == "POST":
            floor = box.history_id if req.get("all") else int(req["oldestRetained"])
            return {"oldestRetained": str(box.expire_history(floor)), "historyId": str(box.history_id)}
        return None


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that hangs up mid-request (a cancelled sync, a test's simulated power cut) is not a server error.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    t0 = time.monotonic()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    ap.add_argument("--messages", type=int, default=3000, help="size of the generated mailbox")
    ap.add_argument("--seed", type=int, default=1, help="the mailbox is a function of (messages, seed)")
    # The OAuth mock (tests/oauth-server) signs in alice@example.org unless told otherwise.
    ap.add_argument("--email", default="alice@example.org", help="the mailbox owner's address")
    ap.add_argument("--token", action="append", default=[], help="an accepted access token (repeatable)")
    ap.add_argument("--introspect", default=None, help="RFC 7662 endpoint that vouches for other tokens")
    ap.add_argument("--introspect-cache-s", type=float, default=None,
                    help="how long a positive introspection answer is trusted (default: until the token's exp; 0: never)")
    ap.add_argument("--quota", type=float, default=250, help="quota units per second per user; 0 lifts the quota")
    ap.add_argument("--burst", type=float, default=None, help="bucket size in units (default: one second's)")
    ap.add_argument("--forbidden-share", type=float, default=0.0,
                    help="share of over-quota answers given as 403 userRateLimitExceeded instead of 429")
    ap.add_argument("--latency-ms", type=float, default=0, help="added to every API request")
    ap.add_argument("--estimate-fuzz", type=float, default=0.0,
                    help="resultSizeEstimate off by up to this share (Google's is an estimate)")
    ap.add_argument("--json-escape", action="store_true",
                    help="escape = < > & ' in JSON strings as \\u00XX, as some Google front ends do")
    ap.add_argument("--warm", action="store_true", help="build every message's bytes before reporting ready")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    policies.VERBOSE = args.verbose
    box = mailstore.Mailbox(args.messages, args.seed, args.email)
    if args.warm:
        for m in box.all_messages():
            box.raw(m)
    api = Api(box, args)
    if args.latency_ms:
        api.faults.add({"latencyMs": args.latency_ms})
    Handler.api = api
    server = Server(("127.0.0.1", args.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    total, threads, hid = box.profile()
    print(json.dumps({"ready": True, "port": server.server_address[1], "pid": os.getpid(),
                      "email": box.email, "messages": total, "threads": threads, "historyId": str(hid),
                      "startupMs": int((time.monotonic() - t0) * 1000)}), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        api.faults.clear()
        api.strand_release.set()
        server.server_close()


if __name__ == "__main__":
    main()
