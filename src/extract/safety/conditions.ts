/** Condition-based safety facts: heart failure and cardiac events, conduction, malignancy, and the other label conditions. */
import { CATALOGUE_BY_NAME, type SafetyName } from '../catalogue.ts';
import { daysSince, type FhirDate } from '../dates.ts';
import type { ConditionFact } from '../facts.ts';
import { latestCategory } from '../latest.ts';
import { isIcd10System, SYSTEMS, textContains } from '../terminology/index.ts';
import type { InputValue } from '../values.ts';
import {
  cannotRuleOut,
  conditionAbsence,
  conditionAbsenceWhy,
  conditionFlag,
  conditionsNote,
  dated,
  describeConditions,
  latestDate,
  matching,
  otherConditions,
  type SafetyContext,
} from './context.ts';
import { because, inputRef, joinReasons, recordText, statusRef } from '../reasons.ts';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
/** "NYHA III", "NYHA-Klasse 2", "classe NYHA IV", "NYHA class II-III" (the higher class is taken). */
const NYHA_TEXT = /nyha[\s-]*(?:class|klasse|stadium|classe|stage)?[\s:-]*(IV|III|II|I|[1-4])(?:\s*[-/]\s*(IV|III|II|I|[1-4]))?\b/i;

function classNumber(x: string | undefined): number {
  return x === undefined ? 0 : Number(x) || ROMAN[x.toUpperCase()] || 0;
}

function nyhaOfText(text: string | undefined): number | undefined {
  const m = text ? NYHA_TEXT.exec(text) : null;
  if (!m) return undefined;
  const n = Math.max(classNumber(m[1]), classNumber(m[2]));
  return n >= 1 && n <= 4 ? n : undefined;
}

/** NYHA class of a Condition: SNOMED class findings / ICD-10-GM I50.11-I50.14 (concepts finding.nyha1-4), else its text. */
function nyhaOfCondition(c: ConditionFact): number | undefined {
  for (let n = 4; n >= 1; n--) if (c.concepts.includes(`finding.nyha${n}`)) return n;
  return nyhaOfText(c.text) ?? nyhaOfText(c.codings.map((k) => k.display ?? '').join(' '));
}

/** heart_failure_nyha: the latest recorded class (observation or coded/text condition); old classes stay (stale, lasting). */
function heartFailure(ctx: SafetyContext): InputValue {
  const candidates: Array<{ n: number; date: FhirDate | undefined; ref: string; matchedBy: 'code' | 'text' }> = [];
  const obs = latestCategory('heart_failure_nyha', ctx.series, ['obs.nyha'], ctx.now, 'NYHA class');
  if ('concept' in obs) {
    const raw = String(obs.value ?? obs.category ?? '');
    const n = Number(raw) || ROMAN[/\b(IV|III|II|I)\b/i.exec(raw)?.[1]?.toUpperCase() ?? ''] || nyhaOfText(`NYHA ${raw}`) || nyhaOfText(obs.original.text) || 0;
    // SNOMED class findings as the observation's value (420300004 ... 422293003).
    const sct: Record<string, number> = { '420300004': 1, '421704003': 2, '420913000': 3, '422293003': 4 };
    const m = sct[raw] ?? n;
    if (m >= 1 && m <= 4) candidates.push({ n: m, date: obs.date, ref: obs.sources[0] ?? '', matchedBy: obs.matchedBy });
  }
  const hf = matching(ctx, ['dx.heart_failure', 'finding.nyha1', 'finding.nyha2', 'finding.nyha3', 'finding.nyha4'], { activeOnly: true });
  for (const c of hf) {
    const n = nyhaOfCondition(c);
    if (n !== undefined) candidates.push({ n, date: c.onset, ref: c.ref, matchedBy: c.concepts.some((k) => k.startsWith('finding.nyha')) ? 'code' : 'text' });
  }
  candidates.sort((a, b) => (b.date?.start.getTime() ?? 0) - (a.date?.start.getTime() ?? 0));
  const best = candidates[0];
  if (best)
    return dated('heart_failure_nyha', best.n, best.date, [best.ref, ...hf.map((c) => c.ref)], ctx.now, {
      note: { text: `NYHA class ${best.n}`, why: because('nyha-class', { nyha: best.n }) },
      matchedBy: best.matchedBy,
    });
  if (hf.length > 0)
    return {
      name: 'heart_failure_nyha',
      state: 'missing',
      sources: hf.map((c) => c.ref),
      reason: 'heart failure recorded, NYHA class not recorded',
      why: because('hf-without-nyha'),
    };
  const absent = conditionAbsence(ctx);
  if (absent)
    return {
      name: 'heart_failure_nyha',
      state: 'missing',
      sources: [],
      reason: `${absent}: heart failure cannot be ruled out`,
      ...cannotRuleOut(ctx, 'heart_failure_nyha'),
    };
  return dated('heart_failure_nyha', 0, undefined, [], ctx.now, {
    note: {
      text: 'no heart failure in the problem list',
      why: because('none-in-problem-list', { input: inputRef('heart_failure_nyha'), count: otherConditions(ctx.conditions).length }),
    },
  });
}

