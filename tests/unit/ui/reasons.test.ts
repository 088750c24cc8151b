// The extractor's reason keys have a text in every language, and the formatter fills their parameters.
import { describe, expect, it } from 'vitest';
import { REASON_KEYS, because, type Reason } from '@src/extract/reasons.ts';
import { extractRecord } from '@src/extract/index.ts';
import { formatReason, reasonSegments, reasonTables } from '@src/ui/i18n/reasons.ts';
import { STATUS_CODES, statusTables } from '@src/ui/i18n/statuses.ts';
import { RA_RESOURCES, NOW } from '../../support/recordFixtures.ts';

const LANGS = ['en', 'de', 'fr'] as const;
const params = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort((a, b) => a.localeCompare(b));

describe('reason message tables', () => {
  it.each(LANGS)('%s has a non-empty text for every reason key and no other key', (lang) => {
    expect(Object.keys(reasonTables[lang]).sort()).toEqual([...REASON_KEYS].sort());
    expect(REASON_KEYS.filter((key) => reasonTables[lang][key].trim() === '')).toEqual([]);
  });

  it.each(['de', 'fr'] as const)('%s uses the same parameters as English in every text', (lang) => {
    expect(REASON_KEYS.filter((key) => params(reasonTables[lang][key]).join() !== params(reasonTables.en[key]).join())).toEqual([]);
  });

  it.each(['de', 'fr'] as const)('%s differs from English wherever English has words of its own', (lang) => {
    const same = REASON_KEYS.filter((k) => /[a-z]{4,}/.test(reasonTables.en[k].replace(/\{\{\w+\}\}/g, '')) && reasonTables[lang][k] === reasonTables.en[k]);
    expect(same).toEqual([]);
  });

  it('every status code has a label in each language', () => {
    expect(LANGS.flatMap((lang) => STATUS_CODES.filter((code) => !statusTables[lang][code]).map((code) => `${lang} ${code}`))).toEqual([]);
  });
});

describe('formatReason', () => {
  it('fills verbatim, number, input, status and nested parameters', () => {
    const why: Reason = because('cannot-rule-out', { cause: because('problem-list-thin'), input: { input: 'heart_failure_nyha' } });
    expect(formatReason(why, 'de')).toBe('Problemliste nicht übermittelt bzw. nur die Indikation dokumentiert: nicht auszuschließen');
    expect(formatReason(because('unit-missing', { expected: 'mg/L' }), 'fr')).toBe('aucune unité documentée ; attendue : mg/L');
    expect(formatReason(because('stale-repeat', { date: '2025-01-10', days: 309, limit: 90 }), 'de')).toBe(
      'Wert älter als 90 Tage (zuletzt am 2025-01-10, vor 309 Tagen): wiederholen',
    );
    expect(formatReason(because('jcv-grey-zone', { index: 0.35 }), 'de')).toContain('JCV-Index 0,35');
    expect(formatReason(because('recorded-as', { status: { status: 'remission' } }), 'fr')).toBe('documenté comme : en rémission');
  });

  it('joins the parts of a composite reason and drops an optional block without its parameter', () => {
    const why: Reason = [...because('search-failed', { type: { status: 'Condition' } }), ...because('not-recorded')];
    expect(formatReason(why, 'de')).toBe('Abfrage Diagnosen (Condition) fehlgeschlagen; nicht dokumentiert');
    expect(formatReason(because('search-failed', { type: { status: 'Condition' }, detail: 'HTTP 403' }), 'en')).toBe(
      'the diagnosis (Condition) search failed (HTTP 403)',
    );
  });

  it('marks record text as verbatim', () => {
    const segments = reasonSegments(because('pregnancy-intention', { text: { text: 'Kinderwunsch 2027' } }), 'fr');
    expect(segments).toContainEqual({ text: 'Kinderwunsch 2027', verbatim: true });
  });
});

describe('the extractor attaches typed reasons', () => {
  it('every non-ok input of the RA fixture has a typed reason, and its English sentence is unchanged', () => {
    const record = extractRecord(RA_RESOURCES, { now: NOW });
    const untyped = Object.values(record.inputs).filter((v) => v.state !== 'ok' && !v.why);
    expect(untyped.map((v) => `${v.name}: ${v.state !== 'ok' ? v.reason : ''}`)).toEqual([]);
    const esr = record.inputs.esr_mm_h;
    expect(esr).toMatchObject({ state: 'unknown-unit', reason: expect.stringMatching(/furlongs/) });
    expect(record.problems.filter((p) => !p.why).map((p) => p.message)).toEqual([]);
  });
});
