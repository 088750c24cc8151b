/** Derivation of the model inputs (catalogue `use: 'model'`) from the read facts. */
import { because, inputRef, joinReasons, noteFields, recordText, statusRef, drugsNote, type Noted } from './reasons.ts';
import type { Patient } from 'fhir/r4';
import { CATALOGUE_BY_NAME, type ModelInputName } from './catalogue.ts';
import { fhirDateOrUndefined, fractionalYears, yearsBetween } from './dates.ts';
import type { ConditionFact, ProcedureFact } from './facts.ts';
import type { Indication, IndicationFinding } from './indications.ts';
import { fromPoint, latestCategory, latestNumber, pointsInWindow } from './latest.ts';
import type { TherapyEpisode } from './medications.ts';
import type { ObservationPoint } from './observations.ts';
import { SYSTEMS, isIcd10System } from './terminology/index.ts';
import { missing, type InputValue } from './values.ts';

export interface DeriveContext {
  now: Date;
  patient: Patient | undefined;
  patientRef: string | undefined;
  findings: IndicationFinding[];
  primary: Indication | undefined;
  episodes: TherapyEpisode[];
  series: Record<string, ObservationPoint[]>;
  conditions: ConditionFact[];
  procedures: ProcedureFact[];
}

type OkValue = Extract<InputValue, { state: 'ok' }>;
const derived = (name: ModelInputName, value: number | boolean | string, sources: string[], note?: string | Noted, unit: string | null = null): OkValue => ({
  name,
  state: 'ok',
  value,
  unit,
  sources,
  matchedBy: 'derived',
  ...noteFields(note),
});

/** Montreal location from SNOMED CT / ICD-10 4-character codes of the CD diagnoses (Montreal 2005). */
const CD_LOCATION_SCT: Record<string, string> = { '38106008': 'L1', '196977009': 'L1', '7620006': 'L2', '414153008': 'L2', '3815005': 'L2', '737195007': 'L4' };
const CD_LOCATION_ICD: Record<string, string> = { 'K50.0': 'L1', 'K50.1': 'L2', 'K50.8': 'L3' };
/** Montreal extent from UC diagnosis codes: proctitis E1, left-sided/rectosigmoid E2, pancolitis E3. */
const UC_EXTENT_SCT: Record<string, string> = { '52231000': 'E1', '445243001': 'E2', '52506002': 'E2' };
const UC_EXTENT_ICD: Record<string, string> = { 'K51.2': 'E1', 'K51.3': 'E2', 'K51.5': 'E2', 'K51.0': 'E3' };
const PERIANAL_SCT = new Set(['235796008', '721702009']);
/** MS relapse diagnoses: SNOMED 192929006 exacerbation of MS; ICD-10-GM G35.11 "with acute exacerbation" (codes.csv). */
const RELAPSE_CODES = new Set([`${SYSTEMS.snomed}|192929006`, `${SYSTEMS.icd10gm}|G35.11`]);
/** Relapses closer than 30 days are one event (McDonald 2017 definition of separate attacks). */
const RELAPSE_SEPARATION_DAYS = 30;

function phenotypeFromCodes(
  findings: IndicationFinding[],
  indication: Indication,
  sct: Record<string, string>,
  icd: Record<string, string>,
): { values: Set<string>; sources: string[] } {
  const values = new Set<string>();
  const sources: string[] = [];
  for (const f of findings) {
    if (f.indication !== indication || !f.coding.code) continue;
    const code = f.coding.code.toUpperCase();
    let v: string | undefined;
    if (f.coding.system === SYSTEMS.snomed) v = sct[code];
    else if (isIcd10System(f.coding.system)) v = icd[code.slice(0, 5)];
    if (v) {
      values.add(v);
      sources.push(f.conditionRef);
    }
  }
  return { values, sources };
}

function refsOf(list: TherapyEpisode[]): string[] {
  return [...new Set(list.flatMap((e) => e.sources))];
}

function category(name: ModelInputName, ctx: DeriveContext, concept: string, levels: readonly string[], fromCodes: () => InputValue): InputValue {
  const p = latestCategory(name, ctx.series, [concept], ctx.now, name);
  if ('concept' in p) {
    const raw = (p.category ?? '').toUpperCase();
    const level = levels.find((l) => raw.startsWith(l));
    if (level) return fromPoint(name, p, level, ctx.now);
    return missing(
      name,
      `recorded value "${p.category ?? ''}" is not one of ${levels.join('/')}`,
      p.sources,
      because('level-unknown', { value: p.category ?? '', levels: levels.join('/') }),
    );
  }
  return fromCodes();
}

