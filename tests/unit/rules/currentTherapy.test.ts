// The question on the demo records: the diagnosis line, the current therapy, its response and the switch reasons.
import { readFileSync } from 'node:fs';
import type { Bundle } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { prepare } from '@src/pipeline/index.ts';
import { FCAL_ACTIVE_UG_G, assessCurrentTherapy } from '@src/rules/currentTherapy.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const assess = (file: string) => {
  const bundle = JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8')) as Bundle;
  return assessCurrentTherapy(
    prepare(
      (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
      NOW,
    ),
    NOW,
  );
};

describe('assessCurrentTherapy', () => {
  it('cd-us-001: waning ustekinumab: calprotectin above the STRIDE-II target makes it active, with the rising trend', () => {
    const a = assess('cd-us-001.json');
    expect(a.current?.drug).toBe('ustekinumab');
    expect(a.current?.months).toBeGreaterThan(50);
    const fcal = a.markers.find((m) => m.concept === 'lab.fecal_calprotectin');
    expect(fcal?.latest.value).toBeGreaterThan(FCAL_ACTIVE_UG_G);
    expect(fcal?.trend).toBe('worse');
    expect(a.status).toBe('active');
    expect(a.reasons.map((r) => r.kind)).toContain('inflammation');
  });

  it('ra-de-002: no advanced therapy now, DAS28-CRP high: active disease and corticosteroids are the reasons', () => {
    const a = assess('ra-de-002.json');
    expect(a.current).toBeNull();
    expect(a.activity?.score).toBe('das28-crp');
    expect(a.activity?.latest.band).toBe('high');
    expect(a.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['active-disease', 'steroids']));
  });

  it('rms-fr-001: natalizumab working (no relapse, no new lesion), the PML finding is the reason to switch', () => {
    const a = assess('rms-fr-001.json');
    expect(a.diagnosis?.indication).toBe('RMS');
    expect(a.diagnosis?.onset?.raw.slice(0, 4)).toBe('2014');
    // the past relapses are further findings of the indication: counted for the record view, not listed in the question
    expect(a.otherFindings).toBeGreaterThan(0);
    expect(a.status).toBe('responding');
    expect(a.ms?.relapses12).toBe(0);
    expect(a.reasons.map((r) => (r.kind === 'safety' ? r.flag.ruleId : r.kind))).toEqual(['natalizumab-pml-high']);
  });

  it('rms-ch-004: treatment-naive with two relapses in 12 months and a pregnancy plan', () => {
    const a = assess('rms-ch-004.json');
    expect(a.current).toBeNull();
    expect(a.status).toBe('active');
    expect(a.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['ms-activity', 'pregnancy-planned']));
    expect(a.otherFindings).toBe(3);
  });
});
