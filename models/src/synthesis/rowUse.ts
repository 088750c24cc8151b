/**
 * How each calibration.csv row of an indication is used now: in the network (fitted), as a
 * leave-one-trial-out check only, as a test vector (NMA rows), or not at all with the simulator
 * configuration's reason (model card, section 7).
 */
import type { RowUse } from '../simulate/types.ts';
import type { Network } from './types.ts';

/** Row uses derived from the network, falling back to the configuration's stated reason. */
export function rowUses(net: Network, configured: RowUse[]): RowUse[] {
  const use = new Map<string, string[]>();
  const add = (row: string, text: string): void => {
    use.set(row, [...(use.get(row) ?? []), text]);
  };
  for (const s of net.studies) {
    const rows = [...new Set([...s.levels.flatMap((l) => l.rows), ...(s.scoreOnly ?? []).flatMap((l) => l.rows)])];
    for (const r of rows)
      add(r, s.fit ? `network meta-analysis and baseline model: ${s.label}` : `leave-one-trial-out check only (overlaps fitted strata): ${s.label}`);
  }
  return configured.map((c) => {
    const u = use.get(c.id);
    if (u) return { id: c.id, use: [...new Set(u)].join('; ') };
    if (c.id.startsWith('NMA'))
      return { id: c.id, use: `test vector of the synthesis where it applies (tests/models/nmaRows.test.ts); not an input. Previously: ${c.use}` };
    return {
      id: c.id,
      use: c.use.startsWith('not mapped') ? c.use : `not in the synthesis (no arm pair on the model endpoint usable here); previously: ${c.use}`,
    };
  });
}
