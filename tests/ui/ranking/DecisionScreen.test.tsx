// @vitest-environment jsdom
// The decision screen on demo records: history on the rows, tier groups, the continue panel, the checklist and the question.
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionOptions } from '@src/ui/decision/DecisionOptions.tsx';
import { QuestionPanel } from '@src/ui/decision/QuestionPanel.tsx';
import { decisionEn } from '@src/ui/decision/messages.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';

let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

function renderScreen(file: string, lang: Language = 'en') {
  const { record, ranking } = demoRanking(file);
  void i18n.changeLanguage(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <QuestionPanel record={record} now={NOW} />
      <DecisionOptions recommendation={ranking} explanation={undefined} record={record} now={NOW} />
    </I18nextProvider>,
  );
}

const rows = () => screen.getAllByTestId('ranked-option');
const row = (drug: string) => rows().find((r) => r.dataset['drug'] === drug);

describe('the row history line (cd-us-001: infliximab lost with antibodies, adalimumab lost, on ustekinumab)', () => {
  it('infliximab says when and why it stopped and is demoted out of the first position', () => {
    renderScreen('cd-us-001.json');
    const ifx = row('infliximab');
    const line = within(ifx!).getByTestId('option-history');
    expect(line.textContent).toMatch(/Stopped 04\/2019: loss of response with anti-drug antibodies: not a first choice/);
    expect(line.dataset['level']).toBe('not-first-choice');
    expect(ifx?.dataset['demoted']).toBe('true');
    expect(rows()[0]?.dataset['drug']).not.toBe('infliximab');
    expect(within(ifx!).getByTestId('demoted-note')).toBeInTheDocument();
    expect(screen.getByTestId('demotion-rule').textContent).toMatch(/failed or did not tolerate/);
  });

  it('the source episode is one click away: dates, the clinician’s words, the resources and the evidence', () => {
    renderScreen('cd-us-001.json');
    fireEvent.click(within(row('infliximab')!).getByRole('button', { name: /History of infliximab/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toMatch(/antibodies to infliximab 2019-03/);
    expect(dialog.textContent).toMatch(/Roblin/);
    // The resources sit behind one "Source (n)" control, not as a list of ids in the text.
    const sources = within(dialog).getAllByTestId('history-sources')[0]!;
    expect(sources.textContent).toMatch(/^Source \(\d+\)$/);
    fireEvent.click(within(sources).getByTestId('source-list-open'));
    const list = screen.getByTestId('source-list');
    expect(
      within(list)
        .getAllByTestId('source-list-row')
        .map((r) => r.dataset['ref']),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^MedicationRequest\/cd-us-001-mr-ifx/)]));
  });

  it('a related drug carries a mechanism note: risankizumab on the IL-23 pathway of the current ustekinumab', () => {
    renderScreen('cd-us-001.json');
    expect(within(row('risankizumab')!).getByTestId('option-history').textContent).toMatch(/Same pathway \(IL-23\) as the current ustekinumab/);
    expect(within(row('vedolizumab')!).queryByTestId('option-history')).toBeNull();
  });
});

describe('tier groups (ra-de-002: NYHA III, no hepatitis B serology)', () => {
  it('suitable, restricted and contraindicated are separate groups; no restricted option above a suitable one', () => {
    renderScreen('ra-de-002.json');
    const groups = screen.getAllByTestId('tier-group').map((g) => g.dataset['tier']);
    expect(groups).toEqual(['suitable', 'restricted', 'contraindicated']);
    const contra = within(screen.getAllByTestId('tier-group')[2]!)
      .getAllByTestId('ranked-option')
      .map((r) => r.dataset['drug']);
    expect(contra).toEqual(expect.arrayContaining(['adalimumab', 'infliximab', 'certolizumab pegol', 'golimumab']));
    const tiers = rows().map((r) => r.dataset['tier']);
    expect(tiers.lastIndexOf('suitable')).toBeLessThan(tiers.indexOf('restricted'));
    expect(rows().map((r) => Number(r.dataset['rank']))).toEqual(rows().map((_, i) => i + 1));
  });

  it('one checklist holds the screening to-dos; the rows keep only drug-specific findings', () => {
    renderScreen('ra-de-002.json');
    const items = screen.getAllByTestId('checklist-item');
    const hbv = items.find((i) => i.dataset['topic'] === 'hbv');
    expect(hbv?.dataset['drugs']?.split('|')).toEqual(expect.arrayContaining(['abatacept', 'tocilizumab', 'rituximab']));
    expect(hbv?.textContent).toMatch(/HBsAg and anti-HBc/);
    expect(new Set(items.map((i) => i.dataset['topic'])).size).toBe(items.length);
    const tb = items.find((i) => i.dataset['topic'] === 'tb');
    expect(tb?.textContent).toMatch(/out of date/);
    for (const r of rows()) expect(r.querySelectorAll('[data-testid="flags"] [data-severity="screen-before-start"]')).toHaveLength(0);
    expect(within(row('abatacept')!).getByTestId('checklist-ref').textContent).toMatch(/Hepatitis B/);
    expect(within(row('infliximab')!).getByTestId('flags').querySelector('[data-rule="anti-tnf-hf-severe"][data-flag-state="triggered"]')).not.toBeNull();
  });
});

