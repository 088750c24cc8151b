import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { extractRecord } from '@src/extract/extract.ts';

// Public example bundles kept in tests/fixtures/fhir-examples (sources and licences in its README).
const EXAMPLES = 'tests/fixtures/fhir-examples';
const FIXTURES = join(import.meta.dirname, '../../../sandbox/fixtures');
const NOW = new Date('2026-11-15T12:00:00Z');

function load(path: string) {
  const bundle = resourcesFromBundle(JSON.parse(readFileSync(path, 'utf8')));
  return { bundle, record: extractRecord(bundle.resources, { now: NOW }) };
}
const example = (dir: string, prefix: string) => {
  const file = readdirSync(join(EXAMPLES, dir)).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`example ${prefix} missing`);
  return load(join(EXAMPLES, dir, file));
};

describe('public example bundles (tests/fixtures/fhir-examples)', () => {
  it('Synthea Asa Hermiston: active RA, methotrexate via RxNorm product 105586, urn:uuid references resolved', () => {
    const { bundle, record } = example('synthea-ra', 'Asa_');
    expect(bundle.problems).toEqual([]);
    const mr = bundle.resources.find((r) => r.resourceType === 'MedicationRequest');
    expect(mr && 'subject' in mr ? mr.subject?.reference : '').toMatch(/^Patient\/[0-9a-f-]+$/);
    expect(record.indications.map((f) => [f.indication, f.active, f.coding.code])).toEqual([['RA', true, '69896004']]);
    const mtx = record.episodes.find((e) => e.inn === 'methotrexate');
    expect(mtx).toMatchObject({ ongoing: true, matchedBy: 'code', drugClass: 'csDMARD', coding: { code: '105586' } });
    expect(record.inputs.immunomodulator_current).toMatchObject({ state: 'ok', value: true });
    expect(record.inputs.current_advanced_therapy).toMatchObject({ state: 'ok', value: 'none' });
    expect(record.inputs.smoking_current.state).toBe('stale');
  });

  it('Synthea Willy Koepp: resolved RA kept but marked, methotrexate stopped (past episode)', () => {
    const { record } = example('synthea-ra', 'Willy_');
    expect(record.indications).toHaveLength(1);
    expect(record.indications[0]).toMatchObject({ indication: 'RA', active: false, clinicalStatus: 'resolved' });
    const mtx = record.episodes.find((e) => e.inn === 'methotrexate');
    expect(mtx).toMatchObject({ ongoing: false, stopReason: 'unknown' });
    expect(record.inputs.immunomodulator_current).toMatchObject({ value: false });
  });

  it('MII pat-1: implausible haemoglobin flagged, /nL counts read, TB cause of death found, no indication', () => {
    const { record } = example('mii-de', 'Bundle-mii-exa-test-data-bundle-pat-1.');
    expect(record.inputs.haemoglobin_g_dl).toMatchObject({ state: 'implausible', value: 45, sources: ['Observation/mii-exa-test-data-patient-1-labobs-4'] });
    expect(record.gaps.some((g) => g.input === 'haemoglobin_g_dl' && g.state === 'implausible')).toBe(true);
    expect(record.observations['lab.wbc']?.[0]).toMatchObject({ value: 17, unit: '10*9/L' });
    expect(record.inputs.tb_active).toMatchObject({ value: true });
    expect(record.primaryIndication).toBeNull();
    expect(record.patient.deceased).toBe(true);
  });

  it.each(['Bundle-mii-exa-test-data-bundle-pat-6', 'Bundle-mii-exa-test-data-bundle-pat-10'])(
    '%s: German ATC drugs on separate Medication resources are resolved, none is in the catalogue',
    (prefix) => {
      const { bundle, record } = example('mii-de', prefix);
      expect(bundle.resources.some((r) => r.resourceType === 'Medication')).toBe(true);
      expect(record.episodes).toEqual([]);
      expect(record.inputs.age_years.state).toBe('ok');
    },
  );
});

const fixtureFiles = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.json')) : [];
const expectations: Record<string, { indication: string; current: string; checks: Record<string, unknown> }> = {
  'cd-us-001.json': {
    indication: 'CD',
    current: 'ustekinumab',
    checks: { prior_anti_tnf_loss_of_response: true, cd_location: 'L3', cd_perianal: true, prior_bowel_resection: true, prior_advanced_count: 3 },
  },
  'uc-de-001.json': {
    indication: 'UC',
    current: 'none',
    checks: { uc_extent: 'E3', prior_anti_tnf_primary_nonresponse: true, prior_anti_integrin: true, steroids_current: true },
  },
  'ra-ips-001.json': {
    indication: 'RA',
    current: 'tocilizumab',
    checks: { rf_positive: true, anti_ccp_positive: true, vte_history: true, cv_risk: 'present' },
  },
  'rms-fr-001.json': { indication: 'RMS', current: 'natalizumab', checks: { prior_intolerance: true, jcv_antibody_status: 'positive' } },
  'rms-us-002.json': { indication: 'RMS', current: 'none', checks: { relapses_12m: 1, new_t2_lesions_12m: 9, gd_lesions_12m: 3, pregnancy_current: false } },
};

describe('demo patients (sandbox/fixtures)', () => {
  it('has the demo bundles to test', () => expect(fixtureFiles.length).toBeGreaterThanOrEqual(5));
  it.each(fixtureFiles)('%s', (file) => {
    const { bundle, record } = load(join(FIXTURES, file));
    expect(bundle.problems).toEqual([]);
    const exp = expectations[file];
    if (!exp) return;
    expect(record.primaryIndication).toBe(exp.indication);
    expect(record.inputs.current_advanced_therapy).toMatchObject({ value: exp.current });
    const actual = Object.fromEntries(
      Object.entries(record.inputs)
        .filter(([name]) => name in exp.checks)
        .map(([name, input]) => [name, 'value' in input ? input.value : input.state]),
    );
    expect(actual).toEqual(exp.checks);
  });
});
