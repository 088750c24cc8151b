// Issue 11: the model card's leave-one-trial-out figures are read from metrics.json through a parser
// that reports a missing or malformed file as "not available" and never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseValidation } from '@src/model/validation.ts';

type Json = Record<string, unknown>;
const metrics = (ind: string): Json => JSON.parse(readFileSync(`models/${ind}/metrics.json`, 'utf8')) as Json;
const loto = (m: Json): Json => m['loto'] as Json;

describe('parseValidation', () => {
  it('reads the bundled RA file: counts, tau, every arm', () => {
    const r = parseValidation(metrics('ra'));
    if (!r.ok) throw new Error(`the bundled RA metrics.json does not parse: ${r.detail}`);
    const v = r.validation;
    const raw = loto(metrics('ra'));
    expect(v.trials).toBe(raw['trials']);
    expect(v.arms).toHaveLength((raw['arms'] as unknown[]).length);
    expect(v.summary).toEqual(raw['summary']);
    expect(v.inSample).toEqual(raw['inSample']);
    expect(v.inSample?.armsInCi[1]).toBe(v.arms.length);
    expect(v.summary.armsInCi).toEqual([v.arms.filter((a) => a.inCi).length, v.arms.length]);
    expect(v.tau).toBeCloseTo(0.5557, 4);
    expect(v.tauCi).toEqual([0, 1.61]);
    expect(v.tauScale).toBe('log-odds-ratio');
  });

  it.each(['cd', 'uc', 'rms'])('reads the bundled %s file', (ind) => {
    expect(parseValidation(metrics(ind))).toMatchObject({ ok: true, validation: { tauScale: ind === 'rms' ? 'log-rate-ratio' : 'log-odds-ratio' } });
  });

  it('a file without loto (a model trained before the validation) is missing, not an error', () => {
    const { loto: _dropped, ...rest } = metrics('ra');
    expect(parseValidation(rest)).toMatchObject({ ok: false, problem: 'missing' });
    expect(parseValidation({ ...rest, loto: null })).toMatchObject({ ok: false, problem: 'missing' });
  });

  it.each<[string, unknown]>([
    ['not an object', 'metrics'],
    ['an array', []],
    ['null', null],
  ])('%s is malformed', (_what, json) => {
    expect(parseValidation(json)).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('a wrong shape is malformed, with the path of the problem', () => {
    const m = metrics('ra');
    const arms = (loto(m)['arms'] as Json[]).map((a, i) => (i === 3 ? { ...a, ci95: [0.9, 0.1] } : a));
    expect(parseValidation({ ...m, loto: { ...loto(m), arms } })).toMatchObject({
      ok: false,
      problem: 'malformed',
      detail: expect.stringMatching(/loto\.arms\.3\.ci95/),
    });
    expect(parseValidation({ ...m, loto: { ...loto(m), arms: 'many' } })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(parseValidation({ ...m, synthesis: { ...(m['synthesis'] as Json), tau: -1 } })).toMatchObject({ ok: false, problem: 'malformed' });
    const { synthesis: _s, ...noSynthesis } = m;
    expect(parseValidation(noSynthesis)).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('summary counts that the rows contradict are malformed', () => {
    const m = metrics('ra');
    const summary = { ...(loto(m)['summary'] as Json), armsInCi: [50, 51] };
    expect(parseValidation({ ...m, loto: { ...loto(m), summary } })).toMatchObject({
      ok: false,
      problem: 'malformed',
      detail: expect.stringMatching(/armsInCi 50\/51 but the rows give 21\/51/),
    });
  });
});
