import { describe, expect, it } from 'vitest';
import type { CodeableConcept, Condition, FhirResource } from 'fhir/r4';
import { GM_CERTAINTY_SYSTEM, GM_CERTAINTY_URL, VER_STATUS_SYSTEM } from '@src/extract/certainty.ts';
import { checkSafety } from '@src/rules/safety/check.ts';
import { renderSafetyText } from '@src/ui/i18n/safety.ts';
import { dx, extract, ICD_GM, NOW, OTHER, SCT } from './safetyHelpers.ts';

const ver = (code: string): CodeableConcept => ({ coding: [{ system: VER_STATUS_SYSTEM, code }] });
/** An ICD-10-GM diagnosis with the Diagnosesicherheit extension (MII / KBV style). */
function gm(id: string, code: string, certainty: 'A' | 'G' | 'V' | 'Z', over: Partial<Condition> = {}): FhirResource {
  return {
    ...dx(id, ICD_GM, code, over),
    code: { coding: [{ system: ICD_GM, code, extension: [{ url: GM_CERTAINTY_URL, valueCoding: { system: GM_CERTAINTY_SYSTEM, code: certainty } }] }] },
  };
}
const NOW_OPTS = { now: NOW };

describe('latent TB (ICD-10-GM Z22.7) by certainty', () => {
  it.each<[string, FhirResource, boolean]>([
    ['GM G: present', gm('tb', 'Z22.7', 'G'), true],
    ['GM A: excluded, absent', gm('tb', 'Z22.7', 'A'), false],
    ['GM Z: status post still counts as a history of latent TB', gm('tb', 'Z22.7', 'Z'), true],
    ['confirmed', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('confirmed') }), true],
    ['refuted', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('refuted') }), false],
    ['entered-in-error', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('entered-in-error') }), false],
  ])('%s', (_label, tb, value) => {
    expect(extract([OTHER, tb]).inputs.tb_latent).toMatchObject({ state: 'ok', value });
  });

  it.each<[string, FhirResource]>([
    ['GM V', gm('tb', 'Z22.7', 'V')],
    ['unconfirmed', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('unconfirmed') })],
    ['provisional', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('provisional') })],
    ['differential', dx('tb', ICD_GM, 'Z22.7', { verificationStatus: ver('differential') })],
    ['confirmed + GM V (conflict)', gm('tb', 'Z22.7', 'V', { verificationStatus: ver('confirmed') })],
  ])('%s: possible, with both readings', (_label, tb) => {
    const v = extract([OTHER, tb]).inputs.tb_latent;
    expect(v).toMatchObject({ state: 'possible', value: true, sources: ['Condition/tb'], unconfirmed: { state: 'ok', value: false } });
    expect(v.state === 'possible' ? v.reason : '').toMatch(/^suspected diagnosis, not confirmed \(Condition\/tb, .*\): would read as true if confirmed/);
  });

  it('a suspected latent TB gives a "possible" flag at the unknown level, never treat-before-start or silence', () => {
    const r = extract([OTHER, gm('tb', 'Z22.7', 'V')]);
    const flags = checkSafety('adalimumab', r.inputs, NOW_OPTS);
    const tb = flags.find((f) => f.ruleId === 'tb-latent');
    expect(tb).toMatchObject({ state: 'unknown', severity: 'screen-before-start', messageKey: 'safety.tb-latent.possible-triggered' });
    expect(tb?.text).toMatch(/^Possible finding, suspected diagnosis not confirmed \(Condition\/tb, ICD-10-GM Diagnosesicherheit V/);
    expect(tb?.facts.find((f) => f.name === 'tb_latent')?.state).toBe('possible');
    // The same finding once confirmed is the label's level.
    const sure = checkSafety('adalimumab', extract([OTHER, gm('tb', 'Z22.7', 'G')]).inputs, NOW_OPTS).find((f) => f.ruleId === 'tb-latent');
    expect(sure).toMatchObject({ state: 'triggered', severity: 'treat-before-start' });
    // The "possible" text after the prefix is the triggered text.
    expect(tb?.text.endsWith(sure?.text ?? '?')).toBe(true);
    // German and French carry the prefix too.
    expect(tb && renderSafetyText(tb, 'de')).toMatch(/^Möglicher Befund, Verdachtsdiagnose nicht gesichert/);
    expect(tb && renderSafetyText(tb, 'fr')).toMatch(/^Constat possible, diagnostic suspecté non confirmé/);
  });
});

