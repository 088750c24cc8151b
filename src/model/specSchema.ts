/**
 * spec.json as the app loads it: a strict zod schema of the model contract (models/src/spec.ts
 * `ModelSpec`), every problem reported at once, then the contract's own consistency checks
 * (`validateSpec`: column indices, every input's columns). On top, what only the loader knows:
 * the spec must be for the indication it is loaded for (a Crohn's patient must never be ranked with a
 * UC model placed in the CD folder), and its model file must be a plain relative path beside it (a
 * URL or `../` could make the app run a model from anywhere).
 */
import { z } from 'zod';
import { SPEC_FORMAT, validateSpec, type ModelSpec } from '../../contract/spec.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const InputSchema = z.strictObject({
  name: z.string().min(1),
  meaning: z.string(),
  unit: z.string(),
  type: z.enum(['numeric', 'binary', 'categorical']),
  levels: z.array(z.string().min(1)).min(1).optional(),
  transform: z.literal('log').optional(),
  range: z.tuple([finite, finite]).optional(),
  missing: z.strictObject({ indicator: z.boolean(), fill: z.string(), proxies: z.array(z.string()).optional() }),
});

const ColumnSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  name: z.string().min(1),
  input: z.string().min(1),
  kind: z.enum(['value', 'level', 'missing', 'proxy']),
  level: z.string().optional(),
  proxy: z.string().optional(),
  center: finite,
  scale: finite.refine((v) => v > 0, 'must be positive'),
});

/**
 * Why `file` is not a plain relative path to a model beside spec.json, or null. No scheme
 * (`https:`, `javascript:`, `data:`), no leading `/` or `//`, no `..` or `.` segments (also
 * percent-encoded), no backslash, query or fragment: the file is always `<models>/<indication>/<file>`.
 */
export function modelFileProblem(file: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file)) return 'must be a relative path, not a URL';
  if (file.startsWith('/')) return 'must be a relative path beside spec.json, not an absolute one';
  if (/[\\?#\s]/.test(file)) return 'must not contain backslashes, spaces, "?" or "#"';
  const segments = file.split('/');
  if (segments.some((s) => s === '' || /^(\.|%2e){1,2}$/i.test(s))) return 'must not contain empty, "." or ".." segments';
  if (!/\.onnx$/i.test(file)) return 'must name an .onnx file';
  return null;
}

const SpecSchema = z.strictObject({
  format: z.literal(SPEC_FORMAT),
  indication: z.string().min(1),
  title: z.string(),
  modelVersion: z.string().min(1),
  onnx: z.strictObject({
    file: z.string().superRefine((f, ctx) => {
      const problem = modelFileProblem(f);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
    irVersion: z.number().int(),
    opset: z.number().int(),
    input: z.strictObject({ name: z.string().min(1), shape: z.tuple([z.string(), z.number().int().positive()]) }),
    outputs: z.array(z.strictObject({ name: z.string().min(1), shape: z.array(z.union([z.string(), z.number()])), meaning: z.string() })).min(1),
  }),
  inputs: z.array(InputSchema).min(1),
  columns: z.array(ColumnSchema).min(1),
  encoding: z.string().optional(),
  outputs: z
    .strictObject({
      endpoint: z.string().min(1),
      horizon: z.string().min(1),
      drugs: z.array(z.string().min(1)).min(1),
      members: z.number().int().positive(),
      interval: z.strictObject({
        definition: z.string(),
        z: finite,
        nominal: finite,
        ensembleVarianceFactor: finite.optional(),
        missingVarianceFactor: finite.optional(),
        calibration: z.string().optional(),
        /** Per drug (outputs.drugs order): the evidence synthesis's logit variance, already inside the graph's interval. */
        evidenceVariance: z.array(finite.nonnegative()).optional(),
      }),
    })
    .refine((o) => o.interval.evidenceVariance === undefined || o.interval.evidenceVariance.length === o.drugs.length, {
      message: 'interval.evidenceVariance must give one variance per drug',
      path: ['interval', 'evidenceVariance'],
    }),
  explanation: z.strictObject({ kind: z.enum(['linear-logit', 'linear-logit+current-therapy']), note: z.string() }),
  training: z.record(z.string(), z.union([z.string(), z.number()])),
  warning: z.string(),
});

/** One line per problem: where in spec.json, and what. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'spec.json';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}: ${issue.message}`;
}

/**
 * Validates spec.json for one indication.
 * @param json the parsed file
 * @param indication the indication the model is loaded for (CD, UC, RA, RMS; any case)
 * @throws Error naming every problem found (the loader turns it into a `spec-invalid` ModelError)
 */
export function parseModelSpec(json: unknown, indication: string): ModelSpec {
  const result = SpecSchema.safeParse(json);
  const problems = result.success ? [] : result.error.issues.map(describeIssue);
  const declared = typeof json === 'object' && json !== null ? (json as { indication?: unknown }).indication : undefined;
  if (typeof declared === 'string' && declared.toLowerCase() !== indication.toLowerCase()) {
    problems.push(`indication: the spec is for "${declared}", but it was loaded for ${indication.toUpperCase()}`);
  }
  if (problems.length > 0) throw new Error(`invalid model spec: ${problems.join('; ')}`);
  // The contract's cross-field checks (column order, each input's columns, proxies).
  return validateSpec(json);
}
