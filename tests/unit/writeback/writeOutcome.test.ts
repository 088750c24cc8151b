/** Issue 12: write outcomes come from the answer, not the status line (table-driven). */
import { describe, expect, it } from 'vitest';
import {
  afterEarlierSends,
  classifyTransactionAnswer,
  entryStatus,
  sendWrite,
  UNREADABLE,
  type WriteAnswer,
  type WriteOutcome,
} from '@src/writeback/writeOutcome.ts';

const ok = (n: number, status = '201 Created') => ({
  resourceType: 'Bundle',
  type: 'transaction-response',
  entry: Array.from({ length: n }, (_, i) => ({ response: { status, location: `Observation/o${i}/_history/1` } })),
});
const answer = (status: number, body: unknown): WriteAnswer => ({ kind: 'answer', status, body });
const outcome400 = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] };

describe('classifyTransactionAnswer', () => {
  it.each<[string, number, WriteAnswer, WriteOutcome['kind'], RegExp?]>([
    ['200, one 2xx entry per request entry', 3, answer(200, ok(3)), 'saved'],
    ['200, entries 200 OK (resend matched earlier)', 2, answer(200, ok(2, '200 OK')), 'saved'],
    ['status "201" without text', 1, answer(200, ok(1, '201')), 'saved'],
    [
      '200 whose entries all failed (400 + OperationOutcome)',
      18,
      answer(200, {
        ...ok(18, '400 Bad Request'),
        entry: ok(18, '400 Bad Request').entry.map((e) => ({ ...e, response: { ...e.response, outcome: outcome400 } })),
      }),
      'uncertain',
      /error for 18 of 18/,
    ],
    [
      '200 with one failed entry',
      3,
      answer(200, { ...ok(3), entry: [...ok(2).entry, { response: { status: '422 Unprocessable' } }] }),
      'uncertain',
      /error for 1 of 3/,
    ],
    ['transaction-response with no entries', 18, answer(200, { resourceType: 'Bundle', type: 'transaction-response' }), 'uncertain', /0 results for 18/],
    ['fewer entries than sent', 3, answer(200, ok(2)), 'uncertain', /2 results for 3/],
    ['more entries than sent', 3, answer(200, ok(4)), 'uncertain', /4 results for 3/],
    ['an entry without status', 1, answer(200, { ...ok(1), entry: [{ response: {} }] }), 'uncertain', /no status/],
    ['an entry status that is not a code', 1, answer(200, ok(1, 'Created')), 'uncertain', /no status/],
    ['201 with no body (the decision was saved)', 4, answer(201, undefined), 'uncertain', /no answer body/],
    ['200 not JSON', 4, answer(200, UNREADABLE), 'uncertain', /not JSON/],
    ['200 {}', 4, answer(200, {}), 'uncertain', /not a Bundle/],
    ['200 an OperationOutcome', 4, answer(200, outcome400), 'uncertain', /not a Bundle/],
    [
      '200 a searchset Bundle',
      1,
      answer(200, { resourceType: 'Bundle', type: 'searchset', entry: [{}] }),
      'uncertain',
      /searchset Bundle, not a transaction-response/,
    ],
    ['200 a batch-response to a transaction', 1, answer(200, { ...ok(1), type: 'batch-response' }), 'uncertain', /batch-response/],
    ['timeout', 4, { kind: 'no-answer', detail: 'timeout' }, 'uncertain', /timeout/],
    ['HTTP 400', 4, { kind: 'http-error', status: 400, detail: 'HTTP 400' }, 'not-saved'],
    ['HTTP 403', 4, { kind: 'http-error', status: 403, detail: 'HTTP 403' }, 'not-saved'],
    ['HTTP 500', 4, { kind: 'http-error', status: 500, detail: 'HTTP 500' }, 'not-saved'],
    ['HTTP 304 (not an answer to a POST)', 4, { kind: 'http-error', status: 304, detail: 'HTTP 304' }, 'uncertain'],
  ])('%s -> %s', (_name, sent, a, kind, detail) => {
    const r = classifyTransactionAnswer(sent, a);
    expect(r.kind).toBe(kind);
    expect('detail' in r ? r.detail : '').toMatch(detail ?? /^/);
  });

  it('saved items carry the location without history and created vs existing', () => {
    const r = classifyTransactionAnswer(
      2,
      answer(200, {
        ...ok(2),
        entry: [
          { response: { status: '201 Created', location: 'GuidanceResponse/g/_history/1' } },
          { response: { status: '200 OK', location: 'Provenance/p' } },
        ],
      }),
    );
    expect(r).toEqual({
      kind: 'saved',
      items: [
        { location: 'GuidanceResponse/g', created: true },
        { location: 'Provenance/p', created: false },
      ],
    });
  });

  it('a batch is checked as a batch-response', () => {
    expect(classifyTransactionAnswer(1, answer(200, { ...ok(1), type: 'batch-response' }), 'batch').kind).toBe('saved');
  });

  it.each<[unknown, number | null]>([
    ['201 Created', 201],
    ['200', 200],
    [' 404 Not Found', 404],
    ['2010', null],
    ['Created', null],
    [201, null],
  ])('entryStatus(%j) = %s', (s, n) => {
    expect(entryStatus(s)).toBe(n);
  });
});

