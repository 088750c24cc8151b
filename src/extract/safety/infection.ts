/** Infection work-up facts: tuberculosis, hepatitis B/C, HIV, JC virus, varicella-zoster immunity, live vaccines, active serious infection. */
import { CATALOGUE_BY_NAME } from '../catalogue.ts';
import { daysSince } from '../dates.ts';
import { latestCategory, latestNumber } from '../latest.ts';
import type { InputValue } from '../values.ts';
import { conditionsNote, cannotRuleOut, conditionFlag, dated, describeConditions, latestDate, matching, type SafetyContext } from './context.ts';
import { because, joinReasons, recordText, statusRef } from '../reasons.ts';
import { qualitative } from './labs.ts';

/** Acute infections recorded active for longer than this get a "confirm it is current" note (problem lists are often not closed). */
const ACUTE_INFECTION_DAYS = 90;

function tuberculosis(ctx: SafetyContext): Record<'tb_active' | 'tb_latent' | 'tb_screen_result', InputValue> {
  const tbActive = conditionFlag('tb_active', ctx, ['dx.tb_active'], { activeOnly: true, label: 'active tuberculosis' });
  const tbScreen = qualitative('tb_screen_result', ctx, ['lab.igra_tb', 'lab.tst'], 'TB screening (IGRA/TST)');
  const tbLatentDx = conditionFlag('tb_latent', ctx, ['dx.tb_latent'], { activeOnly: false, label: 'latent tuberculosis' });
  const screenPositive = (tbScreen.state === 'ok' || tbScreen.state === 'stale') && tbScreen.value === 'positive';
  const activeTrue = tbActive.state === 'ok' && tbActive.value === true;
  const latentTrue = (tbLatentDx.state === 'ok' || tbLatentDx.state === 'stale') && tbLatentDx.value === true;
  let tbLatent = tbLatentDx;
  if (!latentTrue && !activeTrue && screenPositive) {
    tbLatent = dated('tb_latent', true, undefined, tbScreen.sources, ctx.now, {
      note: {
        text: `positive IGRA/TST of ${tbScreen.date ?? '?'} without active tuberculosis recorded`,
        why: because('tb-screen-positive', { date: tbScreen.date ?? '?' }),
      },
      matchedBy: 'code',
    });
  } else if (tbLatent.state === 'missing' && testSays(tbScreen) === false && tbScreen.state === 'ok') {
    // A negative screen answers the question the problem list could not.
    tbLatent = dated('tb_latent', false, undefined, tbScreen.sources, ctx.now, {
      note: { text: `negative IGRA/TST of ${tbScreen.date ?? '?'}`, why: because('tb-screen-negative', { date: tbScreen.date ?? '?' }) },
    });
  }
  return { tb_active: tbActive, tb_latent: tbLatent, tb_screen_result: tbScreen };
}

/** jcv_index and jcv_antibody_status (STRATIFY JCV: index > 0.40 positive, < 0.20 negative; natalizumab SmPC 4.4; Lee P et al. 2013). */
function jcv(ctx: SafetyContext): Record<'jcv_index' | 'jcv_antibody_status', InputValue> {
  const index = latestNumber('jcv_index', ctx.series, ['lab.jcv_index'], ctx.now, 'JCV index');
  const q = qualitative('jcv_antibody_status', ctx, ['lab.jcv_antibody'], 'JCV antibody');
  if ((index.state !== 'ok' && index.state !== 'stale') || typeof index.value !== 'number') return { jcv_index: index, jcv_antibody_status: q };
  // The more recent of the qualitative result and the index decides.
  if (q.state !== 'missing' && 'date' in q && (q.date ?? '') >= (index.date ?? '')) return { jcv_index: index, jcv_antibody_status: q };
  let status: 'positive' | 'negative' | undefined;
  if (index.value > 0.4) status = 'positive';
  else if (index.value < 0.2) status = 'negative';
  const fromIndex: InputValue = status
    ? {
        ...index,
        name: 'jcv_antibody_status',
        value: status,
        unit: null,
        note: `from index ${index.value}`,
        noteWhy: because('jcv-from-index', { index: index.value }),
      }
    : {
        name: 'jcv_antibody_status',
        state: 'missing',
        sources: index.sources,
        reason: `JCV index ${index.value} in the 0.20-0.40 grey zone without confirmation assay`,
        why: because('jcv-grey-zone', { index: index.value }),
      };
  return { jcv_index: index, jcv_antibody_status: fromIndex };
}

/** A test result that is positive, read as true; negative -> false; else undefined. */
function testSays(v: InputValue): boolean | undefined {
  if (v.state !== 'ok' && v.state !== 'stale') return undefined;
  if (v.value === 'positive') return true;
  return v.value === 'negative' ? false : undefined;
}

/** The same evidence with a boolean value and a note. */
function withValue(v: InputValue, value: boolean, note: string): InputValue {
  return v.state === 'ok' || v.state === 'stale' ? { ...v, value, note } : v;
}

