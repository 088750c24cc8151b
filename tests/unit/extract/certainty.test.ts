import { describe, expect, it } from 'vitest';
import type { CodeableConcept, Coding } from 'fhir/r4';
import { GM_CERTAINTY_SYSTEM, GM_CERTAINTY_URL, readCertainty, VER_STATUS_SYSTEM, type Certainty } from '@src/extract/certainty.ts';

const ICD_GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';

/** An ICD-10-GM coding with the Diagnosesicherheit (and optionally the Seitenlokalisation) extension. */
function gm(code: string, certainty?: string, side?: string): Coding {
  const extension = [
    ...(side
      ? [
          {
            url: 'http://fhir.de/StructureDefinition/seitenlokalisation',
            valueCoding: { system: 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_SEITENLOKALISATION', code: side },
          },
        ]
      : []),
    ...(certainty ? [{ url: GM_CERTAINTY_URL, valueCoding: { system: GM_CERTAINTY_SYSTEM, code: certainty } }] : []),
  ];
  return { system: ICD_GM, code, ...(extension.length > 0 ? { extension } : {}) };
}
const ver = (code: string): CodeableConcept => ({ coding: [{ system: VER_STATUS_SYSTEM, code }] });

describe('readCertainty: verificationStatus (FHIR R4 condition-ver-status)', () => {
  it.each<[string, Certainty]>([
    ['confirmed', 'confirmed'],
    ['unconfirmed', 'suspected'],
    ['provisional', 'suspected'],
    ['differential', 'suspected'],
    ['refuted', 'excluded'],
    ['entered-in-error', 'excluded'],
  ])('%s reads as %s, from verificationStatus', (code, certainty) => {
    const r = readCertainty({ verificationStatus: ver(code), code: { coding: [gm('K50.0')] } });
    expect(r).toMatchObject({ certainty, source: 'verificationStatus', code, label: `verification status ${code}` });
    expect(r.problems).toEqual([]);
  });

  it('reads case and whitespace variants and reports codes that are not FHIR R4', () => {
    expect(readCertainty({ verificationStatus: ver(' Provisional ') }).certainty).toBe('suspected');
    const odd = readCertainty({ verificationStatus: ver('probable') });
    expect(odd.certainty).toBe('unknown');
    expect(odd.problems[0]).toMatch(/"probable" is not a FHIR R4 code/);
  });
});

describe('readCertainty: ICD-10-GM Diagnosesicherheit (KBV A/V/Z/G)', () => {
  it.each<[string, Certainty, RegExp]>([
    ['A', 'excluded', /ausgeschlossen/],
    ['V', 'suspected', /Verdacht/],
    ['Z', 'past', /Zustand nach/],
    ['G', 'confirmed', /gesichert/],
  ])('%s reads as %s, from the extension', (code, certainty, words) => {
    const r = readCertainty({ code: { coding: [gm('G35.1', code)] } });
    expect(r).toMatchObject({ certainty, source: 'icd10gm-diagnosesicherheit', code });
    expect(r.label).toMatch(words);
    expect(r.problems).toEqual([]);
  });

  it('takes a valueCode and lower-case code too, and leaves the Seitenlokalisation alone', () => {
    expect(readCertainty({ code: { coding: [{ system: ICD_GM, code: 'K50.0', extension: [{ url: GM_CERTAINTY_URL, valueCode: 'v' }] }] } }).certainty).toBe(
      'suspected',
    );
    // Side "B" (beiderseits) is not a certainty: no signal, no problem.
    const sided = readCertainty({ code: { coding: [gm('H20.0', undefined, 'B')] } });
    expect(sided).toMatchObject({ certainty: 'unknown', source: 'none', problems: [] });
    expect(readCertainty({ code: { coding: [gm('H20.0', 'G', 'L')] } }).certainty).toBe('confirmed');
  });

  it('reports an unknown Diagnosesicherheit code and does not count it', () => {
    const r = readCertainty({ code: { coding: [gm('K50.0', 'X')] } });
    expect(r.certainty).toBe('unknown');
    expect(r.problems[0]).toMatch(/Diagnosesicherheit "X" is not one of A, V, Z, G/);
  });
});

describe('readCertainty: nothing recorded, and conflicts', () => {
  it('no verificationStatus and no extension: unknown (counts as today)', () => {
    expect(readCertainty({ code: { coding: [gm('K50.0')] } })).toMatchObject({ certainty: 'unknown', source: 'none', problems: [] });
    expect(readCertainty(null).certainty).toBe('unknown');
    expect(readCertainty({ verificationStatus: 'confirmed', code: 'K50' }).certainty).toBe('unknown');
  });

  it.each<[string, string, Certainty, CertaintyField]>([
    ['confirmed', 'V', 'suspected', 'icd10gm-diagnosesicherheit'],
    ['confirmed', 'A', 'excluded', 'icd10gm-diagnosesicherheit'],
    ['refuted', 'G', 'excluded', 'verificationStatus'],
    ['provisional', 'G', 'suspected', 'verificationStatus'],
    ['provisional', 'Z', 'suspected', 'verificationStatus'],
    ['confirmed', 'Z', 'past', 'icd10gm-diagnosesicherheit'],
  ])('verificationStatus %s + GM %s: the less certain (%s) wins and the conflict is reported', (v, g, certainty, source) => {
    const r = readCertainty({ verificationStatus: ver(v), code: { coding: [gm('K50.0', g)] } });
    expect(r).toMatchObject({ certainty, source });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(new RegExp(`conflicting certainty: verification status ${v} vs ICD-10-GM Diagnosesicherheit ${g}.*read as ${certainty}`));
  });

  it('agreeing signals are no conflict', () => {
    expect(readCertainty({ verificationStatus: ver('confirmed'), code: { coding: [gm('K50.0', 'G')] } }).problems).toEqual([]);
    expect(readCertainty({ verificationStatus: ver('differential'), code: { coding: [gm('K50.0', 'V')] } })).toMatchObject({
      certainty: 'suspected',
      problems: [],
    });
  });

  it('two ICD-10-GM codings that disagree are a conflict as well', () => {
    const r = readCertainty({ code: { coding: [gm('K50.0', 'G'), gm('K50.1', 'V')] } });
    expect(r.certainty).toBe('suspected');
    expect(r.problems[0]).toMatch(/conflicting/);
  });
});

type CertaintyField = 'verificationStatus' | 'icd10gm-diagnosesicherheit';
