/**
 * Issue 12: spec.json is validated strictly, for the indication it is loaded for, and names its
 * model file as a plain relative path. The loader is driven through a stubbed fetch that serves
 * models/ (and records every URL it is asked for).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../../src/model/loader.ts';
import type { ModelRuntime } from '../../../src/model/runtime.ts';
import { modelFileProblem, parseModelSpec } from '../../../src/model/specSchema.ts';

const spec = (ind: string): Record<string, unknown> => JSON.parse(readFileSync(`models/${ind}/spec.json`, 'utf8')) as Record<string, unknown>;
const withOnnx = (s: Record<string, unknown>, file: string) => ({ ...s, onnx: { ...(s['onnx'] as object), file } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseModelSpec', () => {
  it.each(['cd', 'uc', 'ra', 'rms'])('accepts the bundled %s spec for its indication', (ind) => {
    expect(parseModelSpec(spec(ind), ind.toUpperCase()).indication).toBe(ind);
  });

  it('refuses a spec naming another indication (a UC model in the CD folder)', () => {
    expect(() => parseModelSpec(spec('uc'), 'CD')).toThrow(/the spec is for "uc", but it was loaded for CD/);
  });

  it.each([
    'https://evil.example/model.onnx',
    '//evil.example/model.onnx',
    '/models/cd/model.onnx',
    '../ra/model.onnx',
    '%2e%2e/ra/model.onnx',
    'javascript:alert(1)',
    'data:application/octet-stream;base64,AAAA',
    'model.onnx?x=1',
    'sub\\model.onnx',
    'model.bin',
  ])('refuses onnx.file %j', (file) => {
    expect(() => parseModelSpec(withOnnx(spec('cd'), file), 'CD')).toThrow(/onnx\.file: /);
    expect(modelFileProblem(file)).not.toBeNull();
  });

  it('accepts a file in a sub-folder beside the spec', () => {
    expect(modelFileProblem('v2/model.onnx')).toBeNull();
  });

  it('reports every problem at once', () => {
    const bad = { ...withOnnx(spec('cd'), 'https://x/model.onnx'), indication: 'uc', extra: 1, outputs: { ...(spec('cd')['outputs'] as object), members: 0 } };
    let message = '';
    try {
      parseModelSpec(bad, 'CD');
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/onnx\.file: must be a relative path/);
    expect(message).toMatch(/unknown key "extra"/);
    expect(message).toMatch(/outputs\.members/);
    expect(message).toMatch(/the spec is for "uc"/);
  });

  it('refuses non-finite and wrong-typed values', () => {
    const s = spec('cd');
    const columns = (s['columns'] as Array<Record<string, unknown>>).map((c, i) => (i === 0 ? { ...c, scale: 'x' } : c));
    expect(() => parseModelSpec({ ...s, columns }, 'CD')).toThrow(/columns\.0\.scale/);
  });
});

function serve(files: Record<string, string>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    const body = files[new URL(url).pathname];
    return Promise.resolve(body === undefined ? new Response('no', { status: 404 }) : new Response(body));
  });
  return asked;
}

describe('loadModel uses it', () => {
  const runtime: ModelRuntime = {
    load: () => Promise.reject(new Error('the model must not be loaded')),
    run: () => Promise.reject(new Error('not used')),
  } as unknown as ModelRuntime;
  it('a UC spec in the CD folder: spec-invalid, its model is never fetched', async () => {
    const asked = serve({ '/models/cd/spec.json': JSON.stringify(spec('uc')) });
    await expect(loadModel(runtime, 'http://app.test/models/', 'CD')).rejects.toMatchObject({ code: 'spec-invalid' });
    expect(asked).toEqual(['http://app.test/models/cd/spec.json']);
  });

  it('a spec whose model is on another origin: spec-invalid, nothing fetched from there', async () => {
    const asked = serve({ '/models/cd/spec.json': JSON.stringify(withOnnx(spec('cd'), 'https://evil.example/model.onnx')) });
    await expect(loadModel(runtime, 'http://app.test/models/', 'CD')).rejects.toMatchObject({ code: 'spec-invalid' });
    expect(asked.some((u) => u.includes('evil'))).toBe(false);
  });
});
