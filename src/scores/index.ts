/**
 * Clinical activity scores and published reference scores (rules layer). Pure functions: plain
 * numbers and booleans in (optionally with their FHIR source and date), a {@link ScoreResult} out.
 * Each score file cites its publication, formula version, bands and rounding.
 */
export type { ComputedFromItem, DatedEvent, DateWindow, ItemInput, MsYearOneInput, ScoreId, ScoreResult, ScoreStatus, SourcedValue } from './types.ts';
export { roundHalfUp } from './items.ts';
export { LOINC_EQUIVALENTS, SCORE_CODES, SCORES_CODE_SYSTEM, scoreDisplay, scoresCodeSystem } from './codes.ts';
export type { ScoreCode, ScoreConcept, ScoreItemCode } from './codes.ts';

export { HBI_CITATION, HBI_COMPLICATIONS, harveyBradshaw, hbiBand } from './hbi.ts';
export type { HbiInput } from './hbi.ts';
export { CDAI_CD_CITATION, cdaiCrohn, cdaiCrohnBand, standardWeightFromHeight } from './cdaiCrohn.ts';
export type { CdaiCrohnInput, Sex } from './cdaiCrohn.ts';
export { MAYO_FULL_CITATION, MAYO_PARTIAL_CITATION, mayoFull, mayoFullBand, mayoPartial, mayoPartialBand } from './mayo.ts';
export type { MayoFullInput, MayoPartialInput } from './mayo.ts';
export { DAS28_CRP_CITATION, DAS28_ESR_CITATION, das28Band, das28Crp, das28Esr } from './das28.ts';
export type { Das28CrpInput, Das28EsrInput } from './das28.ts';
export { CDAI_RA_CITATION, SDAI_CITATION, cdaiRa, cdaiRaBand, sdai, sdaiBand } from './cdaiRa.ts';
export type { CdaiRaInput, SdaiInput } from './cdaiRa.ts';
export { ARR_CITATION, annualisedRelapseRate, countRelapses, relapsesInWindow } from './arr.ts';
export type { RelapseCount } from './arr.ts';
export { EDSS_CITATION, edssTrend, isEdssStep, requiredEdssIncrease } from './edss.ts';
export type { DisabilityProgression, EdssAssessment, EdssTrendOptions, EdssTrendResult } from './edss.ts';
export { NEDA3_CITATION, neda3 } from './neda3.ts';
export type { Neda3Input } from './neda3.ts';
export { VEDO_CDST_CITATION, VEDO_CDST_POINTS, vedolizumabCdst, vedoCdstBand, vedoCdstCrpPoints } from './vedoCdst.ts';
export type { VedoCdstInput } from './vedoCdst.ts';
export { MODIFIED_RIO_CITATION, modifiedRio, modifiedRioBand } from './modifiedRio.ts';
export { MAGNIMS_CITATION, magnims, magnimsBand, magnimsValue } from './magnims.ts';
