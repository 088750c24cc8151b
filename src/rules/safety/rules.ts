/**
 * THE table of label-driven safety rules. One row per rule: the drugs (by class from the drug catalogue,
 * or by INN), the facts it reads (catalogue names), its severity when triggered and when its facts are
 * unknown, its source (label section or guideline, version/date), and its logic. Texts are in
 * messages.ts, per-drug numbers in thresholds.ts.
 *
 * Every rule has an explicit unknown outcome: a missing, stale, implausible or unconvertible fact is
 * reported ("screen before starting"), never read as "fine". A rule whose gap another rule already
 * reports returns `covered` with that rule's id, so the same gap is not shown twice.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { FactReader, RuleContext, RuleId, RuleOutcome, SafetyRule } from './types.ts';
import { addDays, clear, covered, gap, hit } from './facts.ts';
import {
  CLADRIBINE_YEAR2_MIN, HAEMOGLOBIN_START_MIN, HBV_SCREEN, IMMUNOSUPPRESSIVE, LYMPHOCYTE_LLN, LYMPHOCYTE_START_MIN,
  PREGNANCY_WASHOUT, TB_SCREEN, type StartThreshold,
} from './thresholds.ts';

/** A recorded yes/no finding: true triggers, false clears, anything else is unknown. */
const finding = (name: InputName) => ({ facts }: RuleContext): RuleOutcome => {
  const v = facts.bool(name);
  return v === true ? hit([name], dated(facts, name)) : v === false ? clear() : gap([name]);
};

const dated = (f: FactReader, name: InputName) => ({ date: f.date(name) ?? 'date not recorded' });

/** The four anti-TNF antibodies whose SmPC 4.3 lists NYHA III/IV heart failure (etanercept's does not). */
const ANTI_TNF_HF_CI = ['infliximab', 'adalimumab', 'certolizumab pegol', 'golimumab'] as const;

/** HBsAg rule shared by the general and the anti-CD20 row. */
const hbsag = ({ facts }: RuleContext): RuleOutcome => {
  const s = facts.cat('hbv_hbsag');
  return s === 'positive' ? hit(['hbv_hbsag'], dated(facts, 'hbv_hbsag')) : s === 'negative' ? clear() : gap(['hbv_hbsag']);
};

/** Months on natalizumab: 0 for a new start; undefined (with the fact to blame) when unknown. */
function monthsOnNatalizumab(f: FactReader): { months?: number; blame: InputName } {
  const current = f.cat('current_advanced_therapy');
  if (current === undefined) return { blame: 'current_advanced_therapy' };
  if (current !== 'natalizumab') return { months: 0, blame: 'current_advanced_therapy' };
  const months = f.num('current_therapy_duration_months');
  return months === undefined ? { blame: 'current_therapy_duration_months' } : { months, blame: 'current_therapy_duration_months' };
}

/** JCV index bands of the Tysabri SmPC 4.4 (Ho PR et al., Lancet Neurol 2017;16:925-33). */
function jcvBand(index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  return index <= 0.9 ? 'index-low' : index <= 1.5 ? 'index-intermediate' : 'index-high';
}

/** Lymphocyte threshold for this drug; cladribine's year-2 course (currently on it) uses 0.8. */
function lymphocyteMin(ctx: RuleContext): StartThreshold | undefined {
  if (ctx.drug.inn === 'cladribine' && ctx.facts.cat('current_advanced_therapy') === 'cladribine') return CLADRIBINE_YEAR2_MIN;
  return LYMPHOCYTE_START_MIN[ctx.drug.inn];
}

/** A laboratory value below a per-drug start threshold. */
const belowStart = (name: InputName, threshold: (ctx: RuleContext) => StartThreshold | undefined) => (ctx: RuleContext): RuleOutcome => {
  const t = threshold(ctx);
  if (!t) return clear(); // unreachable: appliesTo lists exactly the drugs with a threshold
  const v = ctx.facts.num(name);
  if (v === undefined) return gap([name], { min: t.min });
  return v < t.min ? hit([name], { value: v, min: t.min, basis: t.basis, ...dated(ctx.facts, name) }) : clear();
};

