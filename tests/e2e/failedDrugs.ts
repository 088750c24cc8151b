import type { Bundle } from 'fhir/r4';
import { resourcesFromBundle } from '../../src/extract/bundle.ts';
import { extractRecord } from '../../src/extract/extract.ts';
import { normaliseReason } from '../../src/rules/history.ts';

/** What counts as "failed or did not tolerate": an efficacy failure or a tolerability stop. */
const FAILURE = new Set(['primary-nonresponse', 'loss-of-response', 'breakthrough-disease', 'intolerance', 'adverse-event']);

export interface FailedDrug {
  inn: string;
  reason: string;
  /** The record's words for the stop reason. */
  text: string;
}

/**
 * The drugs the patient stopped for failure or intolerance, read from the fixture by the project's
 * own extractor (stop reason coded or read from the status reason text in EN/DE/FR). The extractor
 * files MS breakthrough disease under 'other' with the words kept; the history rules' reading of
 * those words (normaliseReason) tells it apart from a non-clinical stop.
 * @param now the demo's reference date (the browser's clock in the e2e run)
 */
export function failedDrugs(bundle: Bundle, now: Date): FailedDrug[] {
  const record = extractRecord(resourcesFromBundle(bundle).resources, { now });
  const out = new Map<string, FailedDrug>();
  for (const ep of record.episodes) {
    if (ep.ongoing || ep.stopReason === undefined) continue;
    const { reason } = normaliseReason(ep.stopReason, ep.stopReasonText);
    if (FAILURE.has(reason)) out.set(ep.inn, { inn: ep.inn, reason, text: ep.stopReasonText ?? '' });
  }
  return [...out.values()];
}
