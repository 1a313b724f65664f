"""What the fake Gmail server enforces and injects: the per-user quota (a token bucket in Gmail's quota
units), bearer-token checks (registered tokens or RFC 7662 introspection), test-injected faults, and the
statistics that tests and benchmarks read back.
"""
import json
import random
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter, deque

from mailstore import BadRequest

QUOTA_WINDOW_S = 1.0
INTROSPECT_TIMEOUT_S = 5
VERBOSE = False


def log(text):
    if VERBOSE:
        sys.stderr.write("[gmail-fake] %s\n" % text)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.requests, self.statuses = Counter(), Counter()
            self.units = 0
            self.rate_limited_429 = self.rate_limited_403 = self.unauthenticated = 0
            self.window, self.window_sum, self.max_window = deque(), 0, 0
            self.get_calls = self.get_served = 0
            self.in_flight = self.max_in_flight = 0
            self.faults = self.introspections = 0
            self.bytes_sent = 0
            self.stranded = 0
            self.started = time.monotonic()

    def begin(self):
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def end(self):
        with self.lock:
            self.in_flight -= 1

    def consumed(self, units, now):
        with self.lock:
            self.units += units
            self.window.append((now, units))
            self.window_sum += units
            while self.window and self.window[0][0] <= now - QUOTA_WINDOW_S:
                self.window_sum -= self.window.popleft()[1]
            self.max_window = max(self.max_window, self.window_sum)

    def snapshot(self):
        with self.lock:
            return {"requests": dict(self.requests), "requestsTotal": sum(self.requests.values()),
                    "responsesByStatus": {str(k): v for k, v in sorted(self.statuses.items())},
                    "unitsConsumed": self.units, "rateLimited429": self.rate_limited_429,
                    "rateLimited403": self.rate_limited_403, "maxUnitsInAnySecond": self.max_window,
                    "messagesGetCalls": self.get_calls, "messagesGetServed": self.get_served,
                    "unauthenticated": self.unauthenticated, "inFlight": self.in_flight,
                    "maxInFlight": self.max_in_flight, "faultsInjected": self.faults,
                    "introspectionCalls": self.introspections, "bytesSent": self.bytes_sent,
                    "strandedRequests": self.stranded,
                    "sinceResetMs": int((time.monotonic() - self.started) * 1000)}


