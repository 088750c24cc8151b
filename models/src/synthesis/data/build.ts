/** Compact constructors for the per-indication evidence tables (data/*.ts). */
import { propArm } from '../arms.ts';
import type { StudyData } from '../types.ts';

/** [drug or null, percent, n, modifier values]. */
export type ArmSpec = [string | null, number, number, Record<string, number>?];

/** A proportion study: levels of [endpoint, rows, arms]. */
export function pStudy(o: {
  id: string;
  trial?: string;
  label: string;
  year: number;
  covariates: Record<string, number>;
  fit?: boolean;
  notes: string;
  levels: [string, string[], ArmSpec[]][];
}): StudyData {
  return {
    id: o.id,
    trial: o.trial ?? o.id,
    label: o.label,
    year: o.year,
    covariates: o.covariates,
    fit: o.fit ?? true,
    notes: o.notes,
    levels: o.levels.map(([endpoint, rows, arms]) => ({ endpoint, rows, arms: arms.map(([d, pct, n, z]) => propArm(d, pct / 100, n, z ?? {})) })),
  };
}
