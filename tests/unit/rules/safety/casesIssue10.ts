/**
 * Case rows for the rules added or changed in issue 10: triggered, clear and unknown (or covered) per rule,
 * plus the level fixes (latent TB treat-before-start, planned pregnancy on its own, per-drug vaccine waits,
 * childbearing potential, lasting heart failure class and JC virus index).
 */
import type { Case } from './caseTypes.ts';
import { missing, missingBecause, ok, stale } from './factsHelper.ts';

const HF_NO_CLASS = missingBecause('heart_failure_nyha', 'heart failure recorded, NYHA class not recorded');
const onNatalizumab = (months: number) => [ok('current_advanced_therapy', 'natalizumab'), ok('current_therapy_duration_months', months)];

export const ISSUE10_CASES: Case[] = [
  // Heart failure: old class counts, class-less heart failure.
  { rule: 'anti-tnf-hf-severe', drug: 'adalimumab', set: [stale('heart_failure_nyha', 3, '2025-03-01')], expect: 'triggered', params: { nyha: 3, date: '2025-03-01' }, name: 'NYHA III 20 months ago still contraindicates' },
  { rule: 'anti-tnf-hf-severe', drug: 'infliximab', set: [HF_NO_CLASS], expect: 'unknown', variant: 'class-unknown' },
  { rule: 'anti-tnf-hf-mild', drug: 'infliximab', set: [HF_NO_CLASS], expect: 'triggered', variant: 'class-unknown' },
  { rule: 'etanercept-hf', drug: 'etanercept', set: [HF_NO_CLASS], expect: 'triggered', variant: 'class-unknown' },
  { rule: 'etanercept-hf', drug: 'etanercept', set: [missing('heart_failure_nyha')], expect: 'unknown' },
  { rule: 'rituximab-hf-severe', drug: 'rituximab', set: [ok('heart_failure_nyha', 4)], expect: 'triggered', params: { nyha: 4 } },
  { rule: 'rituximab-hf-severe', drug: 'rituximab', set: [ok('heart_failure_nyha', 3)], expect: 'clear', name: 'NYHA III is not a rituximab contraindication' },
  { rule: 'rituximab-hf-severe', drug: 'rituximab', set: [HF_NO_CLASS], expect: 'unknown', variant: 'class-unknown' },
  { rule: 'rituximab-hf-severe', drug: 'ocrelizumab', set: [ok('heart_failure_nyha', 4)], expect: 'clear' },
  { rule: 's1p-heart-failure', drug: 'siponimod', set: [HF_NO_CLASS], expect: 'unknown', variant: 'class-unknown' },

  // S1P cardiac.
  { rule: 's1p-cardiac-event', drug: 'ozanimod', set: [ok('cardiac_event_6m', true, { date: '2026-08-01' })], expect: 'triggered', textIncludes: '(2026-08-01)' },
  { rule: 's1p-cardiac-event', drug: 'ponesimod', expect: 'clear' },
  { rule: 's1p-cardiac-event', drug: 'fingolimod', set: [missing('cardiac_event_6m')], expect: 'unknown' },
  { rule: 's1p-cardiac-event', drug: 'adalimumab', set: [ok('cardiac_event_6m', true)], expect: 'clear', name: 'not an S1P modulator' },
  { rule: 's1p-conduction-block', drug: 'etrasimod', set: [ok('conduction_block', true)], expect: 'triggered' },
  { rule: 's1p-conduction-block', drug: 'etrasimod', set: [ok('conduction_block', false, { note: 'pacemaker in place' })], expect: 'clear', name: 'pacemaker in place' },
  { rule: 's1p-conduction-block', drug: 'fingolimod', drop: ['conduction_block'], expect: 'unknown' },
  { rule: 's1p-qtc-contraindicated', drug: 'fingolimod', set: [ok('qtc_ms', 500)], expect: 'triggered', params: { value: 500 } },
  { rule: 's1p-qtc-contraindicated', drug: 'fingolimod', set: [ok('qtc_ms', 499)], expect: 'clear' },
  { rule: 's1p-qtc-contraindicated', drug: 'fingolimod', set: [stale('qtc_ms', 430)], expect: 'unknown', params: { gap: 'stale' } },
  { rule: 's1p-qtc-caution', drug: 'ozanimod', set: [ok('qtc_ms', 510)], expect: 'triggered' },
  { rule: 's1p-qtc-caution', drug: 'ozanimod', expect: 'clear' },
  { rule: 's1p-qtc-caution', drug: 'ponesimod', set: [missing('qtc_ms')], expect: 'unknown' },
  { rule: 's1p-qtc-caution', drug: 'fingolimod', set: [ok('qtc_ms', 510)], expect: 'clear', name: 'fingolimod has the contraindication row' },

  // Alemtuzumab.
  { rule: 'alemtuzumab-vascular', drug: 'alemtuzumab', set: [ok('vascular_history', true)], expect: 'triggered' },
  { rule: 'alemtuzumab-vascular', drug: 'alemtuzumab', expect: 'clear' },
  { rule: 'alemtuzumab-vascular', drug: 'alemtuzumab', set: [missing('vascular_history')], expect: 'unknown' },
  { rule: 'alemtuzumab-coagulopathy', drug: 'alemtuzumab', set: [ok('coagulopathy_or_antithrombotic', true)], expect: 'triggered' },
  { rule: 'alemtuzumab-coagulopathy', drug: 'alemtuzumab', expect: 'clear' },
  { rule: 'alemtuzumab-coagulopathy', drug: 'alemtuzumab', drop: ['coagulopathy_or_antithrombotic'], expect: 'unknown' },
  { rule: 'alemtuzumab-autoimmune', drug: 'alemtuzumab', set: [ok('autoimmune_other', true)], expect: 'triggered' },
  { rule: 'alemtuzumab-autoimmune', drug: 'alemtuzumab', expect: 'clear' },
  { rule: 'alemtuzumab-autoimmune', drug: 'alemtuzumab', set: [missing('autoimmune_other')], expect: 'unknown' },
  { rule: 'alemtuzumab-autoimmune', drug: 'ocrelizumab', set: [ok('autoimmune_other', true)], expect: 'clear' },

  // Tuberculosis: latent without prophylaxis is treat-before-start; a started course resolves it.
  { rule: 'tb-latent', drug: 'adalimumab', set: [ok('tb_latent', true), missing('tb_prophylaxis')], expect: 'triggered', name: 'prophylaxis unknown: still to treat' },
  { rule: 'tb-latent', drug: 'adalimumab', set: [ok('tb_latent', true), ok('tb_prophylaxis', true)], expect: { covered: 'tb-latent-on-prophylaxis' } },
  { rule: 'tb-latent-on-prophylaxis', drug: 'tofacitinib', set: [ok('tb_screen_result', 'positive'), ok('tb_prophylaxis', true, { date: '2026-10-20' })], expect: 'triggered', textIncludes: '(2026-10-20)' },
  { rule: 'tb-latent-on-prophylaxis', drug: 'tofacitinib', set: [ok('tb_prophylaxis', true)], expect: 'clear', name: 'prophylaxis without latent TB' },
  { rule: 'tb-latent-on-prophylaxis', drug: 'tofacitinib', set: [ok('tb_latent', true)], expect: { covered: 'tb-latent' } },
  { rule: 'tb-latent-on-prophylaxis', drug: 'tofacitinib', set: [missing('tb_latent'), missing('tb_screen_result')], expect: { covered: 'tb-screening' } },
  { rule: 'tb-screening', drug: 'teriflunomide', set: [missing('tb_screen_result')], expect: 'unknown', name: 'Aubagio USPI: TB screening' },

  // Hepatitis and HIV.
  { rule: 'hbv-hbsag', drug: 'vedolizumab', set: [missing('hbv_hbsag'), ok('hbv_chronic', true, { date: '2015' })], expect: 'triggered', variant: 'chronic', name: 'chronic hepatitis B diagnosis without a test' },
  { rule: 'anti-cd20-hbsag', drug: 'ofatumumab', set: [ok('hbv_chronic', true)], expect: 'triggered', variant: 'chronic' },
  { rule: 'hbv-anti-hbc', drug: 'rituximab', set: [ok('hbv_chronic', true), ok('hbv_anti_hbc', 'positive')], expect: { covered: 'anti-cd20-hbsag' } },
  { rule: 'hbv-hbsag', drug: 'azathioprine', set: [ok('hbv_hbsag', 'positive')], expect: 'triggered', name: 'thiopurines: ECCO 2021 HBV screening' },
  { rule: 'chronic-infection-active', drug: 'fingolimod', set: [ok('hbv_hbsag', 'positive')], expect: 'triggered' },
  { rule: 'chronic-infection-active', drug: 'cladribine', set: [ok('hcv_active', true)], expect: 'triggered', variant: 'hcv' },
  { rule: 'chronic-infection-active', drug: 'ozanimod', expect: 'clear' },
  { rule: 'chronic-infection-active', drug: 'ozanimod', set: [missing('hcv_active')], expect: 'unknown' },
  { rule: 'chronic-infection-active', drug: 'cladribine', set: [missing('hbv_hbsag')], expect: { covered: 'hbv-hbsag' } },
  { rule: 'chronic-infection-active', drug: 'ozanimod', set: [missing('hbv_hbsag')], expect: 'unknown', name: 'S1P has no other HBsAg rule' },
  { rule: 'hiv-positive', drug: 'alemtuzumab', set: [ok('hiv_positive', true)], expect: 'triggered' },
  { rule: 'hiv-positive', drug: 'cladribine', expect: 'clear' },
  { rule: 'hiv-positive', drug: 'cladribine', set: [missing('hiv_positive')], expect: 'unknown' },
  { rule: 'hiv-positive', drug: 'ocrelizumab', set: [ok('hiv_positive', true)], expect: 'clear' },
  { rule: 'jak-hcv', drug: 'upadacitinib', set: [ok('hcv_active', true)], expect: 'triggered' },
  { rule: 'jak-hcv', drug: 'upadacitinib', expect: 'clear' },
  { rule: 'jak-hcv', drug: 'baricitinib', set: [missing('hcv_active')], expect: 'unknown' },

  // Live vaccines: per-drug wait read from the vaccine date (NOW = 2026-11-29).
  { rule: 'live-vaccine-recent', drug: 'ocrelizumab', set: [ok('live_vaccine_recent', true, { date: '2026-11-01' })], expect: 'triggered', params: { waitDays: 42, until: '2026-12-13' } },
  { rule: 'live-vaccine-recent', drug: 'cladribine', set: [ok('live_vaccine_recent', true, { date: '2026-10-20' })], expect: 'triggered', params: { waitDays: 42, until: '2026-12-01', daysLeft: 2 } },
  { rule: 'live-vaccine-recent', drug: 'adalimumab', set: [ok('live_vaccine_recent', true, { date: '2026-10-20' })], expect: 'clear', name: '4-week wait already over' },
  { rule: 'live-vaccine-recent', drug: 'alemtuzumab', set: [okUndatedVaccine()], expect: 'triggered', variant: 'undated', textIncludes: 'last 6 weeks' },
  { rule: 'vzv-non-immune', drug: 'fingolimod', set: [ok('vzv_immune', 'non-immune')], expect: 'triggered' },
  { rule: 'vzv-non-immune', drug: 'cladribine', expect: 'clear' },
  { rule: 'vzv-non-immune', drug: 'alemtuzumab', set: [missing('vzv_immune')], expect: 'unknown' },
  { rule: 'vzv-non-immune', drug: 'natalizumab', set: [ok('vzv_immune', 'non-immune')], expect: 'clear' },
  { rule: 's1p-macular-oedema', drug: 'siponimod', set: [ok('macular_oedema_risk', true)], expect: 'triggered' },
  { rule: 's1p-macular-oedema', drug: 'siponimod', expect: 'clear' },
  { rule: 's1p-macular-oedema', drug: 'etrasimod', set: [missing('macular_oedema_risk')], expect: 'unknown' },

  // Malignancy.
  { rule: 'malignancy-active', drug: 'ocrelizumab', set: [ok('malignancy_active', true)], expect: 'triggered' },
  { rule: 'malignancy-active', drug: 'natalizumab', set: [ok('malignancy_active', true)], expect: 'triggered' },
  { rule: 'malignancy-active', drug: 'fingolimod', expect: 'clear' },
  { rule: 'malignancy-active', drug: 'cladribine', set: [missing('malignancy_active')], expect: 'unknown' },
  { rule: 'malignancy-active', drug: 'rituximab', set: [ok('malignancy_active', true)], expect: 'clear', name: 'not in the MabThera 4.3' },
  { rule: 'anti-tnf-malignancy-history', drug: 'infliximab', set: [ok('lymphoma_history', true), ok('malignancy_history', true)], expect: 'triggered', variant: 'lymphoma' },
  { rule: 'anti-tnf-malignancy-history', drug: 'etanercept', set: [ok('malignancy_history', true)], expect: 'triggered' },
  { rule: 'anti-tnf-malignancy-history', drug: 'etanercept', expect: 'clear' },
  { rule: 'anti-tnf-malignancy-history', drug: 'adalimumab', set: [missing('malignancy_history')], expect: 'unknown' },

  // Lung, gut.
  { rule: 'interstitial-lung-disease', drug: 'methotrexate', set: [ok('interstitial_lung_disease', true)], expect: 'triggered' },
  { rule: 'interstitial-lung-disease', drug: 'leflunomide', expect: 'clear' },
  { rule: 'interstitial-lung-disease', drug: 'methotrexate', set: [missing('interstitial_lung_disease')], expect: 'unknown' },
  { rule: 'gi-perforation-diverticulitis', drug: 'tocilizumab', set: [ok('diverticulitis_history', true)], expect: 'triggered' },
  { rule: 'gi-perforation-diverticulitis', drug: 'tofacitinib', expect: 'clear' },
  { rule: 'gi-perforation-diverticulitis', drug: 'sarilumab', set: [missing('diverticulitis_history')], expect: 'unknown' },

  // Natalizumab: lasting index, prior immunosuppressants.
  { rule: 'natalizumab-jcv', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), stale('jcv_index', 2.1)], expect: 'triggered', variant: 'index-high', name: 'an old index keeps its band' },
  { rule: 'natalizumab-jcv-repeat', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), stale('jcv_index', 2.1, '2025-12-01')], expect: 'triggered', textIncludes: '2025-12-01' },
  { rule: 'natalizumab-jcv-repeat', drug: 'natalizumab', set: [stale('jcv_antibody_status', 'positive')], expect: 'triggered', name: 'old positive status without index' },
  { rule: 'natalizumab-jcv-repeat', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), ok('jcv_index', 0.5)], expect: 'clear' },
  { rule: 'natalizumab-jcv-repeat', drug: 'natalizumab', set: [missing('jcv_antibody_status')], expect: { covered: 'natalizumab-jcv' } },
  { rule: 'natalizumab-prior-immunosuppressant', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), ok('prior_immunosuppressant', true)], expect: 'triggered' },
  { rule: 'natalizumab-prior-immunosuppressant', drug: 'natalizumab', set: [ok('prior_immunosuppressant', true)], expect: 'clear', name: 'JCV negative' },
  { rule: 'natalizumab-prior-immunosuppressant', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), missing('prior_immunosuppressant')], expect: 'unknown', name: 'medication search failed' },
  { rule: 'natalizumab-prior-immunosuppressant', drug: 'natalizumab', set: [missing('jcv_antibody_status')], expect: { covered: 'natalizumab-jcv' } },
  { rule: 'natalizumab-pml-high', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), ok('jcv_index', 0.4), ok('prior_immunosuppressant', true), ...onNatalizumab(36)], expect: 'triggered', variant: 'prior-immunosuppressant' },
  { rule: 'natalizumab-pml-high', drug: 'natalizumab', set: [ok('jcv_antibody_status', 'positive'), ok('jcv_index', 0.4), missing('prior_immunosuppressant'), ...onNatalizumab(36)], expect: 'unknown' },

  // Pregnancy: childbearing potential, plan on its own; cladribine in men.
  { rule: 'pregnancy-contraindicated', drug: 'tofacitinib', set: [ok('age_years', 64), ok('childbearing_potential', false), missing('pregnancy_current')], expect: 'clear', name: '64-year-old woman: no pregnancy to-do' },
  { rule: 'pregnancy-contraindicated', drug: 'tofacitinib', set: [missing('childbearing_potential'), missing('pregnancy_current')], expect: 'unknown', name: 'childbearing potential unknown: asked' },
  { rule: 'pregnancy-planned-washout', drug: 'teriflunomide', set: [ok('pregnancy_planned', true), missing('pregnancy_current')], expect: 'triggered', name: 'plan to conceive without a pregnancy test' },
  { rule: 'pregnancy-planned-washout', drug: 'teriflunomide', set: [ok('childbearing_potential', false), ok('pregnancy_planned', true)], expect: 'clear' },
  { rule: 'cladribine-male-contraception', drug: 'cladribine', set: [ok('sex_female', false), ok('childbearing_potential', false)], expect: 'triggered' },
  { rule: 'cladribine-male-contraception', drug: 'cladribine', expect: 'clear' },
  { rule: 'cladribine-male-contraception', drug: 'cladribine', set: [missing('sex_female')], expect: 'unknown' },

  // Laboratory families.
  { rule: 'neutrophils-do-not-start', drug: 'upadacitinib', set: [ok('neutrophils_10e9_l', 0.9)], expect: 'triggered', params: { value: 0.9, limit: 1 } },
  { rule: 'neutrophils-do-not-start', drug: 'upadacitinib', set: [ok('neutrophils_10e9_l', 1.0)], expect: 'clear' },
  { rule: 'neutrophils-do-not-start', drug: 'teriflunomide', set: [ok('neutrophils_10e9_l', 1.4)], expect: 'triggered' },
  { rule: 'neutrophils-do-not-start', drug: 'methotrexate', set: [missing('neutrophils_10e9_l')], expect: 'unknown', params: { limit: 1.5 } },
  { rule: 'neutrophils-not-recommended', drug: 'sarilumab', set: [ok('neutrophils_10e9_l', 1.9)], expect: 'triggered' },
  { rule: 'neutrophils-not-recommended', drug: 'tocilizumab', set: [ok('neutrophils_10e9_l', 0.4)], expect: 'triggered' },
  { rule: 'neutrophils-not-recommended', drug: 'tocilizumab', set: [ok('neutrophils_10e9_l', 1.2)], expect: 'clear' },
  { rule: 'neutrophils-not-recommended', drug: 'tocilizumab', set: [missing('neutrophils_10e9_l')], expect: 'unknown' },
  { rule: 'neutrophils-caution', drug: 'tocilizumab', set: [ok('neutrophils_10e9_l', 1.2)], expect: 'triggered' },
  { rule: 'neutrophils-caution', drug: 'tocilizumab', set: [ok('neutrophils_10e9_l', 0.4)], expect: { covered: 'neutrophils-not-recommended' } },
  { rule: 'neutrophils-caution', drug: 'tocilizumab', expect: 'clear' },
  { rule: 'platelets-do-not-start', drug: 'leflunomide', set: [ok('platelets_10e9_l', 90)], expect: 'triggered' },
  { rule: 'platelets-do-not-start', drug: 'leflunomide', expect: 'clear' },
  { rule: 'platelets-do-not-start', drug: 'teriflunomide', drop: ['platelets_10e9_l'], expect: 'unknown' },
  { rule: 'platelets-not-recommended', drug: 'sarilumab', set: [ok('platelets_10e9_l', 140)], expect: 'triggered' },
  { rule: 'platelets-not-recommended', drug: 'sarilumab', expect: 'clear' },
  { rule: 'platelets-not-recommended', drug: 'tocilizumab', set: [missing('platelets_10e9_l')], expect: 'unknown' },
  { rule: 'platelets-caution', drug: 'tocilizumab', set: [ok('platelets_10e9_l', 80)], expect: 'triggered' },
  { rule: 'platelets-caution', drug: 'tocilizumab', expect: 'clear' },
  { rule: 'platelets-caution', drug: 'tocilizumab', set: [missing('platelets_10e9_l')], expect: { covered: 'platelets-not-recommended' } },
  { rule: 'liver-do-not-start', drug: 'teriflunomide', set: [ok('alt_x_uln', 2.4)], expect: 'triggered', params: { limit: 2 } },
  { rule: 'liver-do-not-start', drug: 'methotrexate', set: [missing('alt_x_uln'), ok('ast_x_uln', 3.5)], expect: 'triggered', name: 'AST alone suffices' },
  { rule: 'liver-do-not-start', drug: 'leflunomide', expect: 'clear' },
  { rule: 'liver-do-not-start', drug: 'methotrexate', set: [missing('alt_x_uln'), missing('ast_x_uln')], expect: 'unknown' },
  { rule: 'liver-not-recommended', drug: 'sarilumab', set: [ok('alt_x_uln', 1.6)], expect: 'triggered' },
  { rule: 'liver-not-recommended', drug: 'tocilizumab', set: [ok('alt_x_uln', 5.5)], expect: 'triggered' },
  { rule: 'liver-not-recommended', drug: 'tocilizumab', set: [ok('alt_x_uln', 2)], expect: 'clear' },
  { rule: 'liver-not-recommended', drug: 'sarilumab', set: [stale('alt_x_uln', 0.5), missing('ast_x_uln')], expect: 'unknown', params: { gap: 'stale' } },
  { rule: 'liver-caution', drug: 'tocilizumab', set: [ok('alt_x_uln', 2)], expect: 'triggered' },
  { rule: 'liver-caution', drug: 'ozanimod', set: [ok('ast_x_uln', 3.2)], expect: 'triggered' },
  { rule: 'liver-caution', drug: 'risankizumab', set: [ok('alt_x_uln', 2.9)], expect: 'clear' },
  { rule: 'liver-caution', drug: 'cladribine', set: [missing('alt_x_uln'), missing('ast_x_uln')], expect: 'unknown' },
  { rule: 'liver-caution', drug: 'methotrexate', set: [ok('alt_x_uln', 4)], expect: { covered: 'liver-do-not-start' } },
  { rule: 'liver-caution', drug: 'adalimumab', set: [ok('alt_x_uln', 9)], expect: 'clear', name: 'no transaminase rule for anti-TNF' },
  { rule: 'renal-contraindicated', drug: 'cladribine', set: [ok('egfr_ml_min', 55)], expect: 'triggered' },
  { rule: 'renal-contraindicated', drug: 'methotrexate', set: [ok('egfr_ml_min', 45)], expect: 'clear' },
  { rule: 'renal-contraindicated', drug: 'cladribine', set: [missing('egfr_ml_min')], expect: 'unknown' },
  { rule: 'renal-not-recommended', drug: 'baricitinib', set: [ok('egfr_ml_min', 25)], expect: 'triggered' },
  { rule: 'renal-not-recommended', drug: 'filgotinib', set: [ok('egfr_ml_min', 25)], expect: 'clear' },
  { rule: 'renal-not-recommended', drug: 'filgotinib', set: [missing('egfr_ml_min')], expect: 'unknown' },
  { rule: 'renal-dose-reduce', drug: 'baricitinib', set: [ok('egfr_ml_min', 45)], expect: 'triggered' },
  { rule: 'renal-dose-reduce', drug: 'methotrexate', set: [ok('egfr_ml_min', 45)], expect: 'triggered' },
  { rule: 'renal-dose-reduce', drug: 'methotrexate', set: [ok('egfr_ml_min', 25)], expect: { covered: 'renal-contraindicated' } },
  { rule: 'renal-dose-reduce', drug: 'filgotinib', expect: 'clear' },
  { rule: 'anti-cd20-igg', drug: 'ocrelizumab', set: [ok('igg_g_l', 5.1)], expect: 'triggered' },
  { rule: 'anti-cd20-igg', drug: 'rituximab', expect: 'clear' },
  { rule: 'anti-cd20-igg', drug: 'ublituximab', set: [missing('igg_g_l')], expect: 'unknown' },
  { rule: 'lymphocytes-do-not-start', drug: 'ozanimod', set: [ok('lymphocytes_10e9_l', 0.15)], expect: 'triggered', name: 'S1P: grade-4 lymphopenia, do not start' },
];

/** A live vaccine in the window whose Immunization carries no date. */
function okUndatedVaccine() {
  return { name: 'live_vaccine_recent' as const, state: 'ok' as const, value: true, unit: null, sources: ['Immunization/x'], matchedBy: 'code' as const };
}
