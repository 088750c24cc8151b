import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpisodeSummary, HistoryNote } from '../../rules/history.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { monthYear } from './format.ts';

/**
 * The one-line text of a history note in the UI language, e.g. "Stopped 04/2019: loss of response with
 * anti-drug antibodies: not a first choice; a switch within the class is reasonable". Null for the
 * current drug itself (judged in the continue panel).
 */
export function useHistoryText(): { line: (note: HistoryNote) => string | null; reason: (ep: EpisodeSummary) => string } {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const lang = i18n.language;
  const reason = useCallback(
    (ep: EpisodeSummary): string => {
      let r = t(`decision.history.reason.${ep.reason ?? 'unknown'}`);
      if (ep.antibodies) r = t('decision.history.withAntibodies', { reason: r });
      if (ep.finding) r = t('decision.history.withFinding', { reason: r, finding: t(`decision.history.finding.${ep.finding}`) });
      return r;
    },
    [t],
  );
  const line = useCallback(
    (note: HistoryNote): string | null => {
      const ep = note.episode;
      if (ep.ongoing) return note.relation === 'same-drug' ? null : t(`decision.history.onNow.${note.relation}`, { drug: drugLabel(ep.inn) });
      const date = monthYear(ep.end, lang);
      const why = reason(ep);
      let lead: string;
      if (note.relation !== 'same-drug')
        lead = t(`decision.history.relation.${note.relation}`, { drug: drugLabel(ep.inn), date: date ?? t('decision.history.dateUnknown'), reason: why });
      else lead = date ? t('decision.history.stopped', { date, reason: why }) : t('decision.history.stoppedNoDate', { reason: why });
      return t('decision.history.line', { lead, judgement: t(`decision.history.judgement.${note.judgement}`) });
    },
    [t, lang, drugLabel, reason],
  );
  return { line, reason };
}
