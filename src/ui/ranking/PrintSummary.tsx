import { Box, Button, GlobalStyles } from '@mui/material';
import type { Patient } from 'fhir/r4';
import { useCallback, useContext, useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PreparedRecord, Ranking } from '../../pipeline/index.ts';
import { SessionContext } from '../SessionContext.ts';
import { useSignedInName } from '../hooks/useSignedInUser.ts';
import { PrintSummaryContent } from './PrintSummaryContent.tsx';
import type { RecordedDecision } from './printSummary.ts';

/**
 * Paper only: the summary is a direct child of <body> (a portal), so everything else can be left out of
 * the print entirely (no blank pages where the screen was); options and sections do not break across pages.
 */
const PRINT_CSS = {
  '@media print': {
    '@page': { margin: '15mm' },
    'body > *:not(#print-summary)': { display: 'none !important' },
    '#print-summary': { display: 'block !important', fontSize: '10.5pt', color: '#000' },
    '#print-summary li, #print-summary section': { breakInside: 'avoid' },
  },
} as const;

/**
 * The print / PDF summary to hand over and file: the patient, what a percentage means, the options by
 * tier with their decisive finding and the patient's history with each drug, the current therapy and its
 * assessment, the current-medication findings, the open pre-treatment checks, the missing inputs, the
 * decision (or a line to write it on), the model and the date and time printed. On screen only the
 * button shows; on paper only the summary.
 * @param clock the time stamped as "printed" (read again just before each print); tests pass a fixed one
 */
export function PrintSummary({
  recommendation,
  record,
  now,
  patient,
  decision = null,
  clock = () => new Date(),
}: {
  recommendation: Ranking;
  record: PreparedRecord;
  now: Date;
  /** The launch's Patient (name, birth date, identifiers), when read. */
  patient?: Patient | undefined;
  /** The decision recorded in this screen, if any. */
  decision?: RecordedDecision | null;
  clock?: () => Date;
}) {
  const { t } = useTranslation();
  const session = useContext(SessionContext);
  // The signed-in user's name (the header's query, read once per launch); the reference when it could not be read.
  const userName = useSignedInName(session);
  const [printedAt, setPrintedAt] = useState(clock);
  const stamp = useCallback(() => flushSync(() => setPrintedAt(clock())), [clock]);
  useEffect(() => {
    // Ctrl+P and the browser menu print too: stamp the time then, before the page is laid out.
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, [stamp]);
  return (
    <>
      <GlobalStyles styles={PRINT_CSS} />
      <Button
        variant="outlined"
        size="small"
        onClick={() => {
          stamp();
          window.print();
        }}
        data-testid="print-summary-button"
      >
        {t('ranking.print.button')}
      </Button>
      {createPortal(
        <Box id="print-summary" sx={{ display: 'none' }} data-testid="print-summary">
          <PrintSummaryContent
            recommendation={recommendation}
            record={record}
            now={now}
            patient={patient}
            decision={decision}
            user={userName ?? session?.user ?? null}
            printedAt={printedAt}
          />
        </Box>,
        document.body,
      )}
    </>
  );
}
