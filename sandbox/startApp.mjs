// The app half of `npm start`: the production build served as a web server would (Vite's preview server
// with the deployment's security headers from vite.config.ts), rebuilt only when a source is newer than
// the build. A first launch then loads a few bundled files and never reloads; the dev server (`--dev`)
// compiles every module on first request instead.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made of: a change to any of these makes dist/ out of date (public/config.json is copied, not built). */
const SOURCE_DIRS = ['src', 'contract', 'public', 'models'];
const SOURCE_FILES = ['index.html', 'launch.html', 'vite.config.ts', 'package-lock.json'];
/** Under models/ only the files the build copies (vite.config.ts, bundledModels); the trainer's sources are not part of the app. */
const MODEL_FILES = /^(spec\.json|model\.onnx|MODEL_CARD\.md|metrics\.json)$/;

/**
 * The newest modification time (ms) among the app's sources under `root`.
 * @param {string} root
 * @returns {number}
 */
export function newestSourceMtime(root) {
  let newest = 0;
  /** @param {string} file */
  const see = (file) => {
    newest = Math.max(newest, statSync(file).mtimeMs);
  };
  /** @param {string} dir @param {(name: string) => boolean} keep */
  const walk = (dir, keep) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, keep);
      else if (entry.isFile() && keep(entry.name)) see(path);
    }
  };
  for (const dir of SOURCE_DIRS) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    if (dir === 'models') {
      for (const d of readdirSync(abs, { withFileTypes: true }))
        if (d.isDirectory() && /^[a-z]+$/.test(d.name)) walk(join(abs, d.name), (name) => MODEL_FILES.test(name));
    } else walk(abs, (name) => !(dir === 'public' && name === 'config.json'));
  }
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) see(join(root, file));
  return newest;
}

/**
 * Whether dist/ must be (re)built: no build yet, or a source newer than the build's pages.
 * @param {string} root
 * @returns {{ build: boolean, reason: 'no-build' | 'sources-changed' | 'up-to-date' }}
 */
export function buildState(root) {
  const pages = ['index.html', 'launch.html'].map((p) => join(root, 'dist', p));
  if (!pages.every((p) => existsSync(p))) return { build: true, reason: 'no-build' };
  const builtAt = Math.min(...pages.map((p) => statSync(p).mtimeMs));
  return newestSourceMtime(root) > builtAt ? { build: true, reason: 'sources-changed' } : { build: false, reason: 'up-to-date' };
}

/**
 * The demo's deployment settings are public/config.json: copied over dist/config.json when they differ
 * (the browser tests rewrite dist/config.json for their own servers). Returns true when it copied.
 * @param {string} root
 */
export function syncConfig(root) {
  const from = join(root, 'public', 'config.json');
  const to = join(root, 'dist', 'config.json');
  if (existsSync(to) && readFileSync(to, 'utf8') === readFileSync(from, 'utf8')) return false;
  copyFileSync(from, to);
  return true;
}

/**
 * Starts the app on 127.0.0.1:`port`: the production build (built first when out of date) or, with
 * `dev`, the Vite dev server. Resolves once it listens.
 * @param {{ root: string, port: number, dev?: boolean, status?: (line: string) => void }} options
 * @returns {Promise<{ mode: string, close(): Promise<void> }>}
 */
export async function startApp({ root, port, dev = false, status = () => {} }) {
  const vite = await import('vite');
  if (dev) {
    const server = await vite.createServer({ root, logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
    await server.listen();
    return { mode: 'Vite dev server', close: () => server.close() };
  }
  const state = buildState(root);
  let mode = 'production build, up to date';
  if (state.build) {
    status(state.reason === 'no-build' ? 'Building the app (first start)…' : 'Rebuilding the app (sources changed since the last build)…');
    const t0 = performance.now();
    await vite.build({ root, logLevel: 'error' });
    mode = `production build, built in ${Math.round((performance.now() - t0) / 1000)} s`;
  }
  syncConfig(root);
  const server = await vite.preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
  return { mode, close: () => server.close() };
}
