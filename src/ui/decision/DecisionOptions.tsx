import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, PreparedRecord, Ranking } from '../../pipeline/index.ts';
import { buildChecklist } from '../../rules/checklist.ts';
import { assessCurrentTherapy } from '../../rules/currentTherapy.ts';
import { drugHistories } from '../../rules/history.ts';
import { OptionsTable } from '../ranking/OptionsTable.tsx';
import { Checklist } from './Checklist.tsx';
import { useLaunchFocusContext } from '../LaunchFocusContext.ts';
import { LaunchContextNotes } from '../components/LaunchContextNotes.tsx';
import type { LaunchNote } from '../../pipeline/launchFocus.ts';
import { ContinuePanel } from './ContinuePanel.tsx';

/**
 * The options as a specialist reads them: one pre-treatment checklist, the new starts in tiers with the
 * patient's history on each row, then "continue the current therapy" as its own panel.
 */
export function DecisionOptions({
  recommendation,
  explanation,
  record,
  now,
}: {
  /** The ranking, or the provisional options rendered hidden before it (pipeline provisionalOptions). */
  recommendation: Pick<Ranking, 'indication' | 'options' | 'modelValues'>;
  explanation: Explanation | undefined;
  record: PreparedRecord;
  now: Date;
}) {
  const { t } = useTranslation();
  const { options, indication } = recommendation;
  // Keyed by the set of drugs, not the ranking, so the rows' history lines keep their props when the
  // probabilities arrive or change (issue 15).
  const drugSet = options
    .map((o) => o.drug)
    .sort()
    .join('\n');
  const histories = useMemo(
    () => drugHistories(drugSet === '' ? [] : drugSet.split('\n'), record.episodes, indication),
    [drugSet, record.episodes, indication],
  );
  const checklist = useMemo(() => {
    // Screening is for drugs that may be started: a contraindicated option needs none.
    const starts = options.filter((o) => !o.current && o.worst !== 'contraindicated');
    return buildChecklist(
      Object.fromEntries(starts.map((o) => [o.drug, o.flags])),
      starts.map((o) => o.drug),
    );
  }, [options]);
  const assessment = useMemo(() => assessCurrentTherapy(record, now), [record, now]);
  const anyDemoted = Object.values(histories).some((h) => h.demoted);
  // The drug the EHR opened the app on: a new-start option is highlighted in the table; otherwise say why not.
  const focusDrug = useLaunchFocusContext().drug;
  const drugNote = useMemo((): LaunchNote | null => {
    if (!focusDrug) return null;
    const option = options.find((o) => o.drug === focusDrug);
    if (option?.current || assessment.current?.drug === focusDrug) return { code: 'drug-current', drug: focusDrug };
    return option ? null : { code: 'drug-not-option', drug: focusDrug, indication };
  }, [focusDrug, options, assessment, indication]);
  return (
    <>
      {drugNote && <LaunchContextNotes notes={[drugNote]} testId="launch-drug-note" />}
      <Checklist items={checklist} />
      <OptionsTable recommendation={recommendation} explanation={explanation} record={record} histories={histories} />
      {anyDemoted && (
        <Typography variant="caption" component="p" color="text.secondary" data-testid="demotion-rule" sx={{ mt: 0.5 }}>
          {t('decision.tiers.demotedRule')}
        </Typography>
      )}
      <ContinuePanel option={options.find((o) => o.current)} assessment={assessment} />
    </>
  );
}
