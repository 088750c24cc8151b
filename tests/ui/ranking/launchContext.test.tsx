// @vitest-environment jsdom
// The options as the EHR's launch context opens them (cd-us-001: Crohn's, on ustekinumab, adalimumab lost):
// the named drug's row highlighted with its "Why?" open; a drug that is not a new-start option gets a note
// instead, in the reader's language; every note reads in EN, DE and FR.
import { render, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Explanation } from '@src/pipeline/index.ts';
import type { LaunchNote, LaunchNoteCode } from '@src/pipeline/launchFocus.ts';
import { LaunchContextNotes } from '@src/ui/components/LaunchContextNotes.tsx';
import { DecisionOptions } from '@src/ui/decision/DecisionOptions.tsx';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { LaunchFocusContext, NO_LAUNCH_FOCUS, type LaunchFocusValue } from '@src/ui/LaunchFocusContext.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';

let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

const { record, ranking } = demoRanking('cd-us-001.json');
/** An explanation for every option, so each row has its "Why?" (the values do not matter here). */
const explanation: Explanation = {
  explanations: Object.fromEntries(
    ranking.options.map((o) => [
      o.drug,
      { drug: o.drug, reference: 0.5, prediction: o.probability, contributions: [{ input: 'age', phi: 0.02, se: 0 }], method: 'exact' },
    ]),
  ),
  gapImpact: [],
  explainTimings: { runMs: 0, workerMs: 0, explainMs: 0 },
};

async function renderOptions(focus: LaunchFocusValue, lang: Language = 'en') {
  await i18n.changeLanguage(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <LaunchFocusContext.Provider value={focus}>
        <DecisionOptions recommendation={ranking} explanation={explanation} record={record} now={NOW} />
      </LaunchFocusContext.Provider>
    </I18nextProvider>,
  );
}

const row = (drug: string) => screen.getAllByTestId('ranked-option').find((r) => r.dataset['drug'] === drug)!;

describe('a drug named by the launch context', () => {
  it('opens on its row: highlighted, marked for screen readers, its "Why?" open; no other row', async () => {
    await renderOptions({ drug: 'adalimumab', notes: [] });
    const ada = row('adalimumab');
    expect(ada.dataset['launchFocus']).toBe('true');
    expect(ada).toHaveAttribute('aria-current', 'true');
    expect(ada).toHaveClass('Mui-selected');
    expect(within(ada).getByTestId('launch-focus-note').textContent).toBe('Opened from the EHR');
    expect(within(ada).getByTestId('explain-adalimumab')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('explanation-adalimumab')).toBeInTheDocument();
    expect(document.querySelectorAll('[data-launch-focus]')).toHaveLength(1);
    expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(1);
    expect(screen.queryByTestId('launch-drug-note')).toBeNull();
  });

  it('without a launch context nothing is highlighted or open', async () => {
    await renderOptions(NO_LAUNCH_FOCUS);
    expect(document.querySelectorAll('[data-launch-focus]')).toHaveLength(0);
    expect(screen.queryAllByRole('button', { expanded: true })).toHaveLength(0);
  });

  it('a focus that arrives after the first render (a context resource read on its own) opens its row then', async () => {
    const view = await renderOptions(NO_LAUNCH_FOCUS);
    expect(screen.queryAllByRole('button', { expanded: true })).toHaveLength(0);
    view.rerender(
      <I18nextProvider i18n={i18n}>
        <LaunchFocusContext.Provider value={{ drug: 'vedolizumab', notes: [] }}>
          <DecisionOptions recommendation={ranking} explanation={explanation} record={record} now={NOW} />
        </LaunchFocusContext.Provider>
      </I18nextProvider>,
    );
    expect(row('vedolizumab').dataset['launchFocus']).toBe('true');
    expect(within(row('vedolizumab')).getByTestId('explain-vedolizumab')).toHaveAttribute('aria-expanded', 'true');
  });

  it('in German and French the row says so in the reader’s language', async () => {
    await renderOptions({ drug: 'adalimumab', notes: [] }, 'de');
    expect(within(row('adalimumab')).getByTestId('launch-focus-note').textContent).toBe('Vom KIS geöffnet');
    await renderOptions({ drug: 'adalimumab', notes: [] }, 'fr');
    expect(
      within(screen.getAllByTestId('ranked-option').filter((r) => r.dataset['drug'] === 'adalimumab')[1]!).getByTestId('launch-focus-note').textContent,
    ).toBe('Ouvert depuis le DPI');
  });

  it('the current therapy is not a new start: a note points to its own panel', async () => {
    await renderOptions({ drug: 'ustekinumab', notes: [] });
    const note = screen.getByTestId('launch-drug-note');
    expect(within(note).getByRole('listitem').dataset['code']).toBe('drug-current');
    expect(note.textContent).toMatch(/ustekinumab, the current therapy/);
    expect(document.querySelectorAll('[data-launch-focus]')).toHaveLength(0);
    expect(screen.getByTestId('continue-panel').dataset['drug']).toBe('ustekinumab');
  });

  it.each([
    ['en', /etanercept, which is not an option for Crohn’s disease here; ignored/],
    ['de', /Das KIS wollte Etanercept öffnen; bei Morbus Crohn steht es hier nicht zur Wahl/],
    ['fr', /Le DPI a demandé d’ouvrir étanercept, qui ne fait pas partie des choix ici \(indication : Maladie de Crohn\)/],
  ] as const)('a drug that is no option for the indication (etanercept in Crohn’s) is a note, not a row: %s', async (lang, text) => {
    await renderOptions({ drug: 'etanercept', notes: [] }, lang);
    const note = screen.getByTestId('launch-drug-note');
    expect(within(note).getByRole('listitem').dataset['code']).toBe('drug-not-option');
    expect(note.textContent).toMatch(text);
    expect(screen.getAllByTestId('ranked-option').some((r) => r.dataset['drug'] === 'etanercept')).toBe(false);
  });
});

