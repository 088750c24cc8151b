/** Person facts: childbearing potential, current pregnancy and a pregnancy plan. */
import { fhirDateOrUndefined, yearsBetween } from '../dates.ts';
import { latestCategory } from '../latest.ts';
import type { ObservationPoint } from '../observations.ts';
import { textContains } from '../terminology/index.ts';
import type { InputValue } from '../values.ts';
import {
  conditionsNote,
  conditionAbsenceWhy,
  cannotRuleOut,
  conditionAbsence,
  dated,
  describeConditions,
  latestDate,
  matching,
  type SafetyContext,
} from './context.ts';
import { because, recordText, statusRef } from '../reasons.ts';

/**
 * Age from which a woman is considered without childbearing potential when nothing else is recorded: 55
 * (FSRH Clinical Guideline "Contraception for Women Aged over 40 Years", 2017, amended 2019: contraception
 * can be stopped at 55 years of age, as natural conception after 55 is exceptionally rare).
 */
export const NO_CHILDBEARING_AGE = 55;
/** Below this age childbearing potential is not assumed (the contract's range 12-54). */
const MIN_CHILDBEARING_AGE = 12;

/** SNOMED CT US Extension pregnancy intention answers (US Core Pregnancy Intent value set). */
const INTENT_YES = new Set(['454381000124105']);
const INTENT_NO = new Set(['454391000124108']);
const INTENT_TEXT_YES = [
  'yes',
  'ja',
  'oui',
  'wants to become pregnant',
  'want to become pregnant',
  'planning',
  'kinderwunsch',
  'desir de grossesse',
  'projet de grossesse',
];
const INTENT_TEXT_NO = ['no', 'nein', 'non', 'does not want', 'not planning', 'kein kinderwunsch', 'pas de desir'];

function intention(p: ObservationPoint): boolean | undefined {
  const raw = p.category ?? '';
  if (INTENT_YES.has(raw)) return true;
  if (INTENT_NO.has(raw)) return false;
  const text = p.original.text ?? p.original.coding?.display ?? raw;
  if (textContains(text, INTENT_TEXT_NO)) return false;
  if (textContains(text, INTENT_TEXT_YES)) return true;
  return undefined;
}

/** childbearing_potential: false for male sex, recorded menopause/hysterectomy/bilateral oophorectomy, or age >= 55. */
function childbearing(ctx: SafetyContext): InputValue {
  const pRef = ctx.patientRef ? [ctx.patientRef] : [];
  const gender = ctx.patient?.gender;
  if (gender === 'male')
    return dated('childbearing_potential', false, undefined, pRef, ctx.now, { note: { text: 'administrative sex male', why: because('sex-male') } });
  if (gender !== 'female')
    return {
      name: 'childbearing_potential',
      state: 'missing',
      sources: pRef,
      reason: `administrative sex ${gender ?? 'not recorded'}`,
      why: because('sex-other', { sex: statusRef(gender ?? 'not-recorded') }),
    };
  const menopause = matching(ctx, ['finding.postmenopausal', 'proc.hysterectomy', 'proc.bilateral_oophorectomy'], { activeOnly: false });
  const surgery = ctx.procedures.filter((p) => p.concepts.includes('proc.hysterectomy') || p.concepts.includes('proc.bilateral_oophorectomy'));
  if (menopause.length > 0 || surgery.length > 0) {
    const note = [describeConditions(menopause), ...surgery.map((p) => p.text ?? 'hysterectomy/oophorectomy')].filter(Boolean).join('; ');
    return dated(
      'childbearing_potential',
      false,
      latestDate([...menopause.map((c) => c.onset), ...surgery.map((p) => p.date)]),
      [...menopause.map((c) => c.ref), ...surgery.map((p) => p.ref)],
      ctx.now,
      { note, matchedBy: 'code' },
    );
  }
  const birth = fhirDateOrUndefined(ctx.patient?.birthDate, ctx.now);
  const age = birth ? yearsBetween(birth.start, ctx.now) : undefined;
  if (age === undefined)
    return {
      name: 'childbearing_potential',
      state: 'missing',
      sources: pRef,
      reason: 'female, birth date not recorded: childbearing potential unknown',
      why: because('no-birth-date-female'),
    };
  if (age >= NO_CHILDBEARING_AGE)
    return dated('childbearing_potential', false, undefined, pRef, ctx.now, {
      note: { text: `age ${age} (>= ${NO_CHILDBEARING_AGE}: FSRH 2017/2019)`, why: because('age-over', { age, limit: NO_CHILDBEARING_AGE }) },
    });
  if (age < MIN_CHILDBEARING_AGE)
    return dated('childbearing_potential', false, undefined, pRef, ctx.now, { note: { text: `age ${age}`, why: because('age', { age }) } });
  const gap = ctx.coverage.failed('conditions');
  const gapWhy = ctx.coverage.failedWhy('conditions');
  return dated('childbearing_potential', true, undefined, pRef, ctx.now, {
    note: {
      text: `female, age ${age}, no menopause or hysterectomy recorded${gap ? ` (${gap})` : ''}`,
      why: because('female-of-age', { age, ...(gapWhy ? { gap: gapWhy } : {}) }),
    },
  });
}

