// docs/safety-review.md is the review rendered from the rule table: every rule appears, and the file is current.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../../../src/extract/terminology/drugs.ts';
import { REVIEWED_DRUGS, renderSafetyReview } from '../../../../src/rules/safety/review.ts';
import { SAFETY_RULES } from '../../../../src/rules/safety/rules.ts';

const FILE = resolve(__dirname, '../../../../docs/safety-review.md');
const doc = readFileSync(FILE, 'utf8');

describe('docs/safety-review.md', () => {
  it('is the current rendering of the rule table (regenerate: npx tsx scripts/gen-safety-review.ts)', () => {
    expect(doc).toBe(renderSafetyReview());
  });

  it.each(SAFETY_RULES.map((r) => [r.id, r] as const))('reviews %s with its EU and US source, level and reason', (id, rule) => {
    const start = doc.indexOf(`### \`${id}\``);
    expect(start).toBeGreaterThan(0);
    const section = doc.slice(start, doc.indexOf('\n### ', start + 1) === -1 ? undefined : doc.indexOf('\n### ', start + 1));
    expect(section).toContain(`- EU: ${rule.label.eu}`);
    expect(section).toContain(`- US: ${rule.label.us}`);
    expect(section).toContain(`**${rule.severity}**`);
    expect(section).toContain(`- Review: ${rule.rationale}`);
  });

  it('lists every drug of the four models and the background drugs', () => {
    const inns = new Set(DRUGS.map((d) => d.inn));
    for (const inn of REVIEWED_DRUGS) expect(doc).toContain(`| ${inn} |`);
    // The model drugs are all in the catalogue (a missing one would silently lose its rules).
    expect(REVIEWED_DRUGS.filter((inn) => !inns.has(inn))).toEqual([]);
  });
});
