import { describe, expect, it } from 'vitest';
import type { CodeableConcept, Condition } from 'fhir/r4';
import { detectIndicationsDetailed } from '@src/extract/indications.ts';
import { extractRecord } from '@src/extract/extract.ts';
import { GM_CERTAINTY_SYSTEM, GM_CERTAINTY_URL, VER_STATUS_SYSTEM } from '@src/extract/certainty.ts';
import { cc, condition, NOW, patient, SCT } from '../../support/fhir.ts';

const ICD_GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';
const ver = (code: string): CodeableConcept => ({ coding: [{ system: VER_STATUS_SYSTEM, code }] });
const crohnGm = (certainty: string): CodeableConcept => ({
  coding: [{ system: ICD_GM, code: 'K50.0', extension: [{ url: GM_CERTAINTY_URL, valueCoding: { system: GM_CERTAINTY_SYSTEM, code: certainty } }] }],
});
/** SNOMED 34000006 Crohn's disease. */
const crohn = (id: string, over: Partial<Condition> = {}): Condition => condition(id, cc({ system: SCT, code: '34000006' }), over);

describe('indications by certainty', () => {
  it.each<[string, Partial<Condition>, { certainty: string; usable: boolean; active: boolean }]>([
    ['no certainty recorded', {}, { certainty: 'unknown', usable: true, active: true }],
    ['verificationStatus confirmed', { verificationStatus: ver('confirmed') }, { certainty: 'confirmed', usable: true, active: true }],
    ['verificationStatus unconfirmed', { verificationStatus: ver('unconfirmed') }, { certainty: 'suspected', usable: false, active: true }],
    ['verificationStatus provisional', { verificationStatus: ver('provisional') }, { certainty: 'suspected', usable: false, active: true }],
    ['verificationStatus differential', { verificationStatus: ver('differential') }, { certainty: 'suspected', usable: false, active: true }],
    ['ICD-10-GM G', { code: crohnGm('G') }, { certainty: 'confirmed', usable: true, active: true }],
    ['ICD-10-GM V', { code: crohnGm('V') }, { certainty: 'suspected', usable: false, active: true }],
    ['ICD-10-GM Z', { code: crohnGm('Z') }, { certainty: 'past', usable: true, active: false }],
    ['confirmed + GM V (conflict)', { verificationStatus: ver('confirmed'), code: crohnGm('V') }, { certainty: 'suspected', usable: false, active: true }],
  ])('%s is kept, marked', (_label, over, expected) => {
    const r = detectIndicationsDetailed([crohn('c1', over)], NOW);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ indication: 'CD', ...expected });
  });

  it('status post (GM Z) is noted as such', () => {
    expect(detectIndicationsDetailed([crohn('c1', { code: crohnGm('Z') })], NOW).findings[0]?.note).toMatch(/status post \(ICD-10-GM Diagnosesicherheit Z/);
  });

  it.each<[string, Partial<Condition>]>([
    ['verificationStatus refuted', { verificationStatus: ver('refuted') }],
    ['verificationStatus entered-in-error', { verificationStatus: ver('entered-in-error') }],
    ['ICD-10-GM A', { code: crohnGm('A') }],
    ['confirmed + GM A (conflict)', { verificationStatus: ver('confirmed'), code: crohnGm('A') }],
  ])('%s never counts and is reported', (_label, over) => {
    const r = detectIndicationsDetailed([crohn('c1', over)], NOW);
    expect(r.findings).toEqual([]);
    expect(r.problems.find((p) => p.kind === 'excluded')?.message).toMatch(/^Condition\/c1 \(CD\) skipped: /);
  });

  it('reports a conflict in clinician words, naming the Condition', () => {
    const r = detectIndicationsDetailed([crohn('c1', { verificationStatus: ver('confirmed'), code: crohnGm('V') })], NOW);
    expect(r.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^Condition\/c1 \(CD\): conflicting certainty: verification status confirmed vs ICD-10-GM/),
    );
  });

  it('a suspected indication counts once the clinician confirms it (by Condition reference)', () => {
    const r = detectIndicationsDetailed([crohn('c1', { verificationStatus: ver('provisional') })], NOW, ['Condition/c1']);
    expect(r.findings[0]).toMatchObject({ certainty: 'suspected', usable: true, confirmedByClinician: true });
    // Confirming another Condition does not confirm this one.
    expect(detectIndicationsDetailed([crohn('c1', { verificationStatus: ver('provisional') })], NOW, ['Condition/c9']).findings[0]?.usable).toBe(false);
  });

  it('sorts usable findings before suspected ones', () => {
    const r = detectIndicationsDetailed(
      [
        crohn('sus', { verificationStatus: ver('provisional'), onsetDateTime: '2025-01' }),
        condition('ra', cc({ system: SCT, code: '69896004' }), { onsetDateTime: '2010' }),
      ],
      NOW,
    );
    expect(r.findings.map((f) => [f.indication, f.usable])).toEqual([
      ['RA', true],
      ['CD', false],
    ]);
  });
});

