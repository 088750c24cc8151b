// @vitest-environment jsdom
// A suspected indication is shown as such, carries a confirm control, and is used once confirmed.
import { fireEvent, render, screen } from '@testing-library/react';
import type { Condition } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { extractRecord } from '@src/extract/extract.ts';
import { IndicationsPanel } from '@src/ui/components/IndicationsPanel.tsx';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { cc, condition, NOW, patient, SCT } from '../../support/fhir.ts';

let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

const VER = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const suspectedCrohn: Condition = condition('c1', cc({ system: SCT, code: '34000006' }), { verificationStatus: cc({ system: VER, code: 'provisional' }) });

/** The panel as the patient page wires it: confirming re-extracts with the confirmed reference. */
function Harness() {
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const record = extractRecord([patient(), suspectedCrohn], { now: NOW, confirmed });
  return (
    <>
      <IndicationsPanel findings={record.indications} onConfirm={(ref) => setConfirmed((l) => [...l, ref])} />
      <p data-testid="primary">{record.primaryIndication ?? 'none'}</p>
    </>
  );
}

function renderIn(lang: Language) {
  void i18n.changeLanguage(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
}

describe('a suspected indication', () => {
  it('is shown as suspected, with the page saying there is nothing to rank yet, until the clinician confirms it', () => {
    renderIn('en');
    expect(screen.getByText(/Suspected Crohn’s disease/)).toBeInTheDocument();
    expect(screen.getByText(/certainty: verification status provisional/)).toBeInTheDocument();
    expect(screen.getByTestId('only-suspected').textContent).toMatch(/Only a suspected diagnosis is recorded/);
    expect(screen.getByTestId('primary').textContent).toBe('none');
    fireEvent.click(screen.getByTestId('confirm-indication'));
    expect(screen.getByTestId('primary').textContent).toBe('CD');
    expect(screen.getByTestId('indication-confirmed').textContent).toMatch(/confirmed by you/);
    expect(screen.queryByTestId('confirm-indication')).toBeNull();
    expect(screen.queryByTestId('only-suspected')).toBeNull();
  });

  it('reads in German and French', () => {
    renderIn('de');
    expect(screen.getByText(/Verdacht auf Morbus Crohn/)).toBeInTheDocument();
    expect(screen.getByTestId('confirm-indication').textContent).toBe('Diagnose bestätigen');
  });

  it('a confirmed diagnosis has no confirm control', () => {
    void i18n.changeLanguage('fr');
    const record = extractRecord([patient(), condition('c2', cc({ system: SCT, code: '34000006' }))], { now: NOW });
    render(
      <I18nextProvider i18n={i18n}>
        <IndicationsPanel findings={record.indications} onConfirm={() => undefined} />
      </I18nextProvider>,
    );
    expect(screen.getByText('Maladie de Crohn')).toBeInTheDocument();
    expect(screen.queryByTestId('confirm-indication')).toBeNull();
  });
});
