/**
 * How certain a Condition is: one reader for indications (indications.ts) and safety facts (facts.ts).
 *
 * Two signals are read:
 * - `Condition.verificationStatus`, FHIR R4 code system http://terminology.hl7.org/CodeSystem/condition-ver-status
 *   (R4 ValueSet condition-ver-status: unconfirmed, provisional, differential, confirmed, refuted,
 *   entered-in-error; provisional and differential are children of unconfirmed).
 * - The German ICD-10-GM "Diagnosesicherheit" on the ICD-10-GM coding of Condition.code: extension
 *   http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit of the Deutsche Basisprofile
 *   (de.basisprofil.r4, HL7 Deutschland; used by the MII KDS Diagnose profile and the KBV profiles), value
 *   from the KBV code system https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT:
 *   A = ausgeschlossen (excluded), V = Verdacht auf (suspected), Z = Zustand nach (status post),
 *   G = gesicherte Diagnose (confirmed). Package versions: section/version to verify against the current
 *   Basisprofil release; the four codes match the KBV code system as used in the MII example bundles.
 *   The sibling extension "Seitenlokalisation" (http://fhir.de/StructureDefinition/seitenlokalisation,
 *   R/L/B) says which side, not how certain: it is deliberately not read here.
 *
 * When the two disagree, the less certain one wins and the disagreement is reported to the clinician.
 */
import { arr, isRecord } from './fhir.ts';
import { because, statusRef, type Reason } from './reasons.ts';

/** The certainty of one Condition. `past` = status post (ICD-10-GM Z): a condition that was, not that is. */
export type Certainty = 'confirmed' | 'suspected' | 'excluded' | 'past' | 'unknown';

/** Which field said so. */
export type CertaintySource = 'verificationStatus' | 'icd10gm-diagnosesicherheit' | 'none';

export interface CertaintyReading {
  certainty: Certainty;
  source: CertaintySource;
  /** The raw code that decided it (e.g. `provisional`, `V`); absent when nothing was recorded. */
  code?: string;
  /** Clinician-readable wording of the decisive signal, e.g. "verification status provisional". */
  label: string;
  /** Clinician-readable notes: conflicting signals, unrecognised codes. */
  problems: string[];
  /** `label` as a typed reason (shown in the reader's language). */
  labelWhy: Reason;
  /** `problems` as typed reasons, in the same order. */
  problemWhys: Reason[];
}

/** The Basisprofil extension URL of the ICD-10-GM Diagnosesicherheit. */
export const GM_CERTAINTY_URL = 'http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit';
/** The KBV code system of the Diagnosesicherheit values. */
export const GM_CERTAINTY_SYSTEM = 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT';
/** The FHIR R4 code system of Condition.verificationStatus. */
export const VER_STATUS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/**
 * verificationStatus code -> certainty. entered-in-error is "excluded" for counting (the record says the
 * entry is wrong), with its own label so the report names it.
 */
const VER_STATUS: Record<string, Certainty> = {
  confirmed: 'confirmed',
  unconfirmed: 'suspected',
  provisional: 'suspected',
  differential: 'suspected',
  refuted: 'excluded',
  'entered-in-error': 'excluded',
};

const GM: Record<string, { certainty: Certainty; words: string }> = {
  A: { certainty: 'excluded', words: 'ausgeschlossen / excluded' },
  V: { certainty: 'suspected', words: 'Verdacht / suspected' },
  Z: { certainty: 'past', words: 'Zustand nach / status post' },
  G: { certainty: 'confirmed', words: 'gesichert / confirmed' },
};

/**
 * How much each certainty asserts the condition is present now; the lower wins a conflict. Past sits
 * below confirmed (it asserts a history, not a current disease) and above suspected.
 */
const RANK: Record<Certainty, number> = { excluded: 0, suspected: 1, past: 2, unknown: 3, confirmed: 4 };

