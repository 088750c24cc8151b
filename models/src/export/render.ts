/** The demo set as serialised files: what the CLI writes and the test compares byte for byte. */
import { DEFAULT_SEED, selectDemoPatients } from './select.ts';
import { toFhirBundle, type DemoPatient } from './toFhir.ts';

export interface RenderedPatient {
  key: string;
  demo: DemoPatient;
  /** The file content: 2-space JSON plus a newline, as sandbox/fixtures/generate.mjs writes. */
  text: string;
  entries: number;
}

/**
 * Selects and writes the demo patients of a seed.
 * @param seed master seed (default: the committed set's)
 */
export function renderDemoSet(seed: number = DEFAULT_SEED): RenderedPatient[] {
  return selectDemoPatients(seed).map((demo) => {
    const bundle = toFhirBundle(demo);
    return { key: demo.key, demo, text: `${JSON.stringify(bundle, null, 2)}\n`, entries: bundle.entry?.length ?? 0 };
  });
}
