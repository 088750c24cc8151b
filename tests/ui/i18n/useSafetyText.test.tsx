// @vitest-environment jsdom
// useSafetyText renders a real flag (checkSafety) in the UI language through the app's i18next instance.
import { act, cleanup, render, screen } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSafety } from '@src/rules/safety/check.ts';
import type { SafetyFlag } from '@src/rules/safety/types.ts';
import { createInstance } from 'i18next';
import { createI18n } from '@src/ui/i18n/index.ts';
import { CLINICAL_LANGUAGES } from '@src/ui/i18n/inputs.ts';
import { safetyResources } from '@src/ui/i18n/safety.ts';
import { useSafetyText } from '@src/ui/ranking/useSafetyText.ts';
import { NOW, facts, ok, stale } from '../../unit/rules/safety/factsHelper.ts';

function FlagText({ flag }: { flag: SafetyFlag }) {
  const text = useSafetyText();
  return <p data-testid="flag">{text(flag)}</p>;
}

function flagOf(drug: string, record: ReturnType<typeof facts>, ruleId: SafetyFlag['ruleId']): SafetyFlag {
  const flag = checkSafety(drug, record, { now: NOW }).find((f) => f.ruleId === ruleId);
  if (!flag) throw new Error(`no ${ruleId} flag for ${drug}`);
  return flag;
}

const TB = flagOf('infliximab', facts([ok('tb_latent', true, { date: '2026-10-01' })]), 'tb-latent');
const STALE_SCREEN = flagOf('dimethyl fumarate', facts([stale('lymphocytes_10e9_l', 1.4, '2025-02-03')]), 'fumarate-lymphopenia-severe');

let i18n: I18n;
async function withResources(language: 'en' | 'de' | 'fr'): Promise<I18n> {
  const instance = await createI18n(language);
  for (const lng of CLINICAL_LANGUAGES) instance.addResourceBundle(lng, 'translation', safetyResources[lng], true, true);
  return instance;
}
const show = (flag: SafetyFlag) =>
  render(
    <I18nextProvider i18n={i18n}>
      <FlagText flag={flag} />
    </I18nextProvider>,
  );

afterEach(cleanup);

describe('useSafetyText', () => {
  beforeEach(async () => {
    i18n = await withResources('de');
  });

  it('a triggered TB flag reads as a German sentence with the German drug name and a German date', () => {
    expect(TB.messageKey).toBe('safety.tb-latent.triggered');
    show(TB);
    expect(screen.getByTestId('flag').textContent).toBe(
      'Latente Tuberkulose oder positives Tuberkulose-Screening (1. Okt. 2026), keine präventive Behandlung dokumentiert: vor Infliximab eine aktive Tuberkulose ausschließen und die Behandlung der latenten Tuberkulose beginnen.',
    );
  });

  it('translates the gap text and its date inside an unknown flag', () => {
    show(STALE_SCREEN);
    expect(screen.getByTestId('flag').textContent).toBe(
      'Lymphozytenzahl veraltet (zuletzt 3. Feb. 2025): vor Therapiebeginn mit Dimethylfumarat ist ein aktuelles Blutbild nötig.',
    );
  });

  it('follows a change of language', async () => {
    show(TB);
    await act(async () => {
      await i18n.changeLanguage('fr');
    });
    expect(screen.getByTestId('flag').textContent).toBe(
      'Tuberculose latente ou dépistage positif (1 oct. 2026), sans traitement préventif enregistré : exclure une tuberculose active et débuter le traitement de la tuberculose latente avant le traitement par infliximab.',
    );
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByTestId('flag').textContent).toBe(
      'Latent tuberculosis or positive TB screening (Oct 1, 2026), no preventive treatment recorded: exclude active TB and start latent TB treatment before infliximab.',
    );
  });

  it('falls back to the flag’s English text when the key is missing', () => {
    show({ ...TB, messageKey: 'safety.tb-latent.no-such-variant' });
    expect(screen.getByTestId('flag').textContent).toBe(TB.text);
  });

  it('falls back to the English text on an instance without the safety resources', async () => {
    i18n = createInstance();
    await i18n.init({ lng: 'de', resources: { de: { translation: {} } } });
    show(TB);
    expect(screen.getByTestId('flag').textContent).toBe(TB.text);
  });
});
