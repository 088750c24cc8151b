import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResponseText, useSwitchReasonText } from '../decision/ResponseSummary.tsx';
import { useHistoryText } from '../decision/useHistoryText.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import type { SummaryTexts } from './summaryText.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { useInputLabel } from './useInputLabel.ts';
import { useSafetyText } from './useSafetyText.ts';

/**
 * The translation and label functions of the UI language that the decision summary is worded with:
 * one place for the print summary (PrintSummaryContent.tsx) and the written document's text
 * (useDecisionSummaryText.ts), so both read the same words.
 */
export function useSummaryTexts(): SummaryTexts {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const drugLabel = useDrugLabel();
  const inputLabel = useInputLabel();
  const safetyText = useSafetyText();
  const { line: historyLine } = useHistoryText();
  const responseText = useResponseText();
  const reasonText = useSwitchReasonText();
  return useMemo(
    () => ({ t, lang, clinical: toClinicalLanguage(lang), drugLabel, inputLabel, safetyText, historyLine, responseText, reasonText }),
    [t, lang, drugLabel, inputLabel, safetyText, historyLine, responseText, reasonText],
  );
}
