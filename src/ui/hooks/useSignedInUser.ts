import { queryOptions, useQuery } from '@tanstack/react-query';
import { readSignedInUser, type SignedInUser } from '../../pipeline/signedInUser.ts';
import type { FhirSession } from '../../smart/index.ts';
import { useSession } from '../SessionContext.ts';

/**
 * The signed-in user's resource, read once per launch (pipeline/signedInUser.ts never rejects: a
 * failed read is a `reference-only` result). Shared by the header and the decision write-back, so
 * the user is read a single time.
 */
export function signedInUserQueryOptions(session: Pick<FhirSession, 'user' | 'read' | 'fhirBaseUrl'>) {
  return queryOptions<SignedInUser>({
    queryKey: ['signed-in-user', session.fhirBaseUrl, session.user],
    queryFn: () => readSignedInUser(session),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The signed-in user of this launch (pending while the one read runs). */
export function useSignedInUser() {
  return useQuery(signedInUserQueryOptions(useSession()));
}

/**
 * The signed-in user's name read from the fhirUser resource (the same one query as the header), or null
 * while it is read, when it could not be read, or without a session. Used where the name is written or
 * printed (the decision's author, the print summary); callers fall back to the reference.
 */
export function useSignedInName(session: Pick<FhirSession, 'user' | 'read' | 'fhirBaseUrl'> | null): string | null {
  const options = signedInUserQueryOptions(session ?? { user: null, fhirBaseUrl: '', read: () => Promise.reject(new Error('no session')) });
  const data = useQuery({ ...options, enabled: session !== null }).data;
  return data?.kind === 'named' ? data.name : null;
}
