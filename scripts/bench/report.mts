/** Helpers of the benchmark (scripts/bench/bench.mts): medians, the initial JS size, the server processes. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';

/** Median of the finite values, two decimals; null without any. */
export function median(xs: number[]): number | null {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return Math.round((v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2) * 100) / 100;
}

/** JS the app page needs before its first paint (entry + modulepreloads of index.html), gzip level 6. */
export function initialJs(dir: string): { files: string[]; rawBytes: number; gzipBytes: number; allJsGzipBytes: number; wasmBytes: number } {
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  const files = [...html.matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const buf = readFileSync(`${dir}/${f}`);
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 6 }).length;
  }
  const assets = readdirSync(`${dir}/assets`);
  const wasmFile = assets.find((f) => f.endsWith('.wasm'));
  const allJsGzipBytes = assets.filter((f) => f.endsWith('.js')).reduce((a, f) => a + gzipSync(readFileSync(`${dir}/assets/${f}`), { level: 6 }).length, 0);
  return { files, rawBytes, gzipBytes, allJsGzipBytes, wasmBytes: wasmFile ? statSync(`${dir}/assets/${wasmFile}`).size : 0 };
}

/** A server of scripts/bench/serve.mts in its own Node process; resolves with what it printed on READY. */
export async function startServer(args: string[]): Promise<{ origin: string; info: Record<string, unknown>; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/serve.mts', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const info = await new Promise<Record<string, unknown>>((ok, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (l) => {
      if (l.startsWith('READY ')) ok(JSON.parse(l.slice(6)) as Record<string, unknown>);
    });
    child.once('exit', (code) => fail(new Error(`bench server ${args[0]} exited (${code}) before it was ready`)));
  });
  return {
    origin: info['origin'] as string,
    info,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
