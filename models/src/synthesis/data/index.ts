/** The four evidence networks. */
import type { Network } from '../types.ts';
import { CD_NETWORK } from './cd.ts';
import { RA_NETWORK } from './ra.ts';
import { RMS_NETWORK } from './rms.ts';
import { UC_NETWORK } from './uc.ts';

/** Network per indication id. */
export const NETWORKS: Record<'cd' | 'uc' | 'ra' | 'rms', Network> = { cd: CD_NETWORK, uc: UC_NETWORK, ra: RA_NETWORK, rms: RMS_NETWORK };
