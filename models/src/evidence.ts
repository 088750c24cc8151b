/**
 * Reads the calibration evidence snapshot (models/evidence/calibration.csv, a copy of
 * models/evidence/calibration.csv) for citations in the model cards.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One evidence row, by the columns the model card cites. */
export interface EvidenceRow {
  id: string;
  drug: string;
  trial: string;
  endpoint: string;
  timepoint: string;
  citation: string;
  verification: string;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Loads the evidence rows keyed by id. */
export function loadEvidence(): Map<string, EvidenceRow> {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'evidence', 'calibration.csv');
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const col = (name: string): number => (header ?? []).indexOf(name);
  const out = new Map<string, EvidenceRow>();
  for (const r of rows) {
    const get = (name: string): string => r[col(name)] ?? '';
    if (get('id') === '') continue;
    out.set(get('id'), {
      id: get('id'),
      drug: get('drug'),
      trial: get('trial'),
      endpoint: get('endpoint'),
      timepoint: get('timepoint'),
      citation: get('citation'),
      verification: get('verification'),
    });
  }
  return out;
}
