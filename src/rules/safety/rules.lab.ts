/**
 * Rule rows: laboratory start limits. Lymphocytes, haemoglobin, neutrophils, platelets, transaminases
 * (x ULN), eGFR and IgG. Per-drug numbers live in thresholds.ts / thresholds.lab.ts with their sources.
 *
 * Families: the rules on one laboratory value (e.g. neutrophils: do-not-start, not-recommended, caution)
 * are evaluated together: only the strictest rule that applies to a drug reports an unknown value, and a
 * milder rule stays silent when a stricter one already triggered for the same value.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { RuleContext, RuleId, RuleOutcome, SafetyRule } from './types.ts';
import { clear, covered, gap, hit } from './facts.ts';
import { dated } from './ruleHelpers.ts';
import { CLADRIBINE_YEAR2_MIN, HAEMOGLOBIN_START_MIN, LYMPHOCYTE_LLN, LYMPHOCYTE_START_MIN, type StartThreshold } from './thresholds.ts';
import { LAB_FAMILIES, type LabFamily, type LabLimit } from './thresholds.lab.ts';

/** Lymphocyte threshold for this drug; cladribine's year-2 course (currently on it) uses 0.8. */
function lymphocyteMin(ctx: RuleContext): StartThreshold | undefined {
  if (ctx.drug.inn === 'cladribine' && ctx.facts.cat('current_advanced_therapy') === 'cladribine') return CLADRIBINE_YEAR2_MIN;
  return LYMPHOCYTE_START_MIN[ctx.drug.inn];
}

/** A laboratory value below a per-drug start threshold. */
const belowStart =
  (name: InputName, threshold: (ctx: RuleContext) => StartThreshold | undefined) =>
  (ctx: RuleContext): RuleOutcome => {
    const t = threshold(ctx);
    if (!t) return clear(); // unreachable: appliesTo lists exactly the drugs with a threshold
    const v = ctx.facts.num(name);
    if (v === undefined) return gap([name], { min: t.min });
    return v < t.min ? hit([name], { value: v, min: t.min, basis: t.basis, ...dated(ctx.facts, name) }) : clear();
  };

/** Tecfidera/Vumerity SmPC 4.4: interrupt if lymphocytes < 0.5 x10^9/L for more than 6 months. */
const FUMARATE_SEVERE: StartThreshold = { min: 0.5, basis: 'label threshold for interrupting treatment', source: 'Tecfidera/Vumerity SmPC 4.4' };
const numbersOf = (m: Readonly<Record<string, { min: number }>>) => Object.fromEntries(Object.entries(m).map(([inn, t]) => [inn, t.min]));
const sourcesOf = (m: Readonly<Record<string, { source: string }>>) => Object.fromEntries(Object.entries(m).map(([inn, t]) => [inn, t.source]));

/** The value a family reads: the single fact, or the higher of ALT and AST (either alone suffices). */
function familyValue(fam: LabFamily, ctx: RuleContext): { value: number; name: InputName } | undefined {
  let best: { value: number; name: InputName } | undefined;
  for (const name of fam.facts) {
    const v = ctx.facts.num(name);
    if (v !== undefined && (best === undefined || v > best.value)) best = { value: v, name };
  }
  return best;
}

const beyond = (fam: LabFamily, v: number, limit: number): boolean => (fam.direction === 'below' ? v < limit : v > limit);

