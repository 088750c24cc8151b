import type { ReasonKey } from '../../extract/reasons.ts';

/** One language's texts of every reason key (src/extract/reasons.ts): a key without a text is a type error. */
export type ReasonTable = Readonly<Record<ReasonKey, string>>;
