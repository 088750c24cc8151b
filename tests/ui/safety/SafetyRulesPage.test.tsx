// @vitest-environment jsdom
// The safety rules page renders the rule table itself (every rule, once), in English, German and French.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { SAFETY_RULES } from '@src/rules/safety/rules.ts';
import { createI18n } from '@src/ui/i18n/index.ts';
import { SafetyRulesButton, SafetyRulesPage, safetyRuleRows } from '@src/ui/safety/SafetyRulesPage.tsx';
import { safetyPageTexts, thresholdsDe, thresholdsFr } from '@src/ui/safety/texts.ts';

afterEach(cleanup);

async function renderIn(lang: 'en' | 'de' | 'fr', ui = <SafetyRulesPage />): Promise<I18n> {
  const i18n = await createI18n(lang);
  render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
  return i18n;
}

const row = (id: string): HTMLElement => {
  const el = screen.getAllByTestId('safety-rule').find((r) => r.dataset['rule'] === id);
  if (!el) throw new Error(`no row ${id}`);
  return el;
};

describe('SafetyRulesPage', () => {
  it('lists every rule of the table once, with its level', async () => {
    await renderIn('en');
    const rows = screen.getAllByTestId('safety-rule');
    expect(rows.map((r) => r.dataset['rule'])).toEqual(SAFETY_RULES.map((r) => r.id));
    expect(rows.map((r) => r.dataset['severity'])).toEqual(SAFETY_RULES.map((r) => r.severity));
  });

  it('shows drugs, facts, threshold, unknown handling and both label sources of a rule (English)', async () => {
    await renderIn('en');
    const tb = within(row('tb-latent'));
    expect(tb.getByText(/Latent TB or a positive IGRA\/TST, without a recorded preventive treatment course/)).toBeTruthy();
    expect(row('tb-latent').textContent).toContain('treat before start');
    expect(row('tb-latent').textContent).toContain('screen before start');
    const s1p = row('s1p-qtc-contraindicated').textContent ?? '';
    expect(s1p).toContain('fingolimod ≥ 500 ms');
    expect(s1p).toContain('Gilenya SmPC 4.3');
    expect(s1p).toContain('Gilenya USPI 4');
    expect(row('renal-contraindicated').textContent).toContain('cladribine < 60');
  });

  it('reads in German: threshold, level, drug names and the unknown sentence', async () => {
    await renderIn('de');
    const text = row('anti-tnf-hf-severe').textContent ?? '';
    expect(text).toContain('Herzinsuffizienz NYHA-Klasse III oder IV');
    expect(text).toContain('kontraindiziert');
    expect(text).toContain('vor Beginn abklären');
    expect(text).toContain('mit dem Arzneimittel');
    expect(row('neutrophils-do-not-start').textContent).toContain('Teriflunomid < 1,5');
    expect(screen.getByText(safetyPageTexts.de.title)).toBeTruthy();
  });

  it('reads in French', async () => {
    await renderIn('fr');
    const text = row('vzv-non-immune').textContent ?? '';
    expect(text).toContain('IgG anti-VZV négatives');
    expect(text).toContain('traiter avant de commencer');
    expect(row('live-vaccine-recent').textContent).toContain('ocrélizumab < 42 d');
  });

  it('filters by drug name in the UI language', async () => {
    await renderIn('de');
    fireEvent.change(screen.getByTestId('safety-rules-filter'), { target: { value: 'Alemtuzumab' } });
    const ids = screen.getAllByTestId('safety-rule').map((r) => r.dataset['rule']);
    expect(ids).toContain('alemtuzumab-vascular');
    expect(ids).toContain('hiv-positive');
    expect(ids).not.toContain('jak-age');
  });

  it('opens from the ranking screen button and follows a language change', async () => {
    const i18n = await renderIn('en', <SafetyRulesButton />);
    expect(screen.queryByTestId('safety-rules')).toBeNull();
    fireEvent.click(screen.getByTestId('safety-rules-open'));
    expect(screen.getByTestId('safety-rules')).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('fr');
    });
    expect(screen.getByText(safetyPageTexts.fr.title)).toBeTruthy();
  });
});

describe('page texts', () => {
  it('every rule has a German and French threshold that is not the English one, with the decimal comma', () => {
    const problems: string[] = [];
    for (const r of SAFETY_RULES) {
      for (const [lang, table] of [
        ['de', thresholdsDe],
        ['fr', thresholdsFr],
      ] as const) {
        const t: string | undefined = (table as Readonly<Record<string, string>>)[r.id];
        if (!t) problems.push(`${lang} ${r.id}: missing`);
        else if (t === r.threshold) problems.push(`${lang} ${r.id}: English`);
        else if (/\d\.\d/.test(t)) problems.push(`${lang} ${r.id}: decimal point`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(thresholdsDe).sort()).toEqual(Object.keys(thresholdsFr).sort());
  });

  it.each(['de', 'fr'] as const)('%s rows leave no placeholder and no English unknown text', (lang) => {
    for (const r of safetyRuleRows(lang)) {
      expect(r.unknownText).not.toMatch(/[{}]/);
      expect(r.unknownText).not.toMatch(/\b(not found|before starting|the drug)\b/);
      expect(r.threshold).not.toMatch(/[{}]/);
    }
  });
});