describe('afterEarlierSends', () => {
  it('a refusal after an unanswered send is uncertain; otherwise unchanged', () => {
    const refused: WriteOutcome = { kind: 'not-saved', status: 500, detail: 'HTTP 500' };
    expect(afterEarlierSends(refused, true)).toMatchObject({ kind: 'uncertain', detail: /HTTP 500 after an earlier send got no answer/ });
    expect(afterEarlierSends(refused, false)).toBe(refused);
    const saved: WriteOutcome = { kind: 'saved', items: [] };
    expect(afterEarlierSends(saved, true)).toBe(saved);
  });
});

describe('sendWrite', () => {
  it.each<[string, () => Promise<{ status: number; text: string }>, WriteAnswer]>([
    ['201 empty', async () => ({ status: 201, text: '' }), { kind: 'answer', status: 201, body: undefined }],
    ['200 not JSON', async () => ({ status: 200, text: '<html>' }), { kind: 'answer', status: 200, body: UNREADABLE }],
    ['200 JSON', async () => ({ status: 200, text: '{"a":1}' }), { kind: 'answer', status: 200, body: { a: 1 } }],
    [
      'HTTP 422',
      () => Promise.reject(Object.assign(new Error('x'), { code: 'bad-response', status: 422, detail: 'HTTP 422' })),
      { kind: 'http-error', status: 422, detail: 'HTTP 422' },
    ],
    [
      'HTTP 400 with OperationOutcome not-supported',
      () =>
        Promise.reject(Object.assign(new Error('x'), { code: 'bad-response', status: 400, detail: 'HTTP 400; OperationOutcome: processing, not-supported' })),
      { kind: 'http-error', status: 400, detail: 'HTTP 400', notSupported: true },
    ],
    [
      'HTTP 400 with another OperationOutcome',
      () => Promise.reject(Object.assign(new Error('x'), { code: 'bad-response', status: 400, detail: 'HTTP 400; OperationOutcome: invalid' })),
      { kind: 'http-error', status: 400, detail: 'HTTP 400' },
    ],
    [
      'timeout',
      () => Promise.reject(Object.assign(new Error('x'), { code: 'timeout', status: null, detail: 'timeout' })),
      { kind: 'no-answer', detail: 'timeout' },
    ],
    ['anything else', () => Promise.reject(new TypeError('boom')), { kind: 'no-answer', detail: 'no answer' }],
  ])('%s', async (_name, send, expected) => {
    expect(await sendWrite(send)).toEqual(expected);
  });
});
