/** Every scenario of the suite, by indication. */
import type { Scenario } from '../expect.ts';
import { CD_SCENARIOS } from './cd.ts';
import { RA_SCENARIOS } from './ra.ts';
import { RMS_SCENARIOS } from './rms.ts';
import { UC_SCENARIOS } from './uc.ts';

export const SCENARIOS: readonly Scenario[] = [...CD_SCENARIOS, ...UC_SCENARIOS, ...RA_SCENARIOS, ...RMS_SCENARIOS];
