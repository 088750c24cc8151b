import { useQuery } from '@tanstack/react-query';
import type { Resource } from 'fhir/r4';
import { useMemo } from 'react';
import { lookupSubsumption, unknownSnomedCodes, type TerminologyLookup } from '../../extract/terminology/server.ts';
import { loadSettings } from '../../smart/settings.ts';

/**
 * The optional terminology server's answers for the record's unknown SNOMED CT codes (config.json
 * `terminologyServer`; off by default, then nothing is asked and undefined is returned). Only the codes are
 * sent (extract/terminology/server.ts). Until the answers arrive the record is prepared without them; a
 * failed question comes back as a note in the lookup, shown with the record's problems.
 */
export function useTerminologyLookup(resources: readonly Resource[] | undefined): TerminologyLookup | undefined {
  const settings = useQuery({ queryKey: ['deployment-settings'], queryFn: () => loadSettings(), staleTime: Infinity });
  const server = settings.data?.terminologyServer ?? null;
  const codes = useMemo(() => (server !== null && resources ? unknownSnomedCodes(resources) : []), [server, resources]);
  const lookup = useQuery({
    queryKey: ['terminology-subsumes', server, codes],
    queryFn: () => lookupSubsumption(server ?? '', codes),
    enabled: server !== null && codes.length > 0,
    staleTime: Infinity,
  });
  return lookup.data;
}
