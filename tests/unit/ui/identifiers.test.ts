import { describe, expect, it } from 'vitest';
import { identifierLabel } from '@src/ui/identifiers.ts';

const MR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };

describe('identifierLabel', () => {
  it.each([
    // The systems of the demo patients and the shared example bundles.
    [
      'KVNR',
      { system: 'http://fhir.de/sid/gkv/kvid-10', type: { coding: [{ system: 'http://fhir.de/CodeSystem/identifier-type-de-basis', code: 'KVZ10' }] } },
      ['KVNR', 'KVNR', 'KVNR'],
      'system',
    ],
    ['PKV', { system: 'http://fhir.de/sid/pkv/kvid-10' }, ['PKV no.', 'PKV-Nr.', 'N° PKV'], 'system'],
    ['INS-NIR', { system: 'urn:oid:1.2.250.1.213.1.4.8' }, ['INS', 'INS', 'INS'], 'system'],
    ['INS-NIA', { system: 'urn:oid:1.2.250.1.213.1.4.9' }, ['INS (NIA)', 'INS (NIA)', 'INS (NIA)'], 'system'],
    ['INS test', { system: 'urn:oid:1.2.250.1.213.1.4.10' }, ['INS (test)', 'INS (Test)', 'INS (test)'], 'system'],
    ['AHV / AVS', { system: 'urn:oid:2.16.756.5.32' }, ['AHV no.', 'AHV-Nr.', 'N° AVS'], 'system'],
    ['Luxembourg matricule', { system: 'urn:oid:1.3.182.4.4' }, ['Matricule (LU)', 'Matrikel (LU)', 'Matricule (LU)'], 'system'],
    ['BSN', { system: 'http://fhir.nl/fhir/NamingSystem/bsn' }, ['BSN', 'BSN', 'BSN'], 'system'],
    ['hospital MRN by type MR', { system: 'https://www.klinikum-rheinau.example.de/fhir/sid/patienten', type: MR }, ['MRN', 'Pat.-Nr.', 'IPP'], 'type'],
    [
      'SSN by type SS',
      { system: 'urn:x', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] } },
      ['SSN', 'SSN (USA)', 'SSN (É.-U.)'],
      'type',
    ],
    [
      'passport (Synthea)',
      {
        system: 'http://standardhealthrecord.org/fhir/StructureDefinition/passportNumber',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'PPN' }], text: 'Passport Number' },
      },
      ['Passport', 'Reisepass-Nr.', 'Passeport'],
      'type',
    ],
    [
      'unknown system with a type text',
      { system: 'https://x.example/sid/y', type: { text: 'Fallnummer' } },
      ['Fallnummer', 'Fallnummer', 'Fallnummer'],
      'text',
    ],
    [
      'unknown system, no type',
      { system: 'https://therapy-navigator.example.org/fhir/sid/simulated-patient', value: '1' },
      ['Identifier', 'Kennung', 'Identifiant'],
      'generic',
    ],
    [
      'a type text that is a URL is not shown',
      { system: 'https://x.example/a', type: { text: 'https://x.example/a' } },
      ['Identifier', 'Kennung', 'Identifiant'],
      'generic',
    ],
    [
      'a code with the wrong system is not MR',
      { system: 'https://x.example/a', type: { coding: [{ system: 'http://example.org/other', code: 'MR' }] } },
      ['Identifier', 'Kennung', 'Identifiant'],
      'generic',
    ],
    ['wrong types count as missing', { system: 42, type: 'MR' }, ['Identifier', 'Kennung', 'Identifiant'], 'generic'],
  ])('%s', (_name, identifier, [en, de, fr], basis) => {
    expect(identifierLabel(identifier, 'en')).toMatchObject({ short: en, basis });
    expect(identifierLabel(identifier, 'de').short).toBe(de);
    expect(identifierLabel(identifier, 'fr').short).toBe(fr);
  });

  it('never returns the system URI, in short or long form', () => {
    const systems = ['https://dpi.chu-exemple.fr/fhir/sid/ipp', 'urn:example:sandbox-mrn', 'constructor', 'http://hospital.smarthealthit.org'];
    for (const system of systems) {
      for (const lang of ['en', 'de', 'fr'] as const) {
        const l = identifierLabel({ system, value: 'v' }, lang);
        expect(l.short).not.toContain(system);
        expect(l.long).not.toContain(system);
      }
    }
  });

  it('the long form names the country and the number', () => {
    expect(identifierLabel({ system: 'urn:oid:2.16.756.5.32' }, 'fr').long).toMatch(/AVS/);
    expect(identifierLabel({ system: 'urn:oid:1.2.250.1.213.1.4.8' }, 'fr').long).toBe('Identifiant national de santé (INS-NIR)');
  });
});
