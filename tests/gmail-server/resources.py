"""Google's formats for the fake Gmail server: error bodies, Message/History/Label resources, base64url,
partial responses (`fields`). Shapes follow the Gmail API v1 reference; see README.md for the sources.
"""
import base64
import email
import email.header
import email.policy

STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
          409: "ABORTED", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 501: "UNIMPLEMENTED",
          502: "UNKNOWN", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED"}
# reason -> (default HTTP code, domain, message), as Google's error bodies carry them.
REASONS = {
    "backendError": (500, "global", "Backend Error"),
    "rateLimitExceeded": (429, "global", "Resource has been exhausted (e.g. check quota)."),
    "userRateLimitExceeded": (403, "usageLimits", "User Rate Limit Exceeded"),
    "dailyLimitExceeded": (403, "usageLimits", "Daily Limit Exceeded"),
    "notFound": (404, "global", "Requested entity was not found."),
    "authError": (401, "global", "Invalid Credentials"),
    "invalidArgument": (400, "global", "Invalid argument"),
    "invalid": (400, "global", "Invalid value"),
    "badRequest": (400, "global", "Bad Request"),
    "failedPrecondition": (400, "global", "Precondition check failed."),
    "forbidden": (403, "global", "Forbidden"),
}
AUTH_MESSAGE = ("Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
                "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.")
MISSING_AUTH_MESSAGE = ("Request is missing required authentication credential. Expected OAuth 2 access token, login "
                        "cookie or other valid authentication credential. See "
                        "https://developers.google.com/identity/sign-in/web/devconsole-project.")
WWW_AUTH_REALM = 'Bearer realm="https://accounts.google.com/"'
CAPTIVE_PORTAL = (b"<!DOCTYPE html><html><head><title>Welcome to Airport Wi-Fi</title></head><body>"
                  b"<h1>Welcome!</h1><p>Please accept the terms of use to continue.</p>"
                  b'<form method="post" action="/login"><button>Connect</button></form></body></html>\n')


def not_found_page(path):
    return ("<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n"
            "  <p><b>404.</b> <ins>That\u2019s an error.</ins>\n  <p>The requested URL <code>%s</code> was not found on "
            "this server.  <ins>That\u2019s all we know.</ins>\n" % path.replace("<", "&lt;")).encode("utf-8")


def error_body(code, reason, message=None, domain=None, extra=None):
    dcode, ddomain, dmessage = REASONS.get(reason, (code, "global", "Error"))
    if reason == "rateLimitExceeded" and code == 403:
        ddomain, dmessage = "usageLimits", "Rate Limit Exceeded"
    if reason == "backendError" and code == 503:
        dmessage = "The service is currently unavailable."
    msg = message or dmessage
    item = {"message": msg, "domain": domain or ddomain, "reason": reason}
    item.update(extra or {})
    return {"error": {"code": code, "message": msg, "errors": [item], "status": STATUS.get(code, "UNKNOWN")}}


class ApiError(Exception):
    def __init__(self, code, reason, message=None, headers=None, extra=None, top_message=None):
        super().__init__(message or reason)
        self.code, self.body, self.headers = code, error_body(code, reason, message, extra=extra), headers or {}
        if top_message:
            self.body["error"]["message"] = top_message


def b64url(data, pad=True):
    s = base64.urlsafe_b64encode(data).decode("ascii")
    return s if pad else s.rstrip("=")


# ---- partial responses (the `fields` parameter) ------------------------------------------------
def parse_fields(spec):
    """'id,messages(id,threadId),payload/headers' -> {'id': None, 'messages': {...}, 'payload': {'headers': None}}"""
    pos = 0

    def parse_list():
        nonlocal pos
        out = {}
        while pos < len(spec):
            start = pos
            while pos < len(spec) and spec[pos] not in ",()":
                pos += 1
            path = spec[start:pos].strip()
            sub = None
            if pos < len(spec) and spec[pos] == "(":
                pos += 1
                sub = parse_list()
                pos += 1  # ')'
            if path:
                node = out
                keys = path.split("/")
                for k in keys[:-1]:
                    if k in node and node[k] is None:
                        node = None  # the whole field is already wanted
                        break
                    node = node.setdefault(k, {})
                if node is not None:
                    node[keys[-1]] = sub
            if pos < len(spec) and spec[pos] == ",":
                pos += 1
            elif pos < len(spec) and spec[pos] == ")":
                return out
        return out

    return parse_list()


