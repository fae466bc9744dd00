import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiError, Envelope } from '../../../contract/envelope';
import type { LineEventName, LineEvents, LineEventsPath } from '../../../contract/live';
import type { Caller, CoreDeps } from '../../core/deps';
import { dispatch } from '../../core/dispatch';
import { actions, bodyLimitFor } from '../../core/registry';
import { httpStatus, INTERNAL_MESSAGE } from '../../core/errors';
import { BODY_LIMIT, PAYLOAD_TOO_LARGE_MESSAGE } from '../../core/limits';
import { describeEvenings } from '../../core/kernel/schedule';
import { checkInPath } from '../../core/notice/service';
import { board } from '../../core/queue/service';
import { sessionIdentity } from '../../core/session';
import { ids } from '../../core/validation';
import type { LiveBus } from './live';
import { MEDIA_TYPES, type LocalMedia } from './media';
import { posterHtml, qrPng, entryUrl } from './qr';
import { cookieValue, newUserId, sessionCookies } from './session-cookie';

export interface LocalAppOptions {
  deps: CoreDeps;
  cookieSecret: string;
  /** The built H5 app (dist-h5); when missing, `/` explains how to build it. */
  h5Dir: string;
  /**
   * Base URL phones use to reach this host, for QR codes and the Secure cookie (https). Unset: the
   * address the host listens on, never the request's Host header; a poster of a host listening on
   * every interface (0.0.0.0) then asks for PUBLIC_URL instead.
   */
  publicUrl?: string;
  logErrors?: boolean;
  /**
   * Requests per identity (or IP) per minute on /api; false turns the limiters off (bench, load
   * tests), the per-address ceiling on new identities included.
   */
  rateLimit?: number | false;
  /** Where live line states and alerts flow; the same object is the core's publisher and notifier. */
  live: LiveBus;
  /** Cover images under DATA_DIR, served at /media/<file>. */
  media?: LocalMedia;
  /** How long a request's headers and body may take to arrive (ms); slower ones get 408. */
  requestTimeoutMs?: number;
  /**
   * New browser identities one network address may mint per hour: a cookie costs nothing, so
   * without a ceiling per-person limits multiply with cookies. The service center's Wi-Fi is one
   * address for every resident there, hence generous.
   */
  identitiesPerHour?: number;
  /** Live streams (SSE) open at once, per identity (or address) and in all. */
  liveStreams?: { perCaller: number; total: number };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_IDENTITIES_PER_HOUR = 150;
/** A resident has a tab or two open, a service center a board and a desk or three. */
export const DEFAULT_LIVE_STREAMS = { perCaller: 6, total: 2_000 };

/** A comment line every so often keeps proxies and phones from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/** The live feed's endpoint, spelled once on this side (contract/live.ts names it). */
const LINE_EVENTS_PATH: LineEventsPath = '/api/queue/events';

/** Generous for a person (a page makes a handful of calls), tight for a runaway script. */
export const DEFAULT_RATE_LIMIT = 300;

const fail = (reply: FastifyReply, error: ApiError) => {
  const body: Envelope<never> = { ok: false, error };
  return reply.status(httpStatus[error.code]).send(body);
};

/** A QR code must not point at an address phones cannot reach, nor at one a request made up. */
const noPublicUrl = (reply: FastifyReply) =>
  reply
    .status(503)
    .type('text/plain; charset=utf-8')
    .send('二维码需要手机能打开的地址：请设置 PUBLIC_URL（例如 http://192.168.1.20:8080）后重启。');

/**
 * The page's rules: scripts only from this host (no inline script), styles inline too (the
 * components' own), images also as data: and blob: (QR codes drawn in the page), nothing may
 * frame any page (the TV board included), and no upgrade of http, which the service-center LAN
 * may be on.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Uploaded images are shown, never run: no script, no plugin, a sandbox around anything else. */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** The address the app listens on, as a URL; null before it listens or on every interface. */
function listenUrl(app: FastifyInstance): string | null {
  const address = app.server.address();
  if (!address || typeof address === 'string') return null;
  const host = address.address;
  if (host === '0.0.0.0' || host === '::') return null;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/** Open live streams per caller and in all: open() gives their release, or null past a cap. */
function streamCounter(caps: { perCaller: number; total: number }) {
  const open = new Map<string, number>();
  let total = 0;
  return {
    open(caller: string): (() => void) | null {
      const mine = open.get(caller) ?? 0;
      if (mine >= caps.perCaller || total >= caps.total) return null;
      open.set(caller, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (open.get(caller) ?? 1) - 1;
        if (left > 0) open.set(caller, left);
        else open.delete(caller);
      };
    },
  };
}

/**
 * Counts a body's bytes as they stream in (a chunked body has no content-length to trust) and
 * stops it past `limit` with the 413 the error handler answers in Chinese.
 */
function capped(limit: number, counted: (bytes: number) => void) {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      counted(bytes);
      if (bytes > limit) done(Object.assign(new Error('body too large'), { statusCode: 413 }));
      else done(null, chunk);
    },
  });
}

