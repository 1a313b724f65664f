#!/usr/bin/python3
"""Writes the seed corpora of fuzz_gmailjson and fuzz_oauthbody (the answers these parsers meet, in each target's
input format: status index byte [, content-type index byte], body) and of fuzz_mime (messages from the Gmail test
server's generator). usage: seeds.py OUT_DIR"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gmail-server"))
import mailstore  # noqa: E402  (the generator of the Gmail test server)

MIME_SEEDS = 40
MIME_SEED_MAX_BYTES = 16384

GMAIL_STATUSES = [200, 204, 400, 401, 403, 404, 429, 500, 503]
OAUTH_STATUSES = [200, 302, 400, 401, 403, 429, 500, 503]
JSON, HTML, TEXT, NONE = 0, 1, 2, 3


def google_error(code, reason, status, message, domain="global"):
    return {"error": {"code": code, "message": message,
                      "errors": [{"message": message, "domain": domain, "reason": reason}], "status": status}}


def b64url(data, pad=True):
    s = base64.urlsafe_b64encode(data).decode()
    return s if pad else s.rstrip("=")


RAW = b"From: Ann <ann@example.org>\r\nSubject: =?UTF-8?B?WsO8cmljaA==?=\r\n\r\nHello\r\n"
GMAIL = [
    (200, {"emailAddress": "ann@example.org", "messagesTotal": 3, "threadsTotal": 2, "historyId": "1234"}),
    (200, {"labels": [{"id": "INBOX", "name": "INBOX", "type": "system"},
                      {"id": "Label_1", "name": "Projects/Zürich", "type": "user",
                       "messageListVisibility": "show", "labelListVisibility": "labelShow"}]}),
    (200, {"messages": [{"id": "18c0a1b2c3d4e5f6", "threadId": "18c0a1b2c3d4e5f6"}],
           "nextPageToken": "00000000000000000100", "resultSizeEstimate": 201}),
    (200, {"resultSizeEstimate": 0}),
    (200, {"id": "18c0a1b2c3d4e5f6", "threadId": "18c0a1b2c3d4e5f6", "labelIds": ["INBOX", "UNREAD"],
           "snippet": "Hello", "sizeEstimate": len(RAW), "raw": b64url(RAW), "historyId": "1240",
           "internalDate": "1718000000000"}),
    (200, {"history": [{"id": "1241", "messages": [{"id": "a1", "threadId": "a1"}],
                        "messagesAdded": [{"message": {"id": "a1", "threadId": "a1", "labelIds": ["INBOX"]}}],
                        "labelsRemoved": [{"message": {"id": "a0", "threadId": "a0"}, "labelIds": ["UNREAD"]}]}],
           "nextPageToken": "00000000000000000002", "historyId": "1250"}),
    (200, {"historyId": 1250}),
    (401, google_error(401, "authError", "UNAUTHENTICATED", "Invalid Credentials")),
    (403, google_error(403, "userRateLimitExceeded", "PERMISSION_DENIED", "User Rate Limit Exceeded", "usageLimits")),
    (403, google_error(403, "dailyLimitExceeded", "PERMISSION_DENIED", "Daily Limit Exceeded", "usageLimits")),
    (429, google_error(429, "rateLimitExceeded", "RESOURCE_EXHAUSTED", "Resource has been exhausted")),
    (404, google_error(404, "notFound", "NOT_FOUND", "Requested entity was not found.")),
    (500, google_error(500, "backendError", "INTERNAL", "Backend Error")),
]
OAUTH = [
    (200, JSON, {"access_token": "ya29.a0", "expires_in": 3599, "token_type": "Bearer",
                 "scope": "https://www.googleapis.com/auth/gmail.readonly openid",
                 "id_token": "eyJhbGciOiJSUzI1NiJ9." + b64url(json.dumps({"email": "ann@example.org"}).encode(),
                                                             pad=False) + ".c2ln",
                 "refresh_token": "1//0g"}),
    (200, JSON, {"access_token": "x", "token_type": "mac"}),
    (400, JSON, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}),
    (401, JSON, {"error": "invalid_client", "error_description": "The OAuth client was not found."}),
    (400, JSON, {"error": "unauthorized_client", "error_description": "Unauthorized"}),
    (400, JSON, {"error": "invalid_scope"}),
    (429, JSON, {"error": "rate_limit_exceeded"}),
    (503, TEXT, "Service Unavailable"),
    (200, HTML, "<!DOCTYPE html><html><head><title>Hotel Wi-Fi</title></head><body>Log in</body></html>"),
    (302, NONE, ""),
]


def write(folder, name, head, body):
    data = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, indent=2)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(bytes(head) + data.encode())


def main():
    out = sys.argv[1]
    for name in ("gmailjson", "oauthbody", "mime"):
        os.makedirs(os.path.join(out, name), exist_ok=True)
    for i, (status, body) in enumerate(GMAIL):
        write(os.path.join(out, "gmailjson"), f"seed{i:02}", [GMAIL_STATUSES.index(status)], body)
    for i, (status, ctype, body) in enumerate(OAUTH):
        write(os.path.join(out, "oauthbody"), f"seed{i:02}", [OAUTH_STATUSES.index(status), ctype], body)
    box = mailstore.Mailbox(MIME_SEEDS, 3, "ann@example.org")
    for i, m in enumerate(box.all_messages()):
        with open(os.path.join(out, "mime", f"seed{i:02}"), "wb") as f:
            f.write(box.raw(m)[:MIME_SEED_MAX_BYTES])  # a cut attachment is fine: short seeds mutate faster


if __name__ == "__main__":
    main()