/** The rules of one laboratory family, strictest first. */
function familyRules(fam: LabFamily): SafetyRule[] {
  return fam.members.map((m, i): SafetyRule => {
    const stricter = fam.members.slice(0, i);
    const firstFor = (inn: string): RuleId | undefined => fam.members.find((x) => x.limits[inn] !== undefined)?.id;
    return {
      id: m.id,
      appliesTo: { inns: Object.keys(m.limits) },
      facts: fam.facts,
      severity: m.severity,
      severityIfUnknown: 'screen-before-start',
      threshold: m.threshold,
      limits: { op: fam.direction === 'below' ? '<' : '>', unit: fam.unit, byDrug: Object.fromEntries(Object.entries(m.limits).map(([k, l]) => [k, l.limit])) },
      label: m.label,
      rationale: m.rationale,
      sources: Object.fromEntries(Object.entries(m.limits).map(([k, l]) => [k, l.source])),
      evaluate: (ctx) => {
        const limit: LabLimit | undefined = m.limits[ctx.drug.inn];
        if (!limit) return clear();
        const owner = firstFor(ctx.drug.inn);
        const v = familyValue(fam, ctx);
        if (v === undefined) return owner !== undefined && owner !== m.id ? covered(owner) : gap([...fam.facts], { limit: limit.limit });
        if (!beyond(fam, v.value, limit.limit)) return clear();
        const worse = stricter.find((s) => s.limits[ctx.drug.inn] !== undefined && beyond(fam, v.value, s.limits[ctx.drug.inn]?.limit ?? NaN));
        if (worse) return covered(worse.id);
        return hit([v.name], { value: v.value, limit: limit.limit, ...dated(ctx.facts, v.name) });
      },
    };
  });
}

