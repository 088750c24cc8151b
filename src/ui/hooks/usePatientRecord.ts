import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { detectIndications } from '../../extract/indications.ts';
import { useModelEnvironment, type ModelEnvironment } from '../ModelContext.ts';
import { modelQueryOptions } from './useRecommendation.ts';
import { useState } from 'react';
import { buildMedicationFollowUp, buildQueryPlan } from '../../extract/queries.ts';
import { readRecord, type FhirSession, type PatientRecord } from '../../smart/index.ts';
import { mark, record } from '../metrics.ts';
import { useSession } from '../SessionContext.ts';

export interface Progress {
  done: number;
  total: number;
}

/**
 * The patient's record, read once per launch. `staleTime: Infinity` on purpose: a decision is made
 * on one consistent snapshot; the clinician relaunches to see new data.
 */
export function patientRecordQueryOptions(session: FhirSession, onProgress?: (p: Progress) => void, prefetch?: { queryClient: QueryClient; models: ModelEnvironment }) {
  return queryOptions<PatientRecord>({
    queryKey: ['patient-record', session.fhirBaseUrl, session.patientId],
    queryFn: async () => {
      const result = await readRecord(session, buildQueryPlan(session.patientId, new Date()), {
        followUp: buildMedicationFollowUp,
        onProgress: (done, total) => onProgress?.({ done, total }),
        // As soon as the diagnoses are in, load the model of the indication (while labs still load).
        onSearch: (q, found) => {
          if (q.resourceType !== 'Condition' || !prefetch) return;
          const first = detectIndications(found.matches).find((f) => f.active)?.indication;
          if (first) void prefetch.queryClient.prefetchQuery(modelQueryOptions(prefetch.models, first));
        },
      });
      mark('recordRead');
      record({ requests: result.requests.length, waves: result.waves });
      return result;
    },
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
