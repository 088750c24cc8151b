/**
 * The optional terminology server (src/extract/terminology/server.ts) against a small real HTTP server started
 * here: a test double of a remote FHIR terminology service that implements `CodeSystem/$subsumes` over a tiny
 * is-a hierarchy file. Checks what is asked (only the code), what a match becomes (an indication marked as the
 * server's, the server named), and that failures are visible notes, never silent.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRecord } from '@src/extract/extract.ts';
import { lookupSubsumption, unknownSnomedCodes } from '@src/extract/terminology/server.ts';
import { cc, condition, NOW, patient, SCT } from '../../support/fhir.ts';

const HIERARCHY = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/terminology/subsumes-hierarchy.json'), 'utf8')) as {
  parents: Record<string, string[]>;
};

function ancestors(code: string): Set<string> {
  const out = new Set<string>();
  const queue = [...(HIERARCHY.parents[code] ?? [])];
  while (queue.length > 0) {
    const c = queue.shift() ?? '';
    if (out.has(c)) continue;
    out.add(c);
    queue.push(...(HIERARCHY.parents[c] ?? []));
  }
  return out;
}

const seen: Array<{ path: string; query: Record<string, string>; headers: IncomingHttpHeaders }> = [];
/** Codes the double answers with HTTP 500 (a failing server). */
const FAILING = new Set(['195967001']);
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    seen.push({ path: url.pathname, query, headers: req.headers });
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(body));
    };
    const a = query.codeA ?? '';
    const b = query.codeB ?? '';
    if (url.pathname !== '/fhir/CodeSystem/$subsumes' || query.system !== 'http://snomed.info/sct') return json(404, { resourceType: 'OperationOutcome' });
    if (FAILING.has(a)) return json(500, { resourceType: 'OperationOutcome' });
    if (!(a in HIERARCHY.parents) || !(b in HIERARCHY.parents))
      return json(400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    const outcome = a === b ? 'equivalent' : ancestors(a).has(b) ? 'subsumed-by' : ancestors(b).has(a) ? 'subsumes' : 'not-subsumed';
    return json(200, { resourceType: 'Parameters', parameter: [{ name: 'outcome', valueCode: outcome }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const jia = condition('jia', cc({ system: SCT, code: '410796000', display: 'Juvenile seropositive polyarthritis' }), { onsetDateTime: '2020-01' });
const known = condition('cd', cc({ system: SCT, code: '38106008', display: "Crohn's disease of ileum" }));

describe('terminology server ($subsumes)', () => {
  it('asks only about SNOMED CT codes the bundled sets do not know', () => {
    expect(unknownSnomedCodes([patient(), jia, known])).toEqual(['410796000']);
  });

  it('a code subsumed by a disease root becomes that indication, marked as the server match with the server named', async () => {
    seen.length = 0;
    const lookup = await lookupSubsumption(base, ['410796000']);
    expect(lookup.problems).toEqual([]);
    expect(lookup.matches).toEqual([
      {
        system: SCT,
        code: '410796000',
        concept: 'dx.rheumatoid_arthritis',
        root: '69896004 |Rheumatoid arthritis|',
        server: new URL(base).origin,
        outcome: 'subsumed-by',
      },
    ]);
    const r = extractRecord([patient(), jia], { now: NOW, terminology: lookup });
    expect(r.indications.map((f) => [f.indication, f.terminologyServer, f.matchedBy])).toEqual([['RA', new URL(base).origin, 'code']]);
    expect(r.indications[0]?.source).toMatch(/^terminology server http:\/\/127\.0\.0\.1:\d+: SNOMED CT 410796000 subsumed-by 69896004/);
    expect(r.problems.some((p) => p.why?.[0]?.key === 'terminology-server-match')).toBe(true);
    // Without the server the same record has no indication: the code is unknown and its text names none.
    expect(extractRecord([patient(), jia], { now: NOW }).indications).toEqual([]);
  });

  it('sends nothing but system and the two codes, without credentials', async () => {
    seen.length = 0;
    await lookupSubsumption(base, ['410796000']);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) {
      expect(Object.keys(s.query).sort()).toEqual(['codeA', 'codeB', 'system']);
      expect(s.query.codeA).toBe('410796000');
      expect(s.headers.authorization).toBeUndefined();
      expect(s.headers.cookie).toBeUndefined();
    }
    // The roots are asked in order until one subsumes the code: CD, UC, then RA.
    expect(seen.map((s) => s.query.codeB)).toEqual(['34000006', '64766004', '69896004']);
  });

  it('a code under no disease root gives no match and no note', async () => {
    const lookup = await lookupSubsumption(base, ['404684003']);
    expect(lookup).toEqual({ matches: [], problems: [] });
  });

  it('an HTTP error is a visible note naming the server and the code, and the code stays unknown', async () => {
    const lookup = await lookupSubsumption(base, ['195967001', '410796000']);
    expect(lookup.matches.map((m) => m.code)).toEqual(['410796000']);
    expect(lookup.problems).toHaveLength(1);
    expect(lookup.problems[0]?.kind).toBe('note');
    expect(lookup.problems[0]?.message).toMatch(/terminology server http:\/\/127\.0\.0\.1:\d+ could not be asked about SNOMED CT 195967001 \(HTTP 500\)/);
    const r = extractRecord([patient(), condition('a', cc({ system: SCT, code: '195967001', display: 'Asthma' }))], { now: NOW, terminology: lookup });
    expect(r.problems.some((p) => p.why?.[0]?.key === 'terminology-server-failed')).toBe(true);
  });

  it('an unreachable server is a note per code, not an exception', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const lookup = await lookupSubsumption(`http://127.0.0.1:${port}/fhir`, ['410796000']);
    expect(lookup.matches).toEqual([]);
    expect(lookup.problems.map((p) => p.message)).toEqual([expect.stringMatching(/could not be asked about SNOMED CT 410796000/)]);
  });

  it('a server that does not answer in time is a note saying so', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/fhir`;
    try {
      const lookup = await lookupSubsumption(url, ['410796000'], { timeoutMs: 200 });
      expect(lookup.problems.map((p) => p.message)).toEqual([expect.stringMatching(/could not be asked about SNOMED CT 410796000 \(no answer within 0.2 s\)/)]);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
