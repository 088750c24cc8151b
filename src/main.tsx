import { LinearProgress, Typography } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadPatientPage } from './app/App.tsx';
import { AppShell } from './app/AppShell.tsx';
import { createQueryClient, Providers } from './app/Providers.tsx';
import { createBrowserWorker, ModelRuntime } from './model/runtime.ts';
import { completeLaunch, DEFAULT_SETTINGS, loadSettings } from './smart/index.ts';
import { assertFramingAllowed } from './smart/framing.ts';
import { LaunchErrorView } from './ui/components/LaunchErrorView.tsx';
import { mark, record } from './pipeline/metrics.ts';
import { createI18n, pickLanguage, storedLanguage } from './ui/i18n/index.ts';
import { launchLanguage } from './ui/i18n/launchLanguage.ts';

/**
 * The app page (the SMART redirect URI): completes the authorization, then mounts the app for the
 * patient in context. While the token exchange runs the user sees that it does; a failure ends on
 * a page that says what happened and what to do.
 */
async function boot(): Promise<void> {
  mark('appStart');
  // The deployment's settings (request timeout); a config.json that cannot be read leaves the
  // defaults: the launch page validated it moments before.
  const settingsRead = loadSettings().catch(() => DEFAULT_SETTINGS);
  void loadPatientPage();
  const element = document.getElementById('root');
  if (!element) return;
  // One inference worker for the page, started first (before the translations load: the runtime's
  // start-up is the floor of a warm launch, issue 15): the runtime's wasm is fetched and compiled
  // during the token exchange and the FHIR reads instead of after them. Its failure surfaces when
  // the model loads, with its own message.
  const models = { runtime: new ModelRuntime(createBrowserWorker), modelsBase: new URL('models/', document.baseURI).href };
  models.runtime
    .warmUp()
    .then((ms) => record({ wasmInitMs: ms }))
    .catch(() => undefined);
  const i18n = await createI18n(pickLanguage(window.location.search, storedLanguage(), navigator.languages, launchLanguage()));
  const queryClient = createQueryClient();
  const root = createRoot(element);
  const render = (node: React.ReactNode) =>
    root.render(
      <StrictMode>
        <Providers i18n={i18n} queryClient={queryClient}>
          {node}
        </Providers>
      </StrictMode>,
    );
  render(
    <AppShell>
      <Typography role="status">{i18n.t('app.connecting')}</Typography>
      <LinearProgress />
    </AppShell>,
  );
  try {
    const settings = await settingsRead;
    // Framed by a page config.json does not list: no patient data is read or shown.
    assertFramingAllowed(settings.frameAncestors);
    const session = await completeLaunch(window.location.search, { retryPolicy: { timeoutMs: settings.requestTimeoutSeconds * 1000 } });
    mark('token');
    render(<App session={session} models={models} />);
  } catch (error) {
    render(<LaunchErrorView error={error} />);
  }
}

void boot();