/** What a bare answer carries without helmet: not part of helmet's headers. */
const NOT_HELMETS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * helmet's headers for these options, computed once on a probe app: @fastify/helmet builds
 * helmet (and parses the CSP) again on every request, a cost each API call paid.
 */
async function helmetHeaders(https: boolean): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where the public address is https: on the LAN's http it would mean nothing.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    crossOriginEmbedderPolicy: false,
  });
  probe.get('/', async () => '');
  // A real request on the loopback (inject's request double does not load under the tests).
  const url = await probe.listen({ host: '127.0.0.1', port: 0 });
  try {
    const answer = await fetch(url);
    await answer.arrayBuffer();
    return [...answer.headers].filter(([name]) => !NOT_HELMETS.has(name));
  } finally {
    await probe.close();
  }
}

/**
 * helmet's headers that only a page needs (a document the browser lays out and runs scripts in),
 * left off the API's answers: data, which no browser runs and no page of ours opens as a document.
 */
const PAGE_ONLY = new Set([
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

/**
 * An API answer loads nothing and runs nothing, and no page may frame it, even opened on its
 * own (OWASP's REST Security Cheat Sheet: `frame-ancestors 'none'`, nosniff, DENY, no-store).
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every answer: helmet's on pages; on the API's, the ones that concern data
 * (CSP API_CSP, nosniff, DENY, same-origin resource policy, no referrer, HSTS where https) and
 * `no-store`. Every header costs each answer its writing and each client its parsing: a page gets
 * 11 (12 where https), an API answer 6 (7) (docs/performance.md, "Seventh pass").
 */
async function harden(app: FastifyInstance, https: boolean) {
  const page = await helmetHeaders(https);
  const api: Array<[string, string]> = [
    ['content-security-policy', API_CSP],
    ...page.filter(([name]) => !PAGE_ONLY.has(name)),
    // Answers carry personal data (tickets, phones, names): never kept by a browser or a proxy.
    ['cache-control', 'no-store'],
  ];
  app.addHook('onRequest', (request, reply, done) => {
    // Set here, not in an onSend hook: that was one more promise per answer.
    const headers = request.url.startsWith('/api/') ? api : page;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The host's limits, defaults filled in. */
const limitsOf = (options: LocalAppOptions) => ({
  requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  identitiesPerHour:
    options.rateLimit === false
      ? Number.MAX_SAFE_INTEGER
      : (options.identitiesPerHour ?? DEFAULT_IDENTITIES_PER_HOUR),
  liveStreams: options.liveStreams ?? DEFAULT_LIVE_STREAMS,
});

/** Parser, size and limiter errors: answered in the envelope, in Chinese, changing nothing. */
function answerError(
  error: { statusCode?: number; code?: string; mint?: boolean },
  reply: FastifyReply,
) {
  if (error.mint) {
    return fail(reply, {
      code: 'RATE_LIMITED',
      message: '这个网络这一小时新来的访客太多了，请稍后再试，或到服务台请社工帮忙取号',
    });
  }
  if (error.statusCode === 429) {
    return fail(reply, { code: 'RATE_LIMITED', message: '操作太频繁了，请稍等一分钟再试' });
  }
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return fail(reply, { code: 'PAYLOAD_TOO_LARGE', message: PAYLOAD_TOO_LARGE_MESSAGE });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return fail(reply, { code: 'BAD_INPUT', message: '请求格式不正确，应为 JSON' });
  }
  console.error('[bdb] local host error:', error);
  return fail(reply, { code: 'INTERNAL', message: INTERNAL_MESSAGE });
}

/** The local host: the H5 app and every registry action over HTTP, with the same core as the cloud. */
export async function buildLocalApp(options: LocalAppOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const log = options.logErrors === false ? () => undefined : undefined;
  // forceCloseConnections: open event streams must not keep a stopping host alive.
  const { requestTimeout, identitiesPerHour, liveStreams } = limitsOf(options);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    forceCloseConnections: true,
    requestTimeout,
    // Node takes these when the server is made (set later, the timeout never fires), and checks
    // every connectionsCheckingInterval (30 s by default).
    http: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: 1_000 },
  });
  const https = options.publicUrl?.startsWith('https:') ?? false;
  const baseUrl = () => (options.publicUrl ?? listenUrl(app))?.replace(/\/$/, '') ?? null;

  await harden(app, https);

  // The caller comes from the signed cookie: the user id and the session version it carries
  // (sign-out ends older versions). A forged, unreadable or missing cookie is no identity.
  const cookies = sessionCookies(options.cookieSecret);
  const callerOf = (request: FastifyRequest): Caller => cookies.sessionOf(request.headers.cookie);
  const userIdOf = (request: FastifyRequest): string | null => callerOf(request).userId;
  const setCookie = (
    reply: FastifyReply,
    userId: string,
    sessionVersion: number,
    secure: boolean,
  ) => reply.header('set-cookie', cookies.setCookie(cookieValue(userId, sessionVersion), secure));
  await app.register(fastifyRateLimit, {
    global: false,
    // Thrown objects land in the error handler below, which answers in the envelope.
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, retryAfter: context.after }),
  });
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const apiRoute = {
    config: {
      rateLimit:
        limit === false
          ? (false as const)
          : {
              max: limit,
              timeWindow: 60_000,
              keyGenerator: (r: FastifyRequest) => userIdOf(r) ?? r.ip,
            },
    },
  };

  app.setErrorHandler((error: Parameters<typeof answerError>[0], _request, reply) =>
    answerError(error, reply),
  );

  app.get('/api/health', async () => ({ ok: true }));

  // Only a request without a valid identity mints one, so only those count against the address.
  const mintCeiling = app.rateLimit({
    max: identitiesPerHour,
    timeWindow: 3_600_000,
    keyGenerator: (r) => `mint:${r.ip}`,
    allowList: (r) => userIdOf(r) !== null,
    errorResponseBuilder: () => ({ statusCode: 429, mint: true }),
  });

  /** A fresh resident identity for this browser: its first visit, or after a sign-out. */
  const mint = (request: FastifyRequest, reply: FastifyReply) => {
    const userId = newUserId();
    const secure = https || request.protocol === 'https';
    setCookie(reply, userId, 0, secure);
    return userId;
  };

  app.get('/api/session', { ...apiRoute, onRequest: mintCeiling }, async (request, reply) => {
    const { userId, sessionVersion } = callerOf(request);
    // A signed-out session (its version is no longer the user's) continues as a new resident.
    const current = userId && (await sessionIdentity(deps, userId, sessionVersion));
    if (current) {
      // Each visit renews the cookie's 90 days (SESSION_DAYS): only an unused browser expires.
      const secure = https || request.protocol === 'https';
      setCookie(reply, userId, sessionVersion ?? 0, secure);
      return { ok: true, data: current };
    }
    return { ok: true, data: await sessionIdentity(deps, mint(request, reply), 0) };
  });

  // Most actions take a few hundred bytes; the few that carry a photo declare more. The route
  // accepts the largest, each function is held to its own largest before parsing, and each
  // action to its own after.
  const fnLimit = new Map<string, number>();
  for (const def of actions) {
    const fn = def.id.split('.')[0]!;
    fnLimit.set(fn, Math.max(fnLimit.get(fn) ?? BODY_LIMIT, def.maxBodyBytes ?? BODY_LIMIT));
  }
  // What arrived, counted while it streamed in (chunked bodies have no content-length).
  const bodyBytes = new WeakMap<FastifyRequest, number>();
  const tooLarge = (request: FastifyRequest, limit: number) =>
    (bodyBytes.get(request) ?? Number(request.headers['content-length'] ?? 0)) > limit;

  app.post<{ Params: { fn: string } }>(
    '/api/:fn',
    {
      ...apiRoute,
      bodyLimit: Math.max(...fnLimit.values()),
      // A callback, not an async function: one promise less on every API call.
      preParsing: (request: FastifyRequest<{ Params: { fn: string } }>, _reply, payload, done) => {
        const limit = fnLimit.get(request.params.fn) ?? BODY_LIMIT;
        if (tooLarge(request, limit)) {
          done(Object.assign(new Error('body too large'), { statusCode: 413 }));
          return;
        }
        // A declared length is all that can arrive (Node's parser holds the body to it, and
        // refuses one that also says chunked): only a chunked body is counted as it streams.
        if (request.headers['content-length'] !== undefined) done(null, payload);
        else done(null, payload.pipe(capped(limit, (bytes) => bodyBytes.set(request, bytes))));
      },
    },
    async (request, reply) => {
      const action = (request.body as { action?: unknown } | null)?.action;
      if (tooLarge(request, bodyLimitFor(request.params.fn, action))) {
        return fail(reply, { code: 'PAYLOAD_TOO_LARGE', message: PAYLOAD_TOO_LARGE_MESSAGE });
      }
      const caller = callerOf(request);
      const envelope = await dispatch(deps, request.params.fn, request.body ?? null, caller, log);
      // With an identity, UNAUTHENTICATED means its session was signed out: a new resident now.
      if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED' && caller.userId) {
        mint(request, reply);
      }
      if (!envelope.ok) return fail(reply, envelope.error);
      return envelope;
    },
  );

  app.get<{ Params: { file: string } }>('/media/:file', async (request, reply) => {
    const ref = `/media/${request.params.file}`;
    const file = options.media?.fileOf(ref);
    if (!file || !fs.existsSync(file)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('没有这张图片');
    }
    const ext = path.extname(file).slice(1);
    // Content-addressed names never change content; nosniff keeps browsers to the declared type.
    return reply
      .type(MEDIA_TYPES[ext]!)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', MEDIA_CSP)
      .header('content-disposition', 'inline')
      .send(fs.createReadStream(file));
  });

  // The self check-in QR code staff show at an activity: opens the check-in page with its code.
  app.get<{ Querystring: { a?: string; k?: string } }>(
    '/qr/check-in.png',
    async (request, reply) => {
      const { a = '', k = '' } = request.query;
      const activity = ids.record.safeParse(a).success
        ? await deps.store.notices.getActivity(a)
        : null;
      if (!activity || activity.code !== k) {
        return reply.status(404).type('text/plain; charset=utf-8').send('没有这个活动');
      }
      const base = baseUrl();
      if (!base) return noPublicUrl(reply);
      return reply.type('image/png').send(await qrPng(`${base}/#/${checkInPath(activity)}`));
    },
  );

  const streams = streamCounter(liveStreams);

  // Server-Sent Events: every queue line's public state for one community, and the caller's alerts.
  app.get<{ Querystring: { community?: string } }>(
    LINE_EVENTS_PATH,
    apiRoute,
    async (request, reply) => {
      const community = request.query.community ?? '';
      if (
        !ids.community.safeParse(community).success ||
        !(await deps.store.communities.get(community))
      ) {
        return fail(reply, { code: 'NOT_FOUND', message: '没有找到这个社区' });
      }
      const release = streams.open(userIdOf(request) ?? request.ip);
      if (!release) {
        return fail(reply, {
          code: 'RATE_LIMITED',
          message: '打开的实时页面太多了，请关掉几个再试',
        });
      }
      request.raw.on('close', release);
      const current = await board(deps, community, deps.clock.now());
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = <E extends LineEventName>(event: E, data: LineEvents[E]) =>
        out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      out.write('retry: 3000\n\n');
      // The server's time first: pages reckon last-join and closing with it (the demo clock too).
      send('clock', { now: current.now });
      for (const line of current.lines) send('line', line);
      const stopLines = options.live.onLine(community, (state) => send('line', state));
      const userId = userIdOf(request);
      const stopAlerts = userId
        ? options.live.onAlert(userId, (alert) =>
            send('alert', { kind: alert.kind, ticket: alert.ticket }),
          )
        : () => undefined;
      const heartbeat = setInterval(() => out.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        stopLines();
        stopAlerts();
      });
    },
  );

  app.all('/api/*', async (_request, reply) =>
    fail(reply, { code: 'NOT_FOUND', message: '没有这个接口' }),
  );

  app.get<{ Params: { community: string } }>('/board/:community', async (request, reply) => {
    const community = request.params.community;
    if (!ids.community.safeParse(community).success) return reply.status(404).send('没有这个社区');
    return reply.redirect(`/#/package-board/pages/board/index?c=${encodeURIComponent(community)}`);
  });

  app.get<{ Params: { file: string }; Querystring: { q?: string } }>(
    '/qr/:file',
    async (request, reply) => {
      const match = /^([a-z0-9][a-z0-9-]{0,31})(\.png)?$/.exec(request.params.file);
      const community = match ? await deps.store.communities.get(match[1]!) : null;
      if (!match || !community)
        return reply.status(404).type('text/plain; charset=utf-8').send('没有这个社区');
      const queue = request.query.q;
      const service = queue
        ? community.services.find((s) => s.id === queue && s.kind === 'queue')
        : undefined;
      if (queue && !service)
        return reply.status(404).type('text/plain; charset=utf-8').send('这个社区没有这条排队');
      const base = baseUrl();
      if (!base) return noPublicUrl(reply);
      const url = entryUrl(base, community.id, service?.id);
      if (match[2]) return reply.type('image/png').send(await qrPng(url));
      return reply
        .type('text/html; charset=utf-8')
        .send(
          posterHtml(
            community.name,
            describeEvenings(community.evenings),
            service?.name,
            url,
            request.url,
          ),
        );
    },
  );

  // A mistyped or outdated page address opened in a browser gets the app's Chinese "page not
  // found" (with its way back to tonight), not Fastify's English JSON. Scripts, images and
  // /api keep their plain 404.
  app.setNotFoundHandler(async (request, reply) => {
    const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (page) return reply.redirect('/#/package-misc/pages/not-found/index');
    return reply.status(404).type('text/plain; charset=utf-8').send('没有找到');
  });

  const indexFile = path.join(options.h5Dir, 'index.html');
  if (fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: path.resolve(options.h5Dir), index: ['index.html'] });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<meta charset="utf-8"><p>H5 页面还没有构建：请运行 <code>npm run build:h5</code> 后重启。</p>',
        ),
    );
  }

  return app;
}
