/**
 * The line-by-line review of the safety rule table, rendered as Markdown from the table itself
 * (docs/safety-review.md is this function's output: scripts/gen-safety-review.ts writes it, a unit test
 * fails when the file and the table drift apart). The review notes per rule are the table's `rationale`;
 * the level changes and the rules left out are recorded here.
 */
import { DRUGS } from '../../extract/terminology/drugs.ts';
import { ruleApplies, ruleSource, sourceFor } from './check.ts';
import { SAFETY_RULES } from './rules.ts';
import type { SafetyRule } from './types.ts';
import { SEVERITY_ORDER } from './types.ts';

/** Drugs of the four models (CD, UC, RA, RMS) and the background drugs the issue names, in review order. */
export const REVIEWED_DRUGS: readonly string[] = [
  'infliximab',
  'adalimumab',
  'certolizumab pegol',
  'golimumab',
  'etanercept',
  'vedolizumab',
  'ustekinumab',
  'risankizumab',
  'mirikizumab',
  'upadacitinib',
  'tofacitinib',
  'baricitinib',
  'filgotinib',
  'ozanimod',
  'etrasimod',
  'abatacept',
  'tocilizumab',
  'sarilumab',
  'rituximab',
  'interferon beta-1a',
  'interferon beta-1b',
  'glatiramer acetate',
  'teriflunomide',
  'dimethyl fumarate',
  'fingolimod',
  'ponesimod',
  'natalizumab',
  'alemtuzumab',
  'ocrelizumab',
  'ofatumumab',
  'ublituximab',
  'cladribine',
  'methotrexate',
  'leflunomide',
  'azathioprine',
  'mercaptopurine',
  'mycophenolate',
  'prednisolone',
  'prednisone',
  'methylprednisolone',
  'budesonide',
];

/** Levels changed in issue 10: old -> new and why. */
export const LEVEL_CHANGES: readonly string[] = [
  '`tb-latent`: screen-before-start -> **treat-before-start** (new level). The labels require latent TB treatment to be started before the first dose; a to-do understated it. A recorded isoniazid/rifampicin/rifapentine course resolves it into `tb-latent-on-prophylaxis` (caution).',
  '`pregnancy-planned-washout`: a recorded plan to conceive now triggers on its own; before, it was hidden (`covered`) while the pregnancy test was missing.',
  '`pregnancy-contraindicated` / `pregnancy-planned-washout`: no pregnancy to-do where childbearing potential is recorded as false (age 55 or over, menopause, hysterectomy/oophorectomy, male); before, every woman (e.g. a 64-year-old) got them.',
  '`live-vaccine-recent`: caution -> **treat-before-start**: the first dose must wait; the wait is read from the vaccine date per drug (alemtuzumab, cladribine, ocrelizumab 42 days; others 28 days) and the flag clears once the wait is over; before, a caution flagged any vaccine until the 4-week window closed.',
  '`anti-tnf-hf-severe`, `anti-tnf-hf-mild`, `etanercept-hf`, `s1p-heart-failure`: an old (stale) NYHA class still counts (it was unknown before); heart failure without a class triggers the mild-HF caution and asks for the class.',
  '`natalizumab-jcv`, `natalizumab-pml-high`: an index older than 6 months keeps its band (it was unknown before); `natalizumab-jcv-repeat` prompts the repeat; prior immunosuppressants now count for the highest-risk group.',
  '`hbv-hbsag`, `anti-cd20-hbsag`, `hbv-anti-hbc`: a chronic hepatitis B diagnosis counts as HBsAg positive.',
  '`tb-screening` / `tb-latent`: teriflunomide added (Aubagio USPI: latent TB screening). `hbv-hbsag`: thiopurines added (ECCO 2021 screens before immunosuppression).',
  '`tb-active`, `serious-infection-active`: methotrexate and leflunomide added (their SmPC 4.3 list severe/active infections).',
  '`pregnancy-contraindicated`, `pregnancy-planned-washout`: mycophenolate added (CellCept SmPC 4.3/4.6).',
];

/** Rules the issue or the labels suggest that the table does not encode, with the reason. */
export const LEFT_OUT: readonly string[] = [
  'Alemtuzumab: uncontrolled hypertension (Lemtrada SmPC 4.3): no blood-pressure fact is extracted.',
  'Natalizumab, cladribine, anti-CD20: "currently immunocompromised / on immunosuppressive therapy" (Tysabri, Mavenclad SmPC 4.3): the app reads prior immunosuppressants, not a current immunocompromised state; left to the prescriber.',
  'S1P modulators: severe untreated sleep apnoea (Zeposia USPI 4), class Ia/III antiarrhythmics (Gilenya SmPC 4.3), resting heart rate < 55/min (first-dose monitoring): no facts for them.',
  'Teriflunomide: severe immunodeficiency (AIDS) and severe hypoproteinaemia (Aubagio SmPC 4.3): no facts; HIV is encoded only where a label names it as such (alemtuzumab, cladribine).',
  'Azathioprine/mercaptopurine TPMT/NUDT15 genotype, corticosteroid infection and vaccine rules, mycophenolate cytopenia rules: no facts (TPMT) or dose-dependent label wording (steroids); the background drugs carry HBV screening (thiopurines), the pregnancy rows (mycophenolate) and the methotrexate/leflunomide rows only. Mitoxantrone and cyclophosphamide are in the catalogue only as prior immunosuppressants (natalizumab PML risk).',
  'Interferon beta and glatiramer acetate: no start-blocking rule applies (their 4.3 lists hypersensitivity, and for interferon severe depression/suicidal ideation, for which no fact exists).',
];

