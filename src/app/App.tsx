import type { FhirSession } from '../smart/index.ts';
import { ModelContext, type ModelEnvironment } from '../ui/ModelContext.ts';
import { SessionContext } from '../ui/SessionContext.ts';
import { LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { AppShell } from './AppShell.tsx';
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
  return (
    <SessionContext.Provider value={session}>
      <ModelContext.Provider value={models}>
        <AppShell user={<SignedInUserLine />}>
          <Suspense fallback={<LinearProgress aria-label="…" />}>
            <PatientPage />
          </Suspense>
        </AppShell>
      </ModelContext.Provider>
    </SessionContext.Provider>
  );
}
