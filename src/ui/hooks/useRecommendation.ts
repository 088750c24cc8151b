import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PreparedRecord } from '../../pipeline.ts';
import type { Indication } from '../../extract/indications.ts';
import type { InputScalar } from '../../extract/values.ts';
import { loadModel, type LoadedModel } from '../../model/loader.ts';
import { recommend } from '../../pipeline.ts';
import { useModelEnvironment, type ModelEnvironment } from '../ModelContext.ts';
import { mark } from '../metrics.ts';

/** The bundled (or site-supplied) model of one indication, loaded once per page. */
export function modelQueryOptions(env: ModelEnvironment, indication: Indication) {
  return queryOptions<LoadedModel>({
    queryKey: ['model', env.modelsBase, indication],
    queryFn: async () => {
      mark('modelRequested');
      const model = await loadModel(env.runtime, env.modelsBase, indication);
      mark('modelLoaded');
      return model;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Loads the model of the record's indication. */
export function useModel(indication: Indication | null) {
  const env = useModelEnvironment();
  return useQuery({ ...modelQueryOptions(env, indication ?? 'CD'), enabled: indication !== null });
}

/**
 * The ranking for the record, recomputed when what-if overrides change (the previous result stays
 * on screen meanwhile, so the ranking never blinks).
 */
export function useRecommendation(record: PreparedRecord, model: LoadedModel | undefined, overrides: Readonly<Record<string, InputScalar | null>>) {
  const env = useModelEnvironment();
  return useQuery({
    queryKey: ['recommendation', record.patient.ref, record.primaryIndication, model?.key, overrides],
    queryFn: () => {
      if (!model) throw new Error('no model');
      return recommend(record, model, env.runtime, { now: new Date(), overrides }).then((r) => {
        mark('recommended');
        return r;
      });
    },
    enabled: model !== undefined,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
