// @vitest-environment jsdom
// The thin model hook over the pipeline's loadModel step, rendered with a fresh QueryClient (retries
// off) and the real model runtime in process. (The ranking hooks are covered through the pipeline
// steps they wrap: a prediction through the in-process worker does not complete under jsdom.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelRuntime } from '@src/model/runtime.ts';
import type { ModelEnvironment } from '@src/pipeline/index.ts';
import { ModelContext } from '@src/ui/ModelContext.ts';
import { useModel } from '@src/ui/hooks/useRecommendation.ts';
import { inProcessWorker } from '../../model/inProcessWorker.ts';

/** models/ served to the loader's fetch as the web server does. */
function serveModels(input: string | URL | Request): Promise<Response> {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  try {
    return Promise.resolve(new Response(readFileSync(url.pathname.replace(/^\/models\//, 'models/'))));
  } catch {
    return Promise.resolve(new Response('not found', { status: 404 }));
  }
}

let env: ModelEnvironment;

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <ModelContext.Provider value={env}>{children}</ModelContext.Provider>
    </QueryClientProvider>
  );
}

describe('useModel', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn<typeof serveModels>(serveModels));
    env = { runtime: new ModelRuntime(() => inProcessWorker()), modelsBase: 'http://app.test/models/' };
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads the model through the pipeline step, once per indication and page', async () => {
    const { result } = renderHook(() => [useModel('CD'), useModel('CD')] as const, { wrapper });
    await waitFor(() => expect(result.current[0].isSuccess).toBe(true), { timeout: 60_000 });
    expect(result.current[1].data).toBe(result.current[0].data);
    expect(result.current[0].data?.spec.indication).toBe('cd');
    // spec.json and the .onnx, fetched once for both hooks.
    expect(fetch).toHaveBeenCalledTimes(2);
  }, 90_000);

  it('does not load a model without an indication', () => {
    const { result } = renderHook(() => useModel(null), { wrapper });
    expect(result.current.fetchStatus).toBe('idle');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports a missing model as an error at once (no retries)', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof serveModels>(() => Promise.resolve(new Response('not found', { status: 404 }))));
    const { result } = renderHook(() => useModel('RA'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/404/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