export const LAB_RULES: readonly SafetyRule[] = [
  {
    id: 'lymphocytes-do-not-start',
    appliesTo: { inns: Object.keys(LYMPHOCYTE_START_MIN) },
    facts: ['lymphocytes_10e9_l', 'current_advanced_therapy'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: "Lymphocytes below the drug's start limit (S1P modulators: grade-4 lymphopenia < 0.2; cladribine year 2: 0.8)",
    limits: { op: '<', unit: '10^9/L', byDrug: numbersOf(LYMPHOCYTE_START_MIN) },
    label: {
      eu: 'SmPC 4.2/4.4 lymphocyte start threshold (per drug: Xeljanz, Olumiant, Rinvoq, Jyseleca "do not initiate"; S1P interrupt limit; Mavenclad 4.2)',
      us: 'USPI 2/5 (Xeljanz: avoid initiation with lymphocytes < 500 cells/mm3; S1P: CBC before start; Mavenclad 2.x)',
      follows: 'EU',
    },
    source: 'SmPC 4.2/4.4 lymphocyte start threshold (per drug)',
    sources: sourcesOf(LYMPHOCYTE_START_MIN),
    rationale:
      '"Do not initiate" wording (JAK) and label interrupt thresholds (S1P, cladribine) make these start limits: contraindicated below them. EU numbers used (Xeljanz EU 0.75 vs US 0.5).',
    evaluate: belowStart('lymphocytes_10e9_l', lymphocyteMin),
  },
  {
    id: 'fumarate-lymphopenia-severe',
    appliesTo: { classes: ['fumarate'] },
    facts: ['lymphocytes_10e9_l'],
    severity: 'only-if-no-alternative',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Lymphocytes below 0.5 x10^9/L',
    limits: { op: '<', unit: '10^9/L', byDrug: { 'dimethyl fumarate': 0.5, 'diroximel fumarate': 0.5 } },
    label: {
      eu: 'Tecfidera and Vumerity SmPC 4.4: blood count before start; not studied with pre-existing low counts; interrupt if lymphocytes < 0.5 x10^9/L for more than 6 months (PML risk)',
      us: 'Tecfidera, Vumerity USPI 5 (lymphopenia; CBC before start; consider interruption below 0.5 x10^9/L for more than 6 months)',
      follows: 'EU and US',
    },
    rationale: 'The label interrupts treatment at this level: starting there is a last resort.',
    evaluate: belowStart('lymphocytes_10e9_l', () => FUMARATE_SEVERE),
  },
  {
    id: 'lymphopenia-below-normal',
    appliesTo: { classes: ['fumarate', 'anti-CD52'] },
    facts: ['lymphocytes_10e9_l'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: `Lymphocytes below the lower reference limit (${LYMPHOCYTE_LLN} x10^9/L)`,
    label: {
      eu: 'Tecfidera/Vumerity SmPC 4.4 (below normal: assess causes before starting); Lemtrada SmPC 4.4 (blood count before each course; no start threshold)',
      us: 'Tecfidera/Vumerity USPI 5; Lemtrada USPI 5',
      follows: 'EU',
    },
    source: 'Below the lower reference limit before start',
    sources: {
      fumarate: 'Tecfidera and Vumerity SmPC 4.4: if lymphocytes are below normal, assess causes before starting; caution (not studied)',
      'anti-CD52':
        "Lemtrada SmPC 4.4: blood count before each course and monthly for 48 months; the label sets no start threshold, this below-normal caution is the app's (section to verify)",
    },
    rationale: "Fumarates: the label asks to find the cause (caution). Alemtuzumab: the app's caution, stated as such.",
    evaluate: ({ drug, facts }) => {
      const v = facts.num('lymphocytes_10e9_l');
      const fumarate = drug.drugClass === 'fumarate';
      if (v === undefined) return fumarate ? covered('fumarate-lymphopenia-severe') : gap(['lymphocytes_10e9_l'], { min: LYMPHOCYTE_LLN });
      if (fumarate && v < 0.5) return covered('fumarate-lymphopenia-severe');
      return v < LYMPHOCYTE_LLN ? hit(['lymphocytes_10e9_l'], { value: v, min: LYMPHOCYTE_LLN, ...dated(facts, 'lymphocytes_10e9_l') }) : clear();
    },
  },
  {
    id: 's1p-lymphopenia',
    appliesTo: { classes: ['S1P modulator'] },
    facts: ['lymphocytes_10e9_l'],
    severity: 'caution',
    severityIfUnknown: 'screen-before-start',
    threshold: 'Lymphocytes below 0.5 x10^9/L (grade-3 lymphopenia; below 0.2: do not start)',
    limits: { op: '<', unit: '10^9/L', byDrug: { fingolimod: 0.5, siponimod: 0.5, ozanimod: 0.5, ponesimod: 0.5, etrasimod: 0.5 } },
    label: {
      eu: 'Gilenya, Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.4 (recent blood count before start; lymphocyte counts fall by about 70 % on treatment; interrupt if confirmed < 0.2 x10^9/L); sections to verify',
      us: 'Same products USPI 5 (CBC before start; infections)',
      follows: 'EU and US',
    },
    rationale:
      'The labels set no start limit above their interrupt threshold; a grade-3 count (CTCAE v5.0: < 0.5 x10^9/L) before a drug that lowers counts further calls for the cause and close monitoring: caution (app threshold, stated). Below 0.2 the lymphocytes-do-not-start row applies.',
    evaluate: ({ facts }) => {
      const v = facts.num('lymphocytes_10e9_l');
      if (v === undefined) return covered('lymphocytes-do-not-start');
      if (v < 0.2) return covered('lymphocytes-do-not-start');
      return v < 0.5 ? hit(['lymphocytes_10e9_l'], { value: v, ...dated(facts, 'lymphocytes_10e9_l') }) : clear();
    },
  },
  {
    id: 'jak-haemoglobin',
    appliesTo: { inns: Object.keys(HAEMOGLOBIN_START_MIN) },
    facts: ['haemoglobin_g_dl'],
    severity: 'contraindicated',
    severityIfUnknown: 'screen-before-start',
    threshold: "Haemoglobin below the drug's start limit",
    limits: { op: '<', unit: 'g/dL', byDrug: numbersOf(HAEMOGLOBIN_START_MIN) },
    label: {
      eu: 'JAK inhibitor SmPC 4.2 haemoglobin start threshold ("do not initiate")',
      us: 'Xeljanz, Olumiant, Rinvoq USPI 2/5 (avoid initiation below 9 or 8 g/dL)',
      follows: 'EU and US',
    },
    source: 'JAK inhibitor SmPC 4.2 haemoglobin start threshold (per drug)',
    sources: sourcesOf(HAEMOGLOBIN_START_MIN),
    rationale: '"Do not initiate" in both labels: contraindicated below the limit.',
    evaluate: belowStart('haemoglobin_g_dl', (ctx) => HAEMOGLOBIN_START_MIN[ctx.drug.inn]),
  },
  ...LAB_FAMILIES.flatMap(familyRules),
];
