/** Terminology module: code sets per concept with sources, system aliases, matching, drug catalogue. */
export { CODE_ROWS } from './codes.generated.ts';
export { CONCEPT_SETS, VALUE_SET_ROWS, type ConceptSetSummary } from './valueSets.generated.ts';
export { LOCAL_ROWS, ICD10_PREFIXES, CVX_SYSTEM } from './local.ts';
export { DRUGS, DRUGS_BY_KEY, RXNORM_PRODUCTS, PZN_PRODUCTS, type DrugClass, type DrugDefinition } from './drugs.ts';
export { SYSTEMS, normaliseSystem, normaliseCode, isAtcSystem, isIcd10System } from '../../../contract/systems.ts';
export { codingsOf, textOf, codeMatches, hasCodedCoding, textContains, normaliseText, matchDrug, type DrugMatch } from './match.ts';
export type { CodeRow, ConceptMatch, LooseCoding, MatchedBy } from './types.ts';

import { CODE_ROWS } from './codes.generated.ts';
import { LOCAL_ROWS } from './local.ts';
import { VALUE_SET_ROWS } from './valueSets.generated.ts';
import type { CodeRow } from './types.ts';

/** Every code row of a concept (codes.csv + local additions + published value-set expansions), with its source; empty-code rows skipped. */
export function codesOfConcept(concept: string): CodeRow[] {
  return [...CODE_ROWS, ...LOCAL_ROWS, ...VALUE_SET_ROWS].filter((r) => r.concept === concept && r.code !== '');
}
