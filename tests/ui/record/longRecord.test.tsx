// @vitest-environment jsdom
// The record view of a long record (issue 15): tables paged with the count stated, opening on the latest
// values; charts that draw part of a series say so. A typical record's view has neither.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { extractRecord, resourcesFromBundle } from '@src/extract/index.ts';
import { createI18n } from '@src/ui/i18n/index.ts';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { openingPage, pageWindow } from '@src/ui/record/longSeries.utils.ts';
import { TablePager, type Paging } from '@src/ui/record/TablePager.tsx';
import { trendSeries } from '@src/ui/record/trends.utils.ts';
import { bigRecordBundle } from '../../../scripts/bench/bigRecord.ts';
import { NOW, RA_RESOURCES, raRecord } from '../../support/recordFixtures.ts';

// 3,000 laboratory Observations over 20 years: 600 per marker (CRP, calprotectin, albumin, Hb, leukocytes).
const TODAY = new Date('2026-11-15T00:00:00Z');
const { resources } = resourcesFromBundle(bigRecordBundle(3000, 'long-3000', TODAY));
const record = extractRecord(resources, { now: TODAY });

async function renderLong(language: 'en' | 'de' | 'fr' = 'en') {
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <RecordView record={record} resources={resources} now={TODAY} canWrite={false} />
    </I18nextProvider>,
  );
}

function bodyRows(testId: string): HTMLElement[] {
  const table = within(screen.getByTestId(testId)).getByRole('table', { hidden: true });
  return within(table).getAllByRole('row', { hidden: true }).slice(1);
}
const day = (time: number) => new Date(time).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const firstCell = (row: HTMLElement | undefined) => (row ? within(row).getAllByRole('rowheader', { hidden: true })[0]?.textContent : undefined);

describe('record view of a long record', () => {
  const crp = trendSeries(record, TODAY).find((s) => s.concept === 'lab.crp');

  it('pages the CRP table: 50 rows, opened on the latest, the count stated, older pages one button away', async () => {
    expect(crp?.points).toHaveLength(600);
    await renderLong();
    const pager = screen.getByTestId('trend-pager-lab.crp');
    expect(pager).toHaveTextContent('Showing 551–600 of 600 · oldest first, opened on the latest values');
    let rows = bodyRows('trend-table-lab.crp');
    expect(rows).toHaveLength(50);
    expect(firstCell(rows.at(-1))).toBe(day(crp!.points.at(-1)!.time));
    expect(firstCell(rows[0])).toBe(day(crp!.points[550]!.time));
    const button = (name: string) => within(pager).getByRole('button', { name, hidden: true });
    // Native buttons: reachable by Tab; the ones leading nowhere are disabled.
    expect(button('Next page (newer values)')).toBeDisabled();
    expect(button('Last page (latest values)')).toBeDisabled();
    expect(button('Previous page (older values)').tagName).toBe('BUTTON');
    fireEvent.click(button('Previous page (older values)'));
    expect(pager).toHaveTextContent('Showing 501–550 of 600');
    rows = bodyRows('trend-table-lab.crp');
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(Array(50).fill('ok'));
    fireEvent.click(button('First page (oldest values)'));
    expect(pager).toHaveTextContent('Showing 1–50 of 600');
    expect(firstCell(bodyRows('trend-table-lab.crp')[0])).toBe(day(crp!.points[0]!.time));
    expect(button('First page (oldest values)')).toBeDisabled();
    // The other tables keep their own page.
    expect(screen.getByTestId('trend-pager-lab.albumin')).toHaveTextContent('Showing 551–600 of 600');
  }, 30_000);

  it('pages the activity tables and says how much of each long chart is drawn', async () => {
    await renderLong();
    expect(bodyRows('activity-table-fcal')).toHaveLength(50);
    expect(screen.getByTestId('activity-pager-fcal')).toHaveTextContent('Showing 551–600 of 600');
    const notes = screen.getAllByTestId('chart-thinned');
    // fcal and CRP in the activity panel, CRP, calprotectin, albumin and Hb in the trends.
    expect(notes).toHaveLength(6);
    for (const note of notes) {
      const m = /draws (\d+) of 600 values: in each of 100 equal time slices/.exec(note.textContent ?? '');
      expect(m).not.toBeNull();
      expect(Number(m?.[1])).toBeLessThanOrEqual(400);
    }
    expect(notes[0]).toHaveTextContent('every peak, every crossing of a band line and the latest value are drawn. All 600 values are in the table.');
  }, 30_000);

  it.each([
    ['de', 'Anzeige 551–600 von 600 · älteste zuerst', 'Vorherige Seite (ältere Werte)', 'Anzeige 501–550 von 600', 'Die Grafik zeichnet'],
    [
      'fr',
      'Affichage 551–600 sur 600 · les plus anciennes d’abord',
      'Page précédente (valeurs plus anciennes)',
      'Affichage 501–550 sur 600',
      'Le graphique trace',
    ],
  ] as const)(
    'says it in %s',
    async (language, shown, previous, after, note) => {
      await renderLong(language);
      const pager = screen.getByTestId('trend-pager-lab.crp');
      expect(pager).toHaveTextContent(shown);
      fireEvent.click(within(pager).getByRole('button', { name: previous, hidden: true }));
      expect(pager).toHaveTextContent(after);
      expect(screen.getAllByTestId('chart-thinned')[0]).toHaveTextContent(note);
    },
    30_000,
  );
});

