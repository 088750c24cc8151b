/**
 * Rule rows: infections. Tuberculosis (active, latent, screening, preventive treatment), hepatitis B and C,
 * HIV, active serious infection, chronic active infection (S1P, cladribine), live vaccines and varicella
 * immunity. EU SmPC 4.3/4.4 and US PI 4/5; "to verify" where the current text was not re-read.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { FactReader, RuleContext, RuleId, RuleOutcome, SafetyRule } from './types.ts';
import { addDays, clear, covered, gap, hit } from './facts.ts';
import { dated, finding } from './ruleHelpers.ts';
import { HBV_SCREEN, IMMUNOSUPPRESSIVE, TB_SCREEN } from './thresholds.ts';

const ECCO_OI = 'ECCO guidelines on opportunistic infections 2021 (Kucharzik T et al., J Crohns Colitis 2021;15:879-913)';
const EASL_HBV = 'EASL HBV guideline 2017 (J Hepatol 2017;67:370-98)';

/** HBsAg positive, or a chronic hepatitis B diagnosis (the same finding for the rules: current HBV infection). */
function hbvCurrent(f: FactReader): { names: InputName[]; chronicOnly: boolean } | undefined {
  if (f.cat('hbv_hbsag', { stalePositive: ['positive'] }) === 'positive') return { names: ['hbv_hbsag'], chronicOnly: false };
  if (f.bool('hbv_chronic', { stalePositive: true }) === true) return { names: ['hbv_chronic'], chronicOnly: true };
  return undefined;
}

/** HBsAg rule shared by the general and the anti-CD20 row. */
const hbsag = ({ facts }: RuleContext): RuleOutcome => {
  const cur = hbvCurrent(facts);
  if (cur) return hit(cur.names, dated(facts, cur.names[0] ?? 'hbv_hbsag'), cur.chronicOnly ? 'chronic' : undefined);
  return facts.cat('hbv_hbsag') === 'negative' ? clear() : gap(['hbv_hbsag']);
};

/** Latent TB or a positive screening test (an old positive stays positive). */
function latentTb(f: FactReader): InputName[] | undefined {
  const latent = f.bool('tb_latent', { stalePositive: true }) === true;
  const screen = f.cat('tb_screen_result', { stalePositive: ['positive'] }) === 'positive';
  if (!latent && !screen) return undefined;
  return [...(latent ? ['tb_latent' as const] : []), ...(screen ? ['tb_screen_result' as const] : [])];
}

/** Days to wait after a live vaccine before the first dose (default 4 weeks). */
export const LIVE_VACCINE_WAIT_DAYS: Readonly<Record<string, number>> = {
  alemtuzumab: 42, // Lemtrada SmPC 4.4: live vaccines at least 6 weeks before treatment
  cladribine: 42, // Mavenclad SmPC 4.4: avoid starting within 4 to 6 weeks of a live vaccine (upper bound used)
  ocrelizumab: 42, // Ocrevus SmPC 4.4: live or live-attenuated vaccines at least 6 weeks before initiation
};
const DEFAULT_VACCINE_WAIT = 28;

const TB_EU =
  'Anti-TNF, Entyvio, Stelara, Skyrizi, Omvoh, Tremfya, RoActemra, Kevzara, Orencia, Xeljanz, Olumiant, Rinvoq, Jyseleca, Mavenclad, Lemtrada SmPC 4.4 (screen for active and latent TB; treat latent TB before the first dose); revision dates to verify';
const TB_US =
  'USPI 5 of the same products (test for latent TB; start treatment of latent TB before use); Aubagio USPI 5 (screen for latent TB); revision dates to verify';

