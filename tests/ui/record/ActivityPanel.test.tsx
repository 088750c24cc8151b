// @vitest-environment jsdom
// The disease-activity panel for one demo patient per specialty (sandbox/fixtures through the real
// extractor), and the question panel's trend summary: charts with table alternatives, states in words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { extractRecord, resourcesFromBundle, type ExtractedRecord } from '@src/extract/index.ts';
import { TrendSummary } from '@src/ui/decision/ResponseSummary.tsx';
import { createI18n } from '@src/ui/i18n/index.ts';
import { ActivityPanel } from '@src/ui/record/ActivityPanel.tsx';
import { NOW } from '../../support/fhir.ts';

function record(key: string): ExtractedRecord {
  const bundle: unknown = JSON.parse(readFileSync(resolve(__dirname, `../../../sandbox/fixtures/${key}.json`), 'utf8'));
  return extractRecord(resourcesFromBundle(bundle).resources, { now: NOW });
}

async function renderPanel(key: string, language: 'en' | 'de' | 'fr' = 'en'): Promise<I18n> {
  const i18n = await createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <ActivityPanel record={record(key)} now={NOW} />
    </I18nextProvider>,
  );
  return i18n;
}

function rows(testId: string): HTMLElement[] {
  const table = within(screen.getByTestId(testId)).getByRole('table', { hidden: true });
  return within(table).getAllByRole('row', { hidden: true }).slice(1);
}

describe('ActivityPanel', () => {
  it('ra-ips-001: calculated DAS28/CDAI/SDAI and joint counts, each with a keyboard-reachable table naming its components', async () => {
    await renderPanel('ra-ips-001');
    expect(screen.getByRole('region', { name: 'Disease activity' })).toBeInTheDocument();
    for (const key of ['das28Crp', 'das28Esr', 'cdaiRa', 'sdai', 'tjc28', 'sjc28']) expect(screen.getByTestId(`activity-${key}`)).toBeInTheDocument();
    // 21 joint assessments in the record, each with CRP in the window: 21 calculated DAS28-CRP rows.
    const das28 = rows('activity-table-das28Crp');
    expect(das28).toHaveLength(21);
    expect(das28.every((r) => r.getAttribute('data-kind') === 'calculated')).toBe(true);
    expect(das28.at(-1)).toHaveTextContent('5.07');
    expect(das28.at(-1)).toHaveTextContent('calculated');
    expect(das28.at(-1)).toHaveTextContent(/TJC28 10, SJC28 7, patient global 80 mm, CRP 2\.8 mg\/L/);
    const summary = within(screen.getByTestId('activity-table-das28Crp')).getByText('Show DAS28-CRP as a table');
    expect(summary.tagName).toBe('SUMMARY');
    expect(within(screen.getByTestId('activity-das28Crp')).getByTestId('activity-legend')).toHaveTextContent(
      /calculated here from its components.*remission < 2\.6, low 2\.6–3\.2, moderate 3\.2–5\.1, high > 5\.1 \(source: Prevoo 1995; Fransen 2004; van Gestel 1998\)/,
    );
    expect(screen.getByRole('figure', { name: 'Chart of DAS28-CRP over time; the same values are in the table below.' })).toBeInTheDocument();
    expect(rows('activity-table-tjc28')).toHaveLength(21);
  });

  it('rms-fr-001: relapses with ARR, EDSS with confirmed progression, lesions, JCV index, NEDA-3 per year', async () => {
    await renderPanel('rms-fr-001');
    expect(screen.getByTestId('arr-1')).toHaveTextContent('Annualised relapse rate, last 1 year(s) (Nov 15, 2025 to Nov 15, 2026): 0 (0 relapse(s))');
    expect(rows('activity-table-relapses')).toHaveLength(4);
    expect(screen.getByTestId('edss-progression')).toHaveAttribute('data-status', 'confirmed');
    expect(rows('activity-table-edss').some((r) => r.textContent?.includes('progression confirmed'))).toBe(true);
    expect(rows('activity-table-lesions')).toHaveLength(15);
    const jcv = rows('activity-table-jcv');
    expect(jcv).toHaveLength(14);
    expect(jcv.at(-1)).toHaveTextContent('1.8');
    expect(within(screen.getByTestId('activity-jcv')).getByTestId('activity-legend')).toHaveTextContent('index > 1.5 (higher PML risk)');
    expect(screen.getAllByTestId('jcv-serostatus').map((e) => e.textContent)).toEqual([
      'Anti-JCV antibody: negative (Feb 24, 2020)',
      'Anti-JCV antibody: positive (Feb 22, 2021)',
    ]);
    const neda = within(screen.getByTestId('activity-neda')).getAllByRole('row').slice(1);
    expect(neda.map((r) => r.getAttribute('data-status'))).toEqual(['met', 'met', 'met', 'met', 'met']);
  });

  it('sim-uc-01 in German: partial Mayo, calprotectin and CRP on the therapy periods, no English left', async () => {
    await renderPanel('sim-uc-01', 'de');
    expect(screen.getByRole('region', { name: 'Krankheitsaktivität' })).toBeInTheDocument();
    expect(rows('activity-table-mayoPartial')).toHaveLength(3);
    expect(rows('activity-table-fcal')).toHaveLength(4);
    expect(rows('activity-table-crp')).toHaveLength(9);
    expect(within(screen.getByTestId('activity-fcal')).getByTestId('activity-legend')).toHaveTextContent(
      'Schattierte Zeiträume: Therapien (Infliximab, Prednisolon)',
    );
    expect(rows('activity-table-periods').map((r) => r.textContent)).toEqual([expect.stringContaining('laufend'), expect.stringContaining('laufend')]);
    const text = screen.getByTestId('activity-uc').textContent ?? '';
    expect(text).not.toMatch(/\b(recorded|calculated|missing|Show|value|Date)\b/);
  });

  it('cd-us-001: the missing score is said in words', async () => {
    await renderPanel('cd-us-001');
    expect(screen.getByTestId('activity-missing-hbi')).toHaveTextContent('Harvey-Bradshaw Index: not in the record (missing).');
    expect(rows('activity-table-fcal')).toHaveLength(26);
  });
});

describe('TrendSummary', () => {
  it('ra-ips-001 on tocilizumab: DAS28-CRP, CDAI, joint counts in words with sparklines', async () => {
    const i18n = await createI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <TrendSummary record={record('ra-ips-001')} now={NOW} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('trend-summary')).toHaveTextContent(
      'Trends on the current therapy · since Mar 9, 2021 (from 90 days before the start of tocilizumab)',
    );
    expect(screen.getByTestId('trend-summary-das28Crp')).toHaveTextContent(
      'DAS28-CRP 5.07 (Nov 9, 2026) [moderate, calculated], falling from 5.21 (Mar 15, 2021)',
    );
    expect(screen.getByTestId('trend-summary-das28Crp').querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });
});
