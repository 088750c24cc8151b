import { validationEn } from './messages.validation.ts';
import { printEn } from './messages.print.ts';
import { writebackEn } from './messages.writeback.ts';

/**
 * Strings of the ranking view (namespace `ranking`). German and French are typed against English:
 * a missing key fails the type check.
 */
export const rankingEn = {
  title: 'Therapy options',
  endpointSentence: 'Probability of {{endpoint}} at {{horizon}}, with a 90% interval',
  notCertain:
    'The ranking is an estimate from a model trained on simulated patients. Options whose intervals overlap the first option cannot be told apart by the model.',
  hypothetical: 'Hypothetical: this ranking uses values changed in the what-if editor ({{inputs}}). It is not the patient’s record.',
  loadingModel: 'Loading the {{indication}} model…',
  computing: 'Computing probabilities and explanations…',
  noModel: 'No model is available for this indication.',
  noIndication: 'No ranking: none of the supported indications was found in the record.',
  chooseIndication: 'Indication for the ranking',
  columns: { rank: 'Rank', drug: 'Option', probability: 'Probability', interval: '90% interval', flags: 'Safety', details: 'Details' },
  current: 'current therapy',
  continueCurrent: 'Continue {{drug}} (current therapy)',
  overlaps: 'not distinguishable from the first option',
  contraindicatedGroup:
    'Options to use only if there is no suitable alternative follow every suitable option; contraindicated options are listed last, with their reason.',
  noFlags: 'no safety finding',
  currentMeds: {
    title: 'Current medications: safety findings',
    intro: 'Findings for drugs the patient takes now, independent of the next therapy.',
  },
  showExplanation: 'Why? Explanation for {{drug}}',
  hideExplanation: 'Hide the explanation for {{drug}}',
  severity: {
    contraindicated: 'contraindicated',
    'only-if-no-alternative': 'only if no suitable alternative',
    'treat-before-start': 'treat before start',
    caution: 'caution',
    'screen-before-start': 'screen before start',
  },
  flagState: { triggered: 'found in the record', unknown: 'information missing' },
  flagSource: 'Source: {{source}}',
  flagFacts: 'Based on',
  explanation: {
    title: 'What drives the probability of {{drug}}',
    intro:
      'Contributions of each input, in percentage points, relative to the average patient of the model’s (simulated) training population ({{reference}}). They add up to this patient’s probability ({{prediction}}).',
    exact: 'Exact Shapley values.',
    sampled: 'Shapley values estimated from {{permutations}} sampled orderings; ± is the standard error.',
    chartLabel: 'Bar chart of contributions for {{drug}}; the same values are in the table below.',
    showTable: 'Show the contributions as a table',
    columns: { input: 'Input', value: 'Value used', date: 'Date', source: 'Source', contribution: 'Contribution (points)' },
    missingValue: 'missing (the model uses the training average and a missing flag)',
    noneActive: 'All inputs are at the average: the prediction equals the reference.',
  },
  gaps: {
    title: 'Missing data that would change the ranking most',
    intro: 'These inputs were not usable. Each was tried over its plausible range; the largest change of any probability is shown.',
    none: 'No model input is missing.',
    columns: { input: 'Input', why: 'Why not used', change: 'Largest change', top: 'Could change the first option' },
    yes: 'yes',
    no: 'no',
    states: {
      missing: 'not in the record',
      stale: 'out of date',
      implausible: 'implausible',
      'unknown-unit': 'unit not convertible',
      'not-in-record': 'not derived',
      ok: 'ok',
    },
  },
  reference: {
    title: 'Published reference scores',
    intro: 'Established scores beside the model. Where they point another way than the model, both are shown; neither is hidden.',
    incomplete: 'incomplete: {{missing}}',
    disagree: 'The reference score and the model disagree about {{drug}}: the score says “{{band}}”, the model ranks it {{rank}} of {{count}}.',
    agree: 'The reference score and the model agree about {{drug}}.',
    caveatRms: 'Rio and MAGNIMS scores were developed for the first year on injectable therapy.',
  },
  whatIf: {
    title: 'What if…',
    intro: 'Change an input to see how the ranking would move. Results become hypothetical and are marked so.',
    reset: 'Back to the recorded values',
    missing: 'missing',
    recorded: 'recorded: {{value}}',
    apply: 'Apply',
  },
  validation: validationEn,
  modelCard: {
    open: 'Model card',
    title: 'Model card: {{title}}',
    version: 'Model {{version}}',
    loading: 'Loading the model card…',
    failed: 'The model card could not be loaded.',
    close: 'Close',
  },
  print: printEn,
  decision: {
    title: 'Record this decision',
    intro:
      'Saves the summary of the options with their probabilities, the safety findings and your choice in the patient’s record as a document, and, where the EHR accepts them, as structured resources (GuidanceResponse, RiskAssessment, DetectedIssue, Provenance), signed with your user and the model version.',
    choice: 'Option chosen',
    firstRanked: '{{drug}} (first-ranked)',
    reason: 'Reason for choosing another option than the first-ranked one',
    reasonRequired: 'A reason is required when the chosen option is not the first-ranked one.',
    submit: 'Record this decision',
    saving: 'Saving the decision…',
    attempt: 'No answer from the EHR; sending the same record again (attempt {{attempt}} of {{max}}). It cannot be saved twice.',
    saved: 'Saved in the patient’s record ({{count}} resources).',
    created: 'saved',
    existing: 'already saved before',
    hypothetical: 'A hypothetical ranking (what-if values) cannot be recorded. Go back to the recorded values first.',
    failedHttp: 'The decision was not saved: the EHR refused it ({{detail}}). Nothing was saved.',
    failedUnknown: 'The EHR did not confirm the decision ({{detail}}). It may or may not have been saved; trying again is safe: it will not be saved twice.',
    retry: 'Try again',
    decisionId: 'Decision id {{id}}',
    outcome: writebackEn,
  },
  modelError: {
    'fetch-failed': 'The model files could not be loaded from the app’s server.',
    'spec-invalid': 'The model’s description (spec.json) is not valid, so the model is not used.',
    'hash-mismatch': 'The model file does not match its published fingerprint (SHA-256) and was refused.',
    'runtime-failed': 'The model runtime failed in this browser.',
    'shape-mismatch': 'The model does not match its description and was refused.',
    timeout: 'The model runtime did not answer in time.',
  },
};

export type RankingMessages = typeof rankingEn;
