// @vitest-environment jsdom
// The print / PDF summary on demo records: every part a reader files, in EN/DE/FR (issue 13, item 8).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Bundle, Patient } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { rankPredictions, type Ranking } from '@src/pipeline/index.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { PrintSummary } from '@src/ui/ranking/PrintSummary.tsx';
import type { RecordedDecision } from '@src/ui/ranking/printSummary.ts';
import { isOpenCheck, printableIdentifiers } from '@src/ui/ranking/printSummary.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';

const PRINTED = new Date('2026-11-15T14:30:00Z');
let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

function patientOf(file: string): Patient {
  const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '../../../sandbox/fixtures', file), 'utf8')) as Bundle;
  return bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as Patient;
}

/** The demo ranking with the background-medication findings computed as the pipeline does (rankPredictions). */
function ranking(file: string): ReturnType<typeof demoRanking> {
  const { record, ranking: r } = demoRanking(file);
  const predictions = r.options.map((o) => ({ drug: o.drug, mean: o.probability, lower: o.lower, upper: o.upper }));
  const { currentMedicationFlags } = rankPredictions(record, r.spec, predictions, NOW);
  return { record, ranking: { ...r, currentMedicationFlags } };
}

function renderSummary(file: string, opts: { lang?: Language; decision?: RecordedDecision; patch?: Partial<Ranking> } = {}) {
  const { record, ranking: r } = ranking(file);
  void i18n.changeLanguage(opts.lang ?? 'en');
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient()}>
        <PrintSummary
          recommendation={{ ...r, ...opts.patch }}
          record={record}
          now={NOW}
          patient={patientOf(file)}
          decision={opts.decision ?? null}
          clock={() => PRINTED}
        />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { summary: screen.getByTestId('print-summary'), ranking: r };
}

const byName = (a: string, b: string) => a.localeCompare(b);
const part = (id: string) => screen.getByTestId(`print-${id}`).textContent ?? '';

