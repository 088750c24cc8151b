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
      .flatMap((d) =>
        readdirSync(join(root, d.name))
          .filter((f) => MODEL_FILES.test(f))
          .map((f) => ({ rel: `models/${d.name}/${f}`, abs: join(root, d.name, f) })),
      );
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

/**
 * Tests below tests/unit that run in jsdom because the code under test needs a window (fhirclient's
 * browser entry and session storage): they belong to the `ui` project, not to the node-only `unit` one.
 */
const UI_FILES = [
  'tests/unit/smart/launch.test.ts',
  'tests/unit/smart/paging.test.ts',
  'tests/unit/smart/scopes.test.ts',
  'tests/unit/smoke/toolchain.test.ts',
];

// Two HTML entries: launch.html starts the SMART authorization, index.html is the app after it.
export default defineConfig({
  // Relative URLs: the app works from any sub-path the hospital hosts it under.
  base: './',
  // The README's deployment headers (CSP from config.json, frame-ancestors, Referrer-Policy) on the dev and preview servers too.
  plugins: [react(), bundledModels(), securityHeadersPlugin(import.meta.dirname)],
  // fhirclient without its cross-fetch/AbortController polyfills: every supported browser has both.
  define: { FHIRCLIENT_PURE: 'true' },
  // `npm run dev` / `npm start -- --dev`: every runtime dependency pre-bundled when the dev server starts.
  // The inference worker's onnxruntime-web/wasm is not reachable from the HTML entries Vite scans, so it
  // was found only when the model loaded: Vite re-optimised and reloaded the page in the middle of the
  // first launch (issue 13). Listing them all keeps the first launch to one page load.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@mui/material',
      '@mui/material/styles',
      '@emotion/react',
      '@emotion/styled',
      '@tanstack/react-query',
      'i18next',
      'react-i18next',
      'zod',
      'recharts',
      'fhirclient',
      '@lhncbc/ucum-lhc',
      'onnxruntime-web',
      'onnxruntime-web/wasm',
    ],
  },
  build: {
    // onnxruntime-web starts its workers from the chunk holding it; Vite's modulepreload polyfill
    // in that chunk touches `document` and breaks them (docs/toolchain.md, G5).
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
    // The tests as a toolkit (tests/README.md): `npm test` runs the fast projects (unit, ui,
    // integration), `npm run test:slow` the slow ones (property, models), CI both and e2e.
    //   unit         node, pure code, no server; the inner loop (< 30 s on 2 cores)
    //   ui           jsdom: components, hooks, and the SMART client code that needs a window
    //   integration  against the real sandbox FHIR server and SMART authorization server, started once
    //   property     fast-check runs over 10,000 generated and mutated records, fuzzing
    //   models       the trainer: simulation, retraining for determinism, ONNX against the training forward pass
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: UI_FILES } },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', setupFiles: ['tests/support/setup.ts'], include: ['tests/ui/**/*.test.{ts,tsx}', ...UI_FILES] },
      },
      // The safety scenarios (tests/scenarios/README.md): records through the query plan, prepare() and rank() with the real models.
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.{ts,tsx}'], globalSetup: ['tests/support/globalSetup.ts'] },
      },
      // One test here is thousands of cases or a retrain: 20 s is too tight on a loaded 2-core machine
      // (a 2,500-bundle fuzz test took 20-28 s there), so the slow projects allow 2 minutes per test.
      { extends: true, test: { name: 'property', include: ['tests/property/**/*.test.{ts,tsx}'], testTimeout: 120_000 } },
      { extends: true, test: { name: 'models', include: ['tests/models/**/*.test.ts'], testTimeout: 120_000 } },
    ],
    reporters: ['default', './tests/support/summaryReporter.ts'],
    // fhirclient's package "main" is its Node entry (no FHIR.oauth2); tests load the browser entry as the app does (G4).
    // @src/, @contract/ and @models/ (tsconfig.node.json paths) spare the tests ../../../../src chains.
    alias: [
      { find: /^fhirclient$/, replacement: 'fhirclient/lib/entry/browser.js' },
      { find: /^@src\//, replacement: `${join(import.meta.dirname, 'src')}/` },
      { find: /^@contract\//, replacement: `${join(import.meta.dirname, 'contract')}/` },
      { find: /^@models\//, replacement: `${join(import.meta.dirname, 'models')}/` },
    ],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
