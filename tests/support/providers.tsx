import { QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookResult, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement, ReactNode } from 'react';
import { Providers } from '../../src/app/Providers.tsx';
import { createI18n } from '../../src/ui/i18n/index.ts';
import { ModelContext, type ModelEnvironment } from '../../src/ui/ModelContext.ts';

/**
 * A fresh QueryClient for one test: no retries (a failing query fails at once, so an error state is
 * observable), no refetch on focus, and nothing shared with another test's cache.
 */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

export interface ProviderOptions {
  /** UI language of the app's own i18next instance (default `en`). */
  language?: 'en' | 'de' | 'fr';
  /** Defaults to a fresh client from createTestQueryClient(). */
  queryClient?: QueryClient;
  /** The model runtime and models base the hooks use (omit for components that need none). */
  models?: ModelEnvironment;
}

interface Wrapped {
  queryClient: QueryClient;
  i18n: I18n;
  wrapper: (props: { children: ReactNode }) => ReactElement;
}

/** The app's own providers (theme, translations, one QueryClient) plus the model context. */
export async function testProviders(options: ProviderOptions = {}): Promise<Wrapped> {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const i18n = await createI18n(options.language ?? 'en');
  const models = options.models;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Providers i18n={i18n} queryClient={queryClient}>
      {models ? <ModelContext.Provider value={models}>{children}</ModelContext.Provider> : children}
    </Providers>
  );
  return { queryClient, i18n, wrapper };
}

/** Renders a component inside the app's providers with a fresh QueryClient. */
export async function renderWithProviders(ui: ReactElement, options: ProviderOptions = {}): Promise<{ view: RenderResult } & Omit<Wrapped, 'wrapper'>> {
  const { wrapper, queryClient, i18n } = await testProviders(options);
  return { view: render(ui, { wrapper }), queryClient, i18n };
}

/** Renders a hook inside the app's providers with a fresh QueryClient. */
export async function renderHookWithProviders<T>(
  hook: () => T,
  options: ProviderOptions = {},
): Promise<{ result: RenderHookResult<T, unknown>['result']; hook: RenderHookResult<T, unknown> } & Omit<Wrapped, 'wrapper'>> {
  const { wrapper, queryClient, i18n } = await testProviders(options);
  const rendered = renderHook(hook, { wrapper });
  return { result: rendered.result, hook: rendered, queryClient, i18n };
}
