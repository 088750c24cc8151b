/**
 * From simulated records to the model's design matrix, through the same reference encoder the app
 * uses (spec.ts), so training and inference cannot disagree on the encoding.
 */
import type { InputDef, PatientRecord } from '../simulate/types.ts';
import type { SpecColumn, SpecInput } from '../../../contract/spec.ts';
import { encode, rawInputColumns, SPEC_FORMAT } from '../../../contract/spec.ts';
import type { ModelSpec } from '../../../contract/spec.ts';

/** Spec inputs from the simulator's input definitions: inputs that can be missing get an indicator. */
export function specInputs(defs: InputDef[]): SpecInput[] {
  return defs.map((d) => {
    const s: SpecInput = {
      name: d.name,
      meaning: d.meaning,
      unit: d.unit,
      type: d.type,
      missing:
        d.missingRate > 0
          ? { indicator: true, fill: 'each value column at its center (training mean); indicator column `' + d.name + '__missing` = 1' }
          : { indicator: false, fill: 'never missing in training; filled at the training mean (encoded 0) and reported as a data gap' },
    };
    if (d.proxies && d.missingRate > 0) s.missing.proxies = d.proxies;
    if (d.levels) s.levels = d.levels;
    if (d.transform) s.transform = d.transform;
    if (d.range) s.range = d.range;
    return s;
  });
}

/** Fits column centers (mean of observed raw values) and scales (SD for numeric values, else 1). */
export function fitColumns(inputs: SpecInput[], records: PatientRecord[]): SpecColumn[] {
  const cols: SpecColumn[] = [];
  for (const inp of inputs) {
    const names: { name: string; kind: SpecColumn['kind']; level?: string }[] = [];
    if (inp.type === 'categorical') for (const l of inp.levels ?? []) names.push({ name: `${inp.name}=${l}`, kind: 'level', level: l });
    else names.push({ name: inp.name, kind: 'value' });
    if (inp.missing.indicator) names.push({ name: `${inp.name}__missing`, kind: 'missing' });
    const sums = names.map(() => ({ s: 0, s2: 0, n: 0 }));
    for (const r of records) {
      const { raw } = rawInputColumns(inp, r[inp.name]);
      raw.forEach((v, k) => {
        const acc = sums[k];
        if (acc && !Number.isNaN(v)) {
          acc.s += v;
          acc.s2 += v * v;
          acc.n += 1;
        }
      });
    }
    names.forEach((c, k) => {
      const acc = sums[k] ?? { s: 0, s2: 0, n: 0 };
      const center = acc.n > 0 ? acc.s / acc.n : 0;
      const sd = acc.n > 1 ? Math.sqrt(Math.max(0, acc.s2 / acc.n - center * center)) : 1;
      const scale = inp.type === 'numeric' && c.kind === 'value' && sd > 1e-9 ? sd : 1;
      const col: SpecColumn = { index: cols.length, name: c.name, input: inp.name, kind: c.kind, center: roundSig(center), scale: roundSig(scale) };
      if (c.level !== undefined) col.level = c.level;
      cols.push(col);
    });
  }
  return withProxies(inputs, cols, records);
}

/** Appends proxy columns (spec.ts) with centers and scales fitted on the encoded training records. */
function withProxies(inputs: SpecInput[], base: SpecColumn[], records: PatientRecord[]): SpecColumn[] {
  const pairs = inputs.flatMap((a) => (a.missing.proxies ?? []).map((b) => ({ a: a.name, b })));
  if (pairs.length === 0) return base;
  const partial = { format: SPEC_FORMAT, inputs, columns: base } as unknown as ModelSpec;
  const acc = pairs.map(() => ({ s: 0, s2: 0 }));
  for (const r of records) {
    const { x, missing } = encode(partial, r);
    pairs.forEach((p, k) => {
      const src = base.find((c) => c.input === p.b && c.kind === 'value');
      const v = missing.includes(p.a) && src ? (x[src.index] ?? 0) : 0;
      const a = acc[k];
      if (a) {
        a.s += v;
        a.s2 += v * v;
      }
    });
  }
  const out = [...base];
  pairs.forEach((p, k) => {
    const a = acc[k] ?? { s: 0, s2: 0 };
    const center = a.s / records.length;
    const sd = Math.sqrt(Math.max(0, a.s2 / records.length - center * center));
    out.push({
      index: out.length,
      name: `${p.b}|${p.a}__missing`,
      input: p.a,
      kind: 'proxy',
      proxy: p.b,
      center: roundSig(center),
      scale: roundSig(sd > 1e-9 ? sd : 1),
    });
  });
  return out;
}

/** Rounds to 8 significant digits so spec.json stays readable and exact to float32. */
function roundSig(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(8));
}
