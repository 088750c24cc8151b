// @vitest-environment jsdom
// The record view on the five demo patients of sandbox/fixtures (US Core, MII, IPS coding styles), through the real extractor.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { extractRecord, resourcesFromBundle } from '@src/extract/index.ts';
import { createI18n } from '@src/ui/i18n/index.ts';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { trendSeries } from '@src/ui/record/trends.utils.ts';
// NOW (tests/support/fhir.ts) is the fixtures' reference date (tests/unit/fixtures/fixtures.test.ts TODAY).
import { NOW } from '../../support/fhir.ts';

describe.each([
  ['cd-us-001', 'CD', 'hbi'],
  ['uc-de-001', 'UC', 'mayo-partial'],
  ['ra-ips-001', 'RA', 'das28-crp'],
  ['rms-fr-001', 'RMS', 'edss'],
  ['rms-us-002', 'RMS', 'edss'],
])('sandbox patient %s', (key, indication, firstScore) => {
  it(`shows every series, episode and input for ${indication} without a broken panel`, async () => {
    const bundle: unknown = JSON.parse(readFileSync(resolve(__dirname, `../../../sandbox/fixtures/${key}.json`), 'utf8'));
    const { resources } = resourcesFromBundle(bundle);
    const record = extractRecord(resources, { now: NOW });
    expect(record.primaryIndication).toBe(indication);
    const i18n = await createI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <RecordView record={record} resources={resources} now={NOW} canWrite={false} />
      </I18nextProvider>,
    );
    expect(screen.queryByText(/could not be shown/)).toBeNull();
    const series = trendSeries(record, NOW);
    for (const s of series) {
      const table = within(screen.getByTestId(`trend-table-${s.concept}`)).getByRole('table', { hidden: true });
      expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(s.points.length + 1);
    }
    expect(record.episodes.length).toBeGreaterThan(0);
    const timeline = within(screen.getByTestId('timeline-table')).getByRole('table', { hidden: true });
    expect(within(timeline).getAllByRole('row', { hidden: true })).toHaveLength(record.episodes.length + 1);
    expect(screen.getByTestId(`entered-score-${firstScore}`)).toHaveAttribute('data-status', 'incomplete');
  });
});
