import type { FhirSession } from '../smart/index.ts';
import { SessionContext } from '../ui/SessionContext.ts';
import { PatientPage } from '../ui/pages/PatientPage.tsx';
import { AppShell } from './AppShell.tsx';

/** The app for one authorised launch. */
export function App({ session }: { session: FhirSession }) {
  return (
    <SessionContext.Provider value={session}>
      <AppShell user={session.user}>
        <PatientPage />
      </AppShell>
    </SessionContext.Provider>
  );
}