describe('print summary (ra-lu-003: methotrexate, pregnancy planned)', () => {
  it('is a direct child of <body>, so print CSS can leave out everything else', () => {
    const { summary } = renderSummary('ra-lu-003.json');
    expect(summary.parentElement).toBe(document.body);
    expect(screen.getByTestId('print-summary-button').textContent).toBe('Print summary');
  });

  it('names the patient with birth date and a labelled identifier (no system URL), the time printed and the model', () => {
    renderSummary('ra-lu-003.json');
    expect(part('patient')).toMatch(/Laura Schmit · born 23 May 1996|Laura Schmit · born May 23, 1996/);
    expect(part('patient')).toContain('MRN: HEL-2204417');
    expect(part('patient')).toContain('Matricule (LU): 1996052327431');
    expect(part('patient')).not.toMatch(/https?:|urn:oid/);
    expect(part('printed')).toMatch(/Printed November 15, 2026 at \d{1,2}:30/);
    expect(part('printed')).toContain('Signed in: user not named by the EHR');
    expect(part('model')).toBe('Model: Rheumatoid arthritis: probability of ACR50 response per option, version 1.2.0-sim');
  });

  it('says what a percentage means and that the model learnt from a simulated cohort calibrated to trials', () => {
    renderSummary('ra-lu-003.json');
    expect(part('meaning')).toContain('probability of ACR50 response at weeks 12-24 for a patient like those in the trials');
    expect(part('meaning')).toContain('90% interval');
    expect(part('meaning')).toContain('simulated cohort calibrated to published trial results');
  });

  it('lists the current-medication findings: the methotrexate washout before a planned pregnancy', () => {
    renderSummary('ra-lu-003.json');
    expect(part('current-meds')).toMatch(/Methotrexate: .*(pregnan|washout)/i);
  });

  it('lists the options in tiers with probability, 90% interval and the decisive finding of each', () => {
    const { ranking: r } = renderSummary('ra-lu-003.json');
    const tiers = screen.getAllByTestId('print-tier').map((t) => t.dataset['tier']);
    expect(tiers[0]).toBe('suitable');
    const items = screen.getAllByTestId('print-option');
    // every new start once, the current therapy in its own part
    expect(items.map((i) => i.dataset['drug'] ?? '').sort(byName)).toEqual(
      r.options
        .filter((o) => !o.current)
        .map((o) => o.drug)
        .sort(byName),
    );
    for (const item of items) expect(item.textContent).toMatch(/\d+ % \(90% interval \d+ % – \d+ %\)/);
    // an option outside the suitable tier names the finding that put it there
    const restricted = r.options.filter((o) => !o.current && (o.worst === 'contraindicated' || o.worst === 'only-if-no-alternative'));
    expect(restricted.length).toBeGreaterThan(0);
    for (const o of restricted) expect(items.find((i) => i.dataset['drug'] === o.drug)?.textContent).toMatch(/Safety: /);
  });

  it('lists the open pre-treatment checks only, each with the options that need it', () => {
    renderSummary('ra-lu-003.json');
    const text = part('checklist');
    expect(text).toMatch(/Before starting: checks still open/);
    expect(text).toMatch(/Blood count: Not in the record \(for [a-z]/);
  });

  it('without a recorded decision: "Decision: not recorded" and a line to write on', () => {
    renderSummary('ra-lu-003.json');
    expect(part('decision')).toContain('Decision: not recorded');
    expect(part('decision')).toContain('Option chosen: ____');
  });

  it('names the missing inputs with their state', () => {
    renderSummary('ra-lu-003.json', { patch: { excluded: [{ input: 'anti_ccp_positive', state: 'missing', reason: 'no result' }] } });
    expect(part('missing')).toContain('Anti-CCP positive (not in the record)');
  });
});

describe('print summary: current therapy, history and a recorded decision', () => {
  it('cd-us-001: ustekinumab as current therapy with its assessment; infliximab carries its history', () => {
    renderSummary('cd-us-001.json');
    expect(part('current')).toMatch(/ustekinumab since Jul 5, 2022 \(4 years 4 months\)/);
    expect(part('current')).toMatch(/Assessment: not working well enough/);
    expect(part('current')).toMatch(/Calprotectin 831/);
    expect(part('current')).toMatch(/Model estimate for continuing: 58 %/);
    expect(part('current')).toMatch(/Reasons to switch in the record: Inflammation active/);
    const ifx = screen.getAllByTestId('print-option').find((i) => i.dataset['drug'] === 'infliximab')!;
    expect(ifx.textContent).toMatch(/History: Stopped 04\/2019: loss of response with anti-drug antibodies/);
  });

  it('a recorded decision names the option, the user, the time and the reason', () => {
    renderSummary('cd-us-001.json', {
      decision: { drug: 'vedolizumab', reason: 'patient preference', user: 'Practitioner/pract-demo', at: PRINTED, decisionId: 'd-1' },
    });
    const text = part('decision');
    expect(text).toMatch(/Decision: vedolizumab, recorded by Practitioner\/pract-demo on November 15, 2026/);
    expect(text).toContain('patient preference');
    expect(text).not.toContain('not recorded');
  });
});

describe('print summary in German and French: no English part left', () => {
  it.each([
    [
      'de',
      /Was die Prozentwerte bedeuten/,
      /Entscheidung: nicht dokumentiert/,
      /Modell: Rheumatoide Arthritis: Wahrscheinlichkeit für ACR50-Ansprechen je Option/,
    ],
    ['fr', /Ce que signifient les pourcentages/, /Décision : non enregistrée/, /Modèle : Polyarthrite rhumatoïde : probabilité de réponse ACR50 par option/],
  ] as const)('%s', (lang, meaning, decision, model) => {
    const { summary } = renderSummary('ra-lu-003.json', { lang });
    expect(part('meaning')).toMatch(meaning);
    expect(part('decision')).toMatch(decision);
    expect(part('model')).toMatch(model);
    expect(within(summary).queryByText(/What the percentages mean|not recorded|Current therapy|Before starting|Not known to the model/)).toBeNull();
  });
});

describe('print summary helpers', () => {
  it('identifiers: labelled as the banner labels them (never a URL), each once', () => {
    const mr = { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'https://x/mrn', value: '1' };
    expect(printableIdentifiers([mr, mr, { system: 'https://x/y', value: '2' }, { system: 'https://x/z' }], 'en')).toEqual([
      { label: 'MRN', value: '1' },
      { label: 'Identifier', value: '2' },
    ]);
    expect(printableIdentifiers([{ system: 'urn:oid:1.3.182.4.4', value: '1996052327431' }], 'fr')[0]?.label).not.toMatch(/urn:|Identifiant/);
  });

  it('a check is open when not in the record or out of date', () => {
    expect(isOpenCheck({ key: 'tb', ruleIds: [], drugs: [], facts: [], flags: [] })).toBe(true);
    expect(
      isOpenCheck({ key: 'tb', ruleIds: [], drugs: [], facts: [{ name: 'tb_screen_result', state: 'ok', sources: [] }], flags: [], lastDate: '2026-01-01' }),
    ).toBe(false);
    expect(
      isOpenCheck({ key: 'tb', ruleIds: [], drugs: [], facts: [{ name: 'tb_screen_result', state: 'stale', sources: [] }], flags: [], lastDate: '2020-01-01' }),
    ).toBe(true);
  });
});