/** One note of every kind, as launchFocus.ts makes them. */
const EVERY_NOTE: LaunchNote[] = (
  [
    ['fhir-context-malformed', {}],
    ['app-context-malformed', {}],
    ['unknown-indication', { raw: 'psoriasis' }],
    ['indication-not-in-record', { indication: 'UC' }],
    ['indication-suspected', { indication: 'RMS' }],
    ['indication-inactive', { indication: 'RA' }],
    ['condition-excluded', { ref: 'Condition/c-1' }],
    ['condition-not-indication', { ref: 'Condition/c-2' }],
    ['other-patient', { ref: 'MedicationRequest/m-1' }],
    ['not-in-record', { ref: 'MedicationRequest/m-2' }],
    ['unknown-drug', { raw: 'aspirin' }],
    ['drug-not-option', { drug: 'etanercept', indication: 'CD' }],
    ['drug-current', { drug: 'ustekinumab' }],
    ['conflict', { raw: 'upadacitinib' }],
  ] as Array<[LaunchNoteCode, Omit<LaunchNote, 'code'>]>
).map(([code, rest]) => ({ code, ...rest }));

async function texts(lang: Language): Promise<string[]> {
  await i18n.changeLanguage(lang);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <LaunchContextNotes notes={EVERY_NOTE} />
    </I18nextProvider>,
  );
  const out = within(view.container)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  view.unmount();
  return out;
}

describe('the launch context notes', () => {
  it('every kind has its sentence in EN, DE and FR, with the values filled in and nothing left untranslated', async () => {
    const en = await texts('en');
    expect(en).toHaveLength(EVERY_NOTE.length);
    for (const lang of ['de', 'fr'] as const) {
      const other = await texts(lang);
      expect(other).toHaveLength(EVERY_NOTE.length);
      other.forEach((t, i) => {
        expect(t, `${lang} ${EVERY_NOTE[i]!.code}`).not.toBe(en[i]);
        expect(t).not.toMatch(/\{\{|launchContext\./);
      });
    }
    expect(en[3]).toMatch(/ulcerative colitis/i);
    expect(en[6]).toContain('Condition/c-1');
    expect(en[10]).toContain('“aspirin”');
  });

  it('nothing is rendered without notes', async () => {
    const view = render(
      <I18nextProvider i18n={i18n}>
        <LaunchContextNotes notes={[]} />
      </I18nextProvider>,
    );
    expect(view.container.innerHTML).toBe('');
  });
});
