// @vitest-environment jsdom
// An indication recognised only by the optional terminology server says so, naming the server, in each UI language.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '@src/extract/extract.ts';
import { IndicationsPanel } from '@src/ui/components/IndicationsPanel.tsx';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { cc, condition, NOW, patient, SCT } from '../../support/fhir.ts';

const SERVER = 'https://tx.example.org';
const record = extractRecord([patient(), condition('jia', cc({ system: SCT, code: '410796000' }))], {
  now: NOW,
  terminology: {
    matches: [
      { system: SCT, code: '410796000', concept: 'dx.rheumatoid_arthritis', root: '69896004 |Rheumatoid arthritis|', server: SERVER, outcome: 'subsumed-by' },
    ],
    problems: [],
  },
});

describe('a terminology-server match in the indications panel', () => {
  it.each([
    ['en', /recognised by the terminology server https:\/\/tx\.example\.org/],
    ['de', /vom Terminologieserver https:\/\/tx\.example\.org erkannt/],
    ['fr', /reconnu par le serveur de terminologie https:\/\/tx\.example\.org/],
  ] as Array<[Language, RegExp]>)('%s', async (lang, text) => {
    const i18n = await createI18n(lang);
    render(
      <I18nextProvider i18n={i18n}>
        <IndicationsPanel findings={record.indications} />
      </I18nextProvider>,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('a code-list match carries no server mark', async () => {
    const i18n = await createI18n('en');
    const plain = extractRecord([patient(), condition('cd', cc({ system: SCT, code: '38106008' }))], { now: NOW });
    render(
      <I18nextProvider i18n={i18n}>
        <IndicationsPanel findings={plain.indications} />
      </I18nextProvider>,
    );
    expect(screen.queryByText(/terminology server/)).toBeNull();
  });
});
