import { Box, Button, TableCell, TableRow } from '@mui/material';
import { styled } from '@mui/material/styles';
import { useEffect, useMemo, useRef } from 'react';
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
  // Plain elements styled by the row's classes (see Row): as MUI Boxes with `sx` each bar cost three
  // styled components and two new CSS rules per row on the first screen (issue 15, render cost).
  return (
    <div aria-hidden className="tn-bar">
      <div className="tn-bar-range" style={{ left: `${lower * 100}%`, width: `${Math.max(0.5, (upper - lower) * 100)}%` }} />
      <div className="tn-bar-point" style={{ left: `calc(${p * 100}% - 1px)` }} />
    </div>
  );
}

/**
 * The option row with its styles as classes on one styled element: one style resolution per row instead
 * of one per caption, name and bar (issue 15: MUI `sx` resolution was a third of the ranking's render).
 */
const Row = styled(TableRow)(({ theme }) => ({
  '& .tn-wrap': { overflowWrap: 'anywhere' },
  '& .tn-name': { ...theme.typography.body1, margin: 0, fontWeight: 600 },
  '& .tn-body2': { ...theme.typography.body2, margin: 0 },
  '& .tn-caption': { ...theme.typography.caption, margin: 0, display: 'block' },
  '& .tn-muted': { color: theme.palette.text.secondary },
  '& .tn-primary': { color: theme.palette.primary.main },
  '& .tn-bar': {
    position: 'relative',
    height: 12,
    width: '100%',
    maxWidth: 160,
    backgroundColor: theme.palette.grey[200],
    borderRadius: theme.shape.borderRadius,
  },
  '& .tn-bar-range': { position: 'absolute', top: 3, height: 6, backgroundColor: theme.palette.primary.light },
  '& .tn-bar-point': { position: 'absolute', width: 3, top: 0, height: 12, backgroundColor: theme.palette.primary.dark },
}));

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
  // The findings are the same objects before and after the probabilities arrive (issue 15): kept as one list.
  const rowFlags = useMemo(() => o.flags.filter((f) => !isChecklistFlag(f)), [o.flags]);
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
    <Row
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
      <TableCell component="th" scope="row" className="tn-wrap">
        <p className="tn-name">{drugLabel(o.drug)}</p>
        {highlighted && (
          <div className="tn-caption tn-primary" data-testid="launch-focus-note">
            {t('launchContext.focused')}
          </div>
        )}
        {o.indistinguishableFromTop && <div className="tn-caption tn-muted">{t('ranking.overlaps')}</div>}
        <HistoryLine history={history} />
        {item.demoted && (
          <div className="tn-caption tn-muted" data-testid="demoted-note">
            {t('decision.tiers.demoted')}
          </div>
        )}
        {driver && (
          <div className="tn-caption" data-testid="decisive-reason">
            {t('decision.tiers.driver', { input: inputLabel(driver.input), points: points(driver.phi, lang) })}
          </div>
        )}
      </TableCell>
      <TableCell data-testid="probability-cell">
        <p className="tn-name" data-testid="probability">
          {percent(o.probability, lang)}
        </p>
        <p className="tn-body2" data-testid="interval">
          {percent(o.lower, lang)} – {percent(o.upper, lang)}
        </p>
        <IntervalBar p={o.probability} lower={o.lower} upper={o.upper} />
      </TableCell>
      <TableCell data-testid="flags" className="tn-wrap">
        {worst ? <SeverityChip severity={worst} /> : <p className="tn-body2">{t('ranking.noFlags')}</p>}
        {rowFlags.length > 0 && <FlagList flags={rowFlags} />}
        {topics.length > 0 && (
          <div className="tn-caption tn-muted" data-testid="checklist-ref">
            {t('decision.checklist.rowNote', { topics: topics.map((x) => t(`decision.checklist.topic.${x}`)).join(', ') })}
          </div>
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
    </Row>
  );
}
