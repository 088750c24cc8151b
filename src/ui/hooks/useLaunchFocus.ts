import { useQuery } from '@tanstack/react-query';
import type { Resource } from 'fhir/r4';
import { useMemo } from 'react';
import { detectIndicationsDetailed } from '../../extract/indications.ts';
import { readContextResources, resolveLaunchFocus, type LaunchFocus } from '../../pipeline/launchFocus.ts';
import type { ForeignResource } from '../../smart/patientContext.ts';
import { useSession } from '../SessionContext.ts';

/**
 * Where the launch context opens this screen (src/pipeline/launchFocus.ts), or null when the launch sent
 * none. Context resources missing from the record are read once, on their own, and checked against the
 * launch patient; until they answer, the focus is computed without them.
 */
export function useLaunchFocus(
  record: { resources: readonly Resource[]; foreign: readonly ForeignResource[] } | undefined,
  now: Date,
  confirmed: readonly string[],
): LaunchFocus | null {
  const session = useSession();
  const request = session.launchContext;
  const foreignRefs = useMemo(() => new Set(record?.foreign.map((f) => f.ref) ?? []), [record?.foreign]);
  const extra = useQuery({
    queryKey: ['launch-context-resources', session.fhirBaseUrl, session.patientId],
    queryFn: () => readContextResources(session, request ?? { targets: [], problems: [], unused: 0 }, { resources: record?.resources ?? [], foreignRefs }),
    enabled: request !== undefined && record !== undefined,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const resources = record?.resources;
  // The record's findings with this screen's confirmations: the same detection the extraction runs.
  const findings = useMemo(
    () => (request && resources ? detectIndicationsDetailed(resources, now, confirmed).findings : []),
    [request, resources, now, confirmed],
  );
  return useMemo(() => {
    if (!request || !resources) return null;
    return resolveLaunchFocus(request, {
      resources: [...resources, ...(extra.data?.kept ?? [])],
      foreignRefs: new Set([...foreignRefs, ...(extra.data?.foreignRefs ?? [])]),
      findings,
    });
  }, [request, resources, foreignRefs, extra.data, findings]);
}
