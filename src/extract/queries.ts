/**
 * The FHIR read plan: which searches to run for one patient, grouped in waves. Pure data; the executor in
 * the app (src/smart/) URL-encodes the values, follows `next` links, and runs each wave's searches in
 * parallel. Patient itself is read separately (`Patient/<id>`).
 *
 * Token values are plain `system|code` strings. Observation searches are split into chunks of at most
 * MAX_TOKENS_PER_QUERY codes so that URLs stay below the ~8 kB limit common in EHR gateways and proxies.
 */
import type { Resource } from 'fhir/r4';
import { isResource } from './fhir.ts';
import { CODE_ROWS, LOCAL_ROWS, type CodeRow } from './terminology/index.ts';

export interface FhirQuery {
  /** Stable id for logging and de-duplication, e.g. `obs-labs-1`. */
  id: string;
  resourceType: string;
  params: Record<string, string>;
  /** Searches of one wave are independent and may run in parallel; wave n+1 needs wave n's results. */
  wave: number;
  /** Why the app reads this (shown in the data-provenance panel). */
  purpose: string;
}

/** At most this many `system|code` tokens in one search. */
export const MAX_TOKENS_PER_QUERY = 40;
/** Page size asked of the server; the executor still follows `next` links. */
export const PAGE_SIZE = '200';

/** Look-back windows in days (the catalogue's `lookbackDays` use the same figures). */
export const LOOKBACK_DAYS = {
  /** Laboratory values: 5 years covers the disease course the models use (catalogue.ts, lab inputs). */
  labs: 5 * 365,
  /** Body weight/height/BMI: 2 years. */
  vitals: 2 * 365,
  /** Recorded activity scores: 5 years (trend display), the model uses the latest within its stale limit. */
  scores: 5 * 365,
  /** MS MRI activity: 3 years (NEDA-3 and MAGNIMS/Rio scores look at 12-24 months; one prior scan for comparison). */
  msMri: 3 * 365,
} as const;

