// @vitest-environment jsdom
// Issue 11: the model card's "Validation against published trials", rendered from the real
// models/ra/metrics.json (served by a stubbed fetch as the web server serves it) in English and German.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedModel } from '@src/model/loader.ts';
import { parseModelSpec } from '@src/model/specSchema.ts';
import { ModelCardButton } from '@src/ui/ranking/ModelCardDialog.tsx';
import { ValidationSection } from '@src/ui/ranking/ValidationSection.tsx';
import { modelsFetch } from '../../support/bundledModels.ts';
import { renderWithProviders } from '../../support/providers.tsx';

const RA = 'http://app.test/models/ra/';
const metrics = JSON.parse(readFileSync('models/ra/metrics.json', 'utf8')) as { loto: { arms: unknown[]; summary: Record<string, [number, number]> } };

beforeEach(() => {
  vi.stubGlobal('fetch', modelsFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The URL a fetch was asked for. */
function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

const count = (measure: string) => screen.getAllByTestId('validation-count').find((c) => c.dataset['measure'] === measure)?.textContent ?? '';
const loaded = () => waitFor(() => expect(screen.getByTestId('validation-table')).toBeInTheDocument());

describe('ValidationSection (RA)', () => {
  it('English: what leave-one-trial-out is, the four counts, tau, the targets, one row per held-out arm', async () => {
    await renderWithProviders(<ValidationSection baseUrl={RA} enabled />, { language: 'en' });
    await loaded();
    const [a, of] = metrics.loto.summary['armsInCi'] ?? [NaN, NaN];
    expect(screen.getByTestId('validation-summary').textContent).toMatch(/each of the 15 trials was removed in turn/);
    expect(count('armsInCi')).toContain(`${a} of ${of}`);
    expect(count('diffsInCi')).toContain('13 of 33');
    expect(count('headToHead')).toContain('2 of 5');
    expect(count('pi90')).toContain('44 of 51');
    expect(screen.getByTestId('validation-tau').textContent).toBe('Between-trial heterogeneity τ = 0.56 (95% interval 0.00–1.61) on the log odds ratio scale.');
    expect(screen.getByTestId('validation-targets').dataset['met']).toBe('false');
    expect(screen.getByTestId('validation-targets').textContent).toMatch(/most drugs have only one trial/);
    const bound = (metrics.loto as { inSample?: Record<string, [number, number]> }).inSample?.['armsInCi'] ?? [NaN, NaN];
    expect(screen.getByTestId('validation-in-sample').textContent).toContain(`places ${bound[0]} of ${bound[1]} arms`);

    const table = screen.getByTestId('validation-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Trial', 'Endpoint', 'Arm', 'Published (95% CI)', 'Predicted (90% interval)', 'Inside the 95% CI']);
    const rows = screen.getAllByTestId('validation-arm');
    expect(rows).toHaveLength(metrics.loto.arms.length);
    expect(rows.filter((r) => r.dataset['inCi'] === 'true')).toHaveLength(a);
    const first = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(first).toEqual(['ARMADA', 'ACR20', 'comparator (no advanced therapy)', '14.5 % (7.8 % – 25.3 %)', '29.3 % (12.7 % – 54.3 %)', 'no']);
    const attract = rows.find((r) => r.textContent?.includes('ATTRACT') && r.textContent.includes('infliximab'));
    expect(attract?.textContent).toContain('infliximab *');
    expect(screen.getByText(/No other trial of this drug/)).toBeInTheDocument();
  });

  it('German: the same figures in German words and number format, no English header left', async () => {
    await renderWithProviders(<ValidationSection baseUrl={RA} enabled />, { language: 'de' });
    await loaded();
    expect(screen.getByRole('heading', { name: 'Validierung an veröffentlichten Studien' })).toBeInTheDocument();
    expect(count('armsInCi')).toContain('21 von 51');
    expect(count('headToHead')).toContain('2 von 5');
    expect(screen.getByTestId('validation-tau').textContent).toBe(
      'Heterogenität zwischen den Studien τ = 0,56 (95-%-Intervall 0,00–1,61) auf der Skala des logarithmierten Odds Ratios.',
    );
    expect(screen.getByTestId('validation-targets').textContent).toMatch(/nur eine Studie/);
    const headers = within(screen.getByTestId('validation-table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Studie', 'Endpunkt', 'Studienarm', 'Veröffentlicht (95-%-KI)', 'Vorhergesagt (90-%-Intervall)', 'Im 95-%-KI']);
    const rows = screen.getAllByTestId('validation-arm');
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['ARMADA', 'ACR20', 'Vergleichsarm (keine fortgeschrittene Therapie)', '14,5 % (7,8 % – 25,3 %)', '29,3 % (12,7 % – 54,3 %)', 'nein']);
    const mono = rows.find((r) => r.textContent?.includes('Monotherapie'));
    expect(mono).toBeDefined();
    expect(screen.getByTestId('validation-section').textContent).not.toMatch(/\b(of|inside|published|trial|comparator|monotherapy)\b/);
  });

  it('relapsing MS: annualised relapse rates as rates, not percentages, and tau on the rate-ratio scale', async () => {
    await renderWithProviders(<ValidationSection baseUrl="http://app.test/models/rms/" enabled />, { language: 'fr' });
    await loaded();
    const first = within(screen.getAllByTestId('validation-arm')[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(first.slice(1, 4)).toEqual(['taux annualisé de poussées', 'comparateur (sans traitement avancé)', '1,12 (0,96 – 1,31)']);
    expect(screen.getByTestId('validation-tau').textContent).toMatch(/rapport de taux/);
    expect(count('headToHead')).toContain('10 sur 10');
  });

  it('a model without metrics.json says the figures are not available and shows no table', async () => {
    await renderWithProviders(<ValidationSection baseUrl="http://app.test/models/none/" enabled />, { language: 'en' });
    await waitFor(() => expect(screen.getByTestId('validation-unavailable')).toBeInTheDocument());
    expect(screen.getByTestId('validation-unavailable').textContent).toBe('Validation figures not available for this model.');
    expect(screen.getByTestId('validation-unavailable').dataset['problem']).toBe('missing');
    expect(screen.queryByTestId('validation-table')).toBeNull();
  });

  it('a malformed metrics.json says so in German, without throwing', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{"loto": {"trials": "many"}}')));
    await renderWithProviders(<ValidationSection baseUrl={RA} enabled />, { language: 'de' });
    await waitFor(() => expect(screen.getByTestId('validation-unavailable')).toBeInTheDocument());
    expect(screen.getByTestId('validation-unavailable').dataset['problem']).toBe('malformed');
    expect(screen.getByTestId('validation-unavailable').textContent).toBe('Für dieses Modell sind keine Validierungsergebnisse verfügbar.');
  });
});

describe('in the model card dialog', () => {
  it('opening the card fetches metrics.json beside spec.json and shows the section', async () => {
    const spec = parseModelSpec(JSON.parse(readFileSync('models/ra/spec.json', 'utf8')), 'ra');
    const model: LoadedModel = { key: 'ra', spec, baseUrl: RA, loadMs: 0 };
    const seen: string[] = [];
    const serve = modelsFetch();
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      seen.push(urlOf(input));
      return serve(input, init);
    });
    await renderWithProviders(<ModelCardButton model={model} />, { language: 'en' });
    expect(seen).toEqual([]);
    fireEvent.click(screen.getByTestId('model-card-open'));
    await loaded();
    expect(within(screen.getByRole('dialog')).getByTestId('validation-section')).toBeInTheDocument();
    expect(seen).toContain(`${RA}metrics.json`);
  });
});
