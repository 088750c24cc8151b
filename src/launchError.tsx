import { createRoot } from 'react-dom/client';
import { AppShell } from './app/AppShell.tsx';
import { createQueryClient, Providers } from './app/Providers.tsx';
import { LaunchErrorView } from './ui/components/LaunchErrorView.tsx';
import { createI18n, pickLanguage, storedLanguage } from './ui/i18n/index.ts';
import { launchLanguage } from './ui/i18n/launchLanguage.ts';

/** Renders a failed launch's explanation into the launch page. */
export async function showLaunchError(error: unknown): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const i18n = await createI18n(pickLanguage(window.location.search, storedLanguage(), navigator.languages, launchLanguage()));
  createRoot(element).render(
    <Providers i18n={i18n} queryClient={createQueryClient()}>
      <AppShell>
        <LaunchErrorView error={error} />
      </AppShell>
    </Providers>,
  );
}
