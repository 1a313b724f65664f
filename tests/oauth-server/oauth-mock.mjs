// A real OAuth 2.0 server for vaulttray's tests: npm oauth2-mock-server (pinned in package.json) on 127.0.0.1,
// made to answer the way Google's token endpoint does where vaulttray depends on it.
//
//   node oauth-mock.mjs [PORT]        PORT 0 (the default) picks a free port; prints {"ready":true,"port":N,...}
//
// Environment: OAUTH_MOCK_CLIENT_ID, OAUTH_MOCK_CLIENT_SECRET — the one registered "Desktop app" client.
//
// What the wrapper adds to the library (whose authorize/token/PKCE code runs unchanged):
// * Google's strictness at POST /token, which the library does not have: the client id and secret are checked
//   (401 invalid_client), an authorization code is single-use and must have been issued (invalid_grant), its
//   redirect_uri must match the one authorized (redirect_uri_mismatch), a code issued with a code_challenge needs
//   a code_verifier (invalid_grant; a wrong verifier is refused by the library itself), and a refresh token must
//   be one this server issued and not revoked (invalid_grant).
// * Google's refresh answers: no new refresh_token unless rotation is switched on (then the old one dies).
// * Tokens carry `email` = the account signed in (login_hint, or /__control/next-user: the person picked another
//   account in the browser); `scope` echoes what was authorized.
// * POST /introspect-jwt: RFC 7662 introspection that verifies the JWT (for IMAP XOAUTH2 tests with Dovecot; the
//   library's /introspect always answers active and cannot read form bodies).
// * /__control/...: forced refresh failures, slow refreshes, rotation, revocation, stats, reset (see `control`).
// It never prints a token, a code or the client secret: test runs grep their output for them.
import { OAuth2Server } from 'oauth2-mock-server';
import { jwtVerify, createLocalJWKSet } from 'jose';
import http from 'node:http';

const PORT = Number(process.argv[2] ?? 0);
const HOST = '127.0.0.1';
const CLIENT_ID = process.env.OAUTH_MOCK_CLIENT_ID ?? 'vaulttray-test.apps.googleusercontent.com';
const CLIENT_SECRET = process.env.OAUTH_MOCK_CLIENT_SECRET ?? 'vaulttray-test-client-secret';
const DEFAULT_USER = 'alice@example.org';
const TOKEN_PATH = '/token';
const MAX_BODY_BYTES = 64 * 1024;

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
const svc = server.service;

// --- what Google would remember ----------------------------------------------------------------------------
const codes = new Map();         // authorization code -> { user, scope, redirectUri, clientId, hasChallenge }
const refreshGrants = new Map(); // refresh token -> { user, scope }
const revokedAccess = new Set(); // access tokens /introspect-jwt reports inactive
const forcedRefreshFailures = [];
let rotateRefreshTokens = false;
let nextUser = null;
let refreshDelayMs = 0;
let stats = freshStats();

function freshStats() {
  return { token: {}, authorize: 0, lastAuthorize: null, refreshTokensIssued: 0 };
}

function log(line) {
  console.error(`[oauth-mock] ${line}`);
}

// --- hooks: the library's documented customisation API ------------------------------------------------------
svc.on('beforeAuthorizeRedirect', (redirect, req) => {
  const q = new URL(req.url, 'http://x').searchParams;
  const code = redirect.url.searchParams.get('code');
  stats.authorize += 1;
  // What reached the server, for tests to check the client's request; never the state or the challenge itself.
  stats.lastAuthorize = {
    response_type: q.get('response_type'), client_id: q.get('client_id'), redirect_uri: q.get('redirect_uri'),
    scope: q.get('scope'), access_type: q.get('access_type'), prompt: q.get('prompt'),
    login_hint: q.get('login_hint'), code_challenge_method: q.get('code_challenge_method'),
    has_code_challenge: q.has('code_challenge'), has_state: q.has('state'),
  };
  if (!code) return;
  codes.set(code, {
    user: nextUser ?? q.get('login_hint') ?? DEFAULT_USER,
    scope: q.get('scope') ?? '',
    redirectUri: q.get('redirect_uri'),
    clientId: q.get('client_id'),
    hasChallenge: q.has('code_challenge'),
  });
  nextUser = null;
});

