/// <reference lib="webworker" />
// The inference worker: onnxruntime-web runs here so the page never freezes. Single-threaded wasm,
// served from the app's own origin (Vite emits the .wasm beside the bundle; no CDN).
import * as ort from 'onnxruntime-web/wasm';
import { createModelHost, type WorkerRequest, type WorkerResponse } from './protocol.ts';

const host = createModelHost(ort);
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void host.handle(event.data).then((response: WorkerResponse) => {
    const transfer = response.ok && response.type === 'run' ? Object.values(response.outputs).map((o) => o.data.buffer) : [];
    scope.postMessage(response, transfer);
  });
};
