// @vitest-environment jsdom
// Issue 13 item 5: the model card as a plain-language first page in the UI language, the validation
// table kept, and the technical card (MODEL_CARD.md) behind its own control, formatted, never as HTML.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedModel } from '@src/model/loader.ts';
import { parseModelSpec } from '@src/model/specSchema.ts';
import { ModelCardButton } from '@src/ui/ranking/ModelCardDialog.tsx';
import { modelsFetch } from '../../support/bundledModels.ts';
import { renderWithProviders } from '../../support/providers.tsx';

const model = (ind: string): LoadedModel => ({
  key: ind,
  spec: parseModelSpec(JSON.parse(readFileSync(`models/${ind}/spec.json`, 'utf8')), ind),
  baseUrl: `http://app.test/models/${ind}/`,
  loadMs: 0,
});
const metrics = (ind: string) =>
  JSON.parse(readFileSync(`models/${ind}/metrics.json`, 'utf8')) as { loto: { trials: number; summary: Record<string, [number, number]> } };

beforeEach(() => {
  vi.stubGlobal('fetch', modelsFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function open(ind: string, language: 'en' | 'de' | 'fr') {
  await renderWithProviders(<ModelCardButton model={model(ind)} />, { language });
  fireEvent.click(screen.getByTestId('model-card-open'));
  await waitFor(() => expect(screen.getByTestId('validation-table')).toBeInTheDocument());
  return screen.getByTestId('model-card-plain');
}

describe('plain-language model card', () => {
  it('English (RMS): who, what a number means with the spec’s endpoint, simulated data with the record count, limits with the trial counts', async () => {
    const plain = await open('rms', 'en');
    const spec = model('rms').spec;
    const s = metrics('rms').loto.summary;
    expect(within(plain).getByTestId('model-plain-use').textContent).toMatch(/For adults with relapsing multiple sclerosis about to start or switch/);
    expect(within(plain).getByTestId('model-plain-use').textContent).toContain(`It compares the ${spec.outputs.drugs.length} drugs of its list`);
    expect(within(plain).getByTestId('model-plain-number').textContent).toContain('estimated probability of relapse-free at 2 years');
    expect(within(plain).getByTestId('model-plain-number').textContent).toContain('The range beside it is a 90 % interval');
    expect(within(plain).getByTestId('model-plain-data').textContent).toContain(
      `It learnt from ${Number(spec.training['records']).toLocaleString('en')} simulated patients, not from real patient data`,
    );
    const limits = within(plain).getByTestId('model-plain-limits').textContent ?? '';
    expect(limits).toContain(`Checked against ${metrics('rms').loto.trials} published trials`);
    expect(limits).toContain(
      `for ${s['armsInCi']?.[0]} of ${s['armsInCi']?.[1]} trial arms, and inside the model’s 90 % interval for ${s['pi90']?.[0]} of ${s['pi90']?.[1]}`,
    );
    expect(limits).toContain(`In ${s['headToHead']?.[0]} of ${s['headToHead']?.[1]} head-to-head comparisons`);
    expect(limits).toMatch(/fewer than 8 in 10 trial arms/);
    expect(limits).toMatch(/Poisson/);
    // The validation table stays; the technical card is not shown until asked for.
    expect(screen.getByTestId('validation-section')).toBeInTheDocument();
    expect(screen.queryByTestId('model-card-text')).toBeNull();
  });

  it.each([
    [
      'de',
      'cd',
      /Für Erwachsene mit Morbus Crohn/,
      /Wahrscheinlichkeit für klinische Remission \(CDAI < 150\) bis Ende der Induktion, Woche 4-12/,
      'Modellkarte: Morbus Crohn: klinische Remission (CDAI < 150)',
    ],
    [
      'fr',
      'ra',
      /Pour les adultes atteints de polyarthrite rhumatoïde/,
      /probabilité estimée de réponse ACR50 à semaines 12-24/,
      'Fiche du modèle : Polyarthrite rhumatoïde : réponse ACR50',
    ],
  ] as const)('%s (%s): the page and its title in the UI language', async (language, ind, who, number, title) => {
    const plain = await open(ind, language);
    expect(plain.textContent).toMatch(who);
    expect(plain.textContent).toMatch(number);
    expect(within(screen.getByRole('dialog')).getByRole('heading', { level: 2 }).textContent).toBe(title);
    // No English sentence of the plain page leaks into a German or French screen.
    for (const english of ['What it is for', 'What a number means', 'Main limits', 'simulated patients', 'Checked against'])
      expect(plain.textContent).not.toContain(english);
  });

  it('the technical card opens formatted: sections as headings, tables as tables, no Markdown syntax left', async () => {
    await open('cd', 'en');
    const toggle = screen.getByTestId('model-card-technical-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    const card = await screen.findByTestId('model-card-text');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toMatch(/^Model card: Crohn's disease/);
    expect(
      within(card)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^9\. Limitations/)]));
    expect(within(card).getAllByRole('table').length).toBeGreaterThan(3);
    expect(card.textContent).not.toMatch(/\*\*|^#|\|---/m);
    expect(card.querySelector('strong')?.textContent).toBe('Trained on simulated data, not validated on patients, not for clinical decisions.');
  });

  it('HTML in a card is shown as text, never injected', async () => {
    const serve = modelsFetch();
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('MODEL_CARD.md')) return Promise.resolve(new Response('# Card\n\n<img src=x onerror="alert(1)"> **bold** <script>alert(2)</script>'));
      return serve(input, init);
    });
    await open('uc', 'en');
    fireEvent.click(screen.getByTestId('model-card-technical-toggle'));
    const card = await screen.findByTestId('model-card-text');
    expect(card.querySelector('img, script')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(card.textContent).toContain('<script>alert(2)</script>');
  });
});
