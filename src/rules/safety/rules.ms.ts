/**
 * Rule rows: natalizumab PML risk (JC virus, treatment duration, prior immunosuppressants), pregnancy and
 * contraception (contraindicated drugs, planned pregnancy, cladribine in men).
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { FactReader, RuleContext, SafetyRule } from './types.ts';
import { clear, covered, gap, hit } from './facts.ts';
import { dated, lastingNum, noChildbearingPotential } from './ruleHelpers.ts';
import { PREGNANCY_WASHOUT } from './thresholds.ts';

const TYSABRI_EU =
  'Tysabri SmPC 4.4 PML risk stratification (anti-JCV antibody status and index, treatment duration > 2 years, prior immunosuppressants; retest every 6 months); revision date to verify';
const TYSABRI_US =
  'Tysabri USPI boxed warning and 5.1 (PML risk factors: duration, prior immunosuppressants, anti-JCV antibodies); TOUCH prescribing programme';
const HO_2017 = 'Ho PR et al., Lancet Neurol 2017;16:925-33';

/** Months on natalizumab: 0 for a new start; undefined (with the fact to blame) when unknown. */
function monthsOnNatalizumab(f: FactReader): { months?: number; blame: InputName } {
  const current = f.cat('current_advanced_therapy');
  if (current === undefined) return { blame: 'current_advanced_therapy' };
  if (current !== 'natalizumab') return { months: 0, blame: 'current_advanced_therapy' };
  const months = f.num('current_therapy_duration_months');
  return months === undefined ? { blame: 'current_therapy_duration_months' } : { months, blame: 'current_therapy_duration_months' };
}

/** JCV index bands of the Tysabri SmPC 4.4 (Ho PR et al., Lancet Neurol 2017). */
function jcvBand(index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  if (index <= 0.9) return 'index-low';
  return index <= 1.5 ? 'index-intermediate' : 'index-high';
}

/** Anti-JCV status; an old positive stays positive (antibodies do not go away). */
const jcvStatus = (f: FactReader): string | undefined => f.cat('jcv_antibody_status', { stalePositive: ['positive'] });

const washout = (inn: string) => ({ washout: PREGNANCY_WASHOUT[inn]?.washout ?? 'see the label' });
const PREGNANCY_DRUGS = Object.keys(PREGNANCY_WASHOUT);
const PREGNANCY_SOURCES = Object.fromEntries(Object.entries(PREGNANCY_WASHOUT).map(([inn, t]) => [inn, t.source]));

/** Pregnancy test status, asked only where childbearing potential is true or unknown. */
function pregnancyOutcome({ drug, facts }: RuleContext) {
  if (noChildbearingPotential(facts)) return clear();
  const p = facts.bool('pregnancy_current');
  if (p === true) return hit(['pregnancy_current'], { ...dated(facts, 'pregnancy_current'), ...washout(drug.inn) });
  return p === false ? clear() : gap(['pregnancy_current', 'childbearing_potential'], washout(drug.inn));
}