function hiv(ctx: SafetyContext): InputValue {
  const dx = matching(ctx, ['dx.hiv'], { activeOnly: false });
  if (dx.length > 0)
    return dated(
      'hiv_positive',
      true,
      latestDate(dx.map((c) => c.onset)),
      dx.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(dx), matchedBy: 'code' },
    );
  const test = qualitative('hiv_positive', ctx, ['lab.hiv'], 'HIV test');
  const says = testSays(test);
  if (says !== undefined) return withValue(test, says, `HIV test ${says ? 'positive' : 'negative'}`);
  return conditionFlag('hiv_positive', ctx, ['dx.hiv'], { activeOnly: false, label: 'HIV infection' });
}

function hcv(ctx: SafetyContext): InputValue {
  const rna = qualitative('hcv_active', ctx, ['lab.hcv_rna'], 'HCV RNA');
  const rnaSays = testSays(rna);
  const dx = matching(ctx, ['dx.hcv_chronic'], { activeOnly: true });
  const dxDate = latestDate(dx.map((c) => c.onset));
  // The newer of the RNA result and the diagnosis decides (a negative RNA after treatment = cured).
  if (rnaSays !== undefined && rna.state !== 'missing' && (dx.length === 0 || (rna.date ?? '') >= (dxDate?.raw ?? ''))) {
    return withValue(rna, rnaSays, `HCV RNA ${rnaSays ? 'detected' : 'not detected'}${dx.length > 0 ? ` (after ${describeConditions(dx)})` : ''}`);
  }
  if (dx.length > 0)
    return dated(
      'hcv_active',
      true,
      dxDate,
      dx.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(dx), matchedBy: 'code' },
    );
  const ab = qualitative('hcv_active', ctx, ['lab.hcv_ab'], 'HCV antibody');
  if (testSays(ab) === true)
    return {
      name: 'hcv_active',
      state: 'missing',
      sources: ab.sources,
      reason: 'HCV antibody positive, HCV RNA not recorded: active infection unknown',
      why: because('hcv-rna-missing'),
    };
  if (testSays(ab) === false) return withValue(ab, false, 'HCV antibody negative');
  return conditionFlag('hcv_active', ctx, ['dx.hcv_chronic'], { activeOnly: true, label: 'active hepatitis C' });
}

/**
 * vzv_immune: VZV IgG positive, varicella/zoster history or two varicella vaccine doses -> immune; VZV IgG
 * negative -> non-immune (fingolimod/siponimod/ozanimod SmPC 4.4: test patients without a confirmed history or
 * full vaccination course). A numeric IgG is read by the lab's interpretation flag or upper reference limit.
 */
function vzv(ctx: SafetyContext): InputValue {
  const history = matching(ctx, ['dx.varicella_history'], { activeOnly: false });
  if (history.length > 0)
    return dated(
      'vzv_immune',
      'immune',
      latestDate(history.map((c) => c.onset)),
      history.map((c) => c.ref),
      ctx.now,
      {
        note: { text: `history: ${describeConditions(history)}`, why: because('zoster-history', { conditions: recordText(describeConditions(history)) }) },
        matchedBy: 'code',
      },
    );
  const doses = ctx.immunizations.filter((i) => i.varicella);
  if (doses.length >= 2)
    return dated(
      'vzv_immune',
      'immune',
      latestDate(doses.map((i) => i.date)),
      doses.map((i) => i.ref),
      ctx.now,
      { note: { text: `${doses.length} varicella vaccine doses`, why: because('varicella-doses', { count: doses.length }) }, matchedBy: 'code' },
    );
  const p = latestCategory('vzv_immune', ctx.series, ['lab.vzv_igg'], ctx.now, 'VZV IgG');
  if ('concept' in p) {
    let byCutOff: 'positive' | 'negative' | undefined;
    if (p.value !== undefined && p.referenceHigh !== undefined) byCutOff = p.value > p.referenceHigh ? 'positive' : 'negative';
    const reading = p.category ?? p.interpretation ?? byCutOff;
    if (reading === 'positive' || reading === 'negative') {
      return dated('vzv_immune', reading === 'positive' ? 'immune' : 'non-immune', p.date, p.sources, ctx.now, {
        note: {
          text: `VZV IgG ${reading}${doses.length === 1 ? '; one varicella vaccine dose recorded' : ''}`,
          why: joinReasons(because('vzv-igg-reading', { result: statusRef(reading) }), doses.length === 1 ? because('one-varicella-dose') : undefined) ?? [],
        },
        matchedBy: p.matchedBy,
      });
    }
    return {
      name: 'vzv_immune',
      state: 'missing',
      sources: p.sources,
      reason: `VZV IgG "${p.category ?? p.value ?? ''}" recorded without a readable result, interpretation or reference range`,
      why: because('vzv-igg-unreadable', { value: p.category ?? p.value ?? '' }),
    };
  }
  return {
    name: 'vzv_immune',
    state: 'missing',
    sources: doses.map((i) => i.ref),
    reason:
      doses.length === 1
        ? 'one varicella vaccine dose recorded; no VZV IgG or varicella history'
        : 'no VZV IgG, varicella/zoster history or varicella vaccination recorded',
    why: because(doses.length === 1 ? 'vzv-one-dose-only' : 'vzv-unknown'),
  };
}