/** Codes of a past (not acute) MI: ICD-10 I25.2 old myocardial infarction, SNOMED 399211009 history of MI. */
const OLD_MI = (c: ConditionFact): boolean =>
  c.codings.some((k) => (isIcd10System(k.system) && k.code?.toUpperCase().startsWith('I25.2')) || (k.system === SYSTEMS.snomed && k.code === '399211009'));
const DECOMPENSATED_TEXT = [
  'decompensated',
  'decompensation',
  'acute heart failure',
  'dekompensiert',
  'dekompensation',
  'akute herzinsuffizienz',
  'decompensee',
  'decompensation cardiaque',
  'insuffisance cardiaque aigue',
];

/** cardiac_event_6m: MI, unstable angina, stroke/TIA or decompensated heart failure with its event date in the last 183 days. */
function cardiacEvent(ctx: SafetyContext): InputValue {
  const days = CATALOGUE_BY_NAME.cardiac_event_6m.lookbackDays ?? 183;
  const events = ctx.conditions.filter(
    (c) =>
      (c.concepts.some((k) => ['dx.myocardial_infarction', 'dx.unstable_angina', 'dx.stroke', 'dx.tia', 'dx.hf_decompensated'].includes(k)) && !OLD_MI(c)) ||
      (c.concepts.includes('dx.heart_failure') && ((nyhaOfCondition(c) ?? 0) >= 3 || textContains(c.text, DECOMPENSATED_TEXT) !== undefined)),
  );
  const dated6m = events.filter((c) => c.onset && daysSince(c.onset, ctx.now) <= days && c.onset.start.getTime() <= ctx.now.getTime());
  if (dated6m.length > 0)
    return dated(
      'cardiac_event_6m',
      true,
      latestDate(dated6m.map((c) => c.onset)),
      dated6m.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(dated6m), matchedBy: 'code' },
    );
  const undatedActive = events.filter((c) => !c.onset && c.active);
  if (undatedActive.length > 0)
    return {
      name: 'cardiac_event_6m',
      state: 'missing',
      sources: undatedActive.map((c) => c.ref),
      reason: `${describeConditions(undatedActive)} recorded without a date: whether it was in the last 6 months is unknown`,
      why: because('undated-cardiac-event', { conditions: recordText(describeConditions(undatedActive)) }),
    };
  const absent = conditionAbsence(ctx);
  if (absent)
    return {
      name: 'cardiac_event_6m',
      state: 'missing',
      sources: [],
      reason: `${absent}: a cardiac or cerebrovascular event in the last 6 months cannot be ruled out`,
      ...cannotRuleOut(ctx, 'cardiac_event_6m'),
    };
  const older = events.length > 0 ? `; older events: ${describeConditions(events)}` : '';
  return dated(
    'cardiac_event_6m',
    false,
    undefined,
    events.map((c) => c.ref),
    ctx.now,
    {
      note: {
        text: `no MI, unstable angina, stroke/TIA or decompensated heart failure in the last 6 months${older}`,
        why: because('no-cardiac-event-6m', events.length > 0 ? { older: recordText(describeConditions(events)) } : undefined),
      },
    },
  );
}