export const MS_RULES: readonly SafetyRule[] = [
  {
    id: 'natalizumab-jcv',
    appliesTo: { inns: ['natalizumab'] },
    facts: ['jcv_antibody_status', 'jcv_index'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Anti-JCV antibody positive (band by index: <= 0.9, 0.9-1.5, > 1.5; an old index keeps its band)',
    label: { eu: TYSABRI_EU, us: TYSABRI_US, follows: 'EU' },
    source: `${TYSABRI_EU}; ${HO_2017}`,
    rationale:
      'The PML risk with a positive antibody is managed by stratification and monitoring: caution with the band. The index only rises in practice, so an old index keeps its band until a newer one (natalizumab-jcv-repeat prompts the repeat).',
    evaluate: (ctx) => {
      const status = jcvStatus(ctx.facts);
      if (status === 'negative') return clear();
      if (status !== 'positive') return gap(['jcv_antibody_status']);
      const index = lastingNum(ctx, 'jcv_index');
      const names: InputName[] = index === undefined ? ['jcv_antibody_status'] : ['jcv_antibody_status', 'jcv_index'];
      return hit(names, { index: index?.value ?? 'not recorded', ...dated(ctx.facts, 'jcv_antibody_status') }, jcvBand(index?.value));
    },
  },
  {
    id: 'natalizumab-jcv-repeat',
    appliesTo: { inns: ['natalizumab'] },
    facts: ['jcv_antibody_status', 'jcv_index'],
    severity: 'screen-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Positive anti-JCV result or index older than 6 months',
    label: { eu: TYSABRI_EU, us: TYSABRI_US, follows: 'EU' },
    rationale: 'The SmPC asks for retesting every 6 months; the old band still counts (natalizumab-jcv), this row is the repeat prompt.',
    evaluate: (ctx) => {
      const status = jcvStatus(ctx.facts);
      if (status !== 'positive') return status === 'negative' ? clear() : covered('natalizumab-jcv');
      const index = lastingNum(ctx, 'jcv_index');
      // Read the state itself: the reader may count an old positive as present (lasting), which is right for the band.
      const statusStale = ctx.values ? ctx.values['jcv_antibody_status']?.state === 'stale' : ctx.facts.cat('jcv_antibody_status') === undefined;
      if (!statusStale && (index === undefined || !index.stale)) return clear();
      const name: InputName = index?.stale === true ? 'jcv_index' : 'jcv_antibody_status';
      return hit([name], dated(ctx.facts, name));
    },
  },
  {
    id: 'natalizumab-pml-high',
    appliesTo: { inns: ['natalizumab'] },
    facts: ['jcv_antibody_status', 'jcv_index', 'prior_immunosuppressant', 'current_advanced_therapy', 'current_therapy_duration_months'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Anti-JCV positive, more than 24 months of natalizumab, and index > 1.5 or prior immunosuppressants',
    label: { eu: TYSABRI_EU, us: TYSABRI_US, follows: 'EU' },
    source: `${TYSABRI_EU}; ${HO_2017}`,
    rationale:
      'The highest PML risk groups of the SmPC 4.4 (about 1 in 100 or more): continue only when the benefit outweighs it and no suitable alternative exists.',
    evaluate: (ctx) => {
      const { facts } = ctx;
      const status = jcvStatus(facts);
      if (status === 'negative') return clear();
      if (status !== 'positive') return covered('natalizumab-jcv');
      const index = lastingNum(ctx, 'jcv_index')?.value;
      const prior = facts.bool('prior_immunosuppressant', { stalePositive: true });
      const { months, blame } = monthsOnNatalizumab(facts);
      if (months !== undefined && months <= 24) return clear();
      const high = prior === true || (index !== undefined && index > 1.5);
      if (!high && prior === false && index !== undefined) return clear();
      if (months === undefined)
        return high
          ? gap([blame])
          : gap([blame, ...(index === undefined ? ['jcv_index' as const] : []), ...(prior === undefined ? ['prior_immunosuppressant' as const] : [])]);
      if (!high) return gap([...(index === undefined ? ['jcv_index' as const] : []), ...(prior === undefined ? ['prior_immunosuppressant' as const] : [])]);
      const names: InputName[] = [
        'jcv_antibody_status',
        ...(prior === true ? ['prior_immunosuppressant' as const] : ['jcv_index' as const]),
        'current_therapy_duration_months',
      ];
      return hit(names, { index: index ?? 'not recorded', months }, prior === true ? 'prior-immunosuppressant' : undefined);
    },
  },
  {
    id: 'natalizumab-prior-immunosuppressant',
    appliesTo: { inns: ['natalizumab'] },
    facts: ['jcv_antibody_status', 'prior_immunosuppressant'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Anti-JCV positive and prior azathioprine, mercaptopurine, mycophenolate, mitoxantrone, cyclophosphamide or methotrexate',
    label: { eu: `${TYSABRI_EU}; Tysabri SmPC 4.3 (immunocompromised patients, including by prior therapies)`, us: TYSABRI_US, follows: 'EU' },
    rationale:
      'Prior immunosuppressants raise the PML risk of antibody-positive patients (the index does not stratify them); a caution at start, the highest-risk group after 2 years (natalizumab-pml-high). Current immunosuppression (4.3) is not read.',
    evaluate: ({ facts }) => {
      const status = jcvStatus(facts);
      if (status === 'negative') return clear();
      if (status !== 'positive') return covered('natalizumab-jcv');
      const prior = facts.bool('prior_immunosuppressant', { stalePositive: true });
      if (prior === true) return hit(['jcv_antibody_status', 'prior_immunosuppressant']);
      return prior === false ? clear() : gap(['prior_immunosuppressant']);
    },
  },
  {
    id: 'pregnancy-contraindicated',
    appliesTo: { inns: PREGNANCY_DRUGS },
    facts: ['pregnancy_current', 'childbearing_potential', 'sex_female'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Pregnant now; the test is asked only where childbearing potential is true or unknown',
    label: {
      eu: 'SmPC 4.3 pregnancy contraindication (per drug)',
      us: 'USPI 4 / 8.1 (per drug: methotrexate, leflunomide, teriflunomide, cladribine contraindicated in pregnancy; S1P and JAK: fetal risk warnings)',
      follows: 'EU',
    },
    source: 'SmPC 4.3 pregnancy contraindication (per drug)',
    sources: PREGNANCY_SOURCES,
    rationale:
      'EU 4.3 for each listed drug; several US labels warn rather than contraindicate (S1P, JAK). No pregnancy to-do for men or women without childbearing potential (age 55 or over, menopause, surgery).',
    evaluate: pregnancyOutcome,
  },
  {
    id: 'pregnancy-planned-washout',
    appliesTo: { inns: PREGNANCY_DRUGS },
    facts: ['pregnancy_planned', 'pregnancy_current', 'childbearing_potential', 'sex_female'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Pregnancy planned (a finding on its own, with or without a pregnancy test)',
    label: { eu: 'SmPC 4.6 contraception/washout (per drug)', us: 'USPI 8.3 (females of reproductive potential; per drug)', follows: 'EU' },
    source: 'SmPC 4.6 contraception/washout (per drug)',
    sources: PREGNANCY_SOURCES,
    rationale:
      'A drug contraindicated in pregnancy with a washout is a poor choice for a patient who plans to conceive: only if no pregnancy-compatible option. The plan is its own finding, never hidden behind a missing test.',
    evaluate: ({ drug, facts }) => {
      if (noChildbearingPotential(facts)) return clear();
      if (facts.bool('pregnancy_current') === true) return covered('pregnancy-contraindicated');
      const planned = facts.bool('pregnancy_planned');
      if (planned === true) return hit(['pregnancy_planned'], washout(drug.inn));
      if (planned === false) return clear();
      return facts.bool('pregnancy_current') === false ? gap(['pregnancy_planned'], washout(drug.inn)) : covered('pregnancy-contraindicated');
    },
  },
  {
    id: 'cladribine-male-contraception',
    appliesTo: { inns: ['cladribine'] },
    facts: ['sex_female'],
    severity: 'screen-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Male patient: partner contraception during treatment and 6 months after the last dose',
    label: {
      eu: 'Mavenclad SmPC 4.6 (male patients: precautions to prevent pregnancy of the partner for at least 6 months after the last dose); revision date to verify',
      us: 'Mavenclad USPI 4 (contraindicated in men of reproductive potential who do not plan to use effective contraception) and 8.3',
      follows: 'EU',
    },
    rationale:
      'A counselling to-do the prescriber confirms (screen before start); the US makes the absence of contraception a contraindication, which the app cannot read. Women are covered by the pregnancy rules.',
    evaluate: ({ facts }) => {
      const female = facts.bool('sex_female');
      if (female === false) return hit(['sex_female']);
      return female === true ? clear() : gap(['sex_female']);
    },
  },
];
