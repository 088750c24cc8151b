/**
 * Rule rows: heart failure, S1P modulator cardiac contraindications, and alemtuzumab's vascular and
 * bleeding contraindications. Label sections are EU SmPC (4.3 contraindications, 4.4 warnings) and US PI
 * (4 contraindications, 5 warnings); "revision date to verify" where the current text was not re-read.
 */
import type { SafetyRule } from './types.ts';
import { clear, covered, gap, hit } from './facts.ts';
import { dated, finding, heartFailureWithoutClass, lastingNum } from './ruleHelpers.ts';

/** The four anti-TNF antibodies whose SmPC 4.3 lists NYHA III/IV heart failure (etanercept's does not). */
export const ANTI_TNF_HF_CI = ['infliximab', 'adalimumab', 'certolizumab pegol', 'golimumab'] as const;

const S1P_EU =
  'Gilenya, Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.3 (fingolimod cardiac contraindications added after the EMA review of 2017; revision dates to verify)';
const S1P_US = 'Gilenya, Mayzent, Zeposia, Ponvory, Velsipity USPI section 4 (revision dates to verify)';
const ANTI_TNF_EU = 'Humira, Remicade, Cimzia, Simponi SmPC 4.3 (moderate to severe heart failure, NYHA III/IV); revision dates to verify';
const ANTI_TNF_US =
  'Humira, Remicade, Cimzia, Simponi USPI 5 (heart failure: worsening and new onset; Remicade USPI 4: doses > 5 mg/kg contraindicated in NYHA III/IV); revision dates to verify';
const LEMTRADA_EU = 'Lemtrada SmPC 4.3 as amended after the EMA Art. 20 referral (PRAC 2019, Commission decision January 2020; date to verify)';
const LEMTRADA_US = 'Lemtrada USPI boxed warning and 5 (stroke; autoimmunity); section 4 lists only HIV infection';

