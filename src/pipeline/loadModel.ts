import type { Indication } from '../../contract/indications.ts';
import { loadModel, type LoadedModel } from '../model/loader.ts';
import type { ModelRuntime } from '../model/runtime.ts';
import { mark } from './metrics.ts';

/** Where the models come from: the page's one runtime (inference worker) and the base URL of `models/<folder>/`. */
export interface ModelEnvironment {
  runtime: ModelRuntime;
  /** Where `models/<folder>/spec.json` are served (beside the app by default). */
  modelsBase: string;
}

/** Step `loadModel`: the bundled (or site-supplied) model of one indication, with its launch milestones. */
export async function loadIndicationModel(env: ModelEnvironment, indication: Indication): Promise<LoadedModel> {
  mark('modelRequested');
  const model = await loadModel(env.runtime, env.modelsBase, indication);
  mark('modelLoaded');
  return model;
}
