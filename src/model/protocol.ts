import type * as Ort from 'onnxruntime-web';

/**
 * The message protocol between the page and the inference worker. The host side is a plain object
 * over an onnxruntime module, so tests run it in Node with the real runtime and the worker file is
 * only the wiring.
 */
export type WorkerRequest =
  | { id: number; type: 'init' }
  | { id: number; type: 'load'; key: string; bytes: ArrayBuffer; sha256: string }
  | { id: number; type: 'run'; key: string; input: string; x: Float32Array; rows: number; cols: number; outputs: string[] }
  | { id: number; type: 'warm'; key: string; input: string; rows: number; cols: number; outputs: string[] }
  | { id: number; type: 'dispose'; key: string };

export interface TensorOut {
  data: Float32Array;
  dims: number[];
}

export type WorkerResponse =
  | { id: number; ok: true; type: 'init'; ms: number }
  | { id: number; ok: true; type: 'load'; inputNames: string[]; outputNames: string[]; ms: number }
  | { id: number; ok: true; type: 'run'; outputs: Record<string, TensorOut>; ms: number }
  | { id: number; ok: true; type: 'warm'; ms: number }
  | { id: number; ok: true; type: 'dispose' }
  | { id: number; ok: false; code: 'hash-mismatch' | 'runtime-failed' | 'shape-mismatch'; message: string };

/** Lower-case hex SHA-256 of bytes (Web Crypto: browsers, workers and Node 20). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor' | 'env'>;

/**
 * A 138-byte ONNX model (one Identity node, written with models/src/onnx/proto.ts). Creating a
 * session from it makes the runtime fetch and compile its wasm at page start, while the FHIR
 * requests are in flight, instead of when the first real model is needed.
 */
const WARM_UP_MODEL =
  'CAgSGHRoZXJhcHktbmF2aWdhdG9yL21vZGVscxoBMSgBMiFJZGVudGl0eTsgc3RhcnRzIHRoZSB3YXNtIHJ1bnRpbWU6QAoUCgF4EgF5GgJpZCIISWRlbnRpdHkSBndhcm11cFoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCAhAR';

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * Holds the inference sessions. One request at a time is guaranteed by the caller (runtime.ts);
 * sessions are released on dispose. A model whose bytes do not hash to the spec's SHA-256 is
 * refused before the runtime sees it.
 */
export function createModelHost(ort: OrtModule) {
  const sessions = new Map<string, Ort.InferenceSession>();
  ort.env.wasm.numThreads = 1;

  async function handle(req: WorkerRequest): Promise<WorkerResponse> {
    const t0 = performance.now();
    try {
      switch (req.type) {
        case 'init': {
          const session = await ort.InferenceSession.create(base64Bytes(WARM_UP_MODEL), { executionProviders: ['wasm'] });
          const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1]), [1]) });
          Object.values(out).forEach((t) => t.dispose());
          await session.release();
          return { id: req.id, ok: true, type: 'init', ms: performance.now() - t0 };
        }
        case 'load': {
          const actual = await sha256Hex(req.bytes);
          if (actual !== req.sha256.toLowerCase()) {
            return { id: req.id, ok: false, code: 'hash-mismatch', message: `model file SHA-256 ${actual} does not match the spec's ${req.sha256}` };
          }
          await sessions.get(req.key)?.release();
          const session = await ort.InferenceSession.create(new Uint8Array(req.bytes), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
          sessions.set(req.key, session);
          return { id: req.id, ok: true, type: 'load', inputNames: [...session.inputNames], outputNames: [...session.outputNames], ms: performance.now() - t0 };
        }
        case 'run': {
          const session = sessions.get(req.key);
          if (!session) return { id: req.id, ok: false, code: 'runtime-failed', message: `model ${req.key} is not loaded` };
          if (req.x.length !== req.rows * req.cols) {
            return { id: req.id, ok: false, code: 'shape-mismatch', message: `x has ${req.x.length} values, expected ${req.rows}×${req.cols}` };
          }
          const feeds = { [req.input]: new ort.Tensor('float32', req.x, [req.rows, req.cols]) };
          const result = await session.run(feeds, req.outputs);
          const outputs: Record<string, TensorOut> = {};
          for (const name of req.outputs) {
            const t = result[name];
            if (!t) return { id: req.id, ok: false, code: 'shape-mismatch', message: `the model has no output "${name}"` };
            outputs[name] = { data: Float32Array.from(t.data as Float32Array), dims: [...t.dims] };
            t.dispose();
          }
          return { id: req.id, ok: true, type: 'run', outputs, ms: performance.now() - t0 };
        }
        case 'warm': {
          // A batch of reference rows (all zero: every column at its training mean) of the size the
          // explanation will run. The first large batch in a fresh runtime is 4-7 x slower than the
          // next (wasm memory growth, the kernels' first optimised compile; measured in Node with this
          // runtime: 4096 rows 76-126 ms first, 9-36 ms after); run while the page renders the ranking,
          // it takes that cost off the explanation.
          const session = sessions.get(req.key);
          if (!session) return { id: req.id, ok: false, code: 'runtime-failed', message: `model ${req.key} is not loaded` };
          const feeds = { [req.input]: new ort.Tensor('float32', new Float32Array(req.rows * req.cols), [req.rows, req.cols]) };
          const result = await session.run(feeds, req.outputs);
          Object.values(result).forEach((t) => t.dispose());
          return { id: req.id, ok: true, type: 'warm', ms: performance.now() - t0 };
        }
        case 'dispose':
          await sessions.get(req.key)?.release();
          sessions.delete(req.key);
          return { id: req.id, ok: true, type: 'dispose' };
      }
    } catch (e) {
      return { id: req.id, ok: false, code: 'runtime-failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  return { handle };
}
