/** Safety facts (catalogue `use: 'safety'`): inputs to the contraindication rules, not to the models. */
import type { SafetyName } from './catalogue.ts';
import type { DeriveContext } from './derive.ts';
import type { ConditionFact, ImmunizationFact } from './facts.ts';
import { fromPoint, latestCategory, latestNumber } from './latest.ts';
import type { ObservationPoint } from './observations.ts';
import { missing, type InputValue } from './values.ts';

export interface SafetyContext extends DeriveContext {
  immunizations: ImmunizationFact[];
  smokingCurrent: boolean | undefined;
}

type OkValue = Extract<InputValue, { state: 'ok' }>;
const fact = (name: SafetyName, value: boolean | string | number, sources: string[], note?: string): OkValue => ({
  name, state: 'ok', value, unit: null, sources, matchedBy: 'derived', ...(note ? { note } : {}),
});

function conditionFlag(name: SafetyName, conditions: ConditionFact[], concepts: readonly string[], activeOnly: boolean, label: string): OkValue {
  const hits = conditions.filter((c) => (!activeOnly || c.active) && c.concepts.some((k) => concepts.includes(k)));
  const first = hits[0];
  return hits.length > 0
    ? { ...fact(name, true, hits.map((c) => c.ref), hits.map((c) => c.text ?? c.codings[0]?.code ?? '').join('; ')), matchedBy: 'code', ...(first?.onset ? { date: first.onset.raw, precision: first.onset.precision } : {}) }
    : fact(name, false, [], `no ${label} recorded (absence assumed)`);
}

function qualitative(name: SafetyName, ctx: SafetyContext, concepts: readonly string[], label: string): InputValue {
  const p = latestCategory(name, ctx.series, concepts, ctx.now, label);
  if (!('concept' in p)) return p;
  const value = p.category ?? p.interpretation;
  if (value === 'positive' || value === 'negative' || value === 'indeterminate') return fromPoint(name, p, value, ctx.now);
  return missing(name, `${label} result "${value ?? p.value ?? ''}" not interpretable`, p.sources);
}

/**
 * Derive the safety facts.
 * @param ctx facts read from the record, plus immunizations and the smoking result
 */
