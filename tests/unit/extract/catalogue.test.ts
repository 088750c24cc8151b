import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_BY_NAME, INPUT_NAMES, inputsFor, SAFETY_NAMES } from '@src/extract/catalogue.ts';

/** The names the model engineer already uses (task brief); the contract must not drift. */
const CONTRACT =
  'age_years sex_female bmi smoking_current smoking_ever disease_duration_years prior_advanced_count prior_anti_tnf prior_anti_integrin prior_anti_il12_23 prior_jak prior_s1p prior_other_advanced prior_anti_tnf_primary_nonresponse prior_anti_tnf_loss_of_response prior_intolerance current_advanced_therapy current_therapy_duration_months steroids_current immunomodulator_current crp_mg_l fcal_ug_g esr_mm_h albumin_g_l haemoglobin_g_dl lymphocytes_10e9_l cd_location cd_behaviour cd_perianal prior_bowel_resection hbi cdai_cd uc_extent mayo_partial mayo_full eim_present rf_positive anti_ccp_positive das28_crp das28_esr cdai_ra sdai relapses_12m relapses_24m edss new_t2_lesions_12m gd_lesions_12m'.split(
    ' ',
  );

describe('input catalogue', () => {
  it('has exactly the contracted model input names, in order', () => expect([...INPUT_NAMES]).toEqual(CONTRACT));
  it('has 40 safety facts flagged use: safety', () => {
    expect(SAFETY_NAMES).toHaveLength(40);
    for (const n of SAFETY_NAMES) expect(CATALOGUE_BY_NAME[n].use).toBe('safety');
  });
  it.each(CATALOGUE.map((d) => [d.name, d] as const))('%s is complete and cites a source', (_n, d) => {
    expect(d.source.length).toBeGreaterThan(5);
    expect(d.derivation.length).toBeGreaterThan(5);
    expect(d.indications.length).toBeGreaterThan(0);
    // Categories list their levels, except the open INN list of current_advanced_therapy.
    expect(d.kind !== 'category' || d.name === 'current_advanced_therapy' || (d.levels?.length ?? 0) > 0).toBe(true);
  });
  it.each([
    ['CD', 'hbi', 'das28_crp'],
    ['UC', 'mayo_partial', 'cd_location'],
    ['RA', 'das28_crp', 'fcal_ug_g'],
    ['RMS', 'edss', 'crp_mg_l'],
  ] as const)('%s uses %s but not %s', (indication, included, excluded) => {
    const names = inputsFor(indication).map((d) => d.name);
    expect(names).toContain(included);
    expect(names).not.toContain(excluded);
  });
});
