/**
 * English texts of the rules added for issue 10 (messages.ts holds the earlier ones and merges these).
 * Same conventions: `{drug}`, `{gap}`, rule params; variants beyond triggered/unknown as the rules name them.
 */
import type { RuleId } from './types.ts';

export type RuleMessages = { triggered: string; unknown: string } & Record<string, string>;

const LAB_UNKNOWN = (what: string) => `${what} {gap}: a recent result is needed before starting {drug} (limit {limit}).`;

export const MORE_MESSAGES = {
  'tb-latent-on-prophylaxis': {
    triggered: 'Latent tuberculosis with preventive treatment started ({date}): {drug} may start; complete the course and watch for active TB.',
    unknown: 'Latent tuberculosis status {gap}: screen before starting {drug}.',
  },
  'malignancy-active': {
    triggered: 'Active malignancy recorded ({date}): {drug} is contraindicated in active malignancy.',
    unknown: 'Active malignancy status {gap}: check before starting {drug}.',
  },
  'alemtuzumab-malignancy': {
    triggered: 'Malignancy recorded ({date}): use {drug} with caution in pre-existing or ongoing malignancy.',
    unknown: 'Malignancy history {gap}: check before starting {drug}.',
  },
  's1p-lymphopenia': {
    triggered:
      'Lymphocytes {value} x10^9/L ({date}) below 0.5 (grade-3 lymphopenia): {drug} lowers counts further; find the cause and monitor closely if starting.',
    unknown: 'Lymphocyte count {gap}: a recent blood count is needed before starting {drug}.',
  },
  'anti-tnf-malignancy-history': {
    triggered: 'Malignancy in the history ({date}): use {drug} with caution (anti-TNF and malignancy).',
    lymphoma: 'Lymphoma in the history ({date}): use {drug} with caution; weigh the lymphoma risk of TNF blockade.',
    unknown: 'Malignancy history {gap}: check before starting {drug}.',
  },
  'rituximab-hf-severe': {
    triggered: 'Heart failure NYHA class {nyha}: {drug} is contraindicated in severe heart failure (NYHA IV).',
    'class-unknown': 'Heart failure recorded without a NYHA class: record the class before starting {drug} (contraindicated in NYHA IV).',
    unknown: 'Heart failure status (NYHA class) {gap}: assess before starting {drug}.',
  },
  's1p-cardiac-event': {
    triggered: 'Myocardial infarction, unstable angina, stroke/TIA or decompensated heart failure in the last 6 months ({date}): {drug} is contraindicated.',
    unknown: 'Cardiac and cerebrovascular events of the last 6 months {gap}: check before starting {drug}.',
  },
  's1p-conduction-block': {
    triggered: 'Mobitz II or third-degree AV block or sick sinus syndrome without a pacemaker ({date}): {drug} is contraindicated.',
    unknown: 'Conduction disorders {gap}: an ECG is needed before starting {drug}.',
  },
  's1p-qtc-contraindicated': {
    triggered: 'QTc {value} ms ({date}), 500 ms or longer: {drug} is contraindicated.',
    unknown: 'QTc {gap}: an ECG is needed before starting {drug}.',
  },
  's1p-qtc-caution': {
    triggered: 'QTc {value} ms ({date}), 500 ms or longer: seek cardiology advice and monitor the first dose of {drug}.',
    unknown: 'QTc {gap}: an ECG is needed before starting {drug}.',
  },
  'chronic-infection-active': {
    triggered: 'Chronic hepatitis B infection ({date}): {drug} is contraindicated in active chronic infection.',
    hcv: 'Active or chronic hepatitis C ({date}): {drug} is contraindicated in active chronic infection.',
    unknown: 'Chronic hepatitis status {gap}: test for hepatitis B and C before starting {drug}.',
  },
  'vzv-non-immune': {
    triggered: 'No immunity to varicella-zoster ({date}): vaccinate before {drug} and wait before the first dose.',
    unknown: 'Varicella-zoster immunity {gap}: test VZV IgG (unless history or 2 vaccine doses are documented) before starting {drug}.',
  },
  's1p-macular-oedema': {
    triggered: 'Diabetes or uveitis recorded ({date}): ophthalmological examination before {drug} and during treatment (macular oedema).',
    unknown: 'Diabetes and uveitis status {gap}: check before starting {drug} (macular oedema risk).',
  },
  'natalizumab-prior-immunosuppressant': {
    triggered: 'JC virus antibody positive after prior immunosuppressants: higher PML risk on {drug}; the index does not stratify these patients.',
    unknown: 'Prior immunosuppressant use {gap}: ask before starting {drug} (PML risk group).',
  },
  'natalizumab-jcv-repeat': {
    triggered: 'JC virus result from {date} is older than 6 months: repeat it; its risk group still counts until a newer result.',
    unknown: 'JC virus antibody status {gap}: test before starting {drug}.',
  },
  'hiv-positive': {
    triggered: 'HIV infection recorded ({date}): {drug} is contraindicated.',
    unknown: 'HIV status {gap}: test before starting {drug}.',
  },
  'jak-hcv': {
    triggered: 'Active or chronic hepatitis C ({date}): start {drug} only with hepatology advice (viral reactivation).',
    unknown: 'Hepatitis C status {gap}: screen for viral hepatitis before starting {drug}.',
  },
  'alemtuzumab-vascular': {
    triggered: 'Stroke, angina, myocardial infarction or arterial dissection in the history ({date}): {drug} is contraindicated.',
    unknown: 'History of stroke, angina, myocardial infarction or arterial dissection {gap}: check before starting {drug}.',
  },
  'alemtuzumab-autoimmune': {
    triggered: 'Autoimmune disease other than MS recorded ({date}): {drug} is contraindicated.',
    unknown: 'Other autoimmune diseases {gap}: check before starting {drug}.',
  },
  'alemtuzumab-coagulopathy': {
    triggered: 'Coagulopathy or antiplatelet/anticoagulant therapy ({date}): {drug} is contraindicated.',
    unknown: 'Coagulopathy and antithrombotic therapy {gap}: check before starting {drug}.',
  },
  'anti-cd20-igg': {
    triggered: 'IgG {value} g/L ({date}) below {limit}: hypogammaglobulinaemia raises the infection risk of {drug}; specialist advice before starting.',
    unknown: LAB_UNKNOWN('IgG'),
  },
  'interstitial-lung-disease': {
    triggered: 'Interstitial lung disease recorded ({date}): use {drug} with caution (pulmonary toxicity); lung function and specialist review.',
    unknown: 'Interstitial lung disease status {gap}: check before starting {drug}.',
  },
  'gi-perforation-diverticulitis': {
    triggered: 'Diverticulitis in the history ({date}): use {drug} with caution (gastrointestinal perforation).',
    unknown: 'Diverticulitis history {gap}: check before starting {drug}.',
  },
  'cladribine-male-contraception': {
    triggered: "Male patient: effective contraception to prevent a partner's pregnancy during {drug} treatment and for at least 6 months after the last dose.",
    unknown: 'Sex {gap}: contraception counselling before starting {drug} (women and men).',
  },
  'liver-do-not-start': {
    triggered: 'Transaminases {value} x ULN ({date}), above {limit} x ULN: do not start {drug}.',
    unknown: LAB_UNKNOWN('Liver tests (ALT/AST)'),
  },
  'liver-not-recommended': {
    triggered: 'Transaminases {value} x ULN ({date}), above {limit} x ULN: starting {drug} is not recommended; only if there is no suitable alternative.',
    unknown: LAB_UNKNOWN('Liver tests (ALT/AST)'),
  },
  'liver-caution': {
    triggered: 'Transaminases {value} x ULN ({date}), above {limit} x ULN: find the cause and monitor liver tests closely if starting {drug}.',
    unknown: LAB_UNKNOWN('Liver tests (ALT/AST)'),
  },
  'renal-contraindicated': {
    triggered: 'eGFR {value} mL/min/1.73m2 ({date}), below {limit}: {drug} is contraindicated.',
    unknown: LAB_UNKNOWN('Kidney function (eGFR)'),
  },
  'renal-not-recommended': {
    triggered: 'eGFR {value} mL/min/1.73m2 ({date}), below {limit}: {drug} is not recommended; only if there is no suitable alternative.',
    unknown: LAB_UNKNOWN('Kidney function (eGFR)'),
  },
  'renal-dose-reduce': {
    triggered: 'eGFR {value} mL/min/1.73m2 ({date}), below {limit}: reduce the dose of {drug} as the label says.',
    unknown: LAB_UNKNOWN('Kidney function (eGFR)'),
  },
  'neutrophils-do-not-start': {
    triggered: 'Neutrophils {value} x10^9/L ({date}), below {limit}: do not start {drug}.',
    unknown: LAB_UNKNOWN('Neutrophil count'),
  },
  'neutrophils-not-recommended': {
    triggered: 'Neutrophils {value} x10^9/L ({date}), below {limit}: starting {drug} is not recommended; only if there is no suitable alternative.',
    unknown: LAB_UNKNOWN('Neutrophil count'),
  },
  'neutrophils-caution': {
    triggered: 'Neutrophils {value} x10^9/L ({date}), below {limit}: start {drug} with caution and monitor counts.',
    unknown: LAB_UNKNOWN('Neutrophil count'),
  },
  'platelets-do-not-start': {
    triggered: 'Platelets {value} x10^9/L ({date}), below {limit}: do not start {drug}.',
    unknown: LAB_UNKNOWN('Platelet count'),
  },
  'platelets-not-recommended': {
    triggered: 'Platelets {value} x10^9/L ({date}), below {limit}: starting {drug} is not recommended; only if there is no suitable alternative.',
    unknown: LAB_UNKNOWN('Platelet count'),
  },
  'platelets-caution': {
    triggered: 'Platelets {value} x10^9/L ({date}), below {limit}: start {drug} with caution and monitor counts.',
    unknown: LAB_UNKNOWN('Platelet count'),
  },
} as const satisfies Partial<Record<RuleId, RuleMessages>>;