/** conduction_block: Mobitz II / third-degree AV block or sick sinus syndrome, unless a pacemaker is recorded. */
function conduction(ctx: SafetyContext): InputValue {
  const high = matching(ctx, ['dx.av_block_high', 'dx.sick_sinus'], { activeOnly: true });
  const second = matching(ctx, ['dx.av_block_2'], { activeOnly: true }).filter((c) => !high.includes(c));
  const mobitz2 = second.filter((c) =>
    textContains(`${c.text ?? ''} ${c.codings.map((k) => k.display ?? '').join(' ')}`, [
      'mobitz ii',
      'mobitz 2',
      'mobitz type ii',
      'mobitz typ ii',
      'mobitz type 2',
      'type ii',
      'typ ii',
      'type 2',
    ]),
  );
  const unspecified = second.filter(
    (c) =>
      !mobitz2.includes(c) &&
      !textContains(`${c.text ?? ''} ${c.codings.map((k) => k.display ?? '').join(' ')}`, [
        'wenckebach',
        'mobitz i',
        'mobitz 1',
        'mobitz type i',
        'mobitz typ i',
        'type i',
        'typ i',
      ]),
  );
  const pacemaker = [
    ...ctx.conditions.filter((c) => c.concepts.includes('finding.pacemaker') && c.active),
    ...ctx.procedures.filter((p) => p.concepts.includes('finding.pacemaker')),
  ];
  const hits = [...high, ...mobitz2];
  if ((hits.length > 0 || unspecified.length > 0) && pacemaker.length > 0)
    return dated(
      'conduction_block',
      false,
      undefined,
      [...hits, ...unspecified, ...pacemaker].map((x) => x.ref),
      ctx.now,
      {
        note: {
          text: `pacemaker in place (${describeConditions([...hits, ...unspecified])})`,
          why: because('pacemaker-in-place', { conditions: recordText(describeConditions([...hits, ...unspecified])) }),
        },
        matchedBy: 'code',
      },
    );
  if (hits.length > 0)
    return dated(
      'conduction_block',
      true,
      latestDate(hits.map((c) => c.onset)),
      hits.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(hits), matchedBy: 'code' },
    );
  if (unspecified.length > 0)
    return {
      name: 'conduction_block',
      state: 'missing',
      sources: unspecified.map((c) => c.ref),
      reason: 'second-degree AV block recorded, Mobitz type not recorded',
      why: because('mobitz-unknown'),
    };
  const absent = conditionAbsence(ctx);
  if (absent)
    return {
      name: 'conduction_block',
      state: 'missing',
      sources: [],
      reason: `${absent}: an AV block or sick sinus syndrome cannot be ruled out`,
      ...cannotRuleOut(ctx, 'conduction_block'),
    };
  return dated('conduction_block', false, undefined, [], ctx.now, {
    note: {
      text: 'no high-grade AV block or sick sinus syndrome in the problem list',
      why: because('none-in-problem-list', { input: inputRef('conduction_block'), count: otherConditions(ctx.conditions).length }),
    },
  });
}

/** Non-melanoma skin cancer only (ICD-10 C44, SNOMED basal/squamous cell carcinoma of skin). */
const NMSC_ONLY = (c: ConditionFact): boolean =>
  c.concepts.includes('dx.nmsc') &&
  !c.codings.some((k) => isIcd10System(k.system) && k.code?.toUpperCase().startsWith('C') && !k.code.toUpperCase().startsWith('C44'));

function malignancyActive(ctx: SafetyContext): InputValue {
  const v = conditionFlag('malignancy_active', ctx, ['dx.malignancy', 'dx.lymphoma'], {
    activeOnly: true,
    label: 'active malignancy',
    keep: (c) => !NMSC_ONLY(c),
  });
  const nmsc = matching(ctx, ['dx.nmsc'], { activeOnly: true });
  if (nmsc.length === 0 || v.state === 'missing') return v;
  const note = `non-melanoma skin cancer not counted: ${describeConditions(nmsc)}`;
  const why = because('nmsc-not-counted', { conditions: recordText(describeConditions(nmsc)) });
  return { ...v, note: v.note ? `${v.note}; ${note}` : note, ...(!v.note || v.noteWhy ? { noteWhy: joinReasons(v.noteWhy, why) } : {}) };
}

/**
 * Diverticulitis from ICD-10 K57 by edition: 4th character 0/2/4/8 = with perforation and abscess (WHO, GM,
 * CM); 5th character 2/3 = diverticulitis (ICD-10-GM 2026 and ICD-10-CM 2025 K57.x2/K57.x3). Other K57 codes
 * are diverticulosis or unspecified diverticular disease: not counted, but noted.
 */
function isDiverticulitisCode(code: string | undefined): boolean {
  const c = (code ?? '').toUpperCase().replace('.', '');
  if (!c.startsWith('K57') || c.length < 4) return false;
  return ['0', '2', '4', '8'].includes(c[3] ?? '') || ['2', '3'].includes(c[4] ?? '');
}

function diverticulitis(ctx: SafetyContext): InputValue {
  const v = conditionFlag('diverticulitis_history', ctx, ['dx.diverticulitis', 'dx.diverticular_disease'], {
    activeOnly: false,
    label: 'diverticulitis',
    keep: (c) =>
      c.concepts.includes('dx.diverticulitis') ||
      c.codings.some((k) => isIcd10System(k.system) && isDiverticulitisCode(k.code)) ||
      textContains(c.text, ['diverticulitis', 'divertikulitis', 'diverticulite']) !== undefined,
  });
  if (v.state !== 'ok' || v.value !== false) return v;
  const disease = matching(ctx, ['dx.diverticular_disease'], { activeOnly: false });
  return disease.length > 0
    ? {
        ...v,
        sources: disease.map((c) => c.ref),
        note: `diverticular disease without recorded diverticulitis: ${describeConditions(disease)}`,
        noteWhy: because('diverticular-disease-only', { conditions: recordText(describeConditions(disease)) }),
      }
    : v;
}

