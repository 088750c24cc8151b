/**
 * Writes docs/safety-review.md from the safety rule table (src/rules/safety/review.ts). Run after changing a
 * rule: `npx tsx scripts/gen-safety-review.ts`. tests/unit/rules/safety/review.test.ts fails when the file is
 * out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderSafetyReview } from '../src/rules/safety/review.ts';

const out = resolve(import.meta.dirname, '..', 'docs', 'safety-review.md');
writeFileSync(out, renderSafetyReview());
process.stdout.write(`wrote ${out}\n`);
