/** Turning a series of dated points into one catalogue input value: look-back, staleness, plausibility. */
import { because, inputRef, joinReasons, type Reason } from './reasons.ts';
import { CATALOGUE_BY_NAME, type InputName } from './catalogue.ts';
import { daysSince } from './dates.ts';
import type { ObservationPoint } from './observations.ts';
import { implausibleReason } from './units.ts';
import type { InputScalar, InputValue } from './values.ts';

/** Points of the given concepts within the input's look-back window, oldest first. */
export function pointsInWindow(series: Record<string, ObservationPoint[]>, concepts: readonly string[], name: InputName, now: Date): ObservationPoint[] {
  const lookback = CATALOGUE_BY_NAME[name].lookbackDays;
  return concepts
    .flatMap((c) => series[c] ?? [])
    .filter((p) => lookback === null || daysSince(p.date, now) <= lookback)
    .sort((a, b) => a.date.start.getTime() - b.date.start.getTime());
}

/** Wrap a value with the evidence of a point, applying staleness and the catalogue range. */
export function fromPoint(name: InputName, p: ObservationPoint, value: InputScalar, now: Date, extraNote?: string, extraNoteWhy?: Reason): InputValue {
  const def = CATALOGUE_BY_NAME[name];
  const note = [p.note, extraNote].filter(Boolean).join('; ');
  // Typed only when every part of the note is: a half-translated note would hide the other half.
  const noteWhy = (!p.note || p.noteWhy) && (!extraNote || extraNoteWhy) ? joinReasons(p.noteWhy, extraNoteWhy) : undefined;
  const evidence = {
    name,
    unit: def.unit === 'a' || def.unit === 'mo' ? def.unit : (p.unit ?? def.unit),
    date: p.date.raw,
    precision: p.date.precision,
    sources: [...p.sources],
    matchedBy: p.matchedBy,
    original: p.original,
    ...(note ? { note } : {}),
    ...(note && noteWhy ? { noteWhy } : {}),
  };
  if (p.state === 'unknown-unit')
    return {
      ...evidence,
      unit: def.unit,
      state: 'unknown-unit',
      reason: p.reason ?? 'unit not convertible',
      why: p.why ?? because('unit-not-convertible-generic'),
    };
  if (p.state === 'implausible' && typeof p.value === 'number')
    return { ...evidence, state: 'implausible', value: p.value, reason: p.reason ?? 'implausible value', why: p.why ?? because('implausible-generic') };
  if (typeof value === 'number' && def.range) {
    const reason = implausibleReason('score', value, def.range);
    if (reason)
      return {
        ...evidence,
        state: 'implausible',
        value,
        reason: `${def.meaning}: ${value} outside ${def.range[0]}-${def.range[1]}`,
        why: because('outside-range', { input: inputRef(name), value, low: def.range[0], high: def.range[1] }),
      };
  }
  const age = Math.floor(daysSince(p.date, now));
  if (def.staleAfterDays !== null && age > def.staleAfterDays) {
    return {
      ...evidence,
      state: 'stale',
      value,
      ageDays: age,
      reason: `last recorded ${p.date.raw} (${age} days ago; older than ${def.staleAfterDays} days)`,
      why: because('stale', { date: p.date.raw, days: age, limit: def.staleAfterDays }),
    };
  }
  return { ...evidence, state: 'ok', value };
}

/** Latest numeric point of the concepts, as an input value; missing with a reason when none. */
export function latestNumber(name: InputName, series: Record<string, ObservationPoint[]>, concepts: readonly string[], now: Date, label: string): InputValue {
  const pts = pointsInWindow(series, concepts, name, now).filter((p) => p.value !== undefined || p.state === 'unknown-unit');
  const p = pts.at(-1);
  if (!p) {
    const older = concepts.flatMap((c) => series[c] ?? []).length;
    const lookback = CATALOGUE_BY_NAME[name].lookbackDays;
    return {
      name,
      state: 'missing',
      sources: [],
      reason: older > 0 && lookback !== null ? `no ${label} in the last ${Math.round(lookback / 365)} years (older values exist)` : `no ${label} recorded`,
      why:
        older > 0 && lookback !== null
          ? because('not-in-window', { input: inputRef(name), years: Math.round(lookback / 365) })
          : because('not-recorded', { input: inputRef(name) }),
    };
  }
  return fromPoint(name, p, p.value ?? Number.NaN, now);
}

/** Latest category/qualitative point of the concepts. */
export function latestCategory(
  name: InputName,
  series: Record<string, ObservationPoint[]>,
  concepts: readonly string[],
  now: Date,
  label: string,
): ObservationPoint | InputValue {
  const p = pointsInWindow(series, concepts, name, now)
    .filter((x) => x.category !== undefined || x.interpretation !== undefined || x.value !== undefined)
    .at(-1);
  return p ?? { name, state: 'missing', sources: [], reason: `no ${label} recorded`, why: because('not-recorded', { input: inputRef(name) }) };
}
