/**
 * Issue 13: `npm start` serves the production build, rebuilt only when a source is newer than it, with
 * the demo's public/config.json; it prints little, and the URL to open last.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildState, newestSourceMtime, syncConfig } from '../../../sandbox/startApp.mjs';

/** A project tree: sources at `t` seconds, the build's pages at `built` seconds (none when null). */
function project(t: number, built: number | null): string {
  const root = mkdtempSync(join(tmpdir(), 'start-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html>',
    'launch.html': '<!doctype html>',
    'vite.config.ts': '',
    'src/main.tsx': '',
    'public/config.json': '{"writeBack":true}',
    'models/cd/spec.json': '{}',
    'models/src/train.ts': '',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
    utimesSync(join(root, rel), t, t);
  }
  if (built !== null) {
    mkdirSync(join(root, 'dist'), { recursive: true });
    for (const page of ['index.html', 'launch.html']) {
      writeFileSync(join(root, 'dist', page), '');
      utimesSync(join(root, 'dist', page), built, built);
    }
  }
  return root;
}

const touch = (root: string, rel: string, t: number) => utimesSync(join(root, rel), t, t);

describe('the build is reused unless a source is newer', () => {
  it('no build yet: build', () => {
    expect(buildState(project(1000, null))).toEqual({ build: true, reason: 'no-build' });
  });

  it('a build newer than every source: reused', () => {
    const root = project(1000, 2000);
    expect(buildState(root)).toEqual({ build: false, reason: 'up-to-date' });
    expect(newestSourceMtime(root)).toBe(1000 * 1000);
  });

  it('a changed source, page or bundled model file: rebuild', () => {
    for (const rel of ['src/main.tsx', 'index.html', 'models/cd/spec.json']) {
      const root = project(1000, 2000);
      touch(root, rel, 3000);
      expect({ rel, ...buildState(root) }).toEqual({ rel, build: true, reason: 'sources-changed' });
    }
  });

  it('config.json and the trainer’s sources are not part of the build', () => {
    const root = project(1000, 2000);
    touch(root, 'public/config.json', 3000);
    touch(root, 'models/src/train.ts', 3000);
    expect(buildState(root)).toEqual({ build: false, reason: 'up-to-date' });
  });

  it('the demo’s public/config.json replaces a dist/config.json rewritten by another run', () => {
    const root = project(1000, 2000);
    writeFileSync(join(root, 'dist/config.json'), '{"allowedFhirServers":["http://127.0.0.1:39999/fhir"]}');
    expect(syncConfig(root)).toBe(true);
    expect(readFileSync(join(root, 'dist/config.json'), 'utf8')).toBe('{"writeBack":true}');
    expect(syncConfig(root)).toBe(false);
  });
});

/** Runs `node sandbox/start.mjs` (the demo EHR alone, on a free port) until its last line, then stops it. */
async function startOutput(args: string[]): Promise<string[]> {
  const child = spawn(process.execPath, ['sandbox/start.mjs', ...args], { env: { ...process.env, SANDBOX_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
  let printed = '';
  try {
    await new Promise<void>((ok, fail) => {
      child.stdout.on('data', () => {
        if (printed || !/\nOpen [^\n]*\n/.test(`\n${out}`)) return;
        // what was printed up to the Open line (stopping prints a line of its own)
        printed = out;
        ok();
      });
      child.on('exit', (code) => fail(new Error(`start.mjs exited (${code}) before the Open line: ${out}${err}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  expect(err).toBe('');
  return printed.trimEnd().split('\n');
}

describe('npm run sandbox / npm start output', () => {
  it('a few lines, the URL to open last; the launch URLs only with --verbose', async () => {
    const [lines, verbose] = await Promise.all([startOutput([]), startOutput(['--verbose'])]);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines.at(-1)).toMatch(/^Open http:\/\/127\.0\.0\.1:\d+\/ehr to choose a demo patient$/);
    expect(lines.join('\n')).not.toContain('/ehr/launch?');

    expect(verbose.at(-1)).toMatch(/^Open http:\/\/127\.0\.0\.1:\d+\/ehr to choose a demo patient$/);
    expect(verbose.filter((l) => l.includes('/ehr/launch?patient=')).length).toBeGreaterThanOrEqual(16);
  }, 120_000);
});
