import { modelFolder, type Indication } from '../../contract/indications.ts';
import type { ModelSpec } from '../../contract/spec.ts';
import { parseModelSpec } from './specSchema.ts';
import { ModelError } from './errors.ts';
import type { ModelRuntime } from './runtime.ts';

/** A model ready to run: its validated spec and the runtime key of its session. */
export interface LoadedModel {
  key: string;
  spec: ModelSpec;
  /** Where the spec and model card were loaded from (shown with the model card link). */
  baseUrl: string;
  loadMs: number;
}

async function fetchOk(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new ModelError('fetch-failed', `${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new ModelError('fetch-failed', `${url}: HTTP ${res.status}`);
  return res;
}

/** The validated spec.json of one indication's model and the folder it came from (no session yet). */
export interface ModelSpecSource {
  spec: ModelSpec;
  baseUrl: string;
}

/**
 * Reads and validates `<modelsBase>/<folder>/spec.json` (src/model/specSchema.ts: strict, for this
 * indication, its model file beside it). Cheap: the screen uses it to prepare the options while the
 * runtime and the session load (issue 15).
 */
export async function loadModelSpec(modelsBase: string, indication: Indication): Promise<ModelSpecSource> {
  const baseUrl = new URL(`${modelFolder(indication)}/`, modelsBase).href;
  let spec: ModelSpec;
  try {
    spec = parseModelSpec(await (await fetchOk(new URL('spec.json', baseUrl).href)).json(), indication);
  } catch (e) {
    if (e instanceof ModelError) throw e;
    throw new ModelError('spec-invalid', e instanceof Error ? e.message : String(e));
  }
  // parseModelSpec allows only a plain relative path; the resolved URL is checked again (defence in depth).
  const modelUrl = new URL(spec.onnx.file, baseUrl);
  if (modelUrl.origin !== new URL(baseUrl).origin || !modelUrl.href.startsWith(baseUrl)) {
    throw new ModelError('spec-invalid', `onnx.file "${spec.onnx.file}" is not beside spec.json`);
  }
  return { spec, baseUrl };
}

/**
 * Loads the model of one indication from `<modelsBase>/<folder>/` (contract/indications.ts modelFolder): spec.json is
 * validated ({@link loadModelSpec}), the .onnx it names is fetched and must hash to the spec's SHA-256, and the session's inputs and
 * outputs must be those the spec declares. Any model that passes runs, so a site can replace the
 * bundled files with its own model without rebuilding the app.
 * @param source the spec already being read for this indication (so it is read once), if any
 */
export async function loadModel(runtime: ModelRuntime, modelsBase: string, indication: Indication, source?: Promise<ModelSpecSource>): Promise<LoadedModel> {
  const { spec, baseUrl } = await (source ?? loadModelSpec(modelsBase, indication));
  const modelUrl = new URL(spec.onnx.file, baseUrl);
  const bytes = await (await fetchOk(modelUrl.href)).arrayBuffer();
  const key = `${spec.indication}@${spec.modelVersion}`;
  const { inputNames, outputNames, ms } = await runtime.load(key, bytes, spec.onnx.sha256);
  if (!inputNames.includes(spec.onnx.input.name)) {
    throw new ModelError('shape-mismatch', `the model's inputs (${inputNames.join(', ')}) lack "${spec.onnx.input.name}" named in spec.json`);
  }
  for (const out of ['p_mean', 'p_lower', 'p_upper']) {
    if (!outputNames.includes(out)) throw new ModelError('shape-mismatch', `the model has no output "${out}" (spec format ${spec.format})`);
  }
  return { key, spec, baseUrl, loadMs: ms };
}

/** Probability of the endpoint per drug for one encoded patient, with the ensemble's interval. */
export interface Prediction {
  drug: string;
  mean: number;
  lower: number;
  upper: number;
}

/** Runs one patient row through a loaded model. */
export async function predict(runtime: ModelRuntime, model: LoadedModel, x: Float32Array): Promise<{ predictions: Prediction[]; ms: number }> {
  const cols = model.spec.columns.length;
  if (x.length !== cols) throw new ModelError('shape-mismatch', `x has ${x.length} columns, the model expects ${cols}`);
  const { outputs, ms } = await runtime.run(model.key, model.spec.onnx.input.name, x, 1, cols, ['p_mean', 'p_lower', 'p_upper']);
  const drugs = model.spec.outputs.drugs;
  const col = (name: string, d: number): number => outputs[name]?.data[d] ?? Number.NaN;
  return { predictions: drugs.map((drug, d) => ({ drug, mean: col('p_mean', d), lower: col('p_lower', d), upper: col('p_upper', d) })), ms };
}
