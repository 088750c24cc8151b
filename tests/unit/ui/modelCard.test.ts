import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '@contract/spec.ts';
import { parseValidation } from '@src/model/validation.ts';
import { parseMarkdown, sectionItems } from '@src/ui/ranking/markdown.ts';
import { plainFacts } from '@src/ui/ranking/ModelCardSummary.tsx';

const read = (ind: string) => ({
  spec: JSON.parse(readFileSync(`models/${ind}/spec.json`, 'utf8')) as ModelSpec,
  metrics: JSON.parse(readFileSync(`models/${ind}/metrics.json`, 'utf8')) as { loto: { trials: number; summary: Record<string, [number, number]> } },
  limits: sectionItems(parseMarkdown(readFileSync(`models/${ind}/MODEL_CARD.md`, 'utf8')), /Limitations/).join('\n'),
});

describe('plainFacts: the plain page states the figures of spec.json and metrics.json', () => {
  it.each(['cd', 'uc', 'ra', 'rms'])('%s', (ind) => {
    const { spec, metrics } = read(ind);
    const f = plainFacts(spec, parseValidation(metrics));
    expect(f.indication).toBe(ind);
    expect(f.endpoint).toBe(spec.outputs.endpoint);
    expect(f.horizon).toBe(spec.outputs.horizon);
    expect(f.nominal).toBe(90);
    expect(f.records).toBe(spec.training['records']);
    expect(f.drugs).toBe(spec.outputs.drugs.length);
    const s = metrics.loto.summary;
    expect(f.loto).toEqual({
      trials: metrics.loto.trials,
      arms: s['armsInCi']?.[1],
      inCi: s['armsInCi']?.[0],
      inPi: s['pi90']?.[0],
      headToHead: s['headToHead'],
      belowTarget: (s['armsInCi']?.[0] ?? 0) / (s['armsInCi']?.[1] ?? 1) < 0.8,
    });
  });

  it('without metrics.json the counts are absent, not zero; a site model is "other"', () => {
    const { spec } = read('cd');
    const f = plainFacts({ ...spec, indication: 'psoriasis', training: {} }, { ok: false, problem: 'missing', detail: 'HTTP 404' });
    expect(f).toMatchObject({ indication: 'other', records: null, loto: null });
  });
});

describe('the plain-language limits restate the cards’ section 9 (if a card changes, this fails)', () => {
  it.each([
    [
      'cd',
      [
        /simulated data only/,
        /coverage is unknown/,
        /from memory or only partly verified/,
        /albumin, BMI, smoking, immunomodulator and duration modifiers are assumed/,
      ],
    ],
    [
      'uc',
      [
        /simulated data only/,
        /coverage is unknown/,
        /from memory/,
        /Full, modified and 3-component Mayo remission are treated as one endpoint/,
        /transferred from CD/,
      ],
    ],
    ['ra', [/simulated data only/, /coverage is unknown/, /from memory/, /ACR20\/ACR70 rows mapped to ACR50/, /MTX-IR populations/]],
    ['rms', [/simulated data only/, /coverage is unknown/, /from memory/, /Poisson/, /Interferon beta-1a \(IM and SC\) has the effect of interferon beta-1b/]],
  ] as const)('%s', (ind, sources) => {
    const { limits } = read(ind);
    for (const s of sources) expect(limits).toMatch(s);
  });
});