describe('suspected MS for an anti-TNF', () => {
  it('provisional MS: demyelinating disease possible, the anti-TNF flag is possible at screen-before-start (label level only-if-no-alternative)', () => {
    const r = extract([OTHER, dx('ms', SCT, '24700007', { verificationStatus: ver('provisional') })]);
    expect(r.inputs.demyelinating_disease).toMatchObject({ state: 'possible', value: true });
    const f = checkSafety('infliximab', r.inputs, NOW_OPTS).find((x) => x.ruleId === 'anti-tnf-demyelinating');
    expect(f).toMatchObject({ state: 'unknown', severity: 'screen-before-start' });
    expect(f?.text).toMatch(/^Possible finding/);
    const confirmed = checkSafety('infliximab', extract([OTHER, dx('ms', SCT, '24700007', { verificationStatus: ver('confirmed') })]).inputs, NOW_OPTS);
    expect(confirmed.find((x) => x.ruleId === 'anti-tnf-demyelinating')).toMatchObject({ state: 'triggered', severity: 'only-if-no-alternative' });
  });

  it('a suspected diagnosis next to a confirmed one of the same fact changes nothing', () => {
    const r = extract([
      OTHER,
      dx('ms1', SCT, '24700007', { verificationStatus: ver('confirmed') }),
      dx('ms2', SCT, '24700007', { verificationStatus: ver('differential') }),
    ]);
    expect(r.inputs.demyelinating_disease).toMatchObject({ state: 'ok', value: true });
  });

  it('a problem list holding only the indication and a suspicion is still a shared problem list', () => {
    const r = extract([gm('tb', 'Z22.7', 'V')]);
    expect(r.inputs.tb_latent.state).toBe('possible');
    // Other facts read as "looked and found nothing", as with any other shared diagnosis.
    expect(r.inputs.vte_history).toMatchObject({ state: 'ok', value: false });
  });
});

const hf = (certainty: 'A' | 'G' | 'V' | 'Z'): FhirResource => gm('hf', 'I50.13', certainty, { onsetDateTime: '2024-01' });

describe('heart failure by certainty', () => {
  it('excluded heart failure (GM A) is not counted and is reported', () => {
    const r = extract([OTHER, hf('A')]);
    expect(r.inputs.heart_failure_nyha).toMatchObject({ state: 'ok', value: 0 });
    expect(r.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^Condition\/hf excluded: ICD-10-GM Diagnosesicherheit A/));
    expect(checkSafety('adalimumab', r.inputs, NOW_OPTS).filter((f) => f.ruleId.includes('hf'))).toEqual([]);
  });

  it('suspected NYHA III heart failure (GM V) is never contraindicated on the suspicion alone', () => {
    const r = extract([OTHER, hf('V')]);
    expect(r.inputs.heart_failure_nyha).toMatchObject({ state: 'possible', value: 3 });
    const flags = checkSafety('adalimumab', r.inputs, NOW_OPTS).filter((f) => f.ruleId.startsWith('anti-tnf-hf'));
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(f.severity).toBe('screen-before-start');
    expect(flags.find((f) => f.ruleId === 'anti-tnf-hf-severe')?.text).toMatch(/^Possible finding.*contraindicated in moderate to severe heart failure/);
    // Confirmed, the label's level applies.
    expect(checkSafety('adalimumab', extract([OTHER, hf('G')]).inputs, NOW_OPTS).find((f) => f.ruleId === 'anti-tnf-hf-severe')?.severity).toBe(
      'contraindicated',
    );
  });
});
