import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Indication } from '../../../contract/indications.ts';
import type { LoadedModel } from '../../model/loader.ts';
import {
  explain,
  loadIndicationModel,
  loadIndicationSpec,
  rank,
  type ModelEnvironment,
  type Overrides,
  type PreparedRecord,
  type Ranking,
} from '../../pipeline/index.ts';
import { useModelEnvironment } from '../ModelContext.ts';

/** The bundled (or site-supplied) model of one indication (pipeline step `loadModel`), loaded once per page. */
export function modelQueryOptions(env: ModelEnvironment, indication: Indication) {
  return queryOptions<LoadedModel>({
    queryKey: ['model', env.modelsBase, indication],
    queryFn: () => loadIndicationModel(env, indication),
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
 * The validated spec.json of the indication's model, which arrives long before the runtime and the
 * session are ready (the same read the model load uses). Errors are the model query's to show.
 */
export function useModelSpec(indication: Indication | null) {
  const env = useModelEnvironment();
  return useQuery({
    queryKey: ['modelSpec', env.modelsBase, indication],
    queryFn: () => loadIndicationSpec(env, indication ?? 'CD'),
    enabled: indication !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/**
 * The ranking (pipeline step `rank`) for the record, recomputed when what-if overrides change (the
 * previous result stays on screen meanwhile, so the ranking never blinks). The explanations follow
 * in a second query.
 */
export function useRecommendation(
  record: PreparedRecord,
  model: LoadedModel | undefined,
  overrides: Overrides,
  options: { explain?: boolean; now?: Date } = {},
) {
  const env = useModelEnvironment();
  const ranking = useQuery({
    queryKey: ['ranking', record.patient.ref, record.primaryIndication, model?.key, overrides, options.now?.getTime()],
    queryFn: () => {
      if (!model) throw new Error('no model');
      return rank(record, model, env.runtime, { now: options.now ?? new Date(), overrides });
    },
    enabled: model !== undefined,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const explanation = useExplanation(ranking.data, model, options.explain ?? true);
  return { ranking, explanation };
}

/**
 * Explanations and missing-input impact for a ranking (pipeline step `explain`, one batch run after the
 * ranking is shown). `enabled` false holds it back: the screen starts it once the ranking is painted,
 * because planning the coalition batch takes 15-40 ms of the main thread (issue 15, profile of a warm launch).
 */
function useExplanation(ranking: Ranking | undefined, model: LoadedModel | undefined, enabled: boolean) {
  const env = useModelEnvironment();
  return useQuery({
    queryKey: ['explanation', ranking?.indication, model?.key, ranking?.modelValues],
    queryFn: () => {
      if (!ranking || !model) throw new Error('no ranking');
      return explain(ranking, model, env.runtime);
    },
    enabled: enabled && ranking !== undefined && model !== undefined,
    staleTime: Infinity,
  });
}