describe('the continue panel and the question (rms-fr-001: natalizumab since 2020, JCV index 1.8)', () => {
  it('the current therapy is not a ranked option: its own panel, judged on response, with the PML finding', () => {
    renderScreen('rms-fr-001.json');
    expect(row('natalizumab')).toBeUndefined();
    const panel = screen.getByTestId('continue-panel');
    expect(panel.textContent).toMatch(/Continue natalizumab\?/);
    expect(within(panel).getByTestId('therapy-status').dataset['status']).toBe('responding');
    expect(within(panel).getByTestId('continue-model').textContent).toMatch(/not comparable/);
    expect(within(panel).getByTestId('continue-flags').querySelector('[data-rule^="natalizumab-"]')).not.toBeNull();
  });

  it('the question: one diagnosis line with onset, the current therapy with duration, relapses and NEDA-3, the switch reason', () => {
    renderScreen('rms-fr-001.json');
    const q = screen.getByTestId('question');
    expect(within(q).getByTestId('question-indication').textContent).toMatch(/^Relapsing multiple sclerosis.*onset/);
    expect(within(q).getByTestId('question-current').textContent).toMatch(/On natalizumab since .*2020 \(6 years/);
    expect(within(q).getByTestId('response-lines').textContent).toMatch(/Relapses: 0 in 12 months/);
    expect(within(q).getByTestId('switch-reasons').querySelector('[data-reason="natalizumab-pml-high"]')).not.toBeNull();
  });

  it('dimethyl fumarate after severe lymphopenia: "avoid" on its row', () => {
    renderScreen('rms-fr-001.json');
    const line = within(row('dimethyl fumarate')!).getByTestId('option-history');
    expect(line.dataset['level']).toBe('avoid');
    expect(line.textContent).toMatch(/(intolerance|adverse event): lymphopenia: avoid/);
  });

  it('treatment-naive (rms-ch-004): no continue panel; the question says so and names the pregnancy plan and the activity', () => {
    renderScreen('rms-ch-004.json');
    expect(screen.queryByTestId('continue-panel')).toBeNull();
    const q = screen.getByTestId('question');
    expect(q.textContent).toMatch(/No advanced therapy now/);
    const reasons = [...within(q).getByTestId('switch-reasons').querySelectorAll('[data-reason]')].map((e) => e.getAttribute('data-reason'));
    expect(reasons).toEqual(expect.arrayContaining(['ms-activity', 'pregnancy-planned']));
  });
});

/** English phrases of three words or more of the decision strings. */
function phrases(obj: unknown, out: string[] = []): string[] {
  if (typeof obj === 'string') for (const part of obj.split(/\{\{[^}]+\}\}/)) if (part.trim().split(/\s+/).length >= 3) out.push(part.trim());
  if (obj && typeof obj === 'object') for (const v of Object.values(obj)) phrases(v, out);
  return out;
}

describe('German and French', () => {
  it.each(['de', 'fr'] as const)('%s: the screen shows no English phrase of the decision strings', async (lang) => {
    i18n = await createI18n(lang);
    renderScreen('cd-us-001.json', lang);
    const text = document.body.textContent ?? '';
    expect(phrases(decisionEn).filter((p) => text.includes(p))).toEqual([]);
    expect(text).toMatch(lang === 'de' ? /Abgesetzt 04[./]2019: Wirkverlust mit Antikörpern/ : /Arrêté 04\/2019 : perte de réponse avec anticorps/);
  });
});