export function deriveSafetyFacts(ctx: SafetyContext): Record<SafetyName, InputValue> {
  const { conditions, now, series } = ctx;
  const tbActive = conditionFlag('tb_active', conditions, ['dx.tb_active'], true, 'active tuberculosis');
  const tbScreen = qualitative('tb_screen_result', ctx, ['lab.igra_tb', 'lab.tst'], 'TB screening (IGRA/TST)');
  const tbLatentDx = conditionFlag('tb_latent', conditions, ['dx.tb_latent'], false, 'latent tuberculosis');
  const nyhaPoint = latestCategory('heart_failure_nyha', series, ['obs.nyha'], now, 'NYHA class');
  const hf = conditionFlag('heart_failure_nyha', conditions, ['dx.heart_failure'], true, 'heart failure');
  const nyha = ((): InputValue => {
    if ('concept' in nyhaPoint) {
      const raw = String(nyhaPoint.value ?? nyhaPoint.category ?? '').toUpperCase();
      // NYHA I-IV as number, roman numeral, or LOINC answer text "Class III".
      const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
      const n = Number(raw) || (roman[/(IV|III|II|I)\b/.exec(raw)?.[1] ?? ''] ?? 0);
      if (n >= 1 && n <= 4) return fromPoint('heart_failure_nyha', nyhaPoint, n, now);
    }
    if (hf.value === true) return missing('heart_failure_nyha', 'heart failure recorded without NYHA class', hf.sources);
    return { ...fact('heart_failure_nyha', 0, [], 'no heart failure recorded (absence assumed)') };
  })();
  const cvFactors: Array<[string, string[]]> = [
    ['hypertension', ['dx.hypertension']], ['diabetes', ['dx.diabetes']], ['myocardial infarction', ['dx.myocardial_infarction']], ['stroke', ['dx.stroke']],
  ];
  const cvHits = cvFactors.map(([label, concepts]) => ({ label, hits: conditions.filter((c) => c.concepts.some((k) => concepts.includes(k))) })).filter((x) => x.hits.length > 0);
  const cvLabels = [...cvHits.map((x) => x.label), ...(ctx.smokingCurrent ? ['current smoking'] : [])];
  const pregnancyStatus = latestCategory('pregnancy_current', series, ['obs.pregnancy_status'], now, 'pregnancy status');
  const hcg = latestCategory('pregnancy_current', series, ['lab.pregnancy'], now, 'pregnancy test');
  const pregnantDx = conditions.filter((c) => c.active && c.concepts.includes('finding.pregnant'));
  const male = ctx.patient?.gender === 'male';
  const pRef = ctx.patientRef ? [ctx.patientRef] : [];
  const pregnancy = ((): InputValue => {
    if (male) return fact('pregnancy_current', false, pRef, 'administrative sex male');
    if (pregnantDx.length > 0) return { ...fact('pregnancy_current', true, pregnantDx.map((c) => c.ref)), matchedBy: 'code' };
    const candidates = [pregnancyStatus, hcg].filter((p): p is ObservationPoint => 'concept' in p).sort((a, b) => b.date.start.getTime() - a.date.start.getTime());
    const p = candidates[0];
    if (!p) return missing('pregnancy_current', 'no pregnancy status or test recorded');
    const pregnant = p.category === '77386006' || p.category === 'positive';
    const notPregnant = p.category === '60001007' || p.category === 'negative';
    if (!pregnant && !notPregnant) return missing('pregnancy_current', `pregnancy result "${p.category ?? ''}" not interpretable`, p.sources);
    return fromPoint('pregnancy_current', p, pregnant, now);
  })();
  const jcvIndex = latestNumber('jcv_index', series, ['lab.jcv_index'], now, 'JCV index');
  const jcvStatus = ((): InputValue => {
    const q = qualitative('jcv_antibody_status', ctx, ['lab.jcv_antibody'], 'JCV antibody');
    if (jcvIndex.state === 'missing' || !('value' in jcvIndex) || typeof jcvIndex.value !== 'number') return q;
    // The more recent of the qualitative result and the index decides.
    if (q.state !== 'missing' && 'date' in q && (q.date ?? '') >= (jcvIndex.date ?? '')) return q;
    // STRATIFY JCV: index > 0.40 positive, < 0.20 negative, between: reflex inhibition assay (natalizumab SmPC 4.4; Lee P et al. 2013).
    const status = jcvIndex.value > 0.4 ? 'positive' : jcvIndex.value < 0.2 ? 'negative' : undefined;
    if (status && (jcvIndex.state === 'ok' || jcvIndex.state === 'stale')) return { ...jcvIndex, name: 'jcv_antibody_status', value: status, unit: null, note: `from index ${jcvIndex.value}` };
    return missing('jcv_antibody_status', `JCV index ${jcvIndex.value} in the 0.20-0.40 grey zone without confirmation assay`, jcvIndex.sources);
  })();
  const liveRecent = ctx.immunizations.filter((i) => i.live && i.date && now.getTime() - i.date.start.getTime() <= 28 * 86_400_000);
  const latestLive = liveRecent.sort((a, b) => (b.date?.start.getTime() ?? 0) - (a.date?.start.getTime() ?? 0))[0];
  const planned = conditions.filter((c) => c.active && c.concepts.includes('finding.pregnancy_planned'));

  return {
    heart_failure_nyha: nyha,
    demyelinating_disease: conditionFlag('demyelinating_disease', conditions, ['dx.demyelinating', 'dx.multiple_sclerosis', 'dx.ms_rrms', 'dx.ms_spms', 'dx.ms_ppms', 'dx.ms_prms', 'dx.ms_cis'], false, 'demyelinating disease'),
    tb_latent: tbLatentDx.value === true || tbActive.value === true || tbScreen.state === 'missing' || !('value' in tbScreen) || tbScreen.value !== 'positive'
      ? tbLatentDx
      : { ...fact('tb_latent', true, tbScreen.sources, 'positive IGRA/TST without active tuberculosis recorded'), matchedBy: 'code' },
    tb_active: tbActive,
    tb_screen_result: tbScreen,
    hbv_hbsag: qualitative('hbv_hbsag', ctx, ['lab.hbsag'], 'HBsAg'),
    hbv_anti_hbc: qualitative('hbv_anti_hbc', ctx, ['lab.anti_hbc'], 'anti-HBc'),
    jcv_antibody_status: jcvStatus,
    jcv_index: jcvIndex,
    pregnancy_current: pregnancy,
    pregnancy_planned: planned.length > 0
      ? { ...fact('pregnancy_planned', true, planned.map((c) => c.ref)), matchedBy: 'code' }
      : fact('pregnancy_planned', false, male ? pRef : [], male ? 'administrative sex male' : 'no pregnancy plan recorded (absence assumed)'),
    malignancy_history: conditionFlag('malignancy_history', conditions, ['dx.malignancy'], false, 'malignancy'),
    vte_history: conditionFlag('vte_history', conditions, ['dx.vte'], false, 'venous thromboembolism'),
    cv_risk: fact('cv_risk', cvLabels.length > 0 ? 'present' : 'none', cvHits.flatMap((x) => x.hits.map((c) => c.ref)), cvLabels.length > 0 ? cvLabels.join(', ') : 'no MACE risk factor recorded'),
    live_vaccine_recent: latestLive
      ? { ...fact('live_vaccine_recent', true, liveRecent.map((i) => i.ref), latestLive.text), matchedBy: 'code', ...(latestLive.date ? { date: latestLive.date.raw, precision: latestLive.date.precision } : {}) }
      : fact('live_vaccine_recent', false, [], 'no live vaccine in the last 28 days recorded'),
    serious_infection_active: conditionFlag('serious_infection_active', conditions, ['dx.serious_infection', 'dx.tb_active'], true, 'active serious infection'),
    malignancy_active: missing('malignancy_active', 'not yet extracted'),
    lymphoma_history: missing('lymphoma_history', 'not yet extracted'),
    cardiac_event_6m: missing('cardiac_event_6m', 'not yet extracted'),
    conduction_block: missing('conduction_block', 'not yet extracted'),
    hiv_positive: missing('hiv_positive', 'not yet extracted'),
    hcv_active: missing('hcv_active', 'not yet extracted'),
    hbv_chronic: missing('hbv_chronic', 'not yet extracted'),
    diverticulitis_history: missing('diverticulitis_history', 'not yet extracted'),
    interstitial_lung_disease: missing('interstitial_lung_disease', 'not yet extracted'),
    autoimmune_other: missing('autoimmune_other', 'not yet extracted'),
    vascular_history: missing('vascular_history', 'not yet extracted'),
    coagulopathy_or_antithrombotic: missing('coagulopathy_or_antithrombotic', 'not yet extracted'),
    macular_oedema_risk: missing('macular_oedema_risk', 'not yet extracted'),
    childbearing_potential: missing('childbearing_potential', 'not yet extracted'),
    tb_prophylaxis: missing('tb_prophylaxis', 'not yet extracted'),
    vzv_immune: missing('vzv_immune', 'not yet extracted'),
    neutrophils_10e9_l: missing('neutrophils_10e9_l', 'not yet extracted'),
    platelets_10e9_l: missing('platelets_10e9_l', 'not yet extracted'),
    igg_g_l: missing('igg_g_l', 'not yet extracted'),
    alt_x_uln: missing('alt_x_uln', 'not yet extracted'),
    ast_x_uln: missing('ast_x_uln', 'not yet extracted'),
    egfr_ml_min: missing('egfr_ml_min', 'not yet extracted'),
    qtc_ms: missing('qtc_ms', 'not yet extracted'),
    prior_immunosuppressant: missing('prior_immunosuppressant', 'not yet extracted'),
  };
}