/** pregnancy_current: pregnancy Condition, else the latest pregnancy status or hCG test; no childbearing potential -> false. */
function pregnancyNow(ctx: SafetyContext, potential: InputValue): InputValue {
  const pregnantDx = matching(ctx, ['finding.pregnant'], { activeOnly: true });
  // An active pregnancy Condition is current whatever its onset date (staleness is for tests).
  if (pregnantDx.length > 0)
    return dated(
      'pregnancy_current',
      true,
      latestDate(pregnantDx.map((c) => c.onset)),
      pregnantDx.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(pregnantDx), matchedBy: 'code', neverStale: true },
    );
  if (potential.state === 'ok' && potential.value === false)
    return {
      ...potential,
      name: 'pregnancy_current',
      note: `no childbearing potential: ${potential.note ?? ''}`,
      ...(potential.noteWhy || !potential.note
        ? { noteWhy: because('no-childbearing-potential', potential.noteWhy ? { cause: potential.noteWhy } : undefined) }
        : {}),
    };
  const status = latestCategory('pregnancy_current', ctx.series, ['obs.pregnancy_status'], ctx.now, 'pregnancy status');
  const hcg = latestCategory('pregnancy_current', ctx.series, ['lab.pregnancy'], ctx.now, 'pregnancy test');
  const p = [status, hcg].filter((x): x is ObservationPoint => 'concept' in x).sort((a, b) => b.date.start.getTime() - a.date.start.getTime())[0];
  const failed = ctx.coverage.failed('obs:obs.pregnancy_status') ?? ctx.coverage.failed('obs:lab.pregnancy');
  const failedWhy = ctx.coverage.failedWhy('obs:obs.pregnancy_status') ?? ctx.coverage.failedWhy('obs:lab.pregnancy');
  if (!p)
    return {
      name: 'pregnancy_current',
      state: 'missing',
      sources: [],
      reason: failed ? `${failed}: pregnancy status unknown` : 'no pregnancy status or test recorded',
      why: failedWhy ? because('pregnancy-unknown', { cause: failedWhy }) : because('no-pregnancy-status'),
    };
  const pregnant = p.category === '77386006' || p.category === 'positive';
  const notPregnant = p.category === '60001007' || p.category === 'negative';
  if (!pregnant && !notPregnant)
    return {
      name: 'pregnancy_current',
      state: 'missing',
      sources: p.sources,
      reason: `pregnancy result "${p.category ?? ''}" not interpretable`,
      why: because('pregnancy-result-unreadable', { value: p.category ?? '' }),
    };
  return dated('pregnancy_current', pregnant, p.date, p.sources, ctx.now, { matchedBy: p.matchedBy });
}

/** pregnancy_planned: a plan Condition (SNOMED, ICD-10 Z31.6, text) or a pregnancy-intention answer; the newer decides. */
function pregnancyPlan(ctx: SafetyContext, potential: InputValue): InputValue {
  const planDx = matching(ctx, ['finding.pregnancy_planned'], { activeOnly: true });
  const noPlanDx = matching(ctx, ['finding.pregnancy_not_planned'], { activeOnly: true });
  const obs = latestCategory('pregnancy_planned', ctx.series, ['obs.pregnancy_intention'], ctx.now, 'pregnancy intention');
  const obsSays = 'concept' in obs ? intention(obs) : undefined;
  const planDate = latestDate(planDx.map((c) => c.onset));
  if ('concept' in obs && obsSays !== undefined && (planDx.length === 0 || obs.date.start.getTime() >= (planDate?.start.getTime() ?? 0))) {
    return dated('pregnancy_planned', obsSays, obs.date, obs.sources, ctx.now, {
      note: {
        text: `pregnancy intention: ${obs.original.text ?? obs.original.coding?.display ?? obs.category ?? ''}`,
        why: because('pregnancy-intention', { text: recordText(obs.original.text ?? obs.original.coding?.display ?? obs.category ?? '') }),
      },
      matchedBy: obs.matchedBy,
    });
  }
  if (planDx.length > 0) {
    const byText = planDx.every((c) => c.textConcepts?.includes('finding.pregnancy_planned'));
    return dated(
      'pregnancy_planned',
      true,
      planDate,
      planDx.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(planDx), matchedBy: byText ? 'text' : 'code' },
    );
  }
  if (potential.state === 'ok' && potential.value === false)
    return {
      ...potential,
      name: 'pregnancy_planned',
      note: `no childbearing potential: ${potential.note ?? ''}`,
      ...(potential.noteWhy || !potential.note
        ? { noteWhy: because('no-childbearing-potential', potential.noteWhy ? { cause: potential.noteWhy } : undefined) }
        : {}),
    };
  if (noPlanDx.length > 0)
    return dated(
      'pregnancy_planned',
      false,
      latestDate(noPlanDx.map((c) => c.onset)),
      noPlanDx.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(noPlanDx), matchedBy: 'text' },
    );
  const absent = conditionAbsence(ctx) ?? ctx.coverage.failed('obs:obs.pregnancy_intention');
  const absentWhy = conditionAbsenceWhy(ctx) ?? ctx.coverage.failedWhy('obs:obs.pregnancy_intention');
  if (absent)
    return {
      name: 'pregnancy_planned',
      state: 'missing',
      sources: [],
      reason: `${absent}: a pregnancy plan cannot be ruled out`,
      ...cannotRuleOut(ctx, 'pregnancy_planned', absentWhy),
    };
  return dated('pregnancy_planned', false, undefined, [], ctx.now, { note: { text: 'no pregnancy plan recorded', why: because('no-pregnancy-plan') } });
}

/** childbearing_potential, pregnancy_current, pregnancy_planned. */
export function personFacts(ctx: SafetyContext): Record<'childbearing_potential' | 'pregnancy_current' | 'pregnancy_planned', InputValue> {
  const potential = childbearing(ctx);
  return { childbearing_potential: potential, pregnancy_current: pregnancyNow(ctx, potential), pregnancy_planned: pregnancyPlan(ctx, potential) };
}
