// @vitest-environment jsdom
/**
 * Issue 12: no component throws on a Patient, Condition, Observation or medication resource of the
 * wrong shape. Type-perturbed copies of a demo record (a field replaced by a value of another type,
 * dropped, duplicated) are read by the real extractor and rendered: banner, indications, the record
 * view and the record tables, each inside an error boundary that records what it catches.
 */
import { cleanup, render } from '@testing-library/react';
import * as fc from 'fast-check';
import type { Patient, Resource } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import { Component, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepare } from '@src/pipeline/index.ts';
import { IndicationsPanel } from '@src/ui/components/IndicationsPanel.tsx';
import { PatientBanner } from '@src/ui/components/PatientBanner.tsx';
import { RecordTables } from '@src/ui/components/RecordTables.tsx';
import { createI18n } from '@src/ui/i18n/index.ts';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { applyMutations, type Mutation } from '../../property/mutate.ts';
import { NOW, SEED } from '../../property/harness.ts';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { readFileSync } from 'node:fs';

const TYPES = new Set(['Patient', 'Condition', 'Observation', 'MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'Medication']);

/** Values of the wrong type for any field: numbers (also non-finite), strings, objects, arrays, booleans, null, prototype names. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    'garbage',
    0,
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    {},
    [1, 'a'],
    { a: 1 },
    '0050-01-01',
    '2099-01-01',
    'constructor',
    '__proto__',
    'toString',
  ),
  fc.string({ maxLength: 5 }),
  fc.double(),
  fc.integer(),
);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('retype' as const), target: fc.nat(), path: fc.nat(), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), target: fc.nat(), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), target: fc.nat() }) },
);

class Catch extends Component<{ name: string; errors: string[]; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    this.props.errors.push(
      `${this.props.name}: ${error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(error)}`,
    );
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

let i18n: I18n;
/** Three small simulated records (about 100 resources each), so rendering stays fast. */
const fixtures = ['sim-cd-01.json', 'sim-ra-01.json', 'sim-rms-01.json'].map(
  (file) => resourcesFromBundle(JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8'))).resources,
);
/** Mutations land only on the resource types under test (the record's other resources stay intact). */
function perturb(resources: readonly Resource[], mutations: readonly Mutation[]): Resource[] {
  const targets = resources.filter((r) => TYPES.has(r.resourceType));
  const others = resources.filter((r) => !TYPES.has(r.resourceType));
  return [...(applyMutations(targets, mutations) as Resource[]), ...others];
}

beforeAll(async () => {
  i18n = await createI18n('en');
  // React logs caught render errors; the boundary records them, the console need not.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
});

type Part = 'banner' | 'indications' | 'tables' | 'view';

function renderAll(resources: Resource[], parts: readonly Part[]): string[] {
  const errors: string[] = [];
  let prepared;
  try {
    prepared = prepare(resources, NOW);
  } catch (e) {
    return [`prepare threw: ${String(e)}`];
  }
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient') ?? { resourceType: 'Patient' };
  render(
    <I18nextProvider i18n={i18n}>
      {parts.includes('banner') && (
        <Catch name="banner" errors={errors}>
          <PatientBanner patient={patient} now={NOW} />
        </Catch>
      )}
      {parts.includes('indications') && (
        <Catch name="indications" errors={errors}>
          <IndicationsPanel findings={prepared.indications} />
        </Catch>
      )}
      {parts.includes('tables') && (
        <Catch name="record-tables" errors={errors}>
          <RecordTables resources={resources} />
        </Catch>
      )}
      {parts.includes('view') && (
        <Catch name="record-view" errors={errors}>
          <RecordView record={prepared} resources={resources} now={NOW} canWrite={false} />
        </Catch>
      )}
    </I18nextProvider>,
  );
  cleanup();
  return errors;
}

// Rendering the record view takes seconds in jsdom, so it gets few runs with many perturbations each;
// the banner and the indications are cheap and get many runs with a few each.
describe('components on type-perturbed resources (fixed seed)', () => {
  it('the banner and the indications never throw (80 records, 1-8 perturbations each)', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (which, mutations) => {
        expect(renderAll(perturb(fixtures[which] ?? [], mutations), ['banner', 'indications'])).toEqual([]);
      }),
      { seed: SEED, numRuns: 80 },
    );
  }, 60_000);

  it('the record tables and the record view never throw (2 records, 40-60 perturbations each)', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutationArb, { minLength: 40, maxLength: 60 }), (which, mutations) => {
        expect(renderAll(perturb(fixtures[which] ?? [], mutations), ['tables', 'view'])).toEqual([]);
      }),
      { seed: SEED, numRuns: 2 },
    );
  }, 60_000);

  it.each<[string, Record<string, unknown>]>([
    ['given not an array', { name: [{ given: 'Anna', family: 'Muster' }] }],
    ['name not an array', { name: { family: 'Muster' } }],
    ['text a number', { name: [{ text: 42 }] }],
    ['birthDate an object', { birthDate: { year: 1980 } }],
    ['identifier a string', { identifier: 'MRN-1' }],
    ['gender a number', { gender: 1 }],
  ])('the banner shows a Patient whose %s, with the field as missing', (_name, patch) => {
    const errors = renderAll([{ resourceType: 'Patient', id: 'p', ...patch }], ['banner']);
    expect(errors).toEqual([]);
  });
});

describe('the banner treats wrong types as missing, and says so', () => {
  it('given not an array: the family name is shown, the note names the field; 0050 is no age', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <PatientBanner
          patient={{
            resourceType: 'Patient',
            name: [{ given: 'Anna' as unknown as string[], family: 'Muster' }],
            birthDate: '0050-06-01',
            identifier: 'x' as unknown as [],
          }}
          now={NOW}
        />
      </I18nextProvider>,
    );
    expect(document.querySelector('[data-testid="patient-name"]')?.textContent).toBe('MUSTER');
    expect(document.querySelector('[data-testid="patient-demographics"]')?.textContent).not.toMatch(/years/);
    expect(document.querySelector('[data-testid="patient-demographics"]')?.textContent).not.toMatch(/1950/);
    expect(document.querySelector('[data-testid="patient-unreadable"]')?.textContent).toBe(
      'Not readable in the record (wrong format), shown as missing: name.given, identifier',
    );
  });
});