class Quota:
    """Per-user token bucket in Gmail quota units: `rate` units/s, bursts up to `burst` units."""

    def __init__(self, rate, burst, forbidden_share, seed, stats):
        self.lock = threading.Lock()
        self.rng = random.Random(seed)
        self.stats = stats  # told of every accepted request under this lock, with the bucket's own clock
        self.configure(rate, burst, forbidden_share)

    def configure(self, rate=None, burst=None, forbidden_share=None):
        with self.lock:
            if rate is not None:
                self.rate = float(rate)
                self.burst = float(rate)  # one second's worth unless given
            if burst is not None:
                self.burst = float(burst)
            if forbidden_share is not None:
                self.forbidden_share = float(forbidden_share)
            self.buckets = {}

    def state(self):
        with self.lock:
            return {"unitsPerSecond": self.rate, "burst": self.burst, "forbiddenShare": self.forbidden_share,
                    "enabled": self.rate > 0}

    def take(self, user, cost):
        """0 if the request may go on, else the seconds until it could, and whether to answer 403."""
        with self.lock:
            now = time.monotonic()
            if self.rate <= 0:
                self.stats.consumed(cost, now)
                return 0.0, False
            tokens, last = self.buckets.get(user, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= cost:
                self.buckets[user] = (tokens - cost, now)
                self.stats.consumed(cost, now)
                return 0.0, False
            self.buckets[user] = (tokens, now)
            return (cost - tokens) / self.rate, self.rng.random() < self.forbidden_share


class Auth:
    def __init__(self, tokens, introspect_url, stats, cache_s=None):
        self.lock = threading.Lock()
        self.tokens = set(tokens)
        self.url = introspect_url
        self.cache = {}  # token -> expiry (epoch s) or None, for positive introspection answers
        self.cache_s = cache_s  # None: until the token's exp; 0: ask every time
        self.stats = stats

    def register(self, tokens):
        with self.lock:
            self.tokens.update(tokens)
            return len(self.tokens)

    def revoke(self, tokens):
        with self.lock:
            for t in tokens:
                self.tokens.discard(t)
                self.cache.pop(t, None)

    def valid(self, token):
        with self.lock:
            if token in self.tokens:
                return True
            if token in self.cache:
                exp = self.cache[token]
                if exp is None or exp > time.time():
                    return True
                del self.cache[token]
        if not self.url:
            return False
        with self.stats.lock:
            self.stats.introspections += 1
        try:
            req = urllib.request.Request(self.url, data=urllib.parse.urlencode({"token": token}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "application/json"})
            with urllib.request.urlopen(req, timeout=INTROSPECT_TIMEOUT_S) as resp:
                answer = json.loads(resp.read() or b"{}")
        except Exception as e:  # an unreachable introspection endpoint means "not valid", as a resource server would
            log("introspection failed: %s" % e)
            return False
        if answer.get("active") is True:
            exp = answer.get("exp")
            until = float(exp) if isinstance(exp, (int, float)) else None
            if self.cache_s is not None:
                until = min(until or float("inf"), time.time() + self.cache_s)
            if self.cache_s != 0:
                with self.lock:
                    self.cache[token] = until
            return True
        return False


class Faults:
    """Rules injected by tests. A rule with only latencyMs adds latency; others answer in their own way."""
    TERMINAL = ("status", "html", "reset", "stall", "truncate", "badRaw")

    def __init__(self, stats):
        self.lock = threading.Lock()
        self.rules = []
        self.next_id = 1
        self.release = threading.Event()
        self.stats = stats

    def add(self, rule):
        if not isinstance(rule, dict):
            raise BadRequest("a fault rule is a JSON object")
        rule = dict(rule)
        rule.setdefault("method", "*")
        if not any(k in rule for k in self.TERMINAL) and "latencyMs" not in rule:
            raise BadRequest("a fault rule needs status, html, reset, stall, truncate, badRaw or latencyMs")
        if "status" in rule:
            rule.setdefault("reason", {429: "rateLimitExceeded", 401: "authError", 404: "notFound",
                                       403: "userRateLimitExceeded"}.get(int(rule["status"]), "backendError"))
        rule["remaining"] = rule.get("count")
        rule["skip"] = int(rule.get("after", 0))
        rule["fired"] = 0
        with self.lock:
            if self._latency_only(rule) and rule["remaining"] is None:
                # A standing latency for a method replaces the previous one (so {"latencyMs":0} turns it off).
                self.rules = [r for r in self.rules if not (self._latency_only(r) and r["remaining"] is None
                                                            and r["method"] == rule["method"])]
            rule["id"] = self.next_id
            self.next_id += 1
            self.rules.append(rule)
        return self.public(rule)

    @staticmethod
    def _latency_only(rule):
        return not any(k in rule for k in Faults.TERMINAL)

    @staticmethod
    def public(rule):
        return {k: v for k, v in rule.items() if k != "skip"}

    def list(self):
        with self.lock:
            return [self.public(r) for r in self.rules]

    def clear(self):
        with self.lock:
            self.rules = []
            self.release.set()
            self.release = threading.Event()

    @staticmethod
    def _matches(rule, method, message_id):
        m = rule["method"]
        if m != "*" and m != method and not (m.endswith(".*") and method.startswith(m[:-1])):
            return False
        return rule.get("messageId") in (None, message_id)

    def pick(self, method, message_id, phase):
        """phase 'network': (latency ms, rule for html/reset/stall/truncate or None); 'status': rule or None."""
        latency, chosen = 0.0, None
        with self.lock:
            for rule in self.rules:
                if rule["remaining"] == 0 or not self._matches(rule, method, message_id):
                    continue
                lat_only = self._latency_only(rule)
                if phase == "network" and lat_only:
                    if rule["skip"] > 0:
                        rule["skip"] -= 1
                        continue
                    latency += float(rule["latencyMs"]) + random.random() * float(rule.get("jitterMs", 0))
                    self._fire(rule)
                    continue
                is_status = "status" in rule
                if lat_only or chosen is not None or is_status != (phase == "status"):
                    continue
                if rule["skip"] > 0:
                    rule["skip"] -= 1
                    continue
                chosen = rule
                self._fire(rule)
                if "latencyMs" in rule:
                    latency += float(rule["latencyMs"])
            release = self.release
        if chosen is not None:
            with self.stats.lock:
                self.stats.faults += 1
        return latency, chosen, release

    @staticmethod
    def _fire(rule):
        rule["fired"] += 1
        if rule["remaining"] is not None:
            rule["remaining"] -= 1
