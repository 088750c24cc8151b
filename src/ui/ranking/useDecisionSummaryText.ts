import { useCallback } from 'react';
import type { DecisionSummaryText } from '../../writeback/decisionRecord.ts';
import { decisionSummaryText, type SummaryData } from './summaryText.ts';
import { useSummaryTexts } from './useSummaryTexts.ts';

/**
 * The decision summary as text in the UI language, with its title and language tag: the
 * DocumentReference's attachment (src/ui/ranking/summaryText.ts, the print summary's wording).
 */
export function useDecisionSummaryText(): (data: SummaryData) => DecisionSummaryText {
  const texts = useSummaryTexts();
  return useCallback(
    (data: SummaryData) => {
      const text = decisionSummaryText(data, texts);
      return { text, language: texts.clinical, title: texts.t('ranking.print.documentTitle') };
    },
    [texts],
  );
}
