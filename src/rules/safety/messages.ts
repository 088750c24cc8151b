/**
 * English texts of the safety flags, keyed by rule id and variant (`triggered`, `unknown`, or a
 * rule-specific variant). The UI translates by message key `safety.<ruleId>.<variant>` with the same
 * parameters; these texts are the reference for the DE/FR translations.
 * Placeholders: `{drug}` (the INN), `{gap}` (why a fact is unusable, from GAP_TEXT), and rule params.
 */
import type { MessageParams, RuleId } from './types.ts';
import { MORE_MESSAGES } from './messages.more.ts';

export type { RuleMessages } from './messages.more.ts';
import type { RuleMessages } from './messages.more.ts';

/** Why a fact could not be used, by extractor state. `{gapDate}`: date of the stale value. */
export const GAP_TEXT: Readonly<Record<string, string>> = {
  missing: 'not found',
  stale: 'out of date (last {gapDate})',
  implausible: 'implausible in the record',
  'unknown-unit': 'recorded in a unit that could not be converted',
  possible: 'only suspected (not confirmed)',
};

/**
 * Prefix of a flag that only a suspected diagnosis causes (check.ts possibleFlag): the rule's own finding
 * text follows. `{suspicion}`: the suspected Conditions and where their certainty was read.
 */
export const POSSIBLE_PREFIX = 'Possible finding, suspected diagnosis not confirmed ({suspicion}): ';