describe('the record with only a suspected indication', () => {
  const resources = [patient(), crohn('c1', { verificationStatus: ver('provisional') })];

  it('has no indication to rank and says why', () => {
    const r = extractRecord(resources, { now: NOW });
    expect(r.primaryIndication).toBeNull();
    expect(r.indications[0]).toMatchObject({ indication: 'CD', certainty: 'suspected', usable: false });
    expect(r.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/only a suspected diagnosis is recorded \(CD: Condition\/c1, verification status provisional\): confirm it to rank/),
    );
  });

  it('ranks for the indication once the clinician confirms it', () => {
    const r = extractRecord(resources, { now: NOW, confirmed: ['Condition/c1'] });
    expect(r.primaryIndication).toBe('CD');
    expect(r.problems.map((p) => p.message).join('\n')).not.toMatch(/only a suspected diagnosis/);
  });

  it('a confirmed indication next to a suspected one is chosen', () => {
    const ra = condition('ra', cc({ system: SCT, code: '69896004' }));
    expect(extractRecord([...resources, ra], { now: NOW }).primaryIndication).toBe('RA');
  });
});

describe('text fallback when codings exist but none is known', () => {
  /** 1234567001: a SNOMED-like code the code sets do not hold (a more specific, unlisted descendant). */
  const unknownSct = { system: SCT, code: '1234567001', display: "Crohn's disease of terminal ileum with stricture" };

  it('reads the coding display and names the unknown code', () => {
    const r = detectIndicationsDetailed([condition('c1', { coding: [unknownSct] })], NOW);
    expect(r.findings[0]).toMatchObject({ indication: 'CD', matchedBy: 'text', concept: 'text', certainty: 'unknown', usable: true });
    expect(r.findings[0]?.source).toMatch(/text match on "crohn" \(code http:\/\/snomed\.info\/sct\|1234567001 not in the code sets\)/);
    expect(r.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^Condition\/c1: CD read from text, matched "crohn" \(code .*1234567001 not in the code sets\)/),
    );
  });

  it('reads Condition.code.text in German and French too', () => {
    expect(
      detectIndicationsDetailed([condition('c1', { coding: [{ system: SCT, code: '1234567001' }], text: 'Colitis ulcerosa, Pancolitis' })], NOW).findings[0]
        ?.indication,
    ).toBe('UC');
    expect(
      detectIndicationsDetailed([condition('c1', { coding: [{ system: SCT, code: '1234567001' }], text: 'Polyarthrite rhumatoïde séropositive' })], NOW)
        .findings[0]?.indication,
    ).toBe('RA');
  });

  it('does not read text when a coding is known, even if it is another disease', () => {
    // 84114007 heart failure is in the code sets (safety concepts): the codes decide, the text is not read.
    const r = detectIndicationsDetailed([condition('c1', { coding: [{ system: SCT, code: '84114007' }], text: 'Heart failure; Morbus Crohn' })], NOW);
    expect(r.findings).toEqual([]);
  });

  it('is negation-aware within the clause', () => {
    const neg = detectIndicationsDetailed([condition('c1', { coding: [{ system: SCT, code: '1234567001' }], text: 'kein Morbus Crohn' })], NOW);
    expect(neg.findings).toEqual([]);
    expect(neg.problems[0]?.message).toMatch(/Condition\/c1 \(CD\) not counted: its text .* negates or rules out/);
    expect(detectIndicationsDetailed([condition('c2', { text: 'Crohn ausgeschlossen' })], NOW).findings).toEqual([]);
    // A negation after the disease, or in another clause, does not negate it.
    expect(detectIndicationsDetailed([condition('c3', { text: 'Morbus Crohn ohne Fisteln' })], NOW).findings[0]?.indication).toBe('CD');
    expect(detectIndicationsDetailed([condition('c4', { text: 'no ulcerative colitis; Crohn disease' })], NOW).findings.map((f) => f.indication)).toEqual([
      'CD',
    ]);
  });

  it('a suspicion in the text makes the finding suspected', () => {
    const texts = ['V.a. Morbus Crohn', "suspected Crohn's disease", 'suspicion de maladie de Crohn', 'Crohn?'];
    const found = texts.map((text) => detectIndicationsDetailed([condition('c1', { coding: [{ system: SCT, code: '1234567001' }], text })], NOW).findings[0]);
    expect(found.map((f) => [f?.indication, f?.certainty, f?.usable])).toEqual(texts.map(() => ['CD', 'suspected', false]));
  });
});
