/**
 * The vedolizumab clinical decision support tool for Crohn's disease (Dulai PS et al.,
 * Gastroenterology 2018;155:687-695; points in vedoCdst.ts) computed from the extracted inputs.
 */
import type { InputName } from '../extract/catalogue.ts';
import type { ExtractedRecord } from '../extract/extract.ts';
import type { ScoreResult, SourcedValue } from './types.ts';
import { vedolizumabCdst } from './vedoCdst.ts';

function sourced<T extends number | boolean>(record: ExtractedRecord, name: InputName, pick: (v: unknown) => T | null): SourcedValue<T> | null {
  const v = record.inputs[name];
  if (!v || v.state !== 'ok') return null;
  const value = pick(v.value);
  if (value === null) return null;
  return { value, ...(v.sources[0] ? { sourceRef: v.sources[0] } : {}), ...(v.date ? { date: v.date } : {}) };
}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** Fistulizing disease: penetrating behaviour (Montreal B3) or perianal disease (Montreal "p"). */
function fistulizing(record: ExtractedRecord): SourcedValue<boolean> | null {
  const behaviour = record.inputs.cd_behaviour;
  const perianal = record.inputs.cd_perianal;
  if (perianal?.state === 'ok' && perianal.value === true) return { value: true, ...(perianal.sources[0] ? { sourceRef: perianal.sources[0] } : {}) };
  if (behaviour?.state === 'ok' && behaviour.value === 'B3') return { value: true, ...(behaviour.sources[0] ? { sourceRef: behaviour.sources[0] } : {}) };
  if (behaviour?.state === 'ok' && perianal?.state === 'ok') return { value: false };
  return null;
}

/** The CDST for the record (incomplete, naming the missing items, when inputs are missing). */
export function vedoCdstFromRecord(record: ExtractedRecord): ScoreResult {
  return vedolizumabCdst({
    priorBowelSurgery: sourced(record, 'prior_bowel_resection', bool),
    priorAntiTnf: sourced(record, 'prior_anti_tnf', bool),
    fistulizingDisease: fistulizing(record),
    albuminGL: sourced(record, 'albumin_g_l', num),
    crpMgL: sourced(record, 'crp_mg_l', num),
  });
}