type ConditionName = Extract<
  SafetyName,
  | 'heart_failure_nyha'
  | 'demyelinating_disease'
  | 'malignancy_history'
  | 'malignancy_active'
  | 'lymphoma_history'
  | 'vte_history'
  | 'cardiac_event_6m'
  | 'conduction_block'
  | 'hbv_chronic'
  | 'diverticulitis_history'
  | 'interstitial_lung_disease'
  | 'autoimmune_other'
  | 'vascular_history'
  | 'macular_oedema_risk'
  | 'cv_risk'
>;

/** The condition-based facts. */
export function conditionFacts(ctx: SafetyContext): Record<ConditionName, InputValue> {
  const cvFactors: Array<[string, string[]]> = [
    ['hypertension', ['dx.hypertension']],
    ['diabetes', ['dx.diabetes']],
    ['myocardial infarction', ['dx.myocardial_infarction']],
    ['stroke', ['dx.stroke']],
  ];
  const cvHits = cvFactors.map(([label, concepts]) => ({ label, hits: matching(ctx, concepts, { activeOnly: false }) })).filter((x) => x.hits.length > 0);
  const cvLabels = [...cvHits.map((x) => x.label), ...(ctx.smokingCurrent ? ['current smoking'] : [])];
  const cvGap = conditionAbsence(ctx);
  const cvGapWhy = conditionAbsenceWhy(ctx);
  return {
    heart_failure_nyha: heartFailure(ctx),
    demyelinating_disease: conditionFlag(
      'demyelinating_disease',
      ctx,
      ['dx.demyelinating', 'dx.multiple_sclerosis', 'dx.ms_rrms', 'dx.ms_spms', 'dx.ms_ppms', 'dx.ms_prms', 'dx.ms_cis'],
      { activeOnly: false, label: 'demyelinating disease' },
    ),
    malignancy_history: conditionFlag('malignancy_history', ctx, ['dx.malignancy', 'dx.lymphoma'], { activeOnly: false, label: 'malignancy' }),
    malignancy_active: malignancyActive(ctx),
    lymphoma_history: conditionFlag('lymphoma_history', ctx, ['dx.lymphoma'], { activeOnly: false, label: 'lymphoma' }),
    vte_history: conditionFlag('vte_history', ctx, ['dx.vte'], { activeOnly: false, label: 'venous thromboembolism' }),
    cardiac_event_6m: cardiacEvent(ctx),
    conduction_block: conduction(ctx),
    hbv_chronic: conditionFlag('hbv_chronic', ctx, ['dx.hbv_chronic'], { activeOnly: true, label: 'chronic hepatitis B' }),
    diverticulitis_history: diverticulitis(ctx),
    interstitial_lung_disease: conditionFlag('interstitial_lung_disease', ctx, ['dx.ild'], { activeOnly: false, label: 'interstitial lung disease' }),
    autoimmune_other: conditionFlag('autoimmune_other', ctx, ['dx.autoimmune_other'], { activeOnly: false, label: 'other autoimmune disease' }),
    vascular_history: conditionFlag(
      'vascular_history',
      ctx,
      ['dx.myocardial_infarction', 'dx.stroke', 'dx.angina', 'dx.unstable_angina', 'dx.arterial_dissection'],
      { activeOnly: false, label: 'stroke, angina, myocardial infarction or arterial dissection' },
    ),
    macular_oedema_risk: conditionFlag('macular_oedema_risk', ctx, ['dx.diabetes', 'dx.uveitis'], { activeOnly: false, label: 'diabetes or uveitis' }),
    cv_risk: ((): InputValue => {
      if (cvLabels.length > 0)
        return dated(
          'cv_risk',
          'present',
          undefined,
          cvHits.flatMap((x) => x.hits.map((c) => c.ref)),
          ctx.now,
          { note: { text: cvLabels.join(', '), why: cvLabels.flatMap((l) => because('term', { term: statusRef(l) })) }, matchedBy: 'code' },
        );
      if (cvGap)
        return {
          name: 'cv_risk',
          state: 'missing',
          sources: [],
          reason: `${cvGap}: hypertension, diabetes, myocardial infarction or stroke cannot be ruled out`,
          ...cannotRuleOut(ctx, 'cv_risk', cvGapWhy),
        };
      return dated('cv_risk', 'none', undefined, [], ctx.now, { note: { text: 'no MACE risk factor recorded', why: because('no-mace-risk') } });
    })(),
  };
}
