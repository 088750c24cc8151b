import * as ort from 'onnxruntime-web';
import { createModelHost, type WorkerRequest, type WorkerResponse } from '@src/model/protocol.ts';
import type { WorkerLike } from '@src/model/runtime.ts';

/**
 * The real inference host (real onnxruntime-web, wasm backend, in Node) behind the WorkerLike
 * interface, with message cloning as postMessage would do. Only the thread boundary is absent.
 */
export function inProcessWorker(log: WorkerRequest['type'][] = []): WorkerLike {
  const host = createModelHost(ort);
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(message: WorkerRequest) {
      log.push(message.type);
      const copy = structuredClone(message);
      void host.handle(copy).then((response: WorkerResponse) => {
        worker.onmessage?.({ data: structuredClone(response) } as MessageEvent<WorkerResponse>);
      });
    },
    terminate() {},
  };
  return worker;
}
