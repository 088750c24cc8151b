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