/**
 * Montreal class written in the diagnosis text ("Crohn's disease, ileocolonic (Montreal A2 L3 B3p)"):
 * used only when no observation or code gives it; marked as a text match.
 */
function montrealFromText(name: ModelInputName, ctx: DeriveContext, indication: Indication, pattern: RegExp): InputValue | undefined {
  const refs = new Set(ctx.findings.filter((f) => f.indication === indication).map((f) => f.conditionRef));
  for (const c of ctx.conditions) {
    if (!refs.has(c.ref) || !c.text || !/montreal/i.test(c.text)) continue;
    const m = pattern.exec(c.text);
    if (m?.[1])
      return {
        name,
        state: 'ok',
        value: m[1],
        unit: null,
        sources: [c.ref],
        matchedBy: 'text',
        original: { text: c.text },
        note: 'Montreal class read from the diagnosis text',
        noteWhy: because('montreal-from-text'),
      };
  }
  return undefined;
}

function relapseDates(ctx: DeriveContext): Array<{ time: number; ref: string }> {
  const events: Array<{ time: number; ref: string }> = [];
  for (const c of ctx.conditions) {
    if (c.onset && c.codings.some((k) => RELAPSE_CODES.has(`${k.system}|${k.code}`))) events.push({ time: c.onset.start.getTime(), ref: c.ref });
  }
  for (const p of ctx.series['obs.ms_relapse'] ?? []) events.push({ time: p.date.start.getTime(), ref: p.sources[0] ?? '' });
  events.sort((a, b) => a.time - b.time);
  const distinct: typeof events = [];
  for (const e of events) {
    const last = distinct.at(-1);
    if (!last || e.time - last.time >= RELAPSE_SEPARATION_DAYS * 86_400_000) distinct.push(e);
  }
  return distinct;
}

function positivity(name: ModelInputName, ctx: DeriveContext, concept: string, label: string): InputValue {
  const p = latestCategory(name, ctx.series, [concept], ctx.now, label);
  if (!('concept' in p)) return p;
  if (p.category === 'positive' || p.category === 'negative') return fromPoint(name, p, p.category === 'positive', ctx.now);
  if (p.interpretation === 'positive' || p.interpretation === 'negative')
    return fromPoint(name, p, p.interpretation === 'positive', ctx.now, 'from the lab interpretation flag', because('from-interpretation-flag'));
  if (p.value !== undefined && p.referenceHigh !== undefined)
    return fromPoint(
      name,
      p,
      p.value > p.referenceHigh,
      ctx.now,
      `above the lab upper limit ${p.referenceHigh}`,
      because('above-lab-limit', { limit: p.referenceHigh }),
    );
  if (p.state !== 'ok') return fromPoint(name, p, false, ctx.now);
  return missing(
    name,
    `${label} ${p.value ?? p.category ?? ''} recorded without interpretation or reference range`,
    p.sources,
    because('no-interpretation', { input: inputRef(name), value: p.value ?? p.category ?? '' }),
  );
}

/**
 * Derived numbers obey the catalogue's plausible range like measured ones: a birth year typed as
 * 1901 gives an age of 125, which is a data error to show, not an input to use.
 */
function checked(v: InputValue): InputValue {
  const r = CATALOGUE_BY_NAME[v.name].range;
  if (v.state !== 'ok' || typeof v.value !== 'number' || !r || (v.value >= r[0] && v.value <= r[1])) return v;
  return {
    ...v,
    state: 'implausible',
    value: v.value,
    reason: `${CATALOGUE_BY_NAME[v.name].meaning}: ${v.value} is outside the plausible range ${r[0]}–${r[1]}`,
    why: because('outside-range', { input: inputRef(v.name), value: v.value, low: r[0], high: r[1] }),
  };
}

/**
 * Derive every model input of the catalogue.
 * @param ctx facts read from the record
 */
