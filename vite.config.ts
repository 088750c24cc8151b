/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two HTML entries: launch.html starts the SMART authorization, index.html is the app after it.
export default defineConfig({
  plugins: [react()],
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
