// @vitest-environment jsdom
// useModel through the app's providers with a fresh QueryClient (retries off): the real loader and
// onnxruntime-web (in-process worker) load a bundled model; a model that cannot be fetched ends in the
// query's error state with the loader's typed error, at once and without a retry.
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../../../src/model/errors.ts';
import { ModelRuntime } from '../../../src/model/runtime.ts';
import { useModel } from '../../../src/ui/hooks/useRecommendation.ts';
import { modelsFetch } from '../../support/bundledModels.ts';
import { inProcessWorker } from '../../support/inProcessWorker.ts';
import { renderHookWithProviders } from '../../support/providers.tsx';

let runtime: ModelRuntime;
beforeEach(() => {
  runtime = new ModelRuntime(() => inProcessWorker());
  vi.stubGlobal('fetch', modelsFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useModel (fresh QueryClient per test)', () => {
  it('loads the bundled RA model, checked against its spec', async () => {
    const { result, queryClient } = await renderHookWithProviders(() => useModel('RA'), { models: { runtime, modelsBase: 'http://app.test/models/' } });
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 15_000 });
    // lower-cased: the spec spells indications 'ra' and the app 'RA' until the shared contract unifies them
    expect(result.current.data?.spec.indication.toLowerCase()).toBe('ra');
    expect(result.current.data?.spec.outputs.drugs).toContain('abatacept');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(1);
  });

  it('is idle, not loading, while the indication is unknown', async () => {
    const { result } = await renderHookWithProviders(() => useModel(null), { models: { runtime, modelsBase: 'http://app.test/models/' } });
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.data).toBeUndefined();
  });

  it('a model that is not served ends in the error state with a ModelError, without a retry', async () => {
    const fetchSpy = vi.fn<typeof fetch>(modelsFetch());
    vi.stubGlobal('fetch', fetchSpy);
    const { result } = await renderHookWithProviders(() => useModel('CD'), { models: { runtime, modelsBase: 'http://app.test/no-models-here/' } });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ModelError);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
