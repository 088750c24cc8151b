// @vitest-environment jsdom
/**
 * Known gaps (types this EHR does not share) and the data-provenance panel in EN/DE/FR, and a gap that leaves
 * data unread shown as missing in the record view's inputs (issue 14, item 1). The e2e of the server profiles
 * asserts the same contract: `data-testid="record-gap"` with `data-gap-type="<ResourceType>"`.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { FhirResource } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { completeGaps, describeReadPlan, gapOutcomes, planRead } from '@src/extract/readPlan.ts';
import { prepare } from '@src/pipeline/index.ts';
import { parseCapabilityStatement } from '@src/smart/capabilities.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { RecordGaps } from '@src/ui/components/RecordGaps.tsx';
import { ReadPlanPanel } from '@src/ui/components/ReadPlanPanel.tsx';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { FULL_STATEMENT, ORACLE_LIKE_STATEMENT } from '../../support/capabilityStatements.ts';
import { NOW, RA_RESOURCES } from '../../support/recordFixtures.ts';

async function renderIn(language: Language, ui: ReactElement) {
  const i18n: I18n = await createI18n(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

const oracle = planRead('p1', NOW, parseCapabilityStatement(ORACLE_LIKE_STATEMENT));
const read = { plan: oracle.summary, requests: Array.from({ length: 14 }, () => null), waves: 1 } as const;

const GAP_TEXTS: Record<Language, readonly string[]> = {
  en: [
    'This EHR does not share medication statements (MedicationStatement); the medication history comes from prescriptions (MedicationRequest) and medication administrations (MedicationAdministration) only.',
    'This EHR does not share medication details (Medication); drugs are recognised from the codes on the prescription itself.',
  ],
  de: [
    'Dieses KIS stellt Medikationsangaben (MedicationStatement) nicht bereit; die Medikationsanamnese stammt nur aus Verordnungen (MedicationRequest) und Verabreichungen (MedicationAdministration).',
    'Dieses KIS stellt Arzneimittelangaben (Medication) nicht bereit; Arzneimittel werden an den Codes der Verordnung selbst erkannt.',
  ],
  fr: [
    'Ce DPI ne partage pas les déclarations de traitement (MedicationStatement) ; l’historique médicamenteux provient uniquement des prescriptions (MedicationRequest) et administrations de médicaments (MedicationAdministration).',
    'Ce DPI ne partage pas les fiches médicament (Medication) ; les médicaments sont reconnus d’après les codes de la prescription elle-même.',
  ],
};

describe('RecordGaps', () => {
  it.each(['en', 'de', 'fr'] as const)('%s: one record-gap per type not shared, with its type and consequence in the reader’s language', async (language) => {
    await renderIn(language, <RecordGaps gaps={oracle.gaps} />);
    const gaps = screen.getAllByTestId('record-gap');
    expect(gaps.map((g) => g.getAttribute('data-gap-type'))).toEqual(['MedicationStatement', 'Medication']);
    expect(gaps.map((g) => g.textContent)).toEqual(GAP_TEXTS[language]);
    // Information, not an error: neither leaves data unread.
    for (const g of gaps) expect(g.className).toMatch(/Info/);
  });

  it('a gap that leaves data unread is a warning and names the consequence', async () => {
    const request: FhirResource = {
      resourceType: 'MedicationRequest',
      id: 'r',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/x' },
    };
    const gaps = completeGaps(oracle.gaps, [request]);
    await renderIn('de', <RecordGaps gaps={gaps} />);
    const medication = screen.getAllByTestId('record-gap').find((g) => g.getAttribute('data-gap-type') === 'Medication');
    expect(medication?.className).toMatch(/Warning/);
    expect(medication).toHaveTextContent('1 Medikationseinträge nennen ihr Arzneimittel nur über einen Verweis darauf');
  });

  it('no gaps, nothing rendered (a full server)', async () => {
    const full = planRead('p1', NOW, parseCapabilityStatement(FULL_STATEMENT));
    await renderIn('en', <RecordGaps gaps={full.gaps} />);
    expect(screen.queryByTestId('record-gap')).toBeNull();
  });
});

describe('ReadPlanPanel', () => {
  it.each([
    ['en', 'How the record was read', 'Not searched', 'medication statements (MedicationStatement): not offered by this EHR'],
    ['de', 'Wie die Akte gelesen wurde', 'Nicht abgefragt', 'Medikationsangaben (MedicationStatement): von diesem KIS nicht angeboten'],
    ['fr', 'Comment le dossier a été lu', 'Non recherché', 'déclarations de traitement (MedicationStatement) : non proposé par ce DPI'],
  ] as const)('%s: the plan in the reader’s language, the technical line as the Provenance gets it', async (language, title, skipped, first) => {
    await renderIn(language, <ReadPlanPanel record={read} />);
    const panel = screen.getByTestId('read-plan');
    expect(panel.getAttribute('data-plan-source')).toBe('metadata');
    fireEvent.click(within(panel).getByText(title));
    expect(panel).toHaveTextContent(skipped);
    expect(screen.getAllByTestId('read-plan-skipped').map((e) => e.getAttribute('data-type'))).toEqual(['MedicationStatement', 'Medication']);
    expect(screen.getAllByTestId('read-plan-skipped')[0]).toHaveTextContent(first);
    expect(screen.getAllByTestId('read-plan-dropped').map((e) => e.getAttribute('data-type'))).toContain('MedicationRequest');
    expect(screen.getByTestId('read-plan-server')).toHaveTextContent('Oracle-like test server');
    expect(screen.getByTestId('read-plan-technical').textContent).toBe(describeReadPlan(read));
  });
});

describe('a gap that leaves data unread, in the record view’s inputs', () => {
  it.each([
    ['en', 'this EHR does not share laboratory/observation (Observation) data'],
    ['de', 'dieses KIS stellt Labor/Befunde (Observation) nicht bereit'],
    ['fr', 'ce DPI ne partage pas ces données : biologie/observations (Observation)'],
  ] as const)('%s: CRP is missing, and the reason names the type not shared', async (language, reason) => {
    const statement = structuredClone(FULL_STATEMENT);
    const rest = statement.rest?.[0];
    if (rest) rest.resource = rest.resource?.filter((r) => r.type !== 'Observation');
    const plan = planRead('p1', NOW, parseCapabilityStatement(statement));
    const resources = RA_RESOURCES.filter((r) => r.resourceType !== 'Observation');
    const record = prepare(resources, NOW, undefined, gapOutcomes(plan.gaps));
    await renderIn(language, <RecordView record={record} resources={resources} now={NOW} canWrite={false} />);
    const row = screen.getByTestId('input-crp_mg_l');
    expect(row.getAttribute('data-state')).toBe('missing');
    expect(row).toHaveTextContent(reason);
  });
});
