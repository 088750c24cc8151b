/** Safety facts (catalogue `use: 'safety'`): the derivation lives in ./safety/ (one file per group of facts). */
export { deriveSafetyFacts, readOtherMedications, type OtherMedication, type SafetyContext } from './safety/index.ts';
