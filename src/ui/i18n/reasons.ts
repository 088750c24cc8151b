/**
 * One formatter for every extractor reason, note and problem on screen (src/extract/reasons.ts): the key's
 * text in the clinician's language with its parameters filled. A number is shown in the language's
 * format, an input by its translated label, a status by its translated label, a nested reason formatted
 * in turn; text from the record (a diagnosis, a drug, a clinician's words) is a `verbatim` segment, shown
 * as it is and marked so (`translate="no"`).
 */
import { isReason, type Reason, type ReasonParam, type ReasonPart } from '../../extract/reasons.ts';
import { inputLabel, type ClinicalLanguage } from './inputs.ts';
import { reasonsDe } from './reasons.de.ts';
import { reasonsEn } from './reasons.en.ts';
import { reasonsFr } from './reasons.fr.ts';
import type { ReasonTable } from './reasons.types.ts';
import { statusLabel } from './statuses.ts';
import { numberFormat } from '../intl.ts';

export type { ReasonTable } from './reasons.types.ts';

/** The message tables, one per language. */
export const reasonTables: Readonly<Record<ClinicalLanguage, ReasonTable>> = { en: reasonsEn, de: reasonsDe, fr: reasonsFr };

/** A piece of formatted text; `verbatim` = words from the record, not translated. */
export interface Segment {
  text: string;
  verbatim?: boolean;
}

/** Separator between the parts of a composite reason. */
const PART_SEPARATOR = '; ';

function numberText(n: number, lang: ClinicalLanguage): string {
  return Number.isFinite(n) ? numberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }).format(n) : String(n);
}

function paramSegments(p: ReasonParam, lang: ClinicalLanguage): Segment[] {
  if (typeof p === 'number') return [{ text: numberText(p, lang) }];
  if (typeof p === 'string') return [{ text: p }];
  if (isReason(p)) return reasonSegments(p, lang);
  if ('input' in p) return [{ text: inputLabel(p.input, lang) }];
  if ('status' in p) return [{ text: statusLabel(p.status, lang) }];
  return [{ text: p.text, verbatim: true }];
}

const present = (params: ReasonPart['params'], name: string): boolean => {
  const v = params?.[name];
  return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
};

/** Fill one template: `{{name}}` parameters; a `[[...]]` block only when each parameter in it is present. */
function fill(template: string, params: ReasonPart['params'], lang: ClinicalLanguage): Segment[] {
  const out: Segment[] = [];
  const optional = template.replace(/\[\[(.*?)\]\]/g, (_, block: string) =>
    [...block.matchAll(/\{\{(\w+)\}\}/g)].every((m) => present(params, m[1] ?? '')) ? block : '',
  );
  for (const [i, piece] of optional.split(/\{\{(\w+)\}\}/).entries()) {
    if (i % 2 === 0) {
      if (piece) out.push({ text: piece });
      continue;
    }
    const value = params?.[piece];
    if (value !== undefined) out.push(...paramSegments(value, lang));
  }
  return out;
}

/** A reason as segments in the language (parts joined by "; "). */
export function reasonSegments(reason: Reason, lang: ClinicalLanguage): Segment[] {
  return reason.flatMap((part, i) => [...(i > 0 ? [{ text: PART_SEPARATOR }] : []), ...fill(reasonTables[lang][part.key], part.params, lang)]);
}

/** A reason as one string in the language. */
export function formatReason(reason: Reason, lang: ClinicalLanguage): string {
  return reasonSegments(reason, lang)
    .map((s) => s.text)
    .join('');
}
