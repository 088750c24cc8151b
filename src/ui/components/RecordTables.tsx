import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Condition, Medication, MedicationAdministration, MedicationRequest, MedicationStatement, Observation, Resource } from 'fhir/r4';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codingsLabel, conceptText, formatFhirDate, formatQuantity, list, text } from '../format.ts';
import { SourceButton } from './SourceButton.tsx';

type MedicationResource = MedicationRequest | MedicationStatement | MedicationAdministration;

function isType<T extends Resource>(type: T['resourceType']) {
  return (r: Resource): r is T => r.resourceType === type;
}

function SimpleTable({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: ReactNode[][]; testId: string }) {
  const { t } = useTranslation();
  return (
    <TableContainer component="section" aria-label={caption} sx={{ mb: 3 }} data-testid={testId}>
      <Typography variant="h6" component="h3">
        {caption}
      </Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('record.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {headers.map((h) => (
                <TableCell key={h} component="th" scope="col">
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((cells, i) => (
              <TableRow key={i}>
                {cells.map((c, j) => (
                  <TableCell key={j}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </TableContainer>
  );
}

/** The medication a request/statement/administration names, following a Medication reference. */
function medicationOf(r: MedicationResource, medications: Map<string, Medication>): unknown {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const ref = text(r.medicationReference?.reference);
  if (!ref) return undefined;
  if (ref.startsWith('#')) return (list(r.contained).find((c) => (c as Medication | null)?.id === ref.slice(1)) as Medication | undefined)?.code;
  return medications.get(ref)?.code;
}

/** Start and end of a medication resource; values of the wrong type are missing. */
function medicationPeriod(r: MedicationResource): { start?: string | undefined; end?: string | undefined } {
  switch (r.resourceType) {
    case 'MedicationRequest':
      return { start: text(r.dispenseRequest?.validityPeriod?.start) ?? text(r.authoredOn), end: text(r.dispenseRequest?.validityPeriod?.end) };
    case 'MedicationStatement':
      return { start: text(r.effectivePeriod?.start) ?? text(r.effectiveDateTime), end: text(r.effectivePeriod?.end) };
    case 'MedicationAdministration':
      return { start: text(r.effectivePeriod?.start) ?? text(r.effectiveDateTime), end: text(r.effectivePeriod?.end) };
  }
}

/** A date string to sort by; anything else sorts as missing. */
function sortKey(date: unknown): string {
  return text(date) ?? '';
}

/** A first view of the record: conditions, medications and recent laboratory results, each row with its source. */
export function RecordTables({ resources }: { resources: readonly Resource[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = (d: unknown) => formatFhirDate(d, lang) ?? t('record.noDate');
  const medications = new Map(resources.filter(isType<Medication>('Medication')).map((m) => [`Medication/${m.id ?? ''}`, m]));

  const conditions = resources
    .filter(isType<Condition>('Condition'))
    .sort((a, b) => sortKey(text(b.onsetDateTime) ?? b.recordedDate).localeCompare(sortKey(text(a.onsetDateTime) ?? a.recordedDate)));
  const conditionRows = conditions.map((c) => [
    conceptText(c.code) ?? t('record.uncoded'),
    codingsLabel(c.code?.coding) ?? t('record.uncoded'),
    [conceptText(c.clinicalStatus), conceptText(c.verificationStatus)].filter(Boolean).join(' / '),
    date(text(c.onsetDateTime) ?? text(c.onsetPeriod?.start) ?? c.recordedDate),
    <SourceButton key="s" resource={c} />,
  ]);

  const meds = resources.filter(
    (r): r is MedicationResource =>
      r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement' || r.resourceType === 'MedicationAdministration',
  );
  const medRows = meds
    .map((m) => ({ m, period: medicationPeriod(m) }))
    .sort((a, b) => sortKey(b.period.start).localeCompare(sortKey(a.period.start)))
    .map(({ m, period }) => {
      const concept = medicationOf(m, medications);
      return [
        conceptText(concept) ?? t('record.uncoded'),
        codingsLabel((concept as { coding?: unknown } | null | undefined)?.coding) ?? t('record.uncoded'),
        `${m.resourceType.replace('Medication', '')}: ${text(m.status) ?? '?'}`,
        `${date(period.start)} – ${period.end ? date(period.end) : ''}`,
        <SourceButton key="s" resource={m} />,
      ];
    });

  // Latest result per test, newest first; entered-in-error results are not results.
  const latest = new Map<string, Observation>();
  for (const o of resources.filter(isType<Observation>('Observation'))) {
    if (o.status === 'entered-in-error' || (!o.valueQuantity && !o.valueCodeableConcept && !o.valueString)) continue;
    const key = codingsLabel(o.code?.coding) ?? conceptText(o.code) ?? text(o.id) ?? '';
    const prev = latest.get(key);
    if (!prev || sortKey(o.effectiveDateTime) > sortKey(prev.effectiveDateTime)) latest.set(key, o);
  }
  const labRows = [...latest.values()]
    .sort((a, b) => sortKey(b.effectiveDateTime).localeCompare(sortKey(a.effectiveDateTime)))
    .map((o) => [
      conceptText(o.code) ?? t('record.uncoded'),
      formatQuantity(o.valueQuantity, lang) ?? conceptText(o.valueCodeableConcept) ?? text(o.valueString) ?? t('record.noValue'),
      date(text(o.effectiveDateTime) ?? o.effectivePeriod?.start),
      <SourceButton key="s" resource={o} />,
    ]);

  const c = (k: string) => t(`record.columns.${k}`);
  return (
    <>
      <SimpleTable
        testId="conditions"
        caption={t('record.conditions')}
        headers={[c('condition'), c('code'), c('status'), c('onset'), c('source')]}
        rows={conditionRows}
      />
      <SimpleTable
        testId="medications"
        caption={t('record.medications')}
        headers={[c('medication'), c('code'), c('status'), c('period'), c('source')]}
        rows={medRows}
      />
      <SimpleTable testId="labs" caption={t('record.labs')} headers={[c('test'), c('value'), c('date'), c('source')]} rows={labRows} />
    </>
  );
}
