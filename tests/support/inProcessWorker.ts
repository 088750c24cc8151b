import * as ort from 'onnxruntime-web';
import { createModelHost, type WorkerRequest, type WorkerResponse } from '@src/model/protocol.ts';
import type { WorkerLike } from '@src/model/runtime.ts';

/**
 * The real inference host (real onnxruntime-web, wasm backend, in Node) behind the WorkerLike
 * interface, with message cloning as postMessage would do. Only the thread boundary is absent.
 */
/**
 * A copy of a message as postMessage makes one (structured clone), its typed arrays rebuilt with this
 * test's own constructors: under jsdom the global `structuredClone` returns typed arrays of another
 * realm, which fail onnxruntime's `instanceof Float32Array` (buffers stay as cloned: Node's crypto wants those).
 */
function clone<T>(value: T): T {
  const local = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const Ctor = (globalThis as unknown as Record<string, (new (a: ArrayLike<number>) => unknown) | undefined>)[v.constructor.name];
      if (!Ctor) throw new Error(`cannot copy a ${v.constructor.name}`);
      return new Ctor(v as unknown as ArrayLike<number>);
    }
    if (Array.isArray(v)) return v.map(local);
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null && v.constructor.name !== 'Object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, local(x)]));
  };
  return local(structuredClone(value)) as T;
}

export function inProcessWorker(log: WorkerRequest['type'][] = []): WorkerLike {
  const host = createModelHost(ort);
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(message: WorkerRequest) {
      log.push(message.type);
      const copy = clone(message);
      void host.handle(copy).then((response: WorkerResponse) => {
        worker.onmessage?.({ data: clone(response) } as MessageEvent<WorkerResponse>);
      });
    },
    terminate() {},
  };
  return worker;
}
