/**
 * Rule rows: conditions on the problem list. JAK inhibitor risk groups (EMA 2022), malignancy (active, past,
 * lymphoma), demyelinating disease, other autoimmune disease (alemtuzumab), interstitial lung disease,
 * diverticulitis (GI perforation) and macular oedema risk (S1P).
 */
import type { SafetyRule } from './types.ts';
import { clear, gap, hit } from './facts.ts';
import { dated, finding } from './ruleHelpers.ts';

const JAK_EMA_2022 =
  'EMA Art. 20 referral on JAK inhibitors for inflammatory disorders: PRAC recommendation 28 Oct 2022, CHMP 11 Nov 2022 (EMA/PRAC measures; document number to verify), reflected in Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.4; ORAL Surveillance (Ytterberg SR et al., N Engl J Med 2022;386:316-26)';
const JAK_US =
  'Xeljanz, Olumiant, Rinvoq USPI boxed warning (serious infections, mortality, malignancy, MACE, thrombosis; FDA safety communication 1 Sep 2021): use after an inadequate response to TNF blockers; Jyseleca not licensed in the US';
const JAK_LABEL = { eu: JAK_EMA_2022, us: JAK_US, follows: 'EU' } as const;
const JAK_WHY =
  'EMA wording "use only if no suitable treatment alternatives are available" in this risk group; the US restricts all JAK use to TNF-blocker failures (a line-of-therapy rule, not a risk-group level). Level follows the EU.';

