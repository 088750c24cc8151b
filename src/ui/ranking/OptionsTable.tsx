import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/extract.ts';
import type { Explanation, Ranking } from '../../pipeline/index.ts';
import type { DrugHistory } from '../../rules/history.ts';
import { ExplanationView } from './ExplanationView.tsx';
import { OptionRow } from './OptionRow.tsx';
import { groupByTier, type Tier } from './tiers.ts';
import { useLaunchFocusContext } from '../LaunchFocusContext.ts';

const COLS = ['rank', 'drug', 'probability', 'flags', 'details'] as const;
/** Fixed column widths so the table fits an EHR side panel (800 px) without horizontal scrolling. */
const WIDTH: Record<(typeof COLS)[number], string | undefined> = { rank: '2.5rem', drug: '32%', probability: '8.5rem', flags: undefined, details: '6rem' };
/** How many suitable options show their largest driver (the first screen's "one decisive reason"). */
const DRIVER_ROWS = 3;
/** The colour of each tier's left border. */
const TIER_COLOUR: Record<Tier, string> = { suitable: 'success.main', restricted: 'warning.main', contraindicated: 'error.main' };

/**
 * The new-start options in tiers (suitable, only if no suitable alternative, contraindicated), each in
 * probability order with history-demoted options last (src/ui/ranking/tiers.ts); the explanation on demand.
 * The current therapy is not here: it has its own panel.
 */
export function OptionsTable({
  recommendation,
  explanation: ex,
  record,
  histories = {},
}: {
  /** The ranking, or the provisional options rendered hidden before it (pipeline provisionalOptions). */
  recommendation: Pick<Ranking, 'indication' | 'options' | 'modelValues'>;
  explanation: Explanation | undefined;
  record: ExtractedRecord;
  histories?: Readonly<Record<string, DrugHistory>>;
}) {
  const { t } = useTranslation();
  const groups = useMemo(
    () =>
      groupByTier(
        recommendation.options,
        new Set(
          Object.values(histories)
            .filter((h) => h.demoted)
            .map((h) => h.drug),
        ),
      ),
    [recommendation.options, histories],
  );
  // The drug the EHR opened the app on (launchFocus.ts): its "Why?" starts open, if it is a new-start option here.
  const focusDrug = useLaunchFocusContext().drug;
  const focusInTable = focusDrug !== undefined && groups.some((g) => g.options.some((o) => o.option.drug === focusDrug)) ? focusDrug : null;
  const [open, setOpen] = useState<string | null>(focusInTable);
  // A focus that arrives after the first render (a context resource read on its own) opens its row then
  // (state adjusted while rendering, as React advises for state derived from props).
  const [openedFor, setOpenedFor] = useState<string | null>(focusInTable);
  if (focusInTable !== openedFor) {
    setOpenedFor(focusInTable);
    if (focusInTable) setOpen(focusInTable);
  }
  return (
    <Table size="small" data-testid="ranking-table" sx={{ tableLayout: 'fixed', width: '100%' }}>
      <TableHead>
        <TableRow>
          {COLS.map((c) => (
            <TableCell key={c} component="th" scope="col" sx={{ width: WIDTH[c] }}>
              {t(`ranking.columns.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      {groups.map((g) => (
        <TableBody key={g.tier} data-testid="tier-group" data-tier={g.tier}>
          <TableRow>
            <TableCell component="th" scope="rowgroup" colSpan={COLS.length} sx={{ bgcolor: 'grey.100', borderLeft: 6, borderLeftColor: TIER_COLOUR[g.tier] }}>
              <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700, display: 'inline' }} data-testid="tier-title">
                {t(`decision.tiers.${g.tier}`)}
              </Typography>{' '}
              <Chip size="small" label={t('decision.tiers.count', { count: g.options.length })} />
            </TableCell>
          </TableRow>
          {g.options.map((item, i) => {
            const drug = item.option.drug;
            const explanation = ex?.explanations[drug];
            const isOpen = open === drug;
            return (
              <Fragment key={drug}>
                <OptionRow
                  item={item}
                  history={histories[drug]}
                  explanation={explanation}
                  showDriver={g.tier === 'suitable' && i < DRIVER_ROWS}
                  isOpen={isOpen}
                  highlighted={drug === focusInTable}
                  onToggle={() => setOpen(isOpen ? null : drug)}
                />
                {isOpen && explanation && (
                  <TableRow>
                    <TableCell colSpan={COLS.length}>
                      <ExplanationView explanation={explanation} record={record} modelValues={recommendation.modelValues} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      ))}
    </Table>
  );
}
