import { useEffect } from 'react';
import type { FhirSession } from '../smart/index.ts';
import { record } from '../ui/metrics.ts';
import { ModelContext, type ModelEnvironment } from '../ui/ModelContext.ts';
import { SessionContext } from '../ui/SessionContext.ts';
import { PatientPage } from '../ui/pages/PatientPage.tsx';
import { AppShell } from './AppShell.tsx';

/** The app for one authorised launch. */
export function App({ session, models }: { session: FhirSession; models: ModelEnvironment }) {
  useEffect(() => {
    // Fetch and compile the wasm runtime now, in parallel with the FHIR reads. A failure here
    // surfaces when the model loads, with its own message.
    models.runtime
      .warmUp()
      .then((ms) => record({ wasmInitMs: ms }))
      .catch(() => undefined);
  }, [models]);
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