const paging = (page: number): Paging => ({
  page,
  pages: 400,
  start: page * 50,
  end: page * 50 + 50,
  total: 20_000,
  size: 50,
  paged: true,
  setPage: () => undefined,
});

/** Page `page` of a 989-row table. */
const at = (page: number): Paging => ({ ...pageWindow(989, page), total: 989, size: 50, paged: true, setPage: () => undefined });

describe('TablePager', () => {
  it.each([
    ['en', 'Showing 19,951–20,000 of 20,000'],
    ['de', 'Anzeige 19.951–20.000 von 20.000'],
  ] as const)('writes the counts in the %s number format', async (language, text) => {
    const i18n = await createI18n(language);
    render(
      <I18nextProvider i18n={i18n}>
        <TablePager paging={paging(399)} name="CRP" testId="pager" />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('pager')).toHaveTextContent(text);
    expect(screen.getByRole('status')).toHaveTextContent(text);
  });

  it('counts a table that does not divide into pages: the latest page full, the remainder on the first', async () => {
    const i18n = await createI18n('en');
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <TablePager paging={at(openingPage(989))} name="CRP" testId="pager" />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('pager')).toHaveTextContent('Showing 940–989 of 989');
    rerender(
      <I18nextProvider i18n={i18n}>
        <TablePager paging={at(0)} name="CRP" testId="pager" />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('pager')).toHaveTextContent('Showing 1–39 of 989');
    expect(screen.getByRole('button', { name: 'Previous page (older values)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page (newer values)' })).toBeEnabled();
  });

  it('is absent when every row fits on one page', async () => {
    const i18n = await createI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <TablePager paging={{ ...paging(0), pages: 1, end: 12, total: 12, paged: false }} name="CRP" testId="pager" />
      </I18nextProvider>,
    );
    expect(screen.queryByTestId('pager')).toBeNull();
  });
});

describe('record view of a typical record', () => {
  it('shows every row without a pager and draws every value', async () => {
    const i18n = await createI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <RecordView record={raRecord()} resources={RA_RESOURCES} now={NOW} canWrite={false} />
      </I18nextProvider>,
    );
    expect(screen.queryAllByTestId(/pager/)).toEqual([]);
    expect(screen.queryByTestId('chart-thinned')).toBeNull();
    expect(bodyRows('trend-table-lab.crp')).toHaveLength(4);
  });
});
