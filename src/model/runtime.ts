import { ModelError } from './errors.ts';
import type { TensorOut, WorkerRequest, WorkerResponse } from './protocol.ts';

/** What the page needs from an inference worker (a real Worker, or an in-process host in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  terminate(): void;
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

const TIMEOUT_MS = 60_000;

/** Distributive Omit, so each request variant keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/**
 * The page side of the inference worker: requests are numbered and run one at a time (a queue),
 * each with a timeout, so a slow explanation can never interleave with a prediction.
 */
export class ModelRuntime {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Rows of the largest warm-up batch run per loaded model (see {@link ModelRuntime.warm}). */
  private readonly warmed = new Map<string, number>();

  constructor(private readonly createWorker: () => WorkerLike) {}

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (event) => {
      const p = this.pending.get(event.data.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(event.data.id);
      p.resolve(event.data);
    };
    this.worker = w;
    return w;
  }

  private send(body: RequestBody, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const run = (): Promise<WorkerResponse> =>
      new Promise<WorkerResponse>((resolve, reject) => {
        const id = this.nextId++;
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new ModelError('timeout', `the model runtime did not answer "${body.type}" within ${TIMEOUT_MS / 1000} s`));
        }, TIMEOUT_MS);
        this.pending.set(id, { resolve, reject, timer });
        this.ensureWorker().postMessage({ ...body, id }, transfer);
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private static check(r: WorkerResponse): Extract<WorkerResponse, { ok: true }> {
    if (!r.ok) throw new ModelError(r.code, r.message);
    return r;
  }

  /** Starts the worker and loads the runtime's JavaScript, ahead of the first model. */
  async warmUp(): Promise<number> {
    const r = ModelRuntime.check(await this.send({ type: 'init' }));
    return r.type === 'init' ? r.ms : 0;
  }

  /** Verifies the SHA-256 and creates the session; returns the model's input and output names. */
  async load(key: string, bytes: ArrayBuffer, sha256: string): Promise<{ inputNames: string[]; outputNames: string[]; ms: number }> {
    this.warmed.delete(key);
    const r = ModelRuntime.check(await this.send({ type: 'load', key, bytes, sha256 }));
    if (r.type !== 'load') throw new ModelError('runtime-failed', 'unexpected answer to load');
    return { inputNames: r.inputNames, outputNames: r.outputNames, ms: r.ms };
  }

  /** Runs a batch of rows; returns the requested outputs. */
  async run(
    key: string,
    input: string,
    x: Float32Array,
    rows: number,
    cols: number,
    outputs: string[],
  ): Promise<{ outputs: Record<string, TensorOut>; ms: number }> {
    const copy = x.slice();
    const r = ModelRuntime.check(await this.send({ type: 'run', key, input, x: copy, rows, cols, outputs }, [copy.buffer]));
    if (r.type !== 'run') throw new ModelError('runtime-failed', 'unexpected answer to run');
    return { outputs: r.outputs, ms: r.ms };
  }

  /**
   * Runs a batch of `rows` reference rows through a loaded model and discards the result, so the next
   * batch of that size runs at steady-state speed. Queued like any request; skipped (null) when a batch
   * at least this large already ran on this model. Resolves with the worker's time.
   */
  async warm(key: string, input: string, rows: number, cols: number, outputs: string[]): Promise<number | null> {
    if ((this.warmed.get(key) ?? 0) >= rows) return null;
    this.warmed.set(key, rows);
    const r = ModelRuntime.check(await this.send({ type: 'warm', key, input, rows, cols, outputs }));
    return r.type === 'warm' ? r.ms : null;
  }

  async dispose(key: string): Promise<void> {
    this.warmed.delete(key);
    ModelRuntime.check(await this.send({ type: 'dispose', key }));
  }

  /** Ends the worker and fails whatever is still waiting. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new ModelError('runtime-failed', 'the model runtime was stopped'));
      this.pending.delete(id);
    }
  }
}

/** The browser's inference worker (a module worker bundled by Vite from inferenceWorker.ts). */
export function createBrowserWorker(): WorkerLike {
  return new Worker(new URL('./inferenceWorker.ts', import.meta.url), { type: 'module', name: 'therapy-navigator-inference' });
}
