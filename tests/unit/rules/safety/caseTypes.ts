/** Shape of one table-driven safety case. */
import type { InputName } from '@src/extract/catalogue.ts';
import type { InputValue } from '@src/extract/values.ts';
import type { MessageParams, RuleId } from '@src/rules/safety/types.ts';

export interface Case {
  rule: RuleId;
  drug: string;
  /** Facts replacing the baseline's. */
  set?: InputValue[];
  /** Facts removed entirely (not provided by the data layer). */
  drop?: InputName[];
  /** `clear`: no flag of this rule; `covered`: no flag of this rule, and one of the covering rule. */
  expect: 'triggered' | 'unknown' | 'clear' | { covered: RuleId };
  variant?: string;
  /** Params the flag must carry (subset). */
  params?: MessageParams;
  /** Exact English text. */
  text?: string;
  textIncludes?: string;
  name?: string;
}
