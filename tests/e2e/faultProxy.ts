import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What a fault rule injects:
 * - `status`: an error answer (OperationOutcome body, optional `Retry-After`), instead of forwarding;
 * - `hang`: never answer (the app's timeout must end the request);
 * - `malformed`: forward, then cut the JSON body in half;
 * - `broken-next`: forward a search, then point its `next` link at a page that answers 500;
 * - `drop-included`: forward a search, then drop its `_include`d entries (a server that ignores
 *   `_include`, so the app must read the referenced resources itself);
 * - `rewrite`: forward, then replace the JSON answer by `edit(answer)` (another patient's id, `{}`,
 *   another patient's resources in a search, a `next` link with dot segments, ...; `undefined`:
 *   an empty body), optionally with another status;
 * - `redirect`: answer 302 with this `Location` instead of forwarding.
 */
export type Fault =
  | { kind: 'status'; status: 401 | 403 | 404 | 429 | 500 | 503 | 400; retryAfter?: string; body?: unknown }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'broken-next' }
  | { kind: 'drop-included' }
  | { kind: 'rewrite'; edit: (answer: unknown) => unknown; status?: number }
  | { kind: 'redirect'; location: string };

/** Matches requests by method and by a regex on path + query; faults the `nth` match on. */
export interface FaultRule {
  method?: string;
  path: RegExp;
  /** First matching request (1-based) to fault; default 1. */
  nth?: number;
  /** How many matches from `nth` on are faulted; default 1, `Infinity` for all. */
  times?: number;
  fault: Fault;
}

/** One request the proxy saw. */
export interface ProxiedRequest {
  method: string;
  path: string;
  status: number | null;
  fault: Fault['kind'] | null;
  /** Bodies of token requests (form-encoded), to check refresh grants. */
  body?: string;
}

export interface FaultProxyOptions {
  /** The sandbox's FHIR base, e.g. http://127.0.0.1:5000/fhir. */
  target: string;
}

export interface FaultProxy {
  /** The FHIR base the app is launched with (`iss`). */
  fhirBaseUrl: string;
  origin: string;
  log: ProxiedRequest[];
  /** Replaces the rules and the per-rule counters; clears the log. */
  reset(rules?: FaultRule[], options?: { smartV1Only?: boolean }): void;
  close(): Promise<void>;
}

const BROKEN_PAGE = '__broken-page';

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    // Retry-After is not a CORS-safelisted response header: without this the app cannot read it.
    'Access-Control-Expose-Headers': 'Retry-After, Location',
    Vary: 'Origin',
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: URL, method: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
  const h: IncomingHttpHeaders = { ...headers, host: target.host };
  // Plain bodies, so the proxy can rewrite them.
  delete h['accept-encoding'];
  return new Promise((ok, fail) => {
    const up = httpRequest(target, { method, headers: h }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    up.on('error', fail);
    up.end(body.length > 0 ? body : undefined);
  });
}

interface SmartConfig {
  authorization_endpoint?: string;
  token_endpoint?: string;
  capabilities?: string[];
  scopes_supported?: string[];
}

