// @vitest-environment jsdom
// The record view rendered from records produced by the real extractor (hand-written RA bundle).
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Observation, Resource } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extractRecord, type ExtractedRecord } from '@src/extract/index.ts';
import { SCORES_CODE_SYSTEM } from '@src/scores/index.ts';
import type { WriteOutcome } from '@src/writeback/writeOutcome.ts';
import { createI18n } from '@src/ui/i18n/index.ts';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { NOW, RA_RESOURCES, raRecord } from '../../support/recordFixtures.ts';

let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

function renderView(
  props: {
    record?: ExtractedRecord;
    resources?: readonly Resource[];
    canWrite?: boolean;
    onSaveEntered?: (obs: Observation[], saveId: string) => Promise<WriteOutcome>;
  } = {},
) {
  return render(
    <I18nextProvider i18n={i18n}>
      <RecordView
        record={props.record ?? raRecord()}
        resources={props.resources ?? RA_RESOURCES}
        now={NOW}
        canWrite={props.canWrite ?? false}
        {...(props.onSaveEntered ? { onSaveEntered: props.onSaveEntered } : {})}
      />
    </I18nextProvider>,
  );
}

function set(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function bodyRows(testId: string): HTMLElement[] {
  const table = within(screen.getByTestId(testId)).getByRole('table', { hidden: true });
  return within(table).getAllByRole('row', { hidden: true }).slice(1);
}

const clickSave = async () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save to the record' }));
    await Promise.resolve();
  });