/** Pregnancy facts only apply when the patient is not recorded as male (missing sex: still checked). */
const notFemale = (f: FactReader): boolean => f.bool('sex_female') === false;
const washout = (inn: string) => ({ washout: PREGNANCY_WASHOUT[inn]?.washout ?? 'see the label' });

/** Live vaccines: days to wait after vaccination before the first dose (default 4 weeks). */
const LIVE_VACCINE_WAIT_DAYS: Readonly<Record<string, number>> = {
  alemtuzumab: 42, // Lemtrada SmPC 4.4: live vaccines at least 6 weeks before treatment
  cladribine: 42, // Mavenclad SmPC 4.4: avoid starting within 4 to 6 weeks of a live vaccine (upper bound used)
};

const PREGNANCY_DRUGS = Object.keys(PREGNANCY_WASHOUT);
const sourcesOf = (m: Readonly<Record<string, { source: string }>>) => Object.fromEntries(Object.entries(m).map(([inn, t]) => [inn, t.source]));
const PREGNANCY_SOURCES = sourcesOf(PREGNANCY_WASHOUT);

/** Tecfidera/Vumerity SmPC 4.4: interrupt if lymphocytes < 0.5 x10^9/L for more than 6 months. */
const FUMARATE_SEVERE: StartThreshold = { min: 0.5, basis: 'label threshold for interrupting treatment', source: 'Tecfidera/Vumerity SmPC 4.4' };

const JAK_EMA_2022 =
  'EMA Art. 20 referral on JAK inhibitors for inflammatory disorders: PRAC recommendation 28 Oct 2022, CHMP 11 Nov 2022 (EMA/PRAC measures; document number to verify), reflected in Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.4; ORAL Surveillance (Ytterberg SR et al., N Engl J Med 2022;386:316-26)';

