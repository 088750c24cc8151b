import { describe, expect, it } from 'vitest';
import codeSystemJson from '@src/scores/codesystem.json';
import { LOINC_EQUIVALENTS, SCORE_CODES, SCORES_CODE_SYSTEM, roundHalfUp, scoreDisplay, scoresCodeSystem } from '@src/scores/index.ts';

const EXPECTED_CODES = [
  'hbi',
  'cdai-cd',
  'mayo-full',
  'mayo-partial',
  'das28-crp',
  'das28-esr',
  'cdai-ra',
  'sdai',
  'edss',
  'arr',
  'neda3',
  'vedo-cdst',
  'modified-rio',
  'magnims',
  'tjc28',
  'sjc28',
  'ptga',
  'phga',
  'stool-frequency',
  'rectal-bleeding',
  'endoscopy-subscore',
  'physician-global-uc',
  'general-wellbeing',
  'abdominal-pain',
  'liquid-stools',
  'abdominal-mass',
  'complications',
  'mri-new-t2-lesions',
  'mri-gd-lesions',
];

describe('scores code system', () => {
  it('has every code of the brief, once, each with a display', () => {
    expect(SCORE_CODES.map((c) => c.code)).toEqual(EXPECTED_CODES);
    for (const c of SCORE_CODES) expect(c.display.length).toBeGreaterThan(2);
  });

  it('codesystem.json is the serialised FHIR CodeSystem of the TypeScript list', () => {
    expect(codeSystemJson).toEqual(scoresCodeSystem());
    const cs = scoresCodeSystem();
    expect(cs.resourceType).toBe('CodeSystem');
    expect(cs.url).toBe(SCORES_CODE_SYSTEM);
    expect(cs.url).toBe('https://therapy-navigator.example.org/fhir/CodeSystem/scores');
    expect(cs.content).toBe('complete');
    expect(cs.count).toBe(EXPECTED_CODES.length);
    expect(cs.concept?.map(({ code, display, definition }) => ({ code, display, definition }))).toEqual(SCORE_CODES.map((c) => ({ ...c })));
  });

  it('gives displays and the LOINC codes of CDAI (RA) and SDAI (codes.csv)', () => {
    expect(scoreDisplay('das28-crp')).toBe('DAS28-CRP');
    expect(LOINC_EQUIVALENTS['cdai-ra']?.code).toBe('75847-4');
    expect(LOINC_EQUIVALENTS.sdai?.code).toBe('75845-8');
    expect(LOINC_EQUIVALENTS.hbi).toBeUndefined();
  });
});

describe('roundHalfUp', () => {
  it.each([
    [2.345, 2, 2.35], // 2.345 is 2.34499999... in binary: still rounds up
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3], // half away from zero
    [149.5, 0, 150],
    [0.30000000000000004, 1, 0.3],
    [-0.0001, 2, 0], // no negative zero
  ])('roundHalfUp(%d, %d) = %d', (x, d, expected) => {
    expect(Object.is(roundHalfUp(x, d), expected)).toBe(true);
  });
});