export const HEART_RULES: readonly SafetyRule[] = [
  {
    id: 'anti-tnf-hf-severe',
    appliesTo: { inns: ANTI_TNF_HF_CI },
    facts: ['heart_failure_nyha'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Heart failure NYHA class III or IV (an old class still counts)',
    label: { eu: ANTI_TNF_EU, us: ANTI_TNF_US, follows: 'EU' },
    rationale:
      'EU 4.3 lists NYHA III/IV heart failure as a contraindication; the US PI has a warning (and for infliximab a dose limit), so the level follows the stricter EU text. A class recorded long ago still counts (heart failure does not resolve by ageing of the entry).',
    evaluate: (ctx) => {
      const n = lastingNum(ctx, 'heart_failure_nyha');
      if (n === undefined) return gap(['heart_failure_nyha'], undefined, heartFailureWithoutClass(ctx) ? 'class-unknown' : undefined);
      return n.value >= 3 ? hit(['heart_failure_nyha'], { nyha: n.value, date: n.date ?? 'date not recorded' }) : clear();
    },
  },
  {
    id: 'anti-tnf-hf-mild',
    appliesTo: { inns: ANTI_TNF_HF_CI },
    facts: ['heart_failure_nyha'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Heart failure NYHA class I or II, or heart failure without a recorded class',
    label: {
      eu: 'Humira, Remicade, Cimzia, Simponi SmPC 4.4 (use with caution in mild heart failure, NYHA I/II; stop if it worsens); revision dates to verify',
      us: ANTI_TNF_US,
      follows: 'EU and US',
    },
    rationale:
      'Both labels ask for caution and monitoring in mild heart failure. A heart-failure diagnosis without a class triggers this caution (heart failure is present) while the severe rule asks for the class.',
    evaluate: (ctx) => {
      const n = lastingNum(ctx, 'heart_failure_nyha');
      if (n === undefined) return heartFailureWithoutClass(ctx) ? hit(['heart_failure_nyha'], undefined, 'class-unknown') : covered('anti-tnf-hf-severe');
      return n.value >= 1 && n.value <= 2 ? hit(['heart_failure_nyha'], { nyha: n.value }) : clear();
    },
  },
  {
    id: 'etanercept-hf',
    appliesTo: { inns: ['etanercept'] },
    facts: ['heart_failure_nyha'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Any heart failure (NYHA I-IV)',
    label: {
      eu: 'Enbrel SmPC 4.4 (caution in congestive heart failure; not a 4.3 contraindication); revision date to verify',
      us: 'Enbrel USPI 5 (worsening and new-onset congestive heart failure); revision date to verify',
      follows: 'EU and US',
    },
    rationale: 'Etanercept is the one anti-TNF whose labels carry heart failure as a warning only, so caution at any class.',
    evaluate: (ctx) => {
      const n = lastingNum(ctx, 'heart_failure_nyha');
      if (n === undefined) return heartFailureWithoutClass(ctx) ? hit(['heart_failure_nyha'], undefined, 'class-unknown') : gap(['heart_failure_nyha']);
      return n.value >= 1 ? hit(['heart_failure_nyha'], { nyha: n.value }) : clear();
    },
  },
  {
    id: 'rituximab-hf-severe',
    appliesTo: { inns: ['rituximab'] },
    facts: ['heart_failure_nyha'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Heart failure NYHA class IV',
    label: {
      eu: 'MabThera SmPC 4.3, rheumatoid arthritis: severe heart failure (NYHA class IV) or severe, uncontrolled cardiac disease; revision date to verify',
      us: 'Rituxan USPI 5 (cardiovascular adverse reactions: monitor patients with cardiac disease); no contraindication',
      follows: 'EU',
    },
    rationale: 'EU 4.3 contraindicates rituximab in RA with NYHA IV heart failure; the US PI only warns. Level follows the EU.',
    evaluate: (ctx) => {
      const n = lastingNum(ctx, 'heart_failure_nyha');
      if (n === undefined) return gap(['heart_failure_nyha'], undefined, heartFailureWithoutClass(ctx) ? 'class-unknown' : undefined);
      return n.value >= 4 ? hit(['heart_failure_nyha'], { nyha: n.value }) : clear();
    },
  },
  {
    id: 's1p-heart-failure',
    appliesTo: { classes: ['S1P modulator'] },
    facts: ['heart_failure_nyha'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Heart failure NYHA class III or IV',
    label: { eu: S1P_EU, us: S1P_US, follows: 'EU and US' },
    rationale:
      'EU 4.3 and US section 4 contraindicate S1P modulators in NYHA III/IV heart failure (US wording: in the last 6 months; EU Gilenya: also decompensated heart failure). Decompensation in the last 6 months is the s1p-cardiac-event rule.',
    evaluate: (ctx) => {
      const n = lastingNum(ctx, 'heart_failure_nyha');
      if (n === undefined) return gap(['heart_failure_nyha'], undefined, heartFailureWithoutClass(ctx) ? 'class-unknown' : undefined);
      return n.value >= 3 ? hit(['heart_failure_nyha'], { nyha: n.value }) : clear();
    },
  },
  {
    id: 's1p-cardiac-event',
    appliesTo: { classes: ['S1P modulator'] },
    facts: ['cardiac_event_6m'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Myocardial infarction, unstable angina, stroke/TIA or decompensated heart failure in the last 6 months',
    label: { eu: S1P_EU, us: S1P_US, follows: 'EU and US' },
    rationale: 'Listed in section 4.3 (EU) and section 4 (US) of every S1P modulator label; the fact carries the event date.',
    evaluate: finding('cardiac_event_6m', false),
  },
  {
    id: 's1p-conduction-block',
    appliesTo: { classes: ['S1P modulator'] },
    facts: ['conduction_block'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Mobitz II second-degree or third-degree AV block, or sick sinus syndrome, without a pacemaker',
    label: { eu: S1P_EU, us: S1P_US, follows: 'EU and US' },
    rationale:
      'Contraindicated in both labels unless the patient has a functioning pacemaker (the fact is false with a pacemaker in place). An ECG before the first dose is required by all S1P labels, so an unknown reads "screen".',
    evaluate: finding('conduction_block'),
  },
  {
    id: 's1p-qtc-contraindicated',
    appliesTo: { inns: ['fingolimod'] },
    facts: ['qtc_ms'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'QTc 500 ms or longer',
    limits: { op: '>=', unit: 'ms', byDrug: { fingolimod: 500 } },
    label: {
      eu: 'Gilenya SmPC 4.3 (baseline QTc >= 500 ms); revision date to verify',
      us: 'Gilenya USPI 4 (baseline QTc interval >= 500 ms); revision date to verify',
      follows: 'EU and US',
    },
    rationale: 'Fingolimod is the S1P modulator whose 4.3 names a QTc limit in both labels.',
    evaluate: (ctx) => {
      const q = ctx.facts.num('qtc_ms');
      if (q === undefined) return gap(['qtc_ms']);
      return q >= 500 ? hit(['qtc_ms'], { value: q, ...dated(ctx.facts, 'qtc_ms') }) : clear();
    },
  },
  {
    id: 's1p-qtc-caution',
    appliesTo: { inns: ['siponimod', 'ozanimod', 'ponesimod', 'etrasimod'] },
    facts: ['qtc_ms'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'QTc 500 ms or longer',
    limits: { op: '>=', unit: 'ms', byDrug: { siponimod: 500, ozanimod: 500, ponesimod: 500, etrasimod: 500 } },
    label: {
      eu: 'Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.4 (ECG before start; cardiologist advice and first-dose monitoring with significant QT prolongation; section to verify)',
      us: 'Mayzent, Zeposia, Ponvory, Velsipity USPI 5 (ECG before start; section to verify); QTc is not a section 4 contraindication',
      follows: 'EU and US',
    },
    rationale:
      "For the newer S1P modulators a long QTc calls for cardiology advice and monitoring, not a contraindication; the 500 ms limit is taken over from the fingolimod label (the app's choice, stated).",
    evaluate: (ctx) => {
      const q = ctx.facts.num('qtc_ms');
      if (q === undefined) return gap(['qtc_ms']);
      return q >= 500 ? hit(['qtc_ms'], { value: q, ...dated(ctx.facts, 'qtc_ms') }) : clear();
    },
  },
  {
    id: 'alemtuzumab-vascular',
    appliesTo: { inns: ['alemtuzumab'] },
    facts: ['vascular_history'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold:
      'History of stroke, angina pectoris, myocardial infarction or cervicocephalic arterial dissection; uncontrolled hypertension is not read (no fact)',
    label: { eu: LEMTRADA_EU, us: LEMTRADA_US, follows: 'EU' },
    rationale: 'EU 4.3 since the 2019-2020 referral; the US label has boxed warnings but no contraindication, so the level follows the EU.',
    evaluate: finding('vascular_history'),
  },
  {
    id: 'alemtuzumab-coagulopathy',
    appliesTo: { inns: ['alemtuzumab'] },
    facts: ['coagulopathy_or_antithrombotic'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Known coagulopathy, or current antiplatelet or anticoagulant therapy',
    label: { eu: LEMTRADA_EU, us: LEMTRADA_US, follows: 'EU' },
    rationale: 'EU 4.3 (coagulopathy, anti-platelet or anti-coagulant therapy); not a US contraindication. Level follows the EU.',
    evaluate: finding('coagulopathy_or_antithrombotic', false),
  },
];
