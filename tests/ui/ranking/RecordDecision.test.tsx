// @vitest-environment jsdom
// "Record this decision" says, in the clinician's language, which form was saved (issue 14, item 6):
// the document, the structured resources sent or not (and why), the form used, the encounter; a partial
// save entry by entry with a retry; nothing offered where the EHR accepts neither record.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServerCapabilities } from '@src/smart/capabilities.ts';
import type { FhirSession } from '@src/smart/session.ts';
import { SessionContext } from '@src/ui/SessionContext.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { writebackDe, writebackEn, writebackFr } from '@src/ui/ranking/messages.writeback.ts';
import { RecordDecision } from '@src/ui/ranking/RecordDecision.tsx';
import { DECISION_RESOURCE_TYPES } from '@src/writeback/decisionRecord.ts';
import { demoRanking } from '../../support/decisionFixtures.ts';
import { capsOf, fakeEhr, type FakeEhr, type FakeEhrOptions } from '../../support/fakeEhr.ts';

const MESSAGES = { en: writebackEn, de: writebackDe, fr: writebackFr } as const;
let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

function session(ehr: FakeEhr, caps: ServerCapabilities, encounterId?: string): FhirSession {
  return {
    fhirBaseUrl: `http://ehr.test/fhir/${Math.random()}`,
    patientId: 'cd-us-001',
    user: 'Practitioner/pract-demo',
    grantedScope: 'patient/*.cruds',
    requestLog: [],
    ...(encounterId ? { encounterId } : {}),
    readPatient: () => Promise.reject(new Error('not used')),
    read: () => Promise.reject(new Error('no practitioner read in this test')),
    search: () => Promise.reject(new Error('not used')),
    canCreate: () => true,
    create: () => Promise.reject(new Error('not used')),
    transaction: (b) => ehr.transaction(b),
    createConditional: (r, c) => ehr.createConditional(r, c),
    capabilities: () => Promise.resolve(caps),
  };
}

function renderRecord(lang: Language, caps: ServerCapabilities, options: FakeEhrOptions = {}, encounterId?: string) {
  void i18n.changeLanguage(lang);
  const ehr = fakeEhr(options);
  const { record, ranking } = demoRanking('cd-us-001.json');
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionContext.Provider value={session(ehr, caps, encounterId)}>
          <RecordDecision ranking={ranking} record={record} writeBack />
        </SessionContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return ehr;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');

describe('RecordDecision: what was saved, in words', () => {
  it.each(['en', 'de', 'fr'] as const)(
    '%s, Oracle-like (batch, document only): the document, what was not sent and why, the form, the encounter',
    async (lang) => {
      const m = MESSAGES[lang];
      const ehr = renderRecord(lang, capsOf(['DocumentReference', 'Provenance'], ['batch']), { transaction: false }, 'enc-7');
      fireEvent.click(await screen.findByTestId('decision-submit'));
      const saved = await screen.findByTestId('decision-saved');
      expect(saved.dataset['form']).toBe('batch');
      expect(screen.getByTestId('decision-outcome-document').textContent).toBe(m.document);
      expect(screen.getByTestId('decision-outcome-not-offered').textContent).toBe(
        fill(m.notOffered, { types: 'GuidanceResponse, RiskAssessment, DetectedIssue' }),
      );
      expect(screen.queryByTestId('decision-outcome-structured')).toBeNull();
      expect(screen.getByTestId('decision-outcome-form').textContent).toBe(fill(m.sentAs, { form: m.forms.batch }));
      expect(screen.getByTestId('decision-outcome-encounter').textContent).toBe(fill(m.encounter, { id: 'enc-7' }));
      expect([...ehr.stored.values()].map((r) => r.resourceType).sort((a, b) => a.localeCompare(b))).toEqual(['DocumentReference', 'Provenance']);
    },
  );

  it('a full server: the document and the structured set, in one transaction; no encounter named', async () => {
    const ehr = renderRecord('en', capsOf(DECISION_RESOURCE_TYPES, ['transaction', 'batch']));
    fireEvent.click(await screen.findByTestId('decision-submit'));
    await screen.findByTestId('decision-saved');
    expect(screen.getByTestId('decision-outcome-structured').textContent).toBe(
      fill(writebackEn.structured, { types: 'GuidanceResponse, RiskAssessment, DetectedIssue' }),
    );
    expect(screen.getByTestId('decision-outcome-form').textContent).toBe(fill(writebackEn.sentAs, { form: writebackEn.forms.transaction }));
    expect(screen.getByTestId('decision-outcome-encounter').textContent).toBe(writebackEn.noEncounter);
    expect(ehr.calls).toEqual(['transaction']);
  });

  it('a partial batch: entry by entry, a retry that completes it', async () => {
    const ehr = renderRecord('de', capsOf(DECISION_RESOURCE_TYPES, ['batch']), { transaction: false, refuseTypes: ['DetectedIssue'] });
    fireEvent.click(await screen.findByTestId('decision-submit'));
    const error = await screen.findByTestId('decision-error');
    expect(error.dataset['outcome']).toBe('partial');
    expect(error.dataset['errorCode']).toBe('partial');
    const refused = screen.getAllByTestId('decision-entry').filter((e) => e.dataset['state'] === 'failed');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.dataset['type'] === 'DetectedIssue' && e.textContent?.includes(writebackDe.entry.failed))).toBe(true);
    ehr.options.refuseTypes = [];
    fireEvent.click(screen.getByTestId('decision-retry'));
    await screen.findByTestId('decision-saved');
    expect(ofTypeCount(ehr, 'DocumentReference')).toBe(1);
    expect(ofTypeCount(ehr, 'Provenance')).toBe(1);
  });

  it('an EHR that accepts neither the document nor the GuidanceResponse: no button, said so', async () => {
    renderRecord('fr', capsOf(['RiskAssessment', 'Provenance'], ['transaction']));
    await waitFor(() => expect(screen.getByTestId('record-decision-unavailable').textContent).toBe(writebackFr.notRecordable));
    expect(screen.queryByTestId('decision-submit')).toBeNull();
  });
});

const ofTypeCount = (ehr: FakeEhr, type: string) => [...ehr.stored.values()].filter((r) => r.resourceType === type).length;
