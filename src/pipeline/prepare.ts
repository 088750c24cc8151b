import type { Resource } from 'fhir/r4';
import type { Indication } from '../../contract/indications.ts';
import type { SearchOutcome } from '../extract/coverage.ts';
import { extractRecord } from '../extract/extract.ts';
import type { TerminologyLookup } from '../extract/terminology/server.ts';
import type { InputName } from '../extract/catalogue.ts';
import type { InputValue } from '../extract/values.ts';
import { scoreRecord } from '../scores/fromRecord.ts';
import { stopwatch } from './timing.ts';
import type { PreparedRecord } from './types.ts';

/**
 * Step `prepare`, pure and synchronous, shared with the record view: extract the record, compute the
 * activity scores, and fill model inputs the record lacks from their components (never over a
 * recorded value; each derived input says how it was computed).
 * @param searches the read's failed searches (readRecord failures): inputs that depend on one are
 *   missing, never "none" (issue 10: a failed search is not an empty record)
 * @param confirmed `Condition/<id>` of suspected diagnoses the clinician confirmed in the app (certainty.ts)
 * @param terminology the optional terminology server's answers (extract/terminology/server.ts)
 */
export function prepare(
  resources: readonly Resource[],
  now: Date,
  indication?: Indication,
  searches?: readonly SearchOutcome[],
  confirmed?: readonly string[],
  terminology?: TerminologyLookup,
): PreparedRecord {
  const clock = stopwatch();
  const record = extractRecord(resources, {
    now,
    ...(indication ? { indication } : {}),
    ...(searches ? { searches } : {}),
    ...(confirmed && confirmed.length > 0 ? { confirmed } : {}),
    ...(terminology ? { terminology } : {}),
  });
  const scores = scoreRecord(record, now);
  const inputs = { ...record.inputs };
  const derived: InputName[] = [];
  for (const [name, value] of Object.entries(scores.derivedInputs) as Array<[InputName, InputValue]>) {
    if (inputs[name]?.state === 'ok') continue;
    inputs[name] = value;
    derived.push(name);
  }
  return { ...record, inputs, scores, derived, timings: { prepareMs: clock.total() } };
}
