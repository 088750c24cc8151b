import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readPatientRecord, type ModelEnvironment, type PatientRecord } from '../../pipeline/index.ts';
import type { FhirSession } from '../../smart/index.ts';
import { useModelEnvironment } from '../ModelContext.ts';
import { useSession } from '../SessionContext.ts';
import { modelQueryOptions } from './useRecommendation.ts';

export interface Progress {
  done: number;
  total: number;
}

/**
 * The patient's record (pipeline step `readRecord`), read once per launch. `staleTime: Infinity` on
 * purpose: a decision is made on one consistent snapshot; the clinician relaunches to see new data.
 * With `prefetch`, the model of the first indication found starts loading while the labs still load.
 */
export function patientRecordQueryOptions(
  session: FhirSession,
  onProgress?: (p: Progress) => void,
  prefetch?: { queryClient: QueryClient; models: ModelEnvironment },
) {
  return queryOptions<PatientRecord>({
    queryKey: ['patient-record', session.fhirBaseUrl, session.patientId],
    queryFn: () =>
      readPatientRecord(session, {
        now: new Date(),
        onProgress: (done, total) => onProgress?.({ done, total }),
        ...(prefetch ? { onIndication: (first) => void prefetch.queryClient.prefetchQuery(modelQueryOptions(prefetch.models, first)) } : {}),
      }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Reads the record and reports how many of its requests have answered. */
export function usePatientRecord() {
  const session = useSession();
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0 });
  const queryClient = useQueryClient();
  const models = useModelEnvironment();
  const query = useQuery(patientRecordQueryOptions(session, setProgress, { queryClient, models }));
  return { ...query, progress };
}
