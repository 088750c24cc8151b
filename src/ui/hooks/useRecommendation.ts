import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PreparedRecord } from '../../pipeline.ts';
import type { Indication } from '../../extract/indications.ts';
import type { InputScalar } from '../../extract/values.ts';
import { loadModel, type LoadedModel } from '../../model/loader.ts';
import { explain, rank, type Ranking } from '../../pipeline.ts';
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
 * on screen meanwhile, so the ranking never blinks). The explanations follow in a second query.
 */
export function useRecommendation(record: PreparedRecord, model: LoadedModel | undefined, overrides: Readonly<Record<string, InputScalar | null>>) {
  const env = useModelEnvironment();
  const ranking = useQuery({
    queryKey: ['ranking', record.patient.ref, record.primaryIndication, model?.key, overrides],
    queryFn: async () => {
      if (!model) throw new Error('no model');
      const r = await rank(record, model, env.runtime, { now: new Date(), overrides });
      mark('recommended');
      return r;
    },
    enabled: model !== undefined,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const explanation = useExplanation(ranking.data, model);
  return { ranking, explanation };
}

/** Explanations and missing-input impact for a ranking (one batch run after the ranking is shown). */
function useExplanation(ranking: Ranking | undefined, model: LoadedModel | undefined) {
  const env = useModelEnvironment();
  return useQuery({
    queryKey: ['explanation', ranking?.indication, model?.key, ranking?.modelValues],
    queryFn: () => {
      if (!ranking || !model) throw new Error('no ranking');
      return explain(ranking, model, env.runtime);
    },
    enabled: ranking !== undefined && model !== undefined,
    staleTime: Infinity,
  });
}