svc.on('beforeTokenSigning', (token, req) => {
  const grant = req.vaulttrayGrant;
  if (!grant) return;
  token.payload.email = grant.user;
  token.payload.email_verified = true;
  token.payload.preferred_username = grant.user;
  token.payload.sub = grant.user;
  token.payload.scope = grant.scope;
});

svc.on('beforeResponse', (resp, req) => {
  const body = req.body ?? {};
  const grant = req.vaulttrayGrant;
  if (resp.statusCode !== 200 || !grant) return;
  resp.body.scope = grant.scope;
  if (body.grant_type === 'refresh_token') {
    if (rotateRefreshTokens) {
      refreshGrants.delete(body.refresh_token);
    } else {
      delete resp.body.refresh_token; // Google keeps the refresh token it issued at sign-in
    }
  }
  if (resp.body.refresh_token) {
    refreshGrants.set(resp.body.refresh_token, { user: grant.user, scope: grant.scope });
    stats.refreshTokensIssued += 1;
  }
});

// --- the token endpoint's Google-like front --------------------------------------------------------------
function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > MAX_BODY_BYTES) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function sendJson(res, status, obj, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(obj));
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function clientCredentials(req, body) {
  const auth = req.headers.authorization ?? '';
  if (auth.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: body.client_id ?? '', secret: body.client_secret ?? '' };
}

// Answers a forced failure; true when it did.
function answerForcedFailure(res) {
  const failure = forcedRefreshFailures.shift();
  if (!failure) return false;
  log(`token: forced failure ${failure.kind}`);
  switch (failure.kind) {
    case 'invalid_grant':
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      break;
    case 'invalid_client':
      sendJson(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
      break;
    case 'unauthorized_client':
      sendJson(res, 400, { error: 'unauthorized_client', error_description: 'Unauthorized' });
      break;
    case 'http500': // Google's front end answers some 5xx with its own HTML page
      sendHtml(res, 500, '<!DOCTYPE html><html lang=en><title>Error 500 (Server Error)!!1</title>' +
                         '<p><b>500.</b> That’s an error.</p></html>');
      break;
    case 'http503':
      sendJson(res, 503, { error: 'temporarily_unavailable', error_description: 'Try again later.' },
               { 'retry-after': String(failure.retryAfter) });
      break;
    case 'html200': // a captive portal intercepting the request
      sendHtml(res, 200, '<html><head><title>Welcome to CoffeeShop Wi-Fi</title></head>' +
                         '<body><form action="/accept">Accept the terms to continue</form></body></html>');
      break;
    default:
      sendJson(res, 500, { error: 'server_error', error_description: `unknown forced failure ${failure.kind}` });
  }
  return true;
}

// Checks what the library does not; answers and returns false when the request is refused. Otherwise leaves
// req.body parsed (body-parser skips a request whose body was read) and req.vaulttrayGrant for the hooks.
async function googleTokenChecks(req, res) {
  const body = Object.fromEntries(new URLSearchParams(await readBody(req)));
  req.body = body;
  const grantType = body.grant_type ?? '(none)';
  stats.token[grantType] = (stats.token[grantType] ?? 0) + 1;

  if (grantType === 'refresh_token' && refreshDelayMs > 0) await new Promise((r) => setTimeout(r, refreshDelayMs));
  if (grantType === 'refresh_token' && answerForcedFailure(res)) return false;

  const client = clientCredentials(req, body);
  if (client.id !== CLIENT_ID) {
    log(`token: ${grantType} -> 401 invalid_client (unknown client id)`);
    sendJson(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    return false;
  }
  if (client.secret !== CLIENT_SECRET) {
    log(`token: ${grantType} -> 401 invalid_client (wrong secret)`);
    sendJson(res, 401, { error: 'invalid_client', error_description: 'Unauthorized' });
    return false;
  }
  if (grantType === 'authorization_code') {
    const issued = codes.get(body.code ?? '');
    codes.delete(body.code ?? ''); // single use, also when the exchange fails
    if (!issued || issued.clientId !== client.id) {
      log('token: authorization_code -> 400 invalid_grant (unknown or used code)');
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
      return false;
    }
    if (body.redirect_uri !== issued.redirectUri) {
      log('token: authorization_code -> 400 redirect_uri_mismatch');
      sendJson(res, 400, { error: 'redirect_uri_mismatch', error_description: 'Bad Request' });
      return false;
    }
    if (issued.hasChallenge && !body.code_verifier) {
      log('token: authorization_code -> 400 invalid_grant (missing code verifier)');
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'Missing code verifier.' });
      return false;
    }
    req.vaulttrayGrant = { user: issued.user, scope: issued.scope };
  } else if (grantType === 'refresh_token') {
    const grant = refreshGrants.get(body.refresh_token ?? '');
    if (!grant) {
      log('token: refresh_token -> 400 invalid_grant (unknown or revoked refresh token)');
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return false;
    }
    req.vaulttrayGrant = grant;
  }
  log(`token: ${grantType} -> handed to the library`);
  return true;
}

