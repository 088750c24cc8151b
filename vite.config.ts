/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { securityHeadersPlugin } from './scripts/securityHeaders.ts';

const MODEL_FILES = /^(spec\.json|model\.onnx|MODEL_CARD\.md|metrics\.json)$/;
const TYPES: Record<string, string> = { json: 'application/json', onnx: 'application/octet-stream', md: 'text/markdown; charset=utf-8' };

/**
 * The bundled models are served as plain files at `models/<indication>/` beside the app (dev) and
 * copied there in the build, so a site can replace a model (spec.json + .onnx + card) on its web
 * server without rebuilding; the app verifies each model's SHA-256 against its spec at load.
 */
function bundledModels(): Plugin {
  const root = join(import.meta.dirname, 'models');
  const files = (): Array<{ rel: string; abs: string }> =>
    readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[a-z]+$/.test(d.name) && existsSync(join(root, d.name, 'spec.json')))
      .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => MODEL_FILES.test(f)).map((f) => ({ rel: `models/${d.name}/${f}`, abs: join(root, d.name, f) })));
  return {
    name: 'therapy-navigator-bundled-models',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        const hit = files().find((f) => f.rel === path);
        if (!hit) return next();
        res.setHeader('Content-Type', TYPES[hit.rel.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(readFileSync(hit.abs));
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: f.rel, source: readFileSync(f.abs) });
    },
  };
}

// Two HTML entries: launch.html starts the SMART authorization, index.html is the app after it.
export default defineConfig({
  // Relative URLs: the app works from any sub-path the hospital hosts it under.
  base: './',
  // The README's deployment headers (CSP from config.json, frame-ancestors, Referrer-Policy) on the dev and preview servers too.
  plugins: [react(), bundledModels(), securityHeadersPlugin(import.meta.dirname)],
  // fhirclient without its cross-fetch/AbortController polyfills: every supported browser has both.
  define: { FHIRCLIENT_PURE: 'true' },
  build: {
    // onnxruntime-web starts its workers from the chunk holding it; Vite's modulepreload polyfill
    // in that chunk touches `document` and breaks them (shared/notes/toolchain.md, G5).
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: 'index.html',
        launch: 'launch.html',
      },
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['tests/support/setup.ts'],
    // unit: pure code and components, no server. integration: against the real sandbox FHIR server
    // and SMART authorization server started once for the run. UI tests opt into jsdom per file.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}', 'models/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.{ts,tsx}'], globalSetup: ['tests/support/globalSetup.ts'] },
      },
    ],
    reporters: ['default', './tests/support/summaryReporter.ts'],
    // fhirclient's package "main" is its Node entry (no FHIR.oauth2); tests load the browser entry as the app does (G4).
    alias: [{ find: /^fhirclient$/, replacement: 'fhirclient/lib/entry/browser.js' }],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
