/**
 * Concept sets from the published VSAC expansions copied into terminology/valuesets/ (scripts/gen-snomed.ts):
 * specific SNOMED CT codes that codes.csv and the hand-added rows do not list are recognised as the
 * indication (with the RA serotype) and as safety facts; the exclusions of concept-map.json hold.
 */
import { describe, expect, it } from 'vitest';
import { detectIndications } from '@src/extract/indications.ts';
import { CODE_ROWS, CONCEPT_SETS, LOCAL_ROWS, codeMatches } from '@src/extract/terminology/index.ts';
import { cc, condition, NOW, patient, SCT } from '../../support/fhir.ts';
import { dx, extract, OTHER } from './safetyHelpers.ts';

const curated = new Set([...CODE_ROWS, ...LOCAL_ROWS].map((r) => `${r.system}|${r.code}`));

function conceptsOf(code: string, system = SCT): string[] {
  return codeMatches(cc({ system, code })).map((m) => m.concept);
}

describe('indications from the expansions', () => {
  const rows: Array<[string, string, string, string | undefined]> = [
    ['235607002', "Crohn's disease of esophagus", 'CD', undefined],
    ['397172008', "Gastrointestinal Crohn's disease", 'CD', undefined],
    ['402375009', "Crohn's disease of vulva", 'CD', undefined],
    ['441971007', 'Chronic left-sided ulcerative colitis', 'UC', undefined],
    ['966011731000119103', 'Acute ulcerative pancolitis', 'UC', undefined],
    ['1073811000119102', 'Rheumatoid arthritis of right knee', 'RA', undefined],
    ['318951000119106', 'Seropositive rheumatoid arthritis of right knee', 'RA', 'seropositive'],
    ['319131000119109', 'Seronegative rheumatoid arthritis of right knee joint', 'RA', 'seronegative'],
  ];
  it.each(rows)('%s %s is %s', (code, display, indication, subtype) => {
    // Not a curated code: it is recognised only because the expansion lists it.
    expect(curated.has(`${SCT}|${code}`)).toBe(false);
    const found = detectIndications([patient(), condition('c', cc({ system: SCT, code, display }))], NOW);
    expect(found.map((f) => [f.indication, f.subtype, f.matchedBy])).toEqual([[indication, subtype, 'code']]);
    expect(found[0]?.source).toMatch(/^verified: VSAC 2\.16\.840\.1\.113883\./);
  });

  it('reads the code, not the display: an expansion code with a misleading display is still the indication', () => {
    const found = detectIndications([condition('c', cc({ system: SCT, code: '235607002', display: 'Asthma' }))], NOW);
    expect(found.map((f) => f.indication)).toEqual(['CD']);
  });

  it('a code from the expansion under another system is not matched (system + code together)', () => {
    expect(conceptsOf('235607002', 'http://hl7.org/fhir/sid/icd-10-cm')).toEqual([]);
  });

  it('the exclusions hold: eosinophilic ulcerative colitis and juvenile seropositive polyarthritis are not indications', () => {
    expect(conceptsOf('24829000')).toEqual([]);
    expect(conceptsOf('410796000')).toEqual([]);
    const found = detectIndications([condition('c', cc({ system: SCT, code: '410796000', display: 'Juvenile seropositive polyarthritis' }))], NOW);
    expect(found).toEqual([]);
  });
});

describe('safety facts from the expansions', () => {
  it('acute systolic heart failure (443254009) is heart failure and, dated this month, a cardiac event', () => {
    expect(curated.has(`${SCT}|443254009`)).toBe(false);
    const r = extract([dx('hf', SCT, '443254009', { onsetDateTime: '2026-11-01' })]);
    expect(r.inputs.heart_failure_nyha.state).toBe('missing');
    expect(r.inputs.heart_failure_nyha.sources).toEqual(['Condition/hf']);
    expect(r.inputs.cardiac_event_6m).toMatchObject({ state: 'ok', value: true });
  });

  it('chronic systolic heart failure (441481004) is heart failure but not decompensated', () => {
    expect(conceptsOf('441481004')).toContain('dx.heart_failure');
    expect(conceptsOf('441481004')).not.toContain('dx.hf_decompensated');
  });

  it('hypertensive heart disease with heart failure, ICD-10-CM I11.0 (outside I50), is heart failure', () => {
    expect(conceptsOf('I11.0', 'http://hl7.org/fhir/sid/icd-10-cm')).toContain('dx.heart_failure');
  });

  it('acute DVT of the femoral vein (132291000119106) is a VTE history', () => {
    expect(curated.has(`${SCT}|132291000119106`)).toBe(false);
    const r = extract([OTHER, dx('dvt', SCT, '132291000119106', { onsetDateTime: '2024-02-01' })]);
    expect(r.inputs.vte_history).toMatchObject({ state: 'ok', value: true });
    expect(r.inputs.vte_history.sources).toContain('Condition/dvt');
  });

  it('chronic hepatitis B without delta agent (186639003) is chronic hepatitis B; acute hepatitis B (76795007) is not', () => {
    expect(curated.has(`${SCT}|186639003`)).toBe(false);
    const r = extract([OTHER, dx('hbv', SCT, '186639003')]);
    expect(r.inputs.hbv_chronic).toMatchObject({ state: 'ok', value: true });
    expect(conceptsOf('76795007')).toEqual(['dx.hbv']);
  });

  it('second trimester pregnancy (59466002), active, is a current pregnancy', () => {
    expect(curated.has(`${SCT}|59466002`)).toBe(false);
    const r = extract([OTHER, dx('preg', SCT, '59466002', { onsetDateTime: '2026-08-01' })]);
    expect(r.inputs.pregnancy_current).toMatchObject({ state: 'ok', value: true });
    expect(r.inputs.pregnancy_current.sources).toEqual(['Condition/preg']);
  });

  it('rheumatoid lung disease (398726004) is interstitial lung disease', () => {
    const r = extract([OTHER, dx('ild', SCT, '398726004')]);
    expect(r.inputs.interstitial_lung_disease).toMatchObject({ state: 'ok', value: true });
  });
});

describe('concept sets record their edition and date', () => {
  it('every set names its value set, version and expansion; SNOMED sets name their SNOMED CT version', () => {
    expect(CONCEPT_SETS.length).toBeGreaterThanOrEqual(13);
    for (const s of CONCEPT_SETS) {
      expect(s.valueSet).toMatch(/^http:\/\/cts\.nlm\.nih\.gov\/fhir\/ValueSet\/2\.16\.840\./);
      expect(s.version).toMatch(/^\d{8}$/);
      expect(s.expansionIdentifier).not.toBe('');
      expect(s.codes).toBeGreaterThan(0);
    }
    expect(CONCEPT_SETS.filter((s) => s.systems.includes(SCT) && s.snomedVersions.length === 0)).toEqual([]);
    const hf = CONCEPT_SETS.find((s) => s.concept === 'dx.heart_failure');
    expect(hf).toMatchObject({ snomedVersions: ['SNOMED CT US Edition 20230901'], expansionTimestamp: '2025-06-20T16:59:23-04:00', codes: 97 });
  });
});