/** The verificationStatus code, trimmed and lower-cased, from any coding of the concept. */
function verificationCode(status: unknown): string | undefined {
  for (const c of isRecord(status) ? arr(status.coding) : []) {
    if (isRecord(c) && typeof c.code === 'string' && c.code.trim() !== '') return c.code.trim().toLowerCase();
  }
  return undefined;
}

/** Every Diagnosesicherheit code on the codings of Condition.code (upper-cased). */
function gmCodes(code: unknown): string[] {
  const out: string[] = [];
  for (const k of isRecord(code) ? arr(code.coding) : []) {
    for (const e of isRecord(k) ? arr(k.extension) : []) {
      if (!isRecord(e) || e.url !== GM_CERTAINTY_URL) continue;
      const value = isRecord(e.valueCoding) ? e.valueCoding.code : e.valueCode;
      if (typeof value === 'string' && value.trim() !== '') out.push(value.trim().toUpperCase());
    }
  }
  return [...new Set(out)];
}

/**
 * Read the certainty of a Condition-like object (only `verificationStatus` and `code` are read).
 * Unrecognised codes are reported and do not count as a signal; conflicting signals resolve to the less
 * certain one (excluded < suspected < past < unknown < confirmed) and are reported.
 */
export function readCertainty(condition: unknown): CertaintyReading {
  const c = isRecord(condition) ? condition : {};
  const problems: string[] = [];
  const problemWhys: Reason[] = [];
  const signals: Array<Omit<CertaintyReading, 'problems' | 'problemWhys'>> = [];
  const ver = verificationCode(c.verificationStatus);
  if (ver !== undefined) {
    const certainty = VER_STATUS[ver];
    if (certainty)
      signals.push({
        certainty,
        source: 'verificationStatus',
        code: ver,
        label: `verification status ${ver}`,
        labelWhy: because('certainty-verification', { status: statusRef(ver) }),
      });
    else {
      problems.push(`verification status "${ver}" is not a FHIR R4 code; certainty not read from it`);
      problemWhys.push(because('certainty-unknown-verification', { code: ver }));
    }
  }
  for (const g of gmCodes(c.code)) {
    const known = GM[g];
    if (known)
      signals.push({
        certainty: known.certainty,
        source: 'icd10gm-diagnosesicherheit',
        code: g,
        label: `ICD-10-GM Diagnosesicherheit ${g} (${known.words})`,
        labelWhy: because('certainty-gm', { code: g }),
      });
    else {
      problems.push(`ICD-10-GM Diagnosesicherheit "${g}" is not one of A, V, Z, G; certainty not read from it`);
      problemWhys.push(because('certainty-unknown-gm', { code: g }));
    }
  }
  if (signals.length === 0)
    return {
      certainty: 'unknown',
      source: 'none',
      label: 'no verification status or Diagnosesicherheit recorded',
      labelWhy: because('certainty-none'),
      problems,
      problemWhys,
    };
  const sorted = [...signals].sort((a, b) => RANK[a.certainty] - RANK[b.certainty]);
  const decisive = sorted[0] as Omit<CertaintyReading, 'problems' | 'problemWhys'>;
  if (new Set(signals.map((s) => s.certainty)).size > 1) {
    problems.push(`conflicting certainty: ${signals.map((s) => s.label).join(' vs ')}; read as ${decisive.certainty} (the less certain)`);
    problemWhys.push(
      because('certainty-conflict', {
        signals: signals.map((s) => `${s.source === 'verificationStatus' ? 'verificationStatus' : 'ICD-10-GM'} ${s.code ?? ''}`).join(' / '),
        chosen: decisive.labelWhy,
      }),
    );
  }
  return { ...decisive, problems, problemWhys };
}

/** Certainties that count as the disease being present (for indications: usable without confirmation). */
export function countsAsPresent(c: Certainty): boolean {
  return c === 'confirmed' || c === 'unknown';
}

/** The English adjective for a suspected/past diagnosis in messages ("suspected Crohn's disease"). */
export function certaintyWord(c: Certainty): string | undefined {
  if (c === 'suspected') return 'suspected';
  if (c === 'past') return 'status post';
  if (c === 'excluded') return 'excluded';
  return undefined;
}
