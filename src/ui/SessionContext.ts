import { createContext, useContext } from 'react';
import type { FhirSession } from '../smart/index.ts';

export const SessionContext = createContext<FhirSession | null>(null);

/** The authorised FHIR session of this launch; the app mounts only after the launch completed. */
export function useSession(): FhirSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an authorised launch');
  return session;
}