describe('RecordView', () => {
  it('renders the six sections as labelled regions with headings in order', () => {
    renderView();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Disease activity',
      'Trends of markers and scores',
      'Treatment timeline',
      'Data gaps',
      'Inputs as read from the record',
      'Items entered by the clinician',
    ]);
    expect(screen.getByRole('region', { name: 'Data gaps' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Record view' })).toBeInTheDocument();
  });

  it('puts every trend point in the table alternative with value, date, reading and source', () => {
    renderView();
    const rows = bodyRows('trend-table-lab.crp');
    expect(rows.map((r) => within(r).getAllByRole('cell', { hidden: true })[0]?.textContent)).toEqual(['12 mg/L', '8 mg/L', '6 mg/L', '10 mg/L']);
    expect(rows[3]).toHaveTextContent('Nov 1, 2026');
    expect(rows[3]).toHaveTextContent('matched by text only');
    expect(within(rows[3] as HTMLElement).getByRole('button', { name: 'Show the FHIR resource Observation/crp-text', hidden: true })).toBeInTheDocument();
    expect(screen.getByText('Show C-reactive protein as a table').tagName).toBe('SUMMARY');
  });

  it('flags implausible points and a stale latest value in words, not colour only', () => {
    renderView();
    const hb = screen.getByTestId('trend-lab.hemoglobin');
    expect(within(hb).getByText('✕ implausible value, not joined into the line')).toBeInTheDocument();
    expect(within(hb).getByTestId('stale-latest')).toHaveTextContent('584 days ago (older than 180 days)');
    const states = bodyRows('trend-table-lab.hemoglobin').map((r) => r.getAttribute('data-state'));
    expect(states).toEqual(['ok', 'implausible', 'ok']);
    expect(bodyRows('trend-table-lab.hemoglobin')[1]).toHaveTextContent('✕ implausible: 45 g/dL is outside the plausible range');
    expect(within(screen.getByTestId('trend-lab.crp')).queryByTestId('stale-latest')).toBeNull();
  });

  it('shows the therapies with class, partial dates, stop reason in words and sources', () => {
    renderView();
    const rows = bodyRows('timeline-table');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('etanercept');
    expect(rows[0]).toHaveTextContent('Mar 2019 (month only)');
    expect(rows[0]).toHaveTextContent('May 2021 (month only)');
    expect(rows[0]).toHaveTextContent('loss of response');
    expect(rows[1]).toHaveTextContent('tocilizumab');
    expect(rows[1]).toHaveTextContent('ongoing');
    expect(within(screen.getByTestId('timeline-bars')).getAllByRole('img')).toHaveLength(2);
  });

  it('lists the data gaps by state with reasons and sources', () => {
    renderView();
    for (const state of ['missing', 'stale', 'unknown-unit', 'excluded', 'unreadable']) expect(screen.getByTestId(`gaps-${state}`)).toBeInTheDocument();
    expect(screen.getByTestId('gaps-excluded')).toHaveTextContent('Observation/crp-eie excluded: status entered in error');
    expect(within(screen.getByTestId('gaps-unreadable')).getByRole('button', { name: 'Show the FHIR resource Observation/crp-baddate' })).toBeInTheDocument();
    const missing = within(screen.getByTestId('gaps-missing')).getAllByRole('listitem');
    expect(missing[0]).toHaveTextContent('used by the model');
    expect(missing.at(-1)).toHaveTextContent('safety check');
  });

  it('lists an implausible latest value as its own gap state', () => {
    const resources = [...RA_RESOURCES, { ...(RA_RESOURCES.find((r) => r.id === 'hb-2') as Observation), id: 'hb-4', effectiveDateTime: '2026-11-01' }];
    renderView({ record: extractRecord(resources, { now: NOW }), resources });
    expect(screen.getByTestId('gaps-implausible')).toHaveTextContent('Haemoglobin');
    expect(screen.getByTestId('gaps-stale')).not.toHaveTextContent('Haemoglobin');
  });

  it('marks text matches in the inputs table and opens the raw resource', () => {
    renderView();
    const crp = screen.getByTestId('input-crp_mg_l');
    expect(within(crp).getByTestId('text-match')).toHaveTextContent('matched by text only: check the source');
    expect(crp).toHaveTextContent('10 mg/L');
    expect(within(screen.getByTestId('input-haemoglobin_g_dl')).getByText(/stale/)).toBeInTheDocument();
    expect(within(screen.getByTestId('input-esr_mm_h')).getByText(/unknown unit/)).toBeInTheDocument();
    fireEvent.click(within(crp).getByRole('button', { name: 'Show the FHIR resource Observation/crp-text' }));
    expect(screen.getByTestId('source-json')).toHaveTextContent('"text": "CRP"');
  });

  it('computes DAS28-CRP live from entered counts and the recorded CRP, and saves clinician-entered Observations', async () => {
    const onSaveEntered = vi.fn<(obs: Observation[], saveId: string) => Promise<WriteOutcome>>().mockResolvedValue({ kind: 'saved', items: [] });
    renderView({ canWrite: true, onSaveEntered });
    set('Tender joints (of 28)', '4');
    set('Swollen joints (of 28)', '2');
    set('Patient global assessment (0–100 mm)', '40');
    expect(screen.getByTestId('entered-score-das28-crp')).toHaveTextContent('DAS28-CRP: 3.9 · activity: moderate');
    expect(screen.getByTestId('entered-score-das28-crp')).toHaveTextContent('uses the recorded C-reactive protein of Nov 1, 2026 (10 mg/L)');
    expect(screen.getByTestId('entered-score-cdai-ra')).toHaveAttribute('data-status', 'incomplete');
    set('Physician global assessment (0–10 cm)', '3');
    expect(screen.getByTestId('entered-score-cdai-ra')).toHaveTextContent('CDAI (RA): 13');
    expect(screen.getByText('✎ entered by the clinician')).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save to the record' }));
      await Promise.resolve();
    });
    expect(onSaveEntered).toHaveBeenCalledTimes(1);
    const saved = onSaveEntered.mock.calls[0]?.[0] ?? [];
    expect(saved.map((o) => o.code.coding?.find((c) => c.system === SCORES_CODE_SYSTEM)?.code)).toEqual([
      'tjc28',
      'sjc28',
      'ptga',
      'phga',
      'das28-crp',
      'cdai-ra',
      'sdai',
    ]);
    expect(saved.every((o) => o.subject?.reference === 'Patient/ra-t1' && o.meta?.tag?.[0]?.code === 'clinician-entered')).toBe(true);
    expect(await screen.findByText('Saved 7 observations to the record.')).toBeInTheDocument();
  });

  it.each<[string, WriteOutcome, string, RegExp]>([
    [
      'a 2xx it cannot read',
      { kind: 'uncertain', why: 'unreadable', detail: 'HTTP 201: no answer body' },
      'entered-uncertain',
      /may have been saved; saving again is safe/,
    ],
    ['an HTTP 400', { kind: 'not-saved', status: 400, detail: 'HTTP 400' }, 'entered-not-saved', /Not saved: the EHR refused the values \(HTTP 400\)/],
  ])('entered values not confirmed (%s): said so, and a retry resends the same Observations under the same id', async (_name, outcome, testId, text) => {
    const onSaveEntered = vi
      .fn<(obs: Observation[], saveId: string) => Promise<WriteOutcome>>()
      .mockResolvedValueOnce(outcome)
      .mockResolvedValueOnce({ kind: 'saved', items: [] });
    renderView({ canWrite: true, onSaveEntered });
    set('Tender joints (of 28)', '4');
    await clickSave();
    expect(await screen.findByTestId(testId)).toHaveTextContent(text);
    expect(screen.queryByText(/^Saved \d+ observations/)).toBeNull();
    await clickSave();
    expect(await screen.findByText('Saved 1 observations to the record.')).toBeInTheDocument();
    const [first, second] = onSaveEntered.mock.calls;
    expect(second?.[1]).toBe(first?.[1]);
    expect(second?.[0]).toBe(first?.[0]);
  });

  it('has no save button without write permission and says why', () => {
    renderView({ canWrite: false });
    expect(screen.queryByRole('button', { name: 'Save to the record' })).toBeNull();
    expect(screen.getByTestId('no-write-permission')).toHaveTextContent('not granted permission to write Observations');
  });

  it.each([
    [
      'de',
      [
        'Krankheitsaktivität',
        'Verlauf von Markern und Scores',
        'Therapieverlauf',
        'Datenlücken',
        'Eingangsgrößen aus der Akte',
        'Von der Ärztin / vom Arzt eingegebene Items',
      ],
    ],
    [
      'fr',
      [
        'Activité de la maladie',
        'Évolution des marqueurs et des scores',
        'Chronologie des traitements',
        'Données manquantes',
        'Variables lues dans le dossier',
        'Items saisis par le clinicien',
      ],
    ],
  ])('switches the headings to %s', async (language, headings) => {
    renderView();
    await act(async () => {
      await i18n.changeLanguage(language);
    });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(headings);
  });

  it('uses the clinical vocabulary of the UI language for drugs, classes and inputs', async () => {
    renderView();
    await act(async () => {
      await i18n.changeLanguage('de');
    });
    expect(bodyRows('timeline-table')[0]).toHaveTextContent('TNF-α-Inhibitor');
    expect(bodyRows('timeline-table')[0]).toHaveTextContent('sekundärer Wirkverlust');
    expect(bodyRows('timeline-table')[0]).toHaveTextContent('März 2019 (nur Monat)');
    expect(within(screen.getByTestId('input-age_years')).getByText(/ok/)).toBeInTheDocument();
    expect(screen.getByTestId('input-sex_female')).toHaveTextContent('ja');
  });
});