export const INFECTION_RULES: readonly SafetyRule[] = [
  {
    id: 'tb-active',
    appliesTo: { classes: IMMUNOSUPPRESSIVE, inns: ['methotrexate', 'leflunomide'] },
    facts: ['tb_active'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Active tuberculosis (not resolved)',
    label: {
      eu: 'SmPC 4.3 active tuberculosis / active severe or chronic infection: anti-TNF, Xeljanz, Rinvoq, Jyseleca (Olumiant 4.4), Entyvio, Stelara, IL-23 antibodies, S1P modulators, Mavenclad, Lemtrada, anti-CD20, methotrexate (Metoject 4.3), Arava 4.3 (section to verify per product; revision dates to verify)',
      us: 'USPI boxed warnings / 5 (serious infections including TB: do not start during an active infection); section to verify per product',
      follows: 'EU',
    },
    rationale:
      'Most EU 4.3 sections list active TB or active serious infection; US labels say do not start during active infection (boxed warning for anti-TNF and JAK). Level follows the EU contraindication.',
    evaluate: finding('tb_active', false),
  },
  {
    id: 'tb-latent',
    appliesTo: { classes: TB_SCREEN },
    facts: ['tb_latent', 'tb_screen_result', 'tb_prophylaxis'],
    severity: 'treat-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Latent TB or a positive IGRA/TST, without a recorded preventive treatment course',
    label: { eu: TB_EU, us: TB_US, follows: 'EU and US' },
    rationale: `Labels require latent TB treatment to start before the first dose: not a mere to-do (issue 10), so "treat before start"; a recorded isoniazid/rifampicin/rifapentine course resolves it (then tb-latent-on-prophylaxis). ${ECCO_OI}.`,
    evaluate: ({ facts }) => {
      const names = latentTb(facts);
      if (names)
        return facts.bool('tb_prophylaxis', { stalePositive: true }) === true
          ? covered('tb-latent-on-prophylaxis')
          : hit(names, dated(facts, names[0] ?? 'tb_latent'));
      return facts.bool('tb_latent') === false || facts.cat('tb_screen_result') === 'negative' ? clear() : covered('tb-screening');
    },
  },
  {
    id: 'tb-latent-on-prophylaxis',
    appliesTo: { classes: TB_SCREEN },
    facts: ['tb_latent', 'tb_screen_result', 'tb_prophylaxis'],
    severity: 'screen-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Latent TB or a positive IGRA/TST, with a recorded preventive treatment course',
    label: { eu: TB_EU, us: TB_US, follows: 'EU and US' },
    rationale:
      'A recorded preventive course resolves the treat-before-start finding (issue 10): the drug may start once the course is under way. What remains is a check (course started and to be completed; watch for active TB, labels 4.4/5), shown at the to-do level so it never demotes the option.',
    evaluate: ({ facts }) => {
      const names = latentTb(facts);
      if (!names) return facts.bool('tb_latent') === false || facts.cat('tb_screen_result') === 'negative' ? clear() : covered('tb-screening');
      return facts.bool('tb_prophylaxis', { stalePositive: true }) === true
        ? hit([...names, 'tb_prophylaxis'], dated(facts, 'tb_prophylaxis'))
        : covered('tb-latent');
    },
  },
  {
    id: 'tb-screening',
    appliesTo: { classes: TB_SCREEN },
    facts: ['tb_screen_result', 'tb_latent'],
    severity: 'screen-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'No TB screening result within 12 months, or an indeterminate result',
    label: { eu: TB_EU, us: TB_US, follows: 'EU and US' },
    rationale: `Screening before the first dose is required by the labels; a result older than 365 days is out of date (catalogue tb_screen_result). ${ECCO_OI}.`,
    evaluate: ({ facts }) => {
      const screen = facts.cat('tb_screen_result', { stalePositive: ['positive'] });
      if (latentTb(facts)) return covered('tb-latent');
      if (screen === 'negative') return clear();
      return screen === 'indeterminate' ? hit(['tb_screen_result'], dated(facts, 'tb_screen_result')) : gap(['tb_screen_result']);
    },
  },
  {
    id: 'hbv-hbsag',
    appliesTo: { classes: HBV_SCREEN },
    facts: ['hbv_hbsag', 'hbv_chronic'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'HBsAg positive, or a chronic hepatitis B diagnosis',
    label: {
      eu: 'Anti-TNF, JAK inhibitor, RoActemra, Orencia, Mavenclad, Lemtrada SmPC 4.4 (HBV screening; reactivation; hepatologist before start); revision dates to verify',
      us: 'Same products USPI 5 (HBV reactivation; screen before start); revision dates to verify',
      follows: 'guideline',
    },
    rationale: `Labels warn (4.4/5) but do not contraindicate; ${ECCO_OI} and ${EASL_HBV} require antiviral prophylaxis and hepatology first, so the team set "only if no suitable alternative". A chronic hepatitis B diagnosis counts as HBsAg positive.`,
    evaluate: hbsag,
  },
  {
    id: 'anti-cd20-hbsag',
    appliesTo: { classes: ['anti-CD20'] },
    facts: ['hbv_hbsag', 'hbv_chronic'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'HBsAg positive, or a chronic hepatitis B diagnosis',
    label: {
      eu: 'Ocrevus, Kesimpta, MabThera SmPC 4.4 (patients with active hepatitis B must not be treated; HBV screening before start); Briumvi SmPC 4.3/4.4 (section to verify); revision dates to verify',
      us: 'Ocrevus, Kesimpta, Briumvi USPI 4 (active HBV infection); Rituxan USPI boxed warning (HBV reactivation)',
      follows: 'EU and US',
    },
    rationale: 'Both labels say patients with active hepatitis B must not be treated (US section 4 for the MS anti-CD20 antibodies).',
    evaluate: hbsag,
  },
  {
    id: 'hbv-anti-hbc',
    appliesTo: { classes: [...HBV_SCREEN, 'anti-CD20'] },
    facts: ['hbv_anti_hbc', 'hbv_hbsag', 'hbv_chronic'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Anti-HBc positive with HBsAg negative (past infection)',
    label: { eu: 'Product SmPC 4.4 (HBV screening)', us: 'Product USPI 5 (HBV reactivation)', follows: 'guideline' },
    source: `${ECCO_OI} (HBsAg-negative, anti-HBc-positive: monitor HBV DNA); ${EASL_HBV} (prophylaxis with anti-CD20)`,
    sources: {
      'anti-CD20': `${EASL_HBV}: HBsAg-negative, anti-HBc-positive patients starting anti-CD20 should receive antiviral prophylaxis; Ocrevus/Kesimpta/MabThera SmPC 4.4 (HBV screening)`,
    },
    rationale: 'Past infection: reactivation risk, managed by monitoring or prophylaxis; caution (guideline-based).',
    evaluate: ({ drug, facts }) => {
      const cd20 = drug.drugClass === 'anti-CD20';
      const owner: RuleId = cd20 ? 'anti-cd20-hbsag' : 'hbv-hbsag';
      if (hbvCurrent(facts)) return covered(owner);
      const c = facts.cat('hbv_anti_hbc', { stalePositive: ['positive'] });
      if (c === 'positive') return hit(['hbv_anti_hbc'], dated(facts, 'hbv_anti_hbc'), cd20 ? 'anti-cd20' : undefined);
      if (c === 'negative') return clear();
      return facts.cat('hbv_hbsag') === 'negative' ? gap(['hbv_anti_hbc']) : covered(owner);
    },
  },
  {
    id: 'chronic-infection-active',
    appliesTo: { classes: ['S1P modulator', 'cladribine'] },
    facts: ['hbv_hbsag', 'hbv_chronic', 'hcv_active'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Active chronic infection: hepatitis B (HBsAg positive or chronic hepatitis B) or active/chronic hepatitis C',
    label: {
      eu: 'Gilenya, Zeposia, Mayzent, Ponvory, Velsipity SmPC 4.3 (active chronic infections such as hepatitis, tuberculosis; section to verify per product); Mavenclad SmPC 4.3 (active chronic infection: tuberculosis or hepatitis)',
      us: 'Mavenclad USPI 4 (active chronic infections, e.g. hepatitis or tuberculosis); S1P USPI 5 (infections; not in section 4)',
      follows: 'EU',
    },
    rationale:
      'EU 4.3 contraindicates S1P modulators and cladribine in active chronic infection; active TB is the tb-active rule. Level follows the EU (US: contraindicated for cladribine only).',
    evaluate: ({ drug, facts }) => {
      const hbv = hbvCurrent(facts);
      if (hbv) return hit(hbv.names, dated(facts, hbv.names[0] ?? 'hbv_hbsag'));
      if (facts.bool('hcv_active', { stalePositive: true }) === true) return hit(['hcv_active'], dated(facts, 'hcv_active'), 'hcv');
      const unknown: InputName[] = [
        ...(facts.cat('hbv_hbsag') === 'negative' ? [] : ['hbv_hbsag' as const]),
        ...(facts.bool('hcv_active') === false ? [] : ['hcv_active' as const]),
      ];
      if (unknown.length === 0) return clear();
      // The HBsAg gap of cladribine is already reported by hbv-hbsag.
      if (unknown.length === 1 && unknown[0] === 'hbv_hbsag' && HBV_SCREEN.includes(drug.drugClass)) return covered('hbv-hbsag');
      return gap(unknown);
    },
  },
  {
    id: 'hiv-positive',
    appliesTo: { inns: ['alemtuzumab', 'cladribine'] },
    facts: ['hiv_positive'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'HIV infection',
    label: {
      eu: 'Lemtrada SmPC 4.3 (HIV infection); Mavenclad SmPC 4.3 (HIV infection); revision dates to verify',
      us: 'Lemtrada USPI 4 (HIV infection); Mavenclad USPI 4 (HIV infection)',
      follows: 'EU and US',
    },
    rationale: 'Both labels of both drugs contraindicate them in HIV infection; screening before start is asked, so unknown reads "screen".',
    evaluate: finding('hiv_positive'),
  },
  {
    id: 'jak-hcv',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['hcv_active'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Active or chronic hepatitis C (HCV RNA detected or diagnosis)',
    label: {
      eu: 'Xeljanz, Olumiant, Rinvoq, Jyseleca SmPC 4.4 (viral reactivation; screening for viral hepatitis before start; section to verify); revision dates to verify',
      us: 'Xeljanz, Olumiant, Rinvoq USPI 5 (viral reactivation; hepatitis screening); Jyseleca: not licensed in the US',
      follows: 'EU and US',
    },
    rationale: 'The JAK labels ask for viral hepatitis screening and hepatology advice; a warning, so caution.',
    evaluate: finding('hcv_active'),
  },
  {
    id: 'serious-infection-active',
    appliesTo: { classes: IMMUNOSUPPRESSIVE, inns: ['methotrexate', 'leflunomide'] },
    facts: ['serious_infection_active'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold:
      'Active serious infection (sepsis, pneumonia, cellulitis, abscess incl. perianal, pyelonephritis, osteomyelitis, septic arthritis, endocarditis, CMV, C. difficile, herpes zoster)',
    label: {
      eu: 'SmPC 4.3 active serious / severe infection (anti-TNF, JAK inhibitors, Entyvio, Stelara, IL-23 antibodies, RoActemra, Kevzara, Orencia, anti-CD20, S1P modulators, Aubagio, Mavenclad, Lemtrada, Metoject, Arava; Tysabri 4.3 increased risk of opportunistic infections; section to verify per product)',
      us: 'USPI 5 (do not start during an active serious infection; boxed warnings anti-TNF, JAK); section to verify per product',
      follows: 'EU',
    },
    rationale: 'EU 4.3 lists active severe infection for nearly every immunosuppressive option; level follows the EU.',
    evaluate: finding('serious_infection_active', false),
  },
  {
    id: 'live-vaccine-recent',
    appliesTo: { classes: IMMUNOSUPPRESSIVE },
    facts: ['live_vaccine_recent'],
    severity: 'treat-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: "Live vaccine within the drug's wait: 6 weeks for alemtuzumab, cladribine, ocrelizumab; 4 weeks otherwise",
    limits: { op: '<', unit: 'd', byDrug: LIVE_VACCINE_WAIT_DAYS },
    label: {
      eu: 'Lemtrada SmPC 4.4 (6 weeks); Mavenclad SmPC 4.4 (4 to 6 weeks); Ocrevus SmPC 4.4 (6 weeks); Gilenya SmPC 4.4 (postpone 1 month after varicella vaccination); other biologic/JAK SmPC 4.4 (no live vaccines around treatment)',
      us: 'Lemtrada, Mavenclad, Kesimpta USPI 5 (live vaccines: at least 4 to 6 weeks before; section to verify); Ocrevus USPI 2.1 (live vaccines at least 4 weeks before initiation; earlier US labels said 6 weeks); Velsipity USPI 2.1 (VZV vaccination at least 4 weeks before)',
      follows: 'EU',
    },
    source:
      'ACR 2022 guideline for vaccinations in rheumatic diseases (Bass AR et al., Arthritis Care Res 2023;75:449-64; wording to verify); ECCO guidelines on opportunistic infections 2021; biologic/JAK SmPC 4.4 (no live vaccines around treatment)',
    sources: {
      'anti-CD52': 'Lemtrada SmPC 4.4: live vaccines at least 6 weeks before treatment',
      cladribine: 'Mavenclad SmPC 4.4: avoid starting within 4 to 6 weeks of a live or attenuated live vaccine',
      ocrelizumab: 'Ocrevus SmPC 4.4: live or live-attenuated vaccines at least 6 weeks before initiation',
      'S1P modulator':
        'Gilenya SmPC 4.4 (postpone start 1 month after varicella vaccination); Zeposia/Mayzent/Ponvory/Velsipity SmPC 4.4 (live vaccines: section to verify)',
    },
    rationale:
      'The labels forbid the first dose within the wait after a live vaccine: the start is deferred, not the drug ruled out. Ocrelizumab keeps the 6 weeks the brief and the EU text give although the current US label says 4 weeks (level follows the EU, the longer wait); so "treat before start" (something must happen, here the wait, before the first dose; the option stays suitable). The wait is read from the vaccine date per drug; past the wait the rule clears.',
    evaluate: ({ drug, facts, now }) => {
      const v = facts.bool('live_vaccine_recent');
      if (v === false) return clear();
      if (v === undefined) return gap(['live_vaccine_recent']);
      const waitDays = LIVE_VACCINE_WAIT_DAYS[drug.inn] ?? DEFAULT_VACCINE_WAIT;
      const date = facts.date('live_vaccine_recent');
      const until = date === undefined ? undefined : addDays(date, waitDays);
      if (date === undefined || until === undefined) return hit(['live_vaccine_recent'], { waitDays }, 'undated');
      const daysLeft = Math.ceil((Date.parse(until) - now.getTime()) / 86_400_000);
      return daysLeft <= 0 ? clear() : hit(['live_vaccine_recent'], { date, waitDays, until, daysLeft });
    },
  },
  {
    id: 'vzv-non-immune',
    appliesTo: { classes: ['S1P modulator', 'cladribine', 'anti-CD52'] },
    facts: ['vzv_immune'],
    severity: 'treat-before-start',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Varicella-zoster IgG negative (no immunity): vaccinate, then wait before the first dose',
    label: {
      eu: 'Gilenya, Zeposia, Mayzent, Ponvory, Velsipity SmPC 4.4 (VZV antibody test without confirmed history or vaccination; vaccinate negatives, start 1 month later); Mavenclad SmPC 4.4 (4 to 6 weeks); Lemtrada SmPC 4.4 (6 weeks); sections to verify',
      us: 'Same products USPI 5 (VZV antibody testing and vaccination before start); section to verify',
      follows: 'EU and US',
    },
    rationale: 'A finding that must be treated (vaccination) before the first dose: "treat before start". Unknown immunity: test first.',
    evaluate: ({ facts }) => {
      const v = facts.cat('vzv_immune');
      if (v === 'non-immune') return hit(['vzv_immune'], dated(facts, 'vzv_immune'));
      return v === 'immune' ? clear() : gap(['vzv_immune']);
    },
  },
];