function isoDate(now: Date, daysBack: number): string {
  return new Date(now.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

function tokens(rows: readonly CodeRow[]): string[] {
  return [...new Set(rows.filter((r) => r.code !== '').map((r) => `${r.system}|${r.code}`))];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const allRows: readonly CodeRow[] = [...CODE_ROWS, ...LOCAL_ROWS];
const byConcept = (pred: (concept: string) => boolean): CodeRow[] => allRows.filter((r) => pred(r.concept));

/**
 * Results read without a date limit: screening results that stay relevant for years and lifelong markers
 * (RF and anti-CCP for seropositivity, anti-HBc, JCV serostatus history, HIV/HCV, VZV IgG; issue 10).
 */
const SAFETY_LABS = new Set([
  'lab.hbsag',
  'lab.anti_hbc',
  'lab.anti_hbs',
  'lab.igra_tb',
  'lab.tst',
  'lab.jcv_index',
  'lab.jcv_antibody',
  'lab.pregnancy',
  'lab.rheumatoid_factor',
  'lab.anti_ccp',
  'lab.hiv',
  'lab.hcv_ab',
  'lab.hcv_rna',
  'lab.vzv_igg',
]);
const MS_MRI = new Set(['obs.mri_new_t2', 'obs.mri_gd']);
const CLASSIFICATION = new Set([
  'obs.cd_location',
  'obs.cd_behaviour',
  'obs.uc_extent',
  'obs.nyha',
  'obs.pregnancy_status',
  'obs.pregnancy_intention',
  'social.smoking_status',
]);

/**
 * Build the query plan for one patient.
 * @param patientId the FHIR logical id of the patient (from the SMART launch context)
 * @param now the reference time; look-back windows are counted back from it
 * @returns the searches, wave 1 all independent
 */
export function buildQueryPlan(patientId: string, now: Date): FhirQuery[] {
  const plan: FhirQuery[] = [];
  const base = { patient: patientId, _count: PAGE_SIZE };
  const observationGroup = (id: string, rows: CodeRow[], purpose: string, daysBack: number | null): void => {
    chunk(tokens(rows), MAX_TOKENS_PER_QUERY).forEach((codes, i) => {
      const params: Record<string, string> = { ...base, code: codes.join(',') };
      if (daysBack !== null) params.date = `ge${isoDate(now, daysBack)}`;
      plan.push({ id: `${id}-${i + 1}`, resourceType: 'Observation', params, wave: 1, purpose });
    });
  };

  plan.push({
    id: 'conditions',
    resourceType: 'Condition',
    params: { ...base },
    wave: 1,
    purpose: 'Diagnoses (indication, disease phenotype, comorbidities and contraindications); all, no date limit',
  });
  observationGroup(
    'obs-labs',
    byConcept((c) => c.startsWith('lab.') && !SAFETY_LABS.has(c)),
    'Laboratory values (CRP, calprotectin, ESR, albumin, haemoglobin, blood counts incl. neutrophils and platelets, IgG, liver and kidney function)',
    LOOKBACK_DAYS.labs,
  );
  observationGroup(
    'obs-safety',
    byConcept((c) => SAFETY_LABS.has(c)),
    'Screening results and lifelong markers, no date limit (TB, hepatitis B/C, HIV, JC virus, VZV, RF/anti-CCP, pregnancy tests)',
    null,
  );
  observationGroup(
    'obs-ecg',
    byConcept((c) => c === 'obs.qtc'),
    'ECG (QTc) before S1P receptor modulators',
    LOOKBACK_DAYS.labs,
  );
  observationGroup(
    'obs-vitals',
    byConcept((c) => c.startsWith('vital.')),
    'Body mass index, weight and height',
    LOOKBACK_DAYS.vitals,
  );
  observationGroup(
    'obs-scores',
    byConcept((c) => c.startsWith('score.')),
    'Recorded disease activity scores (HBI, CDAI, Mayo, DAS28, SDAI, EDSS)',
    LOOKBACK_DAYS.scores,
  );
  observationGroup(
    'obs-ms-mri',
    byConcept((c) => MS_MRI.has(c) || c === 'obs.ms_relapse'),
    'MS MRI lesion counts and recorded relapses',
    LOOKBACK_DAYS.msMri,
  );
  observationGroup(
    'obs-classification',
    byConcept((c) => CLASSIFICATION.has(c)),
    'Disease classification (Montreal), smoking, pregnancy status and intention, NYHA class',
    null,
  );
  for (const type of ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration'] as const) {
    plan.push({
      id: type.charAt(0).toLowerCase() + type.slice(1),
      resourceType: type,
      params: { ...base, _include: `${type}:medication` },
      wave: 1,
      purpose: 'Treatment history (current and past therapies, stop reasons), with the referenced Medication resources',
    });
  }
  plan.push({
    id: 'procedures',
    resourceType: 'Procedure',
    params: { ...base },
    wave: 1,
    purpose: 'Surgery (bowel resection, hysterectomy, pacemaker) and other procedures',
  });
  plan.push({ id: 'allergies', resourceType: 'AllergyIntolerance', params: { ...base }, wave: 1, purpose: 'Drug allergies and intolerances' });
  plan.push({
    id: 'immunizations',
    resourceType: 'Immunization',
    params: { ...base },
    wave: 1,
    purpose: 'Vaccinations (live vaccines in the last 6 weeks, varicella doses)',
  });
  return plan;
}

/**
 * Medication references the record cannot resolve: `Medication/<id>` references of medication resources whose
 * Medication was not read. Contained (`#id`) and absolute references are skipped.
 * @param options.withDisplay false: leave out references that carry a display (the drug may still be
 *   recognised from it); true: every unresolved reference
 * @returns the missing Medication ids and how many medication resources point at one of them
 */
export function unresolvedMedicationIds(resources: readonly Resource[], options: { withDisplay: boolean }): { ids: string[]; referencing: number } {
  const have = new Set(resources.filter((r) => r.resourceType === 'Medication' && r.id).map((r) => r.id));
  const missing = new Set<string>();
  let referencing = 0;
  for (const r of resources) {
    if (!isResource(r)) continue;
    if (r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationStatement' && r.resourceType !== 'MedicationAdministration') continue;
    if (r.medicationCodeableConcept) continue;
    if (!options.withDisplay && r.medicationReference?.display) continue;
    const ref = r.medicationReference?.reference;
    const m = typeof ref === 'string' ? /^Medication\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
    if (m?.[1] && !have.has(m[1])) {
      missing.add(m[1]);
      referencing++;
    }
  }
  return { ids: [...missing], referencing };
}

/**
 * Wave 2: Medication resources referenced by medication resources but not returned (servers that ignore
 * `_include`, or do not offer it: ./readPlan.ts). Contained (`#id`) and absolute references are skipped;
 * ids are batched 40 per search.
 * @param resources everything read in wave 1
 */
export function buildMedicationFollowUp(resources: readonly Resource[]): FhirQuery[] {
  return chunk(unresolvedMedicationIds(resources, { withDisplay: true }).ids, MAX_TOKENS_PER_QUERY).map((ids, i) => ({
    id: `medications-${i + 1}`,
    resourceType: 'Medication',
    params: { _id: ids.join(','), _count: PAGE_SIZE },
    wave: 2,
    purpose: 'Medication resources referenced by prescriptions but not included by the server',
  }));
}