export const CONDITION_RULES: readonly SafetyRule[] = [
  {
    // Label says "caution"; ranked as only-if-no-alternative because TNF blockade worsened MS in a
    // randomised trial (Lenercept MS Study Group, Neurology 1999;53:457-65).
    id: 'anti-tnf-demyelinating',
    appliesTo: { classes: ['anti-TNF'] },
    facts: ['demyelinating_disease'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Demyelinating disease ever (MS, optic neuritis, other)',
    label: {
      eu: 'Anti-TNF SmPC 4.4 (Humira, Remicade, Cimzia, Simponi, Enbrel: pre-existing or recent-onset demyelinating disorders)',
      us: 'Anti-TNF USPI 5 (neurologic reactions: demyelinating disease)',
      follows: 'guideline',
    },
    source:
      'Anti-TNF SmPC 4.4 (Humira, Remicade, Cimzia, Simponi, Enbrel): pre-existing or recent-onset demyelinating disorders; Lenercept MS Study Group, Neurology 1999;53:457-65',
    rationale:
      'Labels say caution (4.4/5); the level is one step stricter than the label because TNF blockade worsened MS in a randomised trial (Lenercept MS Study Group, Neurology 1999). A deliberate, documented departure.',
    evaluate: finding('demyelinating_disease'),
  },
  {
    id: 'jak-age',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['age_years'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Age 65 years or above',
    label: JAK_LABEL,
    rationale: JAK_WHY,
    evaluate: ({ facts }) => {
      const age = facts.num('age_years');
      if (age === undefined) return gap(['age_years']);
      return age >= 65 ? hit(['age_years'], { age }) : clear();
    },
  },
  {
    id: 'jak-smoking',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['smoking_current', 'smoking_ever'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Current or past long-time smoker',
    label: JAK_LABEL,
    rationale: JAK_WHY,
    evaluate: ({ facts }) => {
      if (facts.bool('smoking_current') === true) return hit(['smoking_current'], dated(facts, 'smoking_current'));
      // A former smoker may or may not be a "long-time" smoker: flagged, with the question in the text.
      if (facts.bool('smoking_ever') === true) return hit(['smoking_ever'], undefined, 'former');
      if (facts.bool('smoking_current', { stalePositive: true }) === true) return hit(['smoking_current'], dated(facts, 'smoking_current'), 'former');
      return facts.bool('smoking_ever') === false ? clear() : gap(['smoking_ever', 'smoking_current']);
    },
  },
  {
    id: 'jak-cv-risk',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['cv_risk'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Cardiovascular risk factors (hypertension, diabetes, past MI or stroke, smoking)',
    label: JAK_LABEL,
    rationale: JAK_WHY,
    evaluate: ({ facts }) => {
      const r = facts.cat('cv_risk');
      if (r === 'present') return hit(['cv_risk'], { factors: facts.note('cv_risk') ?? 'see record' });
      return r === 'none' ? clear() : gap(['cv_risk']);
    },
  },
  {
    id: 'jak-malignancy',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['malignancy_history'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Malignancy ever (active or past)',
    label: JAK_LABEL,
    rationale: JAK_WHY,
    evaluate: finding('malignancy_history'),
  },
  {
    // EMA 2022 wording for VTE is "use with caution" (risk factors other than those above), not
    // "only if no suitable alternative"; Xeljanz SmPC 4.4 adds that 10 mg twice daily maintenance in UC
    // is not recommended with VTE risk factors unless no alternative.
    id: 'jak-vte',
    appliesTo: { classes: ['JAK inhibitor'] },
    facts: ['vte_history'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Venous thromboembolism ever',
    label: {
      eu: `${JAK_EMA_2022}: use with caution in patients with risk factors for VTE; Xeljanz SmPC 4.2/4.4 (UC 10 mg maintenance)`,
      us: JAK_US,
      follows: 'EU',
    },
    rationale: 'The EMA text for VTE risk factors is "use with caution", not the "only if no alternative" of the other risk groups.',
    evaluate: finding('vte_history'),
  },
  {
    id: 'malignancy-active',
    appliesTo: { classes: ['S1P modulator', 'cladribine', 'anti-integrin alpha4'], inns: ['ocrelizumab', 'ofatumumab', 'ublituximab'] },
    facts: ['malignancy_active'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Active malignancy (non-melanoma skin cancer excluded)',
    label: {
      eu: 'Gilenya, Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.3 (active malignancies); Mavenclad SmPC 4.3 (active malignancy); Tysabri SmPC 4.3 (known active malignancies, except cutaneous basal cell carcinoma); Ocrevus, Kesimpta, Briumvi SmPC 4.3 (known active malignancies); sections to verify per product',
      us: 'Mavenclad USPI 4 (current malignancy); Ocrevus, Kesimpta, Briumvi, Tysabri, S1P USPI: warnings only (5)',
      follows: 'EU',
    },
    rationale:
      'EU 4.3 contraindicates these MS drugs in active malignancy; the US does so for cladribine only. Level follows the EU. Rituximab (RA) has no such 4.3 entry.',
    evaluate: finding('malignancy_active', false),
  },
  {
    id: 'alemtuzumab-malignancy',
    appliesTo: { inns: ['alemtuzumab'] },
    facts: ['malignancy_active', 'malignancy_history'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Pre-existing or ongoing malignancy',
    label: {
      eu: 'Lemtrada SmPC 4.4 (malignancies: caution in patients with pre-existing and/or ongoing malignancy); revision date to verify',
      us: 'Lemtrada USPI boxed warning and 5 (malignancies: caution with pre-existing or ongoing malignancy); section to verify',
      follows: 'EU and US',
    },
    rationale: 'Both labels ask for caution (no contraindication) with pre-existing or ongoing malignancy.',
    evaluate: ({ facts }) => {
      if (facts.bool('malignancy_active') === true) return hit(['malignancy_active'], dated(facts, 'malignancy_active'));
      if (facts.bool('malignancy_history', { stalePositive: true }) === true) return hit(['malignancy_history'], dated(facts, 'malignancy_history'));
      return facts.bool('malignancy_history') === false ? clear() : gap(['malignancy_history']);
    },
  },
  {
    id: 'anti-tnf-malignancy-history',
    appliesTo: { classes: ['anti-TNF'] },
    facts: ['lymphoma_history', 'malignancy_history'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Lymphoma or other malignancy ever',
    label: {
      eu: 'Humira, Remicade, Cimzia, Simponi, Enbrel SmPC 4.4 (malignancies and lymphoproliferative disorders: caution with a history of malignancy); revision dates to verify',
      us: 'Anti-TNF USPI boxed warning (malignancy) and 5',
      follows: 'EU and US',
    },
    rationale: 'Both labels warn (no contraindication): caution. Lymphoma is named first because the labels single it out.',
    evaluate: ({ facts }) => {
      if (facts.bool('lymphoma_history', { stalePositive: true }) === true) return hit(['lymphoma_history'], dated(facts, 'lymphoma_history'), 'lymphoma');
      if (facts.bool('malignancy_history', { stalePositive: true }) === true) return hit(['malignancy_history'], dated(facts, 'malignancy_history'));
      return facts.bool('malignancy_history') === false ? clear() : gap(['malignancy_history']);
    },
  },
  {
    id: 'alemtuzumab-autoimmune',
    appliesTo: { inns: ['alemtuzumab'] },
    facts: ['autoimmune_other'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Autoimmune disease other than MS (e.g. ITP, autoimmune thyroid disease, anti-GBM disease, SLE, type 1 diabetes)',
    label: {
      eu: 'Lemtrada SmPC 4.3 (concomitant autoimmune diseases other than MS) as amended after the EMA Art. 20 referral (Commission decision January 2020; date to verify)',
      us: 'Lemtrada USPI boxed warning and 5 (autoimmunity); not a section 4 contraindication',
      follows: 'EU',
    },
    rationale: 'EU contraindication; the US label warns. Level follows the EU.',
    evaluate: finding('autoimmune_other'),
  },
  {
    id: 'interstitial-lung-disease',
    appliesTo: { inns: ['methotrexate', 'leflunomide'] },
    facts: ['interstitial_lung_disease'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Interstitial lung disease recorded',
    label: {
      eu: 'Methotrexate SmPC 4.4 (pulmonary toxicity; caution with pre-existing lung disease; product and section to verify); Arava SmPC 4.4 (interstitial lung disease)',
      us: 'Methotrexate USPI boxed warning / 5 (lung disease; Otrexup, Rasuvo, Trexall); Arava USPI 5 (interstitial lung disease)',
      follows: 'EU and US',
    },
    rationale: 'Warnings, not contraindications, in both labels: caution (pulmonary function and specialist review).',
    evaluate: finding('interstitial_lung_disease'),
  },
  {
    id: 'gi-perforation-diverticulitis',
    appliesTo: { classes: ['anti-IL-6R', 'JAK inhibitor'] },
    facts: ['diverticulitis_history'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Diverticulitis ever (risk of gastrointestinal perforation)',
    label: {
      eu: 'RoActemra, Kevzara SmPC 4.4 (history of intestinal ulceration or diverticulitis); Xeljanz, Olumiant, Rinvoq, Jyseleca SmPC 4.4 (gastrointestinal perforation: caution with diverticulitis); revision dates to verify',
      us: 'Actemra, Kevzara, Xeljanz, Olumiant, Rinvoq USPI 5 (gastrointestinal perforations)',
      follows: 'EU and US',
    },
    rationale: 'A warning in both labels: caution.',
    evaluate: finding('diverticulitis_history'),
  },
  {
    id: 's1p-macular-oedema',
    appliesTo: { classes: ['S1P modulator'] },
    facts: ['macular_oedema_risk'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Diabetes mellitus or uveitis: ophthalmological examination before the first dose and during treatment',
    label: {
      eu: 'Gilenya, Zeposia, Mayzent, Ponvory, Velsipity SmPC 4.4 (macular oedema: ophthalmological evaluation before start in diabetes or uveitis); sections to verify',
      us: 'Same products USPI 5 (macular edema)',
      follows: 'EU and US',
    },
    rationale: 'A work-up before start and a lasting risk during treatment: caution.',
    evaluate: finding('macular_oedema_risk'),
  },
];
