/** One verified code: a row of terminology/codes.csv or a hand-added code with its source. */
export interface CodeRow {
  /** Concept key, e.g. `dx.crohns_disease`, `lab.crp`, `drug.adalimumab`. */
  concept: string;
  /** Canonical system URI (see systems.ts for the aliases that normalise to it). */
  system: string;
  /** Empty when no code was found (the row documents the search). */
  code: string;
  display: string;
  /** Where the code was verified; starts with `verified`, `secondary` or `unverified`. */
  verifiedSource: string;
}

/** A coding as found in a resource, loosely typed: real records omit system, code or both. */
export interface LooseCoding {
  system?: string | undefined;
  version?: string | undefined;
  code?: string | undefined;
  display?: string | undefined;
}

/** How a code set member was recognised. */
export type MatchedBy = 'code' | 'text';

/** The result of matching a CodeableConcept against a concept. */
export interface ConceptMatch {
  concept: string;
  matchedBy: MatchedBy;
  /** The coding that matched (for `text` matches: the text, with no system). */
  coding: LooseCoding;
  /** Source of the code (codes.csv verified_source or the hand-added source). */
  source: string;
}
