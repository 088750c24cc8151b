import { readFileSync } from 'node:fs';
import type { Indication } from '@src/extract/indications.ts';
import { loadModel, type LoadedModel } from '@src/model/loader.ts';
import type { ModelRuntime } from '@src/model/runtime.ts';

/** Serves models/ to the loader's fetch the way the web server does (file URLs are not fetchable in Node). */
export function modelsFetch(): typeof fetch {
  return (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const path = url.pathname.replace(/^\/models\//, 'models/');
    try {
      return Promise.resolve(new Response(readFileSync(path)));
    } catch {
      return Promise.resolve(new Response('not found', { status: 404 }));
    }
  };
}

/**
 * Loads a bundled model through the app's own loader (spec validation, SHA-256, session checks)
 * into `runtime`, serving models/ from the working tree for the duration of the load.
 */
export async function loadBundledModel(runtime: ModelRuntime, indication: Indication): Promise<LoadedModel> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = modelsFetch();
  try {
    return await loadModel(runtime, 'http://app.test/models/', indication);
  } finally {
    globalThis.fetch = realFetch;
  }
}