export function deriveModelInputs(ctx: DeriveContext): Record<ModelInputName, InputValue> {
  const { now, patient, episodes, series } = ctx;
  const pRef = ctx.patientRef ? [ctx.patientRef] : [];
  const birth = fhirDateOrUndefined(patient?.birthDate, now);
  const advanced = episodes.filter((e) => e.advanced);
  const current = advanced.filter((e) => e.ongoing).sort((a, b) => (b.start?.start.getTime() ?? 0) - (a.start?.start.getTime() ?? 0))[0];
  const exposure = (name: ModelInputName, pred: (e: TherapyEpisode) => boolean, what: string): InputValue => {
    const hits = advanced.filter(pred);
    return derived(
      name,
      hits.length > 0,
      refsOf(hits),
      hits.length > 0 ? drugsNote(hits.map((e) => e.inn)) : { text: `no ${what} recorded`, why: because('none-recorded', { input: inputRef(name) }) },
    );
  };
  const anyCurrent = (name: ModelInputName, pred: (e: TherapyEpisode) => boolean): InputValue => {
    const hits = episodes.filter((e) => e.ongoing && pred(e));
    return derived(name, hits.length > 0, refsOf(hits), hits.length > 0 ? drugsNote(hits.map((e) => e.inn)) : undefined);
  };
  const primaryFindings = ctx.findings.filter((f) => f.indication === ctx.primary);
  const onset = primaryFindings
    .map((f) => f.onset)
    .filter((d) => d !== undefined)
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  const bmiValue = ((): InputValue => {
    const direct = latestNumber('bmi', series, ['vital.bmi'], now, 'BMI');
    if (direct.state !== 'missing') return direct;
    const w = pointsInWindow(series, ['vital.body_weight'], 'bmi', now)
      .filter((p) => p.state === 'ok')
      .at(-1);
    const h = pointsInWindow(series, ['vital.body_height'], 'bmi', now)
      .filter((p) => p.state === 'ok')
      .at(-1);
    if (!w?.value || !h?.value) return direct;
    const bmi = Math.round((w.value / (h.value / 100) ** 2) * 10) / 10;
    const v = fromPoint(
      'bmi',
      w,
      bmi,
      now,
      `computed from weight ${w.value} kg and height ${h.value} cm`,
      because('bmi-computed', { weight: w.value, height: h.value }),
    );
    return v.state === 'missing' ? v : { ...v, unit: 'kg/m2', sources: [...w.sources, ...h.sources], matchedBy: 'derived' };
  })();
  const smoking = latestCategory('smoking_current', series, ['social.smoking_status'], now, 'smoking status');
  const SMOKER = new Set(['449868002', '428041000124106', '77176002', '65568007', '428071000124103', '428061000124105']);
  const FORMER = new Set(['8517006']);
  const NEVER = new Set(['266919005']);
  const smokingCode = 'concept' in smoking ? (smoking.category ?? '') : '';
  const smokingKnown = SMOKER.has(smokingCode) || FORMER.has(smokingCode) || NEVER.has(smokingCode);
  const everSmoked = (series['social.smoking_status'] ?? []).some((p) => SMOKER.has(p.category ?? '') || FORMER.has(p.category ?? ''));
  const cdLoc = phenotypeFromCodes(ctx.findings, 'CD', CD_LOCATION_SCT, CD_LOCATION_ICD);
  const ucExt = phenotypeFromCodes(ctx.findings, 'UC', UC_EXTENT_SCT, UC_EXTENT_ICD);
  const perianal = ctx.findings.filter((f) => f.indication === 'CD' && f.coding.system === SYSTEMS.snomed && PERIANAL_SCT.has(f.coding.code ?? ''));
  const resections = ctx.procedures.filter((p) => p.concepts.includes('proc.bowel_resection'));
  const eims = ctx.conditions.filter((c) => c.active && c.concepts.includes('dx.eim'));
  const relapses = relapseDates(ctx);
  const countRelapses = (name: ModelInputName, days: number): InputValue => {
    const hits = relapses.filter((r) => now.getTime() - r.time <= days * 86_400_000 && r.time <= now.getTime());
    return derived(
      name,
      hits.length,
      hits.map((h) => h.ref),
      hits.length === 0 ? { text: 'no relapse recorded in the window', why: because('no-relapse-window') } : undefined,
    );
  };
  const mri = (name: ModelInputName, concept: string, agg: 'sum' | 'max'): InputValue => {
    const pts = pointsInWindow(series, [concept], name, now).filter((p) => p.value !== undefined && p.state === 'ok');
    if (pts.length === 0) return missing(name, 'no MRI lesion count in the last 12 months', [], because('no-mri-12m'));
    const values = pts.map((p) => p.value ?? 0);
    const value = agg === 'sum' ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
    const last = pts.at(-1);
    if (!last) return missing(name, 'no MRI lesion count in the last 12 months', [], because('no-mri-12m'));
    const v = fromPoint(name, last, value, now);
    return v.state === 'missing'
      ? v
      : {
          ...v,
          sources: pts.flatMap((p) => p.sources),
          note: `${agg} over ${pts.length} MRI report(s)`,
          noteWhy: because('mri-aggregate', { agg, count: pts.length }),
        };
  };

  return {
    age_years: birth
      ? checked(
          derived(
            'age_years',
            yearsBetween(birth.start, now),
            pRef,
            birth.precision === 'year' ? { text: 'birth year only', why: because('birth-year-only') } : undefined,
            'a',
          ),
        )
      : missing('age_years', 'no valid birth date', pRef, because('no-birth-date')),
    sex_female:
      patient?.gender === 'female' || patient?.gender === 'male'
        ? derived('sex_female', patient.gender === 'female', pRef)
        : missing(
            'sex_female',
            `administrative sex ${patient?.gender ?? 'not recorded'}`,
            pRef,
            because('sex-other', { sex: statusRef(patient?.gender ?? 'not-recorded') }),
          ),
    bmi: bmiValue,
    smoking_current:
      'concept' in smoking && smokingKnown
        ? fromPoint('smoking_current', smoking, SMOKER.has(smokingCode), now)
        : missing(
            'smoking_current',
            'concept' in smoking ? `smoking status code ${smokingCode || '(none)'} not interpretable` : 'no smoking status recorded',
            'concept' in smoking ? smoking.sources : [],
            'concept' in smoking ? because('smoking-code-unknown', { code: smokingCode || '–' }) : because('no-smoking-status'),
          ),
    smoking_ever:
      'concept' in smoking && smokingKnown
        ? {
            ...derived(
              'smoking_ever',
              everSmoked,
              (series['social.smoking_status'] ?? []).flatMap((p) => p.sources),
            ),
            matchedBy: 'code',
          }
        : missing('smoking_ever', 'no smoking status recorded', [], because('no-smoking-status')),
    disease_duration_years: onset
      ? checked(
          derived(
            'disease_duration_years',
            Math.round(fractionalYears(onset.start, now) * 10) / 10,
            primaryFindings.map((f) => f.conditionRef),
            {
              text: `from onset ${onset.raw} (${onset.precision} precision)`,
              why: because('from-onset', { date: onset.raw, precision: statusRef(onset.precision) }),
            },
            'a',
          ),
        )
      : missing(
          'disease_duration_years',
          ctx.primary ? `no onset date on the ${ctx.primary} diagnosis` : 'no indication diagnosis found',
          [],
          ctx.primary ? because('no-onset-date', { indication: statusRef(ctx.primary) }) : because('no-indication'),
        ),
    prior_advanced_count: derived('prior_advanced_count', new Set(advanced.map((e) => e.inn)).size, refsOf(advanced)),
    prior_anti_tnf: exposure('prior_anti_tnf', (e) => e.drugClass === 'anti-TNF', 'anti-TNF'),
    prior_anti_integrin: exposure('prior_anti_integrin', (e) => e.drugClass === 'anti-integrin' || e.drugClass === 'anti-integrin alpha4', 'anti-integrin'),
    prior_anti_il12_23: exposure('prior_anti_il12_23', (e) => e.drugClass === 'anti-IL-12/23' || e.drugClass === 'anti-IL-23', 'anti-IL-12/23 or anti-IL-23'),
    prior_jak: exposure('prior_jak', (e) => e.drugClass === 'JAK inhibitor', 'JAK inhibitor'),
    prior_s1p: exposure('prior_s1p', (e) => e.drugClass === 'S1P modulator', 'S1P modulator'),
    prior_other_advanced: exposure(
      'prior_other_advanced',
      (e) => !['anti-TNF', 'anti-integrin', 'anti-integrin alpha4', 'anti-IL-12/23', 'anti-IL-23', 'JAK inhibitor', 'S1P modulator'].includes(e.drugClass),
      'other advanced therapy',
    ),
    prior_anti_tnf_primary_nonresponse: exposure(
      'prior_anti_tnf_primary_nonresponse',
      (e) => e.drugClass === 'anti-TNF' && e.stopReason === 'primary-nonresponse',
      'anti-TNF primary non-response',
    ),
    // Anti-drug antibodies are a mechanism of secondary loss of response to anti-TNF (AGA guideline on therapeutic drug monitoring in IBD, Feuerstein JD et al., Gastroenterology 2017;153:827-34): counted as loss of response.
    prior_anti_tnf_loss_of_response: exposure(
      'prior_anti_tnf_loss_of_response',
      (e) => e.drugClass === 'anti-TNF' && (e.stopReason === 'loss-of-response' || e.stopReason === 'anti-drug-antibodies'),
      'anti-TNF loss of response',
    ),
    prior_intolerance: exposure(
      'prior_intolerance',
      (e) => e.stopReason === 'intolerance' || e.stopReason === 'adverse-event',
      'stop for intolerance or adverse event',
    ),
    current_advanced_therapy: derived(
      'current_advanced_therapy',
      current?.inn ?? 'none',
      current?.sources ?? [],
      current ? undefined : { text: 'no ongoing advanced therapy recorded', why: because('no-ongoing-therapy') },
    ),
    current_therapy_duration_months: ((): InputValue => {
      if (current?.start)
        return checked(
          derived(
            'current_therapy_duration_months',
            Math.round(((now.getTime() - current.start.start.getTime()) / (30.4375 * 86_400_000)) * 10) / 10,
            current.sources,
            { text: `since ${current.start.raw}`, why: because('since-date', { date: current.start.raw }) },
            'mo',
          ),
        );
      return current
        ? missing(
            'current_therapy_duration_months',
            `start date of ${current.inn} not recorded`,
            current.sources,
            because('start-date-missing', { drug: recordText(current.inn) }),
          )
        : derived('current_therapy_duration_months', 0, [], { text: 'no current advanced therapy', why: because('no-current-therapy') }, 'mo');
    })(),
    steroids_current: anyCurrent('steroids_current', (e) => e.drugClass === 'corticosteroid'),
    immunomodulator_current: anyCurrent('immunomodulator_current', (e) => e.drugClass === 'thiopurine' || e.drugClass === 'csDMARD'),
    crp_mg_l: ((): InputValue => {
      const v = latestNumber('crp_mg_l', series, ['lab.crp'], now, 'CRP');
      return v.state === 'missing' && (series['lab.crp_hs']?.length ?? 0) > 0
        ? {
            ...v,
            reason: `${v.reason}; only high-sensitivity CRP (different measuring range) is recorded`,
            why: joinReasons(v.why, because('only-hs-crp')) ?? because('only-hs-crp'),
          }
        : v;
    })(),
    fcal_ug_g: latestNumber('fcal_ug_g', series, ['lab.fecal_calprotectin'], now, 'faecal calprotectin'),
    esr_mm_h: latestNumber('esr_mm_h', series, ['lab.esr'], now, 'ESR'),
    albumin_g_l: latestNumber('albumin_g_l', series, ['lab.albumin'], now, 'albumin'),
    haemoglobin_g_dl: latestNumber('haemoglobin_g_dl', series, ['lab.hemoglobin'], now, 'haemoglobin'),
    lymphocytes_10e9_l: latestNumber('lymphocytes_10e9_l', series, ['lab.lymphocytes'], now, 'absolute lymphocyte count'),
    cd_location: category('cd_location', ctx, 'obs.cd_location', ['L1', 'L2', 'L3', 'L4'], () => {
      const v = cdLoc.values;
      if (v.size === 0)
        return (
          montrealFromText('cd_location', ctx, 'CD', /\b(L[1-4])\b/) ??
          missing('cd_location', 'Montreal location not recorded and not coded in the diagnosis', [], because('montreal-location-missing'))
        );
      let loc = 'L4';
      if (v.has('L3') || (v.has('L1') && v.has('L2'))) loc = 'L3';
      else if (v.has('L1')) loc = 'L1';
      else if (v.has('L2')) loc = 'L2';
      return { ...derived('cd_location', loc, cdLoc.sources, { text: 'from the diagnosis code', why: because('from-diagnosis-code') }), matchedBy: 'code' };
    }),
    cd_behaviour: category(
      'cd_behaviour',
      ctx,
      'obs.cd_behaviour',
      ['B1', 'B2', 'B3'],
      () =>
        montrealFromText('cd_behaviour', ctx, 'CD', /\b(B[1-3])p?\b/) ??
        missing('cd_behaviour', 'Montreal behaviour not recorded', [], because('montreal-behaviour-missing')),
    ),
    cd_perianal:
      perianal.length > 0
        ? {
            ...derived(
              'cd_perianal',
              true,
              perianal.map((f) => f.conditionRef),
            ),
            matchedBy: 'code',
          }
        : derived('cd_perianal', false, [], { text: 'no perianal Crohn diagnosis recorded (absence assumed)', why: because('no-perianal') }),
    prior_bowel_resection: derived(
      'prior_bowel_resection',
      resections.length > 0,
      resections.map((p) => p.ref),
      resections.length > 0 ? undefined : { text: 'no bowel resection recorded (absence assumed)', why: because('no-resection') },
    ),
    hbi: latestNumber('hbi', series, ['score.harvey_bradshaw'], now, 'Harvey-Bradshaw Index'),
    cdai_cd: latestNumber('cdai_cd', series, ['score.cdai_cd'], now, "Crohn's Disease Activity Index"),
    uc_extent: category('uc_extent', ctx, 'obs.uc_extent', ['E1', 'E2', 'E3'], () => {
      const v = ucExt.values;
      if (v.size === 0)
        return (
          montrealFromText('uc_extent', ctx, 'UC', /\b(E[1-3])\b/) ??
          missing('uc_extent', 'Montreal extent not recorded and not coded in the diagnosis', [], because('montreal-extent-missing'))
        );
      let ext = 'E1';
      if (v.has('E3')) ext = 'E3';
      else if (v.has('E2')) ext = 'E2';
      return {
        ...derived('uc_extent', ext, ucExt.sources, { text: 'from the diagnosis code (most extensive)', why: because('from-diagnosis-code-extensive') }),
        matchedBy: 'code',
      };
    }),
    mayo_partial: latestNumber('mayo_partial', series, ['score.mayo_partial'], now, 'partial Mayo score'),
    mayo_full: latestNumber('mayo_full', series, ['score.mayo_full'], now, 'full Mayo score'),
    eim_present: derived(
      'eim_present',
      eims.length > 0,
      eims.map((c) => c.ref),
      eims.length > 0 ? undefined : { text: 'no extra-intestinal manifestation recorded (absence assumed)', why: because('no-eim') },
    ),
    rf_positive: ((): InputValue => {
      const v = positivity('rf_positive', ctx, 'lab.rheumatoid_factor', 'rheumatoid factor');
      if (v.state !== 'missing') return v;
      const sub = ctx.findings.find((f) => f.indication === 'RA' && f.subtype);
      return sub
        ? {
            ...derived('rf_positive', sub.subtype === 'seropositive', [sub.conditionRef], {
              text: `from the ${sub.subtype} RA diagnosis code`,
              why: because('from-ra-subtype', { subtype: statusRef(sub.subtype ?? '') }),
            }),
            matchedBy: 'code',
          }
        : v;
    })(),
    anti_ccp_positive: positivity('anti_ccp_positive', ctx, 'lab.anti_ccp', 'anti-CCP'),
    das28_crp: latestNumber('das28_crp', series, ['score.das28_crp'], now, 'DAS28-CRP'),
    das28_esr: latestNumber('das28_esr', series, ['score.das28_esr'], now, 'DAS28-ESR'),
    cdai_ra: latestNumber('cdai_ra', series, ['score.cdai_ra'], now, 'CDAI'),
    sdai: latestNumber('sdai', series, ['score.sdai_ra'], now, 'SDAI'),
    relapses_12m: countRelapses('relapses_12m', 365),
    relapses_24m: countRelapses('relapses_24m', 730),
    edss: latestNumber('edss', series, ['score.edss'], now, 'EDSS'),
    new_t2_lesions_12m: mri('new_t2_lesions_12m', 'obs.mri_new_t2', 'sum'),
    gd_lesions_12m: mri('gd_lesions_12m', 'obs.mri_gd', 'max'),
  };
}