// --- test controls ---------------------------------------------------------------------------------------
const FAILURE_KINDS = ['invalid_grant', 'invalid_client', 'unauthorized_client', 'http500', 'http503', 'html200'];

function control(req, res, url) {
  const p = url.searchParams;
  switch (url.pathname) {
    case '/__control/fail-next-refresh': { // ?with=KIND[&retry_after=SECONDS]
      const kind = p.get('with') ?? 'invalid_grant';
      if (!FAILURE_KINDS.includes(kind)) return sendJson(res, 400, { error: `unknown failure ${kind}` });
      forcedRefreshFailures.push({ kind, retryAfter: Number(p.get('retry_after') ?? 30) });
      return sendJson(res, 200, { ok: true, queued: forcedRefreshFailures.length });
    }
    case '/__control/rotation': // ?enabled=true|false
      rotateRefreshTokens = p.get('enabled') === 'true';
      return sendJson(res, 200, { ok: true, rotation: rotateRefreshTokens });
    case '/__control/delay-refresh': // ?ms=N  answer refreshes N ms late (counted in stats on arrival)
      refreshDelayMs = Number(p.get('ms') ?? 0);
      return sendJson(res, 200, { ok: true, delay: refreshDelayMs });
    case '/__control/next-user': // ?email=...  the next sign-in is by this account, whatever the login_hint
      nextUser = p.get('email');
      return sendJson(res, 200, { ok: true });
    case '/__control/revoke': { // ?token=...  an access token (introspection) or a refresh token (invalid_grant)
      const token = p.get('token') ?? '';
      revokedAccess.add(token);
      refreshGrants.delete(token);
      return sendJson(res, 200, { ok: true });
    }
    case '/__control/stats':
      return sendJson(res, 200, stats);
    case '/__control/reset':
      forcedRefreshFailures.length = 0;
      rotateRefreshTokens = false;
      nextUser = null;
      refreshDelayMs = 0;
      stats = freshStats();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: 'unknown control' });
  }
}

async function introspect(req, res) {
  const token = new URLSearchParams(await readBody(req)).get('token') ?? '';
  if (revokedAccess.has(token)) return sendJson(res, 200, { active: false });
  try {
    const jwks = createLocalJWKSet({ keys: server.issuer.keys.toJSON() });
    const { payload } = await jwtVerify(token, jwks, { issuer: server.issuer.url });
    log('introspect-jwt: active');
    return sendJson(res, 200, { active: true, token_type: 'Bearer', ...payload, username: payload.preferred_username });
  } catch (e) {
    log(`introspect-jwt: inactive (${e.code ?? 'invalid'})`);
    return sendJson(res, 200, { active: false });
  }
}

const httpServer = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${HOST}`);
  try {
    if (url.pathname.startsWith('/__control/')) return control(req, res, url);
    if (req.method === 'POST' && url.pathname === '/introspect-jwt') return await introspect(req, res);
    if (req.method === 'POST' && url.pathname === TOKEN_PATH && !(await googleTokenChecks(req, res))) return;
    svc.requestHandler(req, res); // everything else: the library's express app
  } catch (e) {
    log(`internal error: ${e.message}`);
    if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
  }
});

httpServer.listen(PORT, HOST, () => {
  const port = httpServer.address().port;
  // OAuth2Server.start() would name the issuer http://localhost:PORT; pin it to the address actually bound.
  server.issuer.url = `http://${HOST}:${port}`;
  console.log(JSON.stringify({ ready: true, pid: process.pid, port, issuer: server.issuer.url }));
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => httpServer.close(() => process.exit(0)));
