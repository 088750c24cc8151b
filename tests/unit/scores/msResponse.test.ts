import { describe, expect, it } from 'vitest';
import { magnims, modifiedRio, neda3 } from '@src/scores/index.ts';

// Modified Rio (Sormani 2013): (>4 new T2 ? 1 : 0) + min(relapses, 2); 0 low, 1 intermediate, >=2 high.
describe('modified Rio score', () => {
  it.each([
    { rel: 0, t2: 0, value: 0, band: 'low risk' },
    { rel: 0, t2: 4, value: 0, band: 'low risk' }, // 4 is not > 4
    { rel: 0, t2: 5, value: 1, band: 'intermediate risk' },
    { rel: 1, t2: 0, value: 1, band: 'intermediate risk' },
    { rel: 1, t2: 5, value: 2, band: 'high risk' },
    { rel: 2, t2: 0, value: 2, band: 'high risk' },
    { rel: 2, t2: 5, value: 3, band: 'high risk' },
    { rel: 4, t2: 12, value: 3, band: 'high risk' }, // relapse criterion caps at 2
  ])('$rel relapses, $t2 new T2 -> $value', ({ rel, t2, value, band }) => {
    expect(modifiedRio({ relapses: rel, newT2Lesions: t2 })).toMatchObject({ score: 'modified-rio', status: 'complete', value, band });
  });

  it('incomplete without MRI even with 2 relapses (value 2 or 3 unknown)', () => {
    expect(modifiedRio({ relapses: 2, newT2Lesions: null })).toMatchObject({ status: 'incomplete', value: null, missing: ['mri-new-t2-lesions'] });
  });

  it('invalid with a negative or fractional count', () => {
    expect(modifiedRio({ relapses: -1, newT2Lesions: 0 }).status).toBe('invalid');
    expect(modifiedRio({ relapses: 0, newT2Lesions: 1.5 }).reason).toMatch(/mri-new-t2-lesions = 1.5/);
  });
});

// MAGNIMS (Sormani 2016): 0 = no relapse and <3 T2; 1 = 1 relapse and <3 T2, or no relapse and >=3 T2;
// 2 = 1 relapse and >=3 T2, or >=2 relapses.
describe('MAGNIMS score', () => {
  it.each([
    { rel: 0, t2: 0, value: 0, band: 'low risk' },
    { rel: 0, t2: 2, value: 0, band: 'low risk' },
    { rel: 0, t2: 3, value: 1, band: 'intermediate risk' },
    { rel: 1, t2: 2, value: 1, band: 'intermediate risk' },
    { rel: 1, t2: 3, value: 2, band: 'high risk' },
    { rel: 2, t2: 0, value: 2, band: 'high risk' },
    { rel: 5, t2: 20, value: 2, band: 'high risk' },
  ])('$rel relapses, $t2 new T2 -> $value', ({ rel, t2, value, band }) => {
    expect(magnims({ relapses: rel, newT2Lesions: t2 })).toMatchObject({ score: 'magnims', status: 'complete', value, band, missing: [] });
  });

  it('complete without MRI when >= 2 relapses (MRI cannot change it), MRI still listed as missing', () => {
    expect(magnims({ relapses: 2, newT2Lesions: undefined })).toMatchObject({ status: 'complete', value: 2, missing: ['mri-new-t2-lesions'] });
  });

  it('incomplete without MRI when 1 relapse', () => {
    expect(magnims({ relapses: 1, newT2Lesions: null })).toMatchObject({ status: 'incomplete', value: null });
  });

  it('invalid wins over the >= 2 relapse shortcut', () => {
    expect(magnims({ relapses: 2, newT2Lesions: -3 }).status).toBe('invalid');
  });
});

describe('NEDA-3', () => {
  const window = { start: '2023-01-01', end: '2023-12-31' };
  const quiet = { relapses: 0, confirmedProgression: false, newOrEnlargingT2Lesions: 0, gdEnhancingLesions: 0 };

  it.each([
    { name: 'no activity', input: {}, value: 1, band: 'NEDA-3' },
    { name: 'one relapse', input: { relapses: 1 }, value: 0, band: 'evidence of disease activity: relapse' },
    { name: 'confirmed progression', input: { confirmedProgression: true }, value: 0, band: 'evidence of disease activity: confirmed disability progression' },
    { name: 'new T2 lesion', input: { newOrEnlargingT2Lesions: 1 }, value: 0, band: 'evidence of disease activity: new or enlarging T2 lesion' },
    { name: 'Gd+ lesion', input: { gdEnhancingLesions: 2 }, value: 0, band: 'evidence of disease activity: Gd-enhancing lesion' },
    { name: 'relapse and MRI', input: { relapses: 2, gdEnhancingLesions: 1 }, value: 0, band: 'evidence of disease activity: relapse, Gd-enhancing lesion' },
  ])('$name -> $value', ({ input, value, band }) => {
    expect(neda3({ window, ...quiet, ...input })).toMatchObject({ score: 'neda3', status: 'complete', value, band, missing: [] });
  });

  it('incomplete when MRI is unknown and nothing else shows activity', () => {
    const r = neda3({ window, ...quiet, newOrEnlargingT2Lesions: null, gdEnhancingLesions: undefined });
    expect(r).toMatchObject({ status: 'incomplete', value: null, missing: ['mri-new-t2-lesions', 'mri-gd-lesions'] });
  });

  it('complete (not NEDA) when a known relapse exists even though MRI is unknown', () => {
    const r = neda3({ window, ...quiet, relapses: 1, newOrEnlargingT2Lesions: null });
    expect(r).toMatchObject({ status: 'complete', value: 0, missing: ['mri-new-t2-lesions'] });
  });

  it('invalid with a partial window date', () => {
    const r = neda3({ window: { start: '2023', end: '2023-12-31' }, ...quiet });
    expect(r).toMatchObject({ status: 'invalid', value: null });
    expect(r.reason).toMatch(/window start: partial date "2023"/);
  });

  it('invalid with a negative lesion count, and records the window', () => {
    const r = neda3({ window, ...quiet, gdEnhancingLesions: -1 });
    expect(r.status).toBe('invalid');
    expect(r.computedFrom.slice(0, 2)).toEqual([
      { item: 'window-start', value: null, date: '2023-01-01' },
      { item: 'window-end', value: null, date: '2023-12-31' },
    ]);
  });
});
