/**
 * The human-readable record of a decision: a FHIR R4 DocumentReference whose attachment is the decision
 * summary as plain UTF-8 text in the clinician's language (the print summary's content,
 * src/ui/ranking/summaryText.ts). It is the default record: document types are the write most EHRs
 * accept from apps (clinical notes), where GuidanceResponse/RiskAssessment/DetectedIssue are rarely
 * offered. Pure and deterministic.
 *
 * Document type: LOINC 11506-3 "Progress note", category `clinical-note` (US Core DocumentReference
 * category code system). US Core 6.1.0 "Clinical Notes" lists 11506-3 among the note types a server
 * SHALL accept for DocumentReference (with 11488-4 Consult note, 18842-5 Discharge summary, 34117-2 H&P,
 * 28570-0 Procedure note, ...); a therapy decision made during a follow-up visit is a progress note.
 * To verify per vendor: Oracle Millennium and Epic map accepted LOINC note types to their own note
 * types at registration, and German ISiK servers expect a KDL (Klinische Dokumentenklassen-Liste) type
 * coding next to LOINC, which is not added here.
 */
import type { DocumentReference } from 'fhir/r4';
import { DECISION_ID_SYSTEM, decisionItem, type DecisionContext, type DecisionItem } from './decisionCommon.ts';

/** LOINC 11506-3 (see the file comment for the choice and what is still to verify). */
export const DOCUMENT_TYPE = { system: 'http://loinc.org', code: '11506-3', display: 'Progress note' } as const;
/** US Core DocumentReference category `clinical-note` (US Core 6.1.0, CodeSystem us-core-documentreference-category). */
export const DOCUMENT_CATEGORY = {
  system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  code: 'clinical-note',
  display: 'Clinical Note',
} as const;
/** MIME type of the attachment (RFC 2046 text/plain with the UTF-8 charset parameter, RFC 2046 §4.1.2). */
export const DOCUMENT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** The identifier value of a decision's DocumentReference. */
export const documentKey = (decisionId: string): string => `${decisionId}-document`;

/** UTF-8 bytes of a string as base64 (FHIR `base64Binary`), in the browser and in Node alike. */
export function utf8Base64(text: string): { data: string; size: number } {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { data: btoa(binary), size: bytes.length };
}

/** The decision summary as a DocumentReference (status current, docStatus final). */
export function documentReference(ctx: DecisionContext): DecisionItem {
  const { summary, decisionId } = ctx.input;
  const key = documentKey(decisionId);
  const { data, size } = utf8Base64(summary.text);
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    language: summary.language,
    identifier: [{ system: DECISION_ID_SYSTEM, value: key }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ ...DOCUMENT_TYPE }], text: summary.title },
    category: [{ coding: [{ ...DOCUMENT_CATEGORY }] }],
    subject: ctx.subject,
    date: ctx.when,
    // Without a fhirUser the author stays empty rather than naming the app as the clinician; the
    // Provenance names the app as the assembler.
    ...(ctx.userRef ? { author: [ctx.userRef] } : {}),
    description: summary.title,
    content: [
      {
        attachment: {
          contentType: DOCUMENT_CONTENT_TYPE,
          language: summary.language,
          data,
          size,
          title: summary.title,
          creation: ctx.when,
        },
      },
    ],
    ...(ctx.encounter ? { context: { encounter: [ctx.encounter] } } : {}),
  };
  return decisionItem(decisionId, key, doc);
}
