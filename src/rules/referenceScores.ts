/**
 * The published reference scores shown beside the model, so a clinician sees where an established
 * tool and the model agree or disagree:
 *  - Crohn's disease: the vedolizumab clinical decision support tool (Dulai PS et al.,
 *    Gastroenterology 2018;155:687-695), see scores/vedoCdst.ts;
 *  - relapsing MS: the modified Rio score (Sormani MP et al., Mult Scler 2013;19:605-612) and the
 *    MAGNIMS score (Sormani MP et al., Neurology 2016;87:134-140), both defined for the first year on
 *    an injectable therapy: shown with that caveat by the UI.
 */
import type { ExtractedRecord } from '../extract/extract.ts';
import type { InputName } from '../extract/catalogue.ts';
import type { Indication } from '../extract/indications.ts';
import { magnims } from './scores/magnims.ts';
import { modifiedRio } from './scores/modifiedRio.ts';
import type { ScoreResult, SourcedValue } from './scores/types.ts';
import { vedolizumabCdst } from './scores/vedoCdst.ts';

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

/** The reference scores for an indication, computed from the extracted inputs (incomplete when inputs are missing). */
export function referenceScores(indication: Indication, record: ExtractedRecord): ScoreResult[] {
  switch (indication) {
    case 'CD':
      return [
        vedolizumabCdst({
          priorBowelSurgery: sourced(record, 'prior_bowel_resection', bool),
          priorAntiTnf: sourced(record, 'prior_anti_tnf', bool),
          fistulizingDisease: fistulizing(record),
          albuminGL: sourced(record, 'albumin_g_l', num),
          crpMgL: sourced(record, 'crp_mg_l', num),
        }),
      ];
    case 'RMS': {
      const input = { relapses: sourced(record, 'relapses_12m', num), newT2Lesions: sourced(record, 'new_t2_lesions_12m', num) };
      return [modifiedRio(input), magnims(input)];
    }
    case 'UC':
    case 'RA':
      return [];
  }
}
