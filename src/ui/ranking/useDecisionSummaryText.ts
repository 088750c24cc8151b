import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionSummaryText } from '../../writeback/decisionRecord.ts';
import { useResponseText, useSwitchReasonText } from '../decision/ResponseSummary.tsx';
import { useHistoryText } from '../decision/useHistoryText.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { decisionSummaryText, type SummaryData } from './summaryText.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { useInputLabel } from './useInputLabel.ts';
import { useSafetyText } from './useSafetyText.ts';

/**
 * The decision summary as text in the UI language, with its title and language tag: the
 * DocumentReference's attachment (src/ui/ranking/summaryText.ts, the print summary's wording).
 */
export function useDecisionSummaryText(): (data: SummaryData) => DecisionSummaryText {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const inputLabel = useInputLabel();
  const safetyText = useSafetyText();
  const { line: historyLine } = useHistoryText();
  const responseText = useResponseText();
  const reasonText = useSwitchReasonText();
  const lang = i18n.language;
  return useCallback(
    (data: SummaryData) => {
      const clinical = toClinicalLanguage(lang);
      const text = decisionSummaryText(data, { t, lang, clinical, drugLabel, inputLabel, safetyText, historyLine, responseText, reasonText });
      return { text, language: clinical, title: t('ranking.print.documentTitle') };
    },
    [t, lang, drugLabel, inputLabel, safetyText, historyLine, responseText, reasonText],
  );
}
