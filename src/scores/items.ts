/**
 * Reading and validating score items. One `ItemReader` per computation collects, for every item,
 * what was used (computedFrom), what was absent (missing) and what was out of range (problems), so
 * that each score file only states its item rules and its arithmetic.
 */
import type { ComputedFromItem, ItemInput, ScoreId, ScoreResult, SourcedValue } from './types.ts';

/** Range rule of a numeric item. `allowed` lists the only admissible values (e.g. 0, 2, 5). */
export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclusive lower bound (e.g. ESR > 0 because ln(0) is undefined). */
  above?: number;
  integer?: boolean;
  allowed?: readonly number[];
  unit?: string;
}

function isSourced<T extends number | boolean>(input: ItemInput<T>): input is SourcedValue<T> {
  return typeof input === 'object' && input !== null;
}

/**
 * Rounds half away from zero to `decimals` places, as scores are rounded by hand. The product is
 * first cut to 12 significant digits so binary noise (2.8499999999999996) does not flip a half.
 */
export function roundHalfUp(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const rounded = (Math.sign(x) * Math.round(scaled)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function describeRule(rule: NumberRule): string {
  if (rule.allowed) return `one of ${rule.allowed.join(', ')}`;
  const parts: string[] = [];
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  if (rule.integer) parts.push('a whole number');
  return parts.join(' and ') + (rule.unit ? ` ${rule.unit}` : '');
}

/** Collects items, gaps and range problems for one score computation. */
export class ItemReader {
  readonly computedFrom: ComputedFromItem[] = [];
  readonly missing: string[] = [];
  readonly problems: string[] = [];

  private record(item: string, input: ItemInput<number> | ItemInput<boolean>, value: number | boolean | null): void {
    const entry: ComputedFromItem = { item, value };
    if (isSourced(input)) {
      if (input.sourceRef !== undefined) entry.sourceRef = input.sourceRef;
      if (input.date !== undefined) entry.date = input.date;
    }
    this.computedFrom.push(entry);
  }

  /** Reads a numeric item; returns null (and records why) when absent or out of range. */
  num(item: string, input: ItemInput<number>, rule: NumberRule): number | null {
    const raw = isSourced(input) ? input.value : input;
    if (raw === null || raw === undefined) {
      this.missing.push(item);
      this.record(item, input, null);
      return null;
    }
    this.record(item, input, raw);
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      this.problems.push(`${item}: not a finite number`);
      return null;
    }
    const ok =
      (rule.allowed === undefined || rule.allowed.includes(raw)) &&
      (rule.min === undefined || raw >= rule.min) &&
      (rule.max === undefined || raw <= rule.max) &&
      (rule.above === undefined || raw > rule.above) &&
      (!rule.integer || Number.isInteger(raw));
    if (!ok) {
      this.problems.push(`${item} = ${raw}: must be ${describeRule(rule)}`);
      return null;
    }
    return raw;
  }

  /** Reads a yes/no item; returns null (and records it as missing) when absent. */
  bool(item: string, input: ItemInput<boolean>): boolean | null {
    const raw = isSourced(input) ? input.value : input;
    if (raw === null || raw === undefined) {
      this.missing.push(item);
      this.record(item, input, null);
      return null;
    }
    this.record(item, input, raw);
    if (typeof raw !== 'boolean') {
      this.problems.push(`${item}: not true/false`);
      return null;
    }
    return raw;
  }

  /** Records a problem found across items (e.g. a subscore sum that cannot be). */
  problem(message: string): void {
    this.problems.push(message);
  }

  /**
   * Builds the result: invalid if any problem, incomplete if any item is missing, otherwise the
   * value and band from `compute`, which receives `values` with null excluded by that check (an
   * item is null only when it was recorded as missing or as a problem).
   */
  result<const T extends readonly unknown[]>(
    score: ScoreId,
    citation: string,
    values: T,
    compute: (present: NonNullTuple<T>) => { value: number; band: string | null },
  ): ScoreResult {
    const base = { score, citation, missing: [...this.missing], computedFrom: [...this.computedFrom] };
    if (this.problems.length > 0) {
      return { ...base, value: null, band: null, status: 'invalid', reason: this.problems.join('; ') };
    }
    if (this.missing.length > 0 || !allPresent(values)) {
      return { ...base, value: null, band: null, status: 'incomplete' };
    }
    const { value, band } = compute(values);
    if (!Number.isFinite(value)) {
      return { ...base, value: null, band: null, status: 'invalid', reason: 'the formula gave no finite value' };
    }
    return { ...base, value, band, status: 'complete' };
  }
}

function allPresent<T extends readonly unknown[]>(values: T): values is T & NonNullTuple<T> {
  return values.every((v) => v !== null);
}

/** A tuple with null removed from every member. */
export type NonNullTuple<T extends readonly unknown[]> = { [K in keyof T]: Exclude<T[K], null> };
