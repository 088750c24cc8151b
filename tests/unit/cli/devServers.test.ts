/**
 * Issue 12: `npm start`/`npm run dev` and `npm run preview` send the README deployment's headers:
 * the CSP from config.json (with frame-ancestors), Referrer-Policy no-referrer. Real Vite servers
 * from the project's vite.config.ts on free ports.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/smart/contentSecurityPolicy.ts';
import { parseSettings } from '../../../src/smart/settings.ts';
import { inlineScriptHashes } from '../../../scripts/securityHeaders.ts';

const root = process.cwd();

describe('dev and preview servers send the deployment headers', () => {
  it('dev server: the CSP of public/config.json, only the dev preamble added by hash; no-referrer', async () => {
    const server = await createServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    });
    await server.listen();
    try {
      const base = server.resolvedUrls?.local[0] ?? '';
      const expected = contentSecurityPolicy(parseSettings(JSON.parse(readFileSync(join(root, 'public/config.json'), 'utf8'))));
      for (const page of ['index.html', 'launch.html']) {
        const res = await fetch(new URL(page, base));
        const html = await res.text();
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(csp).toContain("frame-ancestors 'self'");
        // Same policy apart from the inline dev scripts, each allowed by its exact hash.
        const hashes = inlineScriptHashes(html);
        for (const h of hashes) expect(csp).toContain(h);
        expect(csp.replace(/ 'sha256-[^']+'/g, '')).toBe(expected);
        expect(csp).not.toMatch(/unsafe-inline'[^;]*;[^;]*$|script-src[^;]*unsafe-inline/);
      }
      const config = await fetch(new URL('config.json', base));
      expect(config.headers.get('content-security-policy')).toBe(expected);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('preview server: the CSP of the built config.json (frame-ancestors from it); no-referrer', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const config = { allowedFhirServers: ['https://fhir.example/r4'], frameAncestors: ['https://ehr.example'] };
    writeFileSync(join(dist, 'config.json'), JSON.stringify(config));
    const server = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: dist },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    try {
      const base = server.resolvedUrls?.local[0] ?? '';
      const res = await fetch(new URL('index.html', base));
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(parseSettings(config)));
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://ehr.example");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    } finally {
      await new Promise<void>((ok) => {
        server.httpServer.close(() => ok());
      });
    }
  }, 60_000);
});
