import { fetchSmartStyle, type FhirSession } from '../smart/index.ts';
import { ModelContext, type ModelEnvironment } from '../ui/ModelContext.ts';
import { SessionContext } from '../ui/SessionContext.ts';
import { CssBaseline, LinearProgress, ThemeProvider } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { AppShell } from './AppShell.tsx';
import { themeWithStyle } from './theme.ts';
import { SignedInUserLine } from '../ui/components/SignedInUser.tsx';

/**
 * The patient page and everything under it (data layer, UCUM tables, charts, ranking) is a separate
 * chunk: main.tsx starts loading it at page start, so it arrives during the token exchange and the
 * FHIR reads while the first paint stays small.
 */
export const loadPatientPage = () => import('../ui/pages/PatientPage.tsx');
const PatientPage = lazy(() => loadPatientPage().then((m) => ({ default: m.PatientPage })));

/** The app for one authorised launch. */
export function App({ session, models }: { session: FhirSession; models: ModelEnvironment }) {
  // The EHR's suggested style (smart_style_url), applied where it keeps the page readable; the app's
  // own theme until it arrives or when there is none.
  const style = useQuery({
    queryKey: ['smart-style', session.smartStyleUrl ?? null],
    queryFn: () => fetchSmartStyle(session.smartStyleUrl, session.fhirBaseUrl),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const styled = useMemo(() => themeWithStyle(style.data ?? null), [style.data]);
  return (
    <ThemeProvider theme={styled}>
      {style.data && <CssBaseline />}
      <SessionContext.Provider value={session}>
        <ModelContext.Provider value={models}>
          <AppShell user={<SignedInUserLine />}>
            <Suspense fallback={<LinearProgress aria-label="…" />}>
              <PatientPage />
            </Suspense>
          </AppShell>
        </ModelContext.Provider>
      </SessionContext.Provider>
    </ThemeProvider>
  );
}