export const SAFETY_RULES: readonly SafetyRule[] = [
  {
    id: 'anti-tnf-hf-severe', appliesTo: { inns: ANTI_TNF_HF_CI }, facts: ['heart_failure_nyha'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'Humira, Remicade, Cimzia, Simponi SmPC 4.3: moderate to severe heart failure (NYHA class III/IV)',
    evaluate: ({ facts }) => {
      const n = facts.num('heart_failure_nyha');
      return n === undefined ? gap(['heart_failure_nyha']) : n >= 3 ? hit(['heart_failure_nyha'], { nyha: n }) : clear();
    },
  },
  {
    id: 'anti-tnf-hf-mild', appliesTo: { inns: ANTI_TNF_HF_CI }, facts: ['heart_failure_nyha'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'Humira, Remicade, Cimzia, Simponi SmPC 4.4: use with caution in mild heart failure (NYHA class I/II), stop if it worsens',
    evaluate: ({ facts }) => {
      const n = facts.num('heart_failure_nyha');
      return n === undefined ? covered('anti-tnf-hf-severe') : n >= 1 && n <= 2 ? hit(['heart_failure_nyha'], { nyha: n }) : clear();
    },
  },
  {
    id: 'etanercept-hf', appliesTo: { inns: ['etanercept'] }, facts: ['heart_failure_nyha'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'Enbrel SmPC 4.4: caution in congestive heart failure (not a 4.3 contraindication, unlike the other anti-TNF)',
    evaluate: ({ facts }) => {
      const n = facts.num('heart_failure_nyha');
      return n === undefined ? gap(['heart_failure_nyha']) : n >= 1 ? hit(['heart_failure_nyha'], { nyha: n }) : clear();
    },
  },
  {
    id: 's1p-heart-failure', appliesTo: { classes: ['S1P modulator'] }, facts: ['heart_failure_nyha'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'Gilenya, Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.3: NYHA class III/IV heart failure, or decompensated heart failure in the last 6 months (section to verify per product)',
    evaluate: ({ facts }) => {
      const n = facts.num('heart_failure_nyha');
      return n === undefined ? gap(['heart_failure_nyha']) : n >= 3 ? hit(['heart_failure_nyha'], { nyha: n }) : clear();
    },
  },
  {
    // Label says "caution"; we rank it as only-if-no-alternative because TNF blockade worsened MS in a
    // randomised trial (Lenercept MS Study Group, Neurology 1999;53:457-65).
    id: 'anti-tnf-demyelinating', appliesTo: { classes: ['anti-TNF'] }, facts: ['demyelinating_disease'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start',
    source: 'Anti-TNF SmPC 4.4 (Humira, Remicade, Cimzia, Simponi, Enbrel): pre-existing or recent-onset demyelinating disorders; Lenercept MS Study Group, Neurology 1999;53:457-65',
    evaluate: finding('demyelinating_disease'),
  },
  {
    id: 'tb-active', appliesTo: { classes: IMMUNOSUPPRESSIVE }, facts: ['tb_active'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'SmPC 4.3 active tuberculosis / active (chronic) infection: anti-TNF, Xeljanz, Rinvoq, Jyseleca (Olumiant 4.4), Entyvio, Stelara, IL-23 antibodies, S1P modulators, Mavenclad, Lemtrada, anti-CD20 (section to verify per product)',
    evaluate: finding('tb_active'),
  },
  {
    id: 'tb-latent', appliesTo: { classes: TB_SCREEN }, facts: ['tb_latent', 'tb_screen_result'],
    severity: 'screen-before-start', severityIfUnknown: 'screen-before-start',
    source: 'Biologic/JAK SmPC 4.4 (latent TB: start anti-tuberculosis prophylaxis before the first dose); ECCO guidelines on opportunistic infections 2021 (Kucharzik T et al., J Crohns Colitis 2021;15:879-913)',
    evaluate: ({ facts }) => {
      const latent = facts.bool('tb_latent', { stalePositive: true });
      const screen = facts.cat('tb_screen_result', { stalePositive: ['positive'] });
      if (latent === true || screen === 'positive') {
        const names: InputName[] = [...(latent === true ? ['tb_latent' as const] : []), ...(screen === 'positive' ? ['tb_screen_result' as const] : [])];
        return hit(names, dated(facts, names[0] ?? 'tb_latent'));
      }
      return latent === false || screen === 'negative' ? clear() : covered('tb-screening');
    },
  },
  {
    id: 'tb-screening', appliesTo: { classes: TB_SCREEN }, facts: ['tb_screen_result', 'tb_latent'],
    severity: 'screen-before-start', severityIfUnknown: 'screen-before-start',
    source: 'Biologic/JAK SmPC 4.4 (screen for active and latent TB before starting); ECCO guidelines on opportunistic infections 2021; catalogue tb_screen_result: a result older than 365 days is out of date',
    evaluate: ({ facts }) => {
      const screen = facts.cat('tb_screen_result', { stalePositive: ['positive'] });
      if (facts.bool('tb_latent', { stalePositive: true }) === true || screen === 'positive') return covered('tb-latent');
      if (screen === 'negative') return clear();
      return screen === 'indeterminate' ? hit(['tb_screen_result'], dated(facts, 'tb_screen_result')) : gap(['tb_screen_result']);
    },
  },
  {
    id: 'hbv-hbsag', appliesTo: { classes: HBV_SCREEN }, facts: ['hbv_hbsag'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start',
    source: 'ECCO guidelines on opportunistic infections 2021 (HBsAg-positive: antiviral prophylaxis before immunosuppression); EASL HBV guideline 2017 (J Hepatol 2017;67:370-98); JAK inhibitor and anti-TNF SmPC 4.4 (HBV reactivation, hepatologist before start)',
    evaluate: hbsag,
  },
  {
    id: 'anti-cd20-hbsag', appliesTo: { classes: ['anti-CD20'] }, facts: ['hbv_hbsag'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'Ocrevus, Kesimpta, MabThera SmPC 4.4 (patients with active hepatitis B must not be treated; HBV screening before start); Briumvi USPI section 4 (active HBV infection); FDA Rituxan boxed warning (HBV reactivation)',
    evaluate: hbsag,
  },
  {
    id: 'hbv-anti-hbc', appliesTo: { classes: [...HBV_SCREEN, 'anti-CD20'] }, facts: ['hbv_anti_hbc', 'hbv_hbsag'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'ECCO guidelines on opportunistic infections 2021 (HBsAg-negative, anti-HBc-positive: monitor HBV DNA); EASL HBV guideline 2017 (prophylaxis with anti-CD20)',
    sources: { 'anti-CD20': 'EASL HBV guideline 2017 (J Hepatol 2017;67:370-98): HBsAg-negative, anti-HBc-positive patients starting anti-CD20 should receive antiviral prophylaxis; Ocrevus/Kesimpta/MabThera SmPC 4.4 (HBV screening)' },
    evaluate: ({ drug, facts }) => {
      const cd20 = drug.drugClass === 'anti-CD20';
      const owner: RuleId = cd20 ? 'anti-cd20-hbsag' : 'hbv-hbsag';
      const s = facts.cat('hbv_hbsag');
      if (s === 'positive') return covered(owner);
      const c = facts.cat('hbv_anti_hbc');
      if (c === 'positive') return hit(['hbv_anti_hbc'], dated(facts, 'hbv_anti_hbc'), cd20 ? 'anti-cd20' : undefined);
      if (c === 'negative') return clear();
      return s === 'negative' ? gap(['hbv_anti_hbc']) : covered(owner);
    },
  },
  {
    id: 'jak-age', appliesTo: { classes: ['JAK inhibitor'] }, facts: ['age_years'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start', source: `${JAK_EMA_2022}: age 65 years or above`,
    evaluate: ({ facts }) => {
      const age = facts.num('age_years');
      return age === undefined ? gap(['age_years']) : age >= 65 ? hit(['age_years'], { age }) : clear();
    },
  },
  {
    id: 'jak-smoking', appliesTo: { classes: ['JAK inhibitor'] }, facts: ['smoking_current', 'smoking_ever'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start', source: `${JAK_EMA_2022}: current or past long-time smokers`,
    evaluate: ({ facts }) => {
      if (facts.bool('smoking_current') === true) return hit(['smoking_current'], dated(facts, 'smoking_current'));
      // A former smoker may or may not be a "long-time" smoker: flagged, with the question in the text.
      if (facts.bool('smoking_ever') === true) return hit(['smoking_ever'], undefined, 'former');
      if (facts.bool('smoking_current', { stalePositive: true }) === true) return hit(['smoking_current'], dated(facts, 'smoking_current'), 'former');
      return facts.bool('smoking_ever') === false ? clear() : gap(['smoking_ever', 'smoking_current']);
    },
  },
  {
    id: 'jak-cv-risk', appliesTo: { classes: ['JAK inhibitor'] }, facts: ['cv_risk'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start', source: `${JAK_EMA_2022}: increased risk of major cardiovascular problems`,
    evaluate: ({ facts }) => {
      const r = facts.cat('cv_risk');
      return r === 'present' ? hit(['cv_risk'], { factors: facts.note('cv_risk') ?? 'see record' }) : r === 'none' ? clear() : gap(['cv_risk']);
    },
  },
  {
    id: 'jak-malignancy', appliesTo: { classes: ['JAK inhibitor'] }, facts: ['malignancy_history'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start', source: `${JAK_EMA_2022}: increased risk of cancer`,
    evaluate: finding('malignancy_history'),
  },
  {
    // EMA 2022 wording for VTE is "use with caution" (risk factors other than those above), not
    // "only if no suitable alternative"; Xeljanz SmPC 4.4 adds that 10 mg twice daily maintenance in UC
    // is not recommended with VTE risk factors unless no alternative.
    id: 'jak-vte', appliesTo: { classes: ['JAK inhibitor'] }, facts: ['vte_history'],
    severity: 'caution', severityIfUnknown: 'screen-before-start', source: `${JAK_EMA_2022}: use with caution in patients with risk factors for VTE; Xeljanz SmPC 4.2/4.4 (UC 10 mg maintenance)`,
    evaluate: finding('vte_history'),
  },
  {
    id: 'natalizumab-jcv', appliesTo: { inns: ['natalizumab'] }, facts: ['jcv_antibody_status', 'jcv_index'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'Tysabri SmPC 4.4 PML risk stratification (anti-JCV antibody status and index, treatment duration, prior immunosuppressants; retest every 6 months); Ho PR et al., Lancet Neurol 2017;16:925-33',
    evaluate: ({ facts }) => {
      const status = facts.cat('jcv_antibody_status', { stalePositive: ['positive'] });
      if (status === 'negative') return clear();
      if (status !== 'positive') return gap(['jcv_antibody_status']);
      const index = facts.num('jcv_index');
      const names: InputName[] = index === undefined ? ['jcv_antibody_status'] : ['jcv_antibody_status', 'jcv_index'];
      return hit(names, { index: index ?? 'not recorded', ...dated(facts, 'jcv_antibody_status') }, jcvBand(index));
    },
  },
  {
    id: 'natalizumab-pml-high', appliesTo: { inns: ['natalizumab'] },
    facts: ['jcv_antibody_status', 'jcv_index', 'current_advanced_therapy', 'current_therapy_duration_months'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start',
    source: 'Tysabri SmPC 4.4: anti-JCV positive, index > 1.5 and treatment longer than 2 years is the highest PML risk group; Ho PR et al., Lancet Neurol 2017;16:925-33',
    evaluate: ({ facts }) => {
      const status = facts.cat('jcv_antibody_status', { stalePositive: ['positive'] });
      if (status === 'negative') return clear();
      if (status !== 'positive') return covered('natalizumab-jcv');
      const index = facts.num('jcv_index');
      const { months, blame } = monthsOnNatalizumab(facts);
      if ((months !== undefined && months <= 24) || (index !== undefined && index <= 1.5)) return clear();
      if (index === undefined) return gap(['jcv_index']);
      if (months === undefined) return gap([blame]);
      return hit(['jcv_antibody_status', 'jcv_index', 'current_therapy_duration_months'], { index, months });
    },
  },
  {
    id: 'pregnancy-contraindicated', appliesTo: { inns: PREGNANCY_DRUGS }, facts: ['pregnancy_current', 'sex_female'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'SmPC 4.3 pregnancy contraindication (per drug)', sources: PREGNANCY_SOURCES,
    evaluate: ({ drug, facts }) => {
      if (notFemale(facts)) return clear();
      const p = facts.bool('pregnancy_current');
      if (p === true) return hit(['pregnancy_current'], { ...dated(facts, 'pregnancy_current'), ...washout(drug.inn) });
      return p === false ? clear() : gap(['pregnancy_current'], washout(drug.inn));
    },
  },
  {
    id: 'pregnancy-planned-washout', appliesTo: { inns: PREGNANCY_DRUGS }, facts: ['pregnancy_planned', 'pregnancy_current', 'sex_female'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start',
    source: 'SmPC 4.6 contraception/washout (per drug)', sources: PREGNANCY_SOURCES,
    evaluate: ({ drug, facts }) => {
      if (notFemale(facts)) return clear();
      const current = facts.bool('pregnancy_current');
      if (current !== false) return covered('pregnancy-contraindicated');
      const planned = facts.bool('pregnancy_planned');
      return planned === true ? hit(['pregnancy_planned'], washout(drug.inn)) : planned === false ? clear() : gap(['pregnancy_planned'], washout(drug.inn));
    },
  },
  {
    id: 'lymphocytes-do-not-start', appliesTo: { inns: Object.keys(LYMPHOCYTE_START_MIN) }, facts: ['lymphocytes_10e9_l', 'current_advanced_therapy'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'SmPC 4.2/4.4 lymphocyte start threshold (per drug)', sources: sourcesOf(LYMPHOCYTE_START_MIN),
    evaluate: belowStart('lymphocytes_10e9_l', lymphocyteMin),
  },
  {
    id: 'fumarate-lymphopenia-severe', appliesTo: { classes: ['fumarate'] }, facts: ['lymphocytes_10e9_l'],
    severity: 'only-if-no-alternative', severityIfUnknown: 'screen-before-start',
    source: 'Tecfidera and Vumerity SmPC 4.4: blood count before start; not studied with pre-existing low counts; interrupt if lymphocytes < 0.5 x10^9/L for more than 6 months (PML risk)',
    evaluate: belowStart('lymphocytes_10e9_l', () => FUMARATE_SEVERE),
  },
  {
    id: 'lymphopenia-below-normal', appliesTo: { classes: ['fumarate', 'anti-CD52'] }, facts: ['lymphocytes_10e9_l'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'Below the lower reference limit before start',
    sources: {
      fumarate: 'Tecfidera and Vumerity SmPC 4.4: if lymphocytes are below normal, assess causes before starting; caution (not studied)',
      'anti-CD52': 'Lemtrada SmPC 4.4: blood count before each course and monthly for 48 months; the label sets no start threshold, this below-normal caution is the app\'s (section to verify)',
    },
    evaluate: ({ drug, facts }) => {
      const v = facts.num('lymphocytes_10e9_l');
      const fumarate = drug.drugClass === 'fumarate';
      if (v === undefined) return fumarate ? covered('fumarate-lymphopenia-severe') : gap(['lymphocytes_10e9_l'], { min: LYMPHOCYTE_LLN });
      if (fumarate && v < 0.5) return covered('fumarate-lymphopenia-severe');
      return v < LYMPHOCYTE_LLN ? hit(['lymphocytes_10e9_l'], { value: v, min: LYMPHOCYTE_LLN, ...dated(facts, 'lymphocytes_10e9_l') }) : clear();
    },
  },
  {
    id: 'jak-haemoglobin', appliesTo: { inns: Object.keys(HAEMOGLOBIN_START_MIN) }, facts: ['haemoglobin_g_dl'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'JAK inhibitor SmPC 4.2 haemoglobin start threshold (per drug)', sources: sourcesOf(HAEMOGLOBIN_START_MIN),
    evaluate: belowStart('haemoglobin_g_dl', (ctx) => HAEMOGLOBIN_START_MIN[ctx.drug.inn]),
  },
  {
    id: 'live-vaccine-recent', appliesTo: { classes: IMMUNOSUPPRESSIVE }, facts: ['live_vaccine_recent'],
    severity: 'caution', severityIfUnknown: 'screen-before-start',
    source: 'ACR 2022 guideline for vaccinations in rheumatic diseases (Bass AR et al., Arthritis Care Res 2023;75:449-64): live vaccines at least 4 weeks before immunosuppression (wording to verify); ECCO guidelines on opportunistic infections 2021; biologic/JAK SmPC 4.4 (no live vaccines around treatment)',
    sources: {
      'anti-CD52': 'Lemtrada SmPC 4.4: live vaccines at least 6 weeks before treatment',
      cladribine: 'Mavenclad SmPC 4.4: avoid starting within 4 to 6 weeks of a live or attenuated live vaccine',
      'S1P modulator': 'Gilenya SmPC 4.4 (postpone start 1 month after varicella vaccination); Zeposia/Mayzent/Ponvory/Velsipity SmPC 4.4 (live vaccines: section to verify)',
    },
    evaluate: ({ drug, facts, now }) => {
      const v = facts.bool('live_vaccine_recent');
      if (v === false) return clear();
      if (v === undefined) return gap(['live_vaccine_recent']);
      const waitDays = LIVE_VACCINE_WAIT_DAYS[drug.inn] ?? 28;
      const date = facts.date('live_vaccine_recent');
      const until = date === undefined ? undefined : addDays(date, waitDays);
      if (date === undefined || until === undefined) return hit(['live_vaccine_recent'], { waitDays }, 'undated');
      const daysLeft = Math.max(0, Math.ceil((Date.parse(until) - now.getTime()) / 86_400_000));
      return hit(['live_vaccine_recent'], { date, waitDays, until, daysLeft });
    },
  },
  {
    id: 'serious-infection-active', appliesTo: { classes: IMMUNOSUPPRESSIVE }, facts: ['serious_infection_active'],
    severity: 'contraindicated', severityIfUnknown: 'screen-before-start',
    source: 'SmPC 4.3 active serious / severe infection (anti-TNF, JAK inhibitors, Entyvio, Stelara, IL-23 antibodies, RoActemra, Kevzara, Orencia, anti-CD20, S1P modulators, Aubagio, Mavenclad, Lemtrada; Tysabri 4.3 increased risk of opportunistic infections; section to verify per product)',
    evaluate: finding('serious_infection_active'),
  },
];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<RuleId, SafetyRule> = new Map(SAFETY_RULES.map((r) => [r.id, r]));