def apply_fields(obj, spec):
    if spec is None:
        return obj
    if isinstance(obj, list):
        return [apply_fields(o, spec) for o in obj]
    if isinstance(obj, dict):
        return {k: apply_fields(v, spec[k]) for k, v in obj.items() if k in spec}
    return obj


# ---- message resources ----------------------------------------------------------------------
def _decode_header(value):
    value = value.replace("\r\n", "").replace("\n", "")
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except Exception:
        return value


def message_headers(raw, wanted=None):
    msg = email.message_from_bytes(raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n", policy=email.policy.compat32)
    want = {w.lower() for w in wanted} if wanted else None
    return [{"name": k, "value": _decode_header(v)} for k, v in msg.items() if want is None or k.lower() in want]


def attachment_id(msg_id, part_id):
    return "ANGjdJ" + b64url(("%s:%s" % (msg_id, part_id)).encode(), pad=False)


def payload_of(msg_id, raw):
    """format=full: the MIME tree as Gmail describes it (part ids "", "0", "0.1", ...)."""
    root = email.message_from_bytes(raw, policy=email.policy.compat32)

    def walk(part, pid):
        filename = part.get_filename() or ""
        node = {"partId": pid, "mimeType": part.get_content_type(), "filename": _decode_header(filename),
                "headers": [{"name": k, "value": _decode_header(v)} for k, v in part.items()]}
        if part.is_multipart():
            node["body"] = {"size": 0}
            node["parts"] = [walk(sub, ("%s.%d" % (pid, i)) if pid else str(i))
                             for i, sub in enumerate(part.get_payload())]
        else:
            data = part.get_payload(decode=True) or b""
            if filename or not part.get_content_maintype() == "text":
                node["body"] = {"attachmentId": attachment_id(msg_id, pid), "size": len(data)}
            else:
                node["body"] = {"size": len(data), "data": b64url(data, pad=False)} if data else {"size": 0}
        return node

    return walk(root, "")


def find_part(raw, part_id):
    part = email.message_from_bytes(raw, policy=email.policy.compat32)
    if part_id:
        for idx in part_id.split("."):
            if not part.is_multipart():
                return None
            subs = part.get_payload()
            if int(idx) >= len(subs):
                return None
            part = subs[int(idx)]
    return part


def message_resource(box, msg, fmt, metadata_headers=None):
    out = {"id": msg.id, "threadId": msg.thread_id}
    if msg.labels:
        out["labelIds"] = list(msg.labels)
    raw = box.raw(msg)
    out["snippet"] = msg.snippet or ""
    if fmt == "metadata":
        out["payload"] = {"partId": "", "mimeType": _top_type(raw), "filename": "",
                          "headers": message_headers(raw, metadata_headers)}
    elif fmt == "full":
        out["payload"] = payload_of(msg.id, raw)
    out["sizeEstimate"] = len(raw)
    if fmt == "raw":
        out["raw"] = b64url(raw)
    out["historyId"] = str(msg.history_id)
    out["internalDate"] = str(msg.internal_ms)
    return out


def _top_type(raw):
    for h in message_headers(raw, ["Content-Type"]):
        return h["value"].split(";")[0].strip().lower()
    return "text/plain"


def history_resource(records):
    out = []
    for hid, entries in records:
        rec = {"id": str(hid)}
        seen, msgs = set(), []
        for e in entries:
            if e[1] not in seen:
                seen.add(e[1])
                msgs.append({"id": e[1], "threadId": e[2]})
        rec["messages"] = msgs
        for kind, field in (("messageAdded", "messagesAdded"), ("messageDeleted", "messagesDeleted"),
                            ("labelAdded", "labelsAdded"), ("labelRemoved", "labelsRemoved")):
            items = []
            for e in entries:
                if e[0] != kind:
                    continue
                m = {"id": e[1], "threadId": e[2]}
                if e[3]:
                    m["labelIds"] = list(e[3])
                item = {"message": m}
                if kind in ("labelAdded", "labelRemoved"):
                    item["labelIds"] = list(e[4])
                items.append(item)
            if items:
                rec[field] = items
        out.append(rec)
    return out


def label_resource(lab):
    out = {"id": lab["id"], "name": lab["name"]}
    if lab.get("mlv"):
        out["messageListVisibility"] = lab["mlv"]
    if lab.get("llv"):
        out["labelListVisibility"] = lab["llv"]
    out["type"] = lab["type"]
    return out
