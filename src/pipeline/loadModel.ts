import type { Indication } from '../../contract/indications.ts';
import { loadModel, loadModelSpec, type LoadedModel, type ModelSpecSource } from '../model/loader.ts';
import type { ModelRuntime } from '../model/runtime.ts';
import { mark } from './metrics.ts';

/** Where the models come from: the page's one runtime (inference worker) and the base URL of `models/<folder>/`. */
export interface ModelEnvironment {
  runtime: ModelRuntime;
  /** Where `models/<folder>/spec.json` are served (beside the app by default). */
  modelsBase: string;
}

/** One read of each indication's spec.json per environment, shared by the spec alone and the model load. */
const specReads = new WeakMap<ModelEnvironment, Map<Indication, Promise<ModelSpecSource>>>();

/** The validated spec of one indication's model, read once per environment (a failed read is tried again next time). */
export function loadIndicationSpec(env: ModelEnvironment, indication: Indication): Promise<ModelSpecSource> {
  let reads = specReads.get(env);
  if (!reads) specReads.set(env, (reads = new Map()));
  let read = reads.get(indication);
  if (!read) {
    read = loadModelSpec(env.modelsBase, indication);
    reads.set(indication, read);
    read.catch(() => reads.delete(indication));
  }
  return read;
}

/** Step `loadModel`: the bundled (or site-supplied) model of one indication, with its launch milestones. */
export async function loadIndicationModel(env: ModelEnvironment, indication: Indication): Promise<LoadedModel> {
  mark('modelRequested');
  const model = await loadModel(env.runtime, env.modelsBase, indication, loadIndicationSpec(env, indication));
  mark('modelLoaded');
  return model;
}
