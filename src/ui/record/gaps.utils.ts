/**
 * The data-gaps panel's content: the record's gaps plus the excluded/unreadable resources the
 * extractor reported as problem messages, grouped by state, the inputs that matter most first. Pure.
 */
import { CATALOGUE, type DataGap, type ExtractedRecord } from '../../extract/index.ts';
import { priorityOf, refsInText, type Priority } from './recordView.utils.ts';

export const GAP_STATES = ['missing', 'stale', 'implausible', 'unknown-unit', 'excluded', 'unreadable'] as const satisfies ReadonlyArray<DataGap['state']>;

export interface RankedGap extends DataGap {
  priority: Priority;
}

export interface GapGroups {
  groups: Array<{ state: DataGap['state']; gaps: RankedGap[] }>;
  /** Problem messages that are neither an exclusion nor an unreadable resource. */
  notes: string[];
}

/**
 * Problem messages of src/extract (observations.ts, medications.ts, extract.ts) that concern one
 * resource: "… excluded: status entered-in-error", "… not counted as exposure: status cancelled"
 * are exclusions; "… could not be read", "… not used: unreadable date", "… no usable value" mean the
 * resource was there but unreadable. The wording is the extractor's; anything else stays a note.
 */
export function problemGaps(problems: readonly string[]): { gaps: DataGap[]; notes: string[] } {
  const gaps: DataGap[] = [];
  const notes: string[] = [];
  for (const reason of problems) {
    const sources = refsInText(reason);
    if (sources.length > 0 && /\bexcluded\b|not counted as exposure/i.test(reason)) gaps.push({ input: null, state: 'excluded', reason, sources });
    else if (sources.length > 0 && /could not be read|not used:|unreadable|no usable value|without value/i.test(reason)) gaps.push({ input: null, state: 'unreadable', reason, sources });
    else notes.push(reason);
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