/**
 * An HTTP proxy between the app and the sandbox FHIR server (127.0.0.1, port 0) that injects
 * faults per test. It forwards everything under `/fhir` (CORS preflights included) and rewrites
 * the sandbox's base URL in answers (`next` links, `fullUrl`) to its own. For the launch it serves
 * the SMART configuration with two endpoints of its own:
 * - `/__authorize` redirects to the sandbox's authorization endpoint with `aud` set to the sandbox's
 *   FHIR base (the sandbox accepts only its own base as `aud`: sandbox/smart-auth.mjs audIsValid);
 * - `/__token` forwards to the sandbox's token endpoint, so tests see (and can fail) refreshes.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target.replace(/\/+$/, ''));
  const targetBase = target.href.replace(/\/+$/, '');
  let rules: Array<FaultRule & { seen: number }> = [];
  let smartV1Only = false;
  const log: ProxiedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let origin = '';
  let fhirBaseUrl = '';
  let sandboxAuthorize = '';
  let sandboxToken = '';

  function pickFault(method: string, path: string): Fault | null {
    for (const r of rules) {
      if ((r.method ?? 'GET') !== method || !r.path.test(path)) continue;
      r.seen++;
      const first = r.nth ?? 1;
      if (r.seen >= first && r.seen < first + (r.times ?? 1)) return r.fault;
    }
    return null;
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    entry: ProxiedRequest,
    status: number,
    headers: Record<string, string>,
    body: Buffer | string,
  ): void {
    entry.status = status;
    res.writeHead(status, { ...headers, ...corsHeaders(req) }).end(body);
  }

  function rewriteSmartConfiguration(body: Buffer): string {
    const config = JSON.parse(body.toString('utf8')) as SmartConfig;
    sandboxAuthorize = config.authorization_endpoint ?? '';
    sandboxToken = config.token_endpoint ?? '';
    config.authorization_endpoint = `${origin}/__authorize`;
    config.token_endpoint = `${origin}/__token`;
    if (smartV1Only) {
      config.capabilities = (config.capabilities ?? []).filter((c) => c !== 'permission-v2');
      config.scopes_supported = (config.scopes_supported ?? []).filter((s) => !/\.[cruds]+$/.test(s));
    }
    return JSON.stringify(config);
  }

  function applyBodyFault(fault: Fault | null, text: string): string {
    if (fault?.kind === 'malformed') return text.slice(0, Math.floor(text.length / 2));
    if (fault?.kind === 'rewrite') {
      const edited = fault.edit(JSON.parse(text));
      return edited === undefined ? '' : JSON.stringify(edited);
    }
    if (fault?.kind !== 'broken-next' && fault?.kind !== 'drop-included') return text;
    const bundle = JSON.parse(text) as { link?: Array<{ relation: string; url: string }>; entry?: Array<{ search?: { mode?: string } }> };
    if (fault.kind === 'drop-included') {
      bundle.entry = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include');
    } else {
      const broken = `${fhirBaseUrl}/${BROKEN_PAGE}?page=2`;
      bundle.link = [...(bundle.link ?? []).filter((l) => l.relation !== 'next'), { relation: 'next', url: broken }];
    }
    return JSON.stringify(bundle);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname + url.search;
    const entry: ProxiedRequest = { method, path, status: null, fault: null };
    log.push(entry);
    const body = await readBody(req);

    if (url.pathname === '/__authorize') {
      const to = new URL(sandboxAuthorize);
      url.searchParams.forEach((v, k) => to.searchParams.set(k, k === 'aud' ? targetBase : v));
      entry.status = 302;
      res.writeHead(302, { Location: to.href }).end();
      return;
    }
    const isToken = url.pathname === '/__token';
    if (!isToken && !url.pathname.startsWith(target.pathname)) return send(req, res, entry, 404, { 'Content-Type': 'text/plain' }, 'not proxied');
    if (isToken && method === 'POST') entry.body = body.toString('utf8');

    const fault = method === 'OPTIONS' ? null : pickFault(method, path);
    entry.fault = fault?.kind ?? null;
    if (url.pathname.endsWith(`/${BROKEN_PAGE}`) && method === 'OPTIONS') {
      // let the preflight pass, so the page itself is what fails
      const allow = { 'Access-Control-Allow-Headers': 'authorization, accept, content-type', 'Access-Control-Allow-Methods': 'GET' };
      return send(req, res, entry, 204, allow, '');
    }
    if (url.pathname.endsWith(`/${BROKEN_PAGE}`)) {
      return send(
        req,
        res,
        entry,
        500,
        { 'Content-Type': 'application/fhir+json' },
        JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] }),
      );
    }
    if (fault?.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault?.kind === 'redirect') {
      return send(req, res, entry, 302, { Location: fault.location, 'Content-Type': 'text/plain' }, '');
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'Content-Type': 'application/fhir+json' };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      const issue =
        fault.status === 401
          ? 'login'
          : fault.status === 403
            ? 'forbidden'
            : fault.status === 404
              ? 'not-found'
              : fault.status === 429
                ? 'throttled'
                : 'transient';
      return send(
        req,
        res,
        entry,
        fault.status,
        headers,
        JSON.stringify(fault.body ?? { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: issue }] }),
      );
    }

    const upstreamUrl = isToken ? new URL(sandboxToken) : new URL(url.pathname + url.search, target.origin);
    const up = await forward(upstreamUrl, method, req.headers, body);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(up.headers)) {
      if (v === undefined || k === 'content-length' || k === 'transfer-encoding' || k === 'connection') continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v.split(targetBase).join(fhirBaseUrl);
    }
    let out: Buffer | string = up.body;
    if (url.pathname.endsWith('/.well-known/smart-configuration') && up.status === 200) out = rewriteSmartConfiguration(up.body);
    else if (/json/.test(String(up.headers['content-type'])) && !isToken)
      out = applyBodyFault(fault, up.body.toString('utf8').split(targetBase).join(fhirBaseUrl));
    const status = fault?.kind === 'rewrite' && fault.status !== undefined ? fault.status : up.status;
    entry.status = status;
    res.writeHead(status, headers).end(out);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain', ...corsHeaders(req) });
      res.end(`proxy error: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fhirBaseUrl = `${origin}${target.pathname.replace(/\/+$/, '')}`;

  return {
    fhirBaseUrl,
    origin,
    log,
    reset(next = [], opts = {}) {
      rules = next.map((r) => ({ ...r, seen: 0 }));
      smartV1Only = opts.smartV1Only ?? false;
      for (const res of hanging) res.destroy();
      hanging.clear();
      log.length = 0;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
