/**
 * The security headers of the README's deployment, for every server that serves the app: the
 * Content-Security-Policy derived from config.json (src/smart/contentSecurityPolicy.ts, frame-ancestors
 * included), `Referrer-Policy: no-referrer` and `X-Content-Type-Options: nosniff`. Used by the Vite
 * dev server (`npm start`, `npm run dev`) and preview server (`npm run preview`) through
 * {@link securityHeadersPlugin}. config.json is read per request, as a web server would serve it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from '../src/smart/contentSecurityPolicy.ts';
import { parseSettings } from '../src/smart/settings.ts';

/** The headers for a deployment described by the config.json at `configFile`. An unreadable or invalid file gives the strictest policy (own origin only). */
export function securityHeaders(configFile: string): Record<string, string> {
  let policy: string;
  try {
    policy = contentSecurityPolicy(parseSettings(JSON.parse(readFileSync(configFile, 'utf8'))));
  } catch {
    policy = contentSecurityPolicy({ allowedFhirServers: [], authorizationServers: [], frameAncestors: [] });
  }
  return { 'Content-Security-Policy': policy, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };
}

/** `'sha256-…'` sources of the inline scripts of an HTML page (the dev server's React refresh preamble). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1] ?? '';
    if (body.trim() !== '') out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

/** Adds `sources` to the policy's script-src directive. */
export function withScriptSources(policy: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  return policy.replace(/(^|; )script-src ([^;]*)/, (_m, pre: string, list: string) => `${pre}script-src ${list} ${sources.join(' ')}`);
}

function apply(res: ServerResponse, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
}

/**
 * Vite plugin: the same headers on the dev and the preview server. The dev server alone injects an
 * inline module script into its HTML pages (the React refresh preamble); only that exact script is
 * allowed, by its hash, so the policy stays `script-src 'self'` for everything else.
 * @param root the project root (dev serves public/config.json, preview the built dist/config.json)
 */
export function securityHeadersPlugin(root: string): Plugin {
  return {
    name: 'therapy-navigator-security-headers',
    configureServer(server) {
      server.middlewares.use((_req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const headers = securityHeaders(`${root}/public/config.json`);
        apply(res, headers);
        const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
        res.end = ((chunk?: unknown, ...rest: unknown[]) => {
          const type = String(res.getHeader('content-type') ?? '');
          if (!res.headersSent && type.includes('text/html') && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
            const csp = headers['Content-Security-Policy'] ?? '';
            res.setHeader('Content-Security-Policy', withScriptSources(csp, inlineScriptHashes(chunk.toString())));
          }
          return end(chunk, ...rest);
        }) as ServerResponse['end'];
        next();
      });
    },
    configurePreviewServer(server) {
      const outDir = server.config.build.outDir;
      server.middlewares.use((_req: IncomingMessage, res: ServerResponse, next: () => void) => {
        apply(res, securityHeaders(`${outDir.startsWith('/') ? outDir : `${root}/${outDir}`}/config.json`));
        next();
      });
    },
  };
}
