/** The four indication simulators, in artefact order. */
import { CD } from './cd.ts';
import { UC } from './uc.ts';
import { RA } from './ra.ts';
import { RMS } from './rms.ts';
import type { Indication, IndicationConfig } from './types.ts';

export const CONFIGS: Record<Indication, IndicationConfig> = { cd: CD, uc: UC, ra: RA, rms: RMS };
export const INDICATIONS: Indication[] = ['cd', 'uc', 'ra', 'rms'];