/** live_vaccine_recent over the catalogue window (42 days, the longest label wait); the vaccine date is the value's date. */
function liveVaccine(ctx: SafetyContext): InputValue {
  const days = CATALOGUE_BY_NAME.live_vaccine_recent.lookbackDays ?? 42;
  const recent = ctx.immunizations.filter((i) => i.live && i.date && daysSince(i.date, ctx.now) <= days && i.date.start.getTime() <= ctx.now.getTime());
  const latest = recent.sort((a, b) => (b.date?.start.getTime() ?? 0) - (a.date?.start.getTime() ?? 0))[0];
  if (latest?.date) {
    return dated(
      'live_vaccine_recent',
      true,
      latest.date,
      recent.map((i) => i.ref),
      ctx.now,
      {
        note: {
          text: `${latest.text ?? 'live vaccine'} on ${latest.date.raw}`,
          why: because('live-vaccine-on', { vaccine: recordText(latest.text ?? 'live vaccine'), date: latest.date.raw }),
        },
        matchedBy: latest.liveBy === 'text' ? 'text' : 'code',
      },
    );
  }
  const failed = ctx.coverage.failed('immunizations');
  if (failed)
    return {
      name: 'live_vaccine_recent',
      state: 'missing',
      sources: [],
      reason: `${failed}: a recent live vaccine cannot be ruled out`,
      ...cannotRuleOut(ctx, 'live_vaccine_recent', ctx.coverage.failedWhy('immunizations')),
    };
  if (ctx.immunizationsRead === 0)
    return {
      name: 'live_vaccine_recent',
      state: 'missing',
      sources: [],
      reason: 'no vaccination history shared: a recent live vaccine cannot be ruled out',
      ...cannotRuleOut(ctx, 'live_vaccine_recent', because('no-vaccination-history')),
    };
  const undated = ctx.immunizations.filter((i) => i.live && !i.date);
  if (undated.length > 0)
    return {
      name: 'live_vaccine_recent',
      state: 'missing',
      sources: undated.map((i) => i.ref),
      reason: 'a live vaccine is recorded without a date',
      why: because('live-vaccine-undated'),
    };
  return dated('live_vaccine_recent', false, undefined, [], ctx.now, {
    note: {
      text: `no live vaccine in the last ${days} days (${ctx.immunizationsRead} vaccination records read)`,
      why: because('no-live-vaccine', { days, count: ctx.immunizationsRead }),
    },
  });
}

function seriousInfection(ctx: SafetyContext): InputValue {
  const v = conditionFlag('serious_infection_active', ctx, ['dx.serious_infection', 'dx.tb_active'], { activeOnly: true, label: 'active serious infection' });
  if (v.state !== 'ok' || v.value !== true) return v;
  const old = matching(ctx, ['dx.serious_infection'], { activeOnly: true }).filter((c) => c.onset && daysSince(c.onset, ctx.now) > ACUTE_INFECTION_DAYS);
  return old.length > 0
    ? {
        ...v,
        note: `${v.note ?? ''}; recorded active since ${old.map((c) => c.onset?.raw ?? '?').join(', ')}: confirm it is still current`,
        ...(!v.note || v.noteWhy
          ? { noteWhy: joinReasons(v.noteWhy, because('active-since-confirm', { dates: old.map((c) => c.onset?.raw ?? '?').join(', ') })) }
          : {}),
      }
    : v;
}

/** The infection facts. */
export function infectionFacts(
  ctx: SafetyContext,
): Record<
  | 'tb_active'
  | 'tb_latent'
  | 'tb_screen_result'
  | 'hbv_hbsag'
  | 'hbv_anti_hbc'
  | 'jcv_index'
  | 'jcv_antibody_status'
  | 'hiv_positive'
  | 'hcv_active'
  | 'vzv_immune'
  | 'live_vaccine_recent'
  | 'serious_infection_active',
  InputValue
> {
  return {
    ...tuberculosis(ctx),
    hbv_hbsag: qualitative('hbv_hbsag', ctx, ['lab.hbsag'], 'HBsAg'),
    hbv_anti_hbc: qualitative('hbv_anti_hbc', ctx, ['lab.anti_hbc'], 'anti-HBc'),
    ...jcv(ctx),
    hiv_positive: hiv(ctx),
    hcv_active: hcv(ctx),
    vzv_immune: vzv(ctx),
    live_vaccine_recent: liveVaccine(ctx),
    serious_infection_active: seriousInfection(ctx),
  };
}
