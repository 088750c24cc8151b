/**
 * The data-gaps panel's content: the record's gaps plus the excluded/unreadable resources the
 * extractor reported as typed problems, grouped by state, the inputs that matter most first. Pure.
 */
import { CATALOGUE, type DataGap, type ExtractedRecord, type ExtractProblem } from '../../extract/index.ts';
import { priorityOf, refsInText, type Priority } from './recordView.utils.ts';

export const GAP_STATES = ['missing', 'stale', 'implausible', 'unknown-unit', 'excluded', 'unreadable'] as const satisfies ReadonlyArray<DataGap['state']>;

export interface RankedGap extends DataGap {
  priority: Priority;
}

export interface GapGroups {
  groups: Array<{ state: DataGap['state']; gaps: RankedGap[] }>;
  /** Problem messages that are neither an exclusion nor an unreadable resource. */
  notes: ExtractProblem[];
}

/**
 * The extractor's problems that concern one resource become gaps by their kind (src/extract/problems.ts):
 * `excluded` (entered-in-error, refuted, cancelled, not counted as exposure) and `unreadable` (there
 * but not usable), each with the resources its message names. A problem naming no resource, and every
 * `note`, stays a note.
 */
export function problemGaps(problems: readonly ExtractProblem[]): { gaps: DataGap[]; notes: ExtractProblem[] } {
  const gaps: DataGap[] = [];
  const notes: ExtractProblem[] = [];
  for (const problem of problems) {
    const reason = problem.message;
    const sources = refsInText(reason);
    switch (problem.kind) {
      case 'excluded':
      case 'unreadable':
        if (sources.length > 0) gaps.push({ input: null, state: problem.kind, reason, ...(problem.why ? { why: problem.why } : {}), sources });
        else notes.push(problem);
        break;
      case 'note':
        notes.push(problem);
        break;
    }
  }
  return { gaps, notes };
}

const ORDER: Record<Priority, number> = { model: 0, safety: 1, other: 2 };
const CATALOGUE_POSITION = new Map(CATALOGUE.map((d, i) => [d.name, i]));

/**
 * Gaps grouped by state in {@link GAP_STATES} order (empty groups left out); within a group, model
 * inputs of the patient's indication first, then safety facts, then the rest, each in catalogue order.
 */
export function groupGaps(record: ExtractedRecord): GapGroups {
  const fromProblems = problemGaps(record.problems);
  // Should the extractor report a resource as an excluded/unreadable gap itself, it is not listed twice.
  const known = new Set(record.gaps.flatMap((g) => g.sources.map((ref) => `${g.state}|${ref}`)));
  const extra = fromProblems.gaps.filter((g) => !g.sources.every((ref) => known.has(`${g.state}|${ref}`)));
  const all: RankedGap[] = [...record.gaps, ...extra].map((g) => ({ ...g, priority: priorityOf(g.input, record) }));
  const position = (g: RankedGap) => (g.input ? (CATALOGUE_POSITION.get(g.input) ?? 999) : 1000);
  all.sort((a, b) => ORDER[a.priority] - ORDER[b.priority] || position(a) - position(b));
  const groups = GAP_STATES.map((state) => ({ state, gaps: all.filter((g) => g.state === state) })).filter((g) => g.gaps.length > 0);
  return { groups, notes: fromProblems.notes };
}
