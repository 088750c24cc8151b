import { screen, waitFor, within } from '@testing-library/react';
import type { Patient, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { SignedInUserLine } from '@src/ui/components/SignedInUser.tsx';
import { PatientBanner } from '@src/ui/components/PatientBanner.tsx';
import { SessionContext } from '@src/ui/SessionContext.ts';
import type { FhirSession } from '@src/smart/index.ts';
import { FhirRequestError } from '@src/smart/errors.ts';
import { renderWithProviders } from '../../support/providers.tsx';

const PRACTITIONER = { resourceType: 'Practitioner', id: 'pract-demo', name: [{ use: 'official', family: 'Weber', given: ['Anna'], prefix: ['Dr.'] }] };

function sessionWith(user: string | null, read: (ref: string) => Promise<unknown>): FhirSession {
  return {
    fhirBaseUrl: 'https://fhir.example/r4',
    patientId: 'p1',
    user,
    read: read as <T extends Resource>(ref: string) => Promise<T>,
  } as unknown as FhirSession;
}

async function renderLine(session: FhirSession, language: 'en' | 'de' | 'fr' = 'en') {
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <SignedInUserLine />
    </SessionContext.Provider>,
    { language },
  );
}

describe('signed-in user line', () => {
  it.each([
    ['en', 'Signed in as Dr. Anna Weber'],
    ['de', 'Angemeldet als Dr. Anna Weber'],
    ['fr', 'Connecté·e : Dr. Anna Weber'],
  ] as const)('%s: the name from the fhirUser resource', async (language, expected) => {
    const reads: string[] = [];
    await renderLine(
      sessionWith('Practitioner/pract-demo', (ref) => {
        reads.push(ref);
        return Promise.resolve(PRACTITIONER);
      }),
      language,
    );
    await waitFor(() => expect(screen.getByTestId('signed-in-user')).toHaveTextContent(expected));
    expect(reads).toEqual(['Practitioner/pract-demo']);
  });

  it('a refused read: the reference labelled as the user record, with the reason, never bare', async () => {
    await renderLine(sessionWith('Practitioner/pract-demo', () => Promise.reject(new FhirRequestError('forbidden', 403, 'Practitioner', 'no scope'))));
    const line = screen.getByTestId('signed-in-user');
    await waitFor(() => expect(line).toHaveAttribute('data-user-state', 'reference-only'));
    expect(line).toHaveTextContent(
      'Signed in as a practitioner with EHR user record Practitioner/pract-demo (name not shown: the EHR did not grant reading it)',
    );
  });

  it('German fallback and no claim at all', async () => {
    await renderLine(
      sessionWith('Practitioner/x', () => Promise.reject(new Error('network'))),
      'de',
    );
    await waitFor(() =>
      expect(screen.getByTestId('signed-in-user')).toHaveTextContent(
        /Benutzerdatensatz Practitioner\/x im KIS \(Name nicht angezeigt: er konnte nicht gelesen werden\)/,
      ),
    );
  });

  it('no fhirUser claim: says the EHR did not name the user', async () => {
    await renderLine(sessionWith(null, () => Promise.reject(new Error('must not be called'))));
    await waitFor(() => expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Signed-in user not named by the EHR'));
  });
});

describe('patient banner identifiers', () => {
  const patient: Patient = {
    resourceType: 'Patient',
    id: 'p1',
    name: [{ family: 'Dupont', given: ['Claire'] }],
    identifier: [
      { system: 'urn:oid:1.2.250.1.213.1.4.8', value: '284067512345678' },
      {
        system: 'https://dpi.chu-exemple.fr/fhir/sid/ipp',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        value: 'IPP-001',
      },
      { system: 'urn:oid:2.16.756.5.32', value: '7561234567897' },
      { system: 'https://therapy-navigator.example.org/fhir/sid/simulated-patient' },
    ],
  };

  it.each([
    ['en', ['INS: 284067512345678', 'MRN: IPP-001', 'AHV no.: 7561234567897', 'Identifier: no value']],
    ['fr', ['INS: 284067512345678', 'IPP: IPP-001', 'N° AVS: 7561234567897', 'Identifiant: sans valeur']],
    ['de', ['INS: 284067512345678', 'Pat.-Nr.: IPP-001', 'AHV-Nr.: 7561234567897', 'Kennung: kein Wert']],
  ] as const)('%s: labelled by kind, no system URL', async (language, chips) => {
    await renderWithProviders(<PatientBanner patient={patient} now={new Date('2026-11-15T00:00:00Z')} />, { language });
    const banner = screen.getByTestId('patient-banner');
    expect(
      within(banner)
        .getAllByTestId('patient-identifier')
        .map((c) => c.textContent),
    ).toEqual(chips);
    expect(banner.textContent).not.toMatch(/https?:|urn:/);
    expect(within(banner).getAllByTestId('patient-identifier')[0]).toHaveAttribute('aria-label', expect.stringContaining('INS-NIR'));
  });
});
