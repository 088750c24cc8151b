import { Box, Button, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugExplanation } from '../../model/explain.ts';
import { TOPIC_OF_RULE, isChecklistFlag } from '../../rules/checklist.ts';
import type { DrugHistory } from '../../rules/history.ts';
import { worstSeverity } from '../../rules/safety/index.ts';
import { HistoryLine } from '../decision/HistoryLine.tsx';
import { VISUALLY_HIDDEN } from '../decision/format.ts';
import { FlagList, SeverityChip } from './FlagList.tsx';
import { percent, points } from './format.ts';
import type { TieredOption } from './tiers.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { useInputLabel } from './useInputLabel.ts';

/** An interval drawn on a 0–100 % scale, the point estimate marked: uncertainty is always visible. */
export function IntervalBar({ p, lower, upper }: { p: number; lower: number; upper: number }) {
  return (
    <Box aria-hidden sx={{ position: 'relative', height: 12, width: '100%', maxWidth: 160, bgcolor: 'grey.200', borderRadius: 1 }}>
      {/* Positions as inline styles: as `sx` every row made two new CSS rules (issue 15, render cost). */}
      <Box
        sx={{ position: 'absolute', top: 3, height: 6, bgcolor: 'primary.light' }}
        style={{ left: `${lower * 100}%`, width: `${Math.max(0.5, (upper - lower) * 100)}%` }}
      />
      <Box sx={{ position: 'absolute', width: 3, top: 0, height: 12, bgcolor: 'primary.dark' }} style={{ left: `calc(${p * 100}% - 1px)` }} />
    </Box>
  );
}

/** The input that moves this option's probability most (the explanation's largest contribution), if computed. */
function largestDriver(ex: DrugExplanation | undefined): { input: string; phi: number } | null {
  const top = ex?.contributions.reduce<{ input: string; phi: number } | null>((a, c) => (a === null || Math.abs(c.phi) > Math.abs(a.phi) ? c : a), null);
  return top && Math.abs(top.phi) >= 0.005 ? top : null;
}

/**
 * One option in its tier: position, name, the patient's history with it, probability with interval,
 * its drug-specific safety findings (screening to-dos go to the checklist; the row names them), and "Why?".
 */
export function OptionRow({
  item,
  history,
  explanation,
  showDriver,
  isOpen,
  onToggle,
  highlighted = false,
}: {
  item: TieredOption;
  history: DrugHistory | undefined;
  explanation: DrugExplanation | undefined;
  showDriver: boolean;
  isOpen: boolean;
  onToggle: () => void;
  /** The EHR opened the app on this drug (launch context): the row is marked and brought into view. */
  highlighted?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const inputLabel = useInputLabel();
  const lang = i18n.language;
  const o = item.option;
  const rowFlags = o.flags.filter((f) => !isChecklistFlag(f));
  const worst = worstSeverity(rowFlags);
  const topics = [
    ...new Set(
      o.flags
        .filter(isChecklistFlag)
        .map((f) => TOPIC_OF_RULE[f.ruleId])
        .filter((x) => x !== undefined),
    ),
  ];
  const driver = showDriver ? largestDriver(explanation) : null;
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const row = rowRef.current;
    // jsdom has no scrollIntoView; in a browser the row the EHR asked for is brought into view once.
    if (highlighted && row && typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  return (
    <TableRow
      ref={rowRef}
      selected={highlighted}
      {...(highlighted ? { 'data-launch-focus': 'true', 'aria-current': 'true' as const } : {})}
      data-testid="ranked-option"
      data-drug={o.drug}
      data-rank={item.position}
      data-tier={item.tier}
      data-worst={o.worst ?? 'none'}
      data-probability={o.probability}
      data-demoted={item.demoted}
    >
      <TableCell>{item.position}</TableCell>
      <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>
        <Typography sx={{ fontWeight: 600 }}>{drugLabel(o.drug)}</Typography>
        {highlighted && (
          <Typography variant="caption" component="div" color="primary" data-testid="launch-focus-note">
            {t('launchContext.focused')}
          </Typography>
        )}
        {o.indistinguishableFromTop && (
          <Typography variant="caption" component="div" color="text.secondary">
            {t('ranking.overlaps')}
          </Typography>
        )}
        <HistoryLine history={history} />
        {item.demoted && (
          <Typography variant="caption" component="div" color="text.secondary" data-testid="demoted-note">
            {t('decision.tiers.demoted')}
          </Typography>
        )}
        {driver && (
          <Typography variant="caption" component="div" data-testid="decisive-reason">
            {t('decision.tiers.driver', { input: inputLabel(driver.input), points: points(driver.phi, lang) })}
          </Typography>
        )}
      </TableCell>
      <TableCell data-testid="probability-cell">
        <Typography sx={{ fontWeight: 600 }} data-testid="probability">
          {percent(o.probability, lang)}
        </Typography>
        <Typography variant="body2" data-testid="interval">
          {percent(o.lower, lang)} – {percent(o.upper, lang)}
        </Typography>
        <IntervalBar p={o.probability} lower={o.lower} upper={o.upper} />
      </TableCell>
      <TableCell data-testid="flags" sx={{ overflowWrap: 'anywhere' }}>
        {worst ? <SeverityChip severity={worst} /> : <Typography variant="body2">{t('ranking.noFlags')}</Typography>}
        {rowFlags.length > 0 && <FlagList flags={rowFlags} />}
        {topics.length > 0 && (
          <Typography variant="caption" component="div" color="text.secondary" data-testid="checklist-ref">
            {t('decision.checklist.rowNote', { topics: topics.map((x) => t(`decision.checklist.topic.${x}`)).join(', ') })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {explanation && (
          <Button size="small" variant="outlined" aria-expanded={isOpen} onClick={onToggle} data-testid={`explain-${o.drug}`} sx={{ minWidth: 0 }}>
            {t('decision.tiers.why')}
            {/* The visible "Why?" starts the accessible name; the drug completes it for screen readers. */}
            <Box component="span" sx={VISUALLY_HIDDEN}>
              {` ${t('decision.tiers.whyFor', { drug: drugLabel(o.drug) })}`}
            </Box>
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
