import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one request. */
export type Step = { status: number; body?: string; headers?: Record<string, string> } | { hang: true } | { reset: true };

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface ScriptedServer {
  base: string;
  seen: SeenRequest[];
  /** Steps are consumed in order; when they run out, `fallback` answers. */
  script(steps: Step[], fallback?: Step): void;
  /** Answers by URL instead (parallel requests arrive in any order). */
  route(answer: (url: string) => Step): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) answering from a script: status + headers + body, a
 * request that is never answered (timeouts), or a connection reset (network errors).
 */
export async function startScriptedServer(): Promise<ScriptedServer> {
  let steps: Step[] = [];
  let fallback: Step = { status: 200, body: '{}' };
  let router: ((url: string) => Step) | null = null;
  const seen: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    const step = router ? router(req.url ?? '') : (steps.shift() ?? fallback);
    if ('hang' in step) {
      hanging.add(res);
      return;
    }
    if ('reset' in step) {
      req.socket.destroy();
      return;
    }
    res.writeHead(step.status, { 'Content-Type': 'application/fhir+json', ...step.headers }).end(step.body ?? '');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/fhir`,
    seen,
    script(next, fb) {
      router = null;
      steps = [...next];
      if (fb) fallback = fb;
      seen.length = 0;
    },
    route(answer) {
      router = answer;
      seen.length = 0;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