function drugsOf(rule: SafetyRule): string {
  return [...(rule.appliesTo.classes ?? []).map((c) => `class ${c}`), ...(rule.appliesTo.inns ?? [])].join(', ');
}

function ruleSection(rule: SafetyRule): string {
  const lines = [
    `### \`${rule.id}\``,
    '',
    `- Drugs: ${drugsOf(rule)}`,
    `- Facts: ${rule.facts.map((f) => `\`${f}\``).join(', ')}`,
    `- Threshold: ${rule.threshold}`,
  ];
  if (rule.limits) {
    const perDrug = Object.entries(rule.limits.byDrug).map(([inn, n]) => `${inn} ${rule.limits?.op} ${n} ${rule.limits?.unit}`);
    lines.push(`- Limits: ${perDrug.join('; ')}`);
  }
  lines.push(
    `- Level: **${rule.severity}**; unknown fact: **${rule.severityIfUnknown}**`,
    `- EU: ${rule.label.eu}`,
    `- US: ${rule.label.us}`,
    `- Level follows: ${rule.label.follows}`,
    `- Review: ${rule.rationale}`,
  );
  const specific = DRUGS.filter((d) => ruleApplies(rule, d))
    .map((d) => [d.inn, sourceFor(rule, d)] as const)
    .filter(([, s]) => s !== ruleSource(rule));
  if (specific.length > 0) {
    lines.push('- Per-drug citation on the flag:');
    for (const [inn, s] of specific) lines.push(`  - ${inn}: ${s}`);
  }
  return lines.join('\n');
}

/** The review document (Markdown). Deterministic: same table, same text. */
export function renderSafetyReview(): string {
  const byDrug = REVIEWED_DRUGS.map((inn) => {
    const d = DRUGS.find((x) => x.inn === inn);
    const ids = d ? SAFETY_RULES.filter((r) => ruleApplies(r, d)).map((r) => `\`${r.id}\``) : [];
    return `| ${inn} | ${d ? d.drugClass : 'not in the drug catalogue'} | ${ids.length > 0 ? ids.join(', ') : 'none (see "Rules left out")'} |`;
  });
  const counts = SEVERITY_ORDER.map((s) => `${s}: ${SAFETY_RULES.filter((r) => r.severity === s).length}`).join(', ');
  return [
    '# Safety rule table: review against the labels',
    '',
    '<!-- Generated from src/rules/safety (rules*.ts, thresholds*.ts, review.ts) by `npx tsx scripts/gen-safety-review.ts`. Do not edit by hand: a unit test compares this file with the table. -->',
    '',
    "Scope: every drug of the four models (Crohn's disease, ulcerative colitis, rheumatoid arthritis, relapsing MS) and the background drugs (methotrexate, leflunomide, azathioprine, mycophenolate, corticosteroids).",
    'Each rule below states the label it comes from (EU SmPC section and US prescribing information section), the level chosen and why, and where the EU and US labels differ, which one the level follows.',
    'Label texts were reviewed from the reviewer\'s knowledge of the EMA and FDA product information; no current label PDF was re-read for this review. Every "section to verify" or "revision date to verify" marks a number or section that must be checked against the current label before clinical use. The app\'s own thresholds (where a label asks for a test but names no number) say so in the rule.',
    '',
    '## Levels',
    '',
    '- **contraindicated**: EU SmPC 4.3 / US section 4, or "do not initiate". Kept visible, ranked last.',
    '- **only-if-no-alternative**: EMA wording for JAK inhibitors in risk groups; label "not recommended". Ranked after every suitable option.',
    '- **treat-before-start**: a finding the label says must be treated before the first dose (latent TB without started prophylaxis, varicella non-immune before S1P/cladribine/alemtuzumab). The option stays in the suitable tier; the flag says what to do first.',
    '- **caution**: warnings (4.4 / section 5) and dose adjustments.',
    '- **screen-before-start**: a test or check due before the first dose. Every unknown fact shows at this level (a missing fact is never read as fine); no rule raises an unknown above it.',
    '',
    `Rules: ${SAFETY_RULES.length} (${counts}).`,
    '',
    '## Rules per drug',
    '',
    '| Drug | Class | Rules |',
    '| --- | --- | --- |',
    ...byDrug,
    '',
    '## Levels changed in issue 10',
    '',
    ...LEVEL_CHANGES.map((c) => `- ${c}`),
    '',
    '## Rules left out',
    '',
    ...LEFT_OUT.map((c) => `- ${c}`),
    '',
    '## Rules',
    '',
    SAFETY_RULES.map(ruleSection).join('\n\n'),
    '',
  ].join('\n');
}
