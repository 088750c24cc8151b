// Every reason, note and problem the extractor writes for the demo patients carries its typed form (src/extract/reasons.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord, resourcesFromBundle } from '@src/extract/index.ts';
import { NOW } from '../../support/fhir.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'sandbox', 'fixtures');

describe.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('%s', (file) => {
  it('has a typed reason beside every English reason, note and problem', () => {
    const record = extractRecord(resourcesFromBundle(JSON.parse(readFileSync(join(DIR, file), 'utf8'))).resources, { now: NOW });
    const untyped = [
      ...Object.values(record.inputs).flatMap((v) => [
        ...(v.state !== 'ok' && !v.why ? [`reason of ${v.name}: ${v.reason}`] : []),
        ...(v.state !== 'missing' && v.note && !v.noteWhy ? [`note of ${v.name}: ${v.note}`] : []),
      ]),
      ...record.problems.filter((p) => !p.why).map((p) => `problem: ${p.message}`),
      ...record.indications.filter((f) => f.note && !f.noteWhy).map((f) => `indication note: ${f.note ?? ''}`),
      ...record.episodes.filter((e) => e.note && !e.noteWhy).map((e) => `episode note: ${e.note ?? ''}`),
    ];
    expect(untyped).toEqual([]);
  });
});
