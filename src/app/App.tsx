import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { INDICATIONS } from '../extract/indications.ts';
import type { FhirSession } from '../smart/index.ts';
import { modelQueryOptions } from '../ui/hooks/useRecommendation.ts';
import { ModelContext, type ModelEnvironment } from '../ui/ModelContext.ts';
import { SessionContext } from '../ui/SessionContext.ts';
import { PatientPage } from '../ui/pages/PatientPage.tsx';
import { AppShell } from './AppShell.tsx';

/** The app for one authorised launch. */
export function App({ session, models }: { session: FhirSession; models: ModelEnvironment }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    // Start the wasm runtime and the (small) models now, in parallel with the FHIR reads.
    void models.runtime.warmUp().catch(() => undefined);
    for (const indication of INDICATIONS) void queryClient.prefetchQuery(modelQueryOptions(models, indication));
  }, [models, queryClient]);
  return (
    <SessionContext.Provider value={session}>
      <ModelContext.Provider value={models}>
        <AppShell user={session.user}>
          <PatientPage />
        </AppShell>
      </ModelContext.Provider>
    </SessionContext.Provider>
  );
}