export const SAFETY_MESSAGES: Readonly<Record<RuleId, RuleMessages>> = {
  'anti-tnf-hf-severe': {
    triggered: 'Heart failure NYHA class {nyha} ({date}): {drug} is contraindicated in moderate to severe heart failure (NYHA III/IV).',
    unknown: 'Heart failure status (NYHA class) {gap}: assess before starting {drug}.',
    'class-unknown': 'Heart failure recorded without a NYHA class: record the class before starting {drug} (contraindicated in NYHA III/IV).',
  },
  'anti-tnf-hf-mild': {
    triggered: 'Mild heart failure (NYHA class {nyha}): use {drug} with caution and stop if heart failure worsens.',
    'class-unknown': 'Heart failure recorded (NYHA class not recorded): use {drug} with caution and stop if heart failure worsens.',
    unknown: 'Heart failure status (NYHA class) {gap}: assess before starting {drug}.',
  },
  'etanercept-hf': {
    triggered: 'Heart failure (NYHA class {nyha}): use {drug} with caution; monitor for worsening heart failure.',
    'class-unknown': 'Heart failure recorded (NYHA class not recorded): use {drug} with caution; monitor for worsening heart failure.',
    unknown: 'Heart failure status (NYHA class) {gap}: assess before starting {drug}.',
  },
  's1p-heart-failure': {
    triggered: 'Heart failure NYHA class {nyha}: {drug} is contraindicated in NYHA III/IV heart failure.',
    unknown: 'Heart failure status (NYHA class) {gap}: assess before starting {drug}.',
    'class-unknown': 'Heart failure recorded without a NYHA class: record the class before starting {drug} (contraindicated in NYHA III/IV).',
  },
  'anti-tnf-demyelinating': {
    triggered: 'Demyelinating disease recorded ({date}): anti-TNF therapy can worsen it; use {drug} only if there is no suitable alternative.',
    unknown: 'Demyelinating disease status {gap}: check the history before starting {drug}.',
  },
  'tb-active': {
    triggered: 'Active tuberculosis recorded ({date}): {drug} is contraindicated until TB is treated.',
    unknown: 'Active tuberculosis status {gap}: exclude active TB before starting {drug}.',
  },
  'tb-latent': {
    triggered:
      'Latent tuberculosis or positive TB screening ({date}), no preventive treatment recorded: exclude active TB and start latent TB treatment before {drug}.',
    unknown: 'Latent tuberculosis status {gap}: screen before starting {drug}.',
  },
  'tb-screening': {
    triggered: 'TB screening result indeterminate ({date}): repeat or assess before starting {drug}.',
    unknown: 'TB screening result {gap}: screen before starting {drug}.',
  },
  'hbv-hbsag': {
    triggered: 'HBsAg positive ({date}): start {drug} only if there is no suitable alternative, with hepatology advice and antiviral prophylaxis.',
    chronic: 'Chronic hepatitis B recorded ({date}): start {drug} only if there is no suitable alternative, with hepatology advice and antiviral prophylaxis.',
    unknown: 'Hepatitis B status unknown (HBsAg {gap}): screen before starting {drug} (HBsAg and anti-HBc).',
  },
  'anti-cd20-hbsag': {
    triggered: 'HBsAg positive ({date}): {drug} must not be used in active hepatitis B; refer to hepatology.',
    chronic: 'Chronic hepatitis B recorded ({date}): {drug} must not be used in active hepatitis B; refer to hepatology.',
    unknown: 'Hepatitis B status unknown (HBsAg {gap}): screen before starting {drug} (HBsAg and anti-HBc).',
  },
  'hbv-anti-hbc': {
    triggered: 'Anti-HBc positive ({date}): risk of hepatitis B reactivation on {drug}; monitor HBV DNA or give prophylaxis with hepatology advice.',
    'anti-cd20': 'Anti-HBc positive ({date}): high risk of hepatitis B reactivation on {drug}; antiviral prophylaxis is recommended, with hepatology advice.',
    unknown: 'Anti-HBc {gap}: test before starting {drug} (a negative HBsAg alone does not exclude past infection).',
  },
  'jak-age': {
    triggered: 'Age {age} (65 or over): use {drug} only if there is no suitable alternative (EMA 2022).',
    unknown: 'Age {gap}: JAK inhibitors are restricted from age 65; check before starting {drug}.',
  },
  'jak-smoking': {
    triggered: 'Current smoker: use {drug} only if there is no suitable alternative (EMA 2022).',
    former: 'Former smoker: if a long-time smoker, use {drug} only if there is no suitable alternative (EMA 2022).',
    unknown: 'Smoking history {gap}: ask before starting {drug} (restricted in current or long-time smokers).',
  },
  'jak-cv-risk': {
    triggered: 'Cardiovascular risk factors ({factors}): use {drug} only if there is no suitable alternative (EMA 2022).',
    unknown: 'Cardiovascular risk {gap}: assess before starting {drug}.',
  },
  'jak-malignancy': {
    triggered: 'Malignancy recorded ({date}): use {drug} only if there is no suitable alternative (EMA 2022).',
    unknown: 'Malignancy history {gap}: check before starting {drug}.',
  },
  'jak-vte': {
    triggered: 'Venous thromboembolism recorded ({date}): use {drug} with caution (EMA 2022).',
    unknown: 'Venous thromboembolism history {gap}: check before starting {drug}.',
  },
  'natalizumab-jcv': {
    triggered:
      'JC virus antibody positive, index {index}: PML risk rises with the index, with treatment beyond 2 years and after immunosuppressants; measure the index.',
    'index-low': 'JC virus antibody positive, index {index} (0.9 or lower): lower PML risk; retest the index every 6 months.',
    'index-intermediate':
      'JC virus antibody positive, index {index} (above 0.9, up to 1.5): intermediate PML risk; retest every 6 months and reassess after 2 years of treatment.',
    'index-high': 'JC virus antibody positive, index {index} (above 1.5): high PML risk after 2 years of treatment; discuss benefit and risk before {drug}.',
    unknown: 'JC virus antibody status {gap}: test before starting {drug} (retest every 6 months).',
  },
  'natalizumab-pml-high': {
    triggered:
      'Highest PML risk group: JC virus index {index} (above 1.5) and {months} months on {drug} (over 24): continue only if there is no suitable alternative.',
    'prior-immunosuppressant':
      'Highest PML risk group: JC virus antibody positive, prior immunosuppressants and {months} months on {drug} (over 24): continue only if there is no suitable alternative.',
    unknown: 'PML risk band cannot be set ({gap}): record the JC virus index and treatment duration for {drug}.',
  },
  'pregnancy-contraindicated': {
    triggered: 'Pregnancy recorded ({date}): {drug} is contraindicated in pregnancy.',
    unknown: 'Pregnancy status {gap}: exclude pregnancy before starting {drug} (contraindicated in pregnancy; {washout}).',
  },
  'pregnancy-planned-washout': {
    triggered: 'Pregnancy planned: {drug} is contraindicated in pregnancy and needs a washout ({washout}); prefer an option compatible with pregnancy.',
    unknown: 'Pregnancy plans {gap}: ask before starting {drug} (contraindicated in pregnancy; {washout}).',
  },
  'lymphocytes-do-not-start': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) below {min}: do not start {drug} ({basis}).',
    unknown: 'Lymphocyte count {gap}: a recent blood count (at least {min} x10^9/L) is needed before starting {drug}.',
  },
  'fumarate-lymphopenia-severe': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) below 0.5: {drug} is interrupted at this level; start only if there is no suitable alternative.',
    unknown: 'Lymphocyte count {gap}: a recent blood count is needed before starting {drug}.',
  },
  'lymphopenia-below-normal': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) below normal ({min}): find the cause before starting {drug} and monitor counts.',
    unknown: 'Lymphocyte count {gap}: a recent blood count is needed before starting {drug}.',
  },
  'jak-haemoglobin': {
    triggered: 'Haemoglobin {value} g/dL ({date}) below {min}: do not start {drug} ({basis}).',
    unknown: 'Haemoglobin {gap}: a recent blood count (haemoglobin at least {min} g/dL) is needed before starting {drug}.',
  },
  'live-vaccine-recent': {
    triggered: 'Live vaccine on {date}: defer {drug} until {until} ({waitDays} days after; {daysLeft} days from now).',
    undated: 'Live vaccine in the last 6 weeks (date not recorded): defer {drug} until {waitDays} days after the vaccination.',
    unknown: 'Recent live vaccinations {gap}: ask before starting {drug} (defer at least 4 weeks after a live vaccine).',
  },
  'serious-infection-active': {
    triggered: 'Active serious infection recorded ({date}): do not start {drug} until the infection has resolved.',
    unknown: 'Active serious infection status {gap}: exclude active infection before starting {drug}.',
  },
  ...MORE_MESSAGES,
  'drug-not-in-catalogue': {
    triggered: '{drug} is not in the drug catalogue: no safety rules were checked; check the label.',
    unknown: '{drug} is not in the drug catalogue: no safety rules were checked; check the label.',
  },
};

/** Fill a template: `{gap}` from GAP_TEXT (with `{gapDate}`), other placeholders from params (left as is if absent). */
export function renderMessage(template: string, params: MessageParams): string {
  const fill = (t: string): string =>
    t.replace(/\{(\w+)\}/g, (whole, key: string) => {
      if (key === 'gap') return fill(GAP_TEXT[String(params['gap'] ?? 'missing')] ?? String(params['gap']));
      const v = params[key];
      return v === undefined ? whole : String(v);
    });
  return fill(template);
}
