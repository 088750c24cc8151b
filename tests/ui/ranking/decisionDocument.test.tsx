// @vitest-environment jsdom
// The human-readable record of a decision (issue 14, item 6): the print summary's content as plain UTF-8
// text in the clinician's language, written as a DocumentReference with the encounter; the encounter
// also on the GuidanceResponse and the RiskAssessments.
import { renderHook } from '@testing-library/react';
import type { DetectedIssue, DocumentReference, GuidanceResponse, Resource, RiskAssessment } from 'fhir/r4';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { drugLabel } from '@src/ui/i18n/drugs.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { printDe, printEn, printFr } from '@src/ui/ranking/messages.print.ts';
import { useDecisionSummaryText } from '@src/ui/ranking/useDecisionSummaryText.ts';
import { buildDecisionTransaction, type DecisionInput } from '@src/writeback/decisionRecord.ts';
import { DOCUMENT_CONTENT_TYPE, DOCUMENT_TYPE } from '@src/writeback/decisionDocument.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';

const FILE = 'cd-us-001.json';
const DECISION = '0d9b6a53-77c1-4c1e-9a55-3b1f7c2d4e10';
const PRINT = { en: printEn, de: printDe, fr: printFr } as const;
const SECTIONS = ['meaningTitle', 'currentTitle', 'checklistTitle', 'optionsTitle', 'missingTitle', 'decisionTitle'] as const;

let i18n: I18n;
beforeEach(async () => {
  i18n = await createI18n('en');
});

function summaryIn(lang: Language, opts: { encounterRef?: string; second?: boolean } = {}) {
  void i18n.changeLanguage(lang);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  const { result } = renderHook(() => useDecisionSummaryText(), { wrapper });
  const { record, ranking } = demoRanking(FILE);
  const chosen = (opts.second ? ranking.options[1] : ranking.options[0])?.drug ?? '';
  const reason = opts.second ? 'Patientin wünscht orale Therapie – “Übelkeit”' : '';
  const summary = result.current({
    ranking,
    record,
    now: NOW,
    encounterRef: opts.encounterRef,
    decision: { drug: chosen, reason, user: 'Dr. Dana Demo', at: NOW, decisionId: DECISION },
  });
  return { summary, ranking, record, chosen, reason };
}

function decisionBundle(lang: Language, encounterRef?: string) {
  const { summary, ranking, record, chosen } = summaryIn(lang, encounterRef ? { encounterRef } : {});
  const input: DecisionInput = {
    ranking,
    record,
    chosenDrug: chosen,
    user: 'Practitioner/pract-demo',
    userName: 'Dr. Dana Demo',
    patientRef: 'Patient/cd-us-001',
    ...(encounterRef ? { encounterRef } : {}),
    summary,
    app: { name: 'Therapy Navigator', version: '0.1.0' },
    now: NOW,
    decisionId: DECISION,
  };
  const bundle = buildDecisionTransaction(input);
  const of = <T extends Resource>(type: string) => (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
  return { summary, of };
}

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('the decision summary as text', () => {
  it.each(['en', 'de', 'fr'] as const)('%s: every part of the print summary, the decision, in the language', (lang) => {
    const { summary, ranking, chosen } = summaryIn(lang, { encounterRef: 'Encounter/enc-7' });
    const p = PRINT[lang];
    expect(summary.language).toBe(lang);
    expect(summary.title).toBe(p.documentTitle);
    expect(summary.text.split('\n')[0]).toBe(p.title);
    for (const s of SECTIONS) expect(summary.text).toContain(`\n${p[s]}\n`);
    for (const o of ranking.options) expect(summary.text).toContain(drugLabel(o.drug, lang));
    expect(summary.text).toContain(p.decisionRecorded.split('{{')[0] ?? '');
    expect(summary.text).toContain(drugLabel(chosen, lang));
    expect(summary.text).toContain('Dr. Dana Demo');
    expect(summary.text).toContain(DECISION);
    expect(summary.text).toContain(p.disclaimer);
    expect(summary.text).toContain(p.encounter.replace('{{id}}', 'enc-7'));
    expect(summary.text).not.toMatch(/\{\{|\}\}|undefined|\[object/);
  });

  it.each(['de', 'fr'] as const)('%s: no English section title or sentence of the print summary', (lang) => {
    const { summary } = summaryIn(lang);
    // "Options" is French as well as English: only strings that differ between the languages are checked.
    const english = ([...SECTIONS, 'simulated', 'disclaimer', 'title'] as const).filter((s) => printEn[s] !== PRINT[lang][s]);
    expect(english.length).toBeGreaterThanOrEqual(8);
    for (const s of english) expect(summary.text).not.toContain(printEn[s]);
  });

  it('names the reason when another option than the first was chosen', () => {
    const { summary, reason } = summaryIn('de', { second: true });
    expect(summary.text).toContain(printDe.decisionReason.replace('{{reason}}', reason));
  });
});

describe('the DocumentReference', () => {
  it.each(['en', 'de', 'fr'] as const)('%s: the text as a UTF-8 attachment, final, typed, with the encounter', (lang) => {
    const { summary, of } = decisionBundle(lang, 'Encounter/enc-7');
    const [doc] = of<DocumentReference>('DocumentReference');
    expect(doc).toBeDefined();
    const attachment = doc?.content[0]?.attachment;
    expect(attachment?.contentType).toBe(DOCUMENT_CONTENT_TYPE);
    expect(attachment?.language).toBe(lang);
    expect(doc?.language).toBe(lang);
    expect(decode(attachment?.data ?? '')).toBe(summary.text);
    expect(attachment?.size).toBe(Buffer.byteLength(summary.text, 'utf8'));
    expect(attachment?.title).toBe(summary.title);
    expect(attachment?.creation).toBe(NOW.toISOString());
    expect(doc).toMatchObject({
      status: 'current',
      docStatus: 'final',
      subject: { reference: 'Patient/cd-us-001' },
      author: [{ reference: 'Practitioner/pract-demo', display: 'Dr. Dana Demo' }],
      date: NOW.toISOString(),
      context: { encounter: [{ reference: 'Encounter/enc-7' }] },
      identifier: [{ value: `${DECISION}-document` }],
    });
    expect(doc?.type?.coding?.[0]).toEqual(DOCUMENT_TYPE);
  });

  it('carries the encounter into the GuidanceResponse and every RiskAssessment (DetectedIssue has no element for it in R4)', () => {
    const { of } = decisionBundle('en', 'Encounter/enc-7');
    expect(of<GuidanceResponse>('GuidanceResponse')[0]?.encounter).toEqual({ reference: 'Encounter/enc-7' });
    const risks = of<RiskAssessment>('RiskAssessment');
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.every((r) => r.encounter?.reference === 'Encounter/enc-7')).toBe(true);
    expect(of<DetectedIssue>('DetectedIssue').every((d) => !('encounter' in d))).toBe(true);
  });

  it('without an encounter in the launch: no context, no encounter anywhere', () => {
    const { of } = decisionBundle('en');
    expect(of<DocumentReference>('DocumentReference')[0]?.context).toBeUndefined();
    expect(of<GuidanceResponse>('GuidanceResponse')[0]?.encounter).toBeUndefined();
    expect(of<RiskAssessment>('RiskAssessment').some((r) => r.encounter)).toBe(false);
  });
});
