import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Bundle, Observation, Resource } from 'fhir/r4';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '@src/pipeline/index.ts';
import { SourceListButton } from '@src/ui/components/SourceListButton.tsx';
import { ResourceIndexContext } from '@src/ui/record/SourceLinks.tsx';
import { resourceIndex } from '@src/ui/record/recordView.utils.ts';
import { resourceDate } from '@src/ui/components/sourceList.utils.ts';
import { renderWithProviders } from '../../support/providers.tsx';

const root = join(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-11-15T12:00:00Z');

function demo(file: string): Resource[] {
  const bundle = JSON.parse(readFileSync(join(root, 'sandbox/fixtures', file), 'utf8')) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** The input of a demo record read from the most resources (the case of "66 resource ids as one source"). */
function widestInput(resources: Resource[]): string[] {
  const record = prepare(resources, NOW);
  return Object.values(record.inputs)
    .map((v) => v.sources)
    .reduce((a, b) => (b.length > a.length ? b : a), [] as readonly string[]) as string[];
}

async function renderButton(refs: readonly string[], resources: Resource[], language: 'en' | 'de' | 'fr' = 'en') {
  return renderWithProviders(
    <ResourceIndexContext.Provider value={resourceIndex(resources)}>
      <SourceListButton refs={refs} />
    </ResourceIndexContext.Provider>,
    { language },
  );
}

describe('SourceListButton', () => {
  it('a value read from many resources shows one "Source (n)" button; the dialog lists each, newest first, with kind, date and content', async () => {
    const resources = demo('rms-fr-001.json');
    const refs = widestInput(resources);
    expect(refs.length).toBeGreaterThan(60); // prior_advanced_count: every infusion of every prior therapy
    await renderButton(refs, resources);
    const button = screen.getByTestId('source-list-open');
    expect(button).toHaveTextContent(`Source (${new Set(refs).size})`);
    expect(button).toHaveAccessibleName(`Show the ${new Set(refs).size} source resources`);
    // No resource id is printed before the dialog is opened.
    expect(document.body.textContent).not.toContain(refs[0]);
    fireEvent.click(button);
    const rows = within(screen.getByTestId('source-list')).getAllByTestId('source-list-row');
    expect(rows).toHaveLength(new Set(refs).size);
    const dates = rows.map((r) => r.querySelectorAll('td')[1]?.textContent ?? '');
    expect(dates.every((d) => d !== '' && d !== 'no date')).toBe(true);
    const firstRef = rows[0]?.dataset['ref'] ?? '';
    const index = resourceIndex(resources);
    const dated = rows.map((r) => resourceDate(index.get(r.dataset['ref'] ?? '')) ?? '');
    expect(dated).toEqual(dated.toSorted().toReversed());
    // Each row opens its resource as the EHR sent it.
    fireEvent.click(within(rows[0]!).getByRole('button', { name: new RegExp(firstRef.replace('/', '\\/')) }));
    expect(screen.getByTestId('source-json').textContent).toContain(`"id": "${firstRef.split('/')[1]}"`);
  });

  it('German labels; a reference not among the resources read is listed as such, never dropped', async () => {
    const crp: Observation = {
      resourceType: 'Observation',
      id: 'crp-1',
      status: 'final',
      code: { text: 'CRP' },
      effectiveDateTime: '2026-10-01',
      valueQuantity: { value: 12.5, unit: 'mg/L' },
    };
    const resources: Resource[] = [crp];
    await renderButton(['Observation/crp-1', 'Condition/gone', 'Observation/crp-1'], resources, 'de');
    fireEvent.click(screen.getByRole('button', { name: 'Die 2 Quellressourcen anzeigen' }));
    const rows = within(screen.getByTestId('source-list')).getAllByTestId('source-list-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent))).toEqual([
      ['Befund / Messwert', '1. Okt. 2026', 'CRP · 12,5 mg/L'],
      ['Diagnose', 'ohne Datum', 'nicht unter den gelesenen Ressourcen'],
    ]);
    expect(rows[1]).toHaveTextContent('Condition/gone');
  });

  it('no source: says so instead of an empty button', async () => {
    await renderButton([], [], 'fr');
    expect(screen.queryByTestId('source-list-open')).toBeNull();
    expect(screen.getByTestId('source-none')).toHaveTextContent('aucune ressource source');
  });
});

describe('safety finding facts', () => {
  it('each fact with sources carries a "Source (n)" control instead of resource ids in its line', async () => {
    const { FlagList } = await import('@src/ui/ranking/FlagList.tsx');
    const { checkAll } = await import('@src/rules/safety/index.ts');
    const resources = demo('ra-de-002.json');
    const record = prepare(resources, NOW);
    const flags = Object.values(checkAll(['infliximab'], record.inputs, { now: NOW })).flat();
    const sourced = flags.flatMap((f) => f.facts).filter((f) => f.sources.length > 0);
    expect(sourced.length).toBeGreaterThan(0);
    await renderWithProviders(
      <ResourceIndexContext.Provider value={resourceIndex(resources)}>
        <FlagList flags={flags} />
      </ResourceIndexContext.Provider>,
    );
    // The facts are formatted when their disclosure opens (issue 15: not for every row of the first screen).
    expect(screen.queryAllByTestId('source-list-open')).toHaveLength(0);
    act(() => {
      for (const details of document.querySelectorAll('details')) {
        details.open = true;
        fireEvent(details, new Event('toggle'));
      }
    });
    expect(screen.getAllByTestId('source-list-open')).toHaveLength(sourced.length);
    for (const ref of sourced.flatMap((f) => f.sources)) expect(document.body.textContent).not.toContain(ref);
  });
});
